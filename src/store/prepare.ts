/**
 * Everything the store needs from an analysed article, computed without a database: the encoded
 * Analysis, the stemmed search terms and flat quote and entity rows. Pure and serialisable, so
 * ingest workers prepare articles in parallel and the writer only inserts.
 */
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Analysis } from "../analysis.js";
import { stemText } from "../lang/de/stem.js";

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

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The dedup key of an article body: case, Unicode compatibility forms, punctuation and spacing
 * do not count, so the same agency story re-typeset by five sites is one article.
 */
export function textHash(text: string): string {
  const normalised = text.normalize("NFKC").toLowerCase().replace(NOT_WORD, " ").trim();
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
  const { text, ...rest } = analysis;
  return {
    text,
    schemaVersion: analysis.schemaVersion,
    encoded: deflateRawSync(JSON.stringify(rest), { level: 3 }),
    terms: stemText(text),
    quotes,
    entities,
  };
}

export function decodeAnalysis(encoded: Uint8Array, text: string): Analysis {
  const { schemaVersion, source, ...rest } = JSON.parse(inflateRawSync(encoded).toString("utf8")) as Omit<
    Analysis,
    "text"
  >;
  // the text goes back where toAnalysis puts it, so JSON output keeps its field order
  return { schemaVersion, source, text, ...rest };
}

/** ISO 8601 in UTC when the date parses, so dates from all sources sort together; else null */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
