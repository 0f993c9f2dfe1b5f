/**
 * Where news comes from, as one stream of IncomingArticles: files, folders (walked in a stable
 * order), http(s) URLs of pages or feeds, and standard input ("-"). What an input is gets
 * decided from its name, its content type and its first bytes; JSONL and WARC stream through
 * without being read whole. Every item carries an `origin` that names it the same way on every
 * run, which is what an interrupted ingest resumes from. Items that cannot be read come out with
 * a `problem`; only inputs that do not exist at all stop the iteration (E_INPUT_NOT_FOUND).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { LautError } from "../../errors.js";
import { decodeInput } from "../../input/decode.js";
import { sniffDeclaredCharset } from "../../input/sniff.js";
import type { IncomingArticle, SourceFormat } from "../article.js";
import { articleFromHtml, articleFromText, charsetOf, problemItem } from "./article.js";
import { type ByteStream, gunzip, peek, readLimited } from "./bytes.js";
import { feedArticles } from "./feed.js";
import { fetchBytes } from "./fetch.js";
import { jsonDocumentArticles, jsonlArticles } from "./jsonl.js";
import { type InputKind, SNIFF_BYTES, sniffKind, withoutGz } from "./kind.js";
import { type ResolvedOptions, resolveOptions, type SourceOptions } from "./options.js";
import { SourceProblem } from "./problems.js";
import { walkArticleFiles } from "./walk.js";
import { warcArticles } from "./warc.js";

export type { SourceOptions } from "./options.js";
export { SOURCE_PROBLEMS, type SourceProblemCode } from "./problems.js";

export const STDIN_INPUT = "-";
export const STDIN_ORIGIN = "<stdin>";

const URL_INPUT = /^https?:\/\//i;
/** gzip inside gzip is allowed once more (a .tar-less .gz of a .warc.gz is still a crawl) */
const MAX_GZIP_DEPTH = 2;

/** The items of every input, in input order. */
export function openSources(inputs: string[], options: SourceOptions = {}): AsyncIterable<IncomingArticle> {
  const resolved = resolveOptions(options);
  return allSources(inputs, resolved);
}

interface Located {
  input: string;
  kind: "url" | "stdin" | "file" | "directory";
  path: string;
}

/** Every input checked before the first item, so a typo in the last input fails at once. */
async function locate(inputs: readonly string[]): Promise<Located[]> {
  if (inputs.length === 0)
    throw new LautError("E_USAGE", "no input given: name files, folders, URLs or - for standard input");
  const located: Located[] = [];
  let stdin = false;
  for (const input of inputs) {
    if (input === STDIN_INPUT) {
      if (stdin) throw new LautError("E_USAGE", 'standard input ("-") can be read only once');
      stdin = true;
      located.push({ input, kind: "stdin", path: STDIN_ORIGIN });
      continue;
    }
    if (URL_INPUT.test(input)) {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        throw new LautError("E_USAGE", `"${input}" is not a valid URL`);
      }
      located.push({ input, kind: "url", path: url.href });
      continue;
    }
    const path = resolve(input);
    let stats: Awaited<ReturnType<typeof stat>>;
    try {
      stats = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === "ENOENT" || code === "ENOTDIR" ? "no such file or folder" : (code ?? String(error));
      throw new LautError("E_INPUT_NOT_FOUND", `cannot read "${input}": ${reason}`, { cause: error });
    }
    located.push({ input, kind: stats.isDirectory() ? "directory" : "file", path });
  }
  return located;
}

async function* allSources(
  inputs: readonly string[],
  options: ResolvedOptions,
): AsyncGenerator<IncomingArticle> {
  const located = await locate(inputs);
  for (const input of located) {
    let items: AsyncIterable<IncomingArticle>;
    if (input.kind === "url") items = urlArticles(input.path, options);
    else if (input.kind === "stdin")
      items = streamArticles(options.stdin, { origin: STDIN_ORIGIN, name: null }, options);
    else if (input.kind === "file") items = fileArticles(input.path, options);
    else items = directoryArticles(input.path, options);
    for await (const item of items) {
      options.signal?.throwIfAborted();
      yield item;
    }
  }
}

async function* directoryArticles(dir: string, options: ResolvedOptions): AsyncGenerator<IncomingArticle> {
  for await (const path of walkArticleFiles(dir)) yield* fileArticles(path, options);
}

function fileArticles(path: string, options: ResolvedOptions): AsyncIterable<IncomingArticle> {
  // the stream opens lazily, so a file that vanished since it was found is a problem item, not a crash
  return streamArticles(createReadStream(path), { origin: path, name: path }, options);
}

interface StreamContext {
  /** the resume key of the input, which item origins extend */
  origin: string;
  /** file name or URL path, null for standard input */
  name: string | null;
  contentType?: string | null;
  /** the URL the bytes were fetched from */
  url?: string | null;
}

const FORMAT_OF: Record<InputKind, SourceFormat> = {
  text: "text",
  html: "html",
  feed: "feed",
  jsonl: "jsonl",
  json: "jsonl",
  warc: "warc",
  gzip: "text",
  binary: "text",
};

function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

async function* streamArticles(
  source: ByteStream,
  context: StreamContext,
  options: ResolvedOptions,
  gzipDepth = 0,
): AsyncGenerator<IncomingArticle> {
  const label = `"${context.name ?? context.origin}"`;
  let kind: InputKind = "text";
  try {
    const peeked = await peek(source, SNIFF_BYTES);
    const head = peeked.head;
    let stream = peeked.stream;
    kind = sniffKind(head, context.name, context.contentType);
    if (kind === "gzip" || ((kind === "jsonl" || kind === "warc") && isGzip(head))) {
      if (!isGzip(head) || gzipDepth >= MAX_GZIP_DEPTH) {
        throw new SourceProblem("E_INPUT_KIND", `${label} is named .gz but is not a gzip file`);
      }
      if (kind === "gzip") {
        yield* streamArticles(
          gunzip(stream, label),
          { ...context, name: withoutGz(context.name) },
          options,
          gzipDepth + 1,
        );
        return;
      }
      stream = gunzip(stream, label);
    }
    switch (kind) {
      case "jsonl":
        yield* jsonlArticles(stream, context.origin, options.maxBytes);
        return;
      case "warc":
        yield* warcArticles(stream, context.origin, options.maxBytes);
        return;
      case "binary":
        // the decoder names the format ("looks like a PDF")
        decodeInput(head, label);
        throw new SourceProblem("E_INPUT_KIND", `${label} is binary, not text`);
      default:
        break;
    }
    const bytes = await readLimited(stream, label, options.maxBytes);
    const page = {
      origin: context.origin,
      name: context.name ?? STDIN_ORIGIN,
      fetchedUrl: context.url ?? null,
      contentType: context.contentType ?? null,
      maxBytes: options.maxBytes,
    };
    if (kind === "html") yield articleFromHtml(bytes, page);
    else if (kind === "json") yield* jsonDocumentArticles(decodeInput(bytes, label).text, context.origin);
    else if (kind === "feed") yield* feedFromBytes(bytes, page, options);
    else yield articleFromText(bytes, page);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    yield problemItem(context.origin, FORMAT_OF[kind], readProblem(error, label), {
      url: context.url ?? null,
    });
  }
}

/** System errors of reading a file, in the input layer's words. */
function readProblem(error: unknown, label: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === "string" && code.startsWith("E") && !code.startsWith("E_")) {
    return new LautError("E_INPUT_NOT_FOUND", `cannot read ${label}: ${code.toLowerCase()}`, {
      cause: error,
    });
  }
  return error;
}

async function* feedFromBytes(
  bytes: Uint8Array,
  page: { origin: string; name: string; contentType: string | null; fetchedUrl: string | null },
  options: ResolvedOptions,
): AsyncGenerator<IncomingArticle> {
  const declaredCharset = sniffDeclaredCharset(bytes) ?? charsetOf(page.contentType);
  const decoded = decodeInput(bytes, `"${page.name}"`, { declaredCharset });
  yield* feedArticles(
    decoded.text,
    decoded.encoding,
    { origin: page.origin, name: page.name, url: page.fetchedUrl },
    options,
  );
}

async function* urlArticles(url: string, options: ResolvedOptions): AsyncGenerator<IncomingArticle> {
  let fetched: Awaited<ReturnType<typeof fetchBytes>>;
  try {
    fetched = await fetchBytes(url, options);
  } catch (error) {
    if (!(error instanceof SourceProblem)) throw error;
    yield problemItem(url, "html", error, { url });
    return;
  }
  const name = new URL(fetched.url).pathname;
  async function* body(): ByteStream {
    yield fetched.bytes;
  }
  yield* streamArticles(
    body(),
    { origin: url, name, contentType: fetched.contentType, url: fetched.url },
    options,
  );
}
