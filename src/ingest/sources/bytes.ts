/**
 * Byte streams for the sources: look at the head of a stream before deciding what it is, read a
 * bounded stream into memory, split a stream into lines without holding more than one line,
 * and gunzip on the way. Node's zlib does the gunzip (multi-member archives included, which is
 * how .warc.gz is written).
 */
import { createGunzip } from "node:zlib";
import { LautError } from "../../errors.js";

export type ByteStream = AsyncIterable<Uint8Array>;

export interface Peeked {
  /** at least `size` bytes from the start, or the whole stream when it is shorter */
  head: Uint8Array;
  /** the whole stream again, head included */
  stream: ByteStream;
}

/** The first `size` bytes of `stream`, and the stream to read on from the start. */
export async function peek(stream: ByteStream, size: number): Promise<Peeked> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  // a stream that fails early (a truncated archive) still shows its head; the error comes after it
  let failure: { error: unknown } | null = null;
  while (total < size) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      failure = { error };
      break;
    }
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    total += chunk.length;
  }
  const head = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
  async function* replay(): ByteStream {
    if (head.length > 0) yield head;
    if (failure) throw failure.error;
    if (done) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield typeof next.value === "string" ? Buffer.from(next.value) : next.value;
      }
    } finally {
      // a consumer that stops early must still close the file or socket underneath
      await iterator.return?.();
    }
  }
  return { head, stream: replay() };
}

export function tooLarge(label: string, maxBytes: number): LautError {
  return new LautError(
    "E_INPUT_TOO_LARGE",
    `${label} is more than the limit of ${maxBytes} bytes; raise it with --max-bytes`,
  );
}

/** The whole stream in memory, refused as soon as it passes `maxBytes`. */
export async function readLimited(stream: ByteStream, label: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(label, maxBytes);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}

export interface Line {
  /** 1-based line number */
  number: number;
  /** the line without its line break, or null when it was longer than the limit */
  bytes: Uint8Array | null;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The lines of a stream, one at a time. A line longer than `maxLineBytes` is skipped as it
 * streams past (yielded with `bytes: null`), so one runaway line cannot fill the memory.
 */
export async function* lines(stream: ByteStream, maxLineBytes: number): AsyncGenerator<Line> {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let overlong = false;
  let number = 0;
  const finish = (tail: Uint8Array): Line => {
    number++;
    if (overlong) {
      overlong = false;
      pending = [];
      pendingLength = 0;
      return { number, bytes: null };
    }
    let line = pending.length === 0 ? tail : Buffer.concat([...pending, tail], pendingLength + tail.length);
    pending = [];
    pendingLength = 0;
    if (line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN) line = line.subarray(0, -1);
    return { number, bytes: line.length > maxLineBytes ? null : line };
  };
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      yield finish(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length && !overlong) {
      const rest = chunk.subarray(start);
      pendingLength += rest.length;
      if (pendingLength > maxLineBytes) {
        overlong = true;
        pending = [];
      } else {
        // the chunk buffer is reused by some streams, so the rest is copied
        pending.push(Uint8Array.prototype.slice.call(rest));
      }
    }
  }
  if (pendingLength > 0 || overlong) yield finish(new Uint8Array(0));
}

/**
 * The stream gunzipped. A corrupt or truncated archive fails the iteration with a LautError, but
 * only after everything that could be decompressed has come out: the articles before the damage
 * of a crawl cut short are still articles. Input is read only as fast as output is consumed.
 */
export async function* gunzip(stream: ByteStream, label: string): ByteStream {
  const unzip = createGunzip();
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  unzip.on("data", (chunk: Uint8Array) => output.push(chunk));
  unzip.on("error", (error: Error) => {
    failure = error;
    notify();
  });
  unzip.on("end", () => {
    ended = true;
    notify();
  });
  try {
    for await (const chunk of stream) {
      // the callback runs once zlib has taken the chunk, after its output was emitted
      await new Promise<void>((resolve) => unzip.write(chunk, () => resolve()));
      while (output.length > 0) yield output.shift() as Uint8Array;
      if (failure) break;
    }
    if (!failure) {
      unzip.end();
      while (!ended && !failure) await new Promise<void>((resolve) => (wake = resolve));
    }
    while (output.length > 0) yield output.shift() as Uint8Array;
  } finally {
    unzip.destroy();
  }
  if (failure) {
    throw new LautError(
      "E_INPUT_ENCODING",
      `${label} is not a readable gzip file (${(failure as Error).message})`,
      { cause: failure },
    );
  }
}
