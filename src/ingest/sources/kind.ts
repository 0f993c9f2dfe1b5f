/**
 * What an input is, from its name, its content type and its first bytes. The name decides for
 * containers whose content cannot be guessed cheaply (.jsonl.gz, .warc.gz); otherwise the bytes
 * have the last word, because names and content types lie.
 */
import { binaryFormatOf } from "../../input/binary.js";
import { hasHtmlExtension, looksLikeHtml } from "../../input/sniff.js";

/** "json": one JSON document holding an article or an array of them (news-please writes one per file) */
export type InputKind = "text" | "html" | "feed" | "jsonl" | "json" | "warc" | "gzip" | "binary";

/** Enough to see past an XML prologue, comments and a byte-order mark. */
export const SNIFF_BYTES = 8192;

const JSONL_NAME = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
/** only when named on the command line: in a folder, .json is mostly manifests and configuration */
const JSON_NAME = /\.json$/i;
const WARC_NAME = /\.warc(?:\.gz)?$/i;
const GZIP_NAME = /\.gz$/i;
const FEED_NAME = /\.(?:rss|atom|rdf|xml)$/i;
/** .xml is also sitemaps and data dumps: a folder walk takes it only when it sniffs as a feed */
const SURE_FEED_NAME = /\.(?:rss|atom|rdf)$/i;
const TEXT_NAME = /\.(?:txt|text)$/i;

/** Files a directory walk takes by name alone; others only when their bytes look like an article. */
export function isArticleName(name: string): boolean {
  return (
    JSONL_NAME.test(name) ||
    WARC_NAME.test(name) ||
    SURE_FEED_NAME.test(name) ||
    TEXT_NAME.test(name) ||
    hasHtmlExtension(name)
  );
}

const FEED_ROOT = /<(?:rss|feed|rdf:rdf)[\s>]/i;
const HTML_ROOT = /<(?:!doctype\s+html|html)[\s>]/i;
const JSON_FEED = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/;
const CONTENT_TYPE_FEED = /\b(?:rss|atom|rdf)\+xml\b|\bxml\b/i;
const CONTENT_TYPE_HTML = /\bhtml\b/i;
const CONTENT_TYPE_JSONL = /\b(?:x-)?(?:nd|jsonl?)json\b|\bjsonl\b/i;
const CONTENT_TYPE_JSON_FEED = /\bfeed\+json\b/i;

function headText(head: Uint8Array): string {
  // structure is ASCII, so Latin-1 shows it whatever the real encoding
  let text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, SNIFF_BYTES)).toString("latin1");
  if (text.startsWith("\xef\xbb\xbf")) text = text.slice(3);
  return text;
}

/** The first byte that is not white space, or -1. */
function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return i;
  }
  return -1;
}

/** Does the markup start as a feed: <rss>, <feed> or <rdf:RDF> before any <html>? */
function isFeedMarkup(text: string): boolean {
  const feed = FEED_ROOT.exec(text);
  if (!feed) return false;
  const html = HTML_ROOT.exec(text);
  return !html || html.index > feed.index;
}

/**
 * The kind of an input. `name` is a file name or URL path (may be null for standard input),
 * `contentType` an HTTP Content-Type header when the bytes came over the network.
 */
export function sniffKind(head: Uint8Array, name: string | null, contentType?: string | null): InputKind {
  if (name && JSONL_NAME.test(name)) return "jsonl";
  if (name && WARC_NAME.test(name)) return "warc";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (name && GZIP_NAME.test(name)) return "gzip";
  const text = headText(head);
  if (text.startsWith("WARC/1.")) return "warc";
  if (binaryFormatOf(head)) return "binary";
  const start = firstSignificant(text);
  if (start === -1) return "text";
  const first = text.charCodeAt(start);
  if (first === 0x7b /* { */ && !(name && TEXT_NAME.test(name))) {
    if (JSON_FEED.test(text) || (contentType && CONTENT_TYPE_JSON_FEED.test(contentType))) return "feed";
    return name && JSON_NAME.test(name) ? "json" : "jsonl";
  }
  if (first === 0x5b /* [ */ && name && JSON_NAME.test(name)) return "json";
  if (first === 0x3c /* < */ && isFeedMarkup(text)) return "feed";
  if (name && hasHtmlExtension(name)) return "html";
  if (contentType && CONTENT_TYPE_HTML.test(contentType)) return "html";
  if (looksLikeHtml(text)) return "html";
  if (name && FEED_NAME.test(name)) return "feed";
  if (contentType && CONTENT_TYPE_FEED.test(contentType) && first === 0x3c) return "feed";
  if (contentType && CONTENT_TYPE_JSONL.test(contentType)) return "jsonl";
  return "text";
}

/** A name without its .gz suffix, to sniff what a gzip archive holds. */
export function withoutGz(name: string | null): string | null {
  return name && GZIP_NAME.test(name) ? name.slice(0, -3) : name;
}
