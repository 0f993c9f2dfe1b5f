/**
 * The built command, run as users run it: `node bin/laut.js …` from the repository root.
 * The build runs once first, so these tests never pass against a stale dist/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_TEXT } from "../render/sample.case.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "laut-cli-"));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function laut(args: string[], input?: string | Buffer): Run {
  const result = spawnSync(process.execPath, ["bin/laut.js", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LAUT_DEBUG: "" },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure as the CLI promises it: one line on stderr with the code, no stack trace. */
function expectOneLineError(run: Run, exit: number, code: string): void {
  expect(run.status, run.stderr).toBe(exit);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^laut: .*\\[${code}\\]$`));
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const SECOND_TEXT = [
  "Bundesrat lehnt Initiative ab",
  "",
  "Der Bundesrat empfiehlt, die Initiative abzulehnen. «Sie würde die Kantone überfordern», sagte Bundesrätin Karin Keller-Sutter in Bern.",
].join("\n");

let article: string;
let second: string;

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  article = file("tramlinie.txt", SAMPLE_TEXT);
  second = file("initiative.txt", SECOND_TEXT);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("laut analyze", () => {
  it("writes one compact JSON document by default", () => {
    const run = laut(["analyze", article]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(analysis.text).toBe(SAMPLE_TEXT);
    expect(analysis.source).toEqual({ name: article, format: "text", encoding: "utf-8" });
  });

  it("indents with --pretty, same document", () => {
    const pretty = laut(["analyze", article, "--pretty"]);
    expect(pretty.status, pretty.stderr).toBe(0);
    expect(pretty.stdout.split("\n").length).toBeGreaterThan(100);
    expect(pretty.stdout.startsWith('{\n  "schemaVersion": ')).toBe(true);
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(laut(["analyze", article]).stdout));
  });

  it("writes a text report with a header", () => {
    const run = laut(["analyze", article, "--format", "text"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[1]).toBe(`source: ${article} (text, utf-8)`);
    expect(lines[2]).toMatch(/^892 characters · \d+ tokens · \d+ sentences · \d+ paragraphs$/);
    expect(lines[3]).toMatch(/^\d+ quotes?\b/);
    expect(run.stdout).not.toContain("\x1b[");
  });

  it("writes a full HTML page", () => {
    const run = laut(["analyze", article, "-f", "html"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(run.stdout.trimEnd().endsWith("</html>")).toBe(true);
    const { document } = parseHTML(run.stdout);
    expect(document.documentElement.getAttribute("lang")).toBe("de");
    expect(document.querySelector("article")?.textContent).toContain("Kritik vom Gewerbe");
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });

  it("reads standard input from -", () => {
    const run = laut(["analyze", "-"], SECOND_TEXT);
    expect(run.status, run.stderr).toBe(0);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.text).toBe(SECOND_TEXT);
    expect(analysis.source.name).toBe("<stdin>");
  });

  it("writes JSON Lines for several inputs, in order", () => {
    const run = laut(["analyze", article, "-", second], SECOND_TEXT);
    expect(run.status, run.stderr).toBe(0);
    const docs = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.source.name)).toEqual([article, "<stdin>", second]);
  });

  it("separates several text reports", () => {
    const run = laut(["analyze", article, second, "-f", "text"]);
    expect(run.status, run.stderr).toBe(0);
    const reports = run.stdout.split(`\n${"=".repeat(80)}\n\n`);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toContain(`source: ${second} (text, utf-8)`);
  });

  it("writes one page per input into --output DIR, and refuses several pages on stdout", () => {
    expectOneLineError(laut(["analyze", article, second, "-f", "html"]), 2, "E_USAGE");
    const out = join(dir, "pages/");
    const run = laut(["analyze", article, second, "-f", "html", "-o", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual(["initiative.html", "tramlinie.html"]);
    const page = readFileSync(join(out, "initiative.html"), "utf8");
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain("Karin Keller-Sutter");
  });

  it("writes to --output FILE and never over an input", () => {
    const out = join(dir, "analyse.json");
    const run = laut(["analyze", article, "--output", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).text).toBe(SAMPLE_TEXT);
    expectOneLineError(laut(["analyze", article, "-o", article]), 2, "E_USAGE");
    expect(readFileSync(article, "utf8")).toBe(SAMPLE_TEXT);
  });

  it("reports a missing file with exit 3 and one line", () => {
    const run = laut(["analyze", join(dir, "fehlt.txt")]);
    expectOneLineError(run, 3, "E_INPUT_NOT_FOUND");
    expect(run.stderr).toContain("fehlt.txt");
    expect(run.stdout).toBe("");
  });

  it("continues after a bad input and exits with the first error's code", () => {
    const empty = file("leer.txt", "");
    const run = laut(["analyze", article, join(dir, "fehlt.txt"), empty, second]);
    expect(run.status).toBe(3);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(2);
    const errors = run.stderr.trimEnd().split("\n");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/fehlt\.txt.*\[E_INPUT_NOT_FOUND\]$/);
    expect(errors[1]).toMatch(/leer\.txt.*\[E_INPUT_EMPTY\]$/);
  });

  it("refuses empty and binary input with exit 4", () => {
    expectOneLineError(laut(["analyze", file("leer.txt", "")]), 4, "E_INPUT_EMPTY");
    expectOneLineError(laut(["analyze", file("nur-leer.txt", "  \n\n\t ")]), 4, "E_INPUT_EMPTY");
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)),
    ]);
    const binary = laut(["analyze", file("bild.txt", png)]);
    expect(binary.status, binary.stderr).toBe(4);
    expectOneLineError(binary, 4, "E_INPUT_\\w+");
  });

  it("refuses input over --max-bytes with exit 5", () => {
    expectOneLineError(laut(["analyze", article, "--max-bytes", "100"]), 5, "E_INPUT_TOO_LARGE");
    expectOneLineError(
      laut(["analyze", "-", "--max-bytes", "1k"], SAMPLE_TEXT.repeat(2)),
      5,
      "E_INPUT_TOO_LARGE",
    );
    expect(laut(["analyze", article, "--max-bytes", "1M"]).status).toBe(0);
  });

  it("treats bad options as usage errors (exit 2)", () => {
    const run = laut(["analyze", article, "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("xml");
    expect(run.stdout).toBe("");
    expect(laut(["analyze", article, "--max-bytes", "viel"]).status).toBe(2);
    expect(laut(["analyze"]).status).toBe(2);
    expectOneLineError(laut(["analyze", "-", "-"], "x"), 2, "E_USAGE");
    expectOneLineError(laut(["analyze", article, second, "--pretty"]), 2, "E_USAGE");
  });

  it("fails with exit 6 when the output cannot be written", () => {
    const run = laut(["analyze", article, "-o", join(dir, "gibt-es-nicht", "x.json")]);
    expectOneLineError(run, 6, "E_OUTPUT");
    const blocked = file("blockiert", "eine Datei, kein Ordner");
    expectOneLineError(laut(["analyze", article, "-f", "html", "-o", join(blocked, "sub/")]), 6, "E_OUTPUT");
  });

  it("documents the exit codes in its help", () => {
    const run = laut(["analyze", "--help"]);
    expect(run.status).toBe(0);
    for (const line of [
      "0  every input",
      "2  usage",
      "3  an input was not found",
      "4  an input is empty",
      "5  an input exceeds",
      "6  the output",
    ]) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout).toContain("JSON Lines");
  });
});

describe("laut bench", () => {
  const articles = [
    {
      title: "Winterthur streitet über die neue Tramlinie",
      text: SAMPLE_TEXT.split("\n\n").slice(1).join("\n\n"),
    },
    { text: SECOND_TEXT },
    { title: "Kurzmeldung", text: "«Wir sind bereit», sagte die Sprecherin." },
  ];
  let corpus: string;
  beforeAll(() => {
    const lines = [...articles, ...articles, ...articles].map((a) => JSON.stringify(a));
    corpus = file("korpus.jsonl.gz", gzipSync(`${lines.join("\n")}\nkaputt\n`));
  });

  it("prints all measurements as JSON", () => {
    const run = laut(["bench", "--corpus", corpus, "--json", "--warmup", "2"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("laut: skipped 1 corpus line(s) without an article\n");
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).sort()).toEqual(
      [
        "articles",
        "chars",
        "seconds",
        "articlesPerSec",
        "charsPerSec",
        "tokensPerSec",
        "peakRssMB",
        "baselineCharsPerSec",
        "ratioToBaseline",
        "quotesPerArticle",
      ].sort(),
    );
    expect(result.articles).toBe(9);
    const chars = articles.reduce((n, a) => n + (a.title ? a.title.length + 2 : 0) + a.text.length, 0);
    expect(result.chars).toBe(3 * chars);
    for (const key of [
      "seconds",
      "articlesPerSec",
      "charsPerSec",
      "tokensPerSec",
      "peakRssMB",
      "baselineCharsPerSec",
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
  });

  it("honours --limit and prints a table without --json", () => {
    const run = laut(["bench", "--corpus", corpus, "--limit", "4"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^articles +4$/m);
    expect(run.stdout).toMatch(/^articles\/s +[\d,.]+$/m);
    expect(run.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  it("reports a missing corpus with exit 3 and bad options with exit 2", () => {
    expectOneLineError(laut(["bench", "--corpus", join(dir, "fehlt.jsonl.gz")]), 3, "E_INPUT_NOT_FOUND");
    expect(laut(["bench", "--corpus", corpus, "--limit", "0"]).status).toBe(2);
    expect(laut(["bench"]).status).toBe(2);
    const empty = file("leer.jsonl", "\n");
    expectOneLineError(laut(["bench", "--corpus", empty]), 4, "E_INPUT_EMPTY");
  });
});
