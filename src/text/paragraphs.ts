import type { Paragraph } from "../doc.js";
import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in, replaced by the text-layer work.
export const paragraphStage: Stage = {
  name: "paragraphs",
  requires: ["view"],
  assigns: ["paragraphs"],
  run(doc) {
    const out: Paragraph[] = [];
    for (const m of doc.text.matchAll(/[^\n]+/g)) {
      const t = m[0].trim();
      if (!t) continue;
      const kind =
        out.length === 0
          ? "title"
          : /[.!?:;»«"“]$/.test(t) || t.length > 120
            ? out.length === 1
              ? "lead"
              : "body"
            : "heading";
      out.push({ start: m.index, end: m.index + m[0].trimEnd().length, kind });
    }
    doc.set("paragraphs", out);
  },
};
