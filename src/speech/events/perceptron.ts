/**
 * A multi-class perceptron over hashed features: weight (feature, class) sits at
 * `(feature & mask) * classes + class` of one Float32Array. Training keeps the averaged
 * perceptron's two sums (Collins 2002, with the usual timestamp trick), so the weights it
 * returns are the average over every update step: deterministic and far less jumpy than the last.
 */

export interface Weights {
  readonly bits: number;
  readonly classes: number;
  readonly weights: Float32Array;
}

/** Scores of every class into `scores`; returns the best class (ties go to the lower class). */
export function argmax(model: Weights, features: Int32Array, count: number, scores: Float32Array): number {
  const k = model.classes;
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  for (let c = 0; c < k; c++) scores[c] = 0;
  // feature-major: one weight row per feature is one or two cache lines, read front to back
  for (let f = 0; f < count; f++) {
    const base = ((features[f] as number) & mask) * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (w[base + c] as number);
  }
  let best = 0;
  let top = scores[0] as number;
  for (let c = 1; c < k; c++) {
    const v = scores[c] as number;
    if (v > top) {
      top = v;
      best = c;
    }
  }
  return best;
}

export class PerceptronTrainer {
  readonly bits: number;
  readonly classes: number;
  readonly #weights: Float64Array;
  readonly #sums: Float64Array;
  /** the current weights, for predicting while training */
  readonly current: Weights;
  #step = 1;

  constructor(bits: number, classes: number) {
    this.bits = bits;
    this.classes = classes;
    this.#weights = new Float64Array((1 << bits) * classes);
    this.#sums = new Float64Array((1 << bits) * classes);
    // predictions during training read a float32 mirror, the layout the runtime scores with
    this.current = { bits, classes, weights: new Float32Array((1 << bits) * classes) };
  }

  /** One example: predict with the current weights; on a mistake move both classes. Returns the prediction. */
  learn(features: Int32Array, count: number, gold: number, scores: Float32Array): number {
    const guess = argmax(this.current, features, count, scores);
    if (guess !== gold) {
      const mask = (1 << this.bits) - 1;
      const k = this.classes;
      const mirror = this.current.weights;
      for (let f = 0; f < count; f++) {
        const base = ((features[f] as number) & mask) * k;
        this.#update(base + gold, 1, mirror);
        this.#update(base + guess, -1, mirror);
      }
    }
    this.#step++;
    return guess;
  }

  #update(index: number, delta: number, mirror: Float32Array): void {
    const w = (this.#weights[index] as number) + delta;
    this.#weights[index] = w;
    mirror[index] = w;
    this.#sums[index] = (this.#sums[index] as number) + this.#step * delta;
  }

  /** Count one example without learning from it (keeps the averaging right for skipped tokens). */
  tick(): void {
    this.#step++;
  }

  averaged(): Weights {
    const out = new Float32Array(this.#weights.length);
    const step = this.#step;
    for (let i = 0; i < out.length; i++) {
      out[i] = (this.#weights[i] as number) - (this.#sums[i] as number) / step;
    }
    return { bits: this.bits, classes: this.classes, weights: out };
  }
}
