import { describe, expect, it } from "vitest";
import { splitParagraphs } from "./paragraphs.js";
import { splitSentences } from "./sentences.js";
import { tokenize } from "./tokenize.js";

function sentencesOf(text: string) {
  const tokens = tokenize(text);
  return splitSentences(text, tokens, splitParagraphs(text));
}

const sentenceTexts = (text: string) => sentencesOf(text).map((s) => text.slice(s.start, s.end));

/** One paragraph whose expected sentences are joined by a single space. */
const splitsInto = (expected: string[]) => expect(sentenceTexts(expected.join(" "))).toEqual(expected);
const staysWhole = (sentence: string) => expect(sentenceTexts(sentence)).toEqual([sentence]);

describe("splitSentences: boundaries", () => {
  it.each([
    [["Der Bundesrat hat entschieden.", "Die Kantone müssen handeln."]],
    [["Wer bezahlt das?", "Niemand weiss es."]],
    [["Das ist ein Skandal!", "Die Opposition tobt."]],
    [["Die Zahl stieg auf 3.", "Danach kam die Entwarnung."]],
    [["Die Lage war ernst …", "Dann kam die Wende."]],
    [["Das Spiel endete 2:1.", "12 000 Zuschauer sahen zu."]],
    [["Sie kündigte ihren Rücktritt an.", "«Es ist Zeit», sagte sie."]],
    [["Sie kündigte ihren Rücktritt an.", "„Es ist Zeit“, sagte sie."]],
    [["Die Frist lief am 24.11.2026 ab.", "Dann kam das Urteil."]],
    [["Der Preis steigt (laut Experten).", "Die Regierung schweigt."]],
    [["Das Virus erreicht die Schweiz.", "Die Behörden reagieren."]],
    [["Die Expedition erreichte den Pol.", "Danach kehrte sie um."]],
  ])("splits %j", (expected) => {
    splitsInto(expected);
  });

  it.each([
    ["Dr. Anna Meier und Prof. Hans Huber widersprechen."],
    ["Die Kosten betragen 3,5 Mio. Euro und 2 Mrd. Franken."],
    ["Der Kanton St. Gallen klagt nach Abs. 2 des Gesetzes."],
    ["John F. Kennedy wurde 1963 ermordet."],
    ["Die Feier findet am 3. Oktober in Berlin statt."],
    ["Das geschah im 19. Jahrhundert in Wien."],
    ["Der 2. Weltkrieg endete 1945."],
    ["Es gibt z. B. Ausnahmen für Kinder."],
    ["Es gibt z.B. Ausnahmen für Kinder."],
    ["Betroffen sind u. a. Schulen und Spitäler."],
    ["Die Regel gilt bzw. Die Regel galt."],
    ["Ca. 300 Menschen demonstrierten."],
    ["Vgl. dazu den Bericht der Kommission."],
    ["Er sagte Folgendes: Die Lage ist ernst."],
    ["Die Sitzung vom 24.11. bleibt ohne Ergebnis."],
    ["Das war gut so.Die Antwort kam spät."],
    ["Papst Benedikt XVI. sagte dazu nichts."],
  ])("keeps %j whole", (sentence) => {
    staysWhole(sentence);
  });

  it("lets usw. and etc. end a sentence before a capitalised word", () => {
    splitsInto(["Es fehlen Masken, Handschuhe usw.", "Die Spitäler schlagen Alarm."]);
    splitsInto(["Betroffen sind Bars, Clubs etc.", "Die Wirte protestieren."]);
  });

  it("does not end a sentence on usw. before a lower-case word", () => {
    staysWhole("Es fehlen Masken, Handschuhe usw. und das seit Wochen.");
  });
});

describe("splitSentences: quote marks", () => {
  it.each([
    [["«Wir werden weiterhin überwachen, ob die Lieferungen empfangen werden», betonte er."]],
    [["«Wo ist das Geld?», fragte sie."]],
    [["«Wo ist das Geld?» fragte sie."]],
    [["„Wo ist das Geld?“, fragte sie."]],
    [["»Wo ist das Geld?« fragte sie."]],
    [['"Wo ist das Geld?", fragte sie.']],
    [["Kirby sagte: «Wir beobachten das, so gut wir können.»", "Derweil beteiligt sich Russland wieder."]],
    [["«Wir beobachten das, so gut wir können.»", "Derweil beteiligt sich Russland wieder."]],
    [["„Wir beobachten das.“", "Derweil beteiligt sich Russland wieder."]],
    [["»Wir beobachten das.«", "Derweil beteiligt sich Russland wieder."]],
    [['"Wir beobachten das."', "Derweil beteiligt sich Russland wieder."]],
    [["«Wir sind bereit.", "Wir warten.», sagte er."]],
    [["„Wir sind bereit.", "Wir warten.“, sagte er."]],
    [["Er sagte: «Ja.»", "«Nein», erwiderte sie."]],
  ])("%j", (expected) => {
    splitsInto(expected);
  });
});

describe("splitSentences: paragraphs", () => {
  it("never crosses a paragraph and ends a sentence at a paragraph end without punctuation", () => {
    const text = "Der Bundesrat tagt\n\nDie Kantone warten ab. Ein Entscheid fällt wohl im März";
    const sentences = sentencesOf(text);
    expect(sentences.map((s) => [s.paragraph, text.slice(s.start, s.end)])).toEqual([
      [0, "Der Bundesrat tagt"],
      [1, "Die Kantone warten ab."],
      [1, "Ein Entscheid fällt wohl im März"],
    ]);
  });

  it("keeps a title and a heading as one sentence each", () => {
    const text =
      "Kirby: «Zunehmend besorgt!» Russland reagiert\n\n" +
      "Die USA äussern sich besorgt. Russland dementiert.\n\n" +
      "Politische Unterstützung für Moskau\n\n" +
      "Nordkorea hat Moskau Unterstützung zugesichert.";
    const kinds = splitParagraphs(text).map((p) => p.kind);
    expect(kinds).toEqual(["title", "lead", "heading", "body"]);
    expect(sentenceTexts(text)).toEqual([
      "Kirby: «Zunehmend besorgt!» Russland reagiert",
      "Die USA äussern sich besorgt.",
      "Russland dementiert.",
      "Politische Unterstützung für Moskau",
      "Nordkorea hat Moskau Unterstützung zugesichert.",
    ]);
  });

  it("records the token range of each sentence", () => {
    const text = "Der Bundesrat hat entschieden. Die Kantone müssen handeln.";
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens, splitParagraphs(text));
    expect(sentences.map((s) => [s.firstToken, s.endToken])).toEqual([
      [0, 5],
      [5, 10],
    ]);
    for (const s of sentences) {
      expect(tokens.starts[s.firstToken]).toBe(s.start);
      expect(tokens.ends[s.endToken - 1]).toBe(s.end);
    }
  });

  it.each([
    ["– Die Zahlen sind gestiegen, sagte der Minister."],
    ["- Die Zahlen sind gestiegen, sagte der Minister."],
  ])("splits before a dash-led line inside one paragraph: %s", (second) => {
    const first = "Der Moderator fragte nach den Zahlen der letzten Woche.";
    const text = `${first}\n${second}`;
    const sentences = splitSentences(text, tokenize(text), [{ start: 0, end: text.length, kind: "body" }]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([first, second]);
  });

  it("does not split before a dash in the middle of a line", () => {
    staysWhole("Die Zahlen sind gestiegen. – so der Minister am Montag.");
  });

  it("does not make a list number a sentence of its own", () => {
    staysWhole("3. Die Grenzkontrollen werden verschärft, heisst es im Papier.");
  });
});
