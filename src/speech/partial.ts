/**
 * Partial quotes as quotes of their own. A fragment quoted verbatim inside the writer's sentence is
 * a direct quote nested in the indirect quote around it, spoken by the same speaker; without one,
 * the speech event of its sentence or of its paragraph speaks.
 */
import type { Cue, Medium, Quote, Quoted, QuoteMarkPair, Sentence, SpeakerRef } from "../doc.js";
import type { EntityRegistry } from "../entities/registry.js";
import { spanIndexAt, tokenAtOrAfter } from "../span-index.js";
import { frameOf } from "./frame.js";
import type { IndirectEvent } from "./indirect.js";
import { isSubjunctiveAt } from "./mood.js";
import type { Phrase, Words } from "./phrases.js";
import { isImpersonal, toRef } from "./speakers.js";

type SpeechEvent = IndirectEvent;

/**
 * A fragment quoted verbatim inside the writer's sentence is itself a direct quote, nested in the
 * indirect quote around it and spoken by the same speaker: "Der Staatsanwalt sagte, der Sohn habe
 * sich «bewusst und gewollt stranguliert»". Without an indirect quote around it, the speech event
 * of its sentence ("bezeichnete die Lage als «ernst»") or of the paragraph before it speaks.
 */
export function partialQuotes(
  w: Words,
  sentences: Sentence[],
  marks: QuoteMarkPair[],
  quoted: Quoted[],
  direct: Quote[],
  indirect: Quote[],
  eventsIn: Map<number, SpeechEvent[]>,
  phrasesOf: Phrase[][],
  registry: EntityRegistry,
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
      // "In dem Verfahren sieht Osterloh einen «Angriff»": in a sentence of the writer's own (no
      // subjunctive), the actor of the clause chose the words; in reported speech the reporter did
      const actor =
        best?.sentence === si && best.speaker
          ? null
          : clauseActor(w, sentence, phrasesOf[si] ?? [], at, registry);
      if (actor) {
        const cue = best?.sentence === si ? best.cue : null;
        source = { cue, speaker: toRef(w, actor, registry), medium: "speech", attribution: "clause" };
      } else if (best) {
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

/**
 * The actor a fragment's clause is about: the first person, role, organisation or resolved pronoun
 * before the fragment that no preposition governs, when no subjunctive verb precedes it.
 */
function clauseActor(
  w: Words,
  sentence: Sentence,
  phrases: Phrase[],
  at: number,
  registry: EntityRegistry,
): Phrase | null {
  for (let t = sentence.firstToken; t < at; t++) if (isSubjunctiveAt(w, t)) return null;
  for (const p of phrases) {
    if (p.end > at) break;
    if (w.is(p.first - 1, "prep") || w.is(p.first - 1, "prepdet") || isImpersonal(w, p)) continue;
    if (p.det === "dem" || p.det === "einem" || p.det === "den") continue;
    if (p.kind === "person" || p.kind === "role" || p.kind === "org") return p;
    if (p.kind === "pronoun" && registry.resolve(p, { create: false }) !== null) return p;
    if (p.kind === "noun") {
      const entity = registry.resolve(p, { create: false });
      const type = entity === null ? undefined : registry.entities[entity]?.type;
      if (type === "PER" || type === "ORG") return p;
    }
  }
  return null;
}

/** Quotes by the sentences their spans touch. */
export function bySentence(quotes: readonly Quote[], sentences: readonly Sentence[]): Map<number, Quote[]> {
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
