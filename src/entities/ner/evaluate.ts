/**
 * Honest scores for the recogniser: every sentence is scored by a model that never saw it.
 * Cross-validation trains k models, each on the other folds (plus optional extra corpora) and
 * scores the held-out fold; hold-out trains on one split and scores another. Predictions are made
 * either on the gold tokens (the model alone) or on laut's own tokenisation of the sentence text
 * (what the pipeline sees), mapped back to the gold tokens for the strict metric.
 */
import { Doc, type Name } from "../../doc.js";
import {
  type Chunk,
  chunksFromMentions,
  type NerScores,
  scoreNer,
  sentenceText,
} from "../../eval/germeval.js";
import { paragraphStage } from "../../text/paragraphs.js";
import { sentenceStage } from "../../text/sentences.js";
import { tokenStage } from "../../text/tokenize.js";
import { viewStage } from "../../text/view.js";
import type { TaggedSentence } from "./corpora.js";
import { FeatureExtractor } from "./features.js";
import { assignFolds } from "./folds.js";
import { chunksOfTags, LABELS } from "./labels.js";
import type { NerModel } from "./model.js";
import { joinTokens, MAX_SENTENCE, NameScorer } from "./scorer.js";
import { NameRecogniser } from "./stage.js";
import { type TrainOptions, trainingSentence, trainNer } from "./train.js";

export type Tokenisation = "gold" | "laut";

export interface NerValidation {
  mode: string;
  tokenisation: Tokenisation;
  scores: NerScores;
  /** training sentences per model (mean over folds) */
  trainSentences: number;
  seconds: number;
}

const asChunks = (chunks: readonly { start: number; end: number; label: number }[]): Chunk[] =>
  chunks.map((c) => ({ start: c.start, end: c.end, label: LABELS[c.label] as string }));

/** A way of predicting the chunks of a gold-tokenised sentence with one model. */
type Predictor = (tokens: readonly string[]) => Chunk[];

function goldTokenPredictor(model: NerModel): Predictor {
  const scorer = new NameScorer(model);
  const tags = new Uint8Array(MAX_SENTENCE);
  return (tokens) => {
    const { text, starts, ends } = joinTokens(tokens);
    const chunks: Chunk[] = [];
    for (let from = 0; from < tokens.length; from += MAX_SENTENCE) {
      const n = Math.min(MAX_SENTENCE, tokens.length - from);
      model.decodeScores(scorer.emissions(text, starts, ends, from, n), n, tags);
      for (const c of asChunks(chunksOfTags(tags, n)))
        chunks.push({ ...c, start: c.start + from, end: c.end + from });
    }
    return chunks;
  };
}

const TEXT_STAGES = [viewStage, tokenStage, paragraphStage, sentenceStage];

/** The sentence's text as laut tokenises and splits it, names mapped back onto the gold tokens. */
function lautTokenPredictor(model: NerModel): Predictor {
  const recogniser = new NameRecogniser(model);
  return (tokens) => {
    const { text, cover } = sentenceText(tokens);
    const doc = new Doc(text);
    for (const stage of TEXT_STAGES) stage.run(doc);
    const names: Name[] = [];
    for (const s of doc.get("sentences")) recogniser.recognise(doc, s.firstToken, s.endToken, names);
    return chunksFromMentions(
      names.map((n) => ({ start: n.start, end: n.end, label: labelOfName(n) })),
      cover,
    );
  };
}

export const labelOfName = (name: Pick<Name, "type" | "kind">): string =>
  name.kind === "name" ? name.type : `${name.type}${name.kind}`;

export function predictor(model: NerModel, tokenisation: Tokenisation): Predictor {
  return tokenisation === "gold" ? goldTokenPredictor(model) : lautTokenPredictor(model);
}

const goldChunks = (s: TaggedSentence): Chunk[] => asChunks(chunksOfTags(s.tags));

export function trainOnTagged(sentences: readonly TaggedSentence[], options: TrainOptions): NerModel {
  const extractor = new FeatureExtractor(options.buckets);
  return trainNer(
    sentences.map((s) => trainingSentence(extractor, s.tokens, s.tags)),
    options,
  ).compact(true);
}

export function crossValidate(
  gold: readonly TaggedSentence[],
  extra: readonly TaggedSentence[],
  k: number,
  options: TrainOptions & {
    tokenisation?: Tokenisation;
    /** after each fold: which gold sentences it trained on and which it scored (indices into gold) */
    onFold?: (fold: number, seconds: number, split: { trained: number[]; scored: number[] }) => void;
  },
): NerValidation {
  const started = performance.now();
  const tokenisation = options.tokenisation ?? "gold";
  const folds = assignFolds(
    gold.map((s) => s.block),
    k,
  );
  const predicted: Chunk[][] = new Array(gold.length);
  let trained = 0;
  for (let fold = 0; fold < k; fold++) {
    const foldStarted = performance.now();
    const split = { trained: [] as number[], scored: [] as number[] };
    for (let i = 0; i < folds.length; i++) (folds[i] === fold ? split.scored : split.trained).push(i);
    const training = [...split.trained.map((i) => gold[i] as TaggedSentence), ...extra];
    trained += training.length;
    const predict = predictor(trainOnTagged(training, options), tokenisation);
    for (const i of split.scored) predicted[i] = predict((gold[i] as TaggedSentence).tokens);
    options.onFold?.(fold, (performance.now() - foldStarted) / 1000, split);
  }
  return {
    mode: `${k}-fold cross-validation`,
    tokenisation,
    scores: scoreNer(gold.map((s, i) => ({ gold: goldChunks(s), predicted: predicted[i] ?? [] }))),
    trainSentences: Math.round(trained / k),
    seconds: (performance.now() - started) / 1000,
  };
}

export function holdOut(
  training: readonly TaggedSentence[],
  test: readonly TaggedSentence[],
  options: TrainOptions & { tokenisation?: Tokenisation },
): NerValidation {
  const started = performance.now();
  const tokenisation = options.tokenisation ?? "gold";
  const predict = predictor(trainOnTagged(training, options), tokenisation);
  return {
    mode: "hold-out",
    tokenisation,
    scores: scoreNer(test.map((s) => ({ gold: goldChunks(s), predicted: predict(s.tokens) }))),
    trainSentences: training.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The shipped model's `names` layer, through laut's tokenizer, on a GermEval file. */
export function evaluateShippedModel(sentences: readonly TaggedSentence[], model: NerModel): NerValidation {
  const started = performance.now();
  const predict = predictor(model, "laut");
  return {
    mode: "shipped model",
    tokenisation: "laut",
    scores: scoreNer(sentences.map((s) => ({ gold: goldChunks(s), predicted: predict(s.tokens) }))),
    trainSentences: Number(model.card.sentences ?? 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Did the model train on this file? Compared by content, so a renamed copy is caught too. */
export function modelSawFile(model: NerModel, sha256: string): boolean {
  const trainedOn = model.card.trainedOn;
  return Array.isArray(trainedOn) && trainedOn.some((t) => (t as { sha256?: unknown }).sha256 === sha256);
}
