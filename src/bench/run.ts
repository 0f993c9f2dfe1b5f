/**
 * The throughput benchmark: the whole pipeline (analyze(), which includes the Analysis
 * projection) over articles already in memory, plus a baseline that scans the same texts with
 * one regex. Absolute speed depends on the machine; the ratio to the baseline, measured in the
 * same process over the same texts, travels across machines.
 */
import type { Analysis } from "../analysis.js";
import { analyze } from "../analyze.js";
import type { BenchArticle } from "./corpus.js";

export interface BenchOptions {
  /** articles analysed (from the start of the list) before the clock starts; default 20 */
  warmup?: number;
  /** called now and then while timing, and once at the end */
  onProgress?: (done: number, total: number) => void;
  /** the analysis to time; default the library's analyze() */
  analyze?: (text: string) => Analysis;
}

export interface BenchResult {
  articles: number;
  /** UTF-16 code units analysed (title, blank line and text) */
  chars: number;
  seconds: number;
  articlesPerSec: number;
  charsPerSec: number;
  tokensPerSec: number;
  /** peak resident set size of the process so far, corpus included */
  peakRssMB: number;
  /** chars/s of a plain /\p{L}+/gu word scan over the same texts */
  baselineCharsPerSec: number;
  /** charsPerSec / baselineCharsPerSec */
  ratioToBaseline: number;
  quotesPerArticle: number;
}

const PROGRESS_EVERY = 16;

/** The text laut analyses for a corpus article: title and text as a title paragraph and body. */
export function articleText(article: BenchArticle): string {
  return article.title ? `${article.title}\n\n${article.text}` : article.text;
}

export function runBench(articles: readonly BenchArticle[], options: BenchOptions = {}): BenchResult {
  const run = options.analyze ?? ((text: string) => analyze(text, { format: "text" }));
  const texts = articles.map(articleText);
  const warmup = Math.min(texts.length, Math.max(0, options.warmup ?? 20));
  for (let i = 0; i < warmup; i++) run(texts[i] as string);
  wordScan(texts, warmup);

  let chars = 0;
  let tokens = 0;
  let quotes = 0;
  const started = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    const analysis = run(text);
    chars += text.length;
    tokens += analysis.tokens.length;
    quotes += analysis.quotes.length;
    if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, texts.length);
  }
  const seconds = (performance.now() - started) / 1000;
  options.onProgress?.(texts.length, texts.length);

  const baselineStarted = performance.now();
  wordScan(texts, texts.length);
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;

  const perSec = (n: number, s: number): number => (s > 0 ? n / s : 0);
  const charsPerSec = perSec(chars, seconds);
  const baselineCharsPerSec = perSec(chars, baselineSeconds);
  return {
    articles: texts.length,
    chars,
    seconds: round(seconds, 3),
    articlesPerSec: round(perSec(texts.length, seconds), 1),
    charsPerSec: Math.round(charsPerSec),
    tokensPerSec: Math.round(perSec(tokens, seconds)),
    peakRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
    baselineCharsPerSec: Math.round(baselineCharsPerSec),
    // significant digits, not decimals: the ratio is far below 1 while the pipeline is heavy
    ratioToBaseline: baselineCharsPerSec > 0 ? Number((charsPerSec / baselineCharsPerSec).toPrecision(4)) : 0,
    quotesPerArticle: round(texts.length > 0 ? quotes / texts.length : 0, 2),
  };
}

/** Count letter runs in the first `count` texts: the cheapest useful pass over a text. */
function wordScan(texts: readonly string[], count: number): number {
  const word = /\p{L}+/gu;
  let words = 0;
  for (let i = 0; i < count; i++) {
    word.lastIndex = 0;
    const text = texts[i] as string;
    while (word.exec(text) !== null) words++;
  }
  return words;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
