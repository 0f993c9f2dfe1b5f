import { describe, expect, it } from "vitest";
import { pairQuotes, type QuoteDocInput, scoreQuotes, type TokenQuote } from "./quotes.js";
import { TokenCover } from "./token-cover.js";

// A short Leipzig story with the quote forms the scorer has to handle: a direct quote, an
// indirect one with a split cue ("teilten … mit"), a direct quote interrupted by its frame
// (discontinuous message) and an indirect one with a long speaker phrase.
const TEXT =
  "Die Stadt Leipzig will den Ausbau der Straßenbahn beschleunigen. " +
  "„Wir haben keine Zeit mehr zu verlieren“, sagte Oberbürgermeister Burkhard Jung am Montag vor Journalisten. " +
  "Die Verkehrsbetriebe teilten am Dienstag mit, die ersten Strecken sollten bereits 2026 fertig sein. " +
  "„Die Bürger sollen mitreden“, sagte Jung, „aber am Ende entscheidet der Stadtrat.“ " +
  "Das Projekt sei zu teuer, erklärte ein Sprecher der CDU-Fraktion.";

const starts: number[] = [];
const ends: number[] = [];
const words: string[] = [];
for (const m of TEXT.matchAll(/[\p{L}\p{N}]+|\S/gu)) {
  starts.push(m.index);
  ends.push(m.index + m[0].length);
  words.push(m[0]);
}
const cover = new TokenCover(TEXT, starts, ends);
const punctuation = Uint8Array.from(words, (w) => (/^\p{P}+$/u.test(w) ? 1 : 0));

/** Token ids of the nth occurrence (1-based) of a phrase. */
function ids(phrase: string, nth = 1): number[] {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = TEXT.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" #${nth} not in text`);
  }
  return cover.tokens([{ start: at, end: at + phrase.length }]);
}
const join = (...parts: (readonly number[])[]) => [...new Set(parts.flat())].sort((a, b) => a - b);

function quote(parts: Partial<TokenQuote>): TokenQuote {
  return {
    message: [],
    speaker: [],
    cue: [],
    addressee: [],
    frame: [],
    type: "Indirect",
    medium: "Speech",
    nested: false,
    ...parts,
  };
}

const JUNG_1 = quote({
  message: ids("„Wir haben keine Zeit mehr zu verlieren“"),
  speaker: ids("Oberbürgermeister Burkhard Jung"),
  cue: ids("sagte"),
  addressee: ids("Journalisten"),
  frame: ids("sagte Oberbürgermeister Burkhard Jung am Montag vor Journalisten"),
  type: "Direct",
});
const VERKEHRSBETRIEBE = quote({
  message: ids("die ersten Strecken sollten bereits 2026 fertig sein"),
  speaker: ids("Die Verkehrsbetriebe"),
  cue: join(ids("teilten"), ids("mit")),
  medium: "Writing",
});
const JUNG_2 = quote({
  message: join(ids("„Die Bürger sollen mitreden“"), ids("„aber am Ende entscheidet der Stadtrat.“")),
  speaker: ids("Jung", 2),
  cue: ids("sagte", 2),
  type: "Direct",
});
const CDU = quote({
  message: ids("Das Projekt sei zu teuer"),
  speaker: ids("ein Sprecher der CDU-Fraktion"),
  cue: ids("erklärte"),
});
const GOLD = [JUNG_1, VERKEHRSBETRIEBE, JUNG_2, CDU];
const doc = (predicted: TokenQuote[], gold: TokenQuote[] = GOLD): QuoteDocInput => ({
  name: "leipzig",
  gold,
  predicted,
  punctuation,
});
const tokensOf = (quotes: TokenQuote[], part: keyof Pick<TokenQuote, "message" | "speaker" | "cue">) =>
  quotes.reduce((n, q) => n + q[part].length, 0);

describe("scoreQuotes on hand-built cases", () => {
  it("the test story has the token counts the expectations below rely on", () => {
    expect(JUNG_1.message).toHaveLength(9);
    expect(JUNG_1.frame).toHaveLength(8);
    expect(JUNG_2.message).toHaveLength(6 + 9);
    expect(CDU.speaker.map((i) => words[i]).join(" ")).toBe("ein Sprecher der CDU - Fraktion");
    expect(VERKEHRSBETRIEBE.cue.map((i) => words[i])).toEqual(["teilten", "mit"]);
  });

  it("scores a perfect prediction 1.0 everywhere", () => {
    const { scores } = scoreQuotes([doc(GOLD.map((q) => ({ ...q })))]);
    for (const s of [
      scores.message,
      scores.roles,
      scores.joint,
      scores.official.joint,
      scores.official.type,
    ]) {
      expect(s).toEqual({ p: 1, r: 1, f1: 1 });
    }
    expect(scores.type.accuracy).toBe(1);
    expect(scores.speaker).toEqual({ exactMatch: 1, paired: 4, noSpeaker: 0 });
  });

  it("scores nothing predicted as zero and misses every quote", () => {
    const { scores, docs } = scoreQuotes([doc([])]);
    expect(scores.message).toEqual({ p: 0, r: 0, f1: 0 });
    expect(scores.joint).toEqual({ p: 0, r: 0, f1: 0 });
    expect(scores.type.accuracy).toBe(0);
    expect(docs[0]?.missed).toEqual([0, 1, 2, 3]);
    expect(scores.quotes).toEqual({ gold: 4, predicted: 0, paired: 0, missed: 4, spurious: 0 });
  });

  it("counts a partial message overlap token by token", () => {
    // laut stops before "verlieren“": 7 of the 9 message tokens
    const short = { ...JUNG_1, message: ids("„Wir haben keine Zeit mehr zu") };
    const { scores } = scoreQuotes([doc([short], [JUNG_1])]);
    expect(scores.message.p).toBe(1);
    expect(scores.message.r).toBeCloseTo(7 / 9, 12);
    // roles are perfect: joint recall misses only the 2 message tokens
    const roleTokens = 3 + 1 + 1 + 8;
    expect(scores.joint.r).toBeCloseTo((7 + roleTokens) / (9 + roleTokens), 12);
  });

  it("scores a discontinuous gold message against a prediction of one part only", () => {
    const firstPart = { ...JUNG_2, message: ids("„Die Bürger sollen mitreden“") };
    const { scores } = scoreQuotes([doc([firstPart], [JUNG_2])]);
    expect(scores.message).toMatchObject({ p: 1, r: 6 / 15 });
    expect(scores.speaker.exactMatch).toBe(1);
  });

  it("pairs a gold quote split in two predictions with the larger part; the other is spurious", () => {
    const partA = { ...JUNG_2, message: ids("„Die Bürger sollen mitreden“") }; // 6 tokens, overlap F1 12/21
    const partB = { ...JUNG_2, message: ids("„aber am Ende entscheidet der Stadtrat.“") }; // 9 tokens, F1 18/24
    const { scores, docs } = scoreQuotes([doc([partA, partB], [JUNG_2])]);
    expect(docs[0]?.pairs).toEqual([{ gold: 0, predicted: 1 }]);
    expect(docs[0]?.spurious).toEqual([0]);
    // message: tp 9, fp 6 (the unpaired part), fn 6
    expect(scores.message).toMatchObject({ p: 9 / 15, r: 9 / 15 });
    // the unpaired part's speaker and cue count as false positives
    expect(scores.byRole.speaker).toMatchObject({ p: 1 / 2, r: 1 });
    expect(scores.byRole.cue).toMatchObject({ p: 1 / 2, r: 1 });
  });

  it("leaves empty roles out and counts a role predicted where gold has none as false positive", () => {
    // gold VERKEHRSBETRIEBE has no addressee and no frame; laut adds an addressee and no speaker
    const predicted = { ...VERKEHRSBETRIEBE, speaker: [], addressee: ids("am Dienstag") };
    const { scores } = scoreQuotes([doc([predicted], [VERKEHRSBETRIEBE])]);
    expect(scores.byRole.addressee).toEqual({ p: 0, r: 0, f1: 0 });
    expect(scores.byRole.frame).toEqual({ p: 0, r: 0, f1: 0 });
    expect(scores.byRole.speaker).toEqual({ p: 0, r: 0, f1: 0 });
    // roles: cue tp 2; addressee fp 2; speaker fn 2
    expect(scores.roles).toMatchObject({ p: 2 / 4, r: 2 / 4 });
    expect(scores.speaker).toEqual({ exactMatch: 0, paired: 1, noSpeaker: 1 });
  });

  it("counts the roles of unpaired quotes fully", () => {
    const { scores } = scoreQuotes([
      doc([JUNG_1, { ...CDU, message: ids("Die Stadt Leipzig") }], [JUNG_1, CDU]),
    ]);
    // CDU's message does not overlap the prediction's: no pair, so its 6 + 1 role tokens are
    // false negatives and the prediction's 6 + 1 false positives
    const jung1Roles = 3 + 1 + 1 + 8;
    expect(scores.roles).toMatchObject({
      p: jung1Roles / (jung1Roles + 7),
      r: jung1Roles / (jung1Roles + 7),
    });
    expect(scores.quotes).toMatchObject({ paired: 1, missed: 1, spurious: 1 });
  });

  it("lets the type decide between gold quotes with the same message", () => {
    const asIndirect = { ...CDU, type: "Indirect" };
    const asReported = { ...CDU, speaker: [], cue: [], type: "Reported" };
    const gold = [asIndirect, asReported];
    // a single prediction pairs with the quote of its own type
    expect(pairQuotes(gold, [{ ...asReported, speaker: CDU.speaker }])).toEqual([{ gold: 1, predicted: 0 }]);
    expect(pairQuotes(gold, [{ ...asIndirect, speaker: [] }])).toEqual([{ gold: 0, predicted: 0 }]);
    // two predictions listed in the other order still pair by type
    const { scores, docs } = scoreQuotes([doc([asReported, asIndirect], gold)]);
    expect(docs[0]?.pairs).toEqual([
      { gold: 0, predicted: 1 },
      { gold: 1, predicted: 0 },
    ]);
    expect(scores.type.accuracy).toBe(1);
  });

  it("lets the medium decide when the types agree", () => {
    const spoken = { ...JUNG_1, medium: "Speech" };
    const written = { ...JUNG_1, speaker: [], medium: "Writing" };
    expect(pairQuotes([spoken, written], [{ ...written, speaker: JUNG_1.speaker }])).toEqual([
      { gold: 1, predicted: 0 },
    ]);
    expect(pairQuotes([spoken, written], [{ ...spoken, speaker: [] }])).toEqual([{ gold: 0, predicted: 0 }]);
  });

  it("lets agreeing roles decide when message, type and medium tie (gold repeats such quotes)", () => {
    const byJung = { ...CDU, speaker: ids("Jung", 2), cue: ids("sagte", 2) };
    const gold = [CDU, byJung];
    // listed in the other order, so keeping the input order would swap the speakers
    const { scores, docs } = scoreQuotes([doc([{ ...byJung }, { ...CDU }], gold)]);
    expect(docs[0]?.pairs).toEqual([
      { gold: 0, predicted: 1 },
      { gold: 1, predicted: 0 },
    ]);
    expect(scores.speaker.exactMatch).toBe(1);
  });

  it("prefers a longer overlap over a matching type", () => {
    // 9 of 9 tokens as Indirect beats 2 of 9 tokens as Direct
    const wrongType = { ...JUNG_1, type: "Indirect" };
    const fragment = { ...JUNG_1, message: ids("keine Zeit") };
    expect(pairQuotes([JUNG_1], [fragment, wrongType])).toEqual([{ gold: 0, predicted: 1 }]);
  });

  it("measures type and medium accuracy over pairs and message by gold type", () => {
    const predicted = [
      { ...JUNG_1, type: "Indirect" }, // wrong type
      { ...VERKEHRSBETRIEBE, medium: "Speech" }, // wrong medium
      JUNG_2,
      { ...CDU, message: ids("Die Stadt Leipzig"), type: "Reported" }, // spurious, CDU missed
    ];
    const { scores } = scoreQuotes([doc(predicted)]);
    expect(scores.type.accuracy).toBeCloseTo(2 / 3, 12);
    expect(scores.medium.accuracy).toBeCloseTo(2 / 3, 12);
    // pairs count under the gold type: both Direct quotes are perfect despite the wrong label
    expect(scores.byType.Direct).toEqual({ p: 1, r: 1, f1: 1 });
    expect(scores.byType.Indirect).toMatchObject({ p: 1, r: 8 / (8 + 5) });
    // the unpaired prediction counts under its own (predicted) type
    expect(scores.byType.Reported).toEqual({ p: 0, r: 0, f1: 0 });
  });

  it("ignores punctuation in the speaker exact match", () => {
    const withFullStop = { ...CDU, speaker: join(CDU.speaker, ids(".", 4)) };
    expect(words[ids(".", 4)[0] as number]).toBe(".");
    const { scores } = scoreQuotes([doc([withFullStop], [CDU])]);
    expect(scores.speaker.exactMatch).toBe(1);
    expect(scores.byRole.speaker?.p).toBeCloseTo(6 / 7, 12);
    const { scores: shorter } = scoreQuotes([
      doc([{ ...CDU, speaker: ids("Sprecher der CDU-Fraktion") }], [CDU]),
    ]);
    expect(shorter.speaker.exactMatch).toBe(0);
  });

  it("keeps only non-nested quotes and the speaker role in the simplified setting", () => {
    const nestedGold = { ...JUNG_1, message: ids("keine Zeit"), nested: true };
    const nestedPredicted = { ...nestedGold, speaker: [] };
    const predicted = [{ ...JUNG_1, cue: [], addressee: [], frame: [] }, nestedPredicted];
    const { scores, docs } = scoreQuotes([doc(predicted, [JUNG_1, nestedGold])], { simplified: true });
    expect(Object.keys(scores.byRole)).toEqual(["speaker"]);
    expect(scores.joint).toEqual({ p: 1, r: 1, f1: 1 });
    expect(scores.quotes).toMatchObject({ gold: 1, predicted: 1, paired: 1 });
    expect(docs[0]?.pairs).toEqual([{ gold: 0, predicted: 0 }]);
    // the full setting sees the nested quotes and the missing roles
    const full = scoreQuotes([doc(predicted, [JUNG_1, nestedGold])]).scores;
    expect(full.quotes.paired).toBe(2);
    expect(full.roles.r).toBeLessThan(1);
  });

  it("macro-averages per quote group like the official script", () => {
    const spurious = quote({ message: VERKEHRSBETRIEBE.message });
    const { scores } = scoreQuotes([doc([JUNG_1, spurious], [JUNG_1, CDU])]);
    // groups: JUNG_1 pair (message and 4 roles perfect), CDU missed (message, speaker, cue
    // recall 0; empty addressee/frame undefined), the spurious quote (message precision 0)
    expect(scores.official.message).toMatchObject({ p: 1 / 2, r: 1 / 2 });
    expect(scores.official.roles).toMatchObject({ p: 1, r: 4 / 6 });
    expect(scores.official.joint.p).toBeCloseTo(5 / 6, 12);
    expect(scores.official.joint.r).toBeCloseTo(5 / 8, 12);
    // labels: 1 agreeing pair of 2 predicted and 2 gold quotes
    expect(scores.official.type).toMatchObject({ p: 1 / 2, r: 1 / 2 });
    // micro for comparison: message tp 9, fp 8, fn 5
    expect(scores.message).toMatchObject({ p: 9 / 17, r: 9 / 14 });
    expect(tokensOf([CDU], "message")).toBe(5);
  });
});
