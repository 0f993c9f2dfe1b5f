/**
 * Invariants every text layer must satisfy on any input, shared by the fixture tests and the
 * corpus test: spans of the original text, in order, without overlap, on token boundaries.
 * Each check returns the violations it found (empty when all hold), so a test over thousands
 * of tokens asserts once and reports what broke.
 */
import type { Paragraph, Sentence, TokenTable } from "../doc.js";
import { tokenTexts } from "./tokenize.js";

/** The characters the view drops. */
export const DROPPED = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const BLANK = /^[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*$/;
const EDGE = /[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const MARK = /^\p{M}$/u;
const BASE = /^[\p{L}\p{N}\p{M}]$/u;

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

export function checkTokens(text: string, tokens: TokenTable): string[] {
  const problems: string[] = [];
  const at = (t: number) => `token ${t} ${JSON.stringify(text.slice(tokens.starts[t], tokens.ends[t]))}`;
  let previousEnd = 0;
  const gaps: string[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const start = tokens.starts[t] as number;
    const end = tokens.ends[t] as number;
    if (start < previousEnd) problems.push(`${at(t)} overlaps the token before`);
    if (end <= start || end > text.length) problems.push(`${at(t)} has bounds ${start}-${end}`);
    const gap = text.slice(previousEnd, start);
    if (!BLANK.test(gap)) problems.push(`${at(t)} follows non-space ${JSON.stringify(gap)}`);
    gaps.push(gap);
    if (isHighSurrogate(text.charCodeAt(end - 1))) problems.push(`${at(t)} ends inside a surrogate pair`);
    if (MARK.test(text.charAt(end)) && BASE.test(text.charAt(end - 1)))
      problems.push(`${at(t)} leaves its combining mark to the next token`);
    if (EDGE.test(text.charAt(start)) || EDGE.test(text.charAt(end - 1)))
      problems.push(`${at(t)} starts or ends with whitespace or an invisible character`);
    previousEnd = end;
  }
  if (!BLANK.test(text.slice(previousEnd))) problems.push("text after the last token is not blank");
  // lossless round trip: gaps and tokens rebuild the text
  const texts = tokenTexts(text, tokens);
  if (texts.map((token, i) => gaps[i] + token).join("") + text.slice(previousEnd) !== text)
    problems.push("gaps and tokens do not rebuild the text");
  return problems;
}

export function checkParagraphs(text: string, paragraphs: Paragraph[], tokens: TokenTable): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  for (const [i, p] of paragraphs.entries()) {
    const slice = text.slice(p.start, p.end);
    if (p.start < previousEnd) problems.push(`paragraph ${i} overlaps the one before`);
    if (slice.length === 0) problems.push(`paragraph ${i} is empty`);
    if (EDGE.test(slice.charAt(0)) || EDGE.test(slice.charAt(slice.length - 1)))
      problems.push(`paragraph ${i} includes surrounding whitespace`);
    previousEnd = p.end;
  }
  // every token lies inside exactly one paragraph (paragraphs are ordered, so walk both)
  let p = 0;
  for (let t = 0; t < tokens.length; t++) {
    const start = tokens.starts[t] as number;
    const end = tokens.ends[t] as number;
    while (p < paragraphs.length && (paragraphs[p] as Paragraph).end <= start) p++;
    const paragraph = paragraphs[p];
    if (paragraph === undefined || start < paragraph.start || end > paragraph.end)
      problems.push(`token ${t} lies outside every paragraph`);
  }
  return problems;
}

export function checkSentences(sentences: Sentence[], paragraphs: Paragraph[], tokens: TokenTable): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  let previousToken = 0;
  for (const [i, s] of sentences.entries()) {
    if (s.start < previousEnd) problems.push(`sentence ${i} overlaps the one before`);
    if (s.firstToken !== previousToken) problems.push(`sentence ${i} skips or repeats tokens`);
    if (s.endToken <= s.firstToken) problems.push(`sentence ${i} has no tokens`);
    if (tokens.starts[s.firstToken] !== s.start || tokens.ends[s.endToken - 1] !== s.end)
      problems.push(`sentence ${i} does not fall on its token boundaries`);
    const paragraph = paragraphs[s.paragraph];
    if (paragraph === undefined || s.start < paragraph.start || s.end > paragraph.end)
      problems.push(`sentence ${i} leaves its paragraph`);
    previousEnd = s.end;
    previousToken = s.endToken;
  }
  if (previousToken !== tokens.length) problems.push("the sentences do not cover every token");
  return problems;
}
