/**
 * What `laut eval ner` runs for the recogniser: cross-validation, hold-out, and the shipped model
 * on a gold file (flagged when the model trained on that file).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { LautError } from "../../errors.js";
import { readEuropeana, readGermEvalTagged, readLer, type TaggedSentence } from "./corpora.js";
import {
  crossValidate,
  evaluateShippedModel,
  holdOut,
  modelSawFile,
  type NerValidation,
  type Tokenisation,
} from "./evaluate.js";
import { nerDataFiles } from "./paths.js";
import { defaultRecogniser } from "./stage.js";
import { DEFAULT_TRAIN_OPTIONS } from "./train.js";

export const EXTRA_CORPORA = ["ler", "europeana"] as const;

export function readExtraCorpora(names: readonly string[]): TaggedSentence[] {
  const files = nerDataFiles();
  const out: TaggedSentence[] = [];
  for (const name of names) {
    if (name === "ler") for (const f of files.ler) out.push(...readLer(f));
    else if (name === "europeana") for (const f of files.europeana) out.push(...readEuropeana(f));
    else throw new LautError("E_USAGE", `--extra: unknown corpus "${name}" (${EXTRA_CORPORA.join(", ")})`);
  }
  return out;
}

export function validateNer(options: {
  cv?: number;
  extra: readonly string[];
  tokenisation: string;
  epochs?: number;
}): NerValidation {
  if (options.tokenisation !== "gold" && options.tokenisation !== "laut") {
    throw new LautError("E_USAGE", `--tokens wants gold or laut, not "${options.tokenisation}"`);
  }
  const files = nerDataFiles();
  const extra = readExtraCorpora(options.extra);
  const dev = readGermEvalTagged(files.dev);
  const testA = readGermEvalTagged(files.testA);
  const train = {
    ...DEFAULT_TRAIN_OPTIONS,
    epochs: options.epochs ?? DEFAULT_TRAIN_OPTIONS.epochs,
    tokenisation: options.tokenisation as Tokenisation,
  };
  return options.cv !== undefined
    ? crossValidate([...dev, ...testA], extra, options.cv, train)
    : holdOut([...dev, ...extra], testA, train);
}

export function evaluateNamesOn(path: string, limit?: number): NerValidation & { seen: boolean } {
  const sentences = readGermEvalTagged(path);
  const model = defaultRecogniser().model;
  const seen = modelSawFile(model, createHash("sha256").update(readFileSync(path)).digest("hex"));
  const run = evaluateShippedModel(limit === undefined ? sentences : sentences.slice(0, limit), model);
  return { ...run, seen };
}
