import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../cli/capture.case.js";
import { registerEval } from "../cli/eval.js";
import { LautError } from "../errors.js";
import { claimTable, DEFAULT_CLAIM_GOLD, evaluateClaims, readClaimGold } from "./claims.js";

/** A gold folder with two parts; `accusation` and `denial` are one pair across articles. */
function goldFolder(): string {
  const root = mkdtempSync(join(tmpdir(), "laut-claims-gold-"));
  const write = (part: string, name: string, text: string, gold: unknown) => {
    mkdirSync(join(root, part), { recursive: true });
    writeFileSync(join(root, part, `${name}.txt`), text);
    writeFileSync(join(root, part, `${name}.json`), JSON.stringify(gold));
  };
  write(
    "dev",
    "accusation",
    "Der Aussenminister sagte, der Iran habe Russland Hunderte Drohnen geliefert. Laut der Polizei wurden drei Menschen verletzt.",
    {
      claims: [
        {
          id: "c1",
          anchor: "Hunderte Drohnen",
          holder: ["Aussenminister"],
          status: "attributed",
          polarity: "positive",
        },
        // deliberately wrong holder and status, so the scores are not all 100 %
        { id: "c2", anchor: "drei Menschen", holder: ["Feuerwehr"], status: "denied", polarity: "positive" },
      ],
      links: [{ a: "c1", b: "denial#c1", relation: "denies" }],
    },
  );
  write("dev", "denial", "Teheran bestritt am Mittwoch, Drohnen an Russland geliefert zu haben.", {
    claims: [
      { id: "c1", anchor: "Drohnen an Russland", holder: ["Iran"], status: "denied", polarity: "positive" },
    ],
    links: [],
  });
  write("heldout", "fear", "Die Anwohner befürchten, dass das Wasser verseucht ist.", {
    claims: [
      { id: "c1", anchor: "das Wasser", holder: ["Anwohner"], status: "feared", polarity: "positive" },
    ],
    links: [],
  });
  return root;
}

describe("evaluateClaims", () => {
  it("scores each part: claims found, status, holder, links across articles", () => {
    const run = evaluateClaims(goldFolder());
    expect(run.parts.map((p) => p.part)).toEqual(["dev", "heldout"]);
    const dev = run.parts[0];
    expect(dev?.found).toEqual({ n: 3, correct: 3, accuracy: 1 });
    expect(dev?.status.correct).toBe(2);
    expect(dev?.holder.correct).toBe(2);
    expect(dev?.byStatus.denied).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
    expect(dev?.links).toMatchObject({ tp: 1, fp: 0, fn: 0, p: 1, r: 1 });
    expect(dev?.misses.map((m) => `${m.what} ${m.claim}`)).toEqual([
      "status accusation#c2",
      "holder accusation#c2",
    ]);
    expect(run.parts[1]?.status.accuracy).toBe(1);
    expect(claimTable(run, true)).toContain("holder accusation#c2: expected Feuerwehr, got Polizei");
  });

  it("reads the shipped gold set: at least 15 articles, every status, links across articles", () => {
    const parts = readClaimGold(DEFAULT_CLAIM_GOLD);
    const articles = parts.flatMap((p) => p.articles);
    expect(articles.length).toBeGreaterThanOrEqual(15);
    expect(parts.map((p) => p.part)).toEqual(["dev", "heldout"]);
    const statuses = new Set(articles.flatMap((a) => a.claims.map((c) => c.status)));
    expect([...statuses].sort()).toEqual(
      ["asserted", "attributed", "denied", "feared", "hearsay", "questioned", "speculated"].sort(),
    );
    for (const p of parts) expect(p.articles.some((a) => a.links.some((l) => l.b.includes("#")))).toBe(true);
    expect(articles.some((a) => a.claims.some((c) => (c.chain?.length ?? 0) >= 2))).toBe(true);
  });

  it("rejects a gold file whose anchor is not in the text", () => {
    const root = mkdtempSync(join(tmpdir(), "laut-claims-bad-"));
    writeFileSync(join(root, "a.txt"), "Der Minister sagte, es regne.");
    writeFileSync(
      join(root, "a.json"),
      JSON.stringify({
        claims: [{ id: "c1", anchor: "Schnee", holder: "outlet", status: "asserted", polarity: "positive" }],
        links: [],
      }),
    );
    expect(() => evaluateClaims(root)).toThrow(LautError);
    expect(() => evaluateClaims(root)).toThrow(/anchor "Schnee"/);
    expect(() => evaluateClaims(join(root, "missing"))).toThrow(/cannot be read/);
  });
});

describe("laut eval claims", () => {
  const output = captureOutput();

  it("prints the scores as JSON", async () => {
    const program = new Command("laut").exitOverride();
    registerEval(program);
    await program.parseAsync(["eval", "claims", "--gold", goldFolder(), "--json"], { from: "user" });
    const json = JSON.parse(output.out()) as {
      parts: { part: string; status: { accuracy: number }; misses?: unknown }[];
    };
    expect(json.parts.map((p) => p.part)).toEqual(["dev", "heldout"]);
    expect(json.parts[0]?.status.accuracy).toBeCloseTo(2 / 3, 3);
    expect(json.parts[0]?.misses).toBeUndefined();
  });
});
