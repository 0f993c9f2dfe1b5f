/**
 * Counting primitives shared by every scorer: true/false positives over sorted token-id sets,
 * precision/recall/F1 with the shared tasks' zero conventions (0 when a denominator is 0).
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function addCounts(into: Counts, from: Counts): void {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
}

export function prf(c: Counts): PRF {
  const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: harmonic(p, r) };
}

export const harmonic = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Size of the intersection of two ascending, duplicate-free id lists (a merge, no Set). */
export function intersectionSize(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both;
}

/** Adds the token counts of `predicted` against `gold` (both ascending, duplicate-free). */
export function countTokens(gold: readonly number[], predicted: readonly number[], into: Counts): void {
  const both = intersectionSize(gold, predicted);
  into.tp += both;
  into.fp += predicted.length - both;
  into.fn += gold.length - both;
}

/**
 * Overlap of two token sets as F1 (= Dice): the pairing score of the official SpkAtt scorer.
 * Unlike a raw count it does not reward a prediction for swallowing a neighbouring quote.
 */
export function overlapF1(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * intersectionSize(a, b)) / (a.length + b.length);
}

export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Ascending, duplicate-free copy: gold files repeat ids when discontinuous spans overlap. */
export function normaliseIds(ids: Iterable<number>): number[] {
  const sorted = [...ids].sort((x, y) => x - y);
  const out: number[] = [];
  for (const id of sorted) if (out.length === 0 || out[out.length - 1] !== id) out.push(id);
  return out;
}
