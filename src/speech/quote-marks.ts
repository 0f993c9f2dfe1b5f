import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in.
export const quoteMarkStage: Stage = {
  name: "quoteMarks",
  requires: ["tokens", "paragraphs"],
  assigns: ["quoteMarks"],
  run(doc) {
    doc.set("quoteMarks", []);
  },
};
