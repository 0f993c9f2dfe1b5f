/**
 * The claims stage's language data (src/lang/de/claim-*.tsv), indexed once per process on first
 * use: function-word classes, cue → status, trigger → event type, and the predicate families.
 */
import { LautError } from "../errors.js";
import { lexKey, readTsv } from "../lang/de/data.js";
import { CLAIM_STATUSES, type ClaimStatus, EVENT_TYPES, type EventType } from "./types.js";

export type WordClass =
  | "negation"
  | "hearsay"
  | "hearsay-cue"
  | "modal"
  | "perfect"
  | "cancel"
  | "first-person"
  | "own-source"
  | "reference"
  | "seat";
const WORD_CLASSES: readonly WordClass[] = [
  "negation",
  "hearsay",
  "hearsay-cue",
  "modal",
  "perfect",
  "cancel",
  "first-person",
  "own-source",
  "reference",
  "seat",
];

export interface ClaimWords {
  classOf: Map<string, WordClass>;
  statusByLemma: Map<string, ClaimStatus>;
  statusByCategory: Map<string, ClaimStatus>;
  eventByLemma: Map<string, EventType>;
  eventByCategory: Map<string, EventType>;
  eventByFamily: Map<string, EventType>;
}

function bad(file: string, message: string): LautError {
  return new LautError("E_INTERNAL", `claims data ${file}: ${message}`);
}

function oneOf<T extends string>(file: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw bad(file, `unknown value "${value}"`);
  return value as T;
}

let words: ClaimWords | null = null;

export function claimWords(): ClaimWords {
  if (words) return words;
  const classOf = new Map<string, WordClass>();
  for (const row of readTsv("claim-words.tsv")) {
    classOf.set(lexKey(row.word ?? ""), oneOf("claim-words.tsv", row.class ?? "", WORD_CLASSES));
  }
  const statusByLemma = new Map<string, ClaimStatus>();
  const statusByCategory = new Map<string, ClaimStatus>();
  for (const row of readTsv("claim-status.tsv")) {
    const status = oneOf("claim-status.tsv", row.status ?? "", CLAIM_STATUSES);
    const by = oneOf("claim-status.tsv", row.by ?? "", ["category", "lemma"] as const);
    (by === "lemma" ? statusByLemma : statusByCategory).set(lexKey(row.cue ?? ""), status);
  }
  const eventByLemma = new Map<string, EventType>();
  const eventByCategory = new Map<string, EventType>();
  const eventByFamily = new Map<string, EventType>();
  for (const row of readTsv("claim-events.tsv")) {
    const event = oneOf("claim-events.tsv", row.event ?? "", EVENT_TYPES);
    const by = oneOf("claim-events.tsv", row.by ?? "", ["category", "lemma", "family"] as const);
    const map = by === "lemma" ? eventByLemma : by === "category" ? eventByCategory : eventByFamily;
    map.set(by === "family" ? (row.trigger ?? "") : lexKey(row.trigger ?? ""), event);
  }
  words = { classOf, statusByLemma, statusByCategory, eventByLemma, eventByCategory, eventByFamily };
  return words;
}
