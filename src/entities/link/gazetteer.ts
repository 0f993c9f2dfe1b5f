/**
 * The built gazetteer (src/lang/de/gazetteer/gazetteer.tsv, made by npm run build:gazetteer),
 * loaded once on first use into a Map from normalised key to its readings.
 */
import { LautError } from "../../errors.js";
import { readDataFile } from "../../lang/de/data.js";

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "GPE"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LINK_KINDS = [
  "country",
  "capital",
  "city",
  "state",
  "canton",
  "io",
  "gov-body",
  "person",
  "media",
  "demonym",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One reading of one spelling. */
export interface GazetteerEntry {
  alias: string;
  /** Wikidata ID of the thing named; null when the tables know it but not its ID for certain. */
  qid: string | null;
  name: string;
  type: EntityType;
  kind: LinkKind;
  /** For capitals and government seats: the state they stand for when they act. */
  standsFor: string | null;
  /** ISO 3166-1 alpha-2, "" for international bodies. */
  country: string;
  /** "name", "inflected" (demonym endings), "surname" or "minor" (small municipality). */
  form: string;
  /** Lower wins when one key has several readings. */
  priority: number;
  /** The reading holds only in articles from `country`. */
  local: boolean;
  validFrom: string | null;
  validTo: string | null;
  asOf: string | null;
}

const FILE = "gazetteer/gazetteer.tsv";
/** The columns of the built gazetteer, in order; scripts/build-gazetteer.mjs writes them. */
export const GAZETTEER_COLUMNS = [
  "alias",
  "key",
  "qid",
  "name",
  "type",
  "kind",
  "stands_for",
  "country",
  "form",
  "prio",
  "local",
  "valid_from",
  "valid_to",
  "as_of",
];

let byKey: Map<string, GazetteerEntry[]> | null = null;

const orNull = (cell: string | undefined): string | null => (cell ? cell : null);

function load(): Map<string, GazetteerEntry[]> {
  let text: string;
  try {
    text = readDataFile(FILE);
  } catch (error) {
    throw new LautError("E_INTERNAL", `${FILE} is missing; run npm run build:gazetteer`, { cause: error });
  }
  const map = new Map<string, GazetteerEntry[]>();
  let header = true;
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const c = line.split("\t");
    if (header) {
      if (c.join("\t") !== GAZETTEER_COLUMNS.join("\t")) {
        throw new LautError(
          "E_INTERNAL",
          `${FILE} has unexpected columns; rebuild it with npm run build:gazetteer`,
        );
      }
      header = false;
      continue;
    }
    const key = c[1] ?? "";
    const entry: GazetteerEntry = {
      alias: c[0] ?? "",
      qid: orNull(c[2]),
      name: c[3] ?? "",
      type: (c[4] ?? "LOC") as EntityType,
      kind: (c[5] ?? "city") as LinkKind,
      standsFor: orNull(c[6]),
      country: c[7] ?? "",
      form: c[8] ?? "name",
      priority: Number(c[9] ?? 9),
      local: c[10] === "yes",
      validFrom: orNull(c[11]),
      validTo: orNull(c[12]),
      asOf: orNull(c[13]),
    };
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}

/** Readings filed under a normalised key (see linkKey), best first. */
export function gazetteerLookup(key: string): readonly GazetteerEntry[] | undefined {
  byKey ??= load();
  return byKey.get(key);
}

/** Loads the file now instead of on the first lookup (servers, benchmarks). */
export function preloadGazetteer(): number {
  byKey ??= load();
  return byKey.size;
}
