import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { analyze } from "../analyze.js";
import { LautError } from "../errors.js";
import { analysedText } from "../ingest/examine.js";
import { GERMAN_ARTICLES, incoming } from "./articles.case.js";
import { openStore, type Store, textHash } from "./index.js";
import { MIGRATIONS } from "./migrations.js";

const dir = mkdtempSync(join(tmpdir(), "laut-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const analyses = new Map<string, Analysis>(
  GERMAN_ARTICLES.map((a) => [a.id, analyze(analysedText(a), { name: a.id })]),
);
const analysisOf = (id: string) => analyses.get(id) as Analysis;

async function fullStore(path: string): Promise<Store> {
  const store = await openStore({ path });
  for (const a of GERMAN_ARTICLES) await store.addArticle(incoming(a), analysisOf(a.id));
  return store;
}

describe("opening an archive", () => {
  it("creates every table from an empty file and reopens it without migrating again", async () => {
    const path = join(dir, "fresh.db");
    const store = await openStore({ path });
    const a = GERMAN_ARTICLES[0];
    if (!a) throw new Error("no case article");
    await store.addArticle(incoming(a), analysisOf(a.id));
    await store.close();

    const raw = new BetterSqlite3(path, { readonly: true });
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "articles",
        "article_sources",
        "skips",
        "entities",
        "mentions",
        "quotes",
        "articles_fts",
        "quotes_fts",
      ]),
    );
    const applied = raw.prepare("SELECT name FROM kysely_migration ORDER BY name").all();
    expect(applied).toEqual(Object.keys(MIGRATIONS).map((name) => ({ name })));
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();

    const again = await openStore({ path });
    expect((await again.stats()).articles).toBe(1);
    expect(await again.hasOrigin(`case:${a.id}`)).toBe(true);
    expect(await again.hasOrigin("case:nie-gesehen")).toBe(false);
    await again.close();
  });

  it("refuses a file that is not an archive, a missing folder and a newer schema with E_STORE", async () => {
    const notDb = join(dir, "notiz.db");
    writeFileSync(
      notDb,
      "Das ist keine Datenbank, sondern eine Notiz über die Sitzung am Montag.\n".repeat(20),
    );
    await expect(openStore({ path: notDb })).rejects.toMatchObject({ code: "E_STORE", exitCode: 8 });
    await expect(openStore({ path: join(dir, "fehlt", "archiv.db") })).rejects.toBeInstanceOf(LautError);

    const newer = join(dir, "newer.db");
    await (await openStore({ path: newer })).close();
    const raw = new BetterSqlite3(newer);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01')").run();
    raw.close();
    await expect(openStore({ path: newer })).rejects.toThrow(/newer laut/);
  });
});

describe("writing", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ path: ":memory:" });
  });
  afterAll(() => store.close());

  it("stores one article for one text reached from two origins", async () => {
    const a = GERMAN_ARTICLES[0];
    if (!a) throw new Error("no case article");
    const first = await store.addArticle(incoming(a), analysisOf(a.id));
    // the same agency text on another site, re-typeset: other quote marks spacing and case
    const copy = {
      ...incoming(a, "case:zweite-seite"),
      url: "https://zweite.example/x",
      site: "Zweite Seite",
    };
    copy.text = `  ${a.text.replace("Die Bundesregierung", "die  Bundesregierung")}\n`;
    expect(textHash(copy.text)).toBe(textHash(a.text));
    const second = await store.addArticle(copy, analysisOf(a.id));
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ articleId: first.articleId, duplicate: true });

    const detail = await store.getArticle(first.articleId);
    expect(detail?.sources.map((s) => [s.origin, s.site])).toEqual([
      [`case:${a.id}`, "Tagesblatt"],
      ["case:zweite-seite", "Zweite Seite"],
    ]);
    expect(detail?.analysis).toEqual(analysisOf(a.id));
    const stats = await store.stats();
    expect([stats.articles, stats.sources, stats.quotes]).toEqual([1, 2, analysisOf(a.id).quotes.length]);
  });

  it("records skips once per origin and never for an archived origin", async () => {
    await store.recordSkip({
      origin: "case:englisch",
      reason: "language",
      language: "en",
      languageScore: 0.81,
    });
    await store.recordSkip({
      origin: "case:englisch",
      reason: "language",
      language: "en",
      languageScore: 0.81,
    });
    const a = GERMAN_ARTICLES[0] as (typeof GERMAN_ARTICLES)[number];
    const [result] = await store.write([{ kind: "skip", skip: { origin: `case:${a.id}`, reason: "empty" } }]);
    expect(result).toEqual({ kind: "known" });
    expect((await store.stats()).skipped).toEqual({ language: 1 });
    expect(await store.knownOrigins(["case:englisch", `case:${a.id}`, "case:neu"])).toEqual(
      new Set(["case:englisch", `case:${a.id}`]),
    );
  });

  it("writes a batch whole or not at all", async () => {
    const b = GERMAN_ARTICLES[1] as (typeof GERMAN_ARTICLES)[number];
    const before = await store.stats();
    await expect(
      store.write([
        { kind: "skip", skip: { origin: "case:leer", reason: "empty" } },
        // no analysis and a text the archive does not have: the writer must refuse the batch
        {
          kind: "article",
          incoming: incoming(b),
          hash: textHash(b.text),
          prepared: null,
          language: { language: "de", score: 1 },
        },
      ]),
    ).rejects.toBeInstanceOf(LautError);
    expect(await store.stats()).toEqual(before);
    expect(await store.hasOrigin("case:leer")).toBe(false);
  });
});

describe("reading", () => {
  let store: Store;
  beforeAll(async () => {
    store = await fullStore(join(dir, "read.db"));
  });
  afterAll(() => store.close());

  const allQuotes = () => GERMAN_ARTICLES.flatMap((a) => analysisOf(a.id).quotes);

  it("lists articles newest first, by site and date range, a page at a time", async () => {
    const all = await store.listArticles();
    expect(all.items.map((a) => a.title)).toEqual([...GERMAN_ARTICLES].reverse().map((a) => a.title));
    expect(all.next).toBeNull();

    const rundschau = await store.listArticles({ site: "Rundschau" });
    expect(rundschau.items.map((a) => a.url)).toEqual([
      "https://rundschau.example/politik/bundeswehr",
      "https://rundschau.example/zuerich/sperrung",
    ]);
    const april = await store.listArticles({ from: "2024-04", to: "2024-04" });
    expect(april.items.map((a) => a.site)).toEqual(["Rundschau", "Tagesblatt"]);
    const march = await store.listArticles({ to: "2024-03-12" });
    expect(march.items).toHaveLength(2);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.listArticles({ limit: 2, cursor });
      seen.push(...page.items.map((a) => a.title ?? ""));
      cursor = page.next;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.items.map((a) => a.title));
  });

  it("finds inflected forms, umlauts and ß through the stemmed index", async () => {
    const titles = async (q: string) => (await store.listArticles({ q })).items.map((a) => a.title);
    // "Lieferung" (Wien) and "Lieferungen" (Berlin) meet; the compound's first part finds it too
    expect(await titles("Lieferung")).toEqual([
      "Nehammer verspricht Entlastung",
      "Regierung sagt weitere Hilfe zu",
    ]);
    expect(await titles("Lieferungen")).toEqual(await titles("Lieferung"));
    expect(await titles("Munition")).toEqual(["Regierung sagt weitere Hilfe zu"]);
    expect(await titles("Hauptstrasse")).toEqual(["Sperrung in Zürich dauert länger"]);
    expect(await titles("Hauptstraßen")).toEqual(["Sperrung in Zürich dauert länger"]);
    // a compound's later parts are not indexed on their own
    expect(await titles("Straße")).toEqual([]);
    expect(await titles("Zuerich")).toEqual([]);
    expect(await titles("zurich")).toEqual(["Sperrung in Zürich dauert länger"]);
    expect(await titles("grösste")).toEqual(["Sperrung in Zürich dauert länger"]);
    expect(await titles('"Bundeswehr braucht"')).toEqual(["Bundeswehr sucht Personal"]);
    expect(await titles("Opposition -Energie")).toEqual(["Regierung sagt weitere Hilfe zu"]);
    expect(await titles("„“")).toEqual([]);
  });

  it("lists quotes by speaker, mentioned entity, type, date and words, a page at a time", async () => {
    const all = await store.listQuotes({ limit: 500 });
    expect(all.items).toHaveLength(allQuotes().length);

    const pistorius = await store.listQuotes({ speaker: "boris pistorius" });
    const expected = allQuotes().filter((q) => q.speaker?.name === "Boris Pistorius").length;
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(pistorius.items).toHaveLength(expected);
    expect(pistorius.items.every((q) => q.speaker?.name === "Boris Pistorius")).toBe(true);
    const [newest, older] = pistorius.items.map((q) => q.dated);
    expect((newest ?? "") >= (older ?? "")).toBe(true);
    const byId = await store.listQuotes({ speaker: pistorius.items[0]?.speaker?.entityId ?? -1 });
    expect(byId.items.map((q) => q.id)).toEqual(pistorius.items.map((q) => q.id));

    const aboutUkraine = await store.listQuotes({ entity: "Ukraine" });
    expect(aboutUkraine.items.every((q) => q.text.includes("Ukraine"))).toBe(true);

    const direct = await store.listQuotes({ type: "direct" });
    expect(direct.items.length).toBe(allQuotes().filter((q) => q.type === "direct").length);
    expect(direct.items.every((q) => q.type === "direct")).toBe(true);

    const may = await store.listQuotes({ from: "2024-05-01" });
    expect(new Set(may.items.map((q) => q.article.site))).toEqual(new Set(["Berner Zeitung"]));

    const words = await store.listQuotes({ q: "Lieferung" });
    expect(words.items.map((q) => q.text)).toEqual(
      allQuotes()
        .filter((q) => /Lieferung/.test(q.text))
        .map((q) => q.text)
        .reverse(),
    );

    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listQuotes({ limit: 3, cursor });
      ids.push(...page.items.map((q) => q.id));
      cursor = page.next;
    } while (cursor !== null);
    expect(ids).toEqual(all.items.map((q) => q.id));
    expect(await store.listQuotes({ speaker: "Niemand Unbekannt" })).toEqual({ items: [], next: null });
  });

  it("counts speakers' quotes, articles and first and last dates", async () => {
    const speakers = await store.listSpeakers();
    const pistorius = speakers.items.find((e) => e.name === "Boris Pistorius");
    expect(pistorius).toMatchObject({ type: "PER", articleCount: 2 });
    expect(pistorius?.quoteCount).toBe(
      allQuotes().filter((q) => q.speaker?.name === "Boris Pistorius").length,
    );
    expect(pistorius?.firstQuoted).toBe("2024-03-05T08:30:00.000Z");
    expect(pistorius?.lastQuoted).toBe("2024-04-20T10:00:00.000Z");
    const counts = speakers.items.map((e) => e.quoteCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(speakers.items.every((e) => e.quoteCount > 0)).toBe(true);

    const firstPage = await store.listSpeakers({ limit: 2 });
    const secondPage = await store.listSpeakers({ limit: 2, cursor: firstPage.next });
    expect([...firstPage.items, ...secondPage.items].map((e) => e.id)).toEqual(
      speakers.items.slice(0, 4).map((e) => e.id),
    );

    const entities = await store.listEntities({ limit: 500 });
    expect(entities.items.length).toBeGreaterThan(speakers.items.length);
    const places = await store.listEntities({ type: "LOC" });
    expect(places.items.every((e) => e.type === "LOC")).toBe(true);
    const named = await store.listEntities({ q: "keller" });
    expect(named.items.map((e) => e.name)).toContain("Karin Keller-Sutter");
    expect(await store.getEntity(pistorius?.id ?? -1)).toEqual(pistorius);
  });

  it("searches articles and quotes together, best match first", async () => {
    const result = await store.search("Personal Bundeswehr");
    expect(result.articles.map((a) => a.title)).toEqual(["Bundeswehr sucht Personal"]);
    expect(result.quotes.map((q) => q.speaker?.name)).toEqual(["Boris Pistorius"]);
    expect(await store.search("!!!")).toEqual({ articles: [], quotes: [] });
  });

  it("rejects bad cursors, limits and dates as usage errors", async () => {
    await expect(store.listArticles({ cursor: "kaputt" })).rejects.toMatchObject({ code: "E_USAGE" });
    await expect(store.listQuotes({ limit: 0 })).rejects.toMatchObject({ code: "E_USAGE" });
    await expect(store.listArticles({ from: "letzte Woche" })).rejects.toMatchObject({ code: "E_USAGE" });
  });
});
