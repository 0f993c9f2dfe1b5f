/**
 * Benchmark corpora: JSON Lines, one article per line (`text`, optional `title`), plain or
 * gzipped (recognised by its magic bytes, not the file name). Everything is loaded before the
 * clock starts, so reading and decompressing never count as analysis time.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { LautError } from "../errors.js";

export interface BenchArticle {
  text: string;
  title?: string;
}

export interface Corpus {
  articles: BenchArticle[];
  /** lines that were not JSON or had no non-empty string `text` */
  skipped: number;
}

export interface CorpusOptions {
  /** stop after this many usable articles */
  limit?: number;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function loadCorpus(path: string, options: CorpusOptions = {}): Promise<Corpus> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const gzipped = await startsWithGzipMagic(path);
  const file = createReadStream(path);
  let source: Readable = file;
  if (gzipped) {
    const gunzip = createGunzip();
    file.on("error", (error) => gunzip.destroy(error));
    source = file.pipe(gunzip);
  }
  source.setEncoding("utf8");

  const articles: BenchArticle[] = [];
  let skipped = 0;
  const take = (line: string): boolean => {
    if (line.trim() === "") return true;
    const article = parseArticle(line);
    if (article) articles.push(article);
    else skipped++;
    return articles.length < limit;
  };

  let pending: string[] = [];
  try {
    reading: for await (const chunk of source as AsyncIterable<string>) {
      let from = 0;
      let newline = chunk.indexOf("\n");
      while (newline >= 0) {
        pending.push(chunk.slice(from, newline));
        const line = pending.join("");
        pending = [];
        if (!take(line)) break reading;
        from = newline + 1;
        newline = chunk.indexOf("\n", from);
      }
      if (from < chunk.length) pending.push(chunk.slice(from));
    }
    if (pending.length > 0 && articles.length < limit) take(pending.join(""));
  } catch (error) {
    throw corpusError(path, error);
  } finally {
    file.destroy();
    source.destroy();
  }
  return { articles, skipped };
}

function parseArticle(line: string): BenchArticle | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { text, title } = value as { text?: unknown; title?: unknown };
  if (typeof text !== "string" || text.trim() === "") return null;
  return typeof title === "string" && title.trim() !== "" ? { text, title } : { text };
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } catch (error) {
    throw corpusError(path, error);
  } finally {
    await handle?.close();
  }
}

function corpusError(path: string, error: unknown): LautError {
  if (error instanceof LautError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "EPERM") {
    const why = code === "ENOENT" ? "not found" : code === "EISDIR" ? "is a directory" : "not readable";
    return new LautError("E_INPUT_NOT_FOUND", `corpus ${path}: ${why}`, { cause: error });
  }
  if (code?.startsWith("Z_")) {
    return new LautError("E_INPUT_ENCODING", `corpus ${path}: gzip data is corrupt (${code})`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new LautError("E_INPUT_NOT_FOUND", `corpus ${path}: could not be read: ${reason}`, { cause: error });
}
