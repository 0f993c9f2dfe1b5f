import type { Sentence } from "../doc.js";
import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in, replaced by the text-layer work.
export const sentenceStage: Stage = {
  name: "sentences",
  requires: ["tokens", "paragraphs"],
  assigns: ["sentences"],
  run(doc) {
    const tokens = doc.get("tokens");
    const out: Sentence[] = [];
    let t = 0;
    doc.get("paragraphs").forEach((p, pi) => {
      while (t < tokens.length && (tokens.starts[t] ?? 0) < p.start) t++;
      let first = t;
      while (t < tokens.length && (tokens.ends[t] ?? 0) <= p.end) {
        const tok = doc.text.slice(tokens.starts[t], tokens.ends[t]);
        const next = doc.text.slice(tokens.starts[t + 1], tokens.ends[t + 1]);
        t++;
        if (
          (/^[.!?]$/.test(tok) && !/^[»«“"]$/.test(next)) ||
          (/^[»«“"]$/.test(tok) &&
            /[.!?]/.test(doc.text[(tokens.starts[t - 1] ?? 1) - 1] ?? "") &&
            /^\p{Lu}/u.test(next))
        ) {
          out.push({
            start: tokens.starts[first] ?? 0,
            end: tokens.ends[t - 1] ?? 0,
            paragraph: pi,
            firstToken: first,
            endToken: t,
          });
          first = t;
        }
      }
      if (t > first)
        out.push({
          start: tokens.starts[first] ?? 0,
          end: tokens.ends[t - 1] ?? 0,
          paragraph: pi,
          firstToken: first,
          endToken: t,
        });
    });
    doc.set("sentences", out);
  },
};
