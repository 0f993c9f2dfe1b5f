import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Analysis, SCHEMA_VERSION, toAnalysis } from "./analysis.js";
import { analyze } from "./analyze.js";
import {
  Doc,
  type EntityType,
  type Medium,
  type ParagraphKind,
  type QuotedRole,
  type QuoteType,
  type Span,
  TokenKind,
} from "./doc.js";
import { type JsonSchema, validate } from "./schema-validate.js";

const ROOT = new URL("../", import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), "utf8");

const schema = JSON.parse(read("schema/analysis.schema.json")) as JsonSchema;
const EXAMPLE_FILES = readdirSync(new URL("examples/", ROOT))
  .filter((f) => f.endsWith(".txt"))
  .sort();

/** The JSON block the docs mark as the complete example. */
function docsExample(): Analysis {
  const doc = read("docs/ANALYSIS.md");
  const marker = doc.indexOf("<!-- example:analysis");
  const open = doc.indexOf("```json\n", marker);
  const close = doc.indexOf("\n```", open + 8);
  if (marker < 0 || open < 0 || close < 0) throw new Error("docs/ANALYSIS.md has no marked example block");
  return JSON.parse(doc.slice(open + 8, close)) as Analysis;
}

const isSpan = (v: unknown): v is Span & Record<string, unknown> =>
  typeof v === "object" && v !== null && "start" in v && "end" in v;

/**
 * What the schema cannot say: offsets inside the text, texts equal to their slices, ids that
 * resolve both ways. Returns one line per problem so a failure names the place.
 */
function invariantProblems(a: Analysis): string[] {
  const problems: string[] = [];
  const { text } = a;
  const slice = (s: Span) => text.slice(s.start, s.end);

  const walk = (value: unknown, path: string, parentKey: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${path}/${i}`, parentKey);
      });
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (isSpan(value)) {
      const { start, end } = value;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        start > end ||
        end > text.length
      ) {
        problems.push(`${path}: span [${start}, ${end}) outside text of length ${text.length}`);
      } else if (typeof value.text === "string") {
        const want =
          // every stretch with parts (cue, frame, speech-event roles) joins their texts
          Array.isArray(value.parts) ? (value.parts as Span[]).map(slice).join(" … ") : slice(value);
        if (value.text !== want)
          problems.push(`${path}: text ${JSON.stringify(value.text)} is not its slice`);
      }
    }
    for (const [k, v] of Object.entries(value)) {
      if (path === "" && k === "text") continue;
      walk(v, `${path}/${k}`, k);
    }
  };
  walk(a, "", "");

  const ascending = (spans: Span[], name: string) => {
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1] as Span;
      if ((spans[i] as Span).start < prev.start) problems.push(`${name}/${i}: out of text order`);
    }
  };
  ascending(a.tokens, "/tokens");
  ascending(a.paragraphs, "/paragraphs");
  ascending(a.sentences, "/sentences");
  ascending(a.quoted, "/quoted");

  a.sentences.forEach((s, i) => {
    const p = a.paragraphs[s.paragraph];
    if (!p) problems.push(`/sentences/${i}: paragraph ${s.paragraph} does not exist`);
    else if (s.start < p.start || s.end > p.end) problems.push(`/sentences/${i}: outside its paragraph`);
  });
  if (a.title) {
    const t = a.title;
    if (!a.paragraphs.some((p) => p.kind === "title" && p.start === t.start && p.end === t.end)) {
      problems.push("/title: not a paragraph of kind title");
    }
  }

  const quoteIds = new Map(a.quotes.map((q) => [q.id, q]));
  const quotedIds = new Map(a.quoted.map((m) => [m.id, m]));
  const entityIds = new Map(a.entities.map((e) => [e.id, e]));
  const unique = (ids: string[], prefix: string) =>
    ids.forEach((id, i) => {
      if (id !== `${prefix}${i + 1}`)
        problems.push(`ids of ${prefix}: expected ${prefix}${i + 1}, got ${id}`);
    });
  unique([...quoteIds.keys()], "q");
  unique([...quotedIds.keys()], "m");
  unique([...entityIds.keys()], "e");

  a.quoted.forEach((m, i) => {
    if (m.inner.start < m.start || m.inner.end > m.end)
      problems.push(`/quoted/${i}: inner outside the stretch`);
    if (m.quote === null) return;
    const q = quoteIds.get(m.quote);
    if (!q) problems.push(`/quoted/${i}: quote ${m.quote} does not exist`);
    else if (!q.quoted.includes(m.id)) problems.push(`/quoted/${i}: ${m.quote} does not list ${m.id}`);
  });
  a.quotes.forEach((q, i) => {
    const joined = q.spans.map(slice).join(" … ");
    if (q.text !== joined) problems.push(`/quotes/${i}: text is not its spans joined`);
    for (const id of q.quoted) {
      const m = quotedIds.get(id);
      if (!m) problems.push(`/quotes/${i}: quoted ${id} does not exist`);
      else if (m.quote !== q.id) {
        // an indirect quote may list a partial stretch that is a direct quote nested inside it
        const owner = m.quote === null ? undefined : quoteIds.get(m.quote);
        const nested =
          owner?.type === "direct" &&
          q.type !== "direct" &&
          owner.spans.every((s) => q.spans.some((c) => c.start <= s.start && c.end >= s.end));
        if (!nested) problems.push(`/quotes/${i}: ${id} points to ${m.quote}, not ${q.id}`);
      }
    }
    const entityId = q.speaker?.entity;
    if (entityId !== undefined) {
      const e = entityIds.get(entityId);
      if (!e) problems.push(`/quotes/${i}: speaker entity ${entityId} does not exist`);
      else if (q.speaker?.name !== e.name)
        problems.push(`/quotes/${i}: speaker name is not the entity's name`);
    }
    if ((q.speaker === null) !== (q.attribution === "none")) {
      problems.push(
        `/quotes/${i}: attribution "${q.attribution}" does not fit speaker ${q.speaker?.text ?? null}`,
      );
    }
  });
  return problems;
}

/** The docs example's layers, built by hand from the text (not from the JSON it must reproduce). */
function exampleDoc(): Doc {
  const text =
    "«Wir prüfen alle Optionen», sagte Bürgermeisterin Anna Roth am Montag. Laut Roth fehlen der Stadt 2,5 Mio. Franken.";
  const at = (s: string, from = 0): Span => {
    const start = text.indexOf(s, from);
    if (start < 0) throw new Error(`"${s}" not in the example text`);
    return { start, end: start + s.length };
  };
  const doc = new Doc(text, { name: "beispiel.txt", format: "text", encoding: "utf-8" });
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/Mio\.|\d+,\d+|\p{L}+|\S/gu)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  doc.set("view", { text, toText: null });
  doc.set("tokens", {
    length: starts.length,
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
    kinds: new Uint8Array(starts.length).fill(TokenKind.Word),
  });
  const firstEnd = at("Montag.").end;
  const secondStart = at("Laut").start;
  doc.set("paragraphs", [{ start: 0, end: text.length, kind: "body" }]);
  doc.set("sentences", [
    { start: 0, end: firstEnd, paragraph: 0, firstToken: 0, endToken: 14 },
    { start: secondStart, end: text.length, paragraph: 0, firstToken: 14, endToken: starts.length },
  ]);
  const marked = at("«Wir prüfen alle Optionen»");
  doc.set("quoteMarks", [
    {
      open: { start: 0, end: 1 },
      close: { start: marked.end - 1, end: marked.end },
      ...marked,
      depth: 0,
      style: "guillemets",
    },
  ]);
  doc.set("quoted", [{ ...marked, marks: 0, inner: at("Wir prüfen alle Optionen"), role: "speech" }]);
  const surname = at("Roth", secondStart);
  doc.set("entities", [
    {
      type: "PER",
      name: "Anna Roth",
      role: "Bürgermeisterin",
      wikidata: null,
      mentions: [at("Anna Roth"), surname],
    },
  ]);
  doc.set("quotes", [
    {
      type: "direct",
      medium: "speech",
      spans: [marked],
      quoted: [0],
      cue: { ...at("sagte"), parts: [at("sagte")], lemma: "sagen" },
      speaker: { ...at("Anna Roth"), entity: 0 },
      addressee: null,
      frame: [at(", sagte Bürgermeisterin Anna Roth am Montag")],
      confidence: 0.92,
      attribution: "cue",
    },
    {
      type: "indirect",
      medium: "speech",
      spans: [at("fehlen der Stadt 2,5 Mio. Franken")],
      quoted: [],
      cue: { ...at("Laut"), parts: [at("Laut")], lemma: "laut" },
      speaker: { ...surname, entity: 0 },
      addressee: null,
      frame: [at("Laut Roth")],
      confidence: 0.81,
      attribution: "cue",
    },
  ]);
  const none = { source: [], message: [], addressee: [], topic: [], evidence: [], medium: [], particle: [] };
  doc.set("speechEvents", [
    {
      cue: { parts: [at("sagte")], lemma: "sagen" },
      ...none,
      source: [at("Bürgermeisterin Anna Roth")],
      message: [at("Wir prüfen alle Optionen")],
      score: 0.934,
    },
  ]);
  const roth = at("Anna Roth");
  doc.set("names", [{ ...roth, type: "PER", kind: "name", firstToken: 8, endToken: 10, score: 0.97 }]);
  return doc;
}

describe("validate (the JSON Schema subset)", () => {
  const small: JsonSchema = {
    type: "object",
    properties: {
      id: { $ref: "#/$defs/id" },
      n: { type: "integer", minimum: 0, maximum: 10 },
      kind: { enum: ["a", "b"] },
      version: { const: "1.0.0" },
      note: { type: ["string", "null"] },
      span: { anyOf: [{ $ref: "#/$defs/span" }, { type: "null" }] },
      list: { type: "array", items: { $ref: "#/$defs/span" }, minItems: 1 },
      extra: { type: "object", additionalProperties: { type: "number" } },
    },
    required: ["id", "n"],
    additionalProperties: false,
    $defs: {
      id: { type: "string", pattern: "^q[1-9][0-9]*$" },
      span: {
        type: "object",
        properties: { start: { type: "integer" }, end: { type: "integer" } },
        required: ["start", "end"],
        additionalProperties: false,
      },
    },
  };
  const good = {
    id: "q12",
    n: 3,
    kind: "b",
    version: "1.0.0",
    note: null,
    span: { start: 1, end: 2 },
    list: [{ start: 0, end: 1 }],
    extra: { x: 1.5 },
  };

  it("accepts a document that follows the schema", () => {
    expect(validate(small, good)).toEqual([]);
    expect(validate(small, { ...good, span: null, note: "x" })).toEqual([]);
  });

  it.each([
    ["a missing required property", { n: 1 }, "", 'missing required property "id"'],
    ["an undeclared property", { ...good, colour: "red" }, "", 'property "colour" is not allowed'],
    ["a wrong type", { ...good, n: "3" }, "/n", "expected integer, got string"],
    ["a fraction for an integer", { ...good, n: 1.5 }, "/n", "expected integer, got number"],
    ["a value below the minimum", { ...good, n: -1 }, "/n", "-1 is below the minimum 0"],
    ["a value above the maximum", { ...good, n: 11 }, "/n", "11 is above the maximum 10"],
    ["a value outside the enum", { ...good, kind: "c" }, "/kind", 'expected one of "a", "b"'],
    ["a different const", { ...good, version: "2.0.0" }, "/version", 'expected "1.0.0"'],
    ["a pattern mismatch through $ref", { ...good, id: "x1" }, "/id", '"x1" does not match /^q[1-9][0-9]*$/'],
    [
      "a number where string or null is allowed",
      { ...good, note: 1 },
      "/note",
      "expected string or null, got integer",
    ],
    ["an object matching no anyOf branch", { ...good, span: { start: 1 } }, "/span", "matches none of anyOf"],
    [
      "a bad array item",
      { ...good, list: [{ start: 0, end: "1" }] },
      "/list/0/end",
      "expected integer, got string",
    ],
    ["too few items", { ...good, list: [] }, "/list", "expected at least 1 items, got 0"],
    ["a bad additional property", { ...good, extra: { x: "1" } }, "/extra/x", "expected number, got string"],
    ["an array for an object", [], "", "expected object, got array"],
  ])("rejects %s", (_name, doc, path, message) => {
    expect(validate(small, doc)).toContainEqual({ path, message });
  });

  it("requires exactly one oneOf branch to match", () => {
    const either: JsonSchema = { oneOf: [{ type: "number" }, { type: "integer" }] };
    expect(validate(either, 1.5)).toEqual([]);
    expect(validate(either, 2)).toEqual([{ path: "", message: "matches 2 of oneOf, expected exactly 1" }]);
    expect(validate(either, "2")).toEqual([{ path: "", message: "matches 0 of oneOf, expected exactly 1" }]);
  });

  it("refuses schemas it cannot honour instead of passing everything", () => {
    expect(() => validate({ type: "array", maxItems: 1 } as JsonSchema, [1, 2])).toThrow(
      /"maxItems" is not supported/,
    );
    expect(() => validate({ $ref: "#/$defs/nope" }, 1)).toThrow(/does not resolve/);
    expect(() => validate({ $ref: "other.json#/x" }, 1)).toThrow(/does not resolve/);
  });
});

describe("schema/analysis.schema.json", () => {
  const defs = schema.$defs ?? {};
  const enumOf = (def: string, property: string): unknown[] =>
    [...(defs[def]?.properties?.[property]?.enum ?? [])].sort();
  // Records keyed by the TypeScript unions: adding or removing a member breaks the type check
  // here, so the schema's enums cannot silently drift from the types.
  const quoteTypes: Record<QuoteType, true> = {
    direct: true,
    indirect: true,
    free_indirect: true,
    indirect_free_indirect: true,
    reported: true,
  };
  const media: Record<Medium, true> = {
    speech: true,
    writing: true,
    thought: true,
    speech_writing: true,
    speech_thought: true,
    thought_writing: true,
  };
  const roles: Record<QuotedRole, true> = { speech: true, partial: true, name: true, scare: true };
  const kinds: Record<ParagraphKind, true> = { title: true, heading: true, lead: true, body: true };
  const entityTypes: Record<EntityType, true> = { PER: true, ORG: true, LOC: true, OTH: true };

  it("pins schemaVersion to SCHEMA_VERSION", () => {
    expect(schema.properties?.schemaVersion?.const).toBe(SCHEMA_VERSION);
  });

  it("lists exactly the values of the TypeScript unions", () => {
    expect(enumOf("quote", "type")).toEqual(Object.keys(quoteTypes).sort());
    expect(enumOf("quote", "medium")).toEqual(Object.keys(media).sort());
    expect(enumOf("quoted", "role")).toEqual(Object.keys(roles).sort());
    expect(enumOf("paragraph", "kind")).toEqual(Object.keys(kinds).sort());
    expect(enumOf("entity", "type")).toEqual(Object.keys(entityTypes).sort());
    expect(enumOf("quote", "attribution")).toEqual(
      ["cue", "colon", "continuation", "context", "headline", "clause", "none"].sort(),
    );
  });

  it("describes every top-level field of the projection and nothing else", () => {
    const analysis = toAnalysis(exampleDoc());
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(analysis).sort());
    // speechEvents and names are optional: present only when the pipeline ran their stages
    const optional = ["speechEvents", "names"];
    expect([...(schema.required ?? [])].sort()).toEqual(
      Object.keys(analysis)
        .filter((k) => !optional.includes(k))
        .sort(),
    );
  });
});

describe("the Analysis projection against the schema", () => {
  it("validates toAnalysis of a Doc with every layer filled", () => {
    const analysis = JSON.parse(JSON.stringify(toAnalysis(exampleDoc()))) as Analysis;
    expect(validate(schema, analysis)).toEqual([]);
    expect(invariantProblems(analysis)).toEqual([]);
  });

  it("matches the complete example in docs/ANALYSIS.md exactly", () => {
    const example = docsExample();
    expect(validate(schema, example)).toEqual([]);
    expect(invariantProblems(example)).toEqual([]);
    expect(toAnalysis(exampleDoc())).toEqual(example);
  });

  it.each([
    [
      "a future schemaVersion",
      (a: Analysis) => Object.assign(a, { schemaVersion: "2.0.0" }),
      "/schemaVersion",
    ],
    [
      "an unknown quoted role",
      (a: Analysis) => Object.assign(a.quoted[0] as object, { role: "quote" }),
      "/quoted/0/role",
    ],
    [
      "a missing attribution",
      (a: Analysis) => delete (a.quotes[0] as Partial<Analysis["quotes"][0]>).attribution,
      "/quotes/0",
    ],
    ["an extra token field", (a: Analysis) => Object.assign(a.tokens[0] as object, { kind: 1 }), "/tokens/0"],
    [
      "a negative offset",
      (a: Analysis) => Object.assign(a.tokens[0] as object, { start: -1 }),
      "/tokens/0/start",
    ],
    [
      "confidence above 1",
      (a: Analysis) => Object.assign(a.quotes[0] as object, { confidence: 1.5 }),
      "/quotes/0/confidence",
    ],
    [
      "a malformed entity id",
      (a: Analysis) => Object.assign(a.quotes[0]?.speaker as object, { entity: "x1" }),
      "/quotes/0/speaker",
    ],
    ["a title as a bare string", (a: Analysis) => Object.assign(a, { title: "Titel" }), "/title"],
    [
      "an empty message",
      (a: Analysis) => Object.assign(a.quotes[1] as object, { spans: [] }),
      "/quotes/1/spans",
    ],
  ])("rejects %s", (_name, breakIt, path) => {
    const analysis = docsExample();
    breakIt(analysis);
    const errors = validate(schema, analysis);
    expect(errors.map((e) => e.path)).toContain(path);
  });

  it.each([
    [
      "a span past the end",
      (a: Analysis) => Object.assign(a.tokens[0] as object, { end: a.text.length + 1 }),
      "/tokens/0",
    ],
    [
      "start after end",
      (a: Analysis) => Object.assign(a.tokens[1] as object, { start: 5, end: 4 }),
      "/tokens/1",
    ],
    [
      "a text that is not its slice",
      (a: Analysis) => Object.assign(a.entities[0]?.mentions[1] as object, { text: "Rot" }),
      "/entities/0/mentions/1",
    ],
    [
      "a dangling quote id",
      (a: Analysis) => Object.assign(a.quoted[0] as object, { quote: "q9" }),
      "/quoted/0",
    ],
    ["a dangling quoted id", (a: Analysis) => a.quotes[1]?.quoted.push("m7"), "/quotes/1"],
    [
      "a dangling entity id",
      (a: Analysis) => Object.assign(a.quotes[1]?.speaker as object, { entity: "e4" }),
      "/quotes/1",
    ],
  ])("finds %s with the invariant check", (_name, breakIt, path) => {
    const analysis = docsExample();
    breakIt(analysis);
    expect(invariantProblems(analysis).some((p) => p.startsWith(`${path}:`))).toBe(true);
  });
});

describe.each(EXAMPLE_FILES)("analyze(examples/%s)", (file) => {
  const text = read(`examples/${file}`);
  const analysis = JSON.parse(JSON.stringify(analyze(text, { name: file }))) as Analysis;

  it("follows the schema", () => {
    expect(validate(schema, analysis)).toEqual([]);
  });

  it("keeps spans in bounds, texts equal to their slices and ids resolvable", () => {
    expect(invariantProblems(analysis)).toEqual([]);
  });

  it("echoes the source and analyses the whole text", () => {
    expect(analysis.source).toEqual({ name: file, format: "text", encoding: null });
    expect(analysis.paragraphs.length).toBeGreaterThan(5);
    expect(analysis.sentences.length).toBeGreaterThan(analysis.paragraphs.length);
  });
});

interface AnswerKey {
  file: string;
  quotes: { startsWith: string; speaker: string | null; mention: string | null; continues?: string }[];
  partial: { startsWith: string; speaker: string }[];
  notSpeech: string[];
  scare: string[];
}

describe("examples/expected.json (answer key) agrees with the example texts", () => {
  const key = JSON.parse(read("examples/expected.json")) as AnswerKey[];
  /** opening mark → its closing mark, for the house styles of the three examples */
  const CLOSING_MARK = new Map([
    ["«", "»"],
    ["‹", "›"],
    ["„", "“"],
    ["‚", "‘"],
    ['"', '"'],
  ]);

  it("has one entry per example file", () => {
    expect(key.map((k) => k.file).sort()).toEqual(EXAMPLE_FILES);
  });

  it.each(key.map((k) => [k.file, k] as const))("%s", (file, k) => {
    const text = read(`examples/${file}`);
    /** The text inside the marks around the first occurrence of `start`; null when not right after an opening mark. */
    const innerFrom = (start: string): string | null => {
      const at = text.indexOf(start);
      const close = CLOSING_MARK.get(text[at - 1] ?? "");
      if (at < 1 || close === undefined) return null;
      const lineEnd = text.indexOf("\n", at);
      const closeAt = text.indexOf(close, at);
      const end = closeAt >= 0 && (lineEnd < 0 || closeAt < lineEnd) ? closeAt : lineEnd;
      return text.slice(at, end < 0 ? text.length : end);
    };
    const seen: string[] = [];
    for (const q of [...k.quotes, ...k.partial]) {
      expect(text.indexOf(q.startsWith), q.startsWith).toBe(text.lastIndexOf(q.startsWith));
      expect(innerFrom(q.startsWith)?.slice(0, 25), q.startsWith).toBe(q.startsWith);
    }
    for (const q of k.quotes) {
      expect(q.speaker === null, q.startsWith).toBe(q.mention === null);
      if (q.mention !== null) expect(text, q.startsWith).toContain(q.mention);
      if (q.continues !== undefined) expect(seen, q.startsWith).toContain(q.continues);
      seen.push(q.startsWith);
    }
    for (const name of k.notSpeech) expect(innerFrom(name), name).toBe(name);
    for (const s of k.scare) expect(k.notSpeech).toContain(s);
  });
});
