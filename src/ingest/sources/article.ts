/**
 * Bytes of one page or text file to an IncomingArticle, and the one shape every failed item
 * takes. HTML goes through the input layer's decoder and article extractor, plus the page's own
 * metadata; plain text is read exactly as `laut analyze` reads it.
 */
import { isLautError } from "../../errors.js";
import { decodeInput } from "../../input/decode.js";
import { htmlToArticleText } from "../../input/html.js";
import { inputFromBytes } from "../../input/read.js";
import { sniffDeclaredCharset } from "../../input/sniff.js";
import type { IncomingArticle, SourceFormat } from "../article.js";
import { htmlMetadata } from "./metadata.js";

export interface PageContext {
  /** the resume key of the item */
  origin: string;
  /** path or URL, for messages and for the file extension */
  name: string;
  /** the URL that names the item whatever the page says (a WARC record's target) */
  url?: string | null;
  /** the URL the bytes were fetched from (after redirects): used when the page names no canonical URL */
  fetchedUrl?: string | null;
  /** the HTTP Content-Type, whose charset is the last hint for bytes that are not UTF-8 */
  contentType?: string | null;
  /** a date to fall back on when the page names none (a WARC record's capture date) */
  fallbackPublished?: string | null;
  maxBytes: number;
}

const CHARSET_PARAMETER = /charset\s*=\s*["']?([a-z0-9_.:+-]{1,40})/i;
const HAS_TEXT = /\S/;
const LEADING_WWW = /^www\./;

export function charsetOf(contentType: string | null | undefined): string | undefined {
  return contentType ? CHARSET_PARAMETER.exec(contentType)?.[1]?.toLowerCase() : undefined;
}

/** The host of a URL without "www.", the outlet's name when the page does not give one. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(LEADING_WWW, "") : null;
  } catch {
    return null;
  }
}

/** An item that could not be read: the runner records the problem and goes on. */
export function problemItem(
  origin: string,
  format: SourceFormat,
  /** an Error, a LautError, a SourceProblem or a plain {code, message} */
  error: unknown,
  known: Partial<IncomingArticle> = {},
): IncomingArticle {
  const code = isLautError(error) ? error.code : ((error as { code?: unknown })?.code ?? "E_INTERNAL");
  const message = (error as { message?: unknown })?.message;
  return {
    origin,
    url: known.url ?? null,
    title: known.title ?? null,
    published: known.published ?? null,
    author: known.author ?? null,
    site: known.site ?? null,
    text: "",
    format,
    encoding: known.encoding ?? null,
    problem: {
      code: typeof code === "string" ? code : "E_INTERNAL",
      message: typeof message === "string" ? message : String(error),
    },
  };
}

/** An HTML page (already known to be one) to an article with its metadata. */
export function articleFromHtml(bytes: Uint8Array, context: PageContext): IncomingArticle {
  const label = `"${context.name}"`;
  try {
    const declaredCharset = sniffDeclaredCharset(bytes) ?? charsetOf(context.contentType);
    const decoded = decodeInput(bytes, label, { declaredCharset });
    return articleFromHtmlText(decoded.text, decoded.encoding, context);
  } catch (error) {
    return problemItem(context.origin, "html", error, { url: context.url ?? context.fetchedUrl ?? null });
  }
}

/** Decoded HTML to an article; shared by pages, WARC records and HTML fetched for feed items. */
export function articleFromHtmlText(
  html: string,
  encoding: string | null,
  context: PageContext,
): IncomingArticle {
  const { text, title } = htmlToArticleText(html);
  const meta = htmlMetadata(html);
  const url = context.url ?? meta.canonicalUrl ?? context.fetchedUrl ?? null;
  const article: IncomingArticle = {
    origin: context.origin,
    url,
    title: meta.title ?? title,
    published: meta.published ?? context.fallbackPublished ?? null,
    author: meta.author,
    site: meta.site ?? hostOf(url),
    text,
    format: "html",
    encoding,
  };
  if (!HAS_TEXT.test(text)) {
    article.text = "";
    article.problem = {
      code: "E_INPUT_EMPTY",
      message: `"${context.name}" is an HTML page without article text`,
    };
  }
  return article;
}

/** A plain text file, decoded exactly as `laut analyze` decodes it. */
export function articleFromText(bytes: Uint8Array, context: PageContext): IncomingArticle {
  try {
    const input = inputFromBytes(bytes, context.name, { format: "text", maxBytes: context.maxBytes });
    return {
      origin: context.origin,
      url: context.url ?? context.fetchedUrl ?? null,
      title: null,
      published: context.fallbackPublished ?? null,
      author: null,
      site: hostOf(context.url ?? context.fetchedUrl),
      text: input.text,
      format: "text",
      encoding: input.encoding,
    };
  } catch (error) {
    return problemItem(context.origin, "text", error, { url: context.url ?? context.fetchedUrl ?? null });
  }
}
