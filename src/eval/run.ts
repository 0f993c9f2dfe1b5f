/**
 * The evaluation runs behind `laut eval`: read the gold data, run laut on each document's text,
 * map the predictions onto the gold tokens and score. The analyzer is a parameter so the runs
 * can be checked without the pipeline (gold echoed back as the prediction must score 1.0).
 */
import type { Analysis } from "../analysis.js";
import { analyze } from "../analyze.js";
import {
  type GepadeDocResult,
  type GepadeGoldDoc,
  type GepadeScores,
  gepadeFromAnalysis,
  readGepadeDir,
  scoreGepade,
} from "./gepade.js";
import { type NerScores, nerFromAnalysis, readGermEval, scoreNer, sentenceText } from "./germeval.js";
import { type QuoteDocResult, type QuoteScores, scoreQuotes } from "./quotes.js";
import {
  type CharQuote,
  charQuotesFromAnalysis,
  type QuoteGoldDoc,
  readWikinewsDir,
  toTokenQuote,
} from "./wikinews.js";

export type Analyzer = (text: string, name: string) => Pick<Analysis, "quotes" | "entities">;

export const lautAnalyzer: Analyzer = (text, name) => analyze(text, { name });
/** laut with the trained name recogniser on (`eval quotes --names`) */
export const lautAnalyzerWithNames: Analyzer = (text, name) => analyze(text, { name, names: true });

export interface QuoteEvaluation {
  scores: QuoteScores;
  seconds: number;
  gold: QuoteGoldDoc[];
  /** laut's quotes per document, as character spans */
  predicted: CharQuote[][];
  results: QuoteDocResult[];
}

export function evaluateQuotes(
  dir: string,
  options: { simplified?: boolean; limit?: number; analyzer?: Analyzer } = {},
): QuoteEvaluation {
  const started = performance.now();
  const analyzer = options.analyzer ?? lautAnalyzer;
  const gold = readWikinewsDir(dir, options.limit);
  const predicted = gold.map((doc) => charQuotesFromAnalysis(analyzer(doc.text, doc.name)));
  const { scores, docs } = scoreQuotes(
    gold.map((doc, i) => ({
      name: doc.name,
      gold: doc.quotes,
      predicted: (predicted[i] ?? []).map((q) => toTokenQuote(q, doc.cover)),
      punctuation: doc.punctuation,
    })),
    { simplified: options.simplified ?? false },
  );
  return { scores, seconds: (performance.now() - started) / 1000, gold, predicted, results: docs };
}

export interface GepadeEvaluation {
  scores: GepadeScores;
  seconds: number;
  gold: GepadeGoldDoc[];
  results: GepadeDocResult[];
}

export function evaluateGepade(
  dir: string,
  options: { limit?: number; analyzer?: Analyzer } = {},
): GepadeEvaluation {
  const started = performance.now();
  const analyzer = options.analyzer ?? lautAnalyzer;
  const gold = readGepadeDir(dir, options.limit);
  const { scores, docs } = scoreGepade(
    gold.map((doc) => ({
      name: doc.name,
      gold: doc.gold,
      predicted: gepadeFromAnalysis(analyzer(doc.text, doc.name), doc.cover),
    })),
  );
  return { scores, seconds: (performance.now() - started) / 1000, gold, results: docs };
}

export interface NerEvaluation {
  scores: NerScores;
  seconds: number;
}

export function evaluateNer(
  path: string,
  options: { limit?: number; analyzer?: Analyzer } = {},
): NerEvaluation {
  const started = performance.now();
  const analyzer = options.analyzer ?? lautAnalyzer;
  const sentences = readGermEval(path, options.limit);
  const scores = scoreNer(
    sentences.map((s, i) => {
      const { text, cover } = sentenceText(s.tokens);
      return { gold: s.gold, predicted: nerFromAnalysis(analyzer(text, `sentence ${i + 1}`), cover) };
    }),
  );
  return { scores, seconds: (performance.now() - started) / 1000 };
}
