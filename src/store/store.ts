/**
 * The archive as its callers see it: a typed, dialect-free Store. The ingest runner writes
 * through it, the CLI and (later) the HTTP API read through it; only sqlite.ts knows SQL, so a
 * PostgreSQL store can implement the same interface and pass the same tests.
 */
import type { Analysis } from "../analysis.js";
import type { IncomingArticle } from "../ingest/article.js";
import type { PreparedArticle } from "./prepare.js";

/** why an item from a source did not become an article */
export type SkipReason = "language" | "empty" | "problem" | "failed";

export interface SkipRecord {
  origin: string;
  url?: string | null;
  reason: SkipReason;
  /** detected language (ISO 639-1, "" when undetermined) for reason "language" */
  language?: string | null;
  languageScore?: number | null;
  /** the source's problem code or the analysis error code */
  code?: string | null;
  message?: string | null;
}

export interface LanguageVerdict {
  language: string;
  score: number | null;
}

/** One item of a write batch: an article (or another origin of a known text) or a skip. */
export type WriteItem =
  | {
      kind: "article";
      incoming: IncomingArticle;
      /** textHash(incoming.text) */
      hash: string;
      /** null when the caller knows the text is archived already: only the origin is added */
      prepared: PreparedArticle | null;
      language: LanguageVerdict;
    }
  | { kind: "skip"; skip: SkipRecord };

export type WriteResult =
  | { kind: "added"; articleId: number }
  | { kind: "duplicate"; articleId: number }
  /** the origin was in the archive already; nothing was written */
  | { kind: "known" }
  | { kind: "skipped" };

export interface Page<T> {
  items: T[];
  /** pass as `cursor` for the next page; null on the last page */
  next: string | null;
}

export interface PageOptions {
  /** 1..500, default 50 */
  limit?: number;
  cursor?: string | null;
}

export interface DateRange {
  /** ISO 8601 date or time, inclusive ("2024", "2024-03", "2024-03-01") */
  from?: string;
  /** ISO 8601 date or time, inclusive: "2024-03" includes all of March */
  to?: string;
}

export interface ArticleSummary {
  id: number;
  title: string | null;
  site: string | null;
  url: string | null;
  published: string | null;
  /** published, or the ingest time when the source gave no date */
  dated: string;
  language: string;
  quoteCount: number;
  ingestedAt: string;
}

export interface ArticleSource {
  origin: string;
  url: string | null;
  site: string | null;
  title: string | null;
  published: string | null;
  format: string;
  encoding: string | null;
  addedAt: string;
}

export interface ArticleDetail extends ArticleSummary {
  text: string;
  languageScore: number | null;
  analysis: Analysis;
  /** every origin that led to this text, first first */
  sources: ArticleSource[];
}

export interface QuoteRecord {
  id: number;
  articleId: number;
  /** position in the article's analysis: quote "q<ordinal>" */
  ordinal: number;
  type: string;
  medium: string;
  text: string;
  spans: [number, number][];
  cue: string | null;
  cueLemma: string | null;
  speaker: { text: string | null; entityId: number | null; name: string | null } | null;
  addressee: string | null;
  confidence: number;
  attribution: string;
  dated: string;
  article: { title: string | null; site: string | null; url: string | null };
}

export interface EntityRecord {
  id: number;
  type: string;
  name: string;
  wikidata: string | null;
  mentionCount: number;
  articleCount: number;
  quoteCount: number;
  firstSeen: string;
  lastSeen: string;
  firstQuoted: string | null;
  lastQuoted: string | null;
}

/** an entity by id, or by exact name (case-insensitive) */
export type EntityRef = number | string;

export interface ListArticlesOptions extends PageOptions, DateRange {
  site?: string;
  /** search words (see query.ts) */
  q?: string;
}

export interface ListQuotesOptions extends PageOptions, DateRange {
  /** quotes whose speaker is this entity */
  speaker?: EntityRef;
  /** quotes whose message mentions this entity */
  entity?: EntityRef;
  type?: string;
  q?: string;
}

export interface ListEntitiesOptions extends PageOptions {
  type?: string;
  /** part of the name, case-insensitive */
  q?: string;
}

export interface SearchOptions {
  /** per kind, 1..500, default 20 */
  limit?: number;
}

export interface SearchResult {
  /** best first; lower rank is better (FTS5 bm25) */
  articles: (ArticleSummary & { rank: number })[];
  quotes: (QuoteRecord & { rank: number })[];
}

export interface StoreStats {
  articles: number;
  sources: number;
  quotes: number;
  entities: number;
  speakers: number;
  skipped: Record<string, number>;
}

export interface Store {
  /** where the archive lives (a file path for SQLite) */
  readonly location: string;
  close(): Promise<void>;

  /** true when this origin was archived or skipped before: an ingest can pass over it */
  hasOrigin(origin: string): Promise<boolean>;
  /** the subset of these origins the archive has seen */
  knownOrigins(origins: readonly string[]): Promise<Set<string>>;
  /** the archived article ids of these text hashes */
  articlesByHash(hashes: readonly string[]): Promise<Map<string, number>>;
  /** write a batch in one transaction: all of it is archived, or none */
  write(items: readonly WriteItem[]): Promise<WriteResult[]>;
  addArticle(
    incoming: IncomingArticle,
    analysis: Analysis | PreparedArticle,
    language?: LanguageVerdict,
  ): Promise<{ articleId: number; duplicate: boolean }>;
  recordSkip(skip: SkipRecord): Promise<void>;

  listArticles(options?: ListArticlesOptions): Promise<Page<ArticleSummary>>;
  getArticle(id: number): Promise<ArticleDetail | null>;
  listQuotes(options?: ListQuotesOptions): Promise<Page<QuoteRecord>>;
  /** entities quoted at least once, most quoted first */
  listSpeakers(options?: ListEntitiesOptions): Promise<Page<EntityRecord>>;
  /** all entities, in most articles first */
  listEntities(options?: ListEntitiesOptions): Promise<Page<EntityRecord>>;
  getEntity(id: number): Promise<EntityRecord | null>;
  search(q: string, options?: SearchOptions): Promise<SearchResult>;
  stats(): Promise<StoreStats>;
}
