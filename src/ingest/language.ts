/**
 * Which language an article is in, by eld's n-gram detector (the "small" database: news-length
 * German is told apart from its neighbours as well as with the large one, at half the memory and
 * a third of the load time). Only German articles are analysed; the rest are recorded as skipped
 * with the detected language and its score.
 */
import type { LanguageVerdict } from "../store/store.js";

// the detector needs no more than the first few paragraphs to be sure, and cost grows with length
const SAMPLE_CHARS = 1_000;

export interface LanguageDetector {
  detect(text: string): LanguageVerdict;
}

let loading: Promise<LanguageDetector> | null = null;

/** The detector, loaded once per thread (the n-gram tables take about half a second). */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= import("eld/small").then(({ eld }) => ({
    detect(text: string): LanguageVerdict {
      const result = eld.detect(text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text);
      const score = result.language ? (result.getScores()[result.language] ?? null) : null;
      return { language: result.language, score: score === null ? null : Math.round(score * 1000) / 1000 };
    },
  }));
  return loading;
}

export const GERMAN = "de";
