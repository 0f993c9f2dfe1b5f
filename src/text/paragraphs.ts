/**
 * Paragraphs and their kinds (title, heading, lead, body), read from the line layout of the view.
 *
 * Blank lines separate blocks. A text without any blank line has one paragraph per line (feeds,
 * extracted articles). Inside a block a single line break is a soft wrap, except where the
 * lines look like paragraphs of their own: every line ends a sentence, lines are longer than a
 * wrapper makes them, or a line stops early (a wrapper would have fitted the next word on it)
 * after a sentence end, before a list item, or as a short heading above a longer line.
 */
import type { Paragraph, ParagraphKind, TextView } from "../doc.js";
import type { Stage } from "../pipeline.js";
import { CharClass, CLASS } from "./char-class.js";
import { buildView, viewEnd, viewStart } from "./view.js";

const MAX_TITLE_LENGTH = 200;
const MAX_HEADING_LENGTH = 100;
const MAX_HEADING_WORDS = 14;
/** Widest line a hard wrapper produces; a block with longer lines (before its last) is not wrapped. */
const MAX_WRAP_WIDTH = 100;

interface Line {
  /** trimmed bounds in the view */
  start: number;
  end: number;
  /** a blank line separates this line from the previous non-blank one */
  afterBlank: boolean;
}

/** Closing quote marks and brackets that may follow a line's last punctuation. */
function isCloser(c: number): boolean {
  return CLASS[c] === CharClass.Quote || c === 0x29 || c === 0x5d;
}

/** The last code unit of [start, end) before any closing quote marks and brackets, or -1. */
function lastBeforeClosers(v: string, start: number, end: number): number {
  let e = end;
  while (e > start && isCloser(v.charCodeAt(e - 1))) e--;
  return e > start ? v.charCodeAt(e - 1) : -1;
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Whether a line ends like a paragraph: sentence punctuation (or a colon), perhaps quoted. */
function endsParagraph(v: string, line: Line): boolean {
  const c = lastBeforeClosers(v, line.start, line.end);
  return isSentenceEnd(c) || c === 0x3a;
}

/** A line led by a bullet or dash: "- Masken bleiben Pflicht". */
function isListItem(v: string, start: number): boolean {
  const c = v.charCodeAt(start);
  const k = CLASS[c];
  return (
    (k === CharClass.Hyphen || k === CharClass.Dash || c === 0x2022 || c === 0x2a) &&
    v.charCodeAt(start + 1) === 0x20
  );
}

function firstWordLength(v: string, line: Line): number {
  const space = v.indexOf(" ", line.start);
  return space < 0 || space > line.end ? line.end - line.start : space - line.start;
}

function wordCount(v: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = v.charCodeAt(i) <= 0x20;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function hasLetter(v: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const k = CLASS[v.charCodeAt(i)];
    if (k === CharClass.Upper || k === CharClass.Lower || k === CharClass.Letter) return true;
  }
  return false;
}

function linesOf(v: string): Line[] {
  const lines: Line[] = [];
  let blank = false;
  let pos = 0;
  while (pos <= v.length) {
    let next = v.indexOf("\n", pos);
    if (next < 0) next = v.length;
    let s = pos;
    let e = next;
    while (s < e && v.charCodeAt(s) <= 0x20) s++;
    while (e > s && v.charCodeAt(e - 1) <= 0x20) e--;
    if (s < e) {
      lines.push({ start: s, end: e, afterBlank: blank && lines.length > 0 });
      blank = false;
    } else {
      blank = true;
    }
    pos = next + 1;
  }
  return lines;
}

/** Groups lines into paragraphs: [first line, end line) index ranges. */
function groupLines(v: string, lines: Line[]): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  if (!lines.some((l) => l.afterBlank)) {
    for (let i = 0; i < lines.length; i++) groups.push([i, i + 1]);
    return groups;
  }
  let b = 0;
  while (b < lines.length) {
    let e = b + 1;
    while (e < lines.length && !lines[e]?.afterBlank) e++;
    splitBlock(v, lines, b, e, groups);
    b = e;
  }
  return groups;
}

function splitBlock(v: string, lines: Line[], b: number, e: number, groups: Array<[number, number]>): void {
  let maxLength = 0;
  let allEnd = true;
  let wrapped = true;
  for (let i = b; i < e; i++) {
    const line = lines[i] as Line;
    maxLength = Math.max(maxLength, line.end - line.start);
    if (i < e - 1 && !endsParagraph(v, line)) allEnd = false;
    if (i < e - 1 && line.end - line.start > MAX_WRAP_WIDTH) wrapped = false;
  }
  let start = b;
  for (let i = b; i < e - 1; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1] as Line;
    // A wrapper fills each line up to the width; a line that stops while the next word would
    // still fit was broken on purpose.
    const early = line.end - line.start + 1 + firstWordLength(v, next) <= maxLength;
    const broken =
      allEnd ||
      !wrapped ||
      (early &&
        (endsParagraph(v, line) || isListItem(v, next.start) || looksLikeHeading(v, line.start, line.end)));
    if (broken) {
      groups.push([start, i + 1]);
      start = i + 1;
    }
  }
  groups.push([start, e]);
}

/** A short line without final punctuation: "Politische Unterstützung für Moskau". */
function looksLikeHeading(v: string, start: number, end: number): boolean {
  if (end - start > MAX_HEADING_LENGTH) return false;
  const first = CLASS[v.charCodeAt(start)];
  if (first === CharClass.Lower || isListItem(v, start) || !hasLetter(v, start, end)) return false;
  const last = v.charCodeAt(end - 1);
  if (isSentenceEnd(last) || last === 0x3a || last === 0x3b || last === 0x2c) return false;
  // a closing quote mark after sentence punctuation ends a sentence: «… gehen.»
  if (isCloser(last) && isSentenceEnd(lastBeforeClosers(v, start, end))) return false;
  return wordCount(v, start, end) <= MAX_HEADING_WORDS;
}

/**
 * A headline: one short line that does not end with a period (it may end with ? or ! or a
 * closing quote mark: «Zunehmend besorgt» über möglichen Atomwaffeneinsatz).
 */
function looksLikeTitle(v: string, start: number, end: number): boolean {
  if (end - start > MAX_TITLE_LENGTH || !hasLetter(v, start, end)) return false;
  const last = v.charCodeAt(end - 1);
  if (isCloser(last) || last === 0x2026) return true;
  if (last === 0x2e) return end - start >= 3 && v.startsWith("...", end - 3);
  return last !== 0x3a && last !== 0x3b && last !== 0x2c;
}

/** Paragraphs of a text or its view, with offsets into the original text. */
export function splitParagraphs(input: string | TextView): Paragraph[] {
  const view = typeof input === "string" ? buildView(input) : input;
  const v = view.text;
  const lines = linesOf(v);
  const groups = groupLines(v, lines);
  const out: Paragraph[] = [];
  let leadFound = false;
  for (let g = 0; g < groups.length; g++) {
    const [first, endLine] = groups[g] as [number, number];
    const start = (lines[first] as Line).start;
    const end = (lines[endLine - 1] as Line).end;
    const single = endLine - first === 1;
    const hasNext = g + 1 < groups.length;
    let kind: ParagraphKind = "body";
    if (g === 0 && single && hasNext && looksLikeTitle(v, start, end)) kind = "title";
    else if (g > 0 && single && hasNext && looksLikeHeading(v, start, end)) kind = "heading";
    else if (!leadFound) {
      kind = "lead";
      leadFound = true;
    }
    out.push({ start: viewStart(view, start), end: viewEnd(view, end), kind });
  }
  return out;
}

export const paragraphStage: Stage = {
  name: "paragraphs",
  requires: ["view"],
  assigns: ["paragraphs"],
  run(doc) {
    doc.set("paragraphs", splitParagraphs(doc.get("view")));
  },
};
