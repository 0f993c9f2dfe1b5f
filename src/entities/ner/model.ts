/**
 * The trained name recogniser: a linear model over hashed features (one row of TAG_COUNT weights
 * per bucket), tag-to-tag transition weights, and Viterbi decoding restricted to valid BIO.
 *
 * File format (models/ner.bin), little-endian:
 *   "LAUTNER1"  magic, 8 bytes
 *   uint32      byte length of the JSON header
 *   header      JSON: featureSet, buckets, labels, and a free-form `card` (data, scores)
 *   payload     deflate-compressed float32: buckets × TAG_COUNT emission weights, then
 *               (TAG_COUNT + 1) × TAG_COUNT transition weights (the last row is "from the start")
 * Most emission weights are zero (a feature only ever meets a few tags), so the file is small.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { LautError } from "../../errors.js";
import { FEATURE_SET, type FeatureRows } from "./features.js";
import { allowedTransition, LABELS, OUTSIDE as OUTSIDE_TAG, TAG_COUNT } from "./labels.js";

const MAGIC = "LAUTNER1";

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../../models/ner.bin", import.meta.url));

export interface NerModelHeader {
  featureSet: string;
  buckets: number;
  labels: readonly string[];
  /** what the model was trained on and how it scored; informational */
  card?: Record<string, unknown>;
}

/** Transitions that break BIO get this score, so Viterbi never takes them. */
const FORBIDDEN = -1e30;

export class NerModel {
  readonly buckets: number;
  /** buckets × TAG_COUNT */
  weights: Float32Array;
  /** (TAG_COUNT + 1) × TAG_COUNT; row TAG_COUNT scores the first tag of a sentence */
  readonly transitions: Float32Array;
  readonly card: Record<string, unknown>;
  #sparse: { present: Uint32Array; starts: Uint32Array; tags: Uint8Array; values: Float32Array } | null =
    null;
  #emissions = new Float32Array(0);
  #delta = new Float32Array(0);
  #back = new Uint8Array(0);
  #candidates = new Uint8Array(0);
  #counts = new Uint8Array(0);
  #margin = Number.POSITIVE_INFINITY;

  constructor(buckets: number, weights?: Float32Array, transitions?: Float32Array, card = {}) {
    if (!Number.isInteger(Math.log2(buckets))) {
      throw new LautError("E_MODEL", `name model: ${buckets} buckets is not a power of two`);
    }
    this.buckets = buckets;
    this.weights = weights ?? new Float32Array(buckets * TAG_COUNT);
    this.transitions = transitions ?? new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
    this.card = card;
  }

  /**
   * Emission scores of every tag at every token: length × TAG_COUNT, valid until the next call.
   * A compacted model reads only the non-zero weights of each bucket (about 3 of 25 tags): the
   * dense table is too large for the cache, and memory, not arithmetic, sets the speed here.
   */
  emissions(rows: FeatureRows): Float32Array {
    const n = rows.length;
    if (this.#emissions.length < n * TAG_COUNT) this.#emissions = new Float32Array(n * TAG_COUNT * 2);
    const out = this.#emissions;
    out.fill(0, 0, n * TAG_COUNT);
    const { offsets, ids } = rows;
    const sparse = this.#sparse;
    if (sparse) {
      const { starts, tags, values } = sparse;
      for (let i = 0; i < n; i++) {
        const row = i * TAG_COUNT;
        const end = offsets[i + 1] as number;
        for (let k = offsets[i] as number; k < end; k++) {
          const bucket = ids[k] as number;
          const last = starts[bucket + 1] as number;
          for (let j = starts[bucket] as number; j < last; j++) {
            (out[row + (tags[j] as number)] as number) += values[j] as number;
          }
        }
      }
      return out;
    }
    const w = this.weights;
    for (let i = 0; i < n; i++) {
      const row = i * TAG_COUNT;
      const end = offsets[i + 1] as number;
      for (let k = offsets[i] as number; k < end; k++) {
        const base = (ids[k] as number) * TAG_COUNT;
        for (let t = 0; t < TAG_COUNT; t++) (out[row + t] as number) += w[base + t] as number;
      }
    }
    return out;
  }

  /** Add the weights of bucket ids[from..to) (already masked) to out[at .. at+TAG_COUNT). */
  accumulate(ids: Uint32Array, from: number, to: number, out: Float32Array, at: number): void {
    const sparse = this.#sparse;
    if (sparse) {
      const { present, starts, tags, values } = sparse;
      for (let k = from; k < to; k++) {
        const bucket = ids[k] as number;
        // a small bitmap answers for the empty buckets (most features of unseen words) from cache
        if (((present[bucket >>> 5] as number) & (1 << (bucket & 31))) === 0) continue;
        const last = starts[bucket + 1] as number;
        for (let j = starts[bucket] as number; j < last; j++)
          (out[at + (tags[j] as number)] as number) += values[j] as number;
      }
      return;
    }
    const w = this.weights;
    for (let k = from; k < to; k++) {
      const base = (ids[k] as number) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) (out[at + t] as number) += w[base + t] as number;
    }
  }

  /** Best valid BIO tags for given emission scores (pruned Viterbi, see decode). */
  decodeScores(emissions: Float32Array, n: number, tags: Uint8Array): void {
    prunedViterbi(emissions, n, this.transitions, tags, this.#scratch(n), this.#margin);
  }

  /**
   * Switch to the sparse layout for prediction: per bucket, only its non-zero (tag, weight)
   * pairs. Training needs the dense table; a trained model is compacted once, and keeps the
   * dense table only when it is still to be written to a file.
   */
  compact(keepDense = false): this {
    const w = this.weights;
    const starts = new Uint32Array(this.buckets + 1);
    let count = 0;
    for (let k = 0; k < w.length; k++) if (w[k] !== 0) count++;
    const tags = new Uint8Array(count);
    const values = new Float32Array(count);
    let j = 0;
    for (let b = 0; b < this.buckets; b++) {
      starts[b] = j;
      const base = b * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        const v = w[base + t] as number;
        if (v !== 0) {
          tags[j] = t;
          values[j++] = v;
        }
      }
    }
    starts[this.buckets] = j;
    const present = new Uint32Array(Math.ceil(this.buckets / 32));
    for (let b = 0; b < this.buckets; b++) {
      if ((starts[b + 1] as number) > (starts[b] as number)) (present[b >>> 5] as number) |= 1 << (b & 31);
    }
    this.#sparse = { present, starts, tags, values };
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const v of this.transitions) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    this.#margin = PRUNING_MARGIN * (high - low);
    if (!keepDense) this.weights = new Float32Array(0);
    return this;
  }

  /**
   * Best valid BIO tag sequence for the features of one sentence, written into `tags`; returns
   * the emission scores it used (valid until the next call), for confidence scores. Exact
   * Viterbi over all tags: what training uses.
   */
  decodeExact(rows: FeatureRows, tags: Uint8Array): Float32Array {
    const emissions = this.emissions(rows);
    viterbi(emissions, rows.length, this.transitions, tags, this.#scratch(rows.length));
    return emissions;
  }

  /**
   * As decodeExact, but Viterbi runs only over the tags of each token whose emission score is
   * close enough to the best to matter, plus O (always a valid successor, so a valid path always
   * exists). Most tokens have one clear tag, which makes decoding many times cheaper.
   */
  decode(rows: FeatureRows, tags: Uint8Array): Float32Array {
    const emissions = this.emissions(rows);
    prunedViterbi(emissions, rows.length, this.transitions, tags, this.#scratch(rows.length), this.#margin);
    return emissions;
  }

  #scratch(n: number): Scratch {
    if (this.#delta.length < n * TAG_COUNT) {
      this.#delta = new Float32Array(n * TAG_COUNT * 2);
      this.#back = new Uint8Array(n * TAG_COUNT * 2);
      this.#candidates = new Uint8Array(n * TAG_COUNT * 2);
      this.#counts = new Uint8Array(n * 2);
    }
    return { delta: this.#delta, back: this.#back, candidates: this.#candidates, counts: this.#counts };
  }
}

/** Which previous tags each tag may follow (I-X only after B-X or I-X). */
const PREDECESSORS: readonly Uint8Array[] = Array.from({ length: TAG_COUNT }, (_, to) =>
  Uint8Array.from(
    Array.from({ length: TAG_COUNT }, (_, from) => from).filter((from) => allowedTransition(from, to)),
  ),
);
const ALLOWED = Uint8Array.from({ length: TAG_COUNT * TAG_COUNT }, (_, k) =>
  allowedTransition(Math.floor(k / TAG_COUNT), k % TAG_COUNT) ? 1 : 0,
);
const CAN_START: readonly boolean[] = Array.from(
  { length: TAG_COUNT },
  (_, to) => PREDECESSORS[to]?.length === TAG_COUNT,
);

interface Scratch {
  delta: Float32Array;
  back: Uint8Array;
  candidates: Uint8Array;
  counts: Uint8Array;
}

/**
 * How far below a token's best emission score a tag may fall and still be considered, in units
 * of the transition weights' range: a tag that far behind cannot be made up for by its two
 * transitions unless the path is otherwise forced.
 */
const PRUNING_MARGIN = 2;

export function viterbi(
  emissions: Float32Array,
  n: number,
  transitions: Float32Array,
  tags: Uint8Array,
  scratch: Pick<Scratch, "delta" | "back">,
): void {
  if (n === 0) return;
  const { delta, back } = scratch;
  const start = TAG_COUNT * TAG_COUNT;
  for (let t = 0; t < TAG_COUNT; t++) {
    delta[t] = CAN_START[t] ? (emissions[t] as number) + (transitions[start + t] as number) : FORBIDDEN;
  }
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * TAG_COUNT;
    const row = i * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) {
      const from = PREDECESSORS[t] as Uint8Array;
      let best = FORBIDDEN * 2;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k] as number;
        const s = (delta[prev + p] as number) + (transitions[p * TAG_COUNT + t] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[row + t] = best + (emissions[row + t] as number);
      back[row + t] = arg;
    }
  }
  const last = (n - 1) * TAG_COUNT;
  let tag = 0;
  for (let t = 1; t < TAG_COUNT; t++)
    if ((delta[last + t] as number) > (delta[last + tag] as number)) tag = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = tag;
    tag = back[i * TAG_COUNT + tag] as number;
  }
}

/**
 * Viterbi over a few candidate tags per token: O and the tags scoring at least O's emission
 * score minus `margin` (a superset of the tags within the margin of the best).
 * delta/back are indexed by token × candidate slot; back holds the previous token's slot.
 */
export function prunedViterbi(
  emissions: Float32Array,
  n: number,
  transitions: Float32Array,
  tags: Uint8Array,
  scratch: Scratch,
  margin: number,
): void {
  if (n === 0) return;
  const { delta, back, candidates, counts } = scratch;
  const start = TAG_COUNT * TAG_COUNT;
  const width = TAG_COUNT;
  for (let i = 0; i < n; i++) {
    const row = i * TAG_COUNT;
    const slot = i * width;
    // tags within the margin of O's score; O scores at most the best, so this keeps every tag
    // within the margin of the best and needs one pass
    const floor = (emissions[row] as number) - margin;
    candidates[slot] = OUTSIDE_TAG;
    let count = 1;
    for (let t = 1; t < TAG_COUNT; t++)
      if ((emissions[row + t] as number) >= floor) candidates[slot + count++] = t;
    counts[i] = count;
    for (let c = 0; c < count; c++) {
      const t = candidates[slot + c] as number;
      const e = emissions[row + t] as number;
      if (i === 0) {
        delta[slot + c] = CAN_START[t] ? e + (transitions[start + t] as number) : FORBIDDEN;
        continue;
      }
      const prevSlot = slot - width;
      const prevCount = counts[i - 1] as number;
      let best = FORBIDDEN * 2;
      let arg = 0;
      for (let p = 0; p < prevCount; p++) {
        const from = candidates[prevSlot + p] as number;
        if (ALLOWED[from * TAG_COUNT + t] === 0) continue;
        const score = (delta[prevSlot + p] as number) + (transitions[from * TAG_COUNT + t] as number);
        if (score > best) {
          best = score;
          arg = p;
        }
      }
      delta[slot + c] = best + e;
      back[slot + c] = arg;
    }
  }
  const lastSlot = (n - 1) * width;
  let c = 0;
  for (let k = 1; k < (counts[n - 1] as number); k++) {
    if ((delta[lastSlot + k] as number) > (delta[lastSlot + c] as number)) c = k;
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = candidates[i * width + c] as number;
    c = back[i * width + c] as number;
  }
}

// ---------------------------------------------------------------- file

export function serialiseNerModel(model: NerModel): Buffer {
  if (model.weights.length !== model.buckets * TAG_COUNT) {
    throw new LautError("E_INTERNAL", "a compacted name model without its dense weights cannot be written");
  }
  const header: NerModelHeader = {
    featureSet: FEATURE_SET,
    buckets: model.buckets,
    labels: LABELS,
    card: model.card,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const floats = new Float32Array(model.weights.length + model.transitions.length);
  floats.set(model.weights, 0);
  floats.set(model.transitions, model.weights.length);
  const payload = deflateRawSync(Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength), {
    level: 9,
  });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return Buffer.concat([Buffer.from(MAGIC, "latin1"), length, json, payload]);
}

export function writeNerModel(model: NerModel, path: string): void {
  try {
    writeFileSync(path, serialiseNerModel(model));
  } catch (error) {
    throw new LautError("E_OUTPUT", `name model ${path} cannot be written`, { cause: error });
  }
}

export function parseNerModel(bytes: Uint8Array, name = "name model"): NerModel {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string, cause?: unknown) =>
    new LautError("E_MODEL", `${name} is corrupt: ${why}; retrain it with \`npm run train:ner\``, { cause });
  if (buffer.length < 12 || buffer.toString("latin1", 0, 8) !== MAGIC) throw corrupt("not a laut name model");
  const headerLength = buffer.readUInt32LE(8);
  if (12 + headerLength > buffer.length) throw corrupt("header runs past the end of the file");
  let header: NerModelHeader;
  try {
    header = JSON.parse(buffer.toString("utf8", 12, 12 + headerLength)) as NerModelHeader;
  } catch (error) {
    throw corrupt("header is not JSON", error);
  }
  if (header.featureSet !== FEATURE_SET) {
    throw new LautError(
      "E_MODEL",
      `${name} was trained for features "${header.featureSet}", this laut computes "${FEATURE_SET}"; retrain it with \`npm run train:ner\``,
    );
  }
  if (JSON.stringify(header.labels) !== JSON.stringify(LABELS))
    throw corrupt("its labels differ from laut's");
  if (!Number.isInteger(header.buckets) || header.buckets < 1 || header.buckets > 1 << 24) {
    throw corrupt(`bad bucket count ${header.buckets}`);
  }
  let raw: Buffer;
  try {
    raw = inflateRawSync(buffer.subarray(12 + headerLength));
  } catch (error) {
    throw corrupt("weights cannot be decompressed", error);
  }
  const emissionCount = header.buckets * TAG_COUNT;
  const transitionCount = (TAG_COUNT + 1) * TAG_COUNT;
  if (raw.byteLength !== 4 * (emissionCount + transitionCount)) throw corrupt("weights have the wrong size");
  // copy into an aligned buffer: inflate's result may start at any byte offset
  const floats = new Float32Array(emissionCount + transitionCount);
  new Uint8Array(floats.buffer).set(raw);
  return new NerModel(
    header.buckets,
    floats.subarray(0, emissionCount),
    floats.subarray(emissionCount),
    header.card ?? {},
  ).compact();
}

export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new LautError("E_MODEL", `name model ${path} cannot be read; train it with \`npm run train:ner\``, {
      cause: error,
    });
  }
  return parseNerModel(bytes, `name model ${path}`);
}
