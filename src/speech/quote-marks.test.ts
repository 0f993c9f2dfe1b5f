import { describe, expect, it } from "vitest";
import { Doc } from "../doc.js";
import { Pipeline } from "../pipeline.js";
import { paragraphStage } from "../text/paragraphs.js";
import { tokenStage } from "../text/tokenize.js";
import { viewStage } from "../text/view.js";
import { quoteMarkStage } from "./quote-marks.js";

const pipeline = new Pipeline([viewStage, tokenStage, paragraphStage, quoteMarkStage]);

/** The quoted stretches of a text, as written, with their style and whether they were closed. */
function pairs(text: string) {
  const doc = pipeline.run(new Doc(text));
  return doc.get("quoteMarks").map((p) => ({
    text: text.slice(p.start, p.end),
    style: p.style,
    closed: p.close !== null,
    depth: p.depth,
  }));
}

describe("quote-mark pairing", () => {
  it.each([
    ["Swiss", "«Wir bleiben dran», sagte die Sprecherin.", "«Wir bleiben dran»", "guillemets"],
    ["German", "„Wir bleiben dran“, sagte die Sprecherin.", "„Wir bleiben dran“", "german"],
    ["German with ”", "„Wir bleiben dran”, sagte die Sprecherin.", "„Wir bleiben dran”", "german"],
    ["Austrian", "»Wir bleiben dran«, sagte die Sprecherin.", "»Wir bleiben dran«", "guillemets-reversed"],
    ["straight", '"Wir bleiben dran", sagte die Sprecherin.', '"Wir bleiben dran"', "straight"],
    ["English", "“Wir bleiben dran”, sagte die Sprecherin.", "“Wir bleiben dran”", "english"],
  ])("pairs %s quotes", (_style, text, expected, style) => {
    expect(pairs(text)).toEqual([{ text: expected, style, closed: true, depth: 0 }]);
  });

  it("pairs nested single marks inside double ones", () => {
    const text = "«Er nannte das ‹völlig inakzeptabel›», sagte Huber. „Sie sprach von ‚Verrat‘“, hiess es.";
    expect(pairs(text)).toEqual([
      { text: "«Er nannte das ‹völlig inakzeptabel›»", style: "guillemets", closed: true, depth: 0 },
      { text: "‹völlig inakzeptabel›", style: "guillemets-single", closed: true, depth: 1 },
      { text: "„Sie sprach von ‚Verrat‘“", style: "german", closed: true, depth: 0 },
      { text: "‚Verrat‘", style: "german-single", closed: true, depth: 1 },
    ]);
  });

  it("does not take apostrophes for quote marks", () => {
    expect(pairs("Geht's noch? Kim's Bar und O'Neills Buch, sagt’s weiter.")).toEqual([]);
  });

  it("closes an unclosed quote at the end of its paragraph and reopens in the next", () => {
    const text = "«Das ist der erste Absatz.\n\n«Und das der zweite», sagte er.";
    expect(pairs(text)).toEqual([
      { text: "«Das ist der erste Absatz.", style: "guillemets", closed: false, depth: 0 },
      { text: "«Und das der zweite»", style: "guillemets", closed: true, depth: 0 },
    ]);
  });

  it("ignores a stray closing mark and a lone mark between spaces", () => {
    expect(pairs("Das war» nicht geplant « oder doch. «Doch», sagte sie.")).toEqual([
      { text: "«Doch»", style: "guillemets", closed: true, depth: 0 },
    ]);
  });

  it("keeps several straight-quoted stretches apart", () => {
    expect(pairs('Die "Titanic" und die "Queen Mary" lagen im Hafen.').map((p) => p.text)).toEqual([
      '"Titanic"',
      '"Queen Mary"',
    ]);
  });

  it("handles a quote mark glued to punctuation", () => {
    expect(pairs("«Wo ist das Geld?», fragte sie. («Keine Ahnung.»)").map((p) => p.text)).toEqual([
      "«Wo ist das Geld?»",
      "«Keine Ahnung.»",
    ]);
  });
});
