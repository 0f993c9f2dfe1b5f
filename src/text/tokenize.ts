import { TokenKind } from "../doc.js";
import type { Stage } from "../pipeline.js";

// TEMPORARY stand-in, replaced by the text-layer work.
export const tokenStage: Stage = {
  name: "tokens",
  requires: ["view"],
  assigns: ["tokens"],
  run(doc) {
    const re = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*|\S/gu;
    const starts: number[] = [];
    const ends: number[] = [];
    const kinds: number[] = [];
    for (const m of doc.text.matchAll(re)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      kinds.push(
        /^[\p{L}]/u.test(m[0])
          ? TokenKind.Word
          : /^\p{N}/u.test(m[0])
            ? TokenKind.Number
            : /^[«»„“”‚‘’‹›"']/.test(m[0])
              ? TokenKind.QuoteMark
              : TokenKind.Punct,
      );
    }
    doc.set("tokens", {
      length: starts.length,
      starts: Uint32Array.from(starts),
      ends: Uint32Array.from(ends),
      kinds: Uint8Array.from(kinds),
    });
  },
};
