/**
 * Everything the store needs from an analysed article, computed without a database: the encoded
 * Analysis, the stemmed search terms and flat quote and entity rows. Pure and serialisable, so
 * ingest workers prepare articles in parallel and the writer only inserts.
 */
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Analysis } from "../analysis.js";
import { stemText, words } from "../lang/de/stem.js";

export interface PreparedQuote {
  /** 1-based position in the analysis ("q3" → 3) */
  ordinal: number;
  type: string;
  medium: string;
  text: string;
  spans: [number, number][];
  start: number;
  end: number;
  cue: string | null;
  cueLemma: string | null;
  speakerText: string | null;
  /** index into PreparedArticle.entities */
  speakerEntity: number | null;
  addressee: string | null;
  confidence: number;
  attribution: string;
  terms: string;
}

export interface PreparedEntity {
  type: string;
  name: string;
  /** mention offsets as flat [start, end, start, end, …] */
  mentions: number[];
  quoteCount: number;
}

export interface PreparedArticle {
  /** the analysed text: every offset points into it */
  text: string;
  schemaVersion: string;
  /** the Analysis without its text, as deflated JSON */
  encoded: Uint8Array;
  terms: string;
  quotes: PreparedQuote[];
  entities: PreparedEntity[];
}

/**
 * The dedup key of an article body: case, Unicode compatibility forms, punctuation and spacing
 * do not count, so the same agency story re-typeset by five sites is one article.
 */
export function textHash(text: string): string {
  const normalised = words(text.normalize("NFKC").toLowerCase()).join(" ");
  return createHash("sha256").update(normalised).digest("hex").slice(0, 32);
}

export function prepareArticle(analysis: Analysis): PreparedArticle {
  const entityIndex = new Map<string, number>();
  const entities: PreparedEntity[] = analysis.entities.map((e, i) => {
    entityIndex.set(e.id, i);
    const mentions: number[] = [];
    for (const m of e.mentions) mentions.push(m.start, m.end);
    return { type: e.type, name: e.name, mentions, quoteCount: 0 };
  });
  const quotes = analysis.quotes.map((q, i): PreparedQuote => {
    const speakerEntity =
      q.speaker?.entity !== undefined ? (entityIndex.get(q.speaker.entity) ?? null) : null;
    if (speakerEntity !== null) (entities[speakerEntity] as PreparedEntity).quoteCount++;
    const spans = q.spans.map((s): [number, number] => [s.start, s.end]);
    return {
      ordinal: i + 1,
      type: q.type,
      medium: q.medium,
      text: q.text,
      spans,
      start: spans[0]?.[0] ?? 0,
      end: spans.at(-1)?.[1] ?? 0,
      cue: q.cue?.text ?? null,
      cueLemma: q.cue?.lemma ?? null,
      speakerText: q.speaker?.text ?? null,
      speakerEntity,
      addressee: q.addressee?.text ?? null,
      confidence: q.confidence,
      attribution: q.attribution,
      terms: stemText(q.text),
    };
  });
  return {
    text: analysis.text,
    schemaVersion: analysis.schemaVersion,
    encoded: encodeAnalysis(analysis),
    terms: stemText(analysis.text),
    quotes,
    entities,
  };
}

/**
 * The stored form of an Analysis: without its text (stored beside it) and with the token spans,
 * two thirds of the JSON, as [gap, length] pairs, which deflate to a fraction and faster.
 */
interface StoredAnalysis extends Omit<Analysis, "text" | "tokens"> {
  tokenRuns: number[];
}

function encodeAnalysis(analysis: Analysis): Uint8Array {
  const { text: _text, tokens, ...rest } = analysis;
  const tokenRuns: number[] = new Array(tokens.length * 2);
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as { start: number; end: number };
    tokenRuns[2 * i] = t.start - end;
    tokenRuns[2 * i + 1] = t.end - t.start;
    end = t.end;
  }
  const stored: StoredAnalysis = { ...rest, tokenRuns };
  return deflateRawSync(JSON.stringify(stored), { level: 1 });
}

export function decodeAnalysis(encoded: Uint8Array, text: string): Analysis {
  const { tokenRuns, schemaVersion, source, title, paragraphs, sentences, ...rest } = JSON.parse(
    inflateRawSync(encoded).toString("utf8"),
  ) as StoredAnalysis;
  const tokens: Analysis["tokens"] = new Array(tokenRuns.length / 2);
  let end = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = end + (tokenRuns[2 * i] as number);
    end = start + (tokenRuns[2 * i + 1] as number);
    tokens[i] = { start, end };
  }
  // fields in the order toAnalysis gives them, so JSON output is the same
  return { schemaVersion, source, text, title, paragraphs, sentences, tokens, ...rest };
}

/** ISO 8601 in UTC when the date parses, so dates from all sources sort together; else null */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
