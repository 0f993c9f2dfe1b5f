/**
 * The `names` stage: the trained recogniser over laut's own tokens, sentence by sentence. It only
 * adds the `names` layer; turning names into entities is the registry's business.
 */
import type { Doc, Name } from "../../doc.js";
import type { Stage } from "../../pipeline.js";
import { chunksOfTags, kindOfLabel, TAG_COUNT, typeOfLabel } from "./labels.js";
import { loadNerModel, type NerModel } from "./model.js";
import { MAX_SENTENCE, NameScorer } from "./scorer.js";

/**
 * Longest stretch decoded at once. News sentences are far shorter; a run-on "sentence" (a list,
 * hostile input) is cut into windows so the scratch arrays stay small.
 */
const MAX_WINDOW = MAX_SENTENCE;

export class NameRecogniser {
  readonly model: NerModel;
  readonly #scorer: NameScorer;
  #tags = new Uint8Array(MAX_WINDOW);

  constructor(model: NerModel) {
    this.model = model;
    this.#scorer = new NameScorer(model);
  }

  /** Names in tokens [first, end) of `doc`, appended to `out`. */
  recognise(doc: Doc, first: number, end: number, out: Name[]): void {
    const { starts, ends } = doc.get("tokens");
    const text = doc.text;
    const tags = this.#tags;
    for (let from = first; from < end; from += MAX_WINDOW) {
      const n = Math.min(MAX_WINDOW, end - from);
      const emissions = this.#scorer.emissions(text, starts, ends, from, n);
      this.model.decodeScores(emissions, n, tags);
      for (const chunk of chunksOfTags(tags, n)) {
        out.push({
          start: starts[from + chunk.start] as number,
          end: ends[from + chunk.end - 1] as number,
          type: typeOfLabel(chunk.label),
          kind: kindOfLabel(chunk.label),
          firstToken: from + chunk.start,
          endToken: from + chunk.end,
          score: chunkScore(emissions, tags, chunk.start, chunk.end),
        });
      }
    }
  }
}

/** Logistic of the smallest per-token margin of the chosen tag over the best other tag. */
function chunkScore(emissions: Float32Array, tags: Uint8Array, start: number, end: number): number {
  let margin = Number.POSITIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const row = i * TAG_COUNT;
    const chosen = tags[i] as number;
    let other = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < TAG_COUNT; t++) {
      if (t !== chosen && (emissions[row + t] as number) > other) other = emissions[row + t] as number;
    }
    margin = Math.min(margin, (emissions[row + chosen] as number) - other);
  }
  return Math.round(1000 / (1 + Math.exp(-margin))) / 1000;
}

let shared: NameRecogniser | null = null;

/** The recogniser with the shipped model (models/ner.bin), loaded on first use. */
export function defaultRecogniser(): NameRecogniser {
  shared ??= new NameRecogniser(loadNerModel());
  return shared;
}

export function nameStageWith(recogniser: () => NameRecogniser): Stage {
  return {
    name: "names",
    requires: ["tokens", "sentences"],
    assigns: ["names"],
    run(doc) {
      const r = recogniser();
      const names: Name[] = [];
      for (const sentence of doc.get("sentences"))
        r.recognise(doc, sentence.firstToken, sentence.endToken, names);
      doc.set("names", names);
    },
  };
}

export const nameStage: Stage = nameStageWith(defaultRecogniser);
