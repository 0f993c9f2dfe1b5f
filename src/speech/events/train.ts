/**
 * Training the speech-event taggers from GePaDe-style speeches (token ranges, sentences, events
 * as token ids). Deterministic: speeches are visited in an order drawn from a fixed-seed
 * generator, every loop runs in index order, and the averaged weights depend on nothing else.
 * scripts/train-cues.mjs drives it; tests train on a tiny synthetic set.
 */
import type { GepadeAnnotation, GepadeGoldDoc } from "../../eval/gepade.js";
import { emptyRoles, GEPADE_ROLES } from "../../eval/gepade.js";
import { type TokenFacts, type TokenRun, tokenFacts } from "./features.js";
import { hashRange, tableFrom, WordClass, type WordEntries } from "./lexicon.js";
import { CUE_LABELS, CueLabel, type CueModel, ROLE_LABELS } from "./model.js";
import { PerceptronTrainer, type Weights } from "./perceptron.js";
import {
  cueDecider,
  type Decide,
  labelCues,
  labelRoles,
  Scratch,
  type SentenceRange,
  tagEvents,
} from "./tagger.js";

export interface TrainingSpeech {
  readonly name: string;
  readonly run: TokenRun;
  readonly sentences: readonly SentenceRange[];
  readonly events: readonly GepadeAnnotation[];
}

export interface TrainOptions {
  epochs: number;
  cueBits: number;
  roleBits: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 10, cueBits: 15, roleBits: 14, seed: 20231 };

export function speechFromGepade(doc: GepadeGoldDoc): TrainingSpeech {
  return {
    name: doc.name,
    run: { text: doc.text, length: doc.starts.length, starts: doc.starts, ends: doc.ends },
    sentences: doc.sentences,
    events: doc.gold,
  };
}

/** Sentence index of every token. */
function sentenceOf(speech: TrainingSpeech): Int32Array {
  const out = new Int32Array(speech.run.length).fill(-1);
  speech.sentences.forEach((s, i) => {
    out.fill(i, s.first, s.end);
  });
  return out;
}

/** Gold cue labels per token; a cue token outside its first token's sentence is left O. */
function goldCueLabels(speech: TrainingSpeech, sentence: Int32Array): Uint8Array {
  const labels = new Uint8Array(speech.run.length);
  for (const event of speech.events) {
    const [head, ...rest] = event.cue;
    if (head === undefined) continue;
    labels[head] = CueLabel.B;
    for (const t of rest)
      if (sentence[t] === sentence[head] && labels[t] === CueLabel.O) labels[t] = CueLabel.I;
  }
  return labels;
}

/** Particles first: a token marked as both PTC and Message is the particle. */
const ROLE_PRIORITY = ["PTC", "Source", "Addr", "Topic", "Evidence", "Medium", "Message"] as const;

function goldRoleLabels(event: GepadeAnnotation, labels: Uint8Array): void {
  for (let r = ROLE_PRIORITY.length - 1; r >= 0; r--) {
    const role = ROLE_PRIORITY[r] as (typeof ROLE_PRIORITY)[number];
    const label = ROLE_LABELS.indexOf(role);
    for (const t of event.roles[role]) labels[t] = label;
  }
}

/**
 * Marks the words that are a cue token often enough in training to be worth scoring: at least
 * twice, and in at least one of MIN_CUE_SHARE of their occurrences ("sage" yes, "die" no).
 */
const MIN_CUE_SHARE = 20;

function withSeenCues(lexicon: WordEntries, speeches: readonly TrainingSpeech[]): WordEntries {
  const cue = new Map<number, number>();
  const all = new Map<number, number>();
  const hashOf = (run: TokenRun, t: number) =>
    hashRange(run.text, run.starts[t] as number, run.ends[t] as number);
  for (const { run, events } of speeches) {
    for (let t = 0; t < run.length; t++) {
      const h = hashOf(run, t);
      all.set(h, (all.get(h) ?? 0) + 1);
    }
    for (const event of events)
      for (const t of event.cue) cue.set(hashOf(run, t), (cue.get(hashOf(run, t)) ?? 0) + 1);
  }
  const entries = new Map(lexicon);
  for (const [h, count] of cue) {
    if (count >= 2 && count * MIN_CUE_SHARE >= (all.get(h) as number))
      entries.set(h, (entries.get(h) ?? 0) | WordClass.SeenCue);
  }
  return entries;
}

/** A small linear congruential generator: the same order on every machine and Node version. */
function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

export function trainCueModel(
  speeches: readonly TrainingSpeech[],
  lexicon: WordEntries,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  info: Record<string, unknown> = {},
): CueModel {
  const words = tableFrom(withSeenCues(lexicon, speeches));
  const cueTrainer = new PerceptronTrainer(options.cueBits, CUE_LABELS.length);
  const roleTrainer = new PerceptronTrainer(options.roleBits, ROLE_LABELS.length);
  const prepared = speeches.map((speech) => {
    const sentence = sentenceOf(speech);
    return {
      speech,
      facts: tokenFacts(speech.run, words),
      sentence,
      cueGold: goldCueLabels(speech, sentence),
    };
  });
  const scratch = new Scratch();
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffled(prepared.length, options.seed + epoch)) {
      const { speech, facts, sentence, cueGold } = prepared[index] as (typeof prepared)[number];
      trainSpeech(speech, facts, sentence, cueGold, cueTrainer, roleTrainer, scratch);
    }
  }
  const cue = cueTrainer.averaged();
  return {
    cue,
    role: roleTrainer.averaged(),
    words,
    marginScale: meanCueMargin(prepared, cue, scratch),
    info,
  };
}

/** Mean margin of the cues the final weights find on the training data (1 when they find none). */
function meanCueMargin(
  prepared: readonly { speech: TrainingSpeech; facts: TokenFacts }[],
  cue: Weights,
  scratch: Scratch,
): number {
  let sum = 0;
  let count = 0;
  for (const { speech, facts } of prepared) {
    const margins = new Float64Array(speech.run.length);
    const labels = new Uint8Array(speech.run.length);
    const decide = cueDecider(cue, scratch, margins);
    for (const s of speech.sentences) labelCues(facts, s, decide, scratch, labels);
    for (let t = 0; t < labels.length; t++) {
      if (labels[t] !== CueLabel.O) {
        sum += margins[t] as number;
        count++;
      }
    }
  }
  return count > 0 && sum > 0 ? sum / count : 1;
}

function trainSpeech(
  speech: TrainingSpeech,
  facts: TokenFacts,
  sentence: Int32Array,
  cueGold: Uint8Array,
  cueTrainer: PerceptronTrainer,
  roleTrainer: PerceptronTrainer,
  scratch: Scratch,
): void {
  const labels = new Uint8Array(speech.run.length);
  const learnCue: Decide = (features, count, token) =>
    cueTrainer.learn(features, count, cueGold[token] as number, scratch.scores);
  for (const s of speech.sentences) labelCues(facts, s, learnCue, scratch, labels);
  const roleGold = new Uint8Array(speech.run.length);
  for (const event of speech.events) {
    const head = event.cue[0];
    if (head === undefined) continue;
    const si = sentence[head] as number;
    const s = speech.sentences[si] as SentenceRange;
    roleGold.fill(0);
    goldRoleLabels(event, roleGold);
    const cueTokens = event.cue.filter((t) => sentence[t] === sentence[head]);
    const learnRole: Decide = (features, count, token) =>
      roleTrainer.learn(features, count, roleGold[token] as number, scratch.scores);
    labelRoles(facts, s, speech.sentences[si + 1], cueTokens, learnRole, scratch, labels);
  }
}

/** The model's events on a speech, as GePaDe annotations over the speech's own tokens. */
export function predictSpeech(model: CueModel, speech: TrainingSpeech): GepadeAnnotation[] {
  const facts = tokenFacts(speech.run, model.words);
  return tagEvents(facts, speech.sentences, model.cue, model.role, model.marginScale).map((e) => {
    const roles = emptyRoles();
    for (const role of GEPADE_ROLES) roles[role] = e.roles[role];
    return { cue: e.cue, roles };
  });
}
