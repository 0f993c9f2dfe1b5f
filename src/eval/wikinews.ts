import type { Analysis, AnalysisQuote } from "../analysis.js";
import type { Span } from "../doc.js";
import { LautError } from "../errors.js";
import { readGoldDir } from "./gold-dir.js";
import { normaliseIds } from "./metrics.js";
import { QUOTE_ROLES, type QuoteRole, type TokenQuote } from "./quotes.js";
import { TokenCover } from "./token-cover.js";

/** laut's quote types in the gold vocabulary */
export const GOLD_TYPE: Readonly<Record<string, string>> = {
  direct: "Direct",
  indirect: "Indirect",
  free_indirect: "FreeIndirect",
  indirect_free_indirect: "IndirectFreeIndirect",
  reported: "Reported",
};

/** laut's media in the gold vocabulary */
export const GOLD_MEDIUM: Readonly<Record<string, string>> = {
  speech: "Speech",
  writing: "Writing",
  thought: "Thought",
  speech_writing: "SW",
  speech_thought: "ST",
  thought_writing: "TW",
};

/** A quotation as character spans into the document text. */
export interface CharQuote {
  message: Span[];
  speaker: Span[];
  cue: Span[];
  addressee: Span[];
  frame: Span[];
  type: string | null;
  medium: string | null;
  nested: boolean;
}

export interface GoldQuote extends TokenQuote {
  /** the same quote as character spans, for showing errors and for gold-as-prediction checks */
  chars: CharQuote;
}

export interface QuoteGoldDoc {
  name: string;
  text: string;
  cover: TokenCover;
  punctuation: Uint8Array;
  quotes: GoldQuote[];
}

const GOLD_PART: Readonly<Record<"message" | QuoteRole, string>> = {
  message: "quote",
  speaker: "speaker",
  cue: "cue",
  addressee: "addressee",
  frame: "frame",
};

// linear: one character class, no nesting
const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;

/** The gold documents of a split folder, sorted by file name; `limit` keeps the first N. */
export function readWikinewsDir(dir: string, limit?: number): QuoteGoldDoc[] {
  return readGoldDir(dir, limit, parseWikinewsDoc);
}

export function parseWikinewsDoc(name: string, json: unknown): QuoteGoldDoc {
  const bad = (what: string) => new LautError("E_GOLD_FORMAT", `gold document "${name}": ${what}`);
  const doc = json as {
    originalText?: unknown;
    tokens?: { charBegin?: unknown; charEnd?: unknown; text?: unknown }[];
    annotations?: Record<string, unknown>[];
  };
  if (typeof doc?.originalText !== "string") throw bad("no originalText");
  if (!Array.isArray(doc.tokens)) throw bad("no tokens");
  if (!Array.isArray(doc.annotations)) throw bad("no annotations");
  const text = doc.originalText;
  const n = doc.tokens.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const punctuation = new Uint8Array(n);
  let previousEnd = 0;
  doc.tokens.forEach((t, i) => {
    const { charBegin, charEnd } = t;
    if (
      typeof charBegin !== "number" ||
      typeof charEnd !== "number" ||
      charBegin < previousEnd ||
      charEnd <= charBegin ||
      charEnd > text.length
    ) {
      throw bad(`token ${i} has bad offsets`);
    }
    starts[i] = charBegin;
    ends[i] = charEnd;
    previousEnd = charEnd;
    if (PUNCTUATION_ONLY.test(text.slice(charBegin, charEnd))) punctuation[i] = 1;
  });

  const quotes = doc.annotations.map((a, qi): GoldQuote => {
    const chars: CharQuote = {
      message: [],
      speaker: [],
      cue: [],
      addressee: [],
      frame: [],
      type: typeof a.type === "string" ? a.type : null,
      medium: typeof a.medium === "string" ? a.medium : null,
      nested: a.isNested === true,
    };
    const ids: Record<"message" | QuoteRole, number[]> = {
      message: [],
      speaker: [],
      cue: [],
      addressee: [],
      frame: [],
    };
    for (const part of ["message", ...QUOTE_ROLES] as const) {
      const gold = a[GOLD_PART[part]] as { spans?: unknown; tokenIds?: unknown } | undefined;
      if (!gold || !Array.isArray(gold.spans) || !Array.isArray(gold.tokenIds)) {
        throw bad(`annotation ${qi} has no ${GOLD_PART[part]}`);
      }
      for (const s of gold.spans as { charBegin?: unknown; charEnd?: unknown }[]) {
        if (typeof s.charBegin !== "number" || typeof s.charEnd !== "number" || s.charEnd > text.length) {
          throw bad(`annotation ${qi} ${GOLD_PART[part]} has a bad span`);
        }
        chars[part].push({ start: s.charBegin, end: s.charEnd });
      }
      for (const id of gold.tokenIds) {
        if (typeof id !== "number" || id < 0 || id >= n) throw bad(`annotation ${qi} names token ${id}`);
      }
      ids[part] = normaliseIds(gold.tokenIds as number[]);
    }
    if (ids.message.length === 0) throw bad(`annotation ${qi} has an empty quote`);
    return { ...ids, type: chars.type, medium: chars.medium, nested: chars.nested, chars };
  });

  return { name, text, cover: new TokenCover(text, starts, ends), punctuation, quotes };
}

/** laut's quotes as character spans with gold labels; `nested` follows the message spans. */
export function charQuotesFromAnalysis(analysis: Pick<Analysis, "quotes">): CharQuote[] {
  return markNested(analysis.quotes.map(charQuoteFromAnalysis));
}

export function charQuoteFromAnalysis(q: AnalysisQuote): CharQuote {
  const span = (s: Span): Span => ({ start: s.start, end: s.end });
  return {
    message: q.spans.map(span),
    speaker: q.speaker ? [span(q.speaker)] : [],
    cue: q.cue ? q.cue.parts.map(span) : [],
    addressee: q.addressee ? [span(q.addressee)] : [],
    frame: q.frame ? q.frame.parts.map(span) : [],
    type: GOLD_TYPE[q.type] ?? q.type,
    medium: GOLD_MEDIUM[q.medium] ?? q.medium,
    nested: false,
  };
}

/**
 * A predicted quote is nested when every part of its message lies inside another predicted
 * quote's message; of two quotes with identical messages the later one is the nested one.
 */
export function markNested(quotes: CharQuote[]): CharQuote[] {
  const inside = (a: Span[], b: Span[]) =>
    a.length > 0 && a.every((s) => b.some((o) => o.start <= s.start && s.end <= o.end));
  const same = (a: Span[], b: Span[]) =>
    a.length === b.length && a.every((s, i) => s.start === b[i]?.start && s.end === b[i]?.end);
  return quotes.map((q, i) => ({
    ...q,
    nested: quotes.some(
      (other, j) => j !== i && inside(q.message, other.message) && (j < i || !same(q.message, other.message)),
    ),
  }));
}

export function toTokenQuote(q: CharQuote, cover: TokenCover): TokenQuote {
  return {
    message: cover.tokens(q.message),
    speaker: cover.tokens(q.speaker),
    cue: cover.tokens(q.cue),
    addressee: cover.tokens(q.addressee),
    frame: cover.tokens(q.frame),
    type: q.type,
    medium: q.medium,
    nested: q.nested,
  };
}
