import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AnalysisQuote, AnalysisSpeechEvent } from "../analysis.js";
import { LautError } from "../errors.js";
import {
  emptyRoles,
  GEPADE_ROLES,
  type GepadeAnnotation,
  type GepadeRole,
  gepadeFromAnalysis,
  parseGepadeDoc,
  readGepadeDir,
  scoreGepade,
} from "./gepade.js";
import { evaluateGepade } from "./run.js";

const GEPADE = new URL("../../../shared/data/quotes/gepade/", import.meta.url).pathname;
const hasGepade = existsSync(GEPADE);
if (!hasGepade) console.warn(`skipping GePaDe gold tests: ${GEPADE} is absent`);

// A Bundestag-style passage: the cue "forderte … auf" has a verb particle (PTC).
const SPEECH = {
  Sentences: [
    { SentenceId: 0, Tokens: ["Frau", "Präsidentin", "!"] },
    {
      SentenceId: 1,
      Tokens: ["Die", "Ministerin", "hat", "gestern", "gesagt", ",", "die", "Renten", "seien", "sicher", "."],
    },
    {
      SentenceId: 2,
      Tokens: ["Wir", "forderten", "die", "Regierung", "auf", ",", "endlich", "zu", "handeln", "."],
    },
  ],
  Annotations: [
    {
      Cue: ["1:4"],
      Source: ["1:0", "1:1"],
      Message: ["1:6", "1:7", "1:8", "1:9"],
      Addr: [],
      Topic: [],
      Evidence: [],
      Medium: [],
      PTC: [],
    },
    {
      Cue: ["2:1"],
      PTC: ["2:4"],
      Source: ["2:0"],
      Addr: ["2:2", "2:3"],
      Message: ["2:6", "2:7", "2:8"],
      Topic: [],
      Evidence: [],
      Medium: [],
    },
  ],
};

const roles = (parts: Partial<Record<GepadeRole, number[]>>): Record<GepadeRole, number[]> => ({
  ...emptyRoles(),
  ...parts,
});

describe("GePaDe reading", () => {
  const doc = parseGepadeDoc("rede", SPEECH);

  it("joins tokens and sentences with single spaces and maps sentence:token ids to global ids", () => {
    expect(doc.text.startsWith("Frau Präsidentin ! Die Ministerin hat gestern gesagt , die Renten")).toBe(
      true,
    );
    expect(doc.text.slice(doc.cover.start(7), doc.cover.end(7))).toBe("gesagt");
    expect(doc.gold[0]).toEqual({ cue: [7], roles: roles({ Source: [3, 4], Message: [9, 10, 11, 12] }) });
    expect(doc.gold[1]?.roles.PTC).toEqual([18]);
    expect(doc.gold[1]?.roles.Addr).toEqual([16, 17]);
  });

  it("rejects references to tokens that do not exist", () => {
    const broken = { ...SPEECH, Annotations: [{ ...SPEECH.Annotations[0], Cue: ["1:99"] }] };
    expect(() => parseGepadeDoc("rede", broken)).toThrow(LautError);
    expect(() => parseGepadeDoc("rede", { Sentences: [] })).toThrow(/no Annotations/);
  });

  it("maps laut's quotes: first cue part → Cue, later parts → PTC, speaker → Source", () => {
    const span = (token: number) => ({ start: doc.cover.start(token), end: doc.cover.end(token) });
    const quote = {
      spans: [{ start: doc.cover.start(20), end: doc.cover.end(22) }],
      cue: { ...span(15), text: "", lemma: "auffordern", parts: [span(15), span(18)] },
      speaker: { ...span(14), text: "Wir", name: "Wir" },
      addressee: { start: doc.cover.start(16), end: doc.cover.end(17), text: "die Regierung" },
    } as unknown as AnalysisQuote;
    expect(gepadeFromAnalysis({ quotes: [quote] }, doc.cover)).toEqual([doc.gold[1]]);
  });

  it("maps speech events instead of quotes when the analysis has them, every role by name", () => {
    const parts = (first: number, last: number) => ({
      start: doc.cover.start(first),
      end: doc.cover.end(last),
      text: "",
      parts: [{ start: doc.cover.start(first), end: doc.cover.end(last) }],
    });
    const event = {
      id: "s1",
      cue: { ...parts(15, 15), lemma: "auffordern" },
      source: parts(14, 14),
      message: parts(20, 22),
      addressee: parts(16, 17),
      topic: null,
      evidence: null,
      medium: null,
      particle: parts(18, 18),
      score: 0.9,
    } as AnalysisSpeechEvent;
    const quote = {
      spans: [parts(7, 7)],
      cue: null,
      speaker: null,
      addressee: null,
    } as unknown as AnalysisQuote;
    expect(gepadeFromAnalysis({ quotes: [quote], speechEvents: [event] }, doc.cover)).toEqual([doc.gold[1]]);
  });
});

describe("scoreGepade on hand-built cases", () => {
  const doc = parseGepadeDoc("rede", SPEECH);
  const [minister, wir] = doc.gold as [GepadeAnnotation, GepadeAnnotation];
  const score = (predicted: GepadeAnnotation[]) =>
    scoreGepade([{ name: "rede", gold: doc.gold, predicted }]).scores;

  it("scores the gold itself as perfect", () => {
    const s = score(doc.gold);
    expect(s.cue).toEqual({ p: 1, r: 1, f1: 1 });
    expect(s.roles).toEqual({ p: 1, r: 1, f1: 1 });
  });

  it("counts roles only for exactly matched cues", () => {
    // cue "gesagt" found with a shorter message; the second event predicted with cue "hat gesagt"
    const predicted = [
      { cue: [7], roles: roles({ Source: [3, 4], Message: [11, 12] }) },
      { cue: [14, 15], roles: wir.roles },
    ];
    const s = score([predicted[0] as GepadeAnnotation]);
    expect(s.cue).toMatchObject({ p: 1, r: 1 / 2 });
    // roles: Source 2 tp, Message 2 tp + 2 fn; the missed event's Source 1, Addr 2, Message 3, PTC 1 fn
    expect(s.roles).toMatchObject({ p: 1, r: 4 / (6 + 7) });
    const wrongCue = score([predicted[1] as GepadeAnnotation]);
    // "Wir forderten" overlaps the gold cue "forderten": a pair, but not an exact cue
    expect(wrongCue.annotations).toEqual({ gold: 2, predicted: 1, paired: 1, exactCue: 0 });
    expect(wrongCue.cue).toEqual({ p: 0, r: 0, f1: 0 });
    expect(wrongCue.cueTokens).toMatchObject({ p: 1 / 2, r: 1 / 2 });
    expect(wrongCue.roles).toEqual({ p: 0, r: 0, f1: 0 });
  });

  it("scores nothing predicted as zero", () => {
    const s = score([]);
    expect(s.cue).toEqual({ p: 0, r: 0, f1: 0 });
    expect(s.byRole.Message).toEqual({ p: 0, r: 0, f1: 0 });
    expect(minister.cue).toEqual([7]);
  });
});

describe.skipIf(!hasGepade)("GePaDe gold scored against itself", () => {
  for (const split of ["train", "dev"]) {
    it(`gives exactly 1.0 on every metric of ${split}`, () => {
      const docs = readGepadeDir(`${GEPADE}${split}`);
      expect(docs.length).toBe(readdirSync(`${GEPADE}${split}`).filter((n) => n.endsWith(".json")).length);
      const viaChars = (ids: readonly number[], doc: (typeof docs)[number]) =>
        doc.cover.tokens(ids.map((id) => ({ start: doc.cover.start(id), end: doc.cover.end(id) })));
      const { scores } = scoreGepade(
        docs.map((doc) => ({
          name: doc.name,
          gold: doc.gold,
          predicted: doc.gold.map((a) => ({
            cue: viaChars(a.cue, doc),
            roles: Object.fromEntries(GEPADE_ROLES.map((r) => [r, viaChars(a.roles[r], doc)])) as Record<
              GepadeRole,
              number[]
            >,
          })),
        })),
      );
      for (const s of [scores.cue, scores.cueTokens, scores.roles, ...Object.values(scores.byRole)]) {
        expect(s).toEqual({ p: 1, r: 1, f1: 1 });
      }
      expect(scores.annotations.exactCue).toBe(scores.annotations.gold);
    });
  }
});

describe.skipIf(!hasGepade)("laut's speech events on GePaDe dev (smoke test)", () => {
  it("finds most cues of the first dev speeches with exactly the gold tokens", () => {
    const { scores } = evaluateGepade(`${GEPADE}dev`, { limit: 4 });
    // the full dev split scores far higher; a broken model, feature drift or offset mapping drops this to ~0
    expect(scores.cue.f1).toBeGreaterThan(0.6);
    expect(scores.roles.f1).toBeGreaterThan(0.3);
  });
});
