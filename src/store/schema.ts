/**
 * The archive's tables as Kysely sees them. Column names are snake_case as in SQL; the Store API
 * (store.ts) maps them to its own camelCase records, so callers never see this file.
 */
import type { Generated } from "kysely";

export interface ArticlesTable {
  id: Generated<number>;
  /** hash of the normalised body text (see prepare.ts): one article per distinct text */
  text_hash: string;
  title: string | null;
  /** the analysed text (title, blank line, body); every offset in the analysis points into it */
  text: string;
  published: string | null;
  /** published, or the ingest time when unknown: the one date lists sort and filter on */
  dated: string;
  site: string | null;
  url: string | null;
  language: string;
  language_score: number | null;
  /** the Analysis without its text, as deflated JSON */
  analysis: Uint8Array;
  schema_version: string;
  quote_count: number;
  ingested_at: string;
}

export interface ArticleSourcesTable {
  id: Generated<number>;
  article_id: number;
  origin: string;
  url: string | null;
  site: string | null;
  title: string | null;
  published: string | null;
  format: string;
  encoding: string | null;
  added_at: string;
}

export interface SkipsTable {
  id: Generated<number>;
  origin: string;
  url: string | null;
  reason: string;
  language: string | null;
  language_score: number | null;
  code: string | null;
  message: string | null;
  skipped_at: string;
}

export interface EntitiesTable {
  id: Generated<number>;
  type: string;
  name: string;
  wikidata: string | null;
  mention_count: number;
  article_count: number;
  quote_count: number;
  first_seen: string;
  last_seen: string;
  first_quoted: string | null;
  last_quoted: string | null;
}

export interface MentionsTable {
  id: Generated<number>;
  article_id: number;
  entity_id: number;
  start_offset: number;
  end_offset: number;
}

export interface QuotesTable {
  id: Generated<number>;
  article_id: number;
  /** position in the article's analysis: "q3" is ordinal 3 */
  ordinal: number;
  type: string;
  medium: string;
  text: string;
  /** the message spans as JSON [[start, end], …] */
  spans: string;
  start_offset: number;
  end_offset: number;
  cue: string | null;
  cue_lemma: string | null;
  speaker_text: string | null;
  speaker_entity_id: number | null;
  addressee: string | null;
  confidence: number;
  attribution: string;
  /** the article's date, copied so quote lists sort and filter on one table */
  dated: string;
}

export interface Database {
  articles: ArticlesTable;
  article_sources: ArticleSourcesTable;
  skips: SkipsTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  quotes: QuotesTable;
}
