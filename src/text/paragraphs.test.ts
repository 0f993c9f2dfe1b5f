import { describe, expect, it } from "vitest";
import { splitParagraphs } from "./paragraphs.js";

/** [kind, text] of every paragraph. */
const layout = (text: string) => splitParagraphs(text).map((p) => [p.kind, text.slice(p.start, p.end)]);

/** Greedy line wrapping, as mail clients and plain-text exports do it. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join("\n");
}

const LEAD =
  "Die Regierung in Wien hat am Dienstag neue Massnahmen gegen die Teuerung beschlossen. Sie sollen ab Jänner gelten.";
const BODY =
  "Finanzminister Brunner sagte, man habe lange verhandelt. «Wir haben einen Kompromiss gefunden, der trägt», betonte er vor Journalisten.";

describe("splitParagraphs: blocks and lines", () => {
  it("separates blocks at blank lines", () => {
    const text = `${LEAD}\n\n${BODY}\n`;
    expect(layout(text)).toEqual([
      ["lead", LEAD],
      ["body", BODY],
    ]);
  });

  it("makes each line a paragraph when the text has no blank line", () => {
    const text = `${LEAD}\n${BODY}\nDie Opposition kritisierte das Paket als zu klein.`;
    expect(layout(text).map(([, t]) => t)).toEqual([
      LEAD,
      BODY,
      "Die Opposition kritisierte das Paket als zu klein.",
    ]);
  });

  it.each([40, 60, 72])("joins lines hard-wrapped at %i columns inside a block", (width) => {
    const wrapped = wrap(`${LEAD} ${BODY}`, width);
    expect(wrapped.split("\n").length).toBeGreaterThan(2);
    const text = `${wrapped}\n\nDie SVP kündigte bereits Widerstand an.`;
    const paragraphs = splitParagraphs(text);
    expect(paragraphs).toHaveLength(2);
    expect(text.slice(paragraphs[0]?.start, paragraphs[0]?.end)).toBe(wrapped);
  });

  it("splits a block whose lines each end a sentence", () => {
    const text = "Erster Satz des Textes.\nZweiter Satz folgt hier!\nDritter Satz endet so?\n\nEnde.";
    expect(layout(text).map(([, t]) => t)).toEqual([
      "Erster Satz des Textes.",
      "Zweiter Satz folgt hier!",
      "Dritter Satz endet so?",
      "Ende.",
    ]);
  });

  it("splits a short unpunctuated line from the long line after it", () => {
    const text = `${LEAD}\n\nPolitische Unterstützung für Moskau\n${BODY}`;
    expect(layout(text)).toEqual([
      ["lead", LEAD],
      ["heading", "Politische Unterstützung für Moskau"],
      ["body", BODY],
    ]);
  });

  it("splits lines longer than any wrapper makes them", () => {
    const text = `${LEAD}\n${BODY}\n\nEnde der Meldung.`;
    expect(layout(text).map(([, t]) => t)).toEqual([LEAD, BODY, "Ende der Meldung."]);
  });

  it("excludes surrounding whitespace from the spans", () => {
    const text = `  \n\t${LEAD}  \n\n   ${BODY}\t\n\n`;
    expect(layout(text).map(([, t]) => t)).toEqual([LEAD, BODY]);
  });

  it("gives one long line one paragraph", () => {
    expect(layout(LEAD)).toEqual([["lead", LEAD]]);
  });

  it("treats a line of no-break spaces as blank and CRLF as a line break", () => {
    const text = `Titel der Meldung\r\n\u00a0\r\n${LEAD}\r\n\r\n${BODY}`;
    expect(layout(text)).toEqual([
      ["title", "Titel der Meldung"],
      ["lead", LEAD],
      ["body", BODY],
    ]);
  });
});

describe("splitParagraphs: kinds", () => {
  it.each([
    ["Nordkorea liefert laut USA heimlich Munition an Russland"],
    ["Kirby: «Zunehmend besorgt» über möglichen Atomwaffeneinsatz"],
    ["Wer zahlt die Rechnung?"],
    ["Endlich wieder Schnee!"],
    ["Merkel: „Wir schaffen das“"],
  ])("title: %s", (title) => {
    const text = `${title}\n\n${LEAD}\n\n${BODY}`;
    expect(layout(text)).toEqual([
      ["title", title],
      ["lead", LEAD],
      ["body", BODY],
    ]);
  });

  it.each([
    ["Die Regierung hat entschieden."],
    ["Die Regierung hat entschieden:"],
    [`${"Ein sehr langer erster Absatz ohne Punkt am Ende ".repeat(5)}`.trim()],
  ])("no title: %s", (first) => {
    const text = `${first}\n\n${BODY}`;
    expect(splitParagraphs(text)[0]?.kind).toBe("lead");
  });

  it("takes the first paragraph after the title and any heading as the lead", () => {
    const text = `Neue Regeln ab Januar\n\nDas Wichtigste in Kürze\n\n${LEAD}\n\n${BODY}`;
    expect(layout(text).map(([k]) => k)).toEqual(["title", "heading", "lead", "body"]);
  });

  it.each([
    ["Politische Unterstützung für Moskau", "heading"],
    ["Kirby: «Zunehmend besorgt» über möglichen Atomwaffeneinsatz", "heading"],
    ["Das sagte der Minister.", "body"],
    ["Was nun?", "body"],
    ["«Wir bleiben.»", "body"],
    ["Er sagte Folgendes:", "body"],
    ["- Masken bleiben Pflicht", "body"],
    ["Ein Zwischentitel mit viel zu vielen Wörtern kann kein Zwischentitel sein weil er zu lang ist", "body"],
  ])("later paragraph %s is %s", (line, kind) => {
    const text = `${LEAD}\n\n${line}\n\n${BODY}`;
    expect(splitParagraphs(text)[1]?.kind).toBe(kind);
  });

  it("does not call a short last line a heading", () => {
    const text = `${LEAD}\n\n${BODY}\n\nMit Material von Keystone-SDA`;
    expect(splitParagraphs(text).at(-1)?.kind).toBe("body");
  });
});
