/**
 * Finding who speaks around a cue: the subject of a reporting verb in its clause, the phrase right
 * after a cue ("sagte Kirby"), the addressee ("der Zeitung"), and the reference a speaker span
 * makes to an entity.
 */
import type { Sentence, SpeakerRef } from "../doc.js";
import type { EntityRegistry } from "../entities/registry.js";
import { actorScore, type Phrase, phraseAt, type Words } from "./phrases.js";

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
 * The subject of a reporting verb in its clause: the phrase in the prefield when it is an actor,
 * else the one right after the finite verb ("Angesichts … sagte Kirby"), else the best actor in
 * the clause that no preposition governs ("… hatte Pjöngjang zurückgewiesen").
 */
export function subjectOf(
  w: Words,
  verb: number,
  sentence: Sentence,
  phrases: Phrase[],
  registry: EntityRegistry,
): Phrase | null {
  const clauseStart = sentence.firstToken;
  let best: Phrase | null = null;
  let bestScore = 0;
  // "…, berichtet der Independent": a verb right after a comma that closes no apposition is inverted,
  // so its subject follows it
  const inverted = w.isPunct(verb - 1, ",") && !phrases.some((p) => p.end === verb);
  const subordinate = w.is(clauseStart, "conj") && verb > clauseStart + 1;
  // a phrase after the next comma belongs to another clause ("Wie X mitteilte, wird er …")
  let clauseEnd = verb + 1;
  while (clauseEnd < sentence.endToken && !w.isPunct(clauseEnd, ",;:")) clauseEnd++;
  for (const p of phrases) {
    if (p.first >= verb + 6) break;
    if (p.end > verb && p.first < verb) continue;
    if (inverted && p.first < verb) continue;
    if (p.first > clauseEnd) continue;
    const before = p.first - 1;
    if (before >= clauseStart && (w.is(before, "prep") || w.is(before, "prepdet"))) continue;
    if (p.det === "dem" || p.det === "einem" || (p.det === "den" && p.gender !== "p")) continue;
    if (isImpersonal(w, p)) continue;
    let score = actorScore(w, p);
    if (score === 0) continue;
    if (p.kind === "noun" && registry.resolve(p, { create: false }) !== null) score = 3.5;
    // the prefield: a phrase opening the clause right before the finite verb ("Die «New York Times» hatte")
    if (p.first === clauseStart && (p.end === verb || isVerbLike(w, p.end))) score += 2;
    // a verb-final clause after a conjunction starts with its subject: "Wie die Firma am Morgen mitteilte"
    else if (subordinate && p.first === clauseStart + 1) score += 2;
    else if (p.first === verb + 1) score += 1.5;
    score -= Math.abs((p.first < verb ? verb - p.end : p.first - verb) * 0.05);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return bestScore >= 1 ? best : null;
}

/** A plain noun phrase that resolved to a person or organisation the article introduced ("Kirby"). */
export function isKnownActor(ref: SpeakerRef | null, registry: EntityRegistry): boolean {
  const type = ref?.entity != null ? registry.entities[ref.entity]?.type : undefined;
  return type === "PER" || type === "ORG";
}

/** A lower-case word that is not a function word: most often the finite verb in second position. */
function isVerbLike(w: Words, t: number): boolean {
  return (
    w.isWord(t) &&
    !w.isCapitalised(t) &&
    !["prep", "prepdet", "det", "conj", "adv", "pron"].some((c) => w.is(t, c))
  );
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
