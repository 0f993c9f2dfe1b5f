/**
 * Writing rendered output to a stream with backpressure: wait for 'drain' when the stream's
 * buffer is full, so memory stays bounded however slow the reader is, and turn every stream
 * failure (EPIPE, ENOSPC, a destroyed stream) into one E_OUTPUT error instead of a hang.
 */
import { LautError } from "../errors.js";

type Stream = NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };

/** Write the chunks in order; resolves when the stream has accepted the last one. */
export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  const stream = out as Stream;
  let failure: unknown = null;
  const onError = (error: unknown): void => {
    failure ??= error;
  };
  stream.on("error", onError);
  try {
    for (const chunk of chunks) {
      if (chunk === "") continue;
      check(stream, failure);
      if (!stream.write(chunk)) {
        check(stream, failure);
        await drained(stream);
      }
    }
    check(stream, failure);
  } finally {
    stream.removeListener("error", onError);
  }
}

function check(stream: Stream, failure: unknown): void {
  if (failure !== null) throw outputError(failure);
  if (stream.destroyed || stream.writableEnded) throw outputError(new Error("the stream was closed"));
}

function drained(stream: Stream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: unknown): void => {
      stream.removeListener("drain", onDrain);
      stream.removeListener("error", onError);
      stream.removeListener("close", onClose);
      if (error === undefined) resolve();
      else reject(outputError(error));
    };
    const onDrain = (): void => done();
    const onError = (error: unknown): void => done(error ?? new Error("stream error"));
    const onClose = (): void => done(new Error("the stream was closed"));
    stream.on("drain", onDrain);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}

export function outputError(error: unknown): LautError {
  if (error instanceof LautError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === "EPIPE"
      ? "the reader closed the pipe (EPIPE)"
      : error instanceof Error
        ? error.message
        : String(error);
  return new LautError("E_OUTPUT", `output could not be written: ${reason}`, { cause: error });
}
