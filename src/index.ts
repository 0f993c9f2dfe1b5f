export {
  type Analysis,
  type AnalysisEntity,
  type AnalysisQuote,
  type AnalysisQuoted,
  SCHEMA_VERSION,
  toAnalysis,
} from "./analysis.js";
export { type AnalyzeOptions, analyze, analyzeDoc, defaultPipeline, namesPipeline } from "./analyze.js";
export * from "./doc.js";
export { ERROR_CODES, type ErrorCode, isLautError, LautError } from "./errors.js";
export { Pipeline, type Stage } from "./pipeline.js";
