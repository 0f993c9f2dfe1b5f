/**
 * Offsets are lossless: whatever the view normalised, every token, paragraph and sentence is a
 * span of the original text, in order, without overlap, and tokenizing the normalised text gives
 * the same tokens.
 */
import { describe, expect, it } from "vitest";
import { Doc } from "../doc.js";
import { Pipeline } from "../pipeline.js";
import { checkParagraphs, checkSentences, checkTokens, DROPPED } from "./layer-checks.case.js";
import { paragraphStage, splitParagraphs } from "./paragraphs.js";
import { sentenceStage, splitSentences } from "./sentences.js";
import { tokenize, tokenStage, tokenTexts } from "./tokenize.js";
import { viewStage } from "./view.js";

/** What the text says once the view's normalisation is applied, written out by hand. */
const clean = (s: string) =>
  s
    .replace(DROPPED, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u202f\u2009]/g, " ");

const FIXTURES: Record<string, string> = {
  nbsp: "Die Inflation lag bei 3,5\u00a0% im Oktober.\u00a0«Das ist zu hoch», sagte Dr.\u00a0Meier.",
  narrowNbsp: "Der Bund zahlt 10\u202f000\u202fFranken. Die Kantone zahlen\u2009den Rest.",
  softHyphen:
    "Der Bundes\u00adtag berät die Pande\u00admie-Mass\u00adnahmen.\u00ad Die Ab\u00adstimmung folgt am 3.\u00a0Oktober.",
  crlf: "Titel der Meldung\r\n\r\nDie Regierung hat entschieden. Die Kantone warten.\r\n\r\nZwischentitel hier\r\n\r\n«Wir sind bereit.», sagte sie.\r\n",
  crlfWrapped:
    "Der Nationalrat hat am Mittwoch nach langer Debatte ein neues\r\n" +
    "Gesetz zur Energieversorgung verabschiedet. Die Vorlage geht\r\n" +
    "nun an den Ständerat, der im Dezember entscheidet.\r\n\r\n" +
    "Die SVP kündigte Widerstand an.\r\n",
  emoji:
    "Die Reaktionen 😡 waren heftig 👍🏽! Auf #Corona 🦠 folgte Spott. Familie 👨\u200d👩\u200d👧 und Flagge 🇨🇭 jubelten.",
  combining:
    "Der Mu\u0308ller aus Zu\u0308rich sagte: «Die Lo\u0308sung ist ne\u0301e.» Danach ging er. Ein e\u0301 allein: \u0301 .",
  zeroWidth: "Die\u200b Regierung\u200d hat\ufeff entschieden.\u200b Das\u2060 ist neu.",
  mixed:
    "\ufeffWarnung vor «Omikron»\r\n\r\nDas BAG meldet 1.234\u00a0neue Fälle.\u00a0Laut Prof.\u00a0Dr.\u00a0Mu\u0308ller geht’s bergauf 📈.\r\nMehr unter https://www.bag.admin.ch/bag/de/home.html.",
};

describe("lossless offsets", () => {
  it.each(Object.entries(FIXTURES))("%s", (_name, text) => {
    const tokens = tokenize(text);
    const paragraphs = splitParagraphs(text);
    const sentences = splitSentences(text, tokens, paragraphs);
    expect(checkTokens(text, tokens)).toEqual([]);
    expect(checkParagraphs(text, paragraphs, tokens)).toEqual([]);
    expect(checkSentences(sentences, paragraphs, tokens)).toEqual([]);

    // normalising first changes nothing but the offsets
    const normalised = clean(text);
    expect(tokenTexts(text, tokens).map(clean)).toEqual(tokenTexts(normalised, tokenize(normalised)));
    const cleanParagraphs = splitParagraphs(normalised);
    expect(paragraphs.map((p) => [p.kind, clean(text.slice(p.start, p.end))])).toEqual(
      cleanParagraphs.map((p) => [p.kind, normalised.slice(p.start, p.end)]),
    );
    const cleanSentences = splitSentences(normalised, tokenize(normalised), cleanParagraphs);
    expect(sentences.map((s) => clean(text.slice(s.start, s.end)))).toEqual(
      cleanSentences.map((s) => normalised.slice(s.start, s.end)),
    );
  });

  it("joins CRLF soft wraps into one paragraph", () => {
    const text = FIXTURES.crlfWrapped as string;
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end).split("\r\n").length)).toEqual([3, 1]);
  });

  it("covers soft hyphens inside a token and leaves them out at its edges", () => {
    const text = FIXTURES.softHyphen as string;
    const words = tokenTexts(text, tokenize(text));
    expect(words).toContain("Bundes\u00adtag");
    expect(words).toContain("Pande\u00admie-Mass\u00adnahmen");
    expect(words).toContain("3.");
  });

  it("keeps emoji whole and apart from the words around them", () => {
    const text = FIXTURES.emoji as string;
    const words = tokenTexts(text, tokenize(text));
    expect(words).toContain("😡");
    expect(words).toContain("#Corona");
    expect(words).toContain("🦠");
  });
});

describe("text stages", () => {
  it("assign the same layers as the pure functions, through a checked pipeline", () => {
    const pipeline = new Pipeline([viewStage, tokenStage, paragraphStage, sentenceStage]);
    for (const text of Object.values(FIXTURES)) {
      const doc = pipeline.run(new Doc(text));
      const tokens = tokenize(text);
      expect(Array.from(doc.get("tokens").starts)).toEqual(Array.from(tokens.starts));
      expect(Array.from(doc.get("tokens").ends)).toEqual(Array.from(tokens.ends));
      expect(Array.from(doc.get("tokens").kinds)).toEqual(Array.from(tokens.kinds));
      expect(doc.get("paragraphs")).toEqual(splitParagraphs(text));
      expect(doc.get("sentences")).toEqual(splitSentences(text, tokens, splitParagraphs(text)));
    }
  });

  it("keep the view null when the text needs no normalising", () => {
    const doc = new Pipeline([viewStage]).run(new Doc("Der Bundesrat tagt. Die Kantone warten."));
    expect(doc.get("view").toText).toBeNull();
  });
});
