import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LautError } from "../errors.js";
import {
  bioChunks,
  type Chunk,
  chunksFromMentions,
  nerFromAnalysis,
  parseGermEval,
  readGermEval,
  scoreNer,
  sentenceText,
} from "./germeval.js";

const GERMEVAL = new URL("../../../shared/data/ner/germeval2014/", import.meta.url).pathname;
const hasGermEval = existsSync(GERMEVAL);
if (!hasGermEval) console.warn(`skipping GermEval 2014 gold tests: ${GERMEVAL} is absent`);

const TSV = [
  "#\thttp://example.org/zuerich-tram\t[2024-03-05]",
  "1\tDie\tO\tO",
  "2\tZürcher\tB-LOCderiv\tO",
  "3\tVerkehrsbetriebe\tO\tO",
  "4\tund\tO\tO",
  "5\tStadträtin\tO\tO",
  "6\tSimone\tB-PER\tO",
  "7\tBrander\tI-PER\tO",
  "8\tstellten\tO\tO",
  "9\tden\tO\tO",
  "10\tPlan\tO\tO",
  "11\tin\tO\tO",
  "12\tOerlikon\tB-LOC\tO",
  "13\tvor\tO\tO",
  "14\t.\tO\tO",
  "",
  "#\thttp://example.org/wien\t[2024-03-06]",
  "1\tDie\tO\tO",
  "2\tWiener\tB-ORG\tB-LOCderiv",
  "3\tLinien\tI-ORG\tO",
  "4\tbauen\tO\tO",
  "5\tdie\tO\tO",
  "6\tU5\tI-OTH\tO",
  "7\tweiter\tO\tO",
  "8\t.\tO\tO",
  "",
].join("\n");

describe("GermEval 2014 reading", () => {
  it("splits sentences at '#' lines and reads outer chunks, deriv labels included", () => {
    const sentences = parseGermEval(TSV);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]?.source).toBe("http://example.org/zuerich-tram\t[2024-03-05]");
    expect(sentences[0]?.gold).toEqual([
      { start: 1, end: 2, label: "LOCderiv" },
      { start: 5, end: 7, label: "PER" },
      { start: 11, end: 12, label: "LOC" },
    ]);
    // an I- tag after O opens a chunk, as in conlleval; the inner column is ignored
    expect(sentences[1]?.gold).toEqual([
      { start: 1, end: 3, label: "ORG" },
      { start: 5, end: 6, label: "OTH" },
    ]);
  });

  it("closes a chunk when the label changes inside an I- run", () => {
    expect(bioChunks(["B-ORG", "I-ORG", "I-LOC", "O", "B-PER", "B-PER"])).toEqual([
      { start: 0, end: 2, label: "ORG" },
      { start: 2, end: 3, label: "LOC" },
      { start: 4, end: 5, label: "PER" },
      { start: 5, end: 6, label: "PER" },
    ]);
  });

  it("rejects a line without a BIO tag, naming the line", () => {
    expect(() => parseGermEval("#\tx\n1\tBern\tLOC\tO\n")).toThrow(/line 2/);
    expect(() => parseGermEval("#\tx\n1\tBern\tLOC\tO\n")).toThrow(LautError);
  });
});

describe("scoreNer (outer chunks, strict)", () => {
  const gold: Chunk[] = [
    { start: 1, end: 2, label: "LOCderiv" },
    { start: 5, end: 7, label: "PER" },
    { start: 11, end: 12, label: "LOC" },
  ];

  it("counts a chunk only with exact boundaries and label", () => {
    const predicted: Chunk[] = [
      { start: 1, end: 2, label: "LOC" }, // laut has no deriv label: wrong label
      { start: 6, end: 7, label: "PER" }, // "Brander" only: wrong boundary
      { start: 11, end: 12, label: "LOC" }, // right
    ];
    const s = scoreNer([{ gold, predicted }]);
    expect(s).toMatchObject({ p: 1 / 3, r: 1 / 3, chunks: { gold: 3, predicted: 3, correct: 1 } });
    expect(s.byType.LOC).toMatchObject({ p: 1 / 2, r: 1 });
    expect(s.byType.LOCderiv).toEqual({ p: 0, r: 0, f1: 0 });
    expect(s.byType.PER).toEqual({ p: 0, r: 0, f1: 0 });
  });

  it("scores nothing predicted as zero and the gold as perfect", () => {
    expect(scoreNer([{ gold, predicted: [] }])).toMatchObject({ p: 0, r: 0, f1: 0 });
    expect(scoreNer([{ gold, predicted: gold }])).toMatchObject({ p: 1, r: 1, f1: 1 });
  });
});

describe("laut's entities as GermEval chunks", () => {
  const tokens = ["Die", "Wiener", "Linien", "bauen", "die", "U5", "weiter", "."];
  const { text, cover } = sentenceText(tokens);

  it("rebuilds the sentence text with single spaces", () => {
    expect(text).toBe("Die Wiener Linien bauen die U5 weiter .");
    expect(text.slice(cover.start(5), cover.end(5))).toBe("U5");
  });

  it("maps mention spans to token chunks, keeping the first of overlapping mentions", () => {
    const at = (phrase: string, label: string) => ({
      start: text.indexOf(phrase),
      end: text.indexOf(phrase) + phrase.length,
      label,
    });
    expect(
      chunksFromMentions([at("Wiener", "LOC"), at("Wiener Linien", "ORG"), at("U5", "OTH")], cover),
    ).toEqual([
      { start: 1, end: 3, label: "ORG" },
      { start: 5, end: 6, label: "OTH" },
    ]);
  });

  it("takes the label from laut's entity type", () => {
    const start = text.indexOf("Wiener Linien");
    const entities = [
      {
        id: "e1",
        type: "ORG" as const,
        name: "Wiener Linien",
        role: null,
        wikidata: null,
        aliases: [],
        mentions: [{ start, end: start + 13, text: "" }],
      },
    ];
    expect(nerFromAnalysis({ entities }, cover)).toEqual([{ start: 1, end: 3, label: "ORG" }]);
  });
});

describe.skipIf(!hasGermEval)("GermEval 2014 gold scored against itself", () => {
  for (const file of ["NER-de-dev.tsv", "NER-de-test-a.tsv"]) {
    it(`gives exactly 1.0 on every label of ${file}`, () => {
      const sentences = readGermEval(`${GERMEVAL}${file}`);
      expect(sentences.length).toBe(file === "NER-de-dev.tsv" ? 2200 : 2550);
      const s = scoreNer(
        sentences.map((sentence) => {
          const { cover } = sentenceText(sentence.tokens);
          // through character spans, as laut's mentions travel
          const mentions = sentence.gold.map((c) => ({
            start: cover.start(c.start),
            end: cover.end(c.end - 1),
            label: c.label,
          }));
          return { gold: sentence.gold, predicted: chunksFromMentions(mentions, cover) };
        }),
      );
      expect(s).toMatchObject({ p: 1, r: 1, f1: 1 });
      expect(Object.keys(s.byType).length).toBe(12);
      for (const label of Object.values(s.byType)) expect(label).toEqual({ p: 1, r: 1, f1: 1 });
    });
  }
});
