/**
 * Predicate families (src/lang/de/claim-predicates.tsv): which kind of act a proposition states,
 * so claims about one act meet whatever the words ("verkauft" + "Artilleriegeschosse",
 * "exportiert" + "Munition", "Waffenhandel"). Word keys are matched whole, by prefix or by
 * compound head, and memoised per key: articles repeat their words and the tables never change.
 */
import type { Span } from "../doc.js";
import { LautError } from "../errors.js";
import { readTsv } from "../lang/de/data.js";
import type { Words } from "../speech/phrases.js";
import type { Predicate } from "./types.js";

const ROLES = ["act", "obj", "whole"] as const;
type Role = (typeof ROLES)[number];
const ACT = 0;
const OBJ = 1;
const WHOLE = 2;

/** A character trie over word forms: prefixes walked from the first letter, suffixes from the last. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** codes of forms ending here, matched as a prefix (or, in the suffix trie, a suffix) */
  codes: number[] | null;
  /** codes of forms ending here that must be the whole word */
  exact: number[] | null;
}

const node = (): TrieNode => ({ next: new Map(), codes: null, exact: null });

function insert(root: TrieNode, form: string, reversed: boolean, code: number, whole = false): void {
  let at = root;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(reversed ? form.length - 1 - i : i);
    let child = at.next.get(c);
    if (!child) {
      child = node();
      at.next.set(c, child);
    }
    at = child;
  }
  if (whole) at.exact ??= [];
  else at.codes ??= [];
  const list = (whole ? at.exact : at.codes) as number[];
  if (!list.includes(code)) list.push(code);
}

/**
 * A word whose first HEAD letters (or last TAIL letters) hash to no form's skips the prefix (or
 * suffix) trie: most words fail this one check. The lengths are the shortest forms in the table.
 */
const GATE_BITS = 1 << 16;
const HEAD = 4;
/** The shortest form of any kind ("traf"). */
const MIN_FORM = HEAD;
const TAIL = 5;

/** Hash of `n` folded letters from `from`; -1 when one is ß (its "ss" spelling shifts the letters). */
function gateHash(text: string, from: number, n: number): number {
  let h = 0;
  for (let i = from; i < from + n; i++) {
    const c = text.charCodeAt(i);
    if (c === 223) return -1;
    h = (h * 31 + fold(c)) & (GATE_BITS - 1);
  }
  return h;
}

interface Families {
  names: string[];
  /** hashes of the first three letters of prefix and word forms, of the last three of suffix forms */
  heads: Uint8Array;
  tails: Uint8Array;
  /** families that need an object word besides the act */
  needsObject: boolean[];
  prefix: TrieNode;
  suffix: TrieNode;
}

let families: Families | null = null;

function load(): Families {
  if (families) return families;
  const names: string[] = [];
  const needsObject: boolean[] = [];
  const prefix = node();
  const suffix = node();
  const heads = new Uint8Array(GATE_BITS);
  const tails = new Uint8Array(GATE_BITS);
  for (const row of readTsv("claim-predicates.tsv")) {
    const family = row.family ?? "";
    const role = ROLES.indexOf(row.role as Role);
    const match = row.match ?? "";
    const form = (row.form ?? "").toLowerCase().replaceAll("ß", "ss");
    if (!family || role < 0 || !["word", "prefix", "suffix"].includes(match) || form.length < 3) {
      throw new LautError(
        "E_INTERNAL",
        `claims data claim-predicates.tsv: bad row "${Object.values(row).join(" ")}"`,
      );
    }
    let index = names.indexOf(family);
    if (index < 0) {
      index = names.push(family) - 1;
      needsObject.push(false);
    }
    if (role === OBJ) needsObject[index] = true;
    const code = index * 4 + role;
    insert(match === "suffix" ? suffix : prefix, form, match === "suffix", code, match === "word");
    const gate = match === "suffix" ? TAIL : HEAD;
    if (form.length < gate) {
      throw new LautError(
        "E_INTERNAL",
        `claims data claim-predicates.tsv: "${form}" is shorter than ${gate}`,
      );
    }
    if (match === "suffix") tails[gateHash(form, form.length - TAIL, TAIL)] = 1;
    else heads[gateHash(form, 0, HEAD)] = 1;
  }
  families = { names, needsObject, heads, tails, prefix, suffix };
  return families;
}

/**
 * Whether a lower-case word in tokens [first, end) starts with the form of an act ("lieferte",
 * "angegriffen"): only lower-case words and only the prefix trie, so a sentence with no verb of a
 * family costs one gate hash per verb-like word.
 */
export function hasVerbForm(w: Words, first: number, end: number): boolean {
  const f = load();
  for (let t = first; t < end; t++) {
    const start = w.start(t);
    const stop = w.end(t);
    const c = w.text.charCodeAt(start);
    if (stop - start < HEAD || !((c >= 97 && c <= 122) || c === 228 || c === 246 || c === 252)) continue;
    const head = gateHash(w.text, start, HEAD);
    if (head >= 0 && f.heads[head] !== 1) continue;
    let at: TrieNode | undefined = f.prefix;
    for (let i = start; i < stop && at; i++) {
      at = step(at, w.text.charCodeAt(i));
      if (at?.codes?.some((code) => (code & 3) === ACT)) return true;
    }
    if (at?.exact?.some((code) => (code & 3) === ACT)) return true;
  }
  return false;
}

/** Codes found by the last codesIn call; reused, so scanning a token allocates nothing. */
const found: number[] = [];

function addAll(list: readonly number[] | null): void {
  if (list) for (const c of list) if (!found.includes(c)) found.push(c);
}

/** Lower case as lexKey folds it, for the letters German words start with; ß is handled by the walkers. */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 196 || c === 214 || c === 220) return c + 32;
  return c;
}

/** Step from `at` by one folded character; ß steps twice, as "ss". */
function step(at: TrieNode, c: number): TrieNode | undefined {
  if (c === 223) return at.next.get(115)?.next.get(115);
  return at.next.get(fold(c));
}

/**
 * Family/role codes (family * 4 + role) of the word text[start, end), read straight from the
 * text: no key string per token, and most words leave both tries after a letter or two.
 */
function codesIn(text: string, start: number, end: number): number[] {
  const f = load();
  found.length = 0;
  const length = end - start;
  const head = length >= HEAD ? gateHash(text, start, HEAD) : 0;
  const headOpen = length >= HEAD && (head < 0 || f.heads[head] === 1);
  if (headOpen) {
    let at: TrieNode | undefined = f.prefix;
    for (let i = start; i < end && at; i++) {
      at = step(at, text.charCodeAt(i));
      if (at) addAll(at.codes);
    }
    if (at) addAll(at.exact);
  }
  const tail = length >= TAIL ? gateHash(text, end - TAIL, TAIL) : 0;
  const tailOpen = length >= TAIL && (tail < 0 || f.tails[tail] === 1);
  if (tailOpen) {
    let at: TrieNode | undefined = f.suffix;
    for (let i = end - 1; i >= start && at; i--) {
      at = step(at, text.charCodeAt(i));
      if (at) addAll(at.codes);
    }
  }
  return found;
}

/** The family of a single word when it names one on its own (an act of a family without objects, or a whole). */
export function familyOfWord(word: string): string | null {
  const f = load();
  for (const code of codesIn(word, 0, word.length)) {
    const family = code >> 2;
    const role = code & 3;
    if (role === WHOLE || (role === ACT && !f.needsObject[family])) return f.names[family] ?? null;
  }
  return null;
}

/** Reused across calls: predicateIn runs once per sentence and claim. */
let seenScratch = new Int32Array(0);

/**
 * The first family that holds in the tokens of `spans`: a whole word, or an act with (for
 * families that need one) an object word. `skip` marks tokens that belong to a nested claim.
 */
export function predicateIn(
  w: Words,
  first: number,
  end: number,
  inside: (t: number) => boolean,
): Predicate | null {
  const f = load();
  const n = f.names.length;
  // per family: index of the first act, object and whole token, -1 when none
  if (seenScratch.length < n * 3) seenScratch = new Int32Array(n * 3);
  const seen = seenScratch;
  seen.fill(-1, 0, n * 3);
  let best: Predicate | null = null;
  for (let t = first; t < end && best === null; t++) {
    // shorter words match no form: skip them before any work
    if (w.end(t) - w.start(t) < MIN_FORM || !w.isWord(t) || !inside(t)) continue;
    for (const code of codesIn(w.text, w.start(t), w.end(t))) {
      const family = code >> 2;
      const role = code & 3;
      if (seen[family * 3 + role] === -1) seen[family * 3 + role] = t;
      const act = seen[family * 3 + ACT] ?? -1;
      const obj = seen[family * 3 + OBJ] ?? -1;
      const spans: Span[] = [];
      if (role === WHOLE) spans.push({ start: w.start(t), end: w.end(t) });
      else if (act >= 0 && (obj >= 0 || !f.needsObject[family])) {
        spans.push({ start: w.start(act), end: w.end(act) });
        // a compound ("Drohnenlieferungen") is act and object at once
        if (obj >= 0 && obj !== act) spans.push({ start: w.start(obj), end: w.end(obj) });
        spans.sort((a, b) => a.start - b.start);
      }
      if (spans.length > 0) {
        best = { family: f.names[family] as string, spans };
        break;
      }
    }
  }
  return best;
}
