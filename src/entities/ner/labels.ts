/**
 * The label set of the recogniser: GermEval 2014's outer labels, four types each as a name, a
 * derivation ("russische" LOCderiv) and a part of a word ("EU-Kommission" ORGpart). Tags are BIO
 * over these labels, numbered so a tag id fits a Uint8Array: 0 is O, 1+2k is B-label k, 2+2k is
 * I-label k.
 */
import type { EntityType, NameKind } from "../../doc.js";

export const NAME_TYPES: readonly EntityType[] = ["PER", "ORG", "LOC", "OTH"];
export const NAME_KINDS: readonly NameKind[] = ["name", "deriv", "part"];

/** GermEval spelling of each label, in label-id order: "PER", "PERderiv", "PERpart", "ORG", ... */
export const LABELS: readonly string[] = NAME_TYPES.flatMap((type) =>
  NAME_KINDS.map((kind) => (kind === "name" ? type : `${type}${kind}`)),
);

export const TAG_COUNT = 1 + 2 * LABELS.length;
export const OUTSIDE = 0;

const LABEL_ID = new Map(LABELS.map((label, i) => [label, i]));

export const beginTag = (label: number): number => 1 + 2 * label;
export const insideTag = (label: number): number => 2 + 2 * label;
/** label id of a B- or I- tag; -1 for O */
export const labelOfTag = (tag: number): number => (tag === OUTSIDE ? -1 : (tag - 1) >> 1);
export const isInsideTag = (tag: number): boolean => tag !== OUTSIDE && (tag & 1) === 0;

export function labelId(label: string): number | undefined {
  return LABEL_ID.get(label);
}

export function typeOfLabel(label: number): EntityType {
  return NAME_TYPES[Math.floor(label / NAME_KINDS.length)] as EntityType;
}

export function kindOfLabel(label: number): NameKind {
  return NAME_KINDS[label % NAME_KINDS.length] as NameKind;
}

/** I-X may only follow B-X or I-X: the one constraint that keeps decoded sequences valid BIO. */
export function allowedTransition(from: number, to: number): boolean {
  if (!isInsideTag(to)) return true;
  return from !== OUTSIDE && labelOfTag(from) === labelOfTag(to);
}

/** Tag name for messages and tests: "O", "B-LOCderiv", ... */
export function tagName(tag: number): string {
  if (tag === OUTSIDE) return "O";
  return `${isInsideTag(tag) ? "I" : "B"}-${LABELS[labelOfTag(tag)]}`;
}

/** Token range [start, end) with a label id. */
export interface LabelledChunk {
  start: number;
  end: number;
  label: number;
}

/** BIO tags of chunks over `length` tokens (chunks must not overlap). */
export function tagsOfChunks(chunks: readonly LabelledChunk[], length: number): Uint8Array {
  const tags = new Uint8Array(length);
  for (const c of chunks) {
    tags[c.start] = beginTag(c.label);
    for (let i = c.start + 1; i < c.end; i++) tags[i] = insideTag(c.label);
  }
  return tags;
}

/** Chunks of a valid BIO tag sequence (what the decoder produces). */
export function chunksOfTags(tags: Uint8Array, length = tags.length): LabelledChunk[] {
  const chunks: LabelledChunk[] = [];
  let open: LabelledChunk | null = null;
  for (let i = 0; i < length; i++) {
    const tag = tags[i] as number;
    if (open && !(isInsideTag(tag) && labelOfTag(tag) === open.label)) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (!open && tag !== OUTSIDE) open = { start: i, end: i + 1, label: labelOfTag(tag) };
  }
  if (open) {
    open.end = length;
    chunks.push(open);
  }
  return chunks;
}
