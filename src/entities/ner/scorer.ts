/**
 * Emission scores at run time. Of a token's features, all but five depend on one word only (the
 * token or a neighbour, see Role in features.ts), so their summed weights are remembered per word
 * and role: a frequent word costs one map lookup instead of some twenty hashed weight lookups.
 * The sums are exactly what NerModel.emissions computes from the full feature rows (a test checks).
 */
import { LautError } from "../../errors.js";
import {
  BOUNDARY_WORD,
  MAX_ROLE_FEATURES,
  positionFeatures,
  ROLE_COUNT,
  Role,
  roleFeatures,
  type WordInfo,
  wordInfo,
} from "./features.js";
import { TAG_COUNT } from "./labels.js";
import type { NerModel } from "./model.js";

/** Words remembered per generation (each word takes 500 bytes). */
const DEFAULT_CAPACITY = 1 << 14;
const STRIDE = ROLE_COUNT * TAG_COUNT;

interface Generation {
  slots: Map<string, number>;
  infos: WordInfo[];
  vectors: Float32Array;
}

const newGeneration = (capacity: number): Generation => ({
  slots: new Map(),
  infos: [],
  vectors: new Float32Array(capacity * STRIDE),
});

function addRole(out: Float32Array, row: number, source: Float32Array, at: number): void {
  for (let t = 0; t < TAG_COUNT; t++) (out[row + t] as number) += source[at + t] as number;
}

export class NameScorer {
  readonly model: NerModel;
  readonly #capacity: number;
  readonly #mask: number;
  readonly #boundary = new Float32Array(STRIDE);
  readonly #bias = new Float32Array(TAG_COUNT);
  /**
   * Two generations of remembered words: when the current one is full it becomes the previous
   * one, and a word found only there is copied over (125 floats) instead of being recomputed
   * (about twenty hashed lookups), so frequent words survive the turnover.
   */
  #current: Generation;
  #previous: Generation;
  #features = new Uint32Array(MAX_ROLE_FEATURES * ROLE_COUNT + 8);
  #emissions = new Float32Array(0);
  #tokenSlots = new Int32Array(0);
  #tokenInfos: WordInfo[] = [];

  constructor(model: NerModel, capacity = DEFAULT_CAPACITY) {
    this.model = model;
    this.#capacity = capacity;
    this.#mask = model.buckets - 1;
    this.#current = newGeneration(capacity);
    this.#previous = newGeneration(capacity);
    this.#fill(BOUNDARY_WORD, this.#boundary, 0);
    const end = positionFeatures(BOUNDARY_WORD, false, this.#features, 0);
    for (let k = 0; k < end; k++) this.#features[k] = (this.#features[k] as number) & this.#mask;
    this.model.accumulate(this.#features, 0, end, this.#bias, 0);
  }

  #fill(info: WordInfo, into: Float32Array, at: number): void {
    into.fill(0, at, at + STRIDE);
    const ids = this.#features;
    for (let role = 0; role < ROLE_COUNT; role++) {
      const end = roleFeatures(info, role, ids, 0);
      for (let k = 0; k < end; k++) ids[k] = (ids[k] as number) & this.#mask;
      this.model.accumulate(ids, 0, end, into, at + role * TAG_COUNT);
    }
  }

  #turnOver(): void {
    const old = this.#previous;
    old.slots.clear();
    old.infos.length = 0;
    this.#previous = this.#current;
    this.#current = old;
  }

  #slot(word: string): number {
    const current = this.#current;
    const known = current.slots.get(word);
    if (known !== undefined) return known;
    const slot = current.slots.size;
    current.slots.set(word, slot);
    const before = this.#previous.slots.get(word);
    if (before !== undefined) {
      const from = before * STRIDE;
      current.vectors.set(this.#previous.vectors.subarray(from, from + STRIDE), slot * STRIDE);
      current.infos[slot] = this.#previous.infos[before] as WordInfo;
      return slot;
    }
    const info = wordInfo(word);
    current.infos[slot] = info;
    this.#fill(info, current.vectors, slot * STRIDE);
    return slot;
  }

  /**
   * Emission scores (length × TAG_COUNT) of the words of one sentence, valid until the next call.
   * `length` must not exceed the capacity (callers decode in windows of a few hundred tokens).
   */
  emissions(length: number, wordAt: (i: number) => string): Float32Array {
    if (this.#emissions.length < length * TAG_COUNT) {
      this.#emissions = new Float32Array(length * TAG_COUNT * 2);
      this.#tokenSlots = new Int32Array(length * 2);
    }
    const out = this.#emissions;
    const slots = this.#tokenSlots;
    const infos = this.#tokenInfos;
    infos.length = length;
    if (length > this.#capacity) {
      throw new LautError(
        "E_INTERNAL",
        `name scorer: ${length} tokens exceed its ${this.#capacity} word slots`,
      );
    }
    // start afresh before, never during, a sentence: its words' slots must stay valid to the end
    if (this.#current.slots.size + length > this.#capacity) this.#turnOver();
    for (let i = 0; i < length; i++) {
      const slot = this.#slot(wordAt(i));
      slots[i] = slot;
      infos[i] = this.#current.infos[slot] as WordInfo;
    }
    const vectors = this.#current.vectors;
    const boundary = this.#boundary;
    const ids = this.#features;
    out.fill(0, 0, length * TAG_COUNT);
    // each token's row: its own Self sums and its neighbours' Prev/Next/Prev2/Next2 sums
    for (let i = 0; i < length; i++) {
      const row = i * TAG_COUNT;
      addRole(out, row, vectors, (slots[i] as number) * STRIDE + Role.Self * TAG_COUNT);
      addRole(
        out,
        row,
        i > 0 ? vectors : boundary,
        (i > 0 ? (slots[i - 1] as number) * STRIDE : 0) + Role.Prev * TAG_COUNT,
      );
      addRole(
        out,
        row,
        i + 1 < length ? vectors : boundary,
        (i + 1 < length ? (slots[i + 1] as number) * STRIDE : 0) + Role.Next * TAG_COUNT,
      );
      addRole(
        out,
        row,
        i > 1 ? vectors : boundary,
        (i > 1 ? (slots[i - 2] as number) * STRIDE : 0) + Role.Prev2 * TAG_COUNT,
      );
      addRole(
        out,
        row,
        i + 2 < length ? vectors : boundary,
        (i + 2 < length ? (slots[i + 2] as number) * STRIDE : 0) + Role.Next2 * TAG_COUNT,
      );
    }
    // the bias is the same for every token; only the first token has a sentence-start feature
    const bias = this.#bias;
    for (let i = 0; i < length; i++) addRole(out, i * TAG_COUNT, bias, 0);
    if (length > 0) {
      const end = positionFeatures(infos[0] as WordInfo, true, ids, 0);
      for (let k = 1; k < end; k++) ids[k] = (ids[k] as number) & this.#mask;
      this.model.accumulate(ids, 1, end, out, 0);
    }
    return out;
  }
}
