/**
 * Emission scores at run time. Of a token's features, all but the sentence-start one depend on
 * one word only (the token or a neighbour, see Role in features.ts), so their summed weights are
 * remembered per word and role: a known word costs a hash over its characters in the text (no
 * string is cut out) instead of some twenty hashed weight lookups. The sums are exactly what
 * NerModel.emissions computes from the full feature rows (a test checks).
 *
 * The memory is a direct-mapped table: a word's slot is fixed by its hash, a newcomer evicts
 * whatever sat there. Within one sentence nothing is evicted that the sentence itself still
 * needs: a word whose slot is taken by another word of the same sentence goes to an overflow
 * slot for that sentence.
 */
import { LautError } from "../../errors.js";
import {
  BOUNDARY_WORD,
  MAX_ROLE_FEATURES,
  positionFeatures,
  ROLE_COUNT,
  Role,
  roleFeatures,
  wordInfo,
} from "./features.js";
import { TAG_COUNT } from "./labels.js";
import type { NerModel } from "./model.js";

/** Slots of the word table (a power of two; each word takes 500 bytes, so 32 MB). Halving it
 * raised the share of tokens whose word had to be computed afresh from 9.7 % to 12.7 % on news. */
const DEFAULT_SLOTS = 1 << 16;
const STRIDE = ROLE_COUNT * TAG_COUNT;
/** Longest sentence (window) scored at once; callers cut longer ones. */
export const MAX_SENTENCE = 256;

const PRIME = 0x01000193;
const SEED = 0x811c9dc5;

export class NameScorer {
  readonly model: NerModel;
  readonly #slots: number;
  readonly #mask: number;
  /** slot → the word held there (null when empty) */
  readonly #words: (string | null)[];
  readonly #hashes: Uint32Array;
  /** slot → shape hash, for the sentence-start feature */
  readonly #shapes: Uint32Array;
  /** slot → number of the sentence that last used it */
  readonly #used: Uint32Array;
  /** (slots + MAX_SENTENCE overflow + 1 boundary) × ROLE_COUNT × TAG_COUNT summed weights */
  readonly #vectors: Float32Array;
  readonly #boundary: number;
  readonly #features = new Uint32Array(MAX_ROLE_FEATURES * ROLE_COUNT + 8);
  readonly #emissions = new Float32Array(MAX_SENTENCE * TAG_COUNT);
  readonly #tokenSlots = new Int32Array(MAX_SENTENCE);
  #sentence = 0;

  constructor(model: NerModel, slots = DEFAULT_SLOTS) {
    if (!Number.isInteger(Math.log2(slots)))
      throw new LautError("E_INTERNAL", "name scorer: slots must be a power of two");
    this.model = model;
    this.#slots = slots;
    this.#mask = model.buckets - 1;
    const total = slots + MAX_SENTENCE + 1;
    this.#words = new Array(total).fill(null);
    this.#hashes = new Uint32Array(total);
    this.#shapes = new Uint32Array(total);
    this.#used = new Uint32Array(total);
    this.#vectors = new Float32Array(total * STRIDE);
    this.#boundary = total - 1;
    this.#fill(BOUNDARY_WORD, this.#boundary);
  }

  /**
   * The summed weights of each role of a word. The bias feature, the same for every token, is
   * folded into the Self sums: every token has exactly one Self.
   */
  #fill(info: typeof BOUNDARY_WORD, slot: number): void {
    const at = slot * STRIDE;
    this.#vectors.fill(0, at, at + STRIDE);
    this.#shapes[slot] = info.shape;
    const ids = this.#features;
    for (let role = 0; role < ROLE_COUNT; role++) {
      let end = roleFeatures(info, role, ids, 0);
      if (role === Role.Self) end = positionFeatures(info, false, ids, end);
      for (let k = 0; k < end; k++) ids[k] = (ids[k] as number) & this.#mask;
      this.model.accumulate(ids, 0, end, this.#vectors, at + role * TAG_COUNT);
    }
  }

  /** Slot of the word text[start, end), filled if the word is new there. */
  #slot(text: string, start: number, end: number, overflow: number): number {
    let h = SEED;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
    h >>>= 0;
    let slot = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    slot = (slot ^ (slot >>> 12)) & (this.#slots - 1);
    if (this.#hashes[slot] === h && sameWord(this.#words[slot], text, start, end)) {
      this.#used[slot] = this.#sentence;
      return slot;
    }
    // taken by another word of this sentence: keep that one, use an overflow slot
    if (this.#used[slot] === this.#sentence && this.#words[slot] !== null) slot = this.#slots + overflow;
    const word = text.slice(start, end);
    this.#words[slot] = word;
    this.#hashes[slot] = h;
    this.#used[slot] = this.#sentence;
    this.#fill(wordInfo(word), slot);
    return slot;
  }

  /**
   * Emission scores (length × TAG_COUNT) of the tokens [first, first + length) given by their
   * offsets into `text`; valid until the next call. At most MAX_SENTENCE tokens.
   */
  emissions(
    text: string,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
    first: number,
    length: number,
  ): Float32Array {
    if (length > MAX_SENTENCE) {
      throw new LautError("E_INTERNAL", `name scorer: ${length} tokens exceed its window of ${MAX_SENTENCE}`);
    }
    // sentence numbers start at 1, so 0 in #used means "no sentence"
    this.#sentence = this.#sentence >= 0xfffffffe ? 1 : this.#sentence + 1;
    if (this.#sentence === 1) this.#used.fill(0);
    const out = this.#emissions;
    const slots = this.#tokenSlots;
    for (let i = 0; i < length; i++) {
      slots[i] = this.#slot(text, starts[first + i] as number, ends[first + i] as number, i);
    }
    const v = this.#vectors;
    const b = this.#boundary;
    // each token's row: its own Self sums and its neighbours' Prev/Next/Prev2/Next2 sums, in one pass
    for (let i = 0; i < length; i++) {
      const row = i * TAG_COUNT;
      const self = (slots[i] as number) * STRIDE + Role.Self * TAG_COUNT;
      const prev = (i > 0 ? (slots[i - 1] as number) : b) * STRIDE + Role.Prev * TAG_COUNT;
      const next = (i + 1 < length ? (slots[i + 1] as number) : b) * STRIDE + Role.Next * TAG_COUNT;
      const prev2 = (i > 1 ? (slots[i - 2] as number) : b) * STRIDE + Role.Prev2 * TAG_COUNT;
      const next2 = (i + 2 < length ? (slots[i + 2] as number) : b) * STRIDE + Role.Next2 * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        out[row + t] =
          (v[self + t] as number) +
          (v[prev + t] as number) +
          (v[next + t] as number) +
          (v[prev2 + t] as number) +
          (v[next2 + t] as number);
      }
    }
    // the one position feature besides the bias: the shape at sentence start
    if (length > 0) {
      const ids = this.#features;
      const end = positionFeatures(
        { ...BOUNDARY_WORD, shape: this.#shapes[slots[0] as number] as number },
        true,
        ids,
        0,
      );
      for (let k = 1; k < end; k++) ids[k] = (ids[k] as number) & this.#mask;
      this.model.accumulate(ids, 1, end, out, 0);
    }
    return out;
  }
}

function sameWord(word: string | null | undefined, text: string, start: number, end: number): boolean {
  if (word === null || word === undefined || word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Text and token offsets of a tokenised sentence (tokens joined by spaces), for scoring it. */
export function joinTokens(tokens: readonly string[]): {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
} {
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  let offset = 0;
  tokens.forEach((token, i) => {
    starts[i] = offset;
    ends[i] = offset + token.length;
    offset += token.length + 1;
  });
  return { text: tokens.join(" "), starts, ends };
}
