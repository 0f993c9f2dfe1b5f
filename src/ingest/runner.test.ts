import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CaseArticle,
  ENGLISH_ARTICLE,
  FRENCH_ARTICLE,
  GERMAN_ARTICLES,
  jsonLines,
} from "../store/articles.case.js";
import { openStore } from "../store/index.js";
import { runIngest } from "./runner.js";

const dir = mkdtempSync(join(tmpdir(), "laut-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const [ukraine, zuerich, wien, bundeswehr, bern] = GERMAN_ARTICLES as [
  CaseArticle,
  CaseArticle,
  CaseArticle,
  CaseArticle,
  CaseArticle,
];

/** a corpus with every kind of item: German, copies, foreign, empty, unreadable */
function writeInputs(): string[] {
  const corpus = join(dir, "korpus.jsonl.gz");
  const copy = { ...ukraine, id: "kopie", url: "https://kopie.example/ukraine", source: "Kopie" };
  const lines = `${jsonLines([ukraine, zuerich, ENGLISH_ARTICLE, copy, wien, FRENCH_ARTICLE])}{"id": "leer", "text": "  \\n "}\n{kaputt\n\n`;
  writeFileSync(corpus, gzipSync(lines));
  const folder = join(dir, "texte");
  mkdirSync(join(folder, "mai"), { recursive: true });
  writeFileSync(join(folder, "bundeswehr.txt"), bundeswehr.text);
  writeFileSync(join(folder, "mai", "bern.txt"), bern.text);
  writeFileSync(join(folder, "notiz.md"), "# keine Textdatei\n");
  return [corpus, folder];
}

describe("runIngest (in this thread)", () => {
  const inputs = writeInputs();

  it("adds German articles once, records duplicates and skips with their reasons", async () => {
    const store = await openStore({ path: join(dir, "archiv.db") });
    const progress: number[] = [];
    const summary = await runIngest({
      inputs,
      store,
      workers: 0,
      batchSize: 3,
      onProgress: (p) => progress.push(p.added),
    });
    expect(summary).toMatchObject({
      read: 10,
      added: 5,
      duplicates: 1,
      known: 0,
      skipped: { language: 2, empty: 1, problem: 1 },
      failed: 0,
      interrupted: false,
    });
    expect(summary.articlesPerSecond).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 5, sources: 6, skipped: { language: 2, empty: 1, problem: 1 } });
    const articles = await store.listArticles({ limit: 500 });
    const copyOf = articles.items.find((a) => a.title === ukraine.title);
    const detail = await store.getArticle(copyOf?.id ?? -1);
    expect(detail?.sources.map((s) => s.site)).toEqual(["Tagesblatt", "Kopie"]);
    // the headline is analysed as the first paragraph, so offsets point into title + body
    expect(detail?.text.startsWith(`${ukraine.title}\n\n`)).toBe(true);
    expect(detail?.analysis.paragraphs[0]?.kind).toBe("title");
    expect(detail?.language).toBe("de");
    await store.close();
  });

  it("records the language and score of what it skipped", async () => {
    const store = await openStore({ path: join(dir, "archiv.db") });
    const BetterSqlite3 = (await import("better-sqlite3")).default;
    const raw = new BetterSqlite3(join(dir, "archiv.db"), { readonly: true });
    const skips = raw
      .prepare("SELECT origin, reason, language, language_score, code FROM skips ORDER BY id")
      .all();
    raw.close();
    expect(skips).toEqual([
      expect.objectContaining({ origin: `${inputs[0]}:3`, reason: "language", language: "en" }),
      expect.objectContaining({ origin: `${inputs[0]}:6`, reason: "language", language: "fr" }),
      expect.objectContaining({ origin: `${inputs[0]}:7`, reason: "empty" }),
      expect.objectContaining({ origin: `${inputs[0]}:8`, reason: "problem", code: "E_JSONL_LINE" }),
    ]);
    for (const s of skips.slice(0, 2) as { language_score: number }[]) {
      expect(s.language_score).toBeGreaterThan(0.5);
    }
    await store.close();
  });

  it("adds nothing on a second run of the same inputs", async () => {
    const store = await openStore({ path: join(dir, "archiv.db") });
    const before = await store.stats();
    const summary = await runIngest({ inputs, store, workers: 0 });
    expect(summary).toMatchObject({ read: 10, added: 0, duplicates: 0, known: 10, skipped: {}, failed: 0 });
    expect(await store.stats()).toEqual(before);
    await store.close();
  });

  it("stops reading when aborted and keeps what it read", async () => {
    const store = await openStore({ path: ":memory:" });
    const controller = new AbortController();
    const summary = await runIngest({
      inputs,
      store,
      workers: 0,
      batchSize: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.read).toBeLessThan(10);
    const stats = await store.stats();
    expect(stats.sources + Object.values(stats.skipped).reduce((a, b) => a + b, 0)).toBe(summary.read);
    await store.close();
  });

  it("reports a missing input as E_INPUT_NOT_FOUND before reading anything", async () => {
    const store = await openStore({ path: ":memory:" });
    const [corpus] = inputs as [string];
    await expect(
      runIngest({ inputs: [corpus, join(dir, "fehlt.jsonl")], store, workers: 0 }),
    ).rejects.toMatchObject({ code: "E_INPUT_NOT_FOUND" });
    // every input is checked before the first item, so a typo costs no half-finished run
    expect((await store.stats()).articles).toBe(0);
    await store.close();
  });
});
