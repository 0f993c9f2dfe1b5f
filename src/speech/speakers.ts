/**
 * Finding who speaks around a cue: the subject of a reporting verb in its clause, the phrase right
 * after a cue ("sagte Kirby"), the addressee ("der Zeitung"), and the reference a speaker span
 * makes to an entity.
 */
import type { Sentence, SpeakerRef } from "../doc.js";
import type { EntityRegistry } from "../entities/registry.js";
import { lexKey, readLines } from "../lang/de/data.js";
import { actorScore, type Phrase, phraseAt, type Words } from "./phrases.js";
import {
  isPrefield,
  SPEAKER_FEATURE_COUNT,
  SPEAKER_MODEL,
  type SpeakerClause,
  scoreSpeaker,
  speakerFeatures,
  speakerTrace,
} from "./speaker-features.js";

/** One candidate's features at a time: subjectOf is not re-entrant, so one buffer serves all calls. */
const ACTIVE = new Int32Array(SPEAKER_FEATURE_COUNT);

export function isImpersonal(w: Words, p: Phrase): boolean {
  return p.kind === "pronoun" && (w.key(p.first) === "es" || w.key(p.first) === "man");
}

/** The speaker right after a cue: "sagte Kirby", "betonte er", "sagte dazu der Minister", "sagte am Mittwoch Kirby". */
export function speakerAfter(w: Words, from: number, limit: number): Phrase | null {
  let t = from;
  for (let guard = 0; guard < 4 && t < limit; guard++) {
    while (t < limit && w.is(t, "adv")) t++;
    if (w.is(t, "prep") || w.is(t, "prepdet")) {
      const pp = phraseAt(w, t + 1, limit, false);
      if (!pp) return null;
      t = pp.end;
      continue;
    }
    return phraseAt(w, t, limit);
  }
  return null;
}

const SOURCE_PREPOSITIONS = new Set(readLines("source-prepositions.txt").map(lexKey));

/**
 * Where an impersonal cue's words come from: "heißt es in der Erklärung", "Aus Paris hieß es",
 * "In dem Antrag heißt es wörtlich". The phrase after a source preposition in the cue's clause,
 * nearest to the cue; the WikiNews annotators mark it as the speaker.
 */
export function documentSource(w: Words, cue: number, sentence: Sentence, phrases: Phrase[]): Phrase | null {
  let first = cue;
  while (first > sentence.firstToken && !w.isPunct(first - 1, ",;:") && !w.isQuoteMark(first - 1)) first--;
  let end = cue + 1;
  while (end < sentence.endToken && !w.isPunct(end, ",;:") && !w.isQuoteMark(end)) end++;
  let best: Phrase | null = null;
  for (const p of phrases) {
    if (p.first <= first || p.end > end) continue;
    if (!SOURCE_PREPOSITIONS.has(w.key(p.first - 1)) || p.kind === "pronoun") continue;
    if (!best || Math.abs(p.first - cue) < Math.abs(best.first - cue)) best = p;
  }
  return best;
}

/** "sagte Kirby der Zeitung", "sagte er gegenüber der dpa". */
export function addresseeAt(w: Words, t: number, limit: number): Phrase | null {
  const key = w.key(t);
  if (key === "gegenüber")
    return (
      phraseAt(w, t + 1, limit, false) && { ...(phraseAt(w, t + 1, limit, false) as Phrase), first: t + 1 }
    );
  if (key === "dem" || key === "der" || key === "einem" || key === "einer") {
    const p = phraseAt(w, t, limit, false);
    if (p && p.kind !== "noun") return p;
  }
  return null;
}

/**
 * The subject of a reporting verb in its clause. Phrases that a preposition or a dative determiner
 * governs, or that lie in another clause, cannot be it; the rest are ranked by the learned linear
 * model (speaker-features.ts), which mostly prefers an actor in the prefield ("Die Firma teilte
 * mit"), then one right after the finite verb ("Angesichts … sagte Kirby"), then any actor in the
 * clause ("… hatte Pjöngjang zurückgewiesen"). None speaks when no score beats the model's gate.
 */
export function subjectOf(
  w: Words,
  verb: number,
  sentence: Sentence,
  phrases: Phrase[],
  registry: EntityRegistry,
): Phrase | null {
  const clauseStart = sentence.firstToken;
  const clause: SpeakerClause = {
    verb,
    clauseStart,
    // "…, berichtet der Independent": a verb right after a comma that closes no apposition is
    // inverted, so its subject follows it
    inverted: w.isPunct(verb - 1, ",") && !phrases.some((p) => p.end === verb),
    subordinate: w.is(clauseStart, "conj") && verb > clauseStart + 1,
    prefieldTaken: false,
  };
  // a phrase after the next comma belongs to another clause ("Wie X mitteilte, wird er …")
  let clauseEnd = verb + 1;
  while (clauseEnd < sentence.endToken && !w.isPunct(clauseEnd, ",;:")) clauseEnd++;
  for (const p of phrases) {
    if (p.first > clauseStart) break;
    if (isPrefield(w, p, clause) && !isImpersonal(w, p) && actorScore(w, p) > 0) clause.prefieldTaken = true;
  }
  // "Die Zeitung berichtete, die Generäle hätten darüber gesprochen": the subject of a verb after a
  // comma is first sought in its own clause (a comma inside an apposition does not count)
  let floor = clauseStart;
  for (let t = verb - 1; t > clauseStart; t--) {
    if (!w.isPunct(t, ",")) continue;
    if (!phrases.some((p) => p.first < t && p.end > t)) floor = t + 1;
    break;
  }
  if (floor > clauseStart) {
    const own = bestSubject(
      w,
      verb,
      { ...clause, clauseStart: floor, inverted: false, subordinate: false, prefieldTaken: false },
      clauseEnd,
      phrases,
      registry,
      floor,
    );
    if (own) return own;
  }
  return bestSubject(w, verb, clause, clauseEnd, phrases, registry, clauseStart);
}

function bestSubject(
  w: Words,
  verb: number,
  clause: SpeakerClause,
  clauseEnd: number,
  phrases: Phrase[],
  registry: EntityRegistry,
  floor: number,
): Phrase | null {
  const clauseStart = clause.clauseStart;
  const trace = speakerTrace();
  let best: Phrase | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of phrases) {
    if (p.first < floor) continue;
    if (p.first >= verb + 6) break;
    if (p.end > verb && p.first < verb) continue;
    if (clause.inverted && p.first < verb) continue;
    if (p.first > clauseEnd) continue;
    const before = p.first - 1;
    if (before >= clauseStart && (w.is(before, "prep") || w.is(before, "prepdet"))) continue;
    if (p.det === "dem" || p.det === "einem" || (p.det === "den" && p.gender !== "p")) continue;
    if (isImpersonal(w, p)) continue;
    // "Gerüchte", "Angaben" report speech; they do not speak
    if (actorScore(w, p) === 0) continue;
    const entity = p.kind === "noun" ? registry.resolve(p, { create: false }) : null;
    const type = entity === null ? null : (registry.entities[entity]?.type ?? null);
    const count = speakerFeatures(w, p, clause, type, ACTIVE);
    if (trace) trace(w, verb, p, ACTIVE, count);
    const score = scoreSpeaker(SPEAKER_MODEL, ACTIVE, count);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return bestScore > SPEAKER_MODEL.threshold ? best : null;
}

/** A plain noun phrase that resolved to a person or organisation the article introduced ("Kirby"). */
export function isKnownActor(ref: SpeakerRef | null, registry: EntityRegistry): boolean {
  const type = ref?.entity != null ? registry.entities[ref.entity]?.type : undefined;
  return type === "PER" || type === "ORG";
}

export function toRef(w: Words, p: Phrase, registry: EntityRegistry, guessPerson = false): SpeakerRef {
  let end = p.end - 1;
  while (end > p.first && w.isPunct(end, ",")) end--;
  return {
    start: w.start(p.first),
    end: w.end(end),
    entity: registry.resolve(p, { create: true, guessPerson }),
  };
}
