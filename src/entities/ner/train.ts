/**
 * Training: an averaged structured perceptron (Collins 2002) over the hashed features, decoded
 * with the same Viterbi as at run time. Deterministic: sentences are visited in an order shuffled
 * by a seeded generator, so the same data and options give the same weights, byte for byte.
 * Averaging keeps, beside the weights, the sum of every update times the step it happened at; the
 * average is then weights − sum / steps (Daumé's trick), so an update costs the same as without.
 */
import type { FeatureExtractor, FeatureRows } from "./features.js";
import { TAG_COUNT } from "./labels.js";
import { NerModel } from "./model.js";

/** One sentence with its features (own copies, not the extractor's scratch rows) and gold tags. */
export interface TrainingSentence {
  rows: FeatureRows;
  tags: Uint8Array;
}

export interface TrainOptions {
  buckets: number;
  epochs: number;
  seed: number;
  /** called after every epoch, e.g. for progress on stderr */
  onEpoch?: (epoch: number, mistakes: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { buckets: 1 << 18, epochs: 8, seed: 20140 };

/** Features of a tokenised sentence as a training example. */
export function trainingSentence(
  extractor: FeatureExtractor,
  tokens: readonly string[],
  tags: Uint8Array,
): TrainingSentence {
  const rows = extractor.extract(tokens.length, (i) => tokens[i] as string);
  const end = rows.offsets[rows.length] as number;
  return {
    rows: {
      length: rows.length,
      offsets: rows.offsets.slice(0, rows.length + 1),
      ids: rows.ids.slice(0, end),
    },
    tags,
  };
}

/** mulberry32: a small seeded generator, enough for shuffling */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainNer(
  sentences: readonly TrainingSentence[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): NerModel {
  const model = new NerModel(options.buckets);
  const w = model.weights;
  const tr = model.transitions;
  const wSum = new Float64Array(w.length);
  const trSum = new Float64Array(tr.length);
  const random = seededRandom(options.seed);
  const order = Array.from(sentences.keys());
  let maxLength = 0;
  for (const s of sentences) maxLength = Math.max(maxLength, s.rows.length);
  const predicted = new Uint8Array(maxLength);
  let step = 1;

  const updateEmission = (rows: FeatureRows, i: number, tag: number, delta: number) => {
    const end = rows.offsets[i + 1] as number;
    for (let k = rows.offsets[i] as number; k < end; k++) {
      const index = (rows.ids[k] as number) * TAG_COUNT + tag;
      (w[index] as number) += delta;
      (wSum[index] as number) += delta * step;
    }
  };
  const updateTransition = (from: number, to: number, delta: number) => {
    const index = from * TAG_COUNT + to;
    (tr[index] as number) += delta;
    (trSum[index] as number) += delta * step;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let mistakes = 0;
    for (const index of order) {
      const { rows, tags } = sentences[index] as TrainingSentence;
      model.decodeExact(rows, predicted);
      let wrong = false;
      for (let i = 0; i < rows.length; i++) {
        const gold = tags[i] as number;
        const guess = predicted[i] as number;
        if (gold !== guess) {
          wrong = true;
          updateEmission(rows, i, gold, 1);
          updateEmission(rows, i, guess, -1);
        }
        const goldFrom = i === 0 ? TAG_COUNT : (tags[i - 1] as number);
        const guessFrom = i === 0 ? TAG_COUNT : (predicted[i - 1] as number);
        if (goldFrom !== guessFrom || gold !== guess) {
          updateTransition(goldFrom, gold, 1);
          updateTransition(guessFrom, guess, -1);
        }
      }
      if (wrong) mistakes++;
      step++;
    }
    options.onEpoch?.(epoch, mistakes);
  }
  for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) - (wSum[k] as number) / step;
  for (let k = 0; k < tr.length; k++) tr[k] = (tr[k] as number) - (trSum[k] as number) / step;
  return model;
}
