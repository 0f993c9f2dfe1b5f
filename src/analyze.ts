/**
 * The default German news pipeline and the library entry point `analyze(text, options)`.
 * Stage order is data, checked by Pipeline at module load: text → speech (entities for now come
 * from the speakers the speech stage finds; the trained recogniser adds a `names` layer beside them).
 */
import { type Analysis, toAnalysis } from "./analysis.js";
import { claimStage } from "./claims/stage.js";
import { Doc } from "./doc.js";
import { nameStage } from "./entities/ner/stage.js";
import { Pipeline } from "./pipeline.js";
import { attributionStage } from "./speech/attribution.js";
import { speechEventStage } from "./speech/events/stage.js";
import { quoteMarkStage } from "./speech/quote-marks.js";
import { quotedStage } from "./speech/quoted.js";
import { paragraphStage } from "./text/paragraphs.js";
import { sentenceStage } from "./text/sentences.js";
import { tokenStage } from "./text/tokenize.js";
import { viewStage } from "./text/view.js";

export const defaultPipeline = new Pipeline([
  viewStage,
  tokenStage,
  paragraphStage,
  sentenceStage,
  speechEventStage,
  quoteMarkStage,
  quotedStage,
  attributionStage,
  claimStage,
]);

/**
 * The default pipeline plus the trained name recogniser. Opt-in for now: it costs about half the
 * pipeline's time again and reaches 62 F1 (docs/STATUS.md); with it, every name becomes an entity.
 */
export const namesPipeline = new Pipeline([
  viewStage,
  tokenStage,
  paragraphStage,
  sentenceStage,
  nameStage,
  speechEventStage,
  quoteMarkStage,
  quotedStage,
  attributionStage,
  claimStage,
]);

export interface AnalyzeOptions {
  /** where the text came from (file name, URL), echoed in `source.name` */
  name?: string;
  format?: "text" | "html";
  /** encoding the input bytes were decoded from, echoed in `source.encoding` */
  encoding?: string;
  /** false keeps the stages' hand-set confidence instead of the calibrated one (for calibrating) */
  calibrated?: boolean;
  /** also run the trained name recogniser: the Analysis gets `names` */
  names?: boolean;
}

/** Run the pipeline and keep the Doc (for renderers and tests that want the layers). */
export function analyzeDoc(text: string, options: AnalyzeOptions = {}): Doc {
  const doc = new Doc(text, { ...options });
  return (options.names ? namesPipeline : defaultPipeline).run(doc);
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return toAnalysis(analyzeDoc(text, options));
}
