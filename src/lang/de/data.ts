/**
 * German language knowledge lives in data files beside this module (src/lang/de/*.tsv|txt),
 * not in the algorithms. The path resolves the same from src/ (tests) and dist/ (the built CLI),
 * because dist/ mirrors src/ one level below the package root.
 */
import { readFileSync } from "node:fs";

const DATA_DIR = new URL("../../../src/lang/de/", import.meta.url);

/** Raw text of a data file. */
export function readDataFile(name: string): string {
  return readFileSync(new URL(name, DATA_DIR), "utf8");
}

/** Non-empty, non-comment lines ('#' starts a comment line). */
export function readLines(name: string): string[] {
  return readDataFile(name)
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
}

/** Rows of a TSV file with a header line; empty cells become "". */
export function readTsv(name: string): Record<string, string>[] {
  const [header, ...rows] = readLines(name);
  if (!header) return [];
  const cols = header.split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    const record: Record<string, string> = {};
    cols.forEach((c, i) => {
      record[c] = (cells[i] ?? "").trim();
    });
    return record;
  });
}

/**
 * Key for lexicon lookups: lower case, and ß folded to ss so Swiss spelling ("hiess", "äussert")
 * finds the same entries as German spelling. Length-preserving except for ß, so never use it to
 * compute offsets.
 */
export function lexKey(word: string): string {
  const lower = word.toLowerCase();
  // hot path: ß is rare, so most words need no second pass (a memo map measured slower than this)
  return lower.indexOf("ß") < 0 ? lower : lower.replaceAll("ß", "ss");
}
