/**
 * The framing of a direct quote: where its cue and speaker are. Tried in the order news German
 * uses them:
 *   «…», sagte X.   «…», so X.   «…», hiess es.     (cue after the quote)
 *   X sagte: «…»    Kirby: «…»                      (cue or speaker before a colon)
 *   «…» Das sagte X.                                (cue in the next sentence)
 */
import type { Cue, Medium, Paragraph, Sentence, Span } from "../doc.js";
import type { EntityRegistry } from "../entities/registry.js";
import { lookupCueWord } from "../lang/de/lexicon.js";
import { spanIndexAt } from "../span-index.js";
import { cueAt, soCue } from "./cues.js";
import type { Phrase, Words } from "./phrases.js";
import { addresseeAt, documentSource, isImpersonal, speakerAfter, subjectOf } from "./speakers.js";

export interface Frame {
  cue: Cue | null;
  medium: Medium;
  speaker: Phrase | null;
  addressee: Span | null;
  attribution: string;
  /** the cue is impersonal ("hieß es"): the speaker comes from context, if any */
  impersonal: boolean;
  /** first token after the frame (an interrupted quote may continue there) */
  after: number;
}

/** «…», sagte X. / «…», so X weiter. / «…», hiess es. */
export function frameAfter(
  w: Words,
  from: number,
  sentences: Sentence[],
  si: number,
  phrasesOf: readonly Phrase[][],
): Frame | null {
  let t = from;
  const at = spanIndexAt(sentences, w.start(t));
  const sentence = sentences[at] ?? sentences[si];
  if (!sentence || t >= w.length) return null;
  const limit = sentence.endToken;
  if (w.isPunct(t, ",")) t++;
  const found = cueAt(w, t, limit) ?? (w.key(t) === "so" ? soCue(w, t) : null);
  if (!found) return null;
  let speaker = speakerAfter(w, t + 1, limit);
  // "…», heißt es in der Erklärung": the document speaks
  if (found.impersonal && (!speaker || isImpersonal(w, speaker))) {
    const document = documentSource(w, t, sentence, phrasesOf[at >= 0 ? at : si] ?? []);
    if (document) speaker = document;
  }
  let after = speaker ? Math.max(speaker.end, t + 1) : t + 1;
  let addressee: Span | null = null;
  if (speaker) {
    const a = addresseeAt(w, after, limit);
    if (a) {
      addressee = { start: w.start(a.first), end: w.end(a.end - 1) };
      after = a.end;
    }
  }
  // "so Kirby weiter": the adverb belongs to the frame
  while (after < limit && w.is(after, "adv")) after++;
  const impersonal = speaker !== null && isImpersonal(w, speaker);
  return { cue: found.cue, medium: found.medium, speaker, addressee, attribution: "cue", impersonal, after };
}

/** X sagte: «…» / Dazu sagte Kirby: «…» / Kirby: «…» (headline) */
export function frameBefore(
  w: Words,
  open: number,
  sentence: Sentence,
  paragraph: Paragraph,
  phrases: Phrase[],
  registry: EntityRegistry,
): Frame | null {
  const colon = open - 1;
  if (colon < sentence.firstToken || !w.isPunct(colon, ":")) return null;
  let clauseStart = sentence.firstToken;
  for (let t = colon - 1; t > sentence.firstToken; t--) {
    if (w.isQuoteMark(t) || w.isPunct(t, ".!?;")) {
      clauseStart = t + 1;
      break;
    }
  }
  for (let t = clauseStart; t < colon; t++) {
    const found = cueAt(w, t, colon);
    if (!found) continue;
    const clause = phrases.filter((p) => p.first >= clauseStart && p.end <= colon);
    let speaker = subjectOf(w, t, { ...sentence, firstToken: clauseStart }, clause, registry);
    if (found.impersonal && (!speaker || isImpersonal(w, speaker)))
      speaker =
        documentSource(w, t, { ...sentence, firstToken: clauseStart, endToken: colon }, clause) ?? speaker;
    return {
      cue: found.cue,
      medium: found.medium,
      speaker,
      addressee: null,
      attribution: "colon",
      impersonal: speaker !== null && isImpersonal(w, speaker),
      after: open,
    };
  }
  // headline style: the speaker alone before the colon, perhaps with an adverb ("Koppelin wörtlich:")
  let end = colon;
  while (end - 1 > clauseStart && (w.is(end - 1, "adv") || lookupCueWord(w.word(end - 1))?.kind === "adverb"))
    end--;
  const last = phrases.filter((p) => p.end === end && p.first >= clauseStart).at(-1);
  if (!last) return clauseSubjectBefore(w, clauseStart, colon, open, phrases, registry);
  const headline = paragraph.kind === "title" || paragraph.kind === "heading";
  // in running text, "Kritik:" or "Seine Meinung zu Kirchhoff:" introduce a quote but do not name
  // who speaks; only an actor ("Kirby:", "Die Polizei:") does
  if (
    !headline &&
    (last.kind === "noun" || last.first !== clauseStart) &&
    registry.resolve(last, { create: false }) === null
  )
    return null;
  return {
    cue: null,
    medium: "speech",
    speaker: last,
    addressee: null,
    attribution: headline ? "headline" : "colon",
    impersonal: false,
    after: open,
  };
}

/**
 * "Zypries sieht in dem Urteil eine Bestätigung: «…»": a clause before the colon whose verb is no
 * cue still hands the quote to the actor that opens it.
 */
function clauseSubjectBefore(
  w: Words,
  clauseStart: number,
  colon: number,
  open: number,
  phrases: Phrase[],
  registry: EntityRegistry,
): Frame | null {
  const subject = phrases.find((p) => p.first === clauseStart && p.end < colon);
  if (!subject || isImpersonal(w, subject) || w.isPunct(subject.end, ",")) return null;
  // the verb follows the subject at once in a main clause
  if (!w.isWord(subject.end) || w.isCapitalised(subject.end)) return null;
  const actor =
    subject.kind === "person" ||
    subject.kind === "role" ||
    subject.kind === "org" ||
    subject.kind === "pronoun" ||
    registry.resolve(subject, { create: false }) !== null;
  if (!actor) return null;
  return {
    cue: null,
    medium: "speech",
    speaker: subject,
    addressee: null,
    attribution: "colon",
    impersonal: false,
    after: open,
  };
}

/** «…» Das sagte Kirby am Mittwoch. */
export function frameInNextSentence(
  w: Words,
  sentences: Sentence[],
  si: number,
  paragraph: number,
): Frame | null {
  const next = sentences[si + 1];
  if (!next || next.paragraph !== paragraph) return null;
  const first = next.firstToken;
  if (!["das", "dies", "so"].includes(w.key(first))) return null;
  const found = cueAt(w, first + 1, next.endToken);
  if (!found) return null;
  const speaker = speakerAfter(w, first + 2, next.endToken);
  if (!speaker) return null;
  return {
    cue: found.cue,
    medium: found.medium,
    speaker,
    addressee: null,
    attribution: "cue",
    impersonal: isImpersonal(w, speaker),
    after: first + 2,
  };
}
