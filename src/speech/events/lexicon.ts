/**
 * Word hashing and the word-class table of the speech-event taggers. Words are hashed straight
 * from the text (case-folded, ß as "ss", like lexKey) so a token costs no string copy. The table
 * of word classes (reporting verb, GePaDe cue lemma, pronoun person, clause word) is built from
 * the lexicons once, at training time, and stored inside the model file: the runtime never
 * conjugates a verb, and a lexicon edit cannot silently shift the features of a trained model.
 */
import { lexKey, readLines, readTsv } from "../../lang/de/data.js";
import { lookupReportingVerbByKey } from "../../lang/de/lexicon.js";
import { verbFormTable } from "../../lang/de/verbs.js";

/** Word-class bits of the table; persons sit above them. */
export const WordClass = {
  /** a form of a verb in laut's reporting-verb lexicon */
  Reporting: 1,
  /** a verb form whose lemma is a GePaDe cue lemma */
  CueVerb: 2,
  /** a GePaDe cue noun or a plural/genitive form of it */
  CueNoun: 4,
  /** a GePaDe cue lemma that is neither verb form nor noun ("einig", "bewusst") */
  CueOther: 8,
  /** any finite or participle form of a known verb */
  Verb: 16,
  /** a clause word: dass, ob, wie … */
  Clause: 32,
  /** a word the training data has as a cue token (set by training, not by the lexicons) */
  SeenCue: 64,
} as const;
/** Words the cue tagger looks at at all; every other token is O without scoring, which keeps it fast. */
export const CUE_CANDIDATE =
  WordClass.Reporting | WordClass.CueVerb | WordClass.CueNoun | WordClass.CueOther | WordClass.SeenCue;
export const PERSON_SHIFT = 8;
/** person codes: 1sg 1, 1pl 2, 2sg 3, 2pl 4, 3sg 5, 3pl 6 */
export const PERSON_MASK = 7 << PERSON_SHIFT;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fold(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

/**
 * Case-folded FNV-1a hash of text[start, end) as a signed int32 (V8 keeps those unboxed in hot
 * loops; unsigned values above 2^31 become heap numbers); never 0, so 0 can mark an empty slot.
 */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = fold(text.charCodeAt(i));
    if (c === 0xdf) {
      h = Math.imul(h ^ 0x73, FNV_PRIME);
      h = Math.imul(h ^ 0x73, FNV_PRIME);
    } else h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h || 1;
}

export function hashWord(word: string): number {
  return hashRange(word, 0, word.length);
}

/** Open-addressing map from word hash to class bits: two typed arrays, loadable from a file as is. */
export interface WordTable {
  readonly keys: Int32Array;
  readonly values: Uint16Array;
}

export function lookupWord(table: WordTable, hash: number): number {
  const mask = table.keys.length - 1;
  let i = Math.imul(hash, 0x9e3779b1) & mask;
  for (let probe = 0; probe <= mask; probe++) {
    const key = table.keys[i] as number;
    if (key === hash) return table.values[i] as number;
    if (key === 0) return 0;
    i = (i + 1) & mask;
  }
  return 0;
}

/** Word hash → class bits, before it is packed into a table. */
export type WordEntries = Map<number, number>;

export function tableFrom(entries: WordEntries): WordTable {
  let size = 16;
  while (size < entries.size * 2) size *= 2;
  const keys = new Int32Array(size);
  const values = new Uint16Array(size);
  const mask = size - 1;
  // insertion in hash order, so the table bytes do not depend on Map iteration order
  for (const hash of [...entries.keys()].sort((a, b) => a - b)) {
    let i = Math.imul(hash, 0x9e3779b1) & mask;
    while (keys[i] !== 0) i = (i + 1) & mask;
    keys[i] = hash;
    values[i] = entries.get(hash) as number;
  }
  return { keys, values };
}

const PLURAL_ENDINGS = ["", "s", "es", "n", "en", "e", "er"];

/** Word classes from laut's lexicons and the GePaDe cue lemmas (training time; slow). */
export function buildWordEntries(): WordEntries {
  const entries: WordEntries = new Map();
  const add = (word: string, bits: number) => {
    const h = hashWord(lexKey(word));
    entries.set(h, (entries.get(h) ?? 0) | bits);
  };
  const cueVerbs = new Set<string>();
  for (const row of readTsv("cue-lemmas.tsv")) {
    const lemma = row.lemma ?? "";
    if (!lemma) continue;
    if (row.noun === "yes") for (const ending of PLURAL_ENDINGS) add(lemma + ending, WordClass.CueNoun);
    else {
      cueVerbs.add(lexKey(lemma));
      add(lemma, WordClass.CueOther);
    }
  }
  for (const [form, entry] of verbFormTable()) {
    let bits = WordClass.Verb;
    if (entry.lemmas.some((l) => cueVerbs.has(lexKey(l)))) bits |= WordClass.CueVerb;
    if (lookupReportingVerbByKey(form) !== undefined) bits |= WordClass.Reporting;
    add(form, bits);
  }
  for (const lemma of cueVerbs)
    if (lookupReportingVerbByKey(lemma) !== undefined) add(lemma, WordClass.Reporting);
  for (const word of readLines("cue-clause-words.txt")) add(word, WordClass.Clause);
  const persons = new Map<string, number>();
  for (const row of readTsv("pronouns.tsv")) {
    const key = lexKey(row.form ?? "");
    // the first reading wins: "sie" is 3sg before 3pl, "Sie" shares the key and is told apart by case
    if (!key || persons.has(key)) continue;
    const person = Number(row.person);
    const plural = row.number === "pl" ? 1 : 0;
    persons.set(key, (person - 1) * 2 + plural + 1);
  }
  for (const [key, code] of persons) add(key, code << PERSON_SHIFT);
  return entries;
}
