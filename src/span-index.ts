/**
 * Offset → index lookups over sorted span layers, shared by every stage (one place, as
 * vfile-location is for unified): binary search, so stages never scan from the start.
 */
import type { Span, TokenTable } from "./doc.js";

/** Index of the token that contains `offset`, or of the first token starting after it (tokens.length if none). */
export function tokenAtOrAfter(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens.ends[mid] ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the span in a sorted, non-overlapping list that contains `offset`, or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const span = spans[mid] as Span;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** In a list sorted by start (overlaps allowed), the index of the first span starting at or after `offset`. */
export function firstStartingAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
