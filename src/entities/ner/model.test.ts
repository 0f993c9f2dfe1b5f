import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LautError } from "../../errors.js";
import { FeatureExtractor } from "./features.js";
import { allowedTransition, chunksOfTags, labelId, TAG_COUNT, tagName, tagsOfChunks } from "./labels.js";
import { loadNerModel, NerModel, parseNerModel, prunedViterbi, serialiseNerModel, viterbi } from "./model.js";
import { joinTokens, MAX_SENTENCE, NameScorer } from "./scorer.js";
import { seededRandom, trainingSentence, trainNer } from "./train.js";

const BUCKETS = 1 << 14;

/** Hand-written news sentences with GermEval-style chunks (label, first token, end token). */
const SENTENCES: [string, [string, number, number][]][] = [
  [
    "Bundeskanzler Olaf Scholz reist am Montag nach Paris .",
    [
      ["PER", 1, 3],
      ["LOC", 7, 8],
    ],
  ],
  [
    "Die russische Regierung bestellte den deutschen Botschafter ein .",
    [
      ["LOCderiv", 1, 2],
      ["LOCderiv", 5, 6],
    ],
  ],
  ["Ein Sprecher der EU-Kommission bestätigte den Bericht .", [["ORGpart", 3, 4]]],
  [
    "Die Vereinten Nationen warnen vor einer Hungersnot im Sudan .",
    [
      ["ORG", 1, 3],
      ["LOC", 8, 9],
    ],
  ],
  [
    "Annalena Baerbock traf in Kiew den ukrainischen Außenminister .",
    [
      ["PER", 0, 2],
      ["LOC", 4, 5],
      ["LOCderiv", 6, 7],
    ],
  ],
  [
    "Der FC Basel gewann gegen den FC Zürich mit 2:1 .",
    [
      ["ORG", 1, 3],
      ["ORG", 6, 8],
    ],
  ],
];

function examples(extractor: FeatureExtractor) {
  return SENTENCES.map(([text, chunks]) => {
    const tokens = text.split(" ");
    const tags = tagsOfChunks(
      chunks.map(([label, start, end]) => ({ start, end, label: labelId(label) as number })),
      tokens.length,
    );
    return { tokens, tags, example: trainingSentence(extractor, tokens, tags) };
  });
}

function isValidBio(tags: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    if (!allowedTransition(i === 0 ? 0 : (tags[i - 1] as number), tags[i] as number)) return false;
  }
  return true;
}

describe("decoding", () => {
  const random = seededRandom(7);
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT).map(() => random() * 4 - 2);
  const n = 12;

  it("always yields valid BIO, even where the scores favour an I- tag without its B-", () => {
    for (let round = 0; round < 200; round++) {
      const emissions = new Float32Array(n * TAG_COUNT).map(() => random() * 10 - 5);
      // make I-PER the best-scoring tag at the start and after every token
      for (let i = 0; i < n; i++) emissions[i * TAG_COUNT + 2] = 20;
      const exact = new Uint8Array(n);
      const scratch = {
        delta: new Float32Array(n * TAG_COUNT),
        back: new Uint8Array(n * TAG_COUNT),
        candidates: new Uint8Array(n * TAG_COUNT),
        counts: new Uint8Array(n),
      };
      viterbi(emissions, n, transitions, exact, scratch);
      expect(isValidBio(exact, n), [...exact].map(tagName).join(" ")).toBe(true);
      const pruned = new Uint8Array(n);
      prunedViterbi(emissions, n, transitions, pruned, scratch, 3);
      expect(isValidBio(pruned, n), [...pruned].map(tagName).join(" ")).toBe(true);
      // with an unbounded margin the pruned decoder is the exact one
      prunedViterbi(emissions, n, transitions, pruned, scratch, Number.POSITIVE_INFINITY);
      expect([...pruned]).toEqual([...exact]);
    }
  });

  it("reads chunks back from tags", () => {
    const tags = tagsOfChunks(
      [
        { start: 1, end: 3, label: labelId("PER") as number },
        { start: 3, end: 4, label: labelId("PER") as number },
      ],
      5,
    );
    expect([...tags].map(tagName)).toEqual(["O", "B-PER", "I-PER", "B-PER", "O"]);
    expect(chunksOfTags(tags)).toEqual([
      { start: 1, end: 3, label: labelId("PER") },
      { start: 3, end: 4, label: labelId("PER") },
    ]);
  });
});

describe("training", () => {
  const extractor = new FeatureExtractor(BUCKETS);
  const data = examples(extractor);
  const train = () =>
    trainNer(
      data.map((d) => d.example),
      { buckets: BUCKETS, epochs: 6, seed: 3 },
    );

  it("learns its training sentences", () => {
    const model = train().compact(true);
    for (const d of data) {
      const tags = new Uint8Array(d.tokens.length);
      model.decode(d.example.rows, tags);
      expect([...tags].map(tagName)).toEqual([...d.tags].map(tagName));
    }
  });

  it("is deterministic: the same data and seed give the same file, byte for byte", () => {
    expect(serialiseNerModel(train()).equals(serialiseNerModel(train()))).toBe(true);
  });

  it("scores by remembered word sums exactly as by full feature rows", () => {
    const model = train().compact(true);
    // room for 8 words: words evict each other, also within one sentence
    const scorer = new NameScorer(model, 8);
    for (const d of [...data, ...data]) {
      const byRows = model.emissions(d.example.rows).slice(0, d.tokens.length * TAG_COUNT);
      const { text, starts, ends } = joinTokens(d.tokens);
      const byScorer = scorer.emissions(text, starts, ends, 0, d.tokens.length);
      for (let k = 0; k < byRows.length; k++) expect(byScorer[k]).toBeCloseTo(byRows[k] as number, 4);
    }
  });

  it("refuses a sentence longer than its window instead of overrunning its memory", () => {
    const scorer = new NameScorer(train().compact(), 4);
    const { text, starts, ends } = joinTokens(Array(MAX_SENTENCE + 1).fill("Wort"));
    expect(() => scorer.emissions(text, starts, ends, 0, MAX_SENTENCE + 1)).toThrow(LautError);
  });

  it("survives a round trip through the file format", () => {
    const model = train();
    const loaded = parseNerModel(serialiseNerModel(model));
    const rows = data[0]?.example.rows;
    if (!rows) throw new Error("no data");
    const a = [...model.emissions(rows).slice(0, rows.length * TAG_COUNT)];
    expect([...loaded.emissions(rows).slice(0, rows.length * TAG_COUNT)]).toEqual(a);
  });
});

describe("loading a model file", () => {
  const dir = mkdtempSync(join(tmpdir(), "laut-ner-model-"));
  const model = new NerModel(BUCKETS);
  const good = serialiseNerModel(model);

  const failsWith = (bytes: Uint8Array, pattern: RegExp) => {
    const path = join(dir, `m${Math.random().toString(36).slice(2)}.bin`);
    writeFileSync(path, bytes);
    let error: unknown;
    try {
      loadNerModel(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LautError);
    expect((error as LautError).code).toBe("E_MODEL");
    expect((error as LautError).message).toMatch(pattern);
  };

  it("fails with E_MODEL when the file is missing", () => {
    expect(() => loadNerModel(join(dir, "fehlt.bin"))).toThrow(/cannot be read.*train:ner/);
  });

  it("fails with E_MODEL on foreign bytes, a cut-off file, or damaged weights", () => {
    failsWith(Buffer.from("Das ist kein Modell, sondern ein Satz."), /not a laut name model/);
    failsWith(good.subarray(0, 20), /header runs past|not JSON/);
    failsWith(good.subarray(0, good.length - 40), /decompressed|wrong size/);
    const damaged = Buffer.from(good);
    damaged.fill(0x41, damaged.length - 30);
    failsWith(damaged, /decompressed|wrong size/);
  });

  it("refuses a model of another feature set", () => {
    const json = good.subarray(12, 12 + good.readUInt32LE(8)).toString("utf8");
    const other = Buffer.from(json.replace(/"featureSet":"[^"]*"/, '"featureSet":"de-ner-0"'));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(other.length, 0);
    failsWith(
      Buffer.concat([good.subarray(0, 8), length, other, good.subarray(12 + json.length)]),
      /features "de-ner-0"/,
    );
  });
});
