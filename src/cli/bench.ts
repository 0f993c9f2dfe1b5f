/**
 * `laut bench`: throughput of the whole pipeline over a JSON Lines corpus, with a regex-scan
 * baseline from the same process so results compare across machines.
 */
import { type Command, InvalidArgumentError } from "commander";
import { type BenchArticle, loadCorpus } from "../bench/corpus.js";
import { type BenchResult, runBench } from "../bench/run.js";
import { LautError } from "../errors.js";
import { writeChunks } from "../render/sink.js";

interface BenchFlags {
  corpus: string;
  limit?: number;
  json?: boolean;
  warmup: number;
}

const HELP_AFTER = `
The corpus is JSON Lines (optionally gzipped), one article per line with "text" and an optional
"title" (analysed as title, blank line, text). Lines that are not such objects are skipped and
counted. The corpus is loaded completely before timing starts.

--json prints one object with the keys articles, chars, seconds, articlesPerSec, charsPerSec,
tokensPerSec, peakRssMB, baselineCharsPerSec, ratioToBaseline and quotesPerArticle.
baselineCharsPerSec is a plain /\\p{L}+/gu word scan over the same texts; ratioToBaseline is
charsPerSec divided by it, which changes far less between machines than the absolute numbers.

Exit codes: 0 ok, 2 usage, 3 corpus not found, 4 corpus empty or not decodable, 6 output error.`;

export function registerBench(program: Command): void {
  program
    .command("bench")
    .description("measure analysis throughput over a corpus of articles")
    .requiredOption("--corpus <file>", "JSON Lines corpus, plain or .gz")
    .option("--limit <n>", "use only the first n articles", positiveInteger)
    .option("--json", "print the result as one JSON object")
    .option("--warmup <n>", "articles analysed before timing starts", nonNegativeInteger, 20)
    .addHelpText("after", HELP_AFTER)
    .action(async (flags: BenchFlags) => {
      await runBenchCommand(flags);
    });
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
    throw new InvalidArgumentError("expected a positive whole number");
  }
  return n;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError("expected a whole number");
  return n;
}

async function runBenchCommand(flags: BenchFlags): Promise<void> {
  const { articles, skipped } = await loadCorpus(flags.corpus, { limit: flags.limit });
  if (skipped > 0) process.stderr.write(`laut: skipped ${skipped} corpus line(s) without an article\n`);
  if (articles.length === 0) {
    throw new LautError(
      "E_INPUT_EMPTY",
      `corpus ${flags.corpus} has no articles (lines with a "text" string)`,
    );
  }
  const result = await withProgress(articles, !flags.json && process.stderr.isTTY === true, (onProgress) =>
    runBench(articles, { warmup: flags.warmup, onProgress }),
  );
  const report = flags.json ? `${JSON.stringify(result)}\n` : humanReport(result);
  await writeChunks(process.stdout, [report]);
}

async function withProgress(
  articles: readonly BenchArticle[],
  show: boolean,
  run: (onProgress?: (done: number, total: number) => void) => BenchResult,
): Promise<BenchResult> {
  if (!show) return run();
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: "analysing {bar} {value}/{total} articles | {eta}s left",
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(articles.length, 0);
  try {
    // the analysis is synchronous, so the bar's timer never fires: update() redraws it (throttled)
    return run((done) => bar.update(done));
  } finally {
    bar.stop();
  }
}

function humanReport(r: BenchResult): string {
  const n = (x: number, digits = 0): string =>
    x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const rows: [string, string][] = [
    ["articles", n(r.articles)],
    ["characters", n(r.chars)],
    ["seconds", n(r.seconds, 2)],
    ["articles/s", n(r.articlesPerSec, 1)],
    ["chars/s", n(r.charsPerSec)],
    ["tokens/s", n(r.tokensPerSec)],
    ["baseline chars/s", `${n(r.baselineCharsPerSec)}  (one /\\p{L}+/gu scan)`],
    ["ratio to baseline", String(r.ratioToBaseline)],
    ["quotes/article", n(r.quotesPerArticle, 2)],
    ["peak RSS", `${n(r.peakRssMB, 1)} MB`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}
