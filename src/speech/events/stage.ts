/**
 * The `speechEvents` stage: every speech event the learned taggers find, with or without quote
 * marks or a third-person reporting verb ("Ich sage Ihnen ganz deutlich, …", "Wir fordern die
 * Bundesregierung auf, …", "Der Antrag der FDP verlangt …", "die Frage, ob …"). It reads only
 * tokens and sentences, so it is independent of the quote stages; the model loads on first use.
 */
import type { Doc, Span } from "../../doc.js";
import { verbLemmas } from "../../lang/de/verbs.js";
import type { Stage } from "../../pipeline.js";
import { tokenFacts } from "./features.js";
import { type CueModel, loadCueModel } from "./model.js";
import { type EventTokens, type SentenceRange, tagEvents } from "./tagger.js";

/** Role spans of a speech event; each role may be discontinuous, and empty when absent. */
export interface SpeechEventRoles {
  source: Span[];
  message: Span[];
  addressee: Span[];
  topic: Span[];
  evidence: Span[];
  medium: Span[];
  /** the verb particle or reflexive that completes the cue ("auf" of "fordern … auf") */
  particle: Span[];
}

export interface SpeechEvent extends SpeechEventRoles {
  /** the cue words; discontinuous cues ("hält … Rede") list every part */
  cue: { parts: Span[]; lemma: string };
  /** the cue tagger's confidence, 0..1 */
  score: number;
}

export const SPEECH_EVENT_ROLES = [
  ["source", "Source"],
  ["message", "Message"],
  ["addressee", "Addr"],
  ["topic", "Topic"],
  ["evidence", "Evidence"],
  ["medium", "Medium"],
  ["particle", "PTC"],
] as const satisfies readonly (readonly [keyof SpeechEventRoles, keyof EventTokens["roles"]])[];

let model: CueModel | undefined;

/** The shipped model, loaded once; a missing or corrupt file is a LautError. */
export function cueModel(): CueModel {
  model ??= loadCueModel();
  return model;
}

/** Runs of adjacent tokens as spans: tokens 3, 4, 5, 9 become two spans. */
export function tokenSpans(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  tokens: readonly number[],
): Span[] {
  const spans: Span[] = [];
  let runStart = -1;
  let last = -2;
  for (const t of tokens) {
    if (t !== last + 1) {
      if (runStart >= 0) spans.push({ start: starts[runStart] as number, end: ends[last] as number });
      runStart = t;
    }
    last = t;
  }
  if (runStart >= 0) spans.push({ start: starts[runStart] as number, end: ends[last] as number });
  return spans;
}

/** Infinitive of a verb form, "" for other words; memoised, since cue words repeat across articles. */
const INFINITIVES = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

function infinitive(word: string): string {
  let lemma = INFINITIVES.get(word);
  if (lemma === undefined) {
    if (INFINITIVES.size >= MAX_REMEMBERED) INFINITIVES.clear();
    lemma = verbLemmas(word)[0] ?? "";
    INFINITIVES.set(word, lemma);
  }
  return lemma;
}

/** Dictionary form of the cue: the separable or plain infinitive of a verb, else the head word. */
function cueLemma(doc: Doc, head: Span, particle: Span | undefined): string {
  const word = doc.slice(head);
  const lemma = infinitive(word) || undefined;
  if (lemma === undefined) return word;
  if (particle === undefined) return lemma;
  const p = doc.slice(particle).toLowerCase();
  // a reflexive stays apart ("sich vergegenwärtigen" is listed as the verb), a particle joins it
  return p === "sich" ? lemma : p + lemma;
}

export function speechEventsOf(doc: Doc, weights: CueModel = cueModel()): SpeechEvent[] {
  const tokens = doc.get("tokens");
  const sentences: SentenceRange[] = doc
    .get("sentences")
    .map((s) => ({ first: s.firstToken, end: s.endToken }));
  const facts = tokenFacts({ text: doc.text, ...tokens }, weights.words);
  const { starts, ends } = tokens;
  return tagEvents(facts, sentences, weights.cue, weights.role, weights.marginScale).map((e) => {
    const cueParts = tokenSpans(starts, ends, e.cue);
    const roles = {} as SpeechEventRoles;
    for (const [name, label] of SPEECH_EVENT_ROLES) roles[name] = tokenSpans(starts, ends, e.roles[label]);
    const head = e.cue[0] as number;
    return {
      cue: {
        parts: cueParts,
        lemma: cueLemma(doc, { start: starts[head] as number, end: ends[head] as number }, roles.particle[0]),
      },
      ...roles,
      score: e.score,
    };
  });
}

export const speechEventStage: Stage = {
  name: "speechEvents",
  requires: ["tokens", "sentences"],
  assigns: ["speechEvents"],
  run(doc) {
    doc.set("speechEvents", speechEventsOf(doc));
  },
};
