import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../cli/capture.case.js";
import { registerEval } from "../cli/eval.js";
import { LautError } from "../errors.js";
import { evaluateLinking, readLinkGold } from "./link.js";

const dir = mkdtempSync(join(tmpdir(), "laut-link-gold-"));

function goldFile(name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join("\n"));
  return path;
}

function mention(id: string, text: string, surface: string, qid: string | null, category: string) {
  const start = text.indexOf(surface);
  return { id, text, start, end: start + surface.length, mention: surface, qid, category };
}

const small = goldFile("small.jsonl", [
  mention("a", "Teheran warnte vor einer Eskalation.", "Teheran", "Q794", "metonym"),
  mention("b", "In Teheran fiel der Strom aus.", "Teheran", "Q3616", "capital"),
  mention("c", "Die österreichischen Behörden ermitteln.", "österreichischen", "Q40", "demonym"),
  mention("d", "Laura Putin eröffnete ein Café in Linz.", "Laura Putin", null, "negative"),
  // a deliberately wrong expectation, so the scorer must report a miss
  mention("e", "Die Nato tagt in Brüssel.", "Nato", "Q458", "io"),
]);

describe("evaluateLinking", () => {
  it("scores overall and by category and lists the misses", () => {
    const run = evaluateLinking(small);
    expect(run.overall).toEqual({ n: 5, correct: 4, accuracy: 0.8 });
    expect(run.byCategory.io).toEqual({ n: 1, correct: 0, accuracy: 0 });
    expect(run.byCategory.metonym?.correct).toBe(1);
    expect(run.misses).toEqual([
      { id: "e", category: "io", mention: "Nato", expected: "Q458", got: "Q7184", actor: false },
    ]);
  });

  it("reaches 95 % on countries, capitals and heads of state in laut's own gold set", () => {
    const run = evaluateLinking();
    expect(run.overall.n).toBeGreaterThanOrEqual(120);
    for (const category of ["country", "capital", "head-of-state"]) {
      expect(run.byCategory[category]?.accuracy).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("holds on a second set written apart from the gazetteer (eval/gold/linking-heldout.jsonl)", () => {
    const run = evaluateLinking(
      fileURLToPath(new URL("../../eval/gold/linking-heldout.jsonl", import.meta.url)),
    );
    expect(run.overall.n).toBeGreaterThanOrEqual(50);
    for (const category of ["country", "capital", "head-of-state", "metonym"]) {
      expect(run.byCategory[category]?.accuracy).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("rejects a span that does not hold the mention", () => {
    const bad = goldFile("bad.jsonl", [
      { ...mention("x", "Moskau schweigt.", "Moskau", "Q159", "metonym"), end: 3 },
    ]);
    expect(() => readLinkGold(bad)).toThrow(LautError);
    expect(() => readLinkGold(join(dir, "missing.jsonl"))).toThrow(/cannot be read/);
  });
});

describe("laut eval link", () => {
  const output = captureOutput();

  async function laut(...args: string[]): Promise<void> {
    const program = new Command("laut").exitOverride();
    registerEval(program);
    await program.parseAsync(args, { from: "user" });
  }

  it("prints JSON scores", async () => {
    await laut("eval", "link", "--gold", small, "--json");
    const scores = JSON.parse(output.out());
    expect(scores.overall).toEqual({ n: 5, correct: 4, accuracy: 0.8 });
    expect(Object.keys(scores.byCategory)).toEqual(["capital", "demonym", "io", "metonym", "negative"]);
  });

  it("prints a table with the misses", async () => {
    await laut("eval", "link", "--gold", small);
    expect(output.out()).toContain("overall");
    expect(output.out()).toMatch(/e io: "Nato" Q458 -> Q7184/);
  });

  it("fails with E_GOLD_FORMAT on a file that is not JSON lines", async () => {
    const broken = join(dir, "broken.jsonl");
    writeFileSync(broken, "id\ttext\n");
    await expect(laut("eval", "link", "--gold", broken)).rejects.toMatchObject({ code: "E_GOLD_FORMAT" });
  });
});
