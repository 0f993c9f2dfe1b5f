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
import { firstStartingAt, tokenAtOrAfter } from "../span-index.js";
import { frameOf } from "./frame.js";
import { isSubjunctiveAt } from "./mood.js";
import { phraseAt, type Words } from "./phrases.js";

const COMPLEMENTISERS = new Set(["dass", "ob"]);
const ANAPHORIC_SUBJECTS = new Set(readLines("anaphoric-subjects.txt").map(lexKey));
const REPORTED_VERBS = new Set(readLines("reported-verbs.txt"));
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
  /** the speaker is an actor (person, role, organisation, place, pronoun), not just any noun */
  actor: boolean;
  /** for source cues ("laut X", "X zufolge"): the token range of cue and source, left out of the message */
  source?: { first: number; end: number };
}

/**
 * Is the clause in the subjunctive? A Konjunktiv form anywhere outside quote marks (the verb
 * lexicon of lang/de/verbs.ts, plus the short list of forms it leaves ambiguous), or, right
 * after a cue, a verb in -e after the subject: the third person indicative ends in -t ("bleibt"), Konjunktiv I in
 * -e ("die Strasse bleibe", "er habe").
 */
export function hasSubjunctive(w: Words, first: number, end: number, afterCue = false): boolean {
  let inQuote = false;
  for (let t = first; t < end; t++) {
    // words in quote marks are the speaker's own, often first person ("«ich habe»"): not evidence
    if (w.isQuoteMark(t)) inQuote = !inQuote;
    if (inQuote || !w.isWord(t)) continue;
    if (isSubjunctiveAt(w, t)) return true;
  }
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
  // "…, so Kirby weiter." / "…, berichtet der Independent.": a cue after a comma with its speaker
  // after it closes the sentence; the message is the clause before the comma
  const speakerFollows = e.lemma === "so" || e.after > e.at + 1;
  if (speakerFollows && w.isPunct(e.at - 1, ",") && e.at - 1 > s.firstToken) {
    return [{ start: w.start(s.firstToken), end: w.end(e.at - 2) }];
  }
  if (e.lemma === "so") return null;
  // "Das Werk wird geschlossen, wie die Firma mitteilte.": the main clause before the wie-clause
  for (let t = e.at - 1; t > s.firstToken + 1; t--) {
    if (w.isPunct(t, ",;:") || w.isQuoteMark(t)) break;
    if (w.key(t) === "wie" && w.isPunct(t - 1, ","))
      return [{ start: w.start(s.firstToken), end: w.end(t - 2) }];
  }
  // "Wie die Firma mitteilte, wird das Werk geschlossen.": the main clause after the wie-clause
  if (w.key(s.firstToken) === "wie" && e.at > s.firstToken) {
    let comma = e.at + 1;
    while (comma < end && !w.isPunct(comma, ",")) comma++;
    if (comma < end - 1) return [{ start: w.start(comma + 1), end: w.end(end - 1) }];
  }
  // the first comma after the cue (and its speaker) opens the complement
  let t = Math.max(e.after, e.at + 1);
  while (t < end && !w.isPunct(t, ",:")) {
    if (w.isQuoteMark(t)) return null;
    t++;
  }
  if (t >= end - 1 || w.isPunct(t, ":")) return null;
  const first = t + 1;
  // a relative clause is not reported content; a dass-clause, a subjunctive one or an infinitive
  // with zu after a reporting verb is ("forderte die Armee auf, das Volk zu unterstützen")
  if (
    !COMPLEMENTISERS.has(w.key(first)) &&
    !hasSubjunctive(w, first, end, true) &&
    !endsInZuInfinitive(w, first, end)
  )
    return null;
  return [{ start: w.start(first), end: w.end(end - 1) }];
}

/** "… zu unterstützen", "… einzustellen": the clause ends in an infinitive with zu. */
function endsInZuInfinitive(w: Words, first: number, end: number): boolean {
  let last = end - 1;
  while (last > first && !w.isWord(last)) last--;
  if (last <= first || w.isCapitalised(last)) return false;
  if (w.key(last - 1) === "zu") return true;
  // separable verbs fuse zu into the word: ein-zu-stellen, ab-zu-lösen
  const word = w.key(last);
  const zu = word.indexOf("zu", 2);
  return zu > 0 && zu < word.length - 4 && word.endsWith("en");
}

/** Who spoke last, and in which sentence: free indirect speech continues this voice. */
interface Voice {
  speaker: SpeakerRef | null;
  medium: Medium;
  sentence: number;
  paragraph: number;
}

export function indirectQuotes(
  w: Words,
  sentences: Sentence[],
  events: IndirectEvent[],
  quoted: Quoted[],
  /** per sentence, the direct quote that takes it (its speaker is a voice too), or undefined */
  directIn: readonly (Quote | undefined)[],
): Quote[] {
  const quotes: Quote[] = [];
  // partial quotes inside the message spans (quoted is sorted by start: search, do not scan)
  const quotedIn = (spans: Span[]): number[] => {
    const found: number[] = [];
    for (const span of spans) {
      for (let i = firstStartingAt(quoted, span.start); i < quoted.length; i++) {
        const q = quoted[i] as Quoted;
        if (q.start >= span.end) break;
        if (q.role === "partial" && q.end <= span.end) found.push(i);
      }
    }
    return found;
  };
  const bySentence = new Map<number, IndirectEvent[]>();
  for (const e of events) {
    const list = bySentence.get(e.sentence);
    if (list) list.push(e);
    else bySentence.set(e.sentence, [e]);
  }

  let voice: Voice | null = null;
  /** the last sentence an indirect quote took */
  let lastQuoted = -1;
  /** the free indirect quote being extended sentence by sentence */
  let run: Quote | null = null;
  /**
   * A speech event reported inside another's message is a quote of its own, nested in it: "Die
   * Zeitung berichtete, ranghohe Militärs hätten darüber gesprochen, wann … eingesetzt werden
   * könnten." Only when the inner event is itself reported (its clause is in the subjunctive) and
   * someone else speaks; "er sagte, er hoffe, dass …" stays one quote.
   */
  const nested = (outer: IndirectEvent, message: Span[], candidates: IndirectEvent[], s: Sentence) => {
    const first = message[0];
    if (!first) return;
    const inside = (start: number) => message.some((span) => span.start <= start && start < span.end);
    for (const e of candidates) {
      if (e === outer || !e.speaker || e.source || !inside(e.cue.start)) continue;
      if (e.speaker.entity !== null && e.speaker.entity === outer.speaker?.entity) continue;
      const head = tokenAtOrAfter(w.tokens, e.speaker.start);
      if (w.end(head) === e.speaker.end && w.is(head, "pron")) continue;
      const from = tokenAtOrAfter(w.tokens, first.start);
      if (!hasSubjunctive(w, from, e.at)) continue;
      const inner = messageOf(w, e, s);
      if (!inner?.every((span) => inside(span.start))) continue;
      quotes.push({
        type: "indirect",
        medium: e.medium,
        spans: inner,
        quoted: quotedIn(inner),
        cue: e.cue,
        speaker: e.speaker,
        addressee: null,
        frame: frameOf(w, s, inner),
        confidence: 0.6,
        attribution: "cue",
      });
    }
  };
  sentences.forEach((s, si) => {
    const direct = directIn[si];
    if (direct) {
      run = null;
      voice = direct.speaker
        ? { speaker: direct.speaker, medium: direct.medium, sentence: si, paragraph: s.paragraph }
        : null;
      return;
    }
    const candidates = bySentence.get(si);
    if (candidates) {
      // the first event of the sentence that has a message speaks; else the first one
      let e = candidates[0] as IndirectEvent;
      let message: Span[] | null = null;
      for (const candidate of candidates) {
        message = messageOf(w, candidate, s);
        if (message) {
          e = candidate;
          break;
        }
      }
      run = null;
      voice = e.speaker
        ? { speaker: e.speaker, medium: e.medium, sentence: si, paragraph: s.paragraph }
        : null;
      // "Die Partei tritt nicht an. Dies bestätigte der Vorsitzende.": the sentence before, with the
      // demonstrative that stands for it, as the annotators draw it
      const before = sentences[si - 1];
      if (
        !message &&
        before &&
        before.paragraph === s.paragraph &&
        lastQuoted < si - 1 &&
        !directIn[si - 1] &&
        e.at === s.firstToken + 1 &&
        ANAPHORIC_SUBJECTS.has(w.key(s.firstToken))
      ) {
        const span = { start: before.start, end: w.end(s.firstToken) };
        quotes.push({
          type: "indirect",
          medium: e.medium,
          spans: [span],
          quoted: quotedIn([span]),
          cue: e.cue,
          speaker: e.speaker,
          addressee: null,
          frame: [],
          confidence: e.speaker ? 0.6 : 0.45,
          attribution: e.speaker ? "cue" : "none",
        });
        lastQuoted = si;
        return;
      }
      if (!message && e.speaker && e.actor && REPORTED_VERBS.has(e.lemma)) {
        // a speech act told, not its content: "Die Schüler klagten über zu viel Stress." The whole
        // sentence is the message, as the WikiNews annotators draw it.
        quotes.push({
          type: "reported",
          medium: e.medium,
          spans: [{ start: s.start, end: s.end }],
          quoted: quotedIn([{ start: s.start, end: s.end }]),
          cue: e.cue,
          speaker: e.speaker,
          addressee: null,
          frame: [],
          confidence: 0.5,
          attribution: "cue",
        });
        lastQuoted = si;
        return;
      }
      if (message) {
        lastQuoted = si;
        nested(e, message, candidates, s);
        quotes.push({
          type: "indirect",
          medium: e.medium,
          spans: message,
          quoted: quotedIn(message),
          cue: e.cue,
          speaker: e.speaker,
          addressee: null,
          frame: frameOf(w, s, message),
          confidence: e.speaker ? 0.7 : 0.5,
          attribution: e.speaker ? "cue" : "none",
        });
      }
      return;
    }
    // subjunctive sentences right after someone spoke go on reporting that speaker: one quote per run
    const current = voice as Voice | null;
    if (
      current &&
      current.sentence === si - 1 &&
      current.paragraph === s.paragraph &&
      hasSubjunctive(w, s.firstToken, s.endToken, true)
    ) {
      let end = s.endToken;
      while (end > s.firstToken && w.isPunct(end - 1, FINAL)) end--;
      const span = { start: w.start(s.firstToken), end: w.end(end - 1) };
      const open = run as Quote | null;
      if (open) {
        (open.spans[0] as Span).end = span.end;
        open.quoted = quotedIn(open.spans);
      } else {
        run = {
          type: "indirect_free_indirect",
          medium: current.medium,
          spans: [span],
          quoted: quotedIn([span]),
          cue: null,
          speaker: current.speaker,
          addressee: null,
          frame: [],
          confidence: 0.55,
          attribution: "continuation",
        };
        quotes.push(run);
      }
      voice = { ...current, sentence: si };
      lastQuoted = si;
      return;
    }
    run = null;
    voice = null;
  });
  return quotes;
}
