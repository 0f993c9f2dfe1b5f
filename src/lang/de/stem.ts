/**
 * A German stemmer: CISTEM (Weissweiler & Fraser 2017), written from the paper's description.
 * It folds umlauts and ß, strips the participle prefix "ge-" and then repeatedly strips a few
 * suffixes (-em, -er, -nd, -t, -e, -s, -n) under length rules, which conflates the inflected
 * forms a search must find ("Lieferungen" and "Lieferung" both stem to "lieferung"). The folds,
 * prefixes, letter groups and suffix rules are data files beside this module.
 *
 * Stems are index keys, not words: "Bürger" and "Burg" share the stem "burg". The search index
 * and its queries both use the case-insensitive mode, so a capitalised first word of a sentence
 * stems like the same word in lower case.
 */
import { CharClass, CLASS } from "../../text/char-class.js";
import { readLines, readTsv } from "./data.js";

interface SuffixRule {
  suffix: string;
  minLength: number;
  nouns: boolean;
}

const FOLDS: readonly [string, string][] = readTsv("stem-folds.tsv").map((r) => [r.from ?? "", r.to ?? ""]);
// one character class of the fold letters, escaped: a single test per word
const FOLDABLE = new RegExp(`[${FOLDS.map(([from]) => from.replace(/[\\\]^-]/g, "\\$&")).join("")}]`);
const PREFIXES = readTsv("stem-prefixes.tsv").map((r) => ({
  prefix: r.prefix ?? "",
  minRest: Number(r.min_rest),
}));
// letter groups become one private-use character each while suffixes are stripped
const UNITS = readLines("stem-units.txt").map((group, i) => ({
  group,
  mark: String.fromCharCode(0xe000 + i),
}));
const SUFFIXES: readonly SuffixRule[] = readTsv("stem-suffixes.tsv").map((r) => ({
  suffix: r.suffix ?? "",
  minLength: Number(r.min_length),
  nouns: r.nouns === "yes",
}));
// the doubled-letter mark: "ll" counts as a letter and a mark, so "Wall" keeps its length
const DOUBLE = "\ue0ff";
const MIN_STEM = 3;

export interface StemOptions {
  /** true: every suffix rule applies, whatever the word's case (the search index uses this) */
  caseInsensitive?: boolean;
}

/** The CISTEM stem of one word (letters and digits, no spaces). */
export function stem(word: string, options: StemOptions = {}): string {
  if (word.length === 0) return word;
  const first = word.charAt(0);
  const capitalised = first !== first.toLowerCase();
  let w = fold(word.toLowerCase());
  for (const { prefix, minRest } of PREFIXES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= minRest) {
      w = w.slice(prefix.length);
      break;
    }
  }
  w = markDoubles(joinUnits(w));
  const allRules = options.caseInsensitive === true || !capitalised;
  strip: while (w.length > MIN_STEM) {
    for (const rule of SUFFIXES) {
      if (w.length >= rule.minLength && (allRules || rule.nouns) && w.endsWith(rule.suffix)) {
        w = w.slice(0, w.length - rule.suffix.length);
        continue strip;
      }
    }
    break;
  }
  return splitUnits(unmarkDoubles(w));
}

function fold(w: string): string {
  if (!FOLDABLE.test(w)) return w;
  for (const [from, to] of FOLDS) w = w.replaceAll(from, to);
  return w;
}

function joinUnits(w: string): string {
  for (const { group, mark } of UNITS) if (w.includes(group)) w = w.replaceAll(group, mark);
  return w;
}

function splitUnits(w: string): string {
  for (const { group, mark } of UNITS) if (w.includes(mark)) w = w.replaceAll(mark, group);
  return w;
}

/** "(.)\1" → "\1" + mark, left to right without overlap, as in the paper */
function markDoubles(w: string): string {
  let doubled = false;
  for (let i = 1; i < w.length && !doubled; i++) doubled = w.charCodeAt(i) === w.charCodeAt(i - 1);
  if (!doubled) return w;
  let out = "";
  let i = 0;
  while (i < w.length) {
    const c = w.charAt(i);
    if (i + 1 < w.length && w.charAt(i + 1) === c) {
      out += c + DOUBLE;
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function unmarkDoubles(w: string): string {
  if (!w.includes(DOUBLE)) return w;
  let out = "";
  for (let i = 0; i < w.length; i++) {
    const c = w.charAt(i);
    out += c === DOUBLE ? w.charAt(i - 1) : c;
  }
  return out;
}

// letters, digits and combining marks make words; a table lookup per code unit is several times
// faster than a Unicode property regex over a whole article
const IN_WORD: Uint8Array = CLASS.map((c) =>
  c === CharClass.Upper ||
  c === CharClass.Lower ||
  c === CharClass.Letter ||
  c === CharClass.Digit ||
  c === CharClass.Mark
    ? 1
    : 0,
);

/** The words of a text (runs of letters, digits and marks), in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (IN_WORD[text.charCodeAt(i)] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();

/**
 * The search-index form of a text: the case-insensitive stem of every word, space-separated, in
 * text order. Words repeat across articles, so stems are memoised (bounded).
 */
export function stemText(text: string): string {
  const stems = words(text);
  for (let i = 0; i < stems.length; i++) {
    const word = stems[i] as string;
    let s = memo.get(word);
    if (s === undefined) {
      s = stem(word, { caseInsensitive: true });
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, s);
    }
    stems[i] = s;
  }
  return stems.join(" ");
}
