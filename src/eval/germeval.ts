/**
 * GermEval 2014 NER: reading the TSV, BIO → chunks, and the official "outer chunks, strict"
 * metric (a chunk counts only with identical first token, last token and label; PERderiv and
 * PERpart are labels of their own). Pure scorer over token-index chunks.
 */
import { readFileSync } from "node:fs";
import type { Analysis } from "../analysis.js";
import type { EntityType, Span } from "../doc.js";
import { LautError } from "../errors.js";
import { type Counts, type PRF, prf, zeroCounts } from "./metrics.js";
import { TokenCover } from "./token-cover.js";

/** token range [start, end) of one sentence with its label, e.g. "LOCderiv" */
export interface Chunk {
  start: number;
  end: number;
  label: string;
}

export interface NerSentence {
  /** the '#' line: source URL and date */
  source: string;
  tokens: string[];
  gold: Chunk[];
}

export interface NerScores extends PRF {
  byType: Record<string, PRF>;
  chunks: { gold: number; predicted: number; correct: number };
  sentences: number;
}

/** laut's entity types in the GermEval label set; laut emits no deriv/part labels */
export const NER_LABEL: Readonly<Record<EntityType, string>> = {
  PER: "PER",
  ORG: "ORG",
  LOC: "LOC",
  OTH: "OTH",
};

// linear: literal alternatives, one character class
const TAG = /^(?:O|[BI]-[A-Za-z]+)$/;

export function readGermEval(path: string, limit?: number): NerSentence[] {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold file ${path} cannot be read`, { cause: error });
  }
  const sentences = parseGermEval(raw, path);
  if (sentences.length === 0) throw new LautError("E_GOLD_FORMAT", `gold file ${path} holds no sentences`);
  return limit === undefined ? sentences : sentences.slice(0, limit);
}

export function parseGermEval(raw: string, name = "input"): NerSentence[] {
  const sentences: NerSentence[] = [];
  let source = "";
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) sentences.push({ source, tokens, gold: bioChunks(tags) });
    tokens = [];
    tags = [];
  };
  const lines = raw.split("\n");
  lines.forEach((line, i) => {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (text.startsWith("#")) {
      flush();
      source = text.slice(1).trim();
      return;
    }
    if (text.trim() === "") {
      flush();
      return;
    }
    const cells = text.split("\t");
    const token = cells[1];
    const tag = cells[2];
    if (!token || tag === undefined || !TAG.test(tag)) {
      throw new LautError("E_GOLD_FORMAT", `${name} line ${i + 1}: expected "index<TAB>token<TAB>BIO tag"`);
    }
    tokens.push(token);
    tags.push(tag);
  });
  flush();
  return sentences;
}

/** Chunks of a BIO sequence; an I- tag that does not continue its label opens a chunk (as conlleval). */
export function bioChunks(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    const prefix = tag[0];
    const label = tag.slice(2);
    if (open && (prefix !== "I" || label !== open.label)) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (!open && (prefix === "B" || prefix === "I")) open = { start: i, end: i + 1, label };
  }
  if (open) {
    open.end = tags.length;
    chunks.push(open);
  }
  return chunks;
}

/** A sentence's text as laut sees it (tokens joined by single spaces) and its token offsets. */
export function sentenceText(tokens: readonly string[]): { text: string; cover: TokenCover } {
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  let offset = 0;
  tokens.forEach((t, i) => {
    starts[i] = offset;
    offset += t.length;
    ends[i] = offset;
    offset += 1;
  });
  const text = tokens.join(" ");
  return { text, cover: new TokenCover(text, starts, ends) };
}

/**
 * Labelled character spans as chunks of gold tokens. The outer level has no overlaps, so of
 * overlapping mentions the earlier (then the longer) one wins.
 */
export function chunksFromMentions(
  mentions: readonly (Span & { label: string })[],
  cover: TokenCover,
): Chunk[] {
  const candidates: Chunk[] = [];
  for (const m of mentions) {
    const ids = cover.tokens([m]);
    if (ids.length === 0) continue;
    candidates.push({ start: ids[0] as number, end: (ids[ids.length - 1] as number) + 1, label: m.label });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chunks: Chunk[] = [];
  for (const c of candidates) {
    const last = chunks[chunks.length - 1];
    if (!last || c.start >= last.end) chunks.push(c);
  }
  return chunks;
}

export function nerFromAnalysis(analysis: Pick<Analysis, "entities">, cover: TokenCover): Chunk[] {
  return chunksFromMentions(
    analysis.entities.flatMap((e) =>
      e.mentions.map((m) => ({ start: m.start, end: m.end, label: NER_LABEL[e.type] })),
    ),
    cover,
  );
}

export function scoreNer(
  sentences: readonly { gold: readonly Chunk[]; predicted: readonly Chunk[] }[],
): NerScores {
  const all = zeroCounts();
  const byLabel = new Map<string, Counts>();
  const countsOf = (label: string) => {
    let c = byLabel.get(label);
    if (!c) {
      c = zeroCounts();
      byLabel.set(label, c);
    }
    return c;
  };
  let gold = 0;
  let predicted = 0;
  for (const s of sentences) {
    gold += s.gold.length;
    predicted += s.predicted.length;
    const goldKeys = new Set(s.gold.map(chunkKey));
    const predictedKeys = new Set(s.predicted.map(chunkKey));
    for (const c of s.predicted) {
      if (goldKeys.has(chunkKey(c))) {
        all.tp++;
        countsOf(c.label).tp++;
      } else {
        all.fp++;
        countsOf(c.label).fp++;
      }
    }
    for (const c of s.gold) {
      if (!predictedKeys.has(chunkKey(c))) {
        all.fn++;
        countsOf(c.label).fn++;
      }
    }
  }
  const byType: Record<string, PRF> = {};
  for (const label of [...byLabel.keys()].sort()) byType[label] = prf(byLabel.get(label) as Counts);
  return {
    ...prf(all),
    byType,
    chunks: { gold, predicted, correct: all.tp },
    sentences: sentences.length,
  };
}

const chunkKey = (c: Chunk): string => `${c.start}:${c.end}:${c.label}`;
