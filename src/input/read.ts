/**
 * The input layer: a file path or "-" (standard input) becomes the text laut analyses. Every way
 * this can go wrong ends in a LautError with a one-line message naming the input, never a stack
 * trace: missing files, directories, binary files, broken encodings, inputs over the size limit.
 * The size limit is checked before a file is read and while standard input streams in.
 */
import { open } from "node:fs/promises";
import { LautError } from "../errors.js";
import { decodeInput } from "./decode.js";
import { htmlToArticleText } from "./html.js";
import { hasHtmlExtension, looksLikeHtml, sniffDeclaredCharset } from "./sniff.js";

export { decodeBytes } from "./decode.js";
export { htmlToArticleText } from "./html.js";

export interface InputText {
  /** the text to analyse; for HTML the extracted article, otherwise exactly the decoded input */
  text: string;
  format: "text" | "html";
  /** what the bytes were decoded as, e.g. "utf-8", "windows-1252", "utf-8 (repaired double encoding)" */
  encoding: string;
  /** the path as given, or "<stdin>" */
  name: string;
  /** size of the raw input in bytes */
  bytes: number;
}

export interface ReadOptions {
  /** inputs larger than this are refused (default 64 MiB) */
  maxBytes?: number;
  /** "auto" (default) decides from the file extension and the content */
  format?: "auto" | "text" | "html";
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const STDIN_NAME = "<stdin>";

/** Reads a file, or standard input for "-", and turns it into text to analyse. */
export async function readInput(source: string, options: ReadOptions = {}): Promise<InputText> {
  if (source === "-") return readInputStream(process.stdin, options);
  const maxBytes = maxBytesOf(options);
  const label = `"${source}"`;
  const bytes = await readFileLimited(source, label, maxBytes);
  return inputFromBytes(bytes, source, options);
}

/**
 * Reads a stream (standard input, a socket, a test's Readable) in chunks, refusing it as soon as
 * it passes the size limit.
 */
export async function readInputStream(
  stream: AsyncIterable<Uint8Array | string>,
  options: ReadOptions & { name?: string } = {},
): Promise<InputText> {
  const name = options.name ?? STDIN_NAME;
  const label = labelOf(name);
  const bytes = await readStreamLimited(stream, label, maxBytesOf(options));
  return inputFromBytes(bytes, name, options);
}

/** Bytes already in memory (an upload, a fetched page) to text to analyse. */
export function inputFromBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): InputText {
  const label = labelOf(name);
  const maxBytes = maxBytesOf(options);
  if (bytes.length > maxBytes) throw tooLarge(label, bytes.length, maxBytes);
  if (bytes.length === 0) throw new LautError("E_INPUT_EMPTY", `${label} is empty`);
  const requested = options.format ?? "auto";
  // a declared charset only matters for bytes that are not UTF-8, which plain text files rarely are
  const hint = requested === "text" ? {} : { declaredCharset: sniffDeclaredCharset(bytes) };
  const decoded = decodeInput(bytes, label, hint);
  const format =
    requested === "auto"
      ? hasHtmlExtension(name) || looksLikeHtml(decoded.text)
        ? "html"
        : "text"
      : requested;
  if (format === "html") {
    const { text } = htmlToArticleText(decoded.text);
    if (!HAS_TEXT.test(text)) {
      throw new LautError("E_INPUT_EMPTY", `${label} is an HTML page without article text`);
    }
    return { text, format, encoding: decoded.encoding, name, bytes: bytes.length };
  }
  // offsets point into exactly this string, so it is not trimmed or normalised
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (!HAS_TEXT.test(text)) throw new LautError("E_INPUT_EMPTY", `${label} has no text, only whitespace`);
  return { text, format, encoding: decoded.encoding, name, bytes: bytes.length };
}

const HAS_TEXT = /\S/;

function labelOf(name: string): string {
  return name === STDIN_NAME ? "standard input" : `"${name}"`;
}

function maxBytesOf(options: ReadOptions): number {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new LautError("E_USAGE", `--max-bytes must be a positive whole number of bytes, not ${maxBytes}`);
  }
  return maxBytes;
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** A size, rounded to one decimal in the largest fitting unit. */
function formatSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  if (bytes < MIB) return `${(bytes / KIB).toFixed(1).replace(/\.0$/, "")} KiB`;
  return `${(bytes / MIB).toFixed(1).replace(/\.0$/, "")} MiB`;
}

/** A limit, exactly: the user typed it as a byte count and may want to recognise it. */
function formatLimit(bytes: number): string {
  if (bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(label: string, size: number, maxBytes: number, atLeast = false): LautError {
  const is = atLeast ? "is more than" : `is ${formatSize(size)}, more than`;
  return new LautError(
    "E_INPUT_TOO_LARGE",
    `${label} ${is} the limit of ${formatLimit(maxBytes)}; raise it with --max-bytes`,
  );
}

/** Why a file could not be read, in words, from the system error code. */
const READ_FAILURES: Record<string, string> = {
  ENOENT: "no such file",
  ENOTDIR: "no such file",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "input/output error",
};

function unreadable(label: string, error: unknown): LautError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = (code && READ_FAILURES[code]) ?? (code ? code.toLowerCase() : String(error));
  return new LautError("E_INPUT_NOT_FOUND", `cannot read ${label}: ${reason}`, { cause: error });
}

async function readFileLimited(path: string, label: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw unreadable(label, error);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new LautError("E_INPUT_NOT_FOUND", `cannot read ${label}: is a directory`);
    if (!stat.isFile()) {
      // pipes and devices have no size to check up front
      return await readStreamLimited(handle.createReadStream({ autoClose: false }), label, maxBytes);
    }
    if (stat.size > maxBytes) throw tooLarge(label, stat.size, maxBytes);
    const bytes = await handle.readFile();
    // the file may have grown since it was measured
    if (bytes.length > maxBytes) throw tooLarge(label, bytes.length, maxBytes);
    return bytes;
  } catch (error) {
    if (error instanceof LautError) throw error;
    throw unreadable(label, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readStreamLimited(
  stream: AsyncIterable<Uint8Array | string>,
  label: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      total += bytes.length;
      if (total > maxBytes) {
        // leaving the loop early makes the async iterator destroy the stream
        throw tooLarge(label, total, maxBytes, true);
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof LautError) throw error;
    throw unreadable(label, error);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
}
