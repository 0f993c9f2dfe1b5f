import { describe, expect, it } from "vitest";
import { FeatureExtractor, Flag, wordFlags, wordInfo } from "./features.js";

const BUCKETS = 1 << 16;

/** the feature ids of token i of a sentence, as a set */
function featuresOf(sentence: string, i: number): Set<number> {
  const words = sentence.split(" ");
  const rows = new FeatureExtractor(BUCKETS).extract(words.length, (k) => words[k] as string);
  return new Set(rows.ids.subarray(rows.offsets[i], rows.offsets[i + 1]));
}

describe("word features", () => {
  it("gives names of one shape the same shape hash, whatever their letters", () => {
    expect(wordInfo("Scholz").shape).toBe(wordInfo("Merz").shape);
    expect(wordInfo("Scholz").shape).toBe(wordInfo("Übermaß").shape);
    expect(wordInfo("NATO").shape).not.toBe(wordInfo("Nato").shape);
    expect(wordInfo("EU-Kommission").shape).toBe(wordInfo("UN-Sicherheitsrat").shape);
    expect(wordInfo("U5").shape).not.toBe(wordInfo("Ub").shape);
  });

  it("shares the endings of derived place adjectives", () => {
    expect(wordInfo("nordkoreanische").suffix3).toBe(wordInfo("südkoreanische").suffix3);
    const a = featuresOf("die nordkoreanische Armee", 1);
    const b = featuresOf("die südkoreanische Armee", 1);
    // shared: the five suffixes, the shape, the neighbours and their features
    expect([...a].filter((f) => b.has(f)).length).toBeGreaterThanOrEqual(12);
    expect(wordInfo("Russische").lowerHash).toBe(wordInfo("russische").lowerHash);
    expect(wordInfo("Russische").wordHash).not.toBe(wordInfo("russische").wordHash);
  });

  it("marks membership in laut's word lists", () => {
    expect(wordFlags("Olaf", "olaf") & Flag.FirstName).toBeTruthy();
    expect(wordFlags("Bundeskanzler", "bundeskanzler") & Flag.RolePerson).toBeTruthy();
    expect(wordFlags("der", "der") & Flag.FunctionWord).toBeTruthy();
    expect(wordFlags("Verhandlungen", "verhandlungen") & Flag.CommonNounEnding).toBeTruthy();
    expect(wordFlags("Moskau", "moskau") & Flag.MetonymPlace).toBeTruthy();
    expect(wordFlags("sagte", "sagte") & Flag.VerbForm).toBeTruthy();
    expect(wordFlags("Scholz", "scholz")).toBe(0);
  });
});

describe("sentence features", () => {
  it("keep a token's own features and change its context features with the neighbours", () => {
    const kanzler = featuresOf("Kanzler Scholz sagte am Montag", 1);
    const herr = featuresOf("Herr Scholz sagte am Montag", 1);
    const shared = [...kanzler].filter((f) => herr.has(f));
    expect(shared.length).toBeGreaterThan(10);
    expect(kanzler.size - shared.length).toBeGreaterThan(0);
  });

  it("mark the sentence start", () => {
    const first = featuresOf("Die Regierung tagte", 0);
    const later = featuresOf("Gestern Die Regierung tagte", 1);
    expect([...first].some((f) => !later.has(f))).toBe(true);
  });

  it("are deterministic, in range, and grouped per token", () => {
    const words = "Die Wiener Linien bauen die U5 weiter .".split(" ");
    const a = new FeatureExtractor(BUCKETS).extract(words.length, (i) => words[i] as string);
    const ids = [...a.ids.subarray(0, a.offsets[words.length])];
    const b = new FeatureExtractor(BUCKETS).extract(words.length, (i) => words[i] as string);
    expect([...b.ids.subarray(0, b.offsets[words.length])]).toEqual(ids);
    expect(ids.every((id) => id >= 0 && id < BUCKETS)).toBe(true);
    for (let i = 0; i < words.length; i++) expect(a.offsets[i + 1]).toBeGreaterThan(a.offsets[i] as number);
  });
});
