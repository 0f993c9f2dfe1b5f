/**
 * Cues: the words that mark speech. A reporting verb with its separated particle ("teilte … mit"),
 * "so" after a comma ("…, so Kirby weiter"), and source cues: "laut X", "nach Angaben X",
 * "X zufolge". Each finder reads the token table at one position and answers with the cue span.
 */
import type { Cue, Medium, Sentence } from "../doc.js";
import { lexKey, readLines } from "../lang/de/data.js";
import { lookupReportingVerbByKey, lookupSpeechNoun, type VerbEntry } from "../lang/de/lexicon.js";
import { type Phrase, phraseAt, type Words } from "./phrases.js";

/** Nouns after "nach" that make it name a source: "nach Angaben der Polizei", "nach Aussagen von Zeugen". */
const SOURCE_NOUNS = readLines("source-nouns.txt").map(lexKey);
const SOURCE_AFTER_NACH = new Set(SOURCE_NOUNS);

export interface CueMatch {
  cue: Cue;
  lemma: string;
  medium: Medium;
  /** "heißt es", "verlautete": no one speaks in the clause; a document or place may be named */
  impersonal?: boolean;
}

/** A cue at token t: a reporting verb (with its separated particle, if any) or "so" after a comma. */
export function cueAt(w: Words, t: number, limit: number): CueMatch | null {
  if (!w.isWord(t)) return null;
  // "…, so Kirby weiter": "so" after a comma and before a phrase
  if (w.key(t) === "so" && w.isPunct(t - 1, ",") && phraseAt(w, t + 1, limit)) return soCue(w, t);
  if (!w.isReportingVerb(t)) return null;
  const entries = lookupReportingVerbByKey(w.key(t));
  if (!entries) return null;
  const span = { start: w.start(t), end: w.end(t) };
  for (const entry of entries) {
    if (!needsParticle(w.key(t), entry))
      return {
        cue: { ...span, parts: [span], lemma: entry.lemma },
        lemma: entry.lemma,
        medium: entry.medium,
        impersonal: entry.category === "impersonal",
      };
    const particle = findParticle(w, t + 1, limit, entry);
    if (particle >= 0) {
      const part = { start: w.start(particle), end: w.end(particle) };
      return {
        cue: { ...span, parts: [span, part], lemma: entry.lemma },
        lemma: entry.lemma,
        medium: entry.medium,
        impersonal: entry.category === "impersonal",
      };
    }
  }
  return null;
}

export function soCue(w: Words, t: number): CueMatch {
  const span = { start: w.start(t), end: w.end(t) };
  return { cue: { ...span, parts: [span], lemma: "so" }, lemma: "so", medium: "speech_writing" };
}

/**
 * A source cue: "laut der Polizei", "gemäß der Mitteilung", "nach Angaben des Ministeriums" (the
 * source follows), "den USA zufolge" (it precedes). Returns the cue, the source phrase and the token
 * range of both, which the message leaves out.
 */
export function sourceCueAt(
  w: Words,
  t: number,
  s: Sentence,
  phrases: Phrase[],
): { cue: Cue; speaker: Phrase; range: { first: number; end: number } } | null {
  if (!w.isWord(t)) return null;
  const key = w.key(t);
  const span = { start: w.start(t), end: w.end(t) };
  if (key === "zufolge") {
    const speaker = phrases.find((p) => p.end === t);
    if (!speaker || speaker.kind === "pronoun") return null;
    return {
      cue: { ...span, parts: [span], lemma: key },
      speaker,
      range: { first: speaker.first, end: t + 1 },
    };
  }
  // "Seiner Meinung nach", "dem Vernehmen nach": "nach" after its source noun; before a noun phrase
  // it is a preposition again ("die Frage nach ihrer Kompetenz")
  if (key === "nach" && !phraseAt(w, t + 1, s.endToken, false)) {
    const before = phrases.find((p) => p.end === t);
    if (before && before.det !== "" && before.kind === "noun" && isSourceNoun(w, before.headEnd - 1))
      return {
        cue: { ...span, parts: [span], lemma: key },
        speaker: before,
        range: { first: before.first, end: t + 1 },
      };
  }
  if (key !== "laut" && key !== "gemäss" && key !== "seitens" && key !== "vonseiten" && key !== "nach")
    return null;
  if (key === "laut" && w.isCapitalised(t) && t !== s.firstToken) return null;
  const speaker = sourcePhraseAfter(w, t + 1, s.endToken);
  if (!speaker || speaker.kind === "pronoun") return null;
  // "nach" is mostly about place and time; it names a source only before a speech noun
  if (key === "nach" && !isSourceNoun(w, speaker.headEnd - 1)) return null;
  return { cue: { ...span, parts: [span], lemma: key }, speaker, range: { first: t, end: speaker.end } };
}

/** The source after "laut"/"nach", adjectives without article included: "nach ersten Angaben der Polizei". */
function sourcePhraseAfter(w: Words, from: number, limit: number): Phrase | null {
  const direct = phraseAt(w, from, limit);
  if (direct) return direct;
  let j = from;
  while (
    j < limit &&
    j < from + 3 &&
    w.isWord(j) &&
    !w.isCapitalised(j) &&
    !w.is(j, "prep") &&
    !w.is(j, "conj")
  )
    j++;
  if (j === from) return null;
  const p = phraseAt(w, j, limit);
  return p ? { ...p, first: from } : null;
}

/** A speech noun, also as the tail of a compound: "Angaben", "Polizeiangaben", "Zeugenaussagen". */
function isSourceNoun(w: Words, t: number): boolean {
  const key = w.key(t);
  if (SOURCE_AFTER_NACH.has(key) || lookupSpeechNoun(w.word(t)) !== undefined) return true;
  for (const noun of SOURCE_NOUNS) if (key.length > noun.length + 2 && key.endsWith(noun)) return true;
  return false;
}

function needsParticle(form: string, entry: VerbEntry): boolean {
  return entry.particle !== null && entry.particle !== "" && !form.startsWith(entry.particle);
}

function findParticle(w: Words, from: number, limit: number, entry: VerbEntry): number {
  for (let t = from; t < limit; t++) {
    if (w.isPunct(t, ",;:") || w.isQuoteMark(t)) return -1;
    if (w.key(t) === entry.particle) return t;
  }
  return -1;
}

/**
 * A speech noun whose content follows after a comma: "Behauptungen …, die Ukraine wolle …",
 * "der Vorwurf, er habe …". The noun phrase (with adjectives before it) is the source, as the
 * WikiNews annotation draws it; the content clause is checked by the indirect-speech stage.
 */
export function speechNounEvent(
  w: Words,
  t: number,
  s: Sentence,
  phrases: Phrase[],
): { cue: Cue; speaker: Phrase } | null {
  if (!w.isCapitalised(t) || lookupSpeechNoun(w.word(t)) === undefined) return null;
  const phrase = phrases.find((p) => p.headFirst <= t && t < p.headEnd);
  if (!phrase) return null;
  // the content clause opens at a comma right after the phrase or after one verb form
  let comma = phrase.end;
  if (!w.isPunct(comma, ",") && comma + 1 < s.endToken && !w.isCapitalised(comma)) comma++;
  if (!w.isPunct(comma, ",") || comma + 1 >= s.endToken) return null;
  // adjectives before an article-less noun belong to it: "russische Behauptungen"
  let first = phrase.first;
  while (
    first > s.firstToken &&
    phrase.det === "" &&
    w.isWord(first - 1) &&
    !w.isCapitalised(first - 1) &&
    !w.is(first - 1, "prep") &&
    !w.is(first - 1, "conj") &&
    first > phrase.first - 3
  )
    first--;
  const span = { start: w.start(t), end: w.end(t) };
  return { cue: { ...span, parts: [span], lemma: lexKey(w.word(t)) }, speaker: { ...phrase, first } };
}
