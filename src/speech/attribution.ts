import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in.
export const attributionStage: Stage = {
  name: "attribution",
  requires: ["tokens", "sentences", "paragraphs", "quoted"],
  assigns: ["entities", "quotes"],
  run(doc) {
    doc.set("entities", []);
    doc.set("quotes", []);
  },
};
