import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnalysisQuote } from "../analysis.js";
import { LautError } from "../errors.js";
import { type QuoteDocInput, type QuoteScores, scoreQuotes, type TokenQuote } from "./quotes.js";
import {
  type CharQuote,
  charQuoteFromAnalysis,
  markNested,
  parseWikinewsDoc,
  type QuoteGoldDoc,
  readWikinewsDir,
  toTokenQuote,
} from "./wikinews.js";

const WIKINEWS = new URL("../../../shared/data/quotes/wikinews/", import.meta.url).pathname;
const hasWikinews = existsSync(WIKINEWS);
if (!hasWikinews) console.warn(`skipping WikiNews gold tests: ${WIKINEWS} is absent`);

const TEXT = "„Die Lage ist ernst“, sagte Bundesinnenministerin Nancy Faeser in Berlin.";
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  return { start, end: start + phrase.length };
};

/** A gold document in the WikiNews JSON shape, for the text above. */
function goldJson(): Record<string, unknown> {
  const tokens = [...TEXT.matchAll(/[\p{L}\p{N}]+|\S/gu)].map((m, id) => ({
    id,
    charBegin: m.index,
    charEnd: m.index + m[0].length,
    text: m[0],
  }));
  const part = (phrase: string | null) => {
    if (phrase === null) return { spans: [], text: "", tokenIds: [] };
    const s = at(phrase);
    const covered = tokens.filter((t) => t.charBegin >= s.start && t.charEnd <= s.end);
    return {
      spans: [
        { begin: covered[0]?.id, end: (covered.at(-1)?.id ?? 0) + 1, charBegin: s.start, charEnd: s.end },
      ],
      text: phrase,
      // the corpus repeats ids where discontinuous spans overlap; the reader must dedupe
      tokenIds: [...covered.map((t) => t.id), covered[0]?.id],
    };
  };
  return {
    originalText: TEXT,
    tokens,
    annotations: [
      {
        quote: part("„Die Lage ist ernst“"),
        speaker: part("Bundesinnenministerin Nancy Faeser"),
        cue: part("sagte"),
        frame: part(null),
        addressee: part(null),
        type: "Direct",
        medium: "Speech",
        isNested: false,
      },
    ],
  };
}

const lautQuote = (parts: Partial<AnalysisQuote>): AnalysisQuote => ({
  id: "q1",
  type: "direct",
  medium: "speech",
  text: "",
  spans: [at("„Die Lage ist ernst“")],
  quoted: [],
  cue: { ...at("sagte"), text: "sagte", lemma: "sagen", parts: [at("sagte")] },
  speaker: { ...at("Bundesinnenministerin Nancy Faeser"), text: "", name: "Nancy Faeser" },
  addressee: null,
  frame: null,
  confidence: 0.9,
  attribution: "cue",
  ...parts,
});

describe("WikiNews gold reading and prediction mapping", () => {
  it("reads a gold document into token ids, deduplicating repeated ids", () => {
    const doc = parseWikinewsDoc("faeser", goldJson());
    const q = doc.quotes[0] as TokenQuote;
    expect(q.message).toEqual([0, 1, 2, 3, 4, 5]);
    expect(q.speaker).toEqual([8, 9, 10]);
    expect(q.cue).toEqual([7]);
    expect(q.frame).toEqual([]);
    expect([...doc.punctuation.slice(0, 7)]).toEqual([1, 0, 0, 0, 0, 1, 1]);
  });

  it("rejects malformed gold with E_GOLD_FORMAT", () => {
    const noText = { ...goldJson(), originalText: 3 };
    expect(() => parseWikinewsDoc("x", noText)).toThrow(LautError);
    const json = goldJson();
    (json.annotations as Record<string, unknown>[])[0] = { type: "Direct" };
    expect(() => parseWikinewsDoc("x", json)).toThrow(/annotation 0 has no quote/);
    const badToken = goldJson();
    (badToken.tokens as { charEnd: number }[])[2] = { charEnd: 999 } as { charEnd: number };
    expect(() => parseWikinewsDoc("x", badToken)).toThrow(/token 2 has bad offsets/);
  });

  it("maps laut's labels and spans onto the gold vocabulary", () => {
    const q = charQuoteFromAnalysis(
      lautQuote({
        type: "indirect_free_indirect",
        medium: "speech_writing",
        cue: { ...at("sagte"), text: "", lemma: "sagen", parts: [at("sagte"), at("in")] },
        addressee: { ...at("Berlin"), text: "Berlin" },
      }),
    );
    expect(q.type).toBe("IndirectFreeIndirect");
    expect(q.medium).toBe("SW");
    expect(q.cue).toEqual([at("sagte"), at("in")]);
    expect(q.addressee).toEqual([at("Berlin")]);
    expect(q.frame).toEqual([]);
    const noSpeaker = charQuoteFromAnalysis(
      lautQuote({ speaker: null, cue: null, type: "reported", medium: "thought" }),
    );
    expect(noSpeaker).toMatchObject({ speaker: [], cue: [], type: "Reported", medium: "Thought" });
  });

  it("scores laut's correct quote as perfect except for the frame it does not predict", () => {
    const doc = parseWikinewsDoc("faeser", goldJson());
    const predicted = [toTokenQuote(charQuoteFromAnalysis(lautQuote({})), doc.cover)];
    const { scores } = scoreQuotes([
      { name: doc.name, gold: doc.quotes, predicted, punctuation: doc.punctuation },
    ]);
    expect(scores.joint).toEqual({ p: 1, r: 1, f1: 1 });
    expect(scores.type.accuracy).toBe(1);
    expect(scores.speaker.exactMatch).toBe(1);
  });

  it("marks a predicted quote nested when its message lies inside another one's", () => {
    const outer: CharQuote = charQuoteFromAnalysis(lautQuote({}));
    const inner = { ...outer, message: [at("Lage ist")] };
    const twin = { ...outer };
    const nested = markNested([outer, inner, twin]).map((q) => q.nested);
    // of two identical messages the later one is nested
    expect(nested).toEqual([false, true, true]);
    expect(markNested([inner]).map((q) => q.nested)).toEqual([false]);
  });
});

function goldAsPrediction(docs: QuoteGoldDoc[]): QuoteDocInput[] {
  return docs.map((doc) => ({
    name: doc.name,
    gold: doc.quotes,
    // through character spans and TokenCover, as laut's predictions travel
    predicted: doc.quotes.map((q) => toTokenQuote(q.chars, doc.cover)),
    punctuation: doc.punctuation,
  }));
}

function expectPerfect(scores: QuoteScores): void {
  const all = [
    scores.message,
    scores.roles,
    scores.joint,
    ...Object.values(scores.byRole),
    ...Object.values(scores.byType),
    ...Object.values(scores.official),
  ];
  for (const s of all) expect(s).toEqual({ p: 1, r: 1, f1: 1 });
  expect(scores.type.accuracy).toBe(1);
  expect(scores.medium.accuracy).toBe(1);
  expect(scores.speaker.exactMatch).toBe(1);
  expect(scores.quotes.missed + scores.quotes.spurious).toBe(0);
}

describe.skipIf(!hasWikinews)("WikiNews gold scored against itself", () => {
  for (const split of ["train", "dev"]) {
    it(`gives exactly 1.0 on every metric of ${split}, full and simplified`, () => {
      const docs = readWikinewsDir(`${WIKINEWS}${split}`);
      expect(docs.length).toBe(split === "dev" ? 150 : 700);
      const input = goldAsPrediction(docs);
      // the character spans map back onto exactly the gold token ids
      input.forEach((d) => {
        d.predicted.forEach((p, i) => {
          const g = d.gold[i] as TokenQuote;
          for (const part of ["message", "speaker", "cue", "addressee", "frame"] as const) {
            expect(p[part]).toEqual(g[part]);
          }
        });
      });
      const full = scoreQuotes(input).scores;
      expectPerfect(full);
      expect(full.docs).toBe(docs.length);
      expectPerfect(scoreQuotes(input, { simplified: true }).scores);
    });
  }
});

describe.skipIf(!hasWikinews)("replay of damaged predictions on three dev documents", () => {
  it("gives the numbers the damage implies", () => {
    const all = readWikinewsDir(`${WIKINEWS}dev`);
    const distinctMessages = (d: QuoteGoldDoc) =>
      new Set(d.quotes.map((q) => q.message.join())).size === d.quotes.length;
    const contiguous = (ids: readonly number[]) =>
      (ids.at(-1) as number) - (ids[0] as number) + 1 === ids.length;
    const inAnyMessage = (d: QuoteGoldDoc, id: number) => d.quotes.some((q) => q.message.includes(id));
    const docs = all.filter(distinctMessages);

    // A: drop its first quote, relabel the type of its second
    const a = docs.find((d) => d.quotes.length >= 2) as QuoteGoldDoc;
    // B: shift one message right by a token that belongs to no gold message
    const b = docs.find(
      (d) =>
        d !== a &&
        d.quotes.some(
          (q) =>
            q.message.length >= 5 &&
            contiguous(q.message) &&
            !inAnyMessage(d, (q.message.at(-1) as number) + 1),
        ),
    ) as QuoteGoldDoc;
    const shifted = b.quotes.findIndex(
      (q) =>
        q.message.length >= 5 && contiguous(q.message) && !inAnyMessage(b, (q.message.at(-1) as number) + 1),
    );
    // C: swap the speakers of two quotes whose speakers are non-empty and disjoint
    let swap: [number, number] = [-1, -1];
    const c = docs.find((d) => {
      if (d === a || d === b) return false;
      for (let i = 0; i < d.quotes.length; i++) {
        for (let j = i + 1; j < d.quotes.length; j++) {
          const si = d.quotes[i]?.speaker ?? [];
          const sj = d.quotes[j]?.speaker ?? [];
          if (si.length > 0 && sj.length > 0 && !si.some((t) => sj.includes(t))) {
            swap = [i, j];
            return true;
          }
        }
      }
      return false;
    }) as QuoteGoldDoc;
    expect([a, b, c].every(Boolean)).toBe(true);

    const copy = (d: QuoteGoldDoc): TokenQuote[] => d.quotes.map((q) => ({ ...q }));
    const predA = copy(a);
    const dropped = predA.shift() as TokenQuote;
    const relabelled = predA[0] as TokenQuote;
    relabelled.type = relabelled.type === "Direct" ? "Indirect" : "Direct";
    const predB = copy(b);
    const original = b.quotes[shifted] as TokenQuote;
    (predB[shifted] as TokenQuote).message = [
      ...original.message.slice(1),
      (original.message.at(-1) as number) + 1,
    ];
    const predC = copy(c);
    const [i, j] = swap;
    const [qi, qj] = [predC[i] as TokenQuote, predC[j] as TokenQuote];
    [qi.speaker, qj.speaker] = [qj.speaker, qi.speaker];

    const gold = [a, b, c];
    const { scores } = scoreQuotes([
      { name: a.name, gold: a.quotes, predicted: predA, punctuation: a.punctuation },
      { name: b.name, gold: b.quotes, predicted: predB, punctuation: b.punctuation },
      { name: c.name, gold: c.quotes, predicted: predC, punctuation: c.punctuation },
    ]);

    // expectations from the damage alone
    const quotes = gold.flatMap((d) => d.quotes);
    const n = quotes.length;
    const sum = (part: "message" | "speaker" | "cue" | "addressee" | "frame") =>
      quotes.reduce((s, q) => s + q[part].length, 0);
    const swapped = (c.quotes[i]?.speaker.length ?? 0) + (c.quotes[j]?.speaker.length ?? 0);
    const message = {
      tp: sum("message") - dropped.message.length - 1,
      fp: 1,
      fn: dropped.message.length + 1,
    };
    const speaker = {
      tp: sum("speaker") - dropped.speaker.length - swapped,
      fp: swapped,
      fn: dropped.speaker.length + swapped,
    };
    const other = (["cue", "addressee", "frame"] as const).map((r) => ({
      tp: sum(r) - dropped[r].length,
      fp: 0,
      fn: dropped[r].length,
    }));
    const roles = [speaker, ...other].reduce((s, c) => ({
      tp: s.tp + c.tp,
      fp: s.fp + c.fp,
      fn: s.fn + c.fn,
    }));
    const p = (k: { tp: number; fp: number }) => k.tp / (k.tp + k.fp);
    const r = (k: { tp: number; fn: number }) => k.tp / (k.tp + k.fn);

    expect(scores.message.p).toBeCloseTo(p(message), 12);
    expect(scores.message.r).toBeCloseTo(r(message), 12);
    expect(scores.byRole.speaker?.p).toBeCloseTo(p(speaker), 12);
    expect(scores.byRole.speaker?.r).toBeCloseTo(r(speaker), 12);
    expect(scores.roles.p).toBeCloseTo(p(roles), 12);
    expect(scores.roles.r).toBeCloseTo(r(roles), 12);
    const joint = { tp: message.tp + roles.tp, fp: message.fp + roles.fp, fn: message.fn + roles.fn };
    expect(scores.joint.p).toBeCloseTo(p(joint), 12);
    expect(scores.joint.r).toBeCloseTo(r(joint), 12);
    expect(scores.quotes).toEqual({ gold: n, predicted: n - 1, paired: n - 1, missed: 1, spurious: 0 });
    expect(scores.type.accuracy).toBeCloseTo((n - 2) / (n - 1), 12);
    expect(scores.medium.accuracy).toBe(1);
    expect(scores.speaker.exactMatch).toBeCloseTo((n - 3) / (n - 1), 12);
    expect(scores.speaker.noSpeaker).toBe(
      quotes.filter((q) => q !== a.quotes[0] && q.speaker.length === 0).length,
    );
  });
});
