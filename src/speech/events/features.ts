/**
 * Features of the speech-event taggers. They read only what both GePaDe's pre-tokenised
 * speeches and laut's own tokenizer give: token text ranges and sentence ranges. Everything
 * about a token is computed once per document into typed arrays (word hash, suffix hash, shape,
 * word classes); a feature is an integer mix of those, written into a reusable Int32Array.
 */
import { hashRange, lookupWord, PERSON_MASK, PERSON_SHIFT, WordClass, type WordTable } from "./lexicon.js";

/** Tokens as text ranges: laut's TokenTable and a GePaDe speech both fit. */
export interface TokenRun {
  readonly text: string;
  readonly length: number;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

export const Shape = {
  Other: 0,
  Lower: 1,
  Capitalised: 2,
  Number: 3,
  Comma: 4,
  /** colon, semicolon, dash: a clause break that is no comma */
  Break: 5,
  /** . ! ? */
  Final: 6,
  /** quote marks and brackets */
  Mark: 7,
} as const;

/** Per-token facts of one document. */
export interface TokenFacts {
  readonly word: Int32Array;
  readonly suffix: Int32Array;
  readonly shape: Uint8Array;
  readonly classes: Uint16Array;
}

function shapeOf(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) return Shape.Lower;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) return Shape.Capitalised;
  if (c >= 0x30 && c <= 0x39) return Shape.Number;
  if (end - start === 1) {
    if (c === 0x2c) return Shape.Comma;
    if (c === 0x3a || c === 0x3b || c === 0x2013 || c === 0x2014 || c === 0x2d) return Shape.Break;
    if (c === 0x2e || c === 0x21 || c === 0x3f) return Shape.Final;
  }
  if (c === 0x21 || c === 0x3f || c === 0x2e) return Shape.Final;
  if (c === 0x22 || c === 0x27 || c === 0x28 || c === 0x29 || c === 0xab || c === 0xbb) return Shape.Mark;
  if ((c >= 0x2018 && c <= 0x201f) || c === 0x2039 || c === 0x203a) return Shape.Mark;
  if (c > 0x24f) {
    const ch = text[start] as string;
    if (ch !== ch.toLowerCase()) return Shape.Capitalised;
    if (ch !== ch.toUpperCase()) return Shape.Lower;
  }
  return Shape.Other;
}

export function tokenFacts(run: TokenRun, table: WordTable): TokenFacts {
  const n = run.length;
  const word = new Int32Array(n);
  const suffix = new Int32Array(n);
  const shape = new Uint8Array(n);
  const classes = new Uint16Array(n);
  const text = run.text;
  for (let i = 0; i < n; i++) {
    const start = run.starts[i] as number;
    const end = run.ends[i] as number;
    const h = hashRange(text, start, end);
    word[i] = h;
    const s = shapeOf(text, start, end);
    shape[i] = s;
    if (s === Shape.Lower || s === Shape.Capitalised) {
      suffix[i] = end - start > 4 ? hashRange(text, end - 3, end) : h;
      classes[i] = lookupWord(table, h);
    }
  }
  return { word, suffix, shape, classes };
}

export const isWordShape = (shape: number): boolean => shape === Shape.Lower || shape === Shape.Capitalised;

const OUTSIDE = 0x1bd1e995;

/**
 * Feature hashes: the template number and up to two values, mixed with two multiplies and a final
 * avalanche step (from MurmurHash3's finaliser) so the low bits the weight table uses are well spread.
 */
function f2(template: number, a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(template, 0x9e3779b1), 0xcc9e2d51) ^ Math.imul(b, 0x1b873593);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
const f1 = (template: number, a: number): number => f2(template, a, 0x27d4eb2f);

/** Word class bits a feature looks at (persons kept apart). */
// SeenCue (64) only gates which words are scored: as a feature it would be a perfect training signal
const CLASS_BITS = 0x3f;
const personOf = (classes: number): number => (classes & PERSON_MASK) >> PERSON_SHIFT;

/** Room a feature buffer needs. */
export const MAX_FEATURES = 48;

/**
 * Features of token i as a possible cue (or cue part) in the sentence [first, end).
 * Returns how many were written into `out`.
 */
export function cueFeatures(f: TokenFacts, i: number, first: number, end: number, out: Int32Array): number {
  const w = (k: number) => (k >= first && k < end ? (f.word[k] as number) : OUTSIDE);
  const cls = (k: number) => (k >= first && k < end ? (f.classes[k] as number) : 0);
  const shape = (k: number) => (k >= first && k < end ? (f.shape[k] as number) : 8);
  const me = w(i);
  const myShape = shape(i);
  const myClass = cls(i) & CLASS_BITS;
  let n = 0;
  out[n++] = f1(1, 0);
  out[n++] = f1(2, me);
  out[n++] = f2(3, me, myShape);
  out[n++] = f1(4, w(i - 1));
  out[n++] = f1(5, w(i + 1));
  out[n++] = f1(6, w(i - 2));
  out[n++] = f1(7, w(i + 2));
  out[n++] = f2(8, w(i - 1), me);
  out[n++] = f2(9, me, w(i + 1));
  out[n++] = f2(10, f.suffix[i] as number, myShape);
  out[n++] = f2(11, myClass, myShape);
  out[n++] = f2(12, cls(i - 1) & CLASS_BITS, myClass);
  out[n++] = f2(13, myClass, cls(i + 1) & CLASS_BITS);
  out[n++] = f2(14, shape(i - 1), myShape);
  out[n++] = f2(15, myShape, shape(i + 1));
  out[n++] = f2(16, i === first ? 1 : i === first + 1 ? 2 : 0, myShape);
  // the person of a pronoun beside the verb: "ich sage", "sagen Sie", "wir fordern … auf"
  let left = 0;
  let right = 0;
  for (let k = i - 1; k >= first && k >= i - 3; k--) {
    const p = personOf(cls(k));
    if (p !== 0) {
      left = p * 4 + (shape(k) === Shape.Capitalised && k !== first ? 2 : 0) + (i - k === 1 ? 1 : 0);
      break;
    }
  }
  for (let k = i + 1; k < end && k <= i + 3; k++) {
    const p = personOf(cls(k));
    if (p !== 0) {
      right = p * 4 + (shape(k) === Shape.Capitalised ? 2 : 0) + (k - i === 1 ? 1 : 0);
      break;
    }
  }
  out[n++] = f2(17, left, myClass);
  out[n++] = f2(18, right, myClass);
  out[n++] = f2(19, left, right);
  // a clause that can hold the message: a comma, dass/ob/wie or a colon shortly after
  let clause = 0;
  for (let k = i + 1; k < end && k <= i + 6; k++) {
    const s = shape(k);
    if (s === Shape.Comma || s === Shape.Break) {
      const next = cls(k + 1);
      clause = (k - i <= 2 ? 1 : 2) + ((next & WordClass.Clause) !== 0 ? 4 : 0) + (s === Shape.Break ? 8 : 0);
      break;
    }
    if ((cls(k) & WordClass.Clause) !== 0) {
      clause = 16 + (k - i <= 2 ? 1 : 2);
      break;
    }
  }
  out[n++] = f2(20, clause, myClass);
  out[n++] = f2(21, clause, me);
  // the end of the sentence after the token: verb-final clauses, "…, sagte er."
  const toEnd = end - 1 - i;
  out[n++] = f2(22, toEnd <= 1 ? toEnd : toEnd <= 3 ? 2 : 3, myClass);
  out[n++] = f2(23, myClass, shape(i + 1) === Shape.Comma ? 1 : 0);
  out[n++] = f2(24, f.suffix[i] as number, myClass);
  out[n++] = f2(25, w(i - 1), myClass);
  out[n++] = f2(26, myClass, w(i + 1));
  return n;
}

export const ROLE_WINDOW = 30;

function distanceBucket(d: number): number {
  const a = d < 0 ? -d : d;
  const b = a <= 3 ? a : a <= 5 ? 4 : a <= 8 ? 5 : a <= 15 ? 6 : 7;
  return d < 0 ? -b : b;
}

/** Where a token sits relative to the cue, computed once per cue and sentence. */
export interface CueContext {
  readonly cue: number;
  readonly first: number;
  readonly end: number;
  /** first token past the cue's own sentence: tokens from here on sit in the next sentence */
  readonly sentenceEnd: number;
  /** clause breaks between the token and the cue, capped at 3, per token offset from `first` */
  readonly breaks: Uint8Array;
  /** word hash of the token that opens the token's clause (as seen from the cue), or 0 */
  readonly opener: Int32Array;
  /** 1 for the pronoun nearest the cue on its side, 2 for the next; 3 and 4 likewise for capitalised words */
  readonly rank: Uint8Array;
}

export function cueContext(
  f: TokenFacts,
  cue: number,
  first: number,
  end: number,
  sentenceEnd: number,
): CueContext {
  const n = end - first;
  const breaks = new Uint8Array(n);
  const opener = new Int32Array(n);
  const rank = new Uint8Array(n);
  const isBreak = (k: number) => {
    const s = f.shape[k] as number;
    return (
      s === Shape.Comma ||
      s === Shape.Break ||
      s === Shape.Mark ||
      ((f.classes[k] as number) & WordClass.Clause) !== 0
    );
  };
  let count = 0;
  let open = 0;
  for (let k = cue + 1; k < end; k++) {
    if (isBreak(k)) {
      if (count < 3) count++;
      open = f.word[k] as number;
    }
    breaks[k - first] = count;
    opener[k - first] = open;
  }
  count = 0;
  open = 0;
  for (let k = cue - 1; k >= first; k--) {
    breaks[k - first] = count;
    opener[k - first] = open;
    if (isBreak(k)) {
      if (count < 3) count++;
      open = f.word[k] as number;
    }
  }
  for (const step of [-1, 1]) {
    let pronouns = 0;
    let capitals = 0;
    for (let k = cue + step; k >= first && k < end && (breaks[k - first] as number) === 0; k += step) {
      if (((f.classes[k] as number) & PERSON_MASK) !== 0) {
        if (pronouns < 2) rank[k - first] = ++pronouns;
      } else if (f.shape[k] === Shape.Capitalised && capitals < 2) rank[k - first] = 3 + capitals++;
    }
  }
  return { cue, first, end, sentenceEnd, breaks, opener, rank };
}

/** Features of token j for the roles of the cue in `c`; `previous` is the label given to j-1. */
export function roleFeatures(
  f: TokenFacts,
  c: CueContext,
  j: number,
  previous: number,
  cueWord: number,
  out: Int32Array,
): number {
  const { first, end, cue } = c;
  const w = (k: number) => (k >= first && k < end ? (f.word[k] as number) : OUTSIDE);
  const d = j - cue;
  const side = d < 0 ? 1 : d === 0 ? 3 : j < c.sentenceEnd ? 2 : 4;
  const bucket = distanceBucket(d) + 8;
  const breaks = c.breaks[j - first] as number;
  const where = side * 16 + breaks;
  const me = w(j);
  const shape = f.shape[j] as number;
  const classes = f.classes[j] as number;
  const cueShape = f.shape[cue] as number;
  const cueClass = (f.classes[cue] as number) & 15;
  let n = 0;
  out[n++] = f1(101, bucket);
  out[n++] = f1(102, where);
  out[n++] = f1(104, me);
  out[n++] = f2(105, me, where);
  out[n++] = f2(108, cueClass * 16 + cueShape, where);
  out[n++] = f2(109, (classes & PERSON_MASK) + shape, where);
  out[n++] = f2(110, shape, where);
  out[n++] = f1(111, previous);
  out[n++] = f2(112, previous, where);
  out[n++] = f2(114, w(j - 1), side);
  out[n++] = f2(116, c.opener[j - first] as number, where);
  out[n++] = f2(117, cueWord, me);
  const rank = c.rank[j - first] as number;
  out[n++] = f2(122, rank * 8 + side, cueWord);
  return n;
}
