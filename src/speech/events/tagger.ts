/**
 * The two taggers over token indices. The cue tagger labels every word O, B (the first token of
 * a cue) or I (a later cue token: "hält … Rede", "machen … deutlich"); an I joins the nearest B
 * before it in its sentence. The role tagger then labels, for one cue at a time, the tokens of
 * its sentence (within a window) O, Source, Message, Addr, Topic, Evidence, Medium or PTC
 * (the particle or reflexive of the cue verb: "fordern … auf", "vergegenwärtigt sich"), left to
 * right, each decision seeing the one before.
 */
import {
  type CueContext,
  cueContext,
  cueFeatures,
  isWordShape,
  MAX_FEATURES,
  ROLE_WINDOW,
  roleFeatures,
  type TokenFacts,
} from "./features.js";
import { CUE_CANDIDATE } from "./lexicon.js";
import { CueLabel, ROLE_LABELS, type RoleLabel } from "./model.js";
import { argmax, type Weights } from "./perceptron.js";

const MESSAGE = ROLE_LABELS.indexOf("Message");

export interface SentenceRange {
  /** token range [first, end) */
  first: number;
  end: number;
}

/** One speech event as token indices (ascending). */
export interface EventTokens {
  cue: number[];
  roles: Record<Exclude<RoleLabel, "O">, number[]>;
  /** the cue tagger's confidence, 0..1 */
  score: number;
  sentence: number;
}

export const emptyEventRoles = (): EventTokens["roles"] => ({
  Source: [],
  Message: [],
  Addr: [],
  Topic: [],
  Evidence: [],
  Medium: [],
  PTC: [],
});

/** Scratch buffers, one set per tagging run. */
export class Scratch {
  readonly features = new Int32Array(MAX_FEATURES);
  readonly scores = new Float32Array(ROLE_LABELS.length);
}

/** Decides a label for an example; training passes a function that also learns from it. */
export type Decide = (features: Int32Array, count: number, token: number) => number;

/** Cue labels of the words of one sentence into `labels`. */
export function labelCues(
  f: TokenFacts,
  s: SentenceRange,
  decide: Decide,
  scratch: Scratch,
  labels: Uint8Array,
): void {
  for (let i = s.first; i < s.end; i++) {
    if (((f.classes[i] as number) & CUE_CANDIDATE) === 0) {
      labels[i] = CueLabel.O;
      continue;
    }
    const n = cueFeatures(f, i, s.first, s.end, scratch.features);
    labels[i] = decide(scratch.features, n, i);
  }
}

/** Groups cue labels of one sentence into cues: each B opens one, each I joins the last B before it. */
export function groupCues(labels: Uint8Array, s: SentenceRange): number[][] {
  const cues: number[][] = [];
  let open: number[] | null = null;
  for (let i = s.first; i < s.end; i++) {
    const label = labels[i];
    if (label === CueLabel.B || (label === CueLabel.I && open === null)) {
      open = [i];
      cues.push(open);
    } else if (label === CueLabel.I) (open as number[]).push(i);
  }
  return cues;
}

/**
 * Role labels for one cue over its window (its sentence and the next, at most ROLE_WINDOW tokens
 * either side); `labels` is indexed by token.
 */
export function labelRoles(
  f: TokenFacts,
  s: SentenceRange,
  next: SentenceRange | undefined,
  cueTokens: readonly number[],
  decide: Decide,
  scratch: Scratch,
  labels: Uint8Array,
): CueContext {
  const cue = cueTokens[0] as number;
  const first = Math.max(s.first, cue - ROLE_WINDOW);
  const end = Math.min(next?.end ?? s.end, cue + ROLE_WINDOW + 1);
  const context = cueContext(f, cue, first, end, s.end);
  const cueWord = f.word[cue] as number;
  let previous = 0;
  let messageRunsOn = false;
  for (let j = first; j < end; j++) {
    if (j === s.end && !messageRunsOn) {
      // a message may run on into the next sentence ("Ich sage Ihnen: … . …"), nothing else does
      for (let k = j; k < end; k++) labels[k] = 0;
      break;
    }
    if (cueTokens.includes(j)) {
      labels[j] = 0;
      previous = ROLE_LABELS.length;
      continue;
    }
    const n = roleFeatures(f, context, j, previous, cueWord, scratch.features);
    const label = decide(scratch.features, n, j);
    labels[j] = label;
    previous = label;
    if (isWordShape(f.shape[j] as number)) messageRunsOn = label === MESSAGE;
  }
  return context;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Finds the speech events of a document with trained weights. */
export function tagEvents(
  f: TokenFacts,
  sentences: readonly SentenceRange[],
  cueWeights: Weights,
  roleWeights: Weights,
  marginScale = 1,
): EventTokens[] {
  const scratch = new Scratch();
  const n = f.word.length;
  const cueLabels = new Uint8Array(n);
  const margins = new Float64Array(n);
  const decideCue = cueDecider(cueWeights, scratch, margins);
  const decideRole: Decide = (features, count) => argmax(roleWeights, features, count, scratch.scores);
  const roleLabels = new Uint8Array(n);
  const events: EventTokens[] = [];
  sentences.forEach((s, si) => {
    labelCues(f, s, decideCue, scratch, cueLabels);
    for (const cue of groupCues(cueLabels, s)) {
      const context = labelRoles(f, s, sentences[si + 1], cue, decideRole, scratch, roleLabels);
      const roles = emptyEventRoles();
      for (let j = context.first; j < context.end; j++) {
        const label = roleLabels[j] as number;
        if (label !== 0) roles[ROLE_LABELS[label] as Exclude<RoleLabel, "O">].push(j);
      }
      events.push({
        cue,
        roles,
        score: logistic((margins[cue[0] as number] as number) / marginScale),
        sentence: si,
      });
    }
  });
  return events;
}

/** Cue decisions that also record, per token, how far the chosen label beat the next best. */
export function cueDecider(cueWeights: Weights, scratch: Scratch, margins: Float64Array): Decide {
  return (features, count, token) => {
    const best = argmax(cueWeights, features, count, scratch.scores);
    if (best !== CueLabel.O) {
      let other = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < cueWeights.classes; c++)
        if (c !== best && (scratch.scores[c] as number) > other) other = scratch.scores[c] as number;
      margins[token] = (scratch.scores[best] as number) - other;
    }
    return best;
  };
}
