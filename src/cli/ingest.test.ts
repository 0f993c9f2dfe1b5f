/**
 * `laut ingest` through the built CLI: the worker threads, the exit codes and a real resume after
 * SIGKILL. Needs dist/ (npm test builds it first).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { generatedArticles, jsonLines } from "../store/articles.case.js";

const BIN = fileURLToPath(new URL("../../bin/laut.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/ingest/worker.js", import.meta.url)));
if (!BUILT) console.warn("src/cli/ingest.test.ts: skipped, dist/ is not built (run `npm run build`)");

const dir = mkdtempSync(join(tmpdir(), "laut-cli-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = join(dir, "korpus.jsonl");
writeFileSync(corpus, jsonLines(generatedArticles(360)));

function ingest(...args: string[]) {
  return spawnSync(process.execPath, [BIN, "ingest", ...args], {
    encoding: "utf8",
    env: { ...process.env, LAUT_DB: "" },
  });
}

/** every table, ids included, without the times of the run */
function dump(path: string) {
  const db = new BetterSqlite3(path, { readonly: true });
  const q = (sql: string) => db.prepare(sql).all();
  const result = {
    articles: q(
      "SELECT id, text_hash, title, text, published, dated, site, url, language, language_score, hex(analysis) AS analysis, quote_count FROM articles ORDER BY id",
    ),
    sources: q(
      "SELECT id, article_id, origin, url, site, title, published, format FROM article_sources ORDER BY id",
    ),
    skips: q("SELECT id, origin, reason, language, language_score, code FROM skips ORDER BY id"),
    entities: q("SELECT * FROM entities ORDER BY id"),
    mentions: q("SELECT * FROM mentions ORDER BY id"),
    quotes: q("SELECT * FROM quotes ORDER BY id"),
    articleIndex: q(
      "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'investi* OR opposition' ORDER BY rowid",
    ),
    quoteIndex: q("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'anfang' ORDER BY rowid"),
  };
  db.close();
  return result;
}

/** items the archive at path has committed (sources and skips); 0 before it exists */
function committed(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      const row = db
        .prepare("SELECT (SELECT count(*) FROM article_sources) + (SELECT count(*) FROM skips) AS n")
        .get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe.skipIf(!BUILT)("laut ingest (built CLI)", () => {
  const reference = join(dir, "referenz.db");

  it("ingests with worker threads and prints a summary", () => {
    const run = ingest(corpus, "--db", reference, "--workers", "2");
    expect(run.status).toBe(0);
    // not a terminal: progress is plain log lines, nothing else
    expect(run.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("laut: ingest: "))).toEqual([]);
    // 360 items: every 75th is English (4), every 40th a copy (8), the rest new German texts
    expect(run.stdout).toMatch(/^added\s+348$/m);
    expect(run.stdout).toMatch(/^duplicates\s+8$/m);
    expect(run.stdout).toMatch(/^skipped\s+4 \(4 not German\)$/m);
    const archive = dump(reference);
    expect(archive.articles).toHaveLength(348);
    expect(archive.quotes.length).toBeGreaterThan(348);
    expect(archive.articleIndex.length).toBeGreaterThan(300);
  });

  it("adds nothing when run again", () => {
    const run = ingest(corpus, "--db", reference, "--workers", "1", "--quiet");
    expect([run.status, run.stdout, run.stderr]).toEqual([0, "", ""]);
    const again = ingest(corpus, "--db", reference, "--workers", "0");
    expect(again.stdout).toMatch(/^already archived\s+360$/m);
    expect(again.stdout).toMatch(/^added\s+0$/m);
  });

  it("loses and duplicates nothing when killed with SIGKILL and resumed", async () => {
    const resumed = join(dir, "wiederaufgenommen.db");
    const total = 360;
    const countAfterKill: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const before = committed(resumed);
      const child = spawn(
        process.execPath,
        [BIN, "ingest", corpus, "--db", resumed, "--workers", "1", "--batch-size", "8", "--quiet"],
        { stdio: "ignore" },
      );
      const exit = exited(child);
      // kill at a random moment after this run has committed something of its own
      let done = false;
      void exit.then(() => {
        done = true;
      });
      while (!done && committed(resumed) <= before) await sleep(25);
      await sleep(Math.floor(Math.random() * 300));
      child.kill("SIGKILL");
      if ((await exit) !== null) break;
      countAfterKill.push(committed(resumed));
    }
    expect(countAfterKill.filter((n) => n > 0 && n < total).length).toBeGreaterThanOrEqual(2);
    const last = ingest(corpus, "--db", resumed, "--workers", "2");
    expect(last.status).toBe(0);
    expect(dump(resumed)).toEqual(dump(reference));
  }, 60_000);

  it("stops on Ctrl-C with exit 130 after writing what it read, and goes on when rerun", async () => {
    const stopped = join(dir, "unterbrochen.db");
    const child = spawn(
      process.execPath,
      [BIN, "ingest", corpus, "--db", stopped, "--workers", "1", "--batch-size", "8"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exit = exited(child);
    while (committed(stopped) === 0) await sleep(25);
    child.kill("SIGINT");
    expect(await exit).toBe(130);
    expect(stdout).toMatch(/^interrupted\s+yes/m);
    const kept = committed(stopped);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(360);
    expect(stdout).toMatch(new RegExp(`^read\\s+${kept}$`, "m"));
    expect(ingest(corpus, "--db", stopped, "--quiet").status).toBe(0);
    expect(dump(stopped)).toEqual(dump(reference));
  }, 30_000);

  it("exits 8 with one line naming the archive when --db cannot be opened", () => {
    const missing = ingest(corpus, "--db", join(dir, "fehlt", "archiv.db"));
    expect(missing.status).toBe(8);
    expect(missing.stderr).toMatch(/^laut: cannot open archive ".*fehlt.archiv\.db": .* \[E_STORE\]\n$/);

    const text = join(dir, "notiz.txt");
    writeFileSync(text, "Protokoll der Gemeinderatssitzung vom Montag, kein Archiv.\n".repeat(40));
    const notArchive = ingest(corpus, "--db", text);
    expect(notArchive.status).toBe(8);
    expect(notArchive.stderr).toMatch(/not a laut archive or is corrupt \[E_STORE\]\n$/);
  });

  it("exits 3 for a missing input and 2 for a bad --workers", () => {
    const missing = ingest(join(dir, "nichtda.jsonl"), "--db", join(dir, "x.db"));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/\[E_INPUT_NOT_FOUND\]\n$/);
    expect(ingest(corpus, "--workers", "viele").status).toBe(2);
  });
});
