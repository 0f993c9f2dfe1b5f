import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { LautError } from "../errors.js";
import { STORIES, wikinewsGold } from "../eval/wikinews-fixture.case.js";
import { captureOutput } from "./capture.case.js";
import { registerEval } from "./eval.js";

const root = mkdtempSync(join(tmpdir(), "laut-eval-cli-"));
const gold = join(root, "dev");
mkdirSync(gold);
for (const story of STORIES) {
  writeFileSync(join(gold, `${story.name}.json`), JSON.stringify(wikinewsGold(story.text, story.quotes)));
}

const output = captureOutput();
afterEach(() => {
  process.exitCode = undefined;
});

async function laut(...args: string[]): Promise<void> {
  const program = new Command("laut").exitOverride();
  registerEval(program);
  await program.parseAsync(args, { from: "user" });
}

describe("laut eval quotes", () => {
  it("prints the scores as JSON with values in 0..1", async () => {
    await laut("eval", "quotes", "--gold", gold, "--json");
    const scores = JSON.parse(output.out());
    expect(Object.keys(scores)).toEqual(
      expect.arrayContaining([
        "message",
        "roles",
        "joint",
        "type",
        "medium",
        "byType",
        "speaker",
        "docs",
        "seconds",
      ]),
    );
    expect(scores.docs).toBe(2);
    expect(Object.keys(scores.byType)).toEqual(expect.arrayContaining(["Direct", "Indirect", "Reported"]));
    for (const part of ["message", "roles", "joint"]) {
      for (const v of Object.values(scores[part] as Record<string, number>)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it("prints a table and writes the error file", async () => {
    const errors = join(root, "errors.txt");
    await laut("eval", "quotes", "--gold", gold, "--errors", errors);
    expect(output.out()).toContain("laut eval quotes · wikinews dev");
    expect(output.out()).toMatch(/joint\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d/);
    expect(readFileSync(errors, "utf8")).toContain("== MISSED");
  });

  it("records the numbers, passes the guard on them and fails it with exit code 7 one point below", async () => {
    const record = join(root, "record.json");
    writeFileSync(record, `${JSON.stringify({ "wikinews-train": { joint: 0.5 } })}\n`);
    await laut("eval", "quotes", "--gold", gold, "--record", record, "--update");
    const written = JSON.parse(readFileSync(record, "utf8"));
    expect(written["wikinews-train"]).toEqual({ joint: 0.5 });
    expect(written["wikinews-dev"]).toMatchObject({ docs: 2, commit: null });

    await laut("eval", "quotes", "--gold", gold, "--record", record, "--guard");
    expect(process.exitCode).toBeUndefined();
    expect(output.err()).toContain("regression guard passed");

    written["wikinews-dev"].joint += 0.0101;
    writeFileSync(record, JSON.stringify(written));
    await laut("eval", "quotes", "--gold", gold, "--record", record, "--guard");
    expect(process.exitCode).toBe(7);
    expect(output.err()).toContain("regression guard FAILED");
  });

  it("refuses contradictory options with a usage error", async () => {
    await expect(laut("eval", "quotes", "--gold", gold, "--guard")).rejects.toThrow(LautError);
    await expect(
      laut("eval", "quotes", "--gold", gold, "--record", "r.json", "--limit", "1", "--guard"),
    ).rejects.toThrow(/--limit/);
    await expect(laut("eval", "quotes", "--gold", gold, "--limit", "0")).rejects.toThrow(
      /positive whole number/,
    );
    await expect(laut("eval", "quotes", "--gold", join(root, "missing"))).rejects.toMatchObject({
      code: "E_GOLD_FORMAT",
    });
  });
});

describe("laut eval gepade and ner", () => {
  it("score a GePaDe speech folder", async () => {
    const dir = join(root, "gepade");
    mkdirSync(dir);
    const speech = {
      Sentences: [
        { SentenceId: 0, Tokens: ["Der", "Minister", "sagte", ",", "die", "Renten", "seien", "sicher", "."] },
      ],
      Annotations: [{ Cue: ["0:2"], Source: ["0:0", "0:1"], Message: ["0:4", "0:5", "0:6", "0:7"] }],
    };
    writeFileSync(join(dir, "rede.json"), JSON.stringify(speech));
    await laut("eval", "gepade", "--gold", dir, "--json");
    const scores = JSON.parse(output.out());
    expect(scores).toMatchObject({ docs: 1, annotations: { gold: 1 } });
    expect(Object.keys(scores.byRole)).toEqual([
      "Source",
      "Message",
      "Addr",
      "Topic",
      "Evidence",
      "Medium",
      "PTC",
    ]);
  });

  it("score a GermEval 2014 file", async () => {
    const file = join(root, "ner.tsv");
    writeFileSync(
      file,
      "#\thttp://example.org\t[2024-01-01]\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tsprach\tO\tO\n",
    );
    await laut("eval", "ner", "--gold", file);
    expect(output.out()).toContain("outer chunks, strict");
    expect(output.out()).toContain("chunks: gold 1");
  });
});
