/**
 * The Doc: one immutable text and the annotation layers stages add to it, as standoff spans.
 * Offsets are UTF-16 code units into `text` everywhere (what JavaScript strings index by).
 * A layer is written once, by the stage that assigns it; later stages read it. The JSON
 * `Analysis` is a projection of the Doc (see analysis.ts), never the Doc itself.
 */
import type { ClaimLayer } from "./claims/types.js";
import { LautError } from "./errors.js";
import type { SpeechEvent } from "./speech/events/stage.js";

export interface Span {
  start: number;
  end: number;
}

/** Token classes; kept in a Uint8Array, so values must stay below 256. */
export const TokenKind = {
  Word: 1,
  Number: 2,
  Punct: 3,
  QuoteMark: 4,
  Abbreviation: 5,
  Symbol: 6,
  Url: 7,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** Tokens as parallel typed arrays: no object or copied string per token. */
export interface TokenTable {
  readonly length: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly kinds: Uint8Array;
}

/**
 * A view of the text for matching (NBSP as space, soft hyphens and zero-width characters
 * dropped, ...). `toText[i]` is the offset in the original text of view offset i (length+1
 * entries). When nothing needed normalising, `text` is the original and `toText` is null.
 */
export interface TextView {
  readonly text: string;
  readonly toText: Uint32Array | null;
}

export type ParagraphKind = "title" | "heading" | "lead" | "body";

export interface Paragraph extends Span {
  kind: ParagraphKind;
}

export interface Sentence extends Span {
  /** index into paragraphs */
  paragraph: number;
  /** token range [firstToken, endToken) */
  firstToken: number;
  endToken: number;
}

/** A pair of quote marks as found in the text (the marks themselves, not what they mean). */
export interface QuoteMarkPair {
  open: Span;
  /** null when the quote is never closed (it then runs to the end of its paragraph or the next paragraph's opening mark) */
  close: Span | null;
  /** the quoted stretch including the marks */
  start: number;
  end: number;
  /** nesting depth, 0 for outermost */
  depth: number;
  /** style name from the quote-mark table, e.g. "guillemets", "german", "straight" */
  style: string;
}

/** What a quoted stretch is: speech, a fragment quoted inside a sentence, a name or title, a scare quote. */
export type QuotedRole = "speech" | "partial" | "name" | "scare";

export interface Quoted extends Span {
  /** index into quoteMarks */
  marks: number;
  /** the text between the marks */
  inner: Span;
  role: QuotedRole;
}

export type QuoteType = "direct" | "indirect" | "free_indirect" | "indirect_free_indirect" | "reported";
export type Medium =
  | "speech"
  | "writing"
  | "thought"
  | "speech_writing"
  | "speech_thought"
  | "thought_writing";

export interface Cue extends Span {
  /** discontinuous cues ("teilte … mit") list every part; start/end cover the first part */
  parts: Span[];
  lemma: string;
}

export interface SpeakerRef extends Span {
  /** index into entities, or null when the mention could not be resolved */
  entity: number | null;
}

export interface Quote {
  type: QuoteType;
  medium: Medium;
  /** the message, possibly discontinuous; for direct quotes the marks are included, as in the WikiNews gold */
  spans: Span[];
  /** indices into `quoted` of the stretches in quote marks that belong to this quote */
  quoted: number[];
  cue: Cue | null;
  speaker: SpeakerRef | null;
  addressee: Span | null;
  /** the framing clause in the cue's sentence, outside the message ("Die Kanadier hingegen sagen,"); empty when the quote has none */
  frame: Span[];
  confidence: number;
  /** how the speaker was found, for debugging and for the reader: "cue", "colon", "continuation", "context", "headline", "clause", "none" */
  attribution: string;
}

export type EntityType = "PER" | "ORG" | "LOC" | "OTH";

export interface Entity {
  type: EntityType;
  /** canonical name, e.g. "John Kirby" */
  name: string;
  /** role or title the article gives, e.g. "Sprecher des Nationalen Sicherheitsrates der USA" */
  role: string | null;
  /** Wikidata ID of who or what acts (the state for "Moskau erklärte"), null when not linked */
  wikidata: string | null;
  mentions: Span[];
}

/** How a name occurs: as itself, as a derived word ("russische", LOCderiv) or inside a word ("EU-Kommission", ORGpart). */
export type NameKind = "name" | "deriv" | "part";

/** A name found by the trained recogniser (entities/ner): whole tokens, GermEval 2014 outer labels. */
export interface Name extends Span {
  type: EntityType;
  kind: NameKind;
  /** token range [firstToken, endToken) */
  firstToken: number;
  endToken: number;
  /** 0..1 from the model's margin over the next-best tag; a ranking signal, not a calibrated probability */
  score: number;
}

export interface Layers {
  view: TextView;
  tokens: TokenTable;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quoteMarks: QuoteMarkPair[];
  quoted: Quoted[];
  entities: Entity[];
  quotes: Quote[];
  speechEvents: SpeechEvent[];
  names: Name[];
  claims: ClaimLayer;
}

export type LayerName = keyof Layers;

export class Doc {
  readonly text: string;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly #layers: Partial<Layers> = {};

  constructor(text: string, meta: Record<string, unknown> = {}) {
    this.text = text;
    this.meta = meta;
  }

  has(name: LayerName): boolean {
    return this.#layers[name] !== undefined;
  }

  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.#layers[name];
    if (layer === undefined) {
      throw new LautError("E_PIPELINE", `layer "${name}" was read before any stage assigned it`);
    }
    return layer as Layers[K];
  }

  /** Layers are write-once: a second write means two stages claim one layer. */
  set<K extends LayerName>(name: K, value: Layers[K]): void {
    if (this.#layers[name] !== undefined) {
      throw new LautError("E_PIPELINE", `layer "${name}" was assigned twice`);
    }
    this.#layers[name] = value;
  }

  /** Text of a span. */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
