/**
 * Pairs quote marks. German-language news uses «…» (Swiss), »…« (Austrian, books), „…“ (German),
 * "…" (many sites) and “…” (English), nested with their single forms; one character can open one
 * style and close another. So a mark's role is decided by flanking, as CommonMark does for emphasis:
 * a mark glued to the word after it opens, one glued to the word before it closes. Unclosed and
 * stray marks are expected in real text and handled, never thrown.
 */
import type { Paragraph, QuoteMarkPair, Span, TokenTable } from "../doc.js";
import { TokenKind } from "../doc.js";
import { readTsv } from "../lang/de/data.js";
import type { Stage } from "../pipeline.js";

interface PairStyle {
  open: string;
  close: string;
  style: string;
}

const PAIRS: PairStyle[] = readTsv("quote-marks.tsv").map((r) => ({
  open: r.open ?? "",
  close: r.close ?? "",
  style: r.style ?? "",
}));
const OPENERS = new Map<string, PairStyle[]>();
for (const p of PAIRS) OPENERS.set(p.open, [...(OPENERS.get(p.open) ?? []), p]);
const MARKS = new Set(PAIRS.flatMap((p) => [p.open, p.close]));
const isMark = (c: string) => MARKS.has(c);
/** Single straight quotes and ’ double as apostrophes; they only count as quote marks when nested. */
const NESTED_ONLY = new Set(["'", "’", "‘"]);

const SPACE = /\s/;
const OPENING_CONTEXT = /[\s([{/–—-]/;
const CLOSING_CONTEXT = /[\s.,;:!?)\]}/–—…-]/;

interface Open {
  char: string;
  at: number;
  styles: PairStyle[];
  depth: number;
}

/** Does the mark at `at` lean on the following word (opening) and/or the preceding one (closing)? */
function flanking(text: string, at: number): { left: boolean; right: boolean } {
  const prev = at > 0 ? (text[at - 1] ?? "") : "";
  const next = text[at + 1] ?? "";
  const prevBlank = prev === "" || SPACE.test(prev);
  const nextBlank = next === "" || SPACE.test(next);
  const left = !nextBlank && (prevBlank || OPENING_CONTEXT.test(prev) || isMark(prev));
  const right = !prevBlank && (nextBlank || CLOSING_CONTEXT.test(next) || isMark(next));
  return { left, right };
}

/**
 * Pair the quote-mark tokens of each paragraph. A quote left open at the end of a paragraph is
 * closed there with `close: null` (news continues a quote into the next paragraph by opening it
 * again, without closing the first).
 */
export function pairQuoteMarks(text: string, tokens: TokenTable, paragraphs: Paragraph[]): QuoteMarkPair[] {
  const pairs: QuoteMarkPair[] = [];
  let t = 0;
  for (const paragraph of paragraphs) {
    const stack: Open[] = [];
    const emit = (open: Open, close: Span | null, end: number) => {
      const style = close
        ? (open.styles.find((s) => s.close === text[close.start]) ?? open.styles[0])
        : open.styles[0];
      pairs.push({
        open: { start: open.at, end: open.at + 1 },
        close,
        start: open.at,
        end,
        depth: open.depth,
        style: style?.style ?? "unknown",
      });
    };
    while (t < tokens.length && (tokens.starts[t] ?? 0) < paragraph.start) t++;
    for (; t < tokens.length && (tokens.starts[t] ?? 0) < paragraph.end; t++) {
      if (tokens.kinds[t] !== TokenKind.QuoteMark) continue;
      const at = tokens.starts[t] ?? 0;
      const char = text[at] ?? "";
      const { left, right } = flanking(text, at);
      // Close the innermost open quote this mark can close; marks opened inside it stay unclosed.
      let closes = -1;
      if (right) {
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]?.styles.some((s) => s.close === char)) {
            closes = i;
            break;
          }
        }
      }
      if (closes >= 0) {
        while (stack.length > closes + 1) emit(stack.pop() as Open, null, at);
        emit(stack.pop() as Open, { start: at, end: at + 1 }, at + 1);
        continue;
      }
      const styles = OPENERS.get(char);
      if (styles && left && (stack.length > 0 || !NESTED_ONLY.has(char))) {
        stack.push({ char, at, styles, depth: stack.length });
      }
      // anything else is a stray mark (an apostrophe, a closing mark without opener): ignored
    }
    while (stack.length > 0) emit(stack.pop() as Open, null, paragraph.end);
  }
  return pairs.sort((a, b) => a.start - b.start || b.end - a.end);
}

export const quoteMarkStage: Stage = {
  name: "quoteMarks",
  requires: ["tokens", "paragraphs"],
  assigns: ["quoteMarks"],
  run(doc) {
    doc.set("quoteMarks", pairQuoteMarks(doc.text, doc.get("tokens"), doc.get("paragraphs")));
  },
};
