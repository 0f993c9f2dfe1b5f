/**
 * Article extraction over real German-language news pages: the trafilatura evaluation pages in
 * /work/shared (not part of the repository). For each page the evaluation lists snippets the
 * article text must contain (`with`) and page furniture it must not (`without`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInput } from "./read.js";

const DIR = new URL("../../../shared/data/html/trafilatura-de/", import.meta.url).pathname;
const EVALDATA = join(DIR, "evaldata_full.json");
const present = existsSync(EVALDATA);
if (!present) console.warn(`skipping trafilatura extraction test: ${EVALDATA} not found`);

interface Expectation {
  file: string;
  with: string[];
  without: string[];
}

/** Measured: 171/174 found and 174/190 absent (readability 0.6.0); the floors leave room for drift. */
const MIN_FOUND = 0.95;
const MIN_ABSENT = 0.88;

const normalise = (text: string): string => text.replace(/\s+/g, " ").trim();

describe.skipIf(!present)("HTML extraction on the trafilatura German pages", () => {
  it("finds the article snippets and leaves out the furniture", async () => {
    const evaldata = JSON.parse(readFileSync(EVALDATA, "utf8")) as Record<string, Expectation>;
    // local copies are named "<site>__<evaluation file name>"
    const byFile = new Map(Object.values(evaldata).map((e) => [e.file, e]));
    const pages = readdirSync(DIR).filter((name) => name.endsWith(".html"));
    let found = 0;
    let wanted = 0;
    let absent = 0;
    let unwanted = 0;
    let pagesRead = 0;
    let elapsed = 0;
    const misses: string[] = [];
    for (const page of pages) {
      const expectation = byFile.get(page.slice(page.indexOf("__") + 2));
      if (!expectation) continue;
      const started = performance.now();
      const input = await readInput(join(DIR, page));
      elapsed += performance.now() - started;
      pagesRead++;
      expect(input.format).toBe("html");
      const text = normalise(input.text);
      for (const snippet of expectation.with) {
        wanted++;
        if (text.includes(normalise(snippet))) found++;
        else misses.push(`${page}: missing ${JSON.stringify(snippet)}`);
      }
      for (const snippet of expectation.without) {
        unwanted++;
        if (!text.includes(normalise(snippet))) absent++;
        else misses.push(`${page}: contains ${JSON.stringify(snippet)}`);
      }
    }
    console.log(
      `trafilatura-de: ${pagesRead} pages, with-snippets found ${found}/${wanted}, ` +
        `without-snippets absent ${absent}/${unwanted}, ${(elapsed / pagesRead).toFixed(1)} ms/page\n  ` +
        misses.join("\n  "),
    );
    expect(pagesRead).toBeGreaterThanOrEqual(50);
    expect(found / wanted).toBeGreaterThanOrEqual(MIN_FOUND);
    expect(absent / unwanted).toBeGreaterThanOrEqual(MIN_ABSENT);
  });

  it("decodes the pages that are not UTF-8 from their declared charset", async () => {
    const manifest = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as {
      file: string;
      valid_utf8: boolean;
    }[];
    const legacy = manifest.filter((page) => !page.valid_utf8);
    expect(legacy.length).toBeGreaterThan(0);
    for (const page of legacy) {
      const input = await readInput(join(DIR, page.file));
      expect(input.encoding, page.file).toMatch(/^(?:iso-8859-1|windows-1252)$/);
      expect(input.text, page.file).toMatch(/[äöüß]/);
      expect(input.text, page.file).not.toMatch(/Ã[¤¶¼Ÿ„–œ]|\ufffd/);
    }
  });
});
