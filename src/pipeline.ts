/**
 * Stages declare the layers they read and write; building a pipeline checks that every layer a
 * stage requires is assigned by an earlier stage, so a reordered or missing stage fails at
 * build time, not as an undefined deep inside a later stage.
 */
import type { Doc, LayerName } from "./doc.js";
import { LautError } from "./errors.js";

export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  run(doc: Doc): void;
}

export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    const available = new Set<LayerName>();
    for (const stage of stages) {
      for (const layer of stage.requires) {
        if (!available.has(layer)) {
          throw new LautError(
            "E_PIPELINE",
            `stage "${stage.name}" requires layer "${layer}", which no earlier stage assigns`,
          );
        }
      }
      for (const layer of stage.assigns) {
        if (available.has(layer)) {
          throw new LautError("E_PIPELINE", `stage "${stage.name}" assigns layer "${layer}" a second time`);
        }
        available.add(layer);
      }
    }
    this.stages = stages;
  }

  run(doc: Doc): Doc {
    for (const stage of this.stages) {
      stage.run(doc);
      for (const layer of stage.assigns) {
        if (!doc.has(layer)) {
          throw new LautError("E_PIPELINE", `stage "${stage.name}" did not assign its layer "${layer}"`);
        }
      }
    }
    return doc;
  }
}
