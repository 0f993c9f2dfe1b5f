/**
 * The language data the text layer reads (src/lang/de/), loaded once per process into Sets and
 * Maps so the scanners look words up without rereading or reparsing anything.
 */
import { readLines } from "../lang/de/data.js";

export interface AbbreviationInfo {
  /** may end a sentence when a capitalised word follows ("usw.", "etc.") */
  final: boolean;
  /** an abbreviation only before a number ("Art. 5") */
  numberOnly: boolean;
}

function loadAbbreviations(): Map<string, AbbreviationInfo> {
  const map = new Map<string, AbbreviationInfo>();
  for (const line of readLines("abbreviations.txt")) {
    const [form = "", flag = ""] = line.split("\t").map((c) => c.trim());
    if (!form.endsWith(".")) continue;
    map.set(form, { final: flag === "final", numberOnly: flag === "num" });
  }
  return map;
}

export const ABBREVIATIONS: ReadonlyMap<string, AbbreviationInfo> = loadAbbreviations();

/** Longest listed abbreviation, so longer candidates are never sliced out of the text. */
export const MAX_ABBREVIATION_LENGTH = Math.max(0, ...[...ABBREVIATIONS.keys()].map((k) => k.length));

/** An abbreviation exactly as listed, or undefined. */
export function lookupAbbreviation(form: string): AbbreviationInfo | undefined {
  return ABBREVIATIONS.get(form);
}

/**
 * A listed abbreviation written with a capital because it opens a sentence ("Ca. 300 Menschen",
 * "Vgl. dazu"). Callers must check the context: "Schweiz." is a noun, not "schweiz.".
 */
export function lookupCapitalisedAbbreviation(form: string): AbbreviationInfo | undefined {
  const first = form.charAt(0);
  const lower = first.toLowerCase();
  return lower === first ? undefined : ABBREVIATIONS.get(lower + form.slice(1));
}

export const ORDINAL_CONTEXT: ReadonlySet<string> = new Set(readLines("ordinal-context.txt"));
export const MAX_ORDINAL_CONTEXT_LENGTH = Math.max(0, ...[...ORDINAL_CONTEXT].map((w) => w.length));

/** Articles and possessives before an ordinal: "die 82. Luftbrigade". */
export const ORDINAL_DETERMINERS: ReadonlySet<string> = new Set(
  readLines("text-ordinal-determiners.txt").map((w) => w.toLowerCase()),
);
export const MAX_ORDINAL_DETERMINER_LENGTH = Math.max(0, ...[...ORDINAL_DETERMINERS].map((w) => w.length));

export const CLITICS: ReadonlySet<string> = new Set(
  readLines("text-clitics.txt").map((w) => w.toLowerCase()),
);
export const MAX_CLITIC_LENGTH = Math.max(0, ...[...CLITICS].map((w) => w.length));

export const GENDER_SUFFIXES: readonly string[] = readLines("text-gender-suffixes.txt")
  .map((w) => w.toLowerCase())
  // longest first, so "innen" wins over "in"
  .sort((a, b) => b.length - a.length);

export const DOMAINS: ReadonlySet<string> = new Set(
  readLines("text-domains.txt").map((w) => w.toLowerCase()),
);
