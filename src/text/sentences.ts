/**
 * Sentences over tokens, inside paragraphs. A title or heading is one sentence. Elsewhere a
 * sentence ends after . ! ? … (and any closing quote marks and brackets right after them) when
 * space and a sentence start follow: a capital letter, a digit, an opening quote mark, or a dash
 * at the start of a line. What must not end a sentence is settled by the tokenizer, which keeps
 * the period inside abbreviations, initials, ordinals and dates; abbreviations marked `final` in
 * the data may still end one before a capitalised word ("usw. Die").
 *
 * Quote marks are not paired here (that is the quote layer's job), so a quote spanning several
 * sentences is split at its inner boundaries, and «…?», fragte sie stays one sentence because a
 * comma or a lower-case word follows the closing mark.
 */
import { type Paragraph, type Sentence, TokenKind, type TokenTable } from "../doc.js";
import type { Stage } from "../pipeline.js";
import { CharClass, CLASS } from "./char-class.js";
import { lookupAbbreviation, lookupCapitalisedAbbreviation } from "./tables.js";

function isTerminalChar(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Whether the text between two tokens holds whitespace (not only dropped invisible characters). */
function spaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLASS[text.charCodeAt(i)] === CharClass.Space) return true;
  return false;
}

function newlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

class Splitter {
  readonly text: string;
  readonly tokens: TokenTable;
  readonly out: Sentence[] = [];

  constructor(text: string, tokens: TokenTable) {
    this.text = text;
    this.tokens = tokens;
  }

  private first(t: number): number {
    return this.text.charCodeAt(this.tokens.starts[t] as number);
  }

  private isCapitalised(t: number): boolean {
    const kind = this.tokens.kinds[t];
    return (
      (kind === TokenKind.Word || kind === TokenKind.Abbreviation) && CLASS[this.first(t)] === CharClass.Upper
    );
  }

  /** A closing quote mark or bracket. */
  private closes(t: number): boolean {
    const kind = this.tokens.kinds[t];
    if (kind === TokenKind.QuoteMark) return true;
    const c = this.first(t);
    return kind === TokenKind.Punct && (c === 0x29 || c === 0x5d || c === 0x7d);
  }

  private isTerminal(t: number): boolean {
    return this.tokens.kinds[t] === TokenKind.Punct && isTerminalChar(this.first(t));
  }

  /** Whether token t (after whitespace) can open a sentence. */
  private opens(t: number, end: number, afterNewline: boolean): boolean {
    const kind = this.tokens.kinds[t];
    if (kind === TokenKind.Number || kind === TokenKind.QuoteMark) return true;
    if (this.isCapitalised(t)) return true;
    if (kind !== TokenKind.Punct) return false;
    const c = this.first(t);
    const k = CLASS[c];
    if (k === CharClass.Dash || k === CharClass.Hyphen) return afterNewline;
    // "(Foto: Keystone)" opens a sentence when what it brackets does
    return (c === 0x28 || c === 0x5b) && t + 1 < end && this.isCapitalised(t + 1);
  }

  private push(start: number, endToken: number, paragraph: number): void {
    this.out.push({
      start: this.tokens.starts[start] as number,
      end: this.tokens.ends[endToken - 1] as number,
      paragraph,
      firstToken: start,
      endToken,
    });
  }

  /** Splits the tokens [first, end) of one body paragraph. */
  split(first: number, end: number, paragraph: number): void {
    const { starts, ends, kinds } = this.tokens;
    let sentence = first;
    let content = false;
    for (let t = first; t < end; t++) {
      const kind = kinds[t];
      let terminal = this.isTerminal(t);
      if (!terminal && kind === TokenKind.Abbreviation && t + 1 < end && this.isCapitalised(t + 1)) {
        const form = this.text.slice(starts[t], ends[t]);
        const info = lookupAbbreviation(form) ?? lookupCapitalisedAbbreviation(form);
        terminal =
          info?.final === true && spaceBetween(this.text, ends[t] as number, starts[t + 1] as number);
      }
      if (!terminal) {
        // a list number ("1. Die Ausleitung …") alone makes no sentence
        if (kind === TokenKind.Word || kind === TokenKind.Abbreviation || kind === TokenKind.Url)
          content = true;
        continue;
      }
      let last = t;
      while (last + 1 < end && starts[last + 1] === ends[last] && this.closes(last + 1)) last++;
      const next = last + 1;
      if (content && next < end) {
        const gapStart = ends[last] as number;
        const gapEnd = starts[next] as number;
        if (
          spaceBetween(this.text, gapStart, gapEnd) &&
          this.opens(next, end, newlineBetween(this.text, gapStart, gapEnd))
        ) {
          this.push(sentence, next, paragraph);
          sentence = next;
          content = false;
        }
      }
      t = last;
    }
    if (sentence < end) this.push(sentence, end, paragraph);
  }

  whole(first: number, end: number, paragraph: number): void {
    if (first < end) this.push(first, end, paragraph);
  }
}

/** Sentences of a text from its tokens and paragraphs (all offsets into the original text). */
export function splitSentences(
  text: string,
  tokens: TokenTable,
  paragraphs: readonly Paragraph[],
): Sentence[] {
  const splitter = new Splitter(text, tokens);
  const { starts, ends } = tokens;
  let t = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p] as Paragraph;
    while (t < tokens.length && (ends[t] as number) <= paragraph.start) t++;
    const first = t;
    while (t < tokens.length && (starts[t] as number) < paragraph.end) t++;
    if (paragraph.kind === "title" || paragraph.kind === "heading") splitter.whole(first, t, p);
    else splitter.split(first, t, p);
  }
  return splitter.out;
}

export const sentenceStage: Stage = {
  name: "sentences",
  requires: ["tokens", "paragraphs"],
  assigns: ["sentences"],
  run(doc) {
    doc.set("sentences", splitSentences(doc.text, doc.get("tokens"), doc.get("paragraphs")));
  },
};
