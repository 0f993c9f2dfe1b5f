/**
 * A small JSON Schema validator for the subset laut's own schemas use (schema/*.schema.json),
 * so tests can check output against the published contract without a validator dependency.
 * It refuses schemas with keywords it does not implement instead of silently passing them:
 * a validator that ignores `maxItems` would report "valid" for documents that are not.
 *
 * Implemented: type (name or list), properties, required, additionalProperties (boolean or
 * schema), items, minItems, enum, const, minimum, maximum, pattern, anyOf, oneOf, and $ref to
 * "#/$defs/<name>" of the root schema. Annotations ($schema, $id, title, description, $comment)
 * are accepted and ignored.
 */

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  $comment?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export type JsonType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

export interface SchemaError {
  /** JSON Pointer to the offending value, "" for the root */
  path: string;
  message: string;
}

const KNOWN_KEYWORDS = new Set([
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "$comment",
  "title",
  "description",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "enum",
  "const",
  "minimum",
  "maximum",
  "pattern",
  "anyOf",
  "oneOf",
]);

const REF_PREFIX = "#/$defs/";

/** Validate `value` against `schema`; an empty list means valid. Throws on a schema it cannot honour. */
export function validate(schema: JsonSchema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  new Validator(schema).check(schema, value, "", errors);
  return errors;
}

class Validator {
  readonly #root: JsonSchema;
  readonly #patterns = new Map<string, RegExp>();

  constructor(root: JsonSchema) {
    this.#root = root;
  }

  check(schema: JsonSchema, value: unknown, path: string, errors: SchemaError[]): void {
    for (const key of Object.keys(schema)) {
      if (!KNOWN_KEYWORDS.has(key))
        throw new Error(`schema keyword "${key}" is not supported (at ${path || "/"})`);
    }
    if (schema.$ref !== undefined) this.check(this.#resolve(schema.$ref), value, path, errors);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((t) => hasType(value, t))) {
        errors.push({ path, message: `expected ${types.join(" or ")}, got ${typeName(value)}` });
        return;
      }
    }
    if (schema.const !== undefined && !jsonEqual(schema.const, value)) {
      errors.push({ path, message: `expected ${JSON.stringify(schema.const)}` });
    }
    if (schema.enum !== undefined && !schema.enum.some((e) => jsonEqual(e, value))) {
      errors.push({
        path,
        message: `expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`,
      });
    }
    if (typeof value === "number") {
      if (schema.minimum !== undefined && value < schema.minimum) {
        errors.push({ path, message: `${value} is below the minimum ${schema.minimum}` });
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        errors.push({ path, message: `${value} is above the maximum ${schema.maximum}` });
      }
    }
    if (
      typeof value === "string" &&
      schema.pattern !== undefined &&
      !this.#pattern(schema.pattern).test(value)
    ) {
      errors.push({ path, message: `${JSON.stringify(value)} does not match /${schema.pattern}/` });
    }
    if (Array.isArray(value)) this.#checkArray(schema, value, path, errors);
    else if (isObject(value)) this.#checkObject(schema, value, path, errors);
    if (schema.anyOf !== undefined) this.#checkAnyOf(schema.anyOf, value, path, errors);
    if (schema.oneOf !== undefined) this.#checkOneOf(schema.oneOf, value, path, errors);
  }

  #checkArray(schema: JsonSchema, value: unknown[], path: string, errors: SchemaError[]): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push({ path, message: `expected at least ${schema.minItems} items, got ${value.length}` });
    }
    if (schema.items === undefined) return;
    for (let i = 0; i < value.length; i++) this.check(schema.items, value[i], `${path}/${i}`, errors);
  }

  #checkObject(
    schema: JsonSchema,
    value: Record<string, unknown>,
    path: string,
    errors: SchemaError[],
  ): void {
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(value, key)) errors.push({ path, message: `missing required property "${key}"` });
    }
    const properties = schema.properties ?? {};
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${escapePointer(key)}`;
      const declared = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (declared !== undefined) this.check(declared, child, childPath, errors);
      else if (schema.additionalProperties === false) {
        errors.push({ path, message: `property "${key}" is not allowed` });
      } else if (typeof schema.additionalProperties === "object") {
        this.check(schema.additionalProperties, child, childPath, errors);
      }
    }
  }

  #checkAnyOf(branches: JsonSchema[], value: unknown, path: string, errors: SchemaError[]): void {
    let closest: SchemaError[] | undefined;
    for (const branch of branches) {
      const branchErrors: SchemaError[] = [];
      this.check(branch, value, path, branchErrors);
      if (branchErrors.length === 0) return;
      if (closest === undefined || branchErrors.length < closest.length) closest = branchErrors;
    }
    errors.push({ path, message: "matches none of anyOf" }, ...(closest ?? []));
  }

  #checkOneOf(branches: JsonSchema[], value: unknown, path: string, errors: SchemaError[]): void {
    let matches = 0;
    for (const branch of branches) {
      const branchErrors: SchemaError[] = [];
      this.check(branch, value, path, branchErrors);
      if (branchErrors.length === 0) matches++;
    }
    if (matches !== 1) errors.push({ path, message: `matches ${matches} of oneOf, expected exactly 1` });
  }

  #resolve(ref: string): JsonSchema {
    const name = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
    const target = name !== undefined && this.#root.$defs ? this.#root.$defs[name] : undefined;
    if (target === undefined)
      throw new Error(`$ref "${ref}" does not resolve (only "${REF_PREFIX}<name>" is supported)`);
    return target;
  }

  /** Schema patterns come from our own schema files, not from user input; compiled once each. */
  #pattern(source: string): RegExp {
    let re = this.#patterns.get(source);
    if (re === undefined) {
      re = new RegExp(source, "u");
      this.#patterns.set(source, re);
    }
    return re;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}
