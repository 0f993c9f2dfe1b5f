/**
 * The embedded archive: one SQLite file through Kysely. WAL lets readers (a later `laut serve`)
 * run beside an ingest; every write batch is one transaction, so a killed ingest leaves the
 * archive as it was after its last whole batch. Search uses two contentless FTS5 indexes of
 * stemmed words (lang/de/stem.ts), one for articles and one for quote messages.
 */
import BetterSqlite3 from "better-sqlite3";
import { type Expression, Kysely, Migrator, type Selectable, type SqlBool, SqliteDialect, sql } from "kysely";
import type { Analysis } from "../analysis.js";
import { LautError } from "../errors.js";
import type { IncomingArticle } from "../ingest/article.js";
import { migrationProvider } from "./migrations.js";
import { decodeAnalysis, type PreparedArticle, prepareArticle, textHash } from "./prepare.js";
import { ftsQuery } from "./query.js";
import type { Database } from "./schema.js";
import type {
  ArticleDetail,
  ArticleSummary,
  DateRange,
  EntityRecord,
  EntityRef,
  LanguageVerdict,
  ListArticlesOptions,
  ListEntitiesOptions,
  ListQuotesOptions,
  Page,
  QuoteRecord,
  SearchOptions,
  SearchResult,
  SkipRecord,
  Store,
  StoreStats,
  WriteItem,
  WriteResult,
} from "./store.js";
import { BatchWriter } from "./writer.js";

export interface SqliteStoreOptions {
  /** the database file; ":memory:" for a throwaway archive */
  path: string;
  /** open an existing archive for reading only (no migrations run) */
  readonly?: boolean;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const INSERT_CHUNK = 400;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][0-9:.+\-Z]{1,40})?)?)?$/;

export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(options.path, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
    raw.pragma("busy_timeout = 5000");
    if (!options.readonly) raw.pragma("journal_mode = WAL");
    // WAL with NORMAL sync survives a killed process (not a power cut) and is much faster
    raw.pragma("synchronous = NORMAL");
    raw.pragma("foreign_keys = ON");
    // FTS5 merges its index segments on every commit; with the default 8 MB cache the article
    // blobs push those pages out and each merge reads them back (measured: 3x slower writes)
    raw.pragma("cache_size = -65536");
    raw.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw storeError(options.path, error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  if (!options.readonly) {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      await db.destroy();
      throw storeError(options.path, error);
    }
  }
  return new SqliteStore(db, raw, options.path);
}

function storeError(path: string, error: unknown): LautError {
  const detail = error instanceof Error ? error.message : String(error);
  const why = /previously executed migration/i.test(detail)
    ? "it was written by a newer laut"
    : /not a database|malformed|corrupt/i.test(detail)
      ? "it is not a laut archive or is corrupt"
      : detail.replace(/\.$/, "");
  return new LautError("E_STORE", `cannot open archive "${path}": ${why}`, { cause: error });
}

type Db = Kysely<Database>;

class SqliteStore implements Store {
  readonly writer: BatchWriter;

  constructor(
    readonly db: Db,
    raw: BetterSqlite3.Database,
    readonly location: string,
  ) {
    this.writer = new BatchWriter(raw);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async hasOrigin(origin: string): Promise<boolean> {
    return (await this.knownOrigins([origin])).has(origin);
  }

  async knownOrigins(origins: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const chunk of chunks(origins, INSERT_CHUNK)) {
      const rows = await this.db
        .selectFrom("article_sources")
        .select("origin")
        .where("origin", "in", chunk)
        .unionAll(this.db.selectFrom("skips").select("origin").where("origin", "in", chunk))
        .execute();
      for (const r of rows) known.add(r.origin);
    }
    return known;
  }

  async articlesByHash(hashes: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(hashes, INSERT_CHUNK)) {
      const rows = await this.db
        .selectFrom("articles")
        .select(["id", "text_hash"])
        .where("text_hash", "in", chunk)
        .execute();
      for (const r of rows) found.set(r.text_hash, r.id);
    }
    return found;
  }

  async write(items: readonly WriteItem[]): Promise<WriteResult[]> {
    if (items.length === 0) return [];
    try {
      return this.writer.write(items, new Date().toISOString());
    } catch (error) {
      if (error instanceof LautError) throw error;
      throw new LautError("E_STORE", `cannot write to archive "${this.location}": ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  async addArticle(
    incoming: IncomingArticle,
    analysis: Analysis | PreparedArticle,
    language: LanguageVerdict = { language: "de", score: null },
  ): Promise<{ articleId: number; duplicate: boolean }> {
    const prepared = "encoded" in analysis ? analysis : prepareArticle(analysis);
    const [result] = await this.write([
      { kind: "article", incoming, hash: textHash(incoming.text), prepared, language },
    ]);
    if (result?.kind === "added") return { articleId: result.articleId, duplicate: false };
    if (result?.kind === "duplicate") return { articleId: result.articleId, duplicate: true };
    const source = await this.db
      .selectFrom("article_sources")
      .select("article_id")
      .where("origin", "=", incoming.origin)
      .executeTakeFirst();
    if (!source) throw new LautError("E_USAGE", `origin "${incoming.origin}" was skipped before`);
    return { articleId: source.article_id, duplicate: true };
  }

  async recordSkip(skip: SkipRecord): Promise<void> {
    await this.write([{ kind: "skip", skip }]);
  }

  async listArticles(options: ListArticlesOptions = {}): Promise<Page<ArticleSummary>> {
    const limit = limitOf(options.limit);
    let query = this.db.selectFrom("articles").select(ARTICLE_SUMMARY);
    if (options.site !== undefined) query = query.where("site", "=", options.site);
    query = query.where((eb) => eb.and(dateFilter(eb.ref("dated"), options)));
    if (options.q !== undefined) {
      const match = ftsQuery(options.q);
      if (match === null) return { items: [], next: null };
      query = query.where(
        sql<SqlBool>`id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${match})`,
      );
    }
    const cursor = decodeCursor(options.cursor);
    if (cursor) {
      const [dated, id] = cursor;
      // a row value compares like the index (dated, id), so SQLite seeks instead of scanning
      query = query.where((eb) => eb(eb.refTuple("dated", "id"), "<", eb.tuple(String(dated), Number(id))));
    }
    const rows = await query
      .orderBy("dated", "desc")
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    return page(rows.map(toArticleSummary), limit, (a) => [a.dated, a.id]);
  }

  async getArticle(id: number): Promise<ArticleDetail | null> {
    const row = await this.db
      .selectFrom("articles")
      .select([...ARTICLE_SUMMARY, "text", "analysis", "language_score"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    const sources = await this.db
      .selectFrom("article_sources")
      .selectAll()
      .where("article_id", "=", id)
      .orderBy("id")
      .execute();
    return {
      ...toArticleSummary(row),
      text: row.text,
      languageScore: row.language_score,
      analysis: decodeAnalysis(row.analysis, row.text),
      sources: sources.map((s) => ({
        origin: s.origin,
        url: s.url,
        site: s.site,
        title: s.title,
        published: s.published,
        format: s.format,
        encoding: s.encoding,
        addedAt: s.added_at,
      })),
    };
  }

  async listQuotes(options: ListQuotesOptions = {}): Promise<Page<QuoteRecord>> {
    const limit = limitOf(options.limit);
    let query = this.quoteQuery();
    if (options.type !== undefined) query = query.where("q.type", "=", options.type);
    query = query.where((eb) => eb.and(dateFilter(eb.ref("q.dated"), options)));
    if (options.speaker !== undefined) {
      const ids = await this.entityIds(options.speaker);
      if (ids.length === 0) return { items: [], next: null };
      query = query.where("q.speaker_entity_id", "in", ids);
    }
    if (options.entity !== undefined) {
      const ids = await this.entityIds(options.entity);
      if (ids.length === 0) return { items: [], next: null };
      // from the entity's mentions to the quotes around them: an entity is in few articles,
      // while testing every quote for a mention scans the archive
      query = query.where("q.id", "in", (eb) =>
        eb
          .selectFrom("mentions as m")
          .innerJoin("quotes as mq", (join) =>
            join
              .onRef("mq.article_id", "=", "m.article_id")
              .onRef("mq.start_offset", "<=", "m.start_offset")
              .onRef("mq.end_offset", ">=", "m.end_offset"),
          )
          .select("mq.id")
          .where("m.entity_id", "in", ids),
      );
    }
    if (options.q !== undefined) {
      const match = ftsQuery(options.q);
      if (match === null) return { items: [], next: null };
      query = query.where(
        sql<SqlBool>`q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${match})`,
      );
    }
    const cursor = decodeCursor(options.cursor);
    if (cursor) {
      const [dated, id] = cursor;
      query = query.where((eb) =>
        eb(eb.refTuple("q.dated", "q.id"), "<", eb.tuple(String(dated), Number(id))),
      );
    }
    const rows = await query
      .orderBy("q.dated", "desc")
      .orderBy("q.id", "desc")
      .limit(limit + 1)
      .execute();
    return page(rows.map(toQuoteRecord), limit, (q) => [q.dated, q.id]);
  }

  async listSpeakers(options: ListEntitiesOptions = {}): Promise<Page<EntityRecord>> {
    return this.entityPage("quote_count", options);
  }

  async listEntities(options: ListEntitiesOptions = {}): Promise<Page<EntityRecord>> {
    return this.entityPage("article_count", options);
  }

  async getEntity(id: number): Promise<EntityRecord | null> {
    const row = await this.db.selectFrom("entities").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toEntityRecord(row) : null;
  }

  async search(q: string, options: SearchOptions = {}): Promise<SearchResult> {
    const match = ftsQuery(q);
    if (match === null) return { articles: [], quotes: [] };
    const limit = Math.min(MAX_LIMIT, Math.max(1, options.limit ?? 20));
    const hits = (table: "articles_fts" | "quotes_fts") =>
      sql<{
        rowid: number;
        rank: number;
      }>`SELECT rowid, rank FROM ${sql.table(table)} WHERE ${sql.table(table)} MATCH ${match} ORDER BY rank LIMIT ${limit}`.execute(
        this.db,
      );
    const [articleHits, quoteHits] = [(await hits("articles_fts")).rows, (await hits("quotes_fts")).rows];
    const articleRows = articleHits.length
      ? await this.db
          .selectFrom("articles")
          .select(ARTICLE_SUMMARY)
          .where(
            "id",
            "in",
            articleHits.map((h) => h.rowid),
          )
          .execute()
      : [];
    const quoteRows = quoteHits.length
      ? await this.quoteQuery()
          .where(
            "q.id",
            "in",
            quoteHits.map((h) => h.rowid),
          )
          .execute()
      : [];
    const articles = new Map(articleRows.map((r) => [r.id, toArticleSummary(r)]));
    const quotes = new Map(quoteRows.map((r) => [r.id, toQuoteRecord(r)]));
    return {
      articles: articleHits.flatMap((h) => {
        const a = articles.get(h.rowid);
        return a ? [{ ...a, rank: h.rank }] : [];
      }),
      quotes: quoteHits.flatMap((h) => {
        const quote = quotes.get(h.rowid);
        return quote ? [{ ...quote, rank: h.rank }] : [];
      }),
    };
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: "articles" | "article_sources" | "quotes" | "entities") =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const speakers = await this.db
      .selectFrom("entities")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("quote_count", ">", 0)
      .executeTakeFirstOrThrow();
    const skips = await this.db
      .selectFrom("skips")
      .select(["reason", (eb) => eb.fn.countAll().as("n")])
      .groupBy("reason")
      .execute();
    return {
      articles: await count("articles"),
      sources: await count("article_sources"),
      quotes: await count("quotes"),
      entities: await count("entities"),
      speakers: Number(speakers.n),
      skipped: Object.fromEntries(skips.map((s) => [s.reason, Number(s.n)])),
    };
  }

  private quoteQuery() {
    return this.db
      .selectFrom("quotes as q")
      .innerJoin("articles as a", "a.id", "q.article_id")
      .leftJoin("entities as e", "e.id", "q.speaker_entity_id")
      .select([
        "q.id",
        "q.article_id",
        "q.ordinal",
        "q.type",
        "q.medium",
        "q.text",
        "q.spans",
        "q.cue",
        "q.cue_lemma",
        "q.speaker_text",
        "q.speaker_entity_id",
        "e.name as speaker_name",
        "q.addressee",
        "q.confidence",
        "q.attribution",
        "q.dated",
        "a.title as article_title",
        "a.site as article_site",
        "a.url as article_url",
      ]);
  }

  private async entityIds(ref: EntityRef): Promise<number[]> {
    if (typeof ref === "number") return [ref];
    const rows = await this.db
      .selectFrom("entities")
      .select("id")
      .where(sql<SqlBool>`name = ${ref} COLLATE NOCASE`)
      .execute();
    return rows.map((r) => r.id);
  }

  private async entityPage(
    order: "quote_count" | "article_count",
    options: ListEntitiesOptions,
  ): Promise<Page<EntityRecord>> {
    const limit = limitOf(options.limit);
    let query = this.db.selectFrom("entities").selectAll();
    if (order === "quote_count") query = query.where("quote_count", ">", 0);
    if (options.type !== undefined) query = query.where("type", "=", options.type);
    if (options.q !== undefined) {
      query = query.where(sql<SqlBool>`name LIKE ${`%${escapeLike(options.q)}%`} ESCAPE '\\'`);
    }
    const cursor = decodeCursor(options.cursor);
    if (cursor) {
      const [count, id] = cursor.map(Number) as [number, number];
      query = query.where((eb) => eb(eb.refTuple(order, "id"), "<", eb.tuple(count, id)));
    }
    const rows = await query
      .orderBy(order, "desc")
      .orderBy("id", "desc")
      .limit(limit + 1)
      .execute();
    const key = order === "quote_count" ? "quoteCount" : "articleCount";
    return page(rows.map(toEntityRecord), limit, (e) => [e[key], e.id]);
  }
}

const ARTICLE_SUMMARY = [
  "id",
  "title",
  "site",
  "url",
  "published",
  "dated",
  "language",
  "quote_count",
  "ingested_at",
] as const;

function toArticleSummary(
  r: Pick<Selectable<Database["articles"]>, (typeof ARTICLE_SUMMARY)[number]>,
): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    site: r.site,
    url: r.url,
    published: r.published,
    dated: r.dated,
    language: r.language,
    quoteCount: r.quote_count,
    ingestedAt: r.ingested_at,
  };
}

function toQuoteRecord(r: {
  id: number;
  article_id: number;
  ordinal: number;
  type: string;
  medium: string;
  text: string;
  spans: string;
  cue: string | null;
  cue_lemma: string | null;
  speaker_text: string | null;
  speaker_entity_id: number | null;
  speaker_name: string | null;
  addressee: string | null;
  confidence: number;
  attribution: string;
  dated: string;
  article_title: string | null;
  article_site: string | null;
  article_url: string | null;
}): QuoteRecord {
  return {
    id: r.id,
    articleId: r.article_id,
    ordinal: r.ordinal,
    type: r.type,
    medium: r.medium,
    text: r.text,
    spans: JSON.parse(r.spans) as [number, number][],
    cue: r.cue,
    cueLemma: r.cue_lemma,
    speaker:
      r.speaker_text === null && r.speaker_entity_id === null
        ? null
        : { text: r.speaker_text, entityId: r.speaker_entity_id, name: r.speaker_name },
    addressee: r.addressee,
    confidence: r.confidence,
    attribution: r.attribution,
    dated: r.dated,
    article: { title: r.article_title, site: r.article_site, url: r.article_url },
  };
}

function toEntityRecord(r: Selectable<Database["entities"]>): EntityRecord {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    wikidata: r.wikidata,
    mentionCount: r.mention_count,
    articleCount: r.article_count,
    quoteCount: r.quote_count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    firstQuoted: r.first_quoted,
    lastQuoted: r.last_quoted,
  };
}

function dateFilter(column: Expression<string>, range: DateRange): Expression<SqlBool>[] {
  const filters: Expression<SqlBool>[] = [];
  if (range.from !== undefined) filters.push(sql<SqlBool>`${column} >= ${checkDate(range.from, "from")}`);
  // "\uffff" sorts after every ISO continuation, so "2024-03" includes all of March
  if (range.to !== undefined)
    filters.push(sql<SqlBool>`${column} <= ${`${checkDate(range.to, "to")}\uffff`}`);
  return filters;
}

function checkDate(value: string, name: string): string {
  if (!DATE.test(value)) {
    throw new LautError("E_USAGE", `"${name}" must be an ISO 8601 date like 2024-03-01, not "${value}"`);
  }
  return value;
}

function limitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new LautError("E_USAGE", "limit must be a positive whole number");
  return Math.min(limit, MAX_LIMIT);
}

function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(keyOf(items[limit - 1] as T)) };
}

function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(cursor: string | null | undefined): (string | number)[] | null {
  if (cursor === undefined || cursor === null || cursor === "") return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      key.every((k) => typeof k === "string" || typeof k === "number")
    ) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new LautError("E_USAGE", "invalid page cursor (pass back the `next` value of the previous page)");
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
