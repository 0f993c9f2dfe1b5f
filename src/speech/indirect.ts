/**
 * Indirect speech around a speech event, the first cut (the full treatment is its own work item):
 *   X sagte, die Lieferungen seien getarnt gewesen.     complement after the cue
 *   Die Führung müsse sich an Staaten wenden, so Kirby.  message before "so X"
 *   Den Verlauf würden die Waffen nicht beeinflussen.    a following sentence in the subjunctive
 *                                                        continues the speech (indirect_free_indirect)
 * Partial quotes inside the message belong to the quote, so they are shown as part of it.
 */
import type { Cue, Medium, Quote, Quoted, Sentence, Span, SpeakerRef } from "../doc.js";
import { lexKey, readLines } from "../lang/de/data.js";
import { phraseAt, type Words } from "./phrases.js";

const SUBJUNCTIVE = new Set(readLines("subjunctive-markers.txt").map(lexKey));
const COMPLEMENTISERS = new Set(["dass", "ob"]);
const FINAL = ".!?…";

export interface IndirectEvent {
  sentence: number;
  paragraph: number;
  cue: Cue;
  /** token of the cue word; `so` events have their message before the cue */
  at: number;
  lemma: string;
  speaker: SpeakerRef | null;
  /** first token after the speaker phrase (or after the cue when the speaker precedes it) */
  after: number;
  medium: Medium;
  /** for source cues ("laut X", "X zufolge"): the token range of cue and source, left out of the message */
  source?: { first: number; end: number };
}

/**
 * Is the clause in the subjunctive? Either a listed form (sei, hätten, würde) anywhere, or, right
 * after a cue, a verb in -e after the subject: the third person indicative ends in -t ("bleibt"), Konjunktiv I in
 * -e ("die Strasse bleibe", "er habe").
 */
export function hasSubjunctive(w: Words, first: number, end: number, afterCue = false): boolean {
  for (let t = first; t < end; t++) if (w.isWord(t) && SUBJUNCTIVE.has(w.key(t))) return true;
  // the -e rule is only safe where a cue already announced speech
  if (!afterCue) return false;
  const subject = phraseAt(w, first, end, false);
  if (!subject || subject.end >= end) return false;
  const verb = subject.end;
  const form = w.key(verb);
  return (
    w.isWord(verb) &&
    !w.isCapitalised(verb) &&
    form.length > 3 &&
    form.endsWith("e") &&
    !w.is(verb, "det") &&
    !w.is(verb, "adv") &&
    !w.is(verb, "conj")
  );
}

/** Message of an event: the complement clause after it, or the clause before "so X". */
function messageOf(w: Words, e: IndirectEvent, s: Sentence): Span[] | null {
  let end = s.endToken;
  // the closing mark of a partial quote that ends the sentence stays in the message
  while (end > s.firstToken && w.isPunct(end - 1, FINAL)) end--;
  if (e.source) {
    // "Laut Polizei ist der Täter geflohen" / "Der Täter ist laut Polizei geflohen": the sentence without the cue
    const spans: Span[] = [];
    let before = e.source.first;
    while (before > s.firstToken && w.isPunct(before - 1, ",")) before--;
    if (before > s.firstToken) spans.push({ start: w.start(s.firstToken), end: w.end(before - 1) });
    let after = e.source.end;
    while (after < end && w.isPunct(after, ",")) after++;
    if (after < end) spans.push({ start: w.start(after), end: w.end(end - 1) });
    return spans.length > 0 ? spans : null;
  }
  if (e.lemma === "so") {
    const comma = e.at - 1;
    if (comma <= s.firstToken || !w.isPunct(comma, ",")) return null;
    return [{ start: w.start(s.firstToken), end: w.end(comma - 1) }];
  }
  // the first comma after the cue (and its speaker) opens the complement
  let t = Math.max(e.after, e.at + 1);
  while (t < end && !w.isPunct(t, ",:")) {
    if (w.isQuoteMark(t)) return null;
    t++;
  }
  if (t >= end - 1 || w.isPunct(t, ":")) return null;
  const first = t + 1;
  // a relative or infinitive clause is not reported content; a dass-clause or a subjunctive one is
  if (!COMPLEMENTISERS.has(w.key(first)) && !hasSubjunctive(w, first, end, true)) return null;
  return [{ start: w.start(first), end: w.end(end - 1) }];
}

export function indirectQuotes(
  w: Words,
  sentences: Sentence[],
  events: IndirectEvent[],
  quoted: Quoted[],
  taken: Uint8Array,
): Quote[] {
  const quotes: Quote[] = [];
  const quotedIn = (spans: Span[]) =>
    quoted.flatMap((q, i) =>
      q.role === "partial" && spans.some((span) => q.start >= span.start && q.end <= span.end) ? [i] : [],
    );
  let last: { quote: Quote; sentence: number; paragraph: number } | null = null;
  const bySentence = new Map<number, IndirectEvent>();
  for (const e of events) if (!bySentence.has(e.sentence)) bySentence.set(e.sentence, e);

  sentences.forEach((s, si) => {
    if (taken[si]) {
      last = null;
      return;
    }
    const e = bySentence.get(si);
    if (e) {
      const message = messageOf(w, e, s);
      if (message) {
        const quote: Quote = {
          type: "indirect",
          medium: e.medium,
          spans: message,
          quoted: quotedIn(message),
          cue: e.cue,
          speaker: e.speaker,
          addressee: null,
          confidence: e.speaker ? 0.7 : 0.5,
          attribution: e.speaker ? "cue" : "none",
        };
        quotes.push(quote);
        last = { quote, sentence: si, paragraph: s.paragraph };
        return;
      }
      last = null;
      return;
    }
    // a following subjunctive sentence continues the reported speech of the same speaker
    const prev = last as { quote: Quote; sentence: number; paragraph: number } | null;
    if (prev && prev.sentence === si - 1 && hasSubjunctive(w, s.firstToken, s.endToken)) {
      let end = s.endToken;
      while (end > s.firstToken && w.isPunct(end - 1, FINAL)) end--;
      const span = { start: w.start(s.firstToken), end: w.end(end - 1) };
      const quote: Quote = {
        type: "indirect_free_indirect",
        medium: prev.quote.medium,
        spans: [span],
        quoted: quotedIn([span]),
        cue: null,
        speaker: prev.quote.speaker,
        addressee: null,
        confidence: 0.55,
        attribution: "continuation",
      };
      quotes.push(quote);
      last = { quote, sentence: si, paragraph: s.paragraph };
      return;
    }
    last = null;
  });
  return quotes;
}
