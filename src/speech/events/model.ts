/**
 * The speech-event model file (models/cue-tagger.bin): a magic string, a JSON header, then the
 * arrays as raw little-endian bytes, each 4-byte aligned so they load as typed-array views
 * without copying. Written by scripts/train-cues.mjs; read once, lazily, by the stage.
 */
import { readFileSync } from "node:fs";
import { LautError } from "../../errors.js";
import type { WordTable } from "./lexicon.js";
import type { Weights } from "./perceptron.js";

const MAGIC = "LAUTCUE1";
/** Bumped whenever features.ts changes what a feature means: an old model then fails loudly. */
export const FEATURE_VERSION = 2;

export const CUE_LABELS = ["O", "B", "I"] as const;
export const CueLabel = { O: 0, B: 1, I: 2 } as const;
export const ROLE_LABELS = ["O", "Source", "Message", "Addr", "Topic", "Evidence", "Medium", "PTC"] as const;
export type RoleLabel = (typeof ROLE_LABELS)[number];

export interface CueModel {
  readonly cue: Weights;
  readonly role: Weights;
  readonly words: WordTable;
  /** the mean cue margin on the training data: an event's score is logistic(margin / marginScale) */
  readonly marginScale: number;
  /** free-form facts about training (data, scores), kept in the header */
  readonly info: Readonly<Record<string, unknown>>;
}

interface Header {
  featureVersion: number;
  cue: { bits: number; classes: number };
  role: { bits: number; classes: number };
  words: number;
  marginScale: number;
  info: Record<string, unknown>;
}

export const DEFAULT_MODEL_URL = new URL("../../../models/cue-tagger.bin", import.meta.url);

const pad4 = (n: number) => (n + 3) & ~3;

export function encodeCueModel(model: CueModel): Uint8Array {
  const header: Header = {
    featureVersion: FEATURE_VERSION,
    cue: { bits: model.cue.bits, classes: model.cue.classes },
    role: { bits: model.role.bits, classes: model.role.classes },
    words: model.words.keys.length,
    marginScale: model.marginScale,
    info: { ...model.info },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = pad4(MAGIC.length + 4 + json.length);
  const parts = [model.cue.weights, model.role.weights, model.words.keys, model.words.values];
  let size = headerEnd;
  for (const p of parts) size = pad4(size + p.byteLength);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, MAGIC.length + 4);
  let offset = headerEnd;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    offset = pad4(offset + p.byteLength);
  }
  return out;
}

export function decodeCueModel(bytes: Uint8Array, name = "cue model"): CueModel {
  const corrupt = (why: string) =>
    new LautError("E_INTERNAL", `${name} is corrupt (${why}); retrain it with \`npm run train:cues\``);
  if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC)
    throw corrupt("not a laut cue-tagger file");
  // an aligned copy, so every array below can be a view
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  const jsonLength = new DataView(buffer).getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + jsonLength > bytes.length) throw corrupt("header runs past the end");
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, MAGIC.length + 4, jsonLength)));
  } catch {
    throw corrupt("header is not JSON");
  }
  if (header.featureVersion !== FEATURE_VERSION)
    throw corrupt(`feature version ${header.featureVersion}, this laut needs ${FEATURE_VERSION}`);
  const sizeOk = (bits: unknown, classes: unknown) =>
    Number.isInteger(bits) && (bits as number) > 0 && (bits as number) <= 24 && Number.isInteger(classes);
  if (!sizeOk(header.cue?.bits, header.cue?.classes) || header.cue.classes !== CUE_LABELS.length)
    throw corrupt("bad cue table size");
  if (!sizeOk(header.role?.bits, header.role?.classes) || header.role.classes !== ROLE_LABELS.length)
    throw corrupt("bad role table size");
  const words = header.words;
  if (!Number.isInteger(words) || words <= 0 || (words & (words - 1)) !== 0)
    throw corrupt("bad word table size");
  if (!(typeof header.marginScale === "number" && header.marginScale > 0)) throw corrupt("bad margin scale");
  const cueLength = (1 << header.cue.bits) * header.cue.classes;
  const roleLength = (1 << header.role.bits) * header.role.classes;
  let offset = pad4(MAGIC.length + 4 + jsonLength);
  const take = (bytesPer: number, length: number): number => {
    const at = offset;
    offset = pad4(offset + bytesPer * length);
    if (offset > bytes.length) throw corrupt("file is truncated");
    return at;
  };
  const cueAt = take(4, cueLength);
  const roleAt = take(4, roleLength);
  const keysAt = take(4, words);
  const valuesAt = take(2, words);
  if (offset !== bytes.length) throw corrupt("file has trailing bytes");
  return {
    cue: {
      bits: header.cue.bits,
      classes: header.cue.classes,
      weights: new Float32Array(buffer, cueAt, cueLength),
    },
    role: {
      bits: header.role.bits,
      classes: header.role.classes,
      weights: new Float32Array(buffer, roleAt, roleLength),
    },
    words: { keys: new Int32Array(buffer, keysAt, words), values: new Uint16Array(buffer, valuesAt, words) },
    marginScale: header.marginScale,
    info: header.info ?? {},
  };
}

export function loadCueModel(file: string | URL = DEFAULT_MODEL_URL): CueModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new LautError(
      "E_INTERNAL",
      `cue model ${String(file instanceof URL ? file.pathname : file)} cannot be read; train it with \`npm run train:cues\``,
      { cause: error },
    );
  }
  return decodeCueModel(bytes, `cue model ${String(file instanceof URL ? file.pathname : file)}`);
}
