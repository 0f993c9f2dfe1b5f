/**
 * The attribution stage: collects the speech events of the article (a cue with the one who speaks),
 * turns stretches of direct speech into quotes with cue, speaker and addressee (speech/framing.ts),
 * adds indirect, free indirect and reported speech around the events (speech/indirect.ts) and the
 * partial quotes (speech/partial.ts). A quote without a cue of its own goes to the speaker of the
 * previous quote or speech event in its paragraph.
 */
import type {
  EntityType,
  Name,
  Paragraph,
  Quote,
  Quoted,
  QuoteMarkPair,
  Sentence,
  SpeakerRef,
} from "../doc.js";
import { EntityRegistry } from "../entities/registry.js";
import { lexKey, readLines } from "../lang/de/data.js";
import type { Stage } from "../pipeline.js";
import { firstStartingAt, spanIndexAt, tokenAtOrAfter } from "../span-index.js";
import { calibrate } from "./confidence.js";
import { cueAt, sourceCueAt, speechNounEvent } from "./cues.js";
import { frameOf } from "./frame.js";
import { frameAfter, frameBefore, frameInNextSentence } from "./framing.js";
import { type IndirectEvent, indirectQuotes } from "./indirect.js";
import { partialQuotes } from "./partial.js";
import { type Phrase, phraseAt, Words } from "./phrases.js";
import {
  addresseeAt,
  documentSource,
  isImpersonal,
  isKnownActor,
  speakerAfter,
  subjectOf,
  toRef,
} from "./speakers.js";

const BACK_REFERENCES = new Set(readLines("back-reference-cues.txt").map(lexKey));

/** A reporting verb (or "so") with the one who speaks, found anywhere in the article. */
type SpeechEvent = IndirectEvent;

export function attribute(
  w: Words,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  marks: QuoteMarkPair[],
  quoted: Quoted[],
  /** the trained recogniser's names, when the pipeline ran it: every one becomes an entity */
  names: readonly Name[] = [],
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
  const mentions: Phrase[] = [];
  for (const phrases of phrasesOf)
    for (const p of phrases) if (p.kind !== "noun" && p.kind !== "pronoun") mentions.push(p);
  for (const p of namePhrases(names, mentions, quotedTokens)) mentions.push(p);
  mentions.sort((a, b) => a.first - b.first);
  for (const p of mentions) registry.resolve(p);

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
      // "Putin nahm demnach nicht teil": the source named last in the paragraph speaks on
      if (BACK_REFERENCES.has(w.key(t))) {
        // the first source of the last sentence that names one: in "Die Zeitung berichtete, Militärs
        // hätten gesprochen" the newspaper, not the officers it reports
        let last: SpeechEvent | undefined;
        for (let i = events.length - 1; i >= 0; i--) {
          const e = events[i] as SpeechEvent;
          if (last && e.sentence !== last.sentence) break;
          if (e.sentence < si && e.actor && e.speaker && e.paragraph === s.paragraph) last = e;
        }
        if (last) {
          const span = { start: w.start(t), end: w.end(t) };
          events.push({
            ...last,
            sentence: si,
            cue: { ...span, parts: [span], lemma: w.key(t) },
            at: t,
            lemma: w.key(t),
            after: t + 1,
            source: { first: t, end: t + 1 },
          });
        }
        continue;
      }
      // "durch russische Behauptungen geschürt, die Ukraine wolle …": a speech noun with its content
      const noun = speechNounEvent(w, t, s, phrasesOf[si] ?? []);
      if (noun) {
        events.push({
          sentence: si,
          paragraph: s.paragraph,
          cue: noun.cue,
          speaker: toRef(w, noun.speaker, registry),
          medium: "speech_writing",
          at: t,
          lemma: noun.cue.lemma,
          actor: false,
          after: noun.speaker.end,
        });
        t = noun.speaker.end - 1;
        continue;
      }
      const found = cueAt(w, t, s.endToken);
      if (!found) continue;
      let speaker =
        found.lemma === "so"
          ? speakerAfter(w, t + 1, s.endToken)
          : subjectOf(w, t, s, phrasesOf[si] ?? [], registry);
      // "Aus Paris hieß es, …", "In der Erklärung heißt es, …": the document or place speaks
      if (found.impersonal && (!speaker || isImpersonal(w, speaker)))
        speaker = documentSource(w, t, s, phrasesOf[si] ?? []) ?? speaker;
      const ref = speaker && !isImpersonal(w, speaker) ? toRef(w, speaker, registry) : null;
      let after = speaker && speaker.first > t ? speaker.end : t + 1;
      // "sagte er der Zeitung", "erklärte gegenüber Reportern": the addressee follows cue and speaker
      let addressee: { start: number; end: number } | null = null;
      let a = after;
      while (a < s.endToken && w.is(a, "adv")) a++;
      const to = addresseeAt(w, a, s.endToken);
      if (to) {
        addressee = { start: w.start(to.first), end: w.end(to.end - 1) };
        after = Math.max(after, to.end);
      }
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
        addressee,
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
      (close >= 0 ? frameAfter(w, close + 1, sentences, si, phrasesOf) : null) ??
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
  const partial = partialQuotes(w, sentences, marks, quoted, quotes, indirect, eventsIn, phrasesOf, registry);
  // containing quotes first at equal starts, so a nested partial quote follows its indirect quote
  const all = [...quotes, ...indirect, ...partial].sort(
    (a, b) =>
      (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || (b.spans[0]?.end ?? 0) - (a.spans[0]?.end ?? 0),
  );
  return { entities: registry.finish(), quotes: all };
}

const NAME_KIND: Readonly<Record<EntityType, Phrase["kind"] | null>> = {
  PER: "person",
  ORG: "org",
  LOC: "place",
  OTH: null,
};

/**
 * The recogniser's names as phrases for the registry: those the chunker already made an actor
 * phrase of are left to it; the others ("Greenpeace" is a plain noun to the rules) enter with the
 * recogniser's type, so that a later "Greenpeace fordert …" knows it is an organisation.
 */
function namePhrases(names: readonly Name[], taken: readonly Phrase[], quotedTokens: Uint8Array): Phrase[] {
  const covered = new Uint8Array(quotedTokens.length);
  for (const p of taken) covered.fill(1, p.first, p.end);
  const out: Phrase[] = [];
  for (const n of names) {
    const kind = NAME_KIND[n.type];
    if (n.kind !== "name" || kind === null || quotedTokens[n.firstToken] || covered[n.firstToken]) continue;
    const person = kind === "person";
    out.push({
      first: n.firstToken,
      end: n.endToken,
      headFirst: n.firstToken,
      headEnd: n.endToken,
      nameFirst: person ? n.firstToken : -1,
      nameEnd: person ? n.endToken : -1,
      kind,
      det: "",
      gender: "u",
    });
  }
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
      doc.has("names") ? doc.get("names") : [],
    );
    if ((doc.meta as { calibrated?: boolean }).calibrated !== false) calibrate(quotes, doc.get("quoted"));
    doc.set("entities", entities);
    doc.set("quotes", quotes);
  },
};
