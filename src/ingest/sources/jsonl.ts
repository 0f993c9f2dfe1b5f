/**
 * JSON Lines corpora (news-please, FANG-COVID, CC-News exports): one article per line, read as
 * the file streams past, so a corpus of any size costs one line of memory. Field names differ
 * between exporters; the common ones are mapped. A line that is not an article becomes an item
 * with a problem, never the end of the file.
 */
import { decodeBytes } from "../../input/decode.js";
import { htmlToArticleText } from "../../input/html.js";
import type { IncomingArticle } from "../article.js";
import { hostOf, problemItem } from "./article.js";
import { type ByteStream, lines } from "./bytes.js";
import { toIsoDate } from "./dates.js";

/** Field names per article field, most common first. */
const TEXT_FIELDS = [
  "text",
  "content",
  "body",
  "maintext",
  "article",
  "article_text",
  "fulltext",
  "full_text",
];
const HTML_FIELDS = ["html", "raw_html", "content_html"];
const TITLE_FIELDS = ["title", "headline"];
const URL_FIELDS = ["url", "link", "uri", "source_url", "canonical_url"];
const DATE_FIELDS = [
  "date",
  "published",
  "date_publish",
  "published_at",
  "publish_date",
  "pubDate",
  "datePublished",
  "date_published",
  "timestamp",
  "created_at",
];
const AUTHOR_FIELDS = ["author", "authors", "byline", "creator"];
const SITE_FIELDS = [
  "site",
  "source",
  "source_domain",
  "site_name",
  "sitename",
  "outlet",
  "publisher",
  "domain",
];

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const HAS_TEXT = /\S/;
const LINE_BREAKS = /\r\n?/g;
const NEWLINES = /\n+/g;
const WHITESPACE_RUN = /\s+/g;

type AnyRecord = Record<string, unknown>;

function stringField(record: AnyRecord, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = record[field];
    if (typeof value === "string" && HAS_TEXT.test(value)) return value;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value.replace(WHITESPACE_RUN, " ").trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(", ") : null;
  }
  if (value && typeof value === "object") return nameOf((value as AnyRecord).name);
  return null;
}

function nameField(record: AnyRecord, fields: readonly string[]): string | null {
  for (const field of fields) {
    const name = nameOf(record[field]);
    if (name) return name;
  }
  return null;
}

function dateField(record: AnyRecord): string | null {
  for (const field of DATE_FIELDS) {
    const date = toIsoDate(record[field]);
    if (date) return date;
  }
  return null;
}

/**
 * Exporters write one paragraph per line; laut's paragraphs are separated by blank lines, so a
 * text without any blank line gets them. Texts that have blank lines keep their own layout.
 */
function paragraphs(text: string): string {
  const unix = text.includes("\r") ? text.replace(LINE_BREAKS, "\n") : text;
  return unix.includes("\n\n") ? unix : unix.replace(NEWLINES, "\n\n");
}

function decodeLine(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // a line with Latin-1 bytes pasted in: the input layer's decoder reads both parts right
    return decodeBytes(bytes).text;
  }
}

function lineProblem(origin: string, message: string, known: Partial<IncomingArticle> = {}): IncomingArticle {
  return problemItem(origin, "jsonl", { code: "E_JSONL_LINE", message: `${origin}: ${message}` }, known);
}

/** One parsed JSON value to an article. */
export function articleFromRecord(value: unknown, origin: string): IncomingArticle {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return lineProblem(origin, "the line is not a JSON object");
  }
  const record = value as AnyRecord;
  const url = stringField(record, URL_FIELDS);
  const known = {
    url,
    title: nameOf(stringField(record, TITLE_FIELDS)),
    published: dateField(record),
    author: nameField(record, AUTHOR_FIELDS),
    site: nameField(record, SITE_FIELDS) ?? hostOf(url),
    encoding: "utf-8",
  };
  let text = stringField(record, TEXT_FIELDS);
  if (text) text = paragraphs(text);
  else {
    const html = stringField(record, HTML_FIELDS);
    if (html) text = htmlToArticleText(html).text;
  }
  const blankField = TEXT_FIELDS.some((field) => typeof record[field] === "string");
  if (blankField && (!text || !HAS_TEXT.test(text))) {
    // the field is there but blank: an empty article, not a malformed line
    return problemItem(
      origin,
      "jsonl",
      { code: "E_INPUT_EMPTY", message: `${origin}: the article text is empty` },
      known,
    );
  }
  if (!text) {
    return lineProblem(origin, `no article text (none of the fields ${TEXT_FIELDS.join(", ")})`, known);
  }
  return { origin, ...known, text, format: "jsonl" };
}

/** Articles of a JSONL stream; `name` prefixes each origin ("corpus.jsonl.gz:17"). */
export async function* jsonlArticles(
  stream: ByteStream,
  name: string,
  maxBytes: number,
): AsyncGenerator<IncomingArticle> {
  for await (const line of lines(stream, maxBytes)) {
    const origin = `${name}:${line.number}`;
    if (line.bytes === null) {
      yield problemItem(origin, "jsonl", {
        code: "E_INPUT_TOO_LARGE",
        message: `${origin}: the line is more than the limit of ${maxBytes} bytes`,
      });
      continue;
    }
    let text: string;
    try {
      text = decodeLine(line.bytes);
    } catch (error) {
      yield problemItem(origin, "jsonl", error);
      continue;
    }
    if (!HAS_TEXT.test(text)) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield lineProblem(origin, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    yield articleFromRecord(value, origin);
  }
}

/**
 * A whole JSON document: an article object, or an array of them (origins "<file>#<n>", counted
 * from 1). Anything else is one item with a problem.
 */
export function* jsonDocumentArticles(text: string, name: string): Generator<IncomingArticle> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield lineProblem(name, `not valid JSON (${(error as Error).message})`);
    return;
  }
  if (!Array.isArray(value)) {
    yield articleFromRecord(value, name);
    return;
  }
  for (let i = 0; i < value.length; i++) yield articleFromRecord(value[i], `${name}#${i + 1}`);
}
