/**
 * The SQLite write path: prepared statements compiled once and one synchronous transaction per
 * batch. An article is some 50 rows (quotes, mentions, entities, index entries); building and
 * preparing each through the query builder cost ten times the insert itself, so reads go
 * through Kysely and these writes do not.
 */
import type BetterSqlite3 from "better-sqlite3";
import { LautError } from "../errors.js";
import { normaliseDate, type PreparedArticle } from "./prepare.js";
import type { SkipRecord, WriteItem, WriteResult } from "./store.js";

type ArticleItem = WriteItem & { kind: "article" };

export class BatchWriter {
  readonly #transaction: (items: readonly WriteItem[], now: string) => WriteResult[];
  readonly #originKnown: BetterSqlite3.Statement<[string, string], unknown>;
  readonly #articleByHash: BetterSqlite3.Statement<[string], { id: number }>;
  readonly #insertArticle: BetterSqlite3.Statement<unknown[], { id: number }>;
  readonly #indexArticle: BetterSqlite3.Statement<[number, string]>;
  readonly #insertSource: BetterSqlite3.Statement<unknown[]>;
  readonly #insertSkip: BetterSqlite3.Statement<unknown[]>;
  readonly #upsertEntity: BetterSqlite3.Statement<unknown[], { id: number }>;
  readonly #addToEntity: BetterSqlite3.Statement<unknown[]>;
  readonly #insertMention: BetterSqlite3.Statement<[number, number, number, number]>;
  readonly #insertQuote: BetterSqlite3.Statement<unknown[], { id: number }>;
  readonly #indexQuote: BetterSqlite3.Statement<[number, string]>;

  constructor(db: BetterSqlite3.Database) {
    this.#originKnown = db.prepare(
      "SELECT 1 FROM article_sources WHERE origin = ? UNION ALL SELECT 1 FROM skips WHERE origin = ? LIMIT 1",
    );
    this.#articleByHash = db.prepare("SELECT id FROM articles WHERE text_hash = ?");
    this.#insertArticle = db.prepare(
      `INSERT INTO articles (text_hash, title, text, published, dated, site, url, language, language_score,
         analysis, schema_version, quote_count, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    this.#indexArticle = db.prepare("INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)");
    this.#insertSource = db.prepare(
      `INSERT INTO article_sources (article_id, origin, url, site, title, published, format, encoding, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertSkip = db.prepare(
      `INSERT INTO skips (origin, url, reason, language, language_score, code, message, skipped_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // SQLite's two-argument min/max are NULL when either is: coalesce keeps the known date
    this.#upsertEntity = db.prepare(
      `INSERT INTO entities (type, name, wikidata, mention_count, article_count, quote_count,
         first_seen, last_seen, first_quoted, last_quoted)
       VALUES (?, ?, NULL, ?, 1, ?, ?, ?, ?, ?)
       ON CONFLICT (type, name) DO UPDATE SET
         mention_count = mention_count + excluded.mention_count,
         article_count = article_count + 1,
         quote_count = quote_count + excluded.quote_count,
         first_seen = min(first_seen, excluded.first_seen),
         last_seen = max(last_seen, excluded.last_seen),
         first_quoted = coalesce(min(first_quoted, excluded.first_quoted), first_quoted, excluded.first_quoted),
         last_quoted = coalesce(max(last_quoted, excluded.last_quoted), last_quoted, excluded.last_quoted)
       RETURNING id`,
    );
    this.#addToEntity = db.prepare(
      `UPDATE entities SET mention_count = mention_count + ?, quote_count = quote_count + ?,
         first_quoted = coalesce(min(first_quoted, ?), first_quoted, ?),
         last_quoted = coalesce(max(last_quoted, ?), last_quoted, ?)
       WHERE id = ?`,
    );
    this.#insertMention = db.prepare(
      "INSERT INTO mentions (article_id, entity_id, start_offset, end_offset) VALUES (?, ?, ?, ?)",
    );
    this.#insertQuote = db.prepare(
      `INSERT INTO quotes (article_id, ordinal, type, medium, text, spans, start_offset, end_offset, cue, cue_lemma,
         speaker_text, speaker_entity_id, addressee, confidence, attribution, dated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    this.#indexQuote = db.prepare("INSERT INTO quotes_fts (rowid, terms) VALUES (?, ?)");
    this.#transaction = db.transaction((items: readonly WriteItem[], now: string) =>
      items.map((item) => (item.kind === "skip" ? this.#skip(item.skip, now) : this.#article(item, now))),
    );
  }

  /** one transaction: every item is written, or (on an error) none */
  write(items: readonly WriteItem[], now: string): WriteResult[] {
    return this.#transaction(items, now);
  }

  #known(origin: string): boolean {
    return this.#originKnown.get(origin, origin) !== undefined;
  }

  #skip(skip: SkipRecord, now: string): WriteResult {
    if (this.#known(skip.origin)) return { kind: "known" };
    this.#insertSkip.run(
      skip.origin,
      skip.url ?? null,
      skip.reason,
      skip.language ?? null,
      skip.languageScore ?? null,
      skip.code ?? null,
      skip.message ?? null,
      now,
    );
    return { kind: "skipped" };
  }

  #article(item: ArticleItem, now: string): WriteResult {
    const { incoming } = item;
    if (this.#known(incoming.origin)) return { kind: "known" };
    const existing = this.#articleByHash.get(item.hash);
    let articleId: number;
    if (existing) {
      articleId = existing.id;
    } else {
      if (item.prepared === null) {
        throw new LautError(
          "E_INTERNAL",
          `no analysis for "${incoming.origin}", and its text is not archived`,
        );
      }
      articleId = this.#insertAnalysed(item, item.prepared, now);
    }
    this.#insertSource.run(
      articleId,
      incoming.origin,
      incoming.url,
      incoming.site,
      incoming.title,
      normaliseDate(incoming.published),
      incoming.format,
      incoming.encoding,
      now,
    );
    return existing ? { kind: "duplicate", articleId } : { kind: "added", articleId };
  }

  #insertAnalysed(item: ArticleItem, prepared: PreparedArticle, now: string): number {
    const { incoming } = item;
    const published = normaliseDate(incoming.published);
    const dated = published ?? now;
    const { id: articleId } = this.#insertArticle.get(
      item.hash,
      incoming.title,
      prepared.text,
      published,
      dated,
      incoming.site,
      incoming.url,
      item.language.language,
      item.language.score,
      prepared.encoded,
      prepared.schemaVersion,
      prepared.quotes.length,
      now,
    ) as { id: number };
    this.#indexArticle.run(articleId, prepared.terms);

    // the same name and type twice in one analysis is one archive entity, counted once per article
    const entityIds: number[] = [];
    const byKey = new Map<string, number>();
    for (const entity of prepared.entities) {
      const key = `${entity.type}\t${entity.name}`;
      const mentions = entity.mentions.length / 2;
      const quoted = entity.quoteCount > 0 ? dated : null;
      let id = byKey.get(key);
      if (id === undefined) {
        id = (
          this.#upsertEntity.get(
            entity.type,
            entity.name,
            mentions,
            entity.quoteCount,
            dated,
            dated,
            quoted,
            quoted,
          ) as { id: number }
        ).id;
        byKey.set(key, id);
      } else {
        this.#addToEntity.run(mentions, entity.quoteCount, quoted, quoted, quoted, quoted, id);
      }
      entityIds.push(id);
      for (let i = 0; i + 1 < entity.mentions.length; i += 2) {
        this.#insertMention.run(
          articleId,
          id,
          entity.mentions[i] as number,
          entity.mentions[i + 1] as number,
        );
      }
    }

    for (const q of prepared.quotes) {
      const { id: quoteId } = this.#insertQuote.get(
        articleId,
        q.ordinal,
        q.type,
        q.medium,
        q.text,
        JSON.stringify(q.spans),
        q.start,
        q.end,
        q.cue,
        q.cueLemma,
        q.speakerText,
        q.speakerEntity === null ? null : (entityIds[q.speakerEntity] ?? null),
        q.addressee,
        q.confidence,
        q.attribution,
        dated,
      ) as { id: number };
      this.#indexQuote.run(quoteId, q.terms);
    }
    return articleId;
  }
}
