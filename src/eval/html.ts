/**
 * `laut eval html`: article extraction as ingest does it (src/ingest/sources), measured on the
 * trafilatura evaluation pages: for each page, snippets the article text must contain (`with`)
 * and page furniture it must not (`without`). The gold folder holds the pages, named
 * "<site>__<evaluation file name>", beside the evaluation's evaldata_full.json.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { LautError } from "../errors.js";
import { articleFromHtml } from "../ingest/sources/article.js";
import { DEFAULT_MAX_BYTES } from "../input/read.js";
import { roundForJson } from "./report.js";

interface Expectation {
  file: string;
  with: string[];
  without: string[];
}

export interface PageResult {
  page: string;
  checks: number;
  failed: number;
  /** `with` snippets the text lacks */
  missing: string[];
  /** `without` snippets the text has */
  present: string[];
}

export interface HtmlEvaluation {
  pages: number;
  found: number;
  wanted: number;
  absent: number;
  unwanted: number;
  /** share of all checks (found plus absent) that pass */
  passRate: number;
  seconds: number;
  /** every page with a failed check, most failures first */
  worst: PageResult[];
}

/** The shared data folder: $LAUT_SHARED, else `shared` beside the repository. */
export function sharedDir(): string {
  return process.env.LAUT_SHARED ?? resolve(new URL("../../../shared", import.meta.url).pathname);
}

export function defaultHtmlGold(): string {
  return join(sharedDir(), "data/html/trafilatura-de");
}

const WHITESPACE_RUN = /\s+/g;
const normalise = (text: string): string => text.replace(WHITESPACE_RUN, " ").trim();

function readExpectations(dir: string): Map<string, Expectation> {
  const path = join(dir, "evaldata_full.json");
  let evaldata: Record<string, Expectation>;
  try {
    evaldata = JSON.parse(readFileSync(path, "utf8")) as Record<string, Expectation>;
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold file ${path} cannot be read as JSON`, { cause: error });
  }
  const byFile = new Map<string, Expectation>();
  for (const expectation of Object.values(evaldata)) {
    if (typeof expectation?.file !== "string" || !Array.isArray(expectation.with)) continue;
    byFile.set(expectation.file, { ...expectation, without: expectation.without ?? [] });
  }
  return byFile;
}

/** Extracts every evaluated page of `dir` and checks its snippets. */
export function evaluateHtml(dir: string): HtmlEvaluation {
  const expectations = readExpectations(dir);
  const run: HtmlEvaluation = {
    pages: 0,
    found: 0,
    wanted: 0,
    absent: 0,
    unwanted: 0,
    passRate: 0,
    seconds: 0,
    worst: [],
  };
  const started = performance.now();
  const pages = readdirSync(dir)
    .filter((name) => name.endsWith(".html"))
    .sort();
  for (const page of pages) {
    const expectation = expectations.get(page.slice(page.indexOf("__") + 2));
    if (!expectation) continue;
    const path = join(dir, page);
    const article = articleFromHtml(readFileSync(path), {
      origin: path,
      name: path,
      maxBytes: DEFAULT_MAX_BYTES,
    });
    const text = normalise(article.text);
    const result: PageResult = { page, checks: 0, failed: 0, missing: [], present: [] };
    for (const snippet of expectation.with) {
      run.wanted++;
      if (text.includes(normalise(snippet))) run.found++;
      else result.missing.push(snippet);
    }
    for (const snippet of expectation.without) {
      run.unwanted++;
      if (!text.includes(normalise(snippet))) run.absent++;
      else result.present.push(snippet);
    }
    result.checks = expectation.with.length + expectation.without.length;
    result.failed = result.missing.length + result.present.length;
    if (result.failed > 0) run.worst.push(result);
    run.pages++;
  }
  if (run.pages === 0)
    throw new LautError("E_GOLD_FORMAT", `gold folder ${dir} has no evaluated .html pages`);
  run.seconds = (performance.now() - started) / 1000;
  const checks = run.wanted + run.unwanted;
  run.passRate = checks === 0 ? 0 : (run.found + run.absent) / checks;
  run.worst.sort((a, b) => b.failed - a.failed || (a.page < b.page ? -1 : 1));
  return run;
}

const pct = (part: number, whole: number): string =>
  `${String(part).padStart(4)}/${String(whole).padEnd(4)} ${((100 * part) / Math.max(whole, 1)).toFixed(1).padStart(5)} %`;
const SNIPPET_SHOWN = 60;
const shown = (snippet: string): string =>
  JSON.stringify(snippet.length > SNIPPET_SHOWN ? `${snippet.slice(0, SNIPPET_SHOWN)}…` : snippet);

export function htmlTable(run: HtmlEvaluation, title: string, worst: number): string {
  const lines = [
    `laut eval html · ${title}`,
    `${run.pages} pages · ${((run.seconds * 1000) / run.pages).toFixed(1)} ms/page`,
    "",
    `snippet checks passed    ${pct(run.found + run.absent, run.wanted + run.unwanted)}`,
    `with-snippets found      ${pct(run.found, run.wanted)}`,
    `without-snippets absent  ${pct(run.absent, run.unwanted)}`,
  ];
  if (run.worst.length > 0 && worst > 0) {
    lines.push(
      "",
      `worst pages (${Math.min(worst, run.worst.length)} of ${run.worst.length} with a failed check):`,
    );
    for (const page of run.worst.slice(0, worst)) {
      lines.push(`  ${page.page}: ${page.failed} of ${page.checks} checks failed`);
      for (const snippet of page.missing) lines.push(`    missing  ${shown(snippet)}`);
      for (const snippet of page.present) lines.push(`    contains ${shown(snippet)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const DEFAULT_WORST = 10;

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new LautError("E_USAGE", `--worst wants a whole number, not "${value}"`);
  return n;
}

/** Registers `laut eval html` under the `eval` command. */
export function registerHtmlEval(evalCommand: Command): void {
  evalCommand
    .command("html")
    .description("article extraction from news pages (trafilatura's German evaluation pages)")
    .option(
      "--gold <dir>",
      "folder of pages with evaldata_full.json (default: the shared trafilatura-de folder)",
    )
    .option("--json", "print the numbers as JSON")
    .option("--worst <n>", `list this many worst pages (default ${DEFAULT_WORST})`, parseCount)
    .action((options: { gold?: string; json?: boolean; worst?: number }) => {
      const dir = options.gold ?? defaultHtmlGold();
      const run = evaluateHtml(dir);
      const worst = options.worst ?? DEFAULT_WORST;
      process.stdout.write(
        options.json
          ? `${JSON.stringify(roundForJson({ ...run, worst: run.worst.slice(0, worst) }), null, 2)}\n`
          : htmlTable(run, dir, worst),
      );
    });
}
