/**
 * What every ingest source yields: one article as found, before analysis. Sources (files, pages,
 * feeds, WARC, JSONL) only find and decode articles; the ingest runner decides language,
 * duplicates and storage, so a new source never touches the store.
 */
export type SourceFormat = "text" | "html" | "feed" | "warc" | "jsonl";

export interface IncomingArticle {
  /**
   * Stable identity of this item within its input, used to resume an interrupted ingest:
   * a file path, a URL, "crawl.warc.gz#<record id>", "corpus.jsonl.gz:<line>".
   */
  origin: string;
  /** the article's own URL when known (page, feed item, WARC target, JSONL url field) */
  url: string | null;
  title: string | null;
  /** ISO 8601 publication date when the source gives one */
  published: string | null;
  author: string | null;
  /** site or outlet name ("Tages-Anzeiger", "zeit.de") */
  site: string | null;
  /** the article body as plain text (paragraphs separated by blank lines); empty when `problem` is set */
  text: string;
  format: SourceFormat;
  /** the character encoding the bytes were decoded from, when they were bytes */
  encoding: string | null;
  /** why this item could not be read; the runner records it and moves on */
  problem?: { code: string; message: string };
}
