import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in, replaced by the text-layer work.
export const viewStage: Stage = {
  name: "view",
  requires: [],
  assigns: ["view"],
  run(doc) {
    doc.set("view", { text: doc.text, toText: null });
  },
};
