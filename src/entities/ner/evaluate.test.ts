import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readEuropeana, readGermEvalTagged, readLer, type TaggedSentence } from "./corpora.js";
import { crossValidate, holdOut, modelSawFile } from "./evaluate.js";
import { labelId, tagsOfChunks } from "./labels.js";
import { nerDataFiles } from "./paths.js";
import { defaultRecogniser } from "./stage.js";

const SMALL = { buckets: 1 << 14, epochs: 3, seed: 1 };

/** twelve short news sentences on six "pages" */
const CORPUS: TaggedSentence[] = [
  [
    "Olaf Scholz besuchte Paris .",
    [
      ["PER", 0, 2],
      ["LOC", 3, 4],
    ],
  ],
  ["Emmanuel Macron empfing ihn .", [["PER", 0, 2]]],
  [
    "Die Nato tagt in Brüssel .",
    [
      ["ORG", 1, 2],
      ["LOC", 4, 5],
    ],
  ],
  ["Die deutsche Regierung schweigt .", [["LOCderiv", 1, 2]]],
  [
    "Karin Keller-Sutter sprach in Bern .",
    [
      ["PER", 0, 2],
      ["LOC", 4, 5],
    ],
  ],
  ["Der Bundesrat beriet lange .", []],
  [
    "Die UNO warnt vor Hunger in Somalia .",
    [
      ["ORG", 1, 2],
      ["LOC", 6, 7],
    ],
  ],
  [
    "Joe Biden reiste nach Kiew .",
    [
      ["PER", 0, 2],
      ["LOC", 4, 5],
    ],
  ],
  ["Der Kreml dementierte .", [["ORG", 1, 2]]],
  ["Die österreichische Polizei ermittelt .", [["LOCderiv", 1, 2]]],
  [
    "Siemens baut in München ab .",
    [
      ["ORG", 0, 1],
      ["LOC", 3, 4],
    ],
  ],
  ["Die Preise steigen weiter .", []],
].map(([text, chunks], i) => {
  const tokens = (text as string).split(" ");
  const spans = (chunks as [string, number, number][]).map(([label, start, end]) => ({
    start,
    end,
    label: labelId(label) as number,
  }));
  return { tokens, tags: tagsOfChunks(spans, tokens.length), block: `seite-${Math.floor(i / 2)}` };
});

describe("cross-validation", () => {
  it("scores every sentence exactly once, by a model that did not train on it or its page", () => {
    const scoredBy = new Map<number, number>();
    const run = crossValidate(CORPUS, [], 3, {
      ...SMALL,
      onFold: (fold, _seconds, { trained, scored }) => {
        const trainedPages = new Set(trained.map((i) => CORPUS[i]?.block));
        for (const i of scored) {
          expect(trained).not.toContain(i);
          expect(trainedPages.has(CORPUS[i]?.block)).toBe(false);
          expect(scoredBy.has(i)).toBe(false);
          scoredBy.set(i, fold);
        }
      },
    });
    expect(scoredBy.size).toBe(CORPUS.length);
    expect(run.scores.sentences).toBe(CORPUS.length);
    expect(run.scores.chunks.gold).toBe(16);
    expect(run.trainSentences).toBe(8);
  });

  it("is deterministic", () => {
    const a = crossValidate(CORPUS, [], 3, SMALL).scores;
    expect(crossValidate(CORPUS, [], 3, SMALL).scores).toEqual(a);
  });

  it("scores a hold-out split on laut's tokens as on the gold tokens when they agree", () => {
    const gold = holdOut(CORPUS.slice(0, 8), CORPUS.slice(8), SMALL);
    const laut = holdOut(CORPUS.slice(0, 8), CORPUS.slice(8), { ...SMALL, tokenisation: "laut" });
    expect(laut.scores).toEqual(gold.scores);
  });
});

const files = nerDataFiles();
const hasData =
  existsSync(files.dev) && existsSync(files.ler[0] as string) && existsSync(files.europeana[0] as string);
if (!hasData) console.warn(`skipping NER corpus tests: ${files.dev} or the LER/Europeana files are absent`);

describe.skipIf(!hasData)("the shared NER corpora", () => {
  it("read GermEval with deriv and part labels, one block per source page", () => {
    const dev = readGermEvalTagged(files.dev);
    expect(dev.length).toBe(2200);
    expect(new Set(dev.map((s) => s.block)).size).toBeGreaterThan(1000);
    expect(dev.every((s) => s.tags.length === s.tokens.length)).toBe(true);
  });

  it("map LER to PER/ORG/LOC and leave out sentences with legal classes", () => {
    const ler = readLer(files.ler[0] as string);
    expect(ler.length).toBeGreaterThan(1000);
    const labels = new Set(ler.flatMap((s) => [...s.tags]));
    for (const name of ["PER", "ORG", "LOC"])
      expect(labels.has(1 + 2 * (labelId(name) as number))).toBe(true);
    expect(labels.has(1 + 2 * (labelId("OTH") as number))).toBe(false);
  });

  it("cut Europeana's running text into bounded pseudo-sentences", () => {
    const europeana = readEuropeana(files.europeana[0] as string);
    expect(europeana.length).toBeGreaterThan(500);
    expect(Math.max(...europeana.map((s) => s.tokens.length))).toBeLessThanOrEqual(60);
  });

  it("the shipped model knows which gold files it was trained on", async () => {
    const { createHash } = await import("node:crypto");
    const { readFileSync } = await import("node:fs");
    const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
    const model = defaultRecogniser().model;
    expect(modelSawFile(model, sha(files.dev))).toBe(true);
    expect(modelSawFile(model, sha(files.testA))).toBe(true);
    expect(modelSawFile(model, sha(files.ler[0] as string))).toBe(false);
  });
});
