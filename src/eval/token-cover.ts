/**
 * Maps predicted character spans onto gold tokens. A gold token counts as predicted when the
 * prediction covers at least half of its non-whitespace characters (and at least one): a span
 * that ends inside "Bundeskanzlerin" by one letter still claims the word, a span that merely
 * touches the closing quote mark of a neighbouring token does not.
 */
import type { Span } from "../doc.js";

const isSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

export class TokenCover {
  readonly #starts: ArrayLike<number>;
  readonly #ends: ArrayLike<number>;
  /** nonSpace[i] = number of non-whitespace code units in text[0, i) */
  readonly #nonSpace: Uint32Array;

  /** `starts`/`ends`: UTF-16 offsets of the gold tokens, ascending and non-overlapping. */
  constructor(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>) {
    if (starts.length !== ends.length) throw new RangeError("token starts and ends differ in length");
    this.#starts = starts;
    this.#ends = ends;
    const nonSpace = new Uint32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      nonSpace[i + 1] = (nonSpace[i] as number) + (isSpace(text.charCodeAt(i)) ? 0 : 1);
    }
    this.#nonSpace = nonSpace;
  }

  get length(): number {
    return this.#starts.length;
  }

  start(token: number): number {
    return this.#starts[token] as number;
  }

  end(token: number): number {
    return this.#ends[token] as number;
  }

  /** Ascending ids of the tokens the spans cover (see the module comment for "cover"). */
  tokens(spans: readonly Span[]): number[] {
    const merged = mergeSpans(spans, this.#nonSpace.length - 1);
    const out: number[] = [];
    // a token cut by a gap between two spans collects coverage from both
    let pending = -1;
    let pendingCovered = 0;
    const flush = () => {
      if (pending >= 0 && pendingCovered > 0 && 2 * pendingCovered >= this.#nonSpaceIn(pending))
        out.push(pending);
    };
    for (const span of merged) {
      for (let t = this.#firstEndingAfter(span.start); t < this.length && this.start(t) < span.end; t++) {
        const from = Math.max(span.start, this.start(t));
        const to = Math.min(span.end, this.end(t));
        const covered = (this.#nonSpace[to] as number) - (this.#nonSpace[from] as number);
        if (t !== pending) {
          flush();
          pending = t;
          pendingCovered = 0;
        }
        pendingCovered += covered;
      }
    }
    flush();
    return out;
  }

  #nonSpaceIn(token: number): number {
    return (this.#nonSpace[this.end(token)] as number) - (this.#nonSpace[this.start(token)] as number);
  }

  #firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end(mid) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Sorted, clipped to the text, overlapping and touching spans merged, empty ones dropped. */
export function mergeSpans(spans: readonly Span[], textLength: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(textLength, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
