/**
 * WARC files (.warc, .warc.gz; news crawls such as CC-NEWS): every response record that carries
 * an HTML page with a success status becomes an article. Requests, metadata, revisits, redirects
 * and non-HTML payloads are skipped without a trace, as a crawl is mostly those. The archive is
 * gunzipped by Node's zlib before warcio parses it (warcio's own inflater is pure JavaScript).
 */
import { WARCParser } from "warcio";
import { looksLikeHtml } from "../../input/sniff.js";
import type { IncomingArticle } from "../article.js";
import { articleFromHtml, problemItem } from "./article.js";
import type { ByteStream } from "./bytes.js";
import { toIsoDate } from "./dates.js";
import { SourceProblem } from "./problems.js";

const HTML_TYPE = /\b(?:text\/html|application\/xhtml\+xml)\b/i;
/** Payload sniffed when a response names no content type. */
const SNIFF_CHARS = 4096;

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Articles of an (already gunzipped) WARC stream; `name` prefixes each origin ("crawl.warc.gz#<urn:uuid:…>"). */
export async function* warcArticles(
  stream: ByteStream,
  name: string,
  maxBytes: number,
): AsyncGenerator<IncomingArticle> {
  const parser = new WARCParser(stream);
  let records = 0;
  try {
    for await (const record of parser) {
      records++;
      if (record.warcType !== "response") continue;
      const http = record.httpHeaders;
      if (!http || !isSuccess(Number(http.statusCode))) continue;
      const contentType = http.headers.get("content-type");
      if (contentType && !HTML_TYPE.test(contentType)) continue;
      const url = record.warcTargetURI ?? null;
      const id = record.warcHeader("WARC-Record-ID") ?? `record-${records}`;
      const origin = `${name}#${id}`;
      if (record.warcContentLength > maxBytes) {
        yield problemItem(
          origin,
          "warc",
          new SourceProblem("E_INPUT_TOO_LARGE", `${origin} is more than the limit of ${maxBytes} bytes`),
          { url },
        );
        continue;
      }
      const bytes = await record.readFully(true);
      if (!contentType && !looksLikeHtml(Buffer.from(bytes.subarray(0, SNIFF_CHARS)).toString("latin1")))
        continue;
      const article = articleFromHtml(bytes, {
        origin,
        name: url ?? origin,
        url,
        contentType,
        fallbackPublished: toIsoDate(record.warcDate),
        maxBytes,
      });
      yield { ...article, format: "warc" };
    }
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    yield problemItem(
      name,
      "warc",
      new SourceProblem(
        "E_WARC_FORMAT",
        `"${name}" is broken after ${records} records (${(error as Error).message})`,
        {
          cause: error,
        },
      ),
    );
  }
}
