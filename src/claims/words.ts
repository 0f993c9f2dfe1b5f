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
  /** gate over the words of classOf: a token that misses it needs no key and no lookup */
  classGate: Uint8Array;
  /** the forms that make "soll … haben" hearsay (verbs-hearsay.tsv), as whole words */
  hearsayForms: RegExp;
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

const GATE_SIZE = 1 << 16;

/** Lower case as lexKey folds the letters words start with. */
function fold(c: number): number {
  return (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220 ? c + 32 : c;
}

/** Hash of a word's length and first three folded letters, read from the text without a string. */
export function gateHash(text: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < Math.min(end, start + 3); i++)
    h = (h * 31 + fold(text.charCodeAt(i))) & (GATE_SIZE - 1);
  return h;
}

/** Open the gate for a key and, when it has "ss", for its ß spelling (the text may have either). */
function openGate(gate: Uint8Array, key: string): void {
  gate[gateHash(key, 0, key.length)] = 1;
  if (key.includes("ss")) {
    const sharp = key.replaceAll("ss", "ß");
    gate[gateHash(sharp, 0, sharp.length)] = 1;
  }
}

/** Whether text[start, end) may be a word of the gate: false means certainly not. */
export const mayBe = (gate: Uint8Array, text: string, start: number, end: number): boolean =>
  gate[gateHash(text, start, end)] === 1;

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
  const classGate = new Uint8Array(GATE_SIZE);
  for (const key of classOf.keys()) openGate(classGate, key);
  const forms = readTsv("verbs-hearsay.tsv").map((row) => (row.form ?? "").replace(/[^\p{L}]/gu, ""));
  const hearsayForms = new RegExp(`(?<!\\p{L})(?:${forms.join("|")})(?!\\p{L})`, "gu");
  words = {
    classOf,
    classGate,
    hearsayForms,
    statusByLemma,
    statusByCategory,
    eventByLemma,
    eventByCategory,
    eventByFamily,
  };
  return words;
}
