/**
 * Training corpora as tokens with BIO tags over laut's labels, read by path (the data stays in
 * the shared data folder, never in the repository):
 *   GermEval 2014 (CC BY 4.0): the target annotation, outer level.
 *   LER (court decisions, CC BY 4.0): fine classes mapped to PER/ORG/LOC; its legal classes
 *     (laws, regulations, case law, literature) have no GermEval counterpart, so sentences with
 *     them are left out rather than taught as "not a name".
 *   Europeana (historic newspapers, OCR, CC0): PER/ORG/LOC only; cut into pseudo-sentences at
 *     sentence-final punctuation, since the files have no sentence breaks.
 * `block` groups sentences that must land in the same cross-validation fold (one source page).
 */
import { readFileSync } from "node:fs";
import { LautError } from "../../errors.js";
import { readGermEval } from "../../eval/germeval.js";
import { beginTag, insideTag, labelId } from "./labels.js";

export interface TaggedSentence {
  tokens: string[];
  tags: Uint8Array;
  /** sentences of one block (source page) always stay together */
  block: string;
}

export function readGermEvalTagged(path: string): TaggedSentence[] {
  return readGermEval(path).map((s) => {
    const tags = new Uint8Array(s.tokens.length);
    for (const c of s.gold) {
      const label = labelId(c.label);
      if (label === undefined) throw new LautError("E_GOLD_FORMAT", `${path}: unknown label "${c.label}"`);
      tags[c.start] = beginTag(label);
      for (let i = c.start + 1; i < c.end; i++) tags[i] = insideTag(label);
    }
    return { tokens: s.tokens, tags, block: `${path}#${s.source.split("\t")[0] ?? ""}` };
  });
}

/** LER fine class → laut label, or null for the legal classes that make a sentence unusable */
const LER_CLASSES: Readonly<Record<string, string | null>> = {
  PER: "PER",
  RR: "PER",
  AN: "PER",
  LD: "LOC",
  ST: "LOC",
  STR: "LOC",
  LDS: "LOC",
  ORG: "ORG",
  UN: "ORG",
  INN: "ORG",
  GRT: "ORG",
  MRK: "ORG",
  GS: null,
  VO: null,
  EUN: null,
  VS: null,
  VT: null,
  RS: null,
  LIT: null,
};

function readLines(path: string): string[] {
  try {
    return readFileSync(path, "utf8").split("\n");
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `training data ${path} cannot be read`, { cause: error });
  }
}

/** Two-column "token TAG" files; `mapClass` gives the laut label of a class, null to drop the sentence. */
function readTwoColumn(
  path: string,
  mapClass: (cls: string) => string | null | undefined,
  splitAt: ((token: string, length: number) => boolean) | null,
): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: number[] = [];
  let drop = false;
  let block = 0;
  const flush = () => {
    if (tokens.length > 0 && !drop) {
      sentences.push({ tokens, tags: Uint8Array.from(tags), block: `${path}#${Math.floor(block / 20)}` });
    }
    block++;
    tokens = [];
    tags = [];
    drop = false;
  };
  for (const raw of readLines(path)) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.startsWith("# ")) continue;
    const space = line.lastIndexOf(" ");
    if (line.trim() === "" || space <= 0) {
      flush();
      continue;
    }
    const token = line.slice(0, space);
    const tag = line.slice(space + 1).replace("_", "-");
    let label: string | null | undefined;
    let inside = false;
    if (tag.length > 2 && (tag[0] === "B" || tag[0] === "I") && tag[1] === "-") {
      label = mapClass(tag.slice(2).toUpperCase());
      inside = tag[0] === "I";
    }
    if (label === null) drop = true;
    const id = label ? labelId(label) : undefined;
    const prev = tags[tags.length - 1];
    if (id === undefined) tags.push(0);
    else if (inside && (prev === beginTag(id) || prev === insideTag(id))) tags.push(insideTag(id));
    else tags.push(beginTag(id));
    tokens.push(token);
    if (splitAt?.(token, tokens.length)) flush();
  }
  flush();
  return sentences;
}

export function readLer(path: string): TaggedSentence[] {
  return readTwoColumn(path, (cls) => LER_CLASSES[cls], null);
}

const EUROPEANA_CLASSES: Readonly<Record<string, string>> = { PER: "PER", LOC: "LOC", ORG: "ORG" };
const SENTENCE_END = new Set([".", "!", "?"]);
const MAX_PSEUDO_SENTENCE = 60;

export function readEuropeana(path: string): TaggedSentence[] {
  return readTwoColumn(
    path,
    (cls) => EUROPEANA_CLASSES[cls],
    (token, length) => (SENTENCE_END.has(token) && length >= 5) || length >= MAX_PSEUDO_SENTENCE,
  );
}
