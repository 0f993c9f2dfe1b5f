import { describe, expect, it } from "vitest";
import { maxWeightAssignment } from "./hungarian.js";

/** Best total over every one-to-one assignment, by enumeration (for small matrices only). */
function bruteForceBest(w: Float64Array, rows: number, cols: number): number {
  let best = 0;
  const usedCols = new Uint8Array(cols);
  const walk = (r: number, total: number) => {
    if (r === rows) {
      best = Math.max(best, total);
      return;
    }
    walk(r + 1, total); // row r left unassigned
    for (let c = 0; c < cols; c++) {
      if (usedCols[c]) continue;
      usedCols[c] = 1;
      walk(r + 1, total + (w[r * cols + c] as number));
      usedCols[c] = 0;
    }
  };
  walk(0, 0);
  return best;
}

function total(w: Float64Array, cols: number, rowToCol: Int32Array): number {
  let sum = 0;
  rowToCol.forEach((c, r) => {
    if (c >= 0) sum += w[r * cols + c] as number;
  });
  return sum;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("maxWeightAssignment", () => {
  it("prefers the assignment with the larger total over the greedy choice", () => {
    // greedy would take the 9 at (0,0) and be left with 1 at (1,1): total 10; optimal 8 + 7 = 15
    const w = Float64Array.from([9, 8, 7, 1]);
    expect([...maxWeightAssignment(w, 2, 2)]).toEqual([1, 0]);
  });

  it("handles empty matrices", () => {
    expect([...maxWeightAssignment(new Float64Array(0), 0, 3)]).toEqual([]);
    expect([...maxWeightAssignment(new Float64Array(0), 2, 0)]).toEqual([-1, -1]);
  });

  it("leaves the surplus rows of a tall matrix unassigned", () => {
    const w = Float64Array.from([1, 5, 3]); // 3 rows, 1 column
    expect([...maxWeightAssignment(w, 3, 1)]).toEqual([-1, 0, -1]);
  });

  it("rejects a matrix of the wrong size", () => {
    expect(() => maxWeightAssignment(new Float64Array(5), 2, 3)).toThrow(RangeError);
  });

  it("finds the optimum of 400 random matrices up to 6 × 7, square, wide and tall", () => {
    const random = rng(20240917);
    for (let k = 0; k < 400; k++) {
      const rows = 1 + Math.floor(random() * 6);
      const cols = 1 + Math.floor(random() * 7);
      // integer weights with many zeros and ties, like token-overlap scores
      const w = Float64Array.from({ length: rows * cols }, () =>
        random() < 0.4 ? 0 : Math.floor(random() * 5),
      );
      const assignment = maxWeightAssignment(w, rows, cols);
      const assigned = [...assignment].filter((c) => c >= 0);
      expect(new Set(assigned).size).toBe(assigned.length); // one-to-one
      expect(assigned.length).toBe(Math.min(rows, cols));
      expect(total(w, cols, assignment)).toBe(bruteForceBest(w, rows, cols));
    }
  });
});
