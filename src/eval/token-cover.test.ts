import { describe, expect, it } from "vitest";
import { mergeSpans, TokenCover } from "./token-cover.js";

const TEXT =
  "„Wir werden die Munition nicht liefern“, sagte Außenministerin Annalena Baerbock am Dienstag in Berlin.";

/** Gold-style tokens of a text: words, numbers and single punctuation marks. */
function tokenize(text: string): { cover: TokenCover; words: string[]; at: (word: string) => number } {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|\S/gu)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(m[0]);
  }
  return { cover: new TokenCover(text, starts, ends), words, at: (w) => words.indexOf(w) };
}

const spanOf = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length };
};

describe("TokenCover", () => {
  const { cover, words, at } = tokenize(TEXT);

  it("maps a span on token boundaries to exactly those tokens, quote marks included", () => {
    const ids = cover.tokens([spanOf(TEXT, "„Wir werden die Munition nicht liefern“")]);
    expect(ids.map((i) => words[i])).toEqual([
      "„",
      "Wir",
      "werden",
      "die",
      "Munition",
      "nicht",
      "liefern",
      "“",
    ]);
  });

  it("counts a token when at least half of its characters are covered", () => {
    const munition = spanOf(TEXT, "Munition"); // 8 characters
    expect(cover.tokens([{ start: munition.start, end: munition.start + 4 }])).toEqual([at("Munition")]);
    expect(cover.tokens([{ start: munition.start, end: munition.start + 3 }])).toEqual([]);
    // "Außenministerin" has 15 characters: 8 covered is more than half, 7 is not
    const minister = spanOf(TEXT, "Außenministerin");
    expect(cover.tokens([{ start: minister.end - 8, end: minister.end }])).toEqual([at("Außenministerin")]);
    expect(cover.tokens([{ start: minister.end - 7, end: minister.end }])).toEqual([]);
  });

  it("ignores the spaces a span takes along and a span of spaces only", () => {
    const said = spanOf(TEXT, " sagte ");
    expect(cover.tokens([said])).toEqual([at("sagte")]);
    expect(cover.tokens([{ start: said.start, end: said.start + 1 }])).toEqual([]);
  });

  it("maps discontinuous spans part by part", () => {
    const ids = cover.tokens([spanOf(TEXT, "„Wir werden"), spanOf(TEXT, "nicht liefern“")]);
    expect(ids.map((i) => words[i])).toEqual(["„", "Wir", "werden", "nicht", "liefern", "“"]);
  });

  it("adds up the coverage of one token cut by the gap between two spans", () => {
    const name = spanOf(TEXT, "Baerbock"); // 8 characters, 3 + 3 covered
    const parts = [
      { start: name.start, end: name.start + 3 },
      { start: name.start + 5, end: name.end },
    ];
    expect(cover.tokens(parts)).toEqual([at("Baerbock")]);
    expect(cover.tokens([parts[0] as { start: number; end: number }])).toEqual([]);
  });

  it("merges overlapping spans, clips spans beyond the text and drops empty ones", () => {
    const berlin = spanOf(TEXT, "in Berlin.");
    expect(
      cover.tokens([berlin, { start: berlin.start + 3, end: TEXT.length + 50 }, { start: 5, end: 5 }]),
    ).toEqual([at("in"), at("Berlin"), at(".")]);
    expect(
      mergeSpans(
        [
          { start: 8, end: 12 },
          { start: 0, end: 4 },
          { start: 4, end: 6 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 10 },
    ]);
  });

  it("measures tokens that contain a no-break space by their visible characters", () => {
    const text = "Rund 10\u00a0000 Menschen demonstrierten.";
    const start = text.indexOf("10");
    const c = new TokenCover(text, [0, start, start + 7, start + 16], [4, start + 6, start + 15, start + 30]);
    // "10 000" has 5 visible characters: "10" plus the space is 2 of them, "10 00" is 4
    expect(c.tokens([{ start, end: start + 3 }])).toEqual([]);
    expect(c.tokens([{ start, end: start + 5 }])).toEqual([1]);
  });
});
