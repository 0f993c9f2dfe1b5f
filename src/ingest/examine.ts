/**
 * The CPU-heavy part of ingesting one article, the same inline and in a worker thread: detect the
 * language and, for German, analyse and prepare the rows the store writes.
 */
import { analyze } from "../analyze.js";
import { type PreparedArticle, prepareArticle } from "../store/prepare.js";
import type { LanguageVerdict } from "../store/store.js";
import { GERMAN, type LanguageDetector } from "./language.js";

export interface ExamineInput {
  title: string | null;
  text: string;
  origin: string;
}

export type Examined =
  | { kind: "german"; language: LanguageVerdict; prepared: PreparedArticle }
  | { kind: "foreign"; language: LanguageVerdict }
  | { kind: "failed"; language: LanguageVerdict | null; code: string; message: string };

/** The text the analysis sees: the headline as its own first paragraph, then the body. */
export function analysedText(input: { title: string | null; text: string }): string {
  const title = input.title?.trim();
  return title ? `${title}\n\n${input.text}` : input.text;
}

export function examine(input: ExamineInput, detector: LanguageDetector): Examined {
  let language: LanguageVerdict | null = null;
  try {
    language = detector.detect(input.text);
    if (language.language !== GERMAN) return { kind: "foreign", language };
    const analysis = analyze(analysedText(input), { name: input.origin });
    return { kind: "german", language, prepared: prepareArticle(analysis) };
  } catch (error) {
    const code =
      typeof (error as { code?: unknown })?.code === "string"
        ? (error as { code: string }).code
        : "E_INTERNAL";
    return {
      kind: "failed",
      language,
      code,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
