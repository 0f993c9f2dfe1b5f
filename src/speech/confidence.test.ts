import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze.js";

const table = JSON.parse(readFileSync(new URL("../../models/confidence.json", import.meta.url), "utf8")) as {
  confidence: Record<string, number>;
  counts: Record<string, { n: number; right: number }>;
};

describe("calibrated confidence", () => {
  it("the table holds a probability per attribution path, fitted on enough quotes", () => {
    const values = Object.values(table.confidence);
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) expect(v > 0 && v < 1).toBe(true);
    for (const [key, { n }] of Object.entries(table.counts)) {
      expect(n, key).toBeGreaterThan(0);
      expect(table.confidence[key], key).toBeDefined();
    }
  });

  it("a quote gets the value of its path; the stages' hand-set score only on request", () => {
    const text =
      "«Die Lage ist ernst», sagte die Ministerin Laura Frei.\n\nAm Bahnhof herrschte Chaos. «Niemand wusste, was los war», hiess es.";
    const [cued, unattributed] = analyze(text).quotes;
    expect(cued?.confidence).toBe(table.confidence["direct:cue"]);
    expect(unattributed?.speaker).toBeNull();
    expect(unattributed?.confidence).toBe(table.confidence["direct:none"]);
    expect(cued?.confidence ?? 0).toBeGreaterThan(unattributed?.confidence ?? 1);
    expect(analyze(text, { calibrated: false }).quotes[0]?.confidence).toBe(0.95);
  });
});
