/**
 * Features of the name recogniser, hashed straight into buckets of the weight table (no feature
 * strings are built). Per token, a few base hashes are computed once (word, lower-cased form,
 * shape, prefixes, suffixes, word-list flags); features are a template id mixed with one or two
 * base hashes, so a neighbour's word costs an integer mix, not another pass over its characters.
 *
 * What matters for German, where every noun is capitalised: capitalisation alone says little, so
 * the model leans on the lower-cased form, its endings ("-ische" for LOCderiv, "-ung" for common
 * nouns), the neighbours ("Bundeskanzler" before, "sagte" after), sentence-initial position and
 * laut's own word lists (first names, roles, function words, metonyms, known verb forms).
 */
import { readLines, readTsv } from "../../lang/de/data.js";
import { firstNameGender, lookupMetonym, lookupRole } from "../../lang/de/lexicon.js";
import { verbMood } from "../../lang/de/verbs.js";

/** Word-list memberships of one token, as bits. */
export const Flag = {
  FirstName: 1,
  FunctionWord: 2,
  RolePerson: 4,
  RoleOrg: 8,
  MetonymPlace: 16,
  MetonymOrg: 32,
  VerbForm: 64,
  CommonNounEnding: 128,
} as const;
const FLAG_BITS = 8;

/** The feature templates, in a fixed order: the ids are part of the model file's meaning. */
const T = {
  Bias: 1,
  Word: 2,
  Lower: 3,
  Prefix: 4, // +k for k = 2..4
  Suffix: 10, // +k for k = 1..5
  Shape: 20,
  InitialShape: 21,
  LowerPrev: 22,
  LowerNext: 23,
  LowerPrev2: 24,
  LowerNext2: 25,
  ShapePrev: 26,
  ShapeNext: 27,
  Flag: 32, // +bit
  FlagPrev: 48,
  FlagNext: 64,
  HyphenHead: 80,
  HyphenFirst: 81,
  SuffixPrev: 82,
  LowerSuffix3Next: 83,
} as const;

/** Version of the feature set; the model file records it and refuses another. */
export const FEATURE_SET = "de-ner-4";

const PRIME = 0x01000193;
const SEED = 0x811c9dc5;

function hashChars(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h >>> 0;
}

/** murmur3 finaliser: spreads the bits so that `& mask` picks good buckets */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const feature1 = (template: number, a: number): number =>
  fmix(Math.imul(a ^ (template << 24), PRIME) + template);

// ---------------------------------------------------------------- word lists

interface WordLists {
  functionWords: Set<string>;
  commonNounEndings: readonly string[];
}

let lists: WordLists | null = null;
function wordLists(): WordLists {
  lists ??= {
    functionWords: new Set(readTsv("function-words.tsv").map((r) => (r.word ?? "").toLowerCase())),
    commonNounEndings: readLines("noun-suffixes.txt"),
  };
  return lists;
}

const FLAG_CACHE = new Map<string, number>();
const FLAG_CACHE_SIZE = 100_000;

/** Word-list flags of a token, remembered per spelling (the lookups cost more than the model). */
export function wordFlags(word: string, lower: string): number {
  const cached = FLAG_CACHE.get(word);
  if (cached !== undefined) return cached;
  const { functionWords, commonNounEndings } = wordLists();
  let flags = 0;
  if (functionWords.has(lower)) flags |= Flag.FunctionWord;
  const first = word.charCodeAt(0);
  const capitalised = lower.charCodeAt(0) !== first;
  if (capitalised) {
    if (firstNameGender(word) !== undefined) flags |= Flag.FirstName;
    const role = lookupRole(word);
    if (role) flags |= role.kind === "person" ? Flag.RolePerson : Flag.RoleOrg;
    const metonym = lookupMetonym(word);
    if (metonym) flags |= metonym.type === "GPE" ? Flag.MetonymPlace : Flag.MetonymOrg;
  }
  // verb forms are looked up in lower case only: the analysis is the costliest lookup here, and a
  // capitalised verb form is rare (sentence start) where capitalised nouns are many
  if (!capitalised && word.length > 2 && verbMood(word) !== null) flags |= Flag.VerbForm;
  for (const ending of commonNounEndings) {
    if (lower.length > ending.length + 2 && lower.endsWith(ending)) {
      flags |= Flag.CommonNounEnding;
      break;
    }
  }
  if (FLAG_CACHE.size >= FLAG_CACHE_SIZE) FLAG_CACHE.clear();
  FLAG_CACHE.set(word, flags);
  return flags;
}

// ---------------------------------------------------------------- shape

const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;

/** Character class for the shape: X upper, x lower, d digit, else the character itself. */
function shapeClass(c: number, lowered: number): number {
  if (c >= 48 && c <= 57) return 100; // d
  if (c >= UPPER_A && c <= UPPER_Z) return 88; // X
  if (c >= LOWER_A && c <= LOWER_Z) return 120; // x
  if (c >= 0xc0 && (c <= 0x24f || (c >= 0x370 && c <= 0x52f))) return lowered !== c ? 88 : 120;
  return c;
}

/**
 * Hash of the word's shape with runs capped at two ("Scholz" Xxx, "NATO" XX, "U5" Xd,
 * "EU-Kommission" XX-Xxx); `lower` must be word.toLowerCase() of the same length, else
 * non-ASCII capitals read as lower case.
 */
function shapeHash(word: string, lower: string): number {
  const sameLength = lower.length === word.length;
  let h = SEED;
  let last = -1;
  let run = 0;
  const n = Math.min(word.length, 24);
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    const k = shapeClass(c, sameLength ? lower.charCodeAt(i) : c);
    if (k === last) {
      if (++run > 2) continue;
    } else {
      last = k;
      run = 1;
    }
    h = Math.imul(h ^ k, PRIME);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- extraction

/** Features of a sentence in compressed rows: token i has ids[offsets[i] .. offsets[i+1]). */
export interface FeatureRows {
  length: number;
  offsets: Uint32Array;
  ids: Uint32Array;
}

/**
 * Most features of a token depend on one word only: the token itself or one neighbour. Grouped
 * by that word and its position relative to the token (its role), they can be summed once per
 * word and reused (see NameScorer); only the bias and the sentence-start feature depend on
 * the position.
 */
export const Role = { Self: 0, Prev: 1, Next: 2, Prev2: 3, Next2: 4 } as const;
export const ROLE_COUNT = 5;

/** The base hashes of one word, computed once and shared by all its roles. */
export interface WordInfo {
  word: string;
  lower: string;
  wordHash: number;
  lowerHash: number;
  shape: number;
  suffix3: number;
  flags: number;
}

/** Stands for the missing neighbour before the first and after the last token. */
const BOUNDARY = 0x5bd1e995;
export const BOUNDARY_WORD: WordInfo = {
  word: "",
  lower: "",
  wordHash: BOUNDARY,
  lowerHash: BOUNDARY,
  shape: BOUNDARY,
  suffix3: BOUNDARY,
  flags: 0,
};

/** Hash of the last k letters, hashed last letter first (so all suffixes come from one backward pass). */
function suffixHash(lower: string, k: number): number {
  let h = SEED;
  for (let i = 1; i <= k; i++) h = Math.imul(h ^ lower.charCodeAt(lower.length - i), PRIME);
  return h >>> 0;
}

export function wordInfo(word: string): WordInfo {
  const lower = word.toLowerCase();
  const lowerHash = hashChars(SEED, lower, 0, lower.length);
  return {
    word,
    lower,
    wordHash: hashChars(SEED, word, 0, word.length),
    lowerHash,
    shape: shapeHash(word, lower),
    suffix3: lower.length >= 3 ? suffixHash(lower, 3) : lowerHash,
    flags: wordFlags(word, lower),
  };
}

/** Upper bound of the features one role of one word yields. */
export const MAX_ROLE_FEATURES = 12 + FLAG_BITS;
/** Upper bound of the position-dependent features of one token. */
const MAX_POSITION_FEATURES = 2;

/** Feature hashes (not yet masked) of `info` in `role`, written at out[at..]; returns the new end. */
export function roleFeatures(info: WordInfo, role: number, out: Uint32Array, at: number): number {
  let n = at;
  switch (role) {
    case Role.Self: {
      out[n++] = feature1(T.Word, info.wordHash);
      out[n++] = feature1(T.Lower, info.lowerHash);
      const lower = info.lower;
      const len = lower.length;
      // prefixes by one forward pass, suffixes by one backward pass
      let h = SEED;
      for (let k = 1; k <= 4 && k < len; k++) {
        h = Math.imul(h ^ lower.charCodeAt(k - 1), PRIME);
        if (k >= 2) out[n++] = feature1(T.Prefix + k, h >>> 0);
      }
      h = SEED;
      for (let k = 1; k <= 5 && k < len; k++) {
        h = Math.imul(h ^ lower.charCodeAt(len - k), PRIME);
        out[n++] = feature1(T.Suffix + k, h >>> 0);
      }
      out[n++] = feature1(T.Shape, info.shape);
      for (let bit = 0; bit < FLAG_BITS; bit++)
        if (info.flags & (1 << bit)) out[n++] = feature1(T.Flag + bit, 1);
      const dash = info.lower.lastIndexOf("-");
      if (dash > 0 && dash < len - 1) {
        out[n++] = feature1(T.HyphenHead, hashChars(SEED, info.lower, dash + 1, len));
        out[n++] = feature1(T.HyphenFirst, hashChars(SEED, info.word, 0, info.lower.indexOf("-")));
      }
      break;
    }
    case Role.Prev:
      out[n++] = feature1(T.LowerPrev, info.lowerHash);
      out[n++] = feature1(T.ShapePrev, info.shape);
      out[n++] = feature1(T.SuffixPrev, info.suffix3);
      for (let bit = 0; bit < FLAG_BITS; bit++)
        if (info.flags & (1 << bit)) out[n++] = feature1(T.FlagPrev + bit, 1);
      break;
    case Role.Next:
      out[n++] = feature1(T.LowerNext, info.lowerHash);
      out[n++] = feature1(T.ShapeNext, info.shape);
      out[n++] = feature1(T.LowerSuffix3Next, info.suffix3);
      for (let bit = 0; bit < FLAG_BITS; bit++)
        if (info.flags & (1 << bit)) out[n++] = feature1(T.FlagNext + bit, 1);
      break;
    case Role.Prev2:
      out[n++] = feature1(T.LowerPrev2, info.lowerHash);
      break;
    case Role.Next2:
      out[n++] = feature1(T.LowerNext2, info.lowerHash);
      break;
  }
  return n;
}

/**
 * Features that depend on the token's position, not on a word: the bias and the shape at
 * sentence start. (Word bigrams and the shape trigram were measured out: without them
 * cross-validated F1 rose from 61.0 to 61.4, and each cost a weight lookup per token.)
 */
export function positionFeatures(self: WordInfo, initial: boolean, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feature1(T.Bias, 0);
  if (initial) out[n++] = feature1(T.InitialShape, self.shape);
  return n;
}

const MAX_FEATURES_PER_TOKEN = MAX_ROLE_FEATURES * ROLE_COUNT + MAX_POSITION_FEATURES;

/** The word at offset `d` from token i, or the boundary word outside the sentence. */
export const around = (infos: readonly WordInfo[], length: number, i: number, d: number): WordInfo =>
  i + d >= 0 && i + d < length ? (infos[i + d] as WordInfo) : BOUNDARY_WORD;

/** Role of the word at offset d from the token, d in -2..2 */
export const ROLE_AT: readonly [number, number][] = [
  [0, Role.Self],
  [-1, Role.Prev],
  [1, Role.Next],
  [-2, Role.Prev2],
  [2, Role.Next2],
];

/** All features of every token of a sentence, masked to bucket ids (training and tests). */
export class FeatureExtractor {
  readonly #mask: number;
  #rows: FeatureRows = { length: 0, offsets: new Uint32Array(1), ids: new Uint32Array(0) };

  /** `buckets` must be a power of two. */
  constructor(buckets: number) {
    this.#mask = buckets - 1;
  }

  /** Features of the words of one sentence. The returned rows are valid until the next call. */
  extract(length: number, wordAt: (i: number) => string): FeatureRows {
    if (this.#rows.offsets.length < length + 1) {
      const capacity = Math.max(length, 2 * (this.#rows.offsets.length - 1), 64);
      this.#rows = {
        length: 0,
        offsets: new Uint32Array(capacity + 1),
        ids: new Uint32Array(capacity * MAX_FEATURES_PER_TOKEN),
      };
    }
    const infos: WordInfo[] = [];
    for (let i = 0; i < length; i++) infos.push(wordInfo(wordAt(i)));
    const rows = this.#rows;
    const { offsets, ids } = rows;
    let n = 0;
    for (let i = 0; i < length; i++) {
      offsets[i] = n;
      const from = n;
      for (const [d, role] of ROLE_AT) n = roleFeatures(around(infos, length, i, d), role, ids, n);
      n = positionFeatures(infos[i] as WordInfo, i === 0, ids, n);
      for (let k = from; k < n; k++) ids[k] = (ids[k] as number) & this.#mask;
    }
    offsets[length] = n;
    rows.length = length;
    return rows;
  }
}
