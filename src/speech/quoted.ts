import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in.
export const quotedStage: Stage = {
  name: "quoted",
  requires: ["quoteMarks", "sentences"],
  assigns: ["quoted"],
  run(doc) {
    doc.set("quoted", []);
  },
};
