/**
 * The text layer over real articles: the first 300 of the FANG-COVID corpus (German news and
 * alternative sites, 2020-21), read by path from ../shared and never copied into the repo.
 */
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { TokenKind } from "../doc.js";
import { checkParagraphs, checkSentences, checkTokens } from "./layer-checks.case.js";
import { splitParagraphs } from "./paragraphs.js";
import { splitSentences } from "./sentences.js";
import { ABBREVIATIONS } from "./tables.js";
import { tokenize } from "./tokenize.js";

const CORPUS = new URL("../../../shared/data/corpus/fang-covid-de.jsonl.gz", import.meta.url).pathname;
const ARTICLES = 300;
const present = existsSync(CORPUS);
if (!present) console.warn(`skipping the corpus test: ${CORPUS} is absent`);

async function firstTexts(path: string, limit: number): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const text = (JSON.parse(line) as { text?: unknown }).text;
    if (typeof text === "string" && text.length > 0) texts.push(text);
    if (texts.length >= limit) break;
  }
  lines.close();
  return texts;
}

/** Abbreviations after which a sentence must never end ("final" ones may, "num" ones are words then). */
const NEVER_FINAL = new Set(
  [...ABBREVIATIONS].filter(([, info]) => !info.final && !info.numberOnly).map(([k]) => k),
);

describe.skipIf(!present)(`text layer over the first ${ARTICLES} corpus articles`, () => {
  let texts: string[] = [];
  beforeAll(async () => {
    texts = await firstTexts(CORPUS, ARTICLES);
  });

  it("reads the articles", () => {
    expect(texts).toHaveLength(ARTICLES);
  });

  it("keeps offsets lossless and sentences ordered and disjoint", () => {
    const problems: string[] = [];
    for (const [a, text] of texts.entries()) {
      const tokens = tokenize(text);
      const paragraphs = splitParagraphs(text);
      const sentences = splitSentences(text, tokens, paragraphs);
      const found = [
        ...checkTokens(text, tokens),
        ...checkParagraphs(text, paragraphs, tokens),
        ...checkSentences(sentences, paragraphs, tokens),
      ];
      for (const p of found.slice(0, 3)) problems.push(`article ${a}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it("never ends a sentence right after a listed abbreviation", () => {
    const problems: string[] = [];
    let boundaries = 0;
    for (const [a, text] of texts.entries()) {
      const tokens = tokenize(text);
      const paragraphs = splitParagraphs(text);
      const sentences = splitSentences(text, tokens, paragraphs);
      for (let i = 0; i + 1 < sentences.length; i++) {
        const s = sentences[i];
        if (s === undefined || sentences[i + 1]?.paragraph !== s.paragraph) continue;
        boundaries++;
        // the last token before any closing quote marks and brackets
        let last = s.endToken - 1;
        while (last > s.firstToken && tokens.kinds[last] === TokenKind.QuoteMark) last--;
        const lastText = text.slice(tokens.starts[last], tokens.ends[last]);
        // a listed abbreviation ends the sentence as one token, or as a word and a period
        const before = last - 1;
        const wordAndPeriod =
          lastText === "." && before >= s.firstToken && tokens.ends[before] === tokens.starts[last]
            ? `${text.slice(tokens.starts[before], tokens.ends[before])}.`
            : "";
        if (NEVER_FINAL.has(lastText) || NEVER_FINAL.has(wordAndPeriod)) {
          problems.push(`article ${a}: ${JSON.stringify(text.slice(Math.max(s.start, s.end - 40), s.end))}`);
        }
      }
    }
    expect(boundaries).toBeGreaterThan(ARTICLES * 10);
    expect(problems).toEqual([]);
  });
});
