export {
  type Analysis,
  type AnalysisClaim,
  type AnalysisClaimLink,
  type AnalysisEntity,
  type AnalysisEvent,
  type AnalysisName,
  type AnalysisParty,
  type AnalysisQuote,
  type AnalysisQuoted,
  type AnalysisSpeechEvent,
  SCHEMA_VERSION,
  toAnalysis,
} from "./analysis.js";
export { type AnalyzeOptions, analyze, analyzeDoc, defaultPipeline, namesPipeline } from "./analyze.js";
/** claim-versus-denial links between the claims of two Analyses (or within one) */
export { linkClaims } from "./claims/link.js";
export * from "./doc.js";
export { ERROR_CODES, type ErrorCode, isLautError, LautError } from "./errors.js";
export { Pipeline, type Stage } from "./pipeline.js";
