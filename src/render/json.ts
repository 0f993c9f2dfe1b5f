/**
 * Streaming JSON for the Analysis. A 50 MB article has millions of tokens; JSON.stringify of the
 * whole Analysis would build one string several times the input's size, so the top-level fields
 * are written one by one, long arrays in batches of items and the long `text` in slices.
 * The bytes written are exactly JSON.stringify(analysis) (or JSON.stringify(analysis, null, 2)
 * with `pretty`), so consumers never see a difference between small and large documents.
 */
import type { Analysis } from "../analysis.js";
import { writeChunks } from "./sink.js";

export interface JsonOptions {
  /** two-space indentation, as JSON.stringify(value, null, 2); default compact (one line) */
  pretty?: boolean;
}

/** Chunks are joined up to about this many UTF-16 code units before they are handed out. */
const CHUNK = 1 << 16;

/**
 * The JSON text of an Analysis in chunks of roughly 64 K characters. Concatenated, the chunks
 * equal JSON.stringify(analysis) (compact) or JSON.stringify(analysis, null, 2) (pretty).
 */
export function* analysisJsonChunks(analysis: Analysis, options: JsonOptions = {}): Generator<string> {
  const pretty = options.pretty === true;
  const entries = Object.entries(analysis).filter(([, v]) => isSerialisable(v));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  let buffer = "{";
  let first = true;
  for (const [key, value] of entries) {
    buffer += `${first ? "" : ","}${pretty ? "\n  " : ""}${JSON.stringify(key)}:${pretty ? " " : ""}`;
    first = false;
    if (typeof value === "string" && value.length > CHUNK) {
      yield buffer;
      buffer = "";
      yield* stringChunks(value);
    } else if (Array.isArray(value) && value.length > 0) {
      buffer += "[";
      const itemIndent = pretty ? "\n    " : "";
      for (let i = 0; i < value.length; i++) {
        buffer += (i === 0 ? "" : ",") + itemIndent + itemJson(value[i], pretty);
        if (buffer.length >= CHUNK) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += `${pretty ? "\n  " : ""}]`;
    } else {
      buffer += valueJson(value, pretty, "  ");
    }
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}${pretty ? "\n" : ""}}`;
}

/**
 * Write an Analysis as JSON to a stream, waiting for 'drain' when the stream's buffer is full.
 * No trailing newline (callers writing JSON Lines add it). Rejects with E_OUTPUT when the
 * stream fails.
 */
export function writeAnalysisJson(
  analysis: Analysis,
  out: NodeJS.WritableStream,
  options: JsonOptions = {},
): Promise<void> {
  return writeChunks(out, analysisJsonChunks(analysis, options));
}

/** What JSON.stringify keeps as an object member (it drops undefined, functions and symbols). */
function isSerialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** An array item at depth 2 (inside the top-level object and one array). */
function itemJson(value: unknown, pretty: boolean): string {
  // JSON.stringify turns unserialisable array items into null
  if (!isSerialisable(value)) return "null";
  return valueJson(value, pretty, "    ");
}

function valueJson(value: unknown, pretty: boolean, indent: string): string {
  if (!pretty) return JSON.stringify(value);
  // raw newlines never occur inside JSON strings (they are escaped), so re-indenting is safe
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
}

/** A long string as JSON, in slices that never split a surrogate pair (a split would be escaped). */
function* stringChunks(value: string): Generator<string> {
  yield '"';
  let start = 0;
  while (start < value.length) {
    let end = Math.min(start + CHUNK, value.length);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield JSON.stringify(value.slice(start, end)).slice(1, -1);
    start = end;
  }
  yield '"';
}
