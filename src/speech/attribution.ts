/**
 * Turns stretches of direct speech into quotes with cue, speaker and addressee, and collects the
 * speech events of the article (a reporting verb with its speaker) that later quotes without a
 * cue of their own are attributed to. Frames are tried in the order news German uses them:
 *   «…», sagte X.   «…», so X.   «…», hiess es.     (cue after the quote)
 *   X sagte: «…»    Kirby: «…»                      (cue or speaker before a colon)
 *   «…» Das sagte X.                                (cue in the next sentence)
 *   a quote without cue: the speaker of the previous quote or speech event in the paragraph.
 */
import type {
  Cue,
  Medium,
  Paragraph,
  Quote,
  Quoted,
  QuoteMarkPair,
  Sentence,
  Span,
  SpeakerRef,
} from "../doc.js";
import { EntityRegistry } from "../entities/registry.js";
import { lookupReportingVerbByKey, lookupSpeechNoun, type VerbEntry } from "../lang/de/lexicon.js";
import type { Stage } from "../pipeline.js";
import { firstStartingAt, spanIndexAt, tokenAtOrAfter } from "../span-index.js";
import { frameOf } from "./frame.js";
import { type IndirectEvent, indirectQuotes } from "./indirect.js";
import { actorScore, type Phrase, phraseAt, Words } from "./phrases.js";

/** A reporting verb (or "so") with the one who speaks, found anywhere in the article. */
type SpeechEvent = IndirectEvent;

interface Frame {
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

const CONTINUATION_CUES = new Set(["so"]);

export function attribute(
  w: Words,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  marks: QuoteMarkPair[],
  quoted: Quoted[],
): { entities: EntityRegistry["entities"]; quotes: Quote[] } {
  const registry = new EntityRegistry(w);
  // tokens inside speech or partial quotes are never speaker candidates
  const quotedTokens = new Uint8Array(w.length);
  for (const q of quoted) {
    if (q.role !== "speech" && q.role !== "partial") continue;
    for (let t = tokenAtOrAfter(w.tokens, q.start); t < w.length && w.start(t) < q.end; t++)
      quotedTokens[t] = 1;
  }

  const phrasesOf = sentences.map((s) => chunk(w, s.firstToken, s.endToken, quotedTokens));
  // mentions in text order first, so pronouns and surnames find their antecedents
  for (const phrases of phrasesOf) {
    for (const p of phrases) if (p.kind !== "noun" && p.kind !== "pronoun") registry.resolve(p);
  }

  const events: SpeechEvent[] = [];
  sentences.forEach((s, si) => {
    for (let t = s.firstToken; t < s.endToken; t++) {
      if (quotedTokens[t]) continue;
      const source = sourceCueAt(w, t, s, phrasesOf[si] ?? []);
      if (source) {
        events.push({
          sentence: si,
          paragraph: s.paragraph,
          cue: source.cue,
          speaker: toRef(w, source.speaker, registry),
          medium: "speech_writing",
          at: t,
          lemma: source.cue.lemma,
          actor: source.speaker.kind !== "noun",
          after: Math.max(t + 1, source.speaker.end),
          source: source.range,
        });
        t = Math.max(t, source.speaker.end - 1);
        continue;
      }
      const found = cueAt(w, t, s.endToken);
      if (!found) continue;
      const speaker =
        found.lemma === "so"
          ? speakerAfter(w, t + 1, s.endToken)
          : subjectOf(w, t, s, phrasesOf[si] ?? [], registry);
      const ref = speaker && !isImpersonal(w, speaker) ? toRef(w, speaker, registry) : null;
      const after = speaker && speaker.first > t ? speaker.end : t + 1;
      events.push({
        sentence: si,
        paragraph: s.paragraph,
        cue: found.cue,
        speaker: ref,
        medium: found.medium,
        at: t,
        lemma: found.lemma,
        actor: speaker !== null && (speaker.kind !== "noun" || isKnownActor(ref, registry)),
        after,
      });
      t = after - 1;
    }
  });

  // events per paragraph, in text order: context lookups look only there
  const eventsIn = new Map<number, SpeechEvent[]>();
  for (const e of events) {
    const list = eventsIn.get(e.paragraph);
    if (list) list.push(e);
    else eventsIn.set(e.paragraph, [e]);
  }

  const quotes: Quote[] = [];
  const consumed = new Set<number>();
  let previous: { quote: Quote; paragraph: number; unclosed: boolean; sentence: number } | null = null;
  quoted.forEach((q, qi) => {
    const pair = marks[q.marks] as QuoteMarkPair;
    if (q.role !== "speech" || pair.depth > 0 || consumed.has(qi)) return;
    const si = spanIndexAt(sentences, q.start);
    const sentence = sentences[si];
    if (!sentence) return;
    const paragraph = sentence.paragraph;
    const open = tokenAtOrAfter(w.tokens, pair.start);
    const close = pair.close ? tokenAtOrAfter(w.tokens, pair.close.start) : -1;
    const span = { start: q.start, end: q.end };

    // a quote carried over into the next paragraph is reopened there without being closed
    if (
      previous?.unclosed &&
      previous.paragraph === paragraph - 1 &&
      open === tokenAtOrAfter(w.tokens, (paragraphs[paragraph] as Paragraph).start)
    ) {
      previous.quote.spans.push(span);
      previous.quote.quoted.push(qi);
      previous = { ...previous, paragraph, unclosed: pair.close === null, sentence: si };
      return;
    }

    const frame =
      (close >= 0 ? frameAfter(w, close + 1, sentences, si) : null) ??
      frameBefore(w, open, sentence, paragraphs[paragraph] as Paragraph, phrasesOf[si] ?? [], registry) ??
      frameInNextSentence(w, sentences, si, paragraph);

    let speaker: SpeakerRef | null = null;
    let attribution = frame?.attribution ?? "none";
    let confidence = 0.5;
    if (frame?.speaker && !frame.impersonal) {
      speaker = toRef(w, frame.speaker, registry, true);
      confidence = frame.speaker.kind === "pronoun" ? (speaker?.entity != null ? 0.85 : 0.6) : 0.95;
      if (frame.attribution === "headline") confidence = 0.8;
    } else {
      // no speaker in the frame: the previous quote's or speech event's speaker in this paragraph
      const context = contextSpeaker(previous, eventsIn.get(paragraph) ?? [], paragraph, si, open, w);
      if (context) {
        speaker = context.speaker;
        attribution = frame ? "context" : context.how;
        confidence = context.how === "continuation" ? 0.8 : 0.65;
      } else {
        attribution = "none";
        confidence = frame ? 0.6 : 0.5;
      }
    }

    const quote: Quote = {
      type: "direct",
      medium: frame?.medium ?? "speech",
      spans: [span],
      quoted: [qi],
      cue: frame?.cue ?? null,
      speaker,
      addressee: frame?.addressee ?? null,
      frame: [],
      confidence,
      attribution,
    };
    // «Wir werden», sagte er, «nicht nachgeben.»: one quote in two parts around its frame
    if (frame && w.isPunct(frame.after, ",")) {
      const at = firstStartingAt(quoted, w.start(frame.after + 1));
      const next = at > qi && quoted[at]?.start === w.start(frame.after + 1) ? at : -1;
      const nextQuoted = quoted[next];
      if (nextQuoted) {
        quote.spans.push({ start: nextQuoted.start, end: nextQuoted.end });
        quote.quoted.push(next);
        consumed.add(next);
      }
    }
    const anchor = frame?.cue?.start ?? (frame?.speaker ? w.start(frame.speaker.first) : -1);
    const frameSentence = anchor >= 0 ? sentences[spanIndexAt(sentences, anchor)] : undefined;
    if (frameSentence) quote.frame = frameOf(w, frameSentence, quote.spans);
    quotes.push(quote);
    previous = { quote, paragraph, unclosed: pair.close === null, sentence: si };
  });

  // sentences that hold direct speech are not searched for indirect speech; their speaker is a voice
  const directIn: (Quote | undefined)[] = new Array(sentences.length);
  for (const q of quotes) {
    for (const span of q.spans) {
      for (let si = spanIndexAt(sentences, span.start); si >= 0 && si < sentences.length; si++) {
        if ((sentences[si] as Sentence).start >= span.end) break;
        directIn[si] = q;
      }
    }
  }
  const indirect = indirectQuotes(w, sentences, events, quoted, directIn);
  const partial = partialQuotes(w, sentences, marks, quoted, quotes, indirect, eventsIn);
  // containing quotes first at equal starts, so a nested partial quote follows its indirect quote
  const all = [...quotes, ...indirect, ...partial].sort(
    (a, b) =>
      (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || (b.spans[0]?.end ?? 0) - (a.spans[0]?.end ?? 0),
  );
  return { entities: registry.entities, quotes: all };
}

/**
 * A fragment quoted verbatim inside the writer's sentence is itself a direct quote, nested in the
 * indirect quote around it and spoken by the same speaker: "Der Staatsanwalt sagte, der Sohn habe
 * sich «bewusst und gewollt stranguliert»". Without an indirect quote around it, the speech event
 * of its sentence ("bezeichnete die Lage als «ernst»") or of the paragraph before it speaks.
 */
function partialQuotes(
  w: Words,
  sentences: Sentence[],
  marks: QuoteMarkPair[],
  quoted: Quoted[],
  direct: Quote[],
  indirect: Quote[],
  eventsIn: Map<number, SpeechEvent[]>,
): Quote[] {
  const out: Quote[] = [];
  const inside = (q: Quoted, quote: Quote) => quote.spans.some((s) => s.start <= q.start && s.end >= q.end);
  const directIn = bySentence(direct, sentences);
  const indirectIn = bySentence(indirect, sentences);
  quoted.forEach((q, qi) => {
    if (q.role !== "partial") return;
    const si = spanIndexAt(sentences, q.start);
    const sentence = sentences[si];
    if (!sentence) return;
    // a fragment inside direct speech is a quote within that quote, not a new one
    if ((marks[q.marks] as QuoteMarkPair).depth > 0 || directIn.get(si)?.some((d) => inside(q, d))) return;
    const container = indirectIn.get(si)?.find((quote) => inside(q, quote));
    const events = eventsIn.get(sentence.paragraph) ?? [];
    const at = tokenAtOrAfter(w.tokens, q.start);
    let source: { cue: Cue | null; speaker: SpeakerRef | null; medium: Medium; attribution: string } | null =
      null;
    if (container) {
      source = {
        cue: container.cue,
        speaker: container.speaker,
        medium: container.medium,
        attribution: container.attribution,
      };
    } else {
      // the nearest speech event of the sentence, else the last one of the paragraph before it
      let best: SpeechEvent | null = null;
      for (const e of events) {
        // from an earlier sentence, only an actor's speech carries over ("Kirby sagte …" but not "Zahlen zeigen …")
        if (e.sentence < si && !e.actor) continue;
        if (
          e.sentence === si &&
          (!best || best.sentence !== si || Math.abs(e.at - at) < Math.abs(best.at - at))
        )
          best = e;
        else if (
          e.sentence < si &&
          e.paragraph === sentence.paragraph &&
          e.at < at &&
          (!best || (best.sentence !== si && e.at > best.at))
        )
          best = e;
      }
      if (best) {
        source = {
          cue: best.sentence === si ? best.cue : null,
          speaker: best.speaker,
          medium: best.medium,
          attribution: best.sentence === si ? "cue" : "context",
        };
      }
    }
    const speaker = source?.speaker ?? null;
    const span = { start: q.start, end: q.end };
    // a partial quote shares the frame of the indirect quote it sits in, or frames its own sentence
    const frame = container ? container.frame : source?.cue ? frameOf(w, sentence, [span]) : [];
    out.push({
      type: "direct",
      medium: source?.medium ?? "speech",
      spans: [span],
      quoted: [qi],
      cue: source?.cue ?? null,
      speaker,
      addressee: null,
      frame,
      confidence: speaker ? (container ? 0.75 : 0.65) : 0.5,
      attribution: speaker ? (source?.attribution ?? "none") : "none",
    });
  });
  return out;
}

/** Noun phrases of a token range, left to right, not inside quoted speech. */
function chunk(w: Words, first: number, end: number, quotedTokens: Uint8Array): Phrase[] {
  const out: Phrase[] = [];
  for (let t = first; t < end; ) {
    if (quotedTokens[t]) {
      t++;
      continue;
    }
    const p = phraseAt(w, t, end);
    if (p) {
      out.push(p);
      t = p.end;
    } else t++;
  }
  return out;
}

/** A cue at token t: a reporting verb (with its separated particle, if any) or "so" after a comma. */
function cueAt(w: Words, t: number, limit: number): { cue: Cue; lemma: string; medium: Medium } | null {
  if (!w.isWord(t)) return null;
  if (CONTINUATION_CUES.has(w.key(t)) && w.isPunct(t - 1, ",") && phraseAt(w, t + 1, limit)) {
    const span = { start: w.start(t), end: w.end(t) };
    return { cue: { ...span, parts: [span], lemma: "so" }, lemma: "so", medium: "speech_writing" };
  }
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
      };
    const particle = findParticle(w, t + 1, limit, entry);
    if (particle >= 0) {
      const part = { start: w.start(particle), end: w.end(particle) };
      return {
        cue: { ...span, parts: [span, part], lemma: entry.lemma },
        lemma: entry.lemma,
        medium: entry.medium,
      };
    }
  }
  return null;
}

/** Nouns after "nach" that make it name a source: "nach Angaben der Polizei", "nach Aussagen von Zeugen". */
const SOURCE_AFTER_NACH = new Set([
  "angaben",
  "aussagen",
  "aussage",
  "informationen",
  "ansicht",
  "einschätzung",
  "darstellung",
  "worten",
  "meinung",
  "auffassung",
  "berichten",
  "schätzungen",
  "erkenntnissen",
  "recherchen",
]);

/**
 * A source cue: "laut der Polizei", "gemäß der Mitteilung", "nach Angaben des Ministeriums" (the
 * source follows), "den USA zufolge" (it precedes). Returns the cue, the source phrase and the token
 * range of both, which the message leaves out.
 */
function sourceCueAt(
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
  for (const noun of SOURCE_AFTER_NACH) if (key.length > noun.length + 2 && key.endsWith(noun)) return true;
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

function isImpersonal(w: Words, p: Phrase): boolean {
  return p.kind === "pronoun" && (w.key(p.first) === "es" || w.key(p.first) === "man");
}

/** «…», sagte X. / «…», so X weiter. / «…», hiess es. */
function frameAfter(w: Words, from: number, sentences: Sentence[], si: number): Frame | null {
  let t = from;
  const sentence = sentences[spanIndexAt(sentences, w.start(t))] ?? sentences[si];
  if (!sentence || t >= w.length) return null;
  const limit = sentence.endToken;
  if (w.isPunct(t, ",")) t++;
  const found = cueAt(w, t, limit) ?? (w.key(t) === "so" ? soCue(w, t) : null);
  if (!found) return null;
  const speaker = speakerAfter(w, t + 1, limit);
  let after = speaker ? speaker.end : t + 1;
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

function soCue(w: Words, t: number): { cue: Cue; lemma: string; medium: Medium } {
  const span = { start: w.start(t), end: w.end(t) };
  return { cue: { ...span, parts: [span], lemma: "so" }, lemma: "so", medium: "speech_writing" };
}

/** The speaker right after a cue: "sagte Kirby", "betonte er", "sagte dazu der Minister", "sagte am Mittwoch Kirby". */
function speakerAfter(w: Words, from: number, limit: number): Phrase | null {
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
function addresseeAt(w: Words, t: number, limit: number): Phrase | null {
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

/** X sagte: «…» / Dazu sagte Kirby: «…» / Kirby: «…» (headline) */
function frameBefore(
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
    const speaker = subjectOf(w, t, { ...sentence, firstToken: clauseStart }, clause, registry);
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
  // headline style: the speaker alone before the colon
  const last = phrases.filter((p) => p.end === colon && p.first >= clauseStart).at(-1);
  if (!last) return null;
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

/** «…» Das sagte Kirby am Mittwoch. */
function frameInNextSentence(w: Words, sentences: Sentence[], si: number, paragraph: number): Frame | null {
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

/**
 * The subject of a reporting verb in its clause: the phrase in the prefield when it is an actor,
 * else the one right after the finite verb ("Angesichts … sagte Kirby"), else the best actor in
 * the clause that no preposition governs ("… hatte Pjöngjang zurückgewiesen").
 */
function subjectOf(
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
function isKnownActor(ref: SpeakerRef | null, registry: EntityRegistry): boolean {
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

function toRef(w: Words, p: Phrase, registry: EntityRegistry, guessPerson = false): SpeakerRef {
  let end = p.end - 1;
  while (end > p.first && w.isPunct(end, ",")) end--;
  return {
    start: w.start(p.first),
    end: w.end(end),
    entity: registry.resolve(p, { create: true, guessPerson }),
  };
}

/** Quotes by the sentences their spans touch. */
function bySentence(quotes: readonly Quote[], sentences: readonly Sentence[]): Map<number, Quote[]> {
  const index = new Map<number, Quote[]>();
  for (const quote of quotes) {
    for (const span of quote.spans) {
      for (let si = Math.max(0, spanIndexAt(sentences, span.start)); si < sentences.length; si++) {
        if ((sentences[si] as Sentence).start >= span.end) break;
        const list = index.get(si);
        if (list) list.push(quote);
        else index.set(si, [quote]);
      }
    }
  }
  return index;
}

function contextSpeaker(
  previous: { quote: Quote; paragraph: number; sentence: number } | null,
  events: SpeechEvent[],
  paragraph: number,
  sentence: number,
  open: number,
  w: Words,
): { speaker: SpeakerRef; how: string } | null {
  let best: { speaker: SpeakerRef; how: string; at: number } | null = null;
  if (previous && previous.paragraph === paragraph && previous.quote.speaker) {
    best = {
      speaker: previous.quote.speaker,
      how: "continuation",
      at: tokenAtOrAfter(w.tokens, previous.quote.spans[0]?.start ?? 0),
    };
  }
  const ownCue = previous?.quote.cue?.start;
  for (const e of events) {
    if (e.paragraph !== paragraph || e.sentence > sentence || e.at >= open || !e.speaker || !e.actor)
      continue;
    if (e.cue.start === ownCue) continue;
    if (!best || e.at > best.at) best = { speaker: e.speaker, how: "context", at: e.at };
  }
  return best ? { speaker: best.speaker, how: best.how } : null;
}

export const attributionStage: Stage = {
  name: "attribution",
  requires: ["tokens", "sentences", "paragraphs", "quoteMarks", "quoted"],
  assigns: ["entities", "quotes"],
  run(doc) {
    const w = new Words(doc.text, doc.get("tokens"));
    const { entities, quotes } = attribute(
      w,
      doc.get("paragraphs"),
      doc.get("sentences"),
      doc.get("quoteMarks"),
      doc.get("quoted"),
    );
    doc.set("entities", entities);
    doc.set("quotes", quotes);
  },
};
