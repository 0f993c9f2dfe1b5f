/**
 * Confidence as a calibrated probability that a quote is right (it is speech as drawn and names the
 * right speaker): the share of right quotes per attribution path (quote type × how the speaker was
 * found), measured on WikiNews train by scripts/calibrate-confidence.mjs (models/confidence.md). A
 * path the table does not know keeps the hand-set score of the stage that made the quote.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Quote, Quoted } from "../doc.js";

const TABLE_FILE = new URL("../../models/confidence.json", import.meta.url);

/** The key of a quote's attribution path, e.g. "direct:cue", "direct(partial):context". */
export function pathKey(type: string, attribution: string, partial: boolean): string {
  return `${type}${partial ? "(partial)" : ""}:${attribution}`;
}

function loadTable(): Record<string, number> {
  if (!existsSync(TABLE_FILE)) return {};
  const parsed = JSON.parse(readFileSync(TABLE_FILE, "utf8")) as { confidence?: Record<string, number> };
  return parsed.confidence ?? {};
}

const TABLE = loadTable();

/** Replace each quote's hand-set confidence with the calibrated one of its path, when known. */
export function calibrate(quotes: Quote[], quoted: readonly Quoted[]): void {
  for (const q of quotes) {
    const partial = q.type === "direct" && q.quoted.every((m) => quoted[m]?.role === "partial");
    const calibrated = TABLE[pathKey(q.type, q.attribution, partial)];
    if (calibrated !== undefined) q.confidence = calibrated;
  }
}
