import { describe, expect, it } from "vitest";
import { LautError } from "../../errors.js";
import { assignFolds } from "./folds.js";

describe("cross-validation folds", () => {
  // 23 source pages of 1 to 4 sentences each
  const blocks = Array.from({ length: 23 }, (_, page) => Array(1 + (page % 4)).fill(`page-${page}`)).flat();

  it("puts every sentence in exactly one fold and never splits a page", () => {
    const folds = assignFolds(blocks, 5);
    expect(folds.length).toBe(blocks.length);
    const foldOfPage = new Map<string, number>();
    blocks.forEach((page, i) => {
      const fold = folds[i] as number;
      expect(fold).toBeGreaterThanOrEqual(0);
      expect(fold).toBeLessThan(5);
      expect(foldOfPage.get(page) ?? fold).toBe(fold);
      foldOfPage.set(page, fold);
    });
  });

  it("makes k disjoint, roughly equal test sets whose training sets exclude them", () => {
    const folds = assignFolds(blocks, 5);
    const members = Array.from({ length: 5 }, (_, k) =>
      blocks.flatMap((_, i) => (folds[i] === k ? [i] : [])),
    );
    expect(members.flat().sort((a, b) => a - b)).toEqual(blocks.map((_, i) => i));
    for (const [k, test] of members.entries()) {
      expect(test.length).toBeGreaterThan(blocks.length / 5 - 5);
      const training = blocks.flatMap((_, i) => (folds[i] !== k ? [blocks[i]] : []));
      for (const i of test) expect(training).not.toContain(blocks[i]);
    }
  });

  it("is deterministic and rejects impossible fold counts", () => {
    expect(assignFolds(blocks, 4)).toEqual(assignFolds(blocks, 4));
    expect(() => assignFolds(blocks, 1)).toThrow(LautError);
    expect(() => assignFolds(["a", "b"], 3)).toThrow(/cannot be cut/);
  });
});
