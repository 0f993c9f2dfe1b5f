/**
 * Versioned schema migrations, kept in code so the built CLI needs no migration folder. Names sort
 * in order ("0001_…", "0002_…"); a migration, once released, never changes: add a new one.
 * Full-text search is SQLite FTS5 here; a PostgreSQL store would bring its own migrations.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";

const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("articles")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("text_hash", "text", (c) => c.notNull().unique())
      .addColumn("title", "text")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("published", "text")
      .addColumn("dated", "text", (c) => c.notNull())
      .addColumn("site", "text")
      .addColumn("url", "text")
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("language_score", "real")
      .addColumn("analysis", "blob", (c) => c.notNull())
      .addColumn("schema_version", "text", (c) => c.notNull())
      .addColumn("quote_count", "integer", (c) => c.notNull())
      .addColumn("ingested_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("articles_dated").on("articles").columns(["dated", "id"]).execute();
    await db.schema.createIndex("articles_site").on("articles").columns(["site", "dated", "id"]).execute();

    await db.schema
      .createTable("article_sources")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
      .addColumn("origin", "text", (c) => c.notNull().unique())
      .addColumn("url", "text")
      .addColumn("site", "text")
      .addColumn("title", "text")
      .addColumn("published", "text")
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("encoding", "text")
      .addColumn("added_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("article_sources_article")
      .on("article_sources")
      .column("article_id")
      .execute();
    await db.schema.createIndex("article_sources_url").on("article_sources").column("url").execute();

    await db.schema
      .createTable("skips")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("origin", "text", (c) => c.notNull().unique())
      .addColumn("url", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("language", "text")
      .addColumn("language_score", "real")
      .addColumn("code", "text")
      .addColumn("message", "text")
      .addColumn("skipped_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("entities")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("wikidata", "text")
      .addColumn("mention_count", "integer", (c) => c.notNull())
      .addColumn("article_count", "integer", (c) => c.notNull())
      .addColumn("quote_count", "integer", (c) => c.notNull())
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addColumn("first_quoted", "text")
      .addColumn("last_quoted", "text")
      .addUniqueConstraint("entities_type_name", ["type", "name"])
      .execute();
    await db.schema.createIndex("entities_quotes").on("entities").columns(["quote_count", "id"]).execute();
    await db.schema
      .createIndex("entities_articles")
      .on("entities")
      .columns(["article_count", "id"])
      .execute();
    // speakers are looked up by name without regard to case
    await db.schema
      .createIndex("entities_name")
      .on("entities")
      .expression(sql`name COLLATE NOCASE`)
      .execute();

    await db.schema
      .createTable("mentions")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
      .addColumn("entity_id", "integer", (c) => c.notNull().references("entities.id"))
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("mentions_article")
      .on("mentions")
      .columns(["article_id", "start_offset"])
      .execute();
    await db.schema
      .createIndex("mentions_entity")
      .on("mentions")
      .columns(["entity_id", "article_id"])
      .execute();

    await db.schema
      .createTable("quotes")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("article_id", "integer", (c) => c.notNull().references("articles.id").onDelete("cascade"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("medium", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("spans", "text", (c) => c.notNull())
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("cue", "text")
      .addColumn("cue_lemma", "text")
      .addColumn("speaker_text", "text")
      .addColumn("speaker_entity_id", "integer", (c) => c.references("entities.id"))
      .addColumn("addressee", "text")
      .addColumn("confidence", "real", (c) => c.notNull())
      .addColumn("attribution", "text", (c) => c.notNull())
      .addColumn("dated", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("quotes_dated").on("quotes").columns(["dated", "id"]).execute();
    await db.schema.createIndex("quotes_article").on("quotes").columns(["article_id", "ordinal"]).execute();
    await db.schema
      .createIndex("quotes_speaker")
      .on("quotes")
      .columns(["speaker_entity_id", "dated", "id"])
      .execute();

    // contentless indexes of stemmed words (see lang/de/stem.ts); rowid = articles.id / quotes.id
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
    await sql`CREATE VIRTUAL TABLE quotes_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
