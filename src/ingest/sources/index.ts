/**
 * Minimal ingest sources: plain .txt files, folders of them, and JSON Lines corpora (.jsonl,
 * .jsonl.gz; fields id, url, date, source, title, text). The full set of sources (pages, feeds,
 * WARC) replaces this module; the runner only relies on `openSources` and IncomingArticle.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { LautError } from "../../errors.js";
import { readInput } from "../../input/read.js";
import type { IncomingArticle } from "../article.js";

export interface SourceOptions {
  signal?: AbortSignal;
  /** false: never fetch over the network (URLs in the inputs are refused) */
  fetch?: boolean;
}

export async function* openSources(
  inputs: string[],
  options: SourceOptions = {},
): AsyncIterable<IncomingArticle> {
  for (const input of inputs) {
    if (options.signal?.aborted) return;
    if (/^https?:\/\//i.test(input)) {
      throw new LautError("E_USAGE", `URL inputs are not supported by this build: ${input}`);
    }
    const path = resolve(input);
    const info = await stat(path).catch(() => {
      throw new LautError("E_INPUT_NOT_FOUND", `cannot read "${input}": no such file or folder`);
    });
    if (info.isDirectory()) {
      for (const file of await textFiles(path)) {
        if (options.signal?.aborted) return;
        yield await textFile(file);
      }
    } else if (/\.jsonl(?:\.gz)?$/i.test(path)) {
      yield* jsonLines(path, options.signal);
    } else {
      yield await textFile(path);
    }
  }
}

async function textFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await textFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) files.push(path);
  }
  return files.sort();
}

async function textFile(path: string): Promise<IncomingArticle> {
  const base = { origin: path, url: null, title: null, published: null, author: null, site: null };
  try {
    const input = await readInput(path, { format: "text" });
    return { ...base, text: input.text, format: "text", encoding: input.encoding };
  } catch (error) {
    if (!(error instanceof LautError)) throw error;
    return {
      ...base,
      text: "",
      format: "text",
      encoding: null,
      problem: { code: error.code, message: error.message },
    };
  }
}

async function* jsonLines(path: string, signal?: AbortSignal): AsyncIterable<IncomingArticle> {
  const stream = createReadStream(path);
  const lines = createInterface({
    input: path.toLowerCase().endsWith(".gz") ? stream.pipe(createGunzip()) : stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (signal?.aborted) return;
      if (line.trim() === "") continue;
      yield jsonArticle(line, `${path}:${n}`);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

function jsonArticle(line: string, origin: string): IncomingArticle {
  const base = {
    origin,
    url: null,
    title: null,
    published: null,
    author: null,
    site: null,
    encoding: "utf-8",
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ...base, text: "", format: "jsonl", problem: { code: "E_JSON", message: "line is not JSON" } };
  }
  if (typeof value !== "object" || value === null || typeof (value as { text?: unknown }).text !== "string") {
    return { ...base, text: "", format: "jsonl", problem: { code: "E_JSON", message: 'no "text" string' } };
  }
  const o = value as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
  return {
    ...base,
    url: str(o.url),
    title: str(o.title),
    published: str(o.date),
    site: str(o.source),
    text: o.text as string,
    format: "jsonl",
  };
}
