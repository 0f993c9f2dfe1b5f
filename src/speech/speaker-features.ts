/**
 * What laut looks at when it decides which phrase of a clause speaks for a reporting verb, as a
 * fixed set of binary features, and the learned linear weights that score them
 * (models/speaker-ranker.json, trained by scripts/train-speaker.mjs). The features that fire are
 * written as indices into a caller's Int32Array, so scoring a candidate allocates nothing.
 */
import { readFileSync } from "node:fs";
import { LautError } from "../errors.js";
import { lookupSpeechNoun } from "../lang/de/lexicon.js";
import type { Phrase, Words } from "./phrases.js";

/** Feature names in vector order; the weights file is keyed by them. */
export const SPEAKER_FEATURES = [
  "bias",
  "kind:person",
  "kind:pronoun",
  "kind:role",
  "kind:org",
  "kind:place",
  "kind:noun",
  "entity:PER",
  "entity:ORG",
  "entity:LOC",
  "entity:OTH",
  "has-name",
  "prefield",
  "prefield:pronoun",
  "prefield:noun",
  "subordinate-first",
  "right-after-verb",
  "right-after-verb:pronoun",
  "right-after-verb:noun",
  "after-verb",
  "inverted",
  "dist:0",
  "dist:1-2",
  "dist:3-5",
  "dist:6+",
  "det:none",
  "det:der",
  "det:die",
  "det:das",
  "det:den-plural",
  "det:indefinite",
  "det:other",
  "prep-before",
  "comma-before",
  "clause-start",
  "followed-by-comma",
  "followed-by-verb",
  "speech-noun-head",
  "plural",
  "len:1",
  "len:2-3",
  "len:4+",
  "pronoun:es-man",
  "bare-word-at-clause-start",
  "prefield-taken",
] as const;

export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number];
export const SPEAKER_FEATURE_COUNT = SPEAKER_FEATURES.length;
const F = Object.fromEntries(SPEAKER_FEATURES.map((name, i) => [name, i])) as Record<SpeakerFeature, number>;

/** Where the clause around a reporting verb stands; computed once per verb, not per candidate. */
export interface SpeakerClause {
  verb: number;
  clauseStart: number;
  /** the verb follows a comma and its subject follows the verb ("…, berichtet der Independent") */
  inverted: boolean;
  /** a verb-final clause opened by a conjunction ("Wie die Firma mitteilte") */
  subordinate: boolean;
  /** some candidate stands in the prefield, so a phrase after the verb is more likely an object */
  prefieldTaken: boolean;
}

const KIND_FEATURE: Record<Phrase["kind"], number> = {
  person: F["kind:person"],
  pronoun: F["kind:pronoun"],
  role: F["kind:role"],
  org: F["kind:org"],
  place: F["kind:place"],
  noun: F["kind:noun"],
};
const ENTITY_FEATURE: Record<string, number> = {
  PER: F["entity:PER"],
  ORG: F["entity:ORG"],
  LOC: F["entity:LOC"],
  OTH: F["entity:OTH"],
};
const INDEFINITE = new Set(["ein", "eine", "einer", "eines"]);

/**
 * The features of candidate `p` for the verb of `clause`. Every feature is binary, so only the
 * indices of those that fire are written to `active` (at least SPEAKER_FEATURE_COUNT long);
 * returns how many.
 * `entityType` is the registry's type for a plain noun that names a known entity, else null.
 */
export function speakerFeatures(
  w: Words,
  p: Phrase,
  clause: SpeakerClause,
  entityType: string | null,
  active: Int32Array,
): number {
  let n = 0;
  const { verb, clauseStart } = clause;
  active[n++] = F.bias;
  active[n++] = KIND_FEATURE[p.kind];
  if (entityType !== null) {
    const e = ENTITY_FEATURE[entityType];
    if (e !== undefined) active[n++] = e;
  }
  if (p.nameFirst >= 0) active[n++] = F["has-name"];
  const noun = p.kind === "noun" ? 1 : 0;
  const pronoun = p.kind === "pronoun" ? 1 : 0;
  if (isPrefield(w, p, clause)) {
    active[n++] = F.prefield;
    if (pronoun === 1) active[n++] = F["prefield:pronoun"];
    if (noun === 1) active[n++] = F["prefield:noun"];
  } else {
    if (clause.prefieldTaken) active[n++] = F["prefield-taken"];
    if (clause.subordinate && p.first === clauseStart + 1) active[n++] = F["subordinate-first"];
  }
  if (p.first === verb + 1) {
    active[n++] = F["right-after-verb"];
    if (pronoun === 1) active[n++] = F["right-after-verb:pronoun"];
    if (noun === 1) active[n++] = F["right-after-verb:noun"];
  }
  const after = p.first > verb;
  if (after) active[n++] = F["after-verb"];
  if (clause.inverted) active[n++] = F.inverted;
  const distance = after ? p.first - verb - 1 : verb - p.end;
  active[n++] =
    distance <= 0
      ? F["dist:0"]
      : distance <= 2
        ? F["dist:1-2"]
        : distance <= 5
          ? F["dist:3-5"]
          : F["dist:6+"];
  const det = p.det;
  active[n++] =
    det === ""
      ? F["det:none"]
      : det === "der"
        ? F["det:der"]
        : det === "die"
          ? F["det:die"]
          : det === "das"
            ? F["det:das"]
            : det === "den"
              ? F["det:den-plural"]
              : INDEFINITE.has(det)
                ? F["det:indefinite"]
                : F["det:other"];
  const before = p.first - 1;
  if (w.is(before, "prep") || w.is(before, "prepdet")) active[n++] = F["prep-before"];
  if (w.isPunct(before, ",")) active[n++] = F["comma-before"];
  if (p.first === clauseStart) active[n++] = F["clause-start"];
  if (w.isPunct(p.end, ",") || w.isPunct(p.end - 1, ",")) active[n++] = F["followed-by-comma"];
  if (isVerbLike(w, p.end)) active[n++] = F["followed-by-verb"];
  if (p.kind !== "pronoun" && lookupSpeechNoun(w.word(p.headEnd - 1)) !== undefined)
    active[n++] = F["speech-noun-head"];
  if (p.gender === "p") active[n++] = F.plural;
  const length = p.end - p.first;
  active[n++] = length <= 1 ? F["len:1"] : length <= 3 ? F["len:2-3"] : F["len:4+"];
  if (pronoun === 1) {
    const key = w.key(p.first);
    if (key === "es" || key === "man") active[n++] = F["pronoun:es-man"];
  }
  // a capitalised word alone at the clause start is as often an adverb ("Insbesondere", "Aktuell")
  if (noun === 1 && det === "" && length === 1 && p.first === clauseStart)
    active[n++] = F["bare-word-at-clause-start"];
  return n;
}

/** The phrase opens the clause right before the finite verb ("Die «New York Times» hatte"). */
export function isPrefield(w: Words, p: Phrase, clause: SpeakerClause): boolean {
  return p.first === clause.clauseStart && (p.end === clause.verb || isVerbLike(w, p.end));
}

/** A lower-case word that is not a function word: most often the finite verb in second position. */
export function isVerbLike(w: Words, t: number): boolean {
  return (
    w.isWord(t) &&
    !w.isCapitalised(t) &&
    !w.is(t, "prep") &&
    !w.is(t, "prepdet") &&
    !w.is(t, "det") &&
    !w.is(t, "conj") &&
    !w.is(t, "adv") &&
    !w.is(t, "pron")
  );
}

/** The learned ranker: a weight per feature; a candidate speaks when its score beats `threshold`. */
export interface SpeakerModel {
  weights: Float64Array;
  threshold: number;
}

/** Weights by feature name as the training script writes them; unknown names are an error. */
export function speakerModelFrom(json: {
  weights: Record<string, number>;
  threshold?: number;
}): SpeakerModel {
  const weights = new Float64Array(SPEAKER_FEATURE_COUNT);
  for (const [name, value] of Object.entries(json.weights)) {
    const i = (F as Record<string, number | undefined>)[name];
    // a weights file from another feature set would score nonsense silently
    if (i === undefined) throw new LautError("E_INTERNAL", `speaker model: unknown feature "${name}"`);
    weights[i] = value;
  }
  return { weights, threshold: json.threshold ?? 0 };
}

// resolves the same from src/speech/ (tests) and dist/speech/ (the built CLI)
const MODEL_URL = new URL("../../models/speaker-ranker.json", import.meta.url);

/** The shipped model, read once at module load. */
export const SPEAKER_MODEL: SpeakerModel = speakerModelFrom(JSON.parse(readFileSync(MODEL_URL, "utf8")));

/** The score of the first `count` active features of a candidate. */
export function scoreSpeaker(model: SpeakerModel, active: Int32Array, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += model.weights[active[i] as number] as number;
  return sum;
}

/** Training hook: sees every candidate `subjectOf` scores. Null in normal runs. */
export type SpeakerTrace = (w: Words, verb: number, p: Phrase, active: Int32Array, count: number) => void;
let trace: SpeakerTrace | null = null;
export function setSpeakerTrace(fn: SpeakerTrace | null): void {
  trace = fn;
}
export function speakerTrace(): SpeakerTrace | null {
  return trace;
}
