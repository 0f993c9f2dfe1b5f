/**
 * Claims from the quote layer and from the outlet's own sentences, in small steps: every quote
 * that is not a fragment of another quote by the same source becomes a claim; indicative
 * sentences outside any quote that state an act of a known actor become the outlet's assertions;
 * then each claim gets its nesting parent, actors, polarity, predicate family and status.
 */
import type { Entity, Quote, Sentence, Span } from "../doc.js";
import { type EntityLink, gazetteerLookup, linkMention, referent } from "../entities/link/index.js";
import { lexKey, readDataFile } from "../lang/de/data.js";
import { lookupCueWord, lookupSpeechNoun, reportingVerbs } from "../lang/de/lexicon.js";
import { spanIndexAt, tokenAtOrAfter } from "../span-index.js";
import { hasHearsay, hasSubjunctive } from "../speech/indirect.js";
import type { Words } from "../speech/phrases.js";
import { isVerb, partyKey } from "./link.js";
import { hasVerbForm, predicateIn } from "./predicates.js";
import type { Claim, ClaimActor, ClaimParty, ClaimStatus } from "./types.js";
import { claimWords, gateHash, mayBe } from "./words.js";

/** Kinds of gazetteer readings that name an actor a claim can be about (not towns or rivers). */
const ACTOR_KINDS = new Set(["country", "capital", "gov-body", "io", "person", "demonym", "media"]);
/** Entity types that can act; OTH holds things like "keinen Hinweis". */
const ACTOR_TYPES = new Set(["PER", "ORG", "LOC"]);

interface Context {
  w: Words;
  /** offsets of the forms of "sollen"/"wollen" that may make hearsay, ascending */
  hearsayAt: number[];
  sentences: readonly Sentence[];
  paragraphKinds: readonly string[];
  quotes: readonly Quote[];
  entities: readonly Entity[];
  /** every entity mention, sorted by start: [start, end, entity] triples */
  mentions: Int32Array;
  byWikidata: Map<string, number>;
}

/** Whether text[start, end) holds "isch", the mark of a demonym adjective, without a string or a search past `end`. */
function hasIsch(text: string, start: number, end: number): boolean {
  // the suffix of a demonym adjective: "isch", "ische", … "ischen" ends at most six letters before the end
  for (let i = Math.max(start, end - 6); i + 4 <= end; i++) {
    if (
      text.charCodeAt(i) === 105 &&
      text.charCodeAt(i + 1) === 115 &&
      text.charCodeAt(i + 2) === 99 &&
      text.charCodeAt(i + 3) === 104
    )
      return true;
  }
  return false;
}

/** A capital letter as German words start with one (the gazetteer memo answers the rest). */
const startsUpper = (c: number): boolean => (c >= 65 && c <= 90) || c === 196 || c === 214 || c === 220;

/** The holder of what "es heisst", "Berichten zufolge" or "soll … haben" passes on. */
const UNNAMED: ClaimParty = { entity: null, name: "", wikidata: null };

const ASCII_LETTERS = /^[A-Za-z]+$/;

/**
 * A cheap test before linkMention (whose key normalisation is costly): a plain ASCII word is its
 * own key in lower case, so the gazetteer can say at once whether it, or its genitive base, is
 * there. Other words take the full path.
 */
function mayBeInGazetteer(word: string): boolean {
  if (!ASCII_LETTERS.test(word)) return true;
  const key = word.toLowerCase();
  return (
    gazetteerLookup(key) !== undefined ||
    (key.endsWith("s") && gazetteerLookup(key.slice(0, -1)) !== undefined)
  );
}

let gazetteerGate: Uint8Array | null = null;

/**
 * Whether text[start, end) may name something in the gazetteer, before any string is made: a
 * plain ASCII word is its own key in lower case, so a bitmap over the length and first letters
 * of the one-word keys (and their genitives) rules out most capitalised words at once. Words with
 * other letters ("Köln", "Türkei") always pass and go to the memo and the linker.
 */
function mayNameActor(text: string, start: number, end: number): boolean {
  if (!gazetteerGate) {
    gazetteerGate = new Uint8Array(1 << 16);
    for (const line of readDataFile("gazetteer/gazetteer.tsv").split("\n")) {
      if (line.startsWith("#")) continue;
      const key = line.split("\t", 2)[1] ?? "";
      if (key.length === 0 || key.includes(" ")) continue;
      gazetteerGate[gateHash(key, 0, key.length)] = 1;
      gazetteerGate[gateHash(`${key}s`, 0, key.length + 1)] = 1;
    }
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return true;
  }
  return gazetteerGate[gateHash(text, start, end)] === 1;
}

const linkMemo = new Map<string, EntityLink | null>();

/** The gazetteer's reading of a single word, when it names an actor; memoised per surface. */
function actorLink(surface: string): EntityLink | null {
  let link = linkMemo.get(surface);
  if (link === undefined) {
    link = mayBeInGazetteer(surface) ? linkMention(surface, { actor: true }) : null;
    if (link && !ACTOR_KINDS.has(link.kind)) link = null;
    if (linkMemo.size > 200_000) linkMemo.clear();
    linkMemo.set(surface, link);
  }
  return link;
}

let cueCategories: Map<string, string> | null = null;

/** Category of a cue lemma: reporting verb, speech noun or non-verb cue (lexicon.ts). */
export function cueCategory(lemma: string): string | null {
  if (!cueCategories) {
    cueCategories = new Map();
    for (const v of reportingVerbs()) cueCategories.set(lexKey(v.lemma), v.category);
  }
  const key = lexKey(lemma);
  return cueCategories.get(key) ?? lookupSpeechNoun(key)?.category ?? lookupCueWord(key)?.category ?? null;
}

function partyOfEntity(ctx: Context, entity: number): ClaimParty {
  const e = ctx.entities[entity] as Entity;
  return { entity, name: e.name, wikidata: e.wikidata };
}

function partyOfLink(ctx: Context, link: EntityLink): ClaimParty {
  const qid = referent(link);
  const entity = qid ? ctx.byWikidata.get(qid) : undefined;
  return entity !== undefined ? partyOfEntity(ctx, entity) : { entity: null, name: link.name, wikidata: qid };
}

/** Tokens [first, end) that a list of spans covers. */
function tokenRange(w: Words, spans: readonly Span[]): [number, number] {
  const first = tokenAtOrAfter(w.tokens, (spans[0] as Span).start);
  let end = tokenAtOrAfter(w.tokens, (spans.at(-1) as Span).end - 1);
  if (end < w.length && w.start(end) < (spans.at(-1) as Span).end) end++;
  return [first, end];
}

const within = (spans: readonly Span[], start: number, end: number): boolean => {
  for (const s of spans) if (start >= s.start && end <= s.end) return true;
  return false;
};

const containsAll = (outer: readonly Span[], inner: readonly Span[]): boolean =>
  inner.every((s) => within(outer, s.start, s.end));

/**
 * The holder of a quote: its speaker's entity; a speech noun that speaks for a country ("russische
 * Behauptungen") is that country's; no speaker is an unnamed source.
 */
function holderOf(ctx: Context, q: Quote): ClaimParty {
  const speaker = q.speaker;
  if (!speaker) return UNNAMED;
  const entity = speaker.entity !== null ? ctx.entities[speaker.entity] : undefined;
  const [first, end] = tokenRange(ctx.w, [speaker]);
  const nounSpeaks =
    (q.cue !== null && q.cue.start >= speaker.start && q.cue.end <= speaker.end) ||
    lookupSpeechNoun(ctx.w.word(end - 1)) !== undefined;
  if (!entity || entity.type === "OTH" || nounSpeaks) {
    let own = false;
    for (let t = first; t < end; t++) {
      if (!ctx.w.isWord(t)) continue;
      if (claimWords().classOf.get(ctx.w.key(t)) === "own-source") own = true;
      const link = actorLink(ctx.w.word(t));
      if (link?.kind === "demonym") return partyOfLink(ctx, link);
    }
    // "Die Staatsanwaltschaft prüft nach eigenen Angaben …": the subject speaks for itself
    if (own) {
      const subject = partiesIn(ctx, q.spans)[0];
      if (subject) return { entity: subject.entity, name: subject.name, wikidata: subject.wikidata };
    }
    // "Berichten zufolge", "nach Angaben aus Regierungskreisen": nobody named
    if (nounSpeaks) return UNNAMED;
  }
  // "die Regierung in Kiew", "die Führung in Moskau": an unlinked body speaks for the state of its seat
  const body = !entity || (entity.wikidata === null && entity.type !== "PER");
  if (body && ctx.w.isWord(end) && claimWords().classOf.get(ctx.w.key(end)) === "seat") {
    const link = ctx.w.isCapitalised(end + 1) ? actorLink(ctx.w.word(end + 1)) : null;
    if (link && (link.kind === "country" || (link.kind === "capital" && link.standsFor)))
      return partyOfLink(ctx, link);
  }
  if (entity && speaker.entity !== null) return partyOfEntity(ctx, speaker.entity);
  return { entity: null, name: ctx.w.text.slice(speaker.start, speaker.end), wikidata: null };
}

/** Index of the first mention (of the sorted triples) starting at or after `offset`. */
function firstMentionAt(m: Int32Array, offset: number): number {
  let lo = 0;
  let hi = m.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((m[mid * 3] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Actors an entity mention names inside `spans` (a quote's frame), each with its first mention. */
function partiesIn(ctx: Context, spans: readonly Span[]): ClaimActor[] {
  const parties: ClaimActor[] = [];
  const m = ctx.mentions;
  for (const span of spans) {
    for (let i = firstMentionAt(m, span.start); i < m.length / 3 && (m[i * 3] ?? 0) < span.end; i++) {
      const start = m[i * 3] ?? 0;
      const end = m[i * 3 + 1] ?? 0;
      const entity = m[i * 3 + 2] ?? 0;
      if (end > span.end || !ACTOR_TYPES.has((ctx.entities[entity] as Entity).type)) continue;
      if (!parties.some((p) => p.entity === entity))
        parties.push({ ...partyOfEntity(ctx, entity), span: { start, end } });
    }
  }
  return parties;
}

/** Quotes that become claims: not a stretch inside another quote by the same source. */
function claimQuotes(ctx: Context): number[] {
  const out: number[] = [];
  const { quotes } = ctx;
  // quotes come sorted by start: only those still open at a quote's start can contain it
  const open = new OpenExtents(quotes.map((q) => q.spans));
  quotes.forEach((q, qi) => {
    if (q.spans.length === 0) return;
    const speaker = q.speaker?.entity ?? null;
    for (const pi of open.around(qi)) {
      const p = quotes[pi] as Quote;
      if (pi === qi || (p.speaker?.entity ?? null) !== speaker) continue;
      // equal extents: the first of the two stays
      if (containsAll(p.spans, q.spans) && (pi < qi || !containsAll(q.spans, p.spans))) return;
    }
    out.push(qi);
  });
  return out;
}

/**
 * The items whose extent (first start to last end) is still open at an item's start, for lists
 * sorted by start: a containment test then looks at the few stretches around, not at all of them
 * (a 50 MB input has tens of thousands of quotes).
 */
class OpenExtents {
  readonly #spans: readonly (readonly Span[])[];
  #active: number[] = [];
  #next = 0;

  constructor(spans: readonly (readonly Span[])[]) {
    this.#spans = spans;
  }

  /** Items open at item i's start, i included; call with i ascending. */
  around(i: number): number[] {
    const start = this.#spans[i]?.[0]?.start ?? 0;
    const end = (s: readonly Span[]) => s.at(-1)?.end ?? 0;
    // items that start at the same offset may be later in the list and still contain it
    while (this.#next < this.#spans.length && (this.#spans[this.#next]?.[0]?.start ?? 0) <= start) {
      this.#active.push(this.#next++);
    }
    this.#active = this.#active.filter((k) => end(this.#spans[k] ?? []) > start);
    return this.#active;
  }
}

/** Sentences an outlet assertion may come from: none of their words belong to a quote or its frame. */
function freeSentences(ctx: Context): Uint8Array {
  const { sentences } = ctx;
  const taken = new Uint8Array(sentences.length);
  const mark = (span: Span) => {
    // sentences are sorted and disjoint: find the first one ending after the span starts
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sentences[mid] as Sentence).end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let si = lo; si < sentences.length && (sentences[si] as Sentence).start < span.end; si++)
      taken[si] = 1;
  };
  for (const q of ctx.quotes) {
    for (const s of q.spans) mark(s);
    for (const s of q.frame) mark(s);
    if (q.cue) for (const p of q.cue.parts) mark(p);
    if (q.speaker) mark(q.speaker);
  }
  return taken;
}

function draft(spans: Span[], quote: number | null, holder: ClaimParty | null, cue: Claim["cue"]): Claim {
  return {
    spans,
    text: "",
    quote,
    holder,
    parent: null,
    actors: [],
    polarity: "positive",
    status: quote === null ? "asserted" : "attributed",
    predicate: null,
    cue,
  };
}

/** The actors a proposition names: entity mentions, gazetteer names and demonyms, first person. */
function actorsOf(ctx: Context, claim: Claim, skip: (t: number) => boolean): ClaimActor[] {
  const { w } = ctx;
  const actors: ClaimActor[] = [];
  const seen = new Set<string>();
  const add = (party: ClaimParty, span: Span) => {
    // within one article an entity index is a key; names are only normalised for unlinked sources
    const key = party.wikidata ?? (party.entity !== null ? `#${party.entity}` : partyKey(party));
    if (seen.has(key)) return;
    seen.add(key);
    actors.push({ ...party, span });
  };
  const q = claim.quote !== null ? ctx.quotes[claim.quote] : undefined;
  const speaker = q?.speaker ?? null;
  const [first, end] = tokenRange(w, claim.spans);
  // tokens a mention already accounts for, relative to `first`
  const covered = new Uint8Array(end - first);
  const m = ctx.mentions;
  for (const span of claim.spans) {
    for (let i = firstMentionAt(m, span.start); i < m.length / 3 && (m[i * 3] ?? 0) < span.end; i++) {
      const start = m[i * 3] ?? 0;
      const stop = m[i * 3 + 1] ?? 0;
      const entity = m[i * 3 + 2] ?? 0;
      if (stop > span.end || (speaker && start >= speaker.start && stop <= speaker.end)) continue;
      const at = tokenAtOrAfter(w.tokens, start);
      if (skip(at)) continue;
      const e = ctx.entities[entity] as Entity;
      // an unlinked mention may hide a name the gazetteer knows ("ranghohe russische Militärs")
      // (a person's own names stay covered: "Kirby" must not find another Kirby)
      for (let t = at; t < end && w.start(t) < stop; t++) {
        if (e.wikidata !== null || (e.type === "PER" && startsUpper(w.text.charCodeAt(w.start(t)))))
          covered[t - first] = 1;
      }
      if (ACTOR_TYPES.has(e.type)) add(partyOfEntity(ctx, entity), { start, end: stop });
    }
  }
  const words = claimWords();
  for (const span of claim.spans) {
    let inQuote = false;
    for (let t = tokenAtOrAfter(w.tokens, span.start); t < end && w.start(t) < span.end; t++) {
      if (w.isQuoteMark(t)) inQuote = !inQuote;
      if (!w.isWord(t) || covered[t - first] === 1 || w.end(t) > span.end || skip(t)) continue;
      const start = w.start(t);
      const stop = w.end(t);
      if (speaker && start >= speaker.start && stop <= speaker.end) continue;
      // "Wir haben niemals …" in the source's own words is about the source
      if (
        inQuote &&
        claim.holder &&
        mayBe(words.classGate, w.text, start, stop) &&
        words.classOf.get(w.key(t)) === "first-person"
      ) {
        add(claim.holder, { start, end: stop });
        continue;
      }
      // demonyms are the only lower-case actors ("nordkoreanische"): look for their "isch" in the text
      if (!startsUpper(w.text.charCodeAt(start)) && !hasIsch(w.text, start, stop)) continue;
      if (!mayNameActor(w.text, start, stop)) continue;
      const link = actorLink(w.word(t));
      if (link) add(partyOfLink(ctx, link), { start, end: stop });
    }
  }
  return actors;
}

/** What the function words of a proposition say about it, from one pass over its own words. */
interface WordScan {
  /** a negation of its own: not one inside a nested claim, not "nicht nur" */
  negative: boolean;
  modal: boolean;
  hearsay: boolean;
  /** a noun pointing back at earlier claims ("die Vorwürfe") */
  reference: boolean;
  firstPerson: boolean;
  perfect: boolean;
}

function scanWords(ctx: Context, claim: Claim, skip: (t: number) => boolean): WordScan {
  const { w } = ctx;
  const { classOf, classGate: gate } = claimWords();
  const scan: WordScan = {
    negative: false,
    modal: false,
    hearsay: false,
    reference: false,
    firstPerson: false,
    perfect: false,
  };
  for (const span of claim.spans) {
    for (let t = tokenAtOrAfter(w.tokens, span.start); t < w.length && w.start(t) < span.end; t++) {
      if (!w.isWord(t) || !mayBe(gate, w.text, w.start(t), w.end(t)) || w.end(t) > span.end || skip(t))
        continue;
      switch (classOf.get(w.key(t))) {
        case "negation":
          if (classOf.get(w.key(t + 1)) !== "cancel") scan.negative = true;
          break;
        case "modal":
          scan.modal = true;
          break;
        case "hearsay":
          scan.hearsay = true;
          break;
        case "reference":
          scan.reference = true;
          break;
        case "first-person":
          scan.firstPerson = true;
          break;
        case "perfect":
          scan.perfect = true;
          break;
      }
    }
  }
  return scan;
}

/** "Wir haben niemals Waffen exportiert": a source's own negated statement about its past acts. */
function firstPersonDenial(ctx: Context, claim: Claim, scan: WordScan): boolean {
  const q = claim.quote !== null ? ctx.quotes[claim.quote] : undefined;
  if (q?.type !== "direct" || !scan.negative) return false;
  return scan.firstPerson && (scan.perfect || claim.predicate !== null);
}

/** Status in order of strength: a denial, a question, a fear over what the words report. */
function statusOf(ctx: Context, claim: Claim, scan: WordScan): ClaimStatus {
  const words = claimWords();
  const modal = scan.modal;
  if (claim.quote === null) return claim.holder ? "hearsay" : modal ? "speculated" : "asserted";
  const q = ctx.quotes[claim.quote] as Quote;
  const lemma = q.cue ? lexKey(q.cue.lemma) : "";
  const byCue =
    (lemma && words.statusByLemma.get(lemma)) || words.statusByCategory.get(claim.cue?.category ?? "");
  if (byCue === "denied" || byCue === "questioned" || byCue === "feared") return byCue;
  if (firstPersonDenial(ctx, claim, scan)) return "denied";
  if (byCue) return byCue;
  const [first, end] = tokenRange(ctx.w, claim.spans);
  const cueClass = words.classOf.get(lemma);
  if (cueClass === "hearsay" || cueClass === "hearsay-cue" || scan.hearsay) return "hearsay";
  if (claim.holder?.name === "" || (hasHearsayForm(ctx, first, end) && hasHearsay(ctx.w, first, end)))
    return "hearsay";
  return modal ? "speculated" : "attributed";
}

/** The proposition as plain text: no quote marks, no cue, no source phrase, no final stop. */
function normalise(ctx: Context, claim: Claim): string {
  const { w } = ctx;
  const q = claim.quote !== null ? ctx.quotes[claim.quote] : undefined;
  const drop: Span[] = [];
  if (q?.cue) drop.push(...q.cue.parts);
  if (q?.speaker) drop.push(q.speaker);
  let out = "";
  let lastEnd = -1;
  let gap = false;
  for (const span of claim.spans) {
    for (let t = tokenAtOrAfter(w.tokens, span.start); t < w.length && w.start(t) < span.end; t++) {
      if (w.isQuoteMark(t) || within(drop, w.start(t), w.end(t))) {
        gap = true;
        continue;
      }
      if (out.length > 0 && (gap || w.start(t) > lastEnd) && !(w.isPunct(t, ",;:.!?") && !gap)) out += " ";
      out += w.word(t);
      lastEnd = w.end(t);
      gap = false;
    }
    gap = true;
  }
  let cut = out.length;
  while (cut > 0 && ",;:.!?– ".includes(out[cut - 1] as string)) cut--;
  return out.slice(0, cut);
}

export function extractClaims(
  w: Words,
  sentences: readonly Sentence[],
  paragraphKinds: readonly string[],
  quotes: readonly Quote[],
  entities: readonly Entity[],
): {
  claims: Claim[];
  partiesIn: (spans: readonly Span[]) => ClaimParty[];
  /** denials that only point back at earlier claims ("wies die Vorwürfe zurück") */
  backReferences: number[];
} {
  const triples: number[] = [];
  const byWikidata = new Map<string, number>();
  entities.forEach((e, ei) => {
    if (e.wikidata && !byWikidata.has(e.wikidata)) byWikidata.set(e.wikidata, ei);
    for (const m of e.mentions) triples.push(m.start, m.end, ei);
  });
  const order = Array.from({ length: triples.length / 3 }, (_, i) => i).sort(
    (a, b) => (triples[a * 3] ?? 0) - (triples[b * 3] ?? 0),
  );
  const mentions = new Int32Array(triples.length);
  order.forEach((from, to) => {
    mentions[to * 3] = triples[from * 3] ?? 0;
    mentions[to * 3 + 1] = triples[from * 3 + 1] ?? 0;
    mentions[to * 3 + 2] = triples[from * 3 + 2] ?? 0;
  });
  const hearsayAt = matchOffsets(claimWords().hearsayForms, w.text);
  const ctx: Context = { w, hearsayAt, sentences, paragraphKinds, quotes, entities, mentions, byWikidata };

  const claims: Claim[] = [];
  for (const qi of claimQuotes(ctx)) {
    const q = quotes[qi] as Quote;
    const cue = q.cue ? { lemma: q.cue.lemma, category: cueCategory(q.cue.lemma) ?? "other" } : null;
    claims.push(
      draft(
        q.spans.map((s) => ({ start: s.start, end: s.end })),
        qi,
        holderOf(ctx, q),
        cue,
      ),
    );
  }
  claims.push(...outletAssertions(ctx));
  claims.sort(
    (a, b) =>
      (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) ||
      (b.spans.at(-1)?.end ?? 0) - (a.spans.at(-1)?.end ?? 0),
  );

  // the innermost earlier claim by another source whose message holds this one
  const holderKeys = claims.map((c) => partyKey(c.holder));
  const open = new OpenExtents(claims.map((c) => c.spans));
  claims.forEach((c, ci) => {
    const around = open.around(ci);
    for (let k = around.length - 1; k >= 0; k--) {
      const pi = around[k] as number;
      if (pi >= ci) continue;
      const p = claims[pi] as Claim;
      if (p.quote !== null && holderKeys[pi] !== holderKeys[ci] && containsAll(p.spans, c.spans)) {
        c.parent = pi;
        break;
      }
    }
  });
  const children = new Map<number, Span[]>();
  claims.forEach((c) => {
    if (c.parent === null) return;
    const list = children.get(c.parent) ?? [];
    list.push(...c.spans);
    children.set(c.parent, list);
  });

  const backReferences: number[] = [];
  claims.forEach((c, ci) => {
    const nested = children.get(ci);
    const skip = nested ? (t: number) => within(nested, w.start(t), w.end(t)) : () => false;
    const [first, end] = tokenRange(w, c.spans);
    c.text = normalise(ctx, c);
    const scan = scanWords(ctx, c, skip);
    c.polarity = scan.negative ? "negative" : "positive";
    const plain = c.spans.length === 1 && !nested;
    c.predicate ??= predicateIn(
      w,
      first,
      end,
      plain ? () => true : (t) => within(c.spans, w.start(t), w.end(t)) && !skip(t),
    );
    c.status = statusOf(ctx, c, scan);
    if (c.status === "denied" && c.predicate === null && scan.reference) backReferences.push(ci);
    c.actors = actorsOf(ctx, c, skip);
    // "Die USA warfen Nordkorea vor, …": the one accused in the frame is what the claim is about
    if (c.cue?.category === "criticize" && c.quote !== null) {
      const q = quotes[c.quote] as Quote;
      const holder = partyKey(c.holder);
      const speaker = q.speaker?.entity ?? null;
      const accused = partiesIn(ctx, q.frame).filter(
        (p) =>
          partyKey(p) !== holder &&
          p.entity !== speaker &&
          !c.actors.some((a) => partyKey(a) === partyKey(p)),
      );
      c.actors.unshift(...accused);
    }
    // a denier rejects what is said about itself
    if (c.status === "denied" && c.holder && c.holder.name !== "") {
      const key = partyKey(c.holder);
      if (!c.actors.some((a) => partyKey(a) === key)) {
        const speaker = c.quote !== null ? quotes[c.quote]?.speaker : null;
        c.actors.push({
          ...c.holder,
          span: speaker ? { start: speaker.start, end: speaker.end } : (c.spans[0] as Span),
        });
      }
    }
  });
  return { claims, partiesIn: (spans) => partiesIn(ctx, spans), backReferences };
}

/** Words before a headline's colon that may name its source ("Kiew:", "Kirby:", "US-Regierung:"). */
const MAX_HEADLINE_SOURCE = 4;

/** "Kiew: Iran liefert weiter Drohnen": a headline that passes on what the source before the colon says. */
function sourcedHeadline(ctx: Context, s: Sentence): Claim | null {
  const { w } = ctx;
  let colon = -1;
  for (let t = s.firstToken; t < Math.min(s.endToken, s.firstToken + MAX_HEADLINE_SOURCE + 1); t++) {
    if (w.isPunct(t, ":")) {
      colon = t;
      break;
    }
  }
  if (colon <= s.firstToken || colon + 1 >= s.endToken) return null;
  const source = { start: s.start, end: w.end(colon - 1) };
  let holder: ClaimParty | undefined = partiesIn(ctx, [source])[0];
  if (!holder) {
    for (let t = s.firstToken; t < colon && !holder; t++) {
      const link = w.isCapitalised(t) ? actorLink(w.word(t)) : null;
      if (link) holder = partyOfLink(ctx, link);
    }
  }
  if (!holder) return null;
  const claim = draft([{ start: w.start(colon + 1), end: s.end }], null, holder, null);
  claim.status = "hearsay";
  return claim;
}

const HEARSAY = 1;

/** Start offsets of a global regex's matches in `text`. */
function matchOffsets(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index);
  return out;
}

/** A cheap test before hasHearsay: does the range have a form of "sollen"/"wollen" at all? */
function hasHearsayForm(ctx: Context, first: number, end: number): boolean {
  const at = ctx.hearsayAt;
  const from = ctx.w.start(first);
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && (at[lo] as number) < ctx.w.end(end - 1);
}

/**
 * The outlet's own assertions, conservatively: an indicative statement outside any quote, in the
 * title, lead or body, that states an act of a predicate family and names an actor.
 */
function outletAssertions(ctx: Context): Claim[] {
  const { w, sentences } = ctx;
  const taken = freeSentences(ctx);
  // sentences that may pass a claim on ("soll"): one regex pass over the text
  const candidate = new Uint8Array(sentences.length);
  const mark = (offsets: Iterable<number>, bit: number) => {
    for (const at of offsets) {
      const si = spanIndexAt(sentences, at);
      if (si >= 0) candidate[si] = (candidate[si] ?? 0) | bit;
    }
  };
  mark(ctx.hearsayAt, HEARSAY);
  const out: Claim[] = [];
  sentences.forEach((s, si) => {
    if (taken[si]) return;
    const kind = ctx.paragraphKinds[s.paragraph];
    if (kind === "title" || kind === "heading") {
      const headline = sourcedHeadline(ctx, s);
      if (headline) {
        out.push(headline);
        return;
      }
    }
    if (kind === "heading") return;
    let last = s.endToken - 1;
    while (last > s.firstToken && w.isQuoteMark(last)) last--;
    if (w.isPunct(last, "?")) return;
    // "Nordkorea soll Granaten verkauft haben": passed on from an unnamed source, whatever it states
    if ((candidate[si] ?? 0) & HEARSAY && hasHearsay(w, s.firstToken, s.endToken)) {
      out.push(draft([{ start: s.start, end: s.end }], null, UNNAMED, null));
      return;
    }
    if (!hasVerbForm(w, s.firstToken, s.endToken)) return;
    const predicate = predicateIn(w, s.firstToken, s.endToken, () => true);
    // a verb states the act; a noun alone is often background ("Nach der Invasion ...")
    if (!predicate?.spans.some((p) => isVerb(w.text.slice(p.start, p.end)))) return;
    const claim = draft([{ start: s.start, end: s.end }], null, null, null);
    claim.predicate = predicate;
    // the costlier checks last: most sentences state no act of a known family
    if (actorsOf(ctx, claim, () => false).length === 0 || hasSubjunctive(w, s.firstToken, s.endToken)) return;
    out.push(claim);
  });
  return out;
}
