import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureOutput } from "../../cli/capture.case.js";
import { registerEval } from "../../cli/eval.js";
import { nerDataFiles } from "./paths.js";

const output = captureOutput();

async function laut(...args: string[]): Promise<void> {
  const program = new Command("laut").exitOverride();
  registerEval(program);
  await program.parseAsync(args, { from: "user" });
}

describe("laut eval ner", () => {
  const root = mkdtempSync(join(tmpdir(), "laut-ner-cli-"));
  const file = join(root, "eigene.tsv");
  writeFileSync(
    file,
    [
      "#\thttp://example.org/a\t[2024-01-01]",
      "1\tAußenministerin\tO\tO",
      "2\tAnnalena\tB-PER\tO",
      "3\tBaerbock\tI-PER\tO",
      "4\treiste\tO\tO",
      "5\tnach\tO\tO",
      "6\tNordkorea\tB-LOC\tO",
      "7\t.\tO\tO",
      "",
    ].join("\n"),
  );

  it("scores the names layer on a file the model never saw, without a warning", async () => {
    await laut("eval", "ner", "--gold", file, "--json");
    expect(JSON.parse(output.out())).toMatchObject({ f1: 1, chunks: { gold: 2, correct: 2 } });
    expect(output.err()).toBe("");
  });

  it("still scores the rule-based entities on request", async () => {
    await laut("eval", "ner", "--gold", file, "--entities");
    expect(output.out()).toContain("rule-based entities");
  });

  it("rejects options that do not go together", async () => {
    await expect(laut("eval", "ner", "--cv", "5", "--holdout")).rejects.toThrow(/either --cv or --holdout/);
    await expect(laut("eval", "ner", "--cv", "5", "--gold", file)).rejects.toThrow(/do not go with them/);
    await expect(laut("eval", "ner", "--gold", file, "--extra", "ler")).rejects.toThrow(/go with --cv/);
    await expect(laut("eval", "ner")).rejects.toThrow(/give --gold/);
    await expect(laut("eval", "ner", "--holdout", "--extra", "wikipedia")).rejects.toThrow(/unknown corpus/);
  });

  const dev = nerDataFiles().dev;
  if (!existsSync(dev)) console.warn(`skipping the training-data warning test: ${dev} is absent`);
  it.skipIf(!existsSync(dev))(
    "warns loudly when the gold file is training data of the shipped model",
    async () => {
      // a copy under another name is recognised by its content
      const copy = join(root, "kopie.tsv");
      writeFileSync(copy, readFileSync(dev));
      await laut("eval", "ner", "--gold", copy, "--limit", "50");
      expect(output.err()).toMatch(/WARNING: the shipped name model was trained on kopie\.tsv/);
      expect(output.out()).toContain("TRAINING DATA, NOT A TEST");
    },
  );
});
