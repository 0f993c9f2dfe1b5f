import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LautError } from "../../errors.js";
import { emptyRoles, type GepadeAnnotation, type GepadeRole } from "../../eval/gepade.js";
import { buildWordEntries, hashWord, lookupWord, tableFrom, WordClass } from "./lexicon.js";
import { decodeCueModel, encodeCueModel, FEATURE_VERSION, loadCueModel } from "./model.js";
import { predictSpeech, type TrainingSpeech, trainCueModel } from "./train.js";

/**
 * A tiny synthetic speech: sentences of space-separated tokens, events given as
 * [cue word index, role, first, last] per sentence. Offsets are computed like GePaDe's reader.
 */
function speech(
  name: string,
  sentences: { tokens: string; cue: number; ptc?: number; roles?: [GepadeRole, number, number][] }[],
): TrainingSpeech {
  const starts: number[] = [];
  const ends: number[] = [];
  const ranges: { first: number; end: number }[] = [];
  const events: GepadeAnnotation[] = [];
  let text = "";
  for (const s of sentences) {
    const first = starts.length;
    for (const token of s.tokens.split(" ")) {
      if (text.length > 0) text += " ";
      starts.push(text.length);
      text += token;
      ends.push(text.length);
    }
    ranges.push({ first, end: starts.length });
    const roles = emptyRoles();
    for (const [role, a, b] of s.roles ?? []) for (let t = a; t <= b; t++) roles[role].push(first + t);
    if (s.ptc !== undefined) roles.PTC.push(first + s.ptc);
    events.push({ cue: [first + s.cue], roles });
  }
  return { name, run: { text, length: starts.length, starts, ends }, sentences: ranges, events };
}

const SPEECHES = [
  speech("a", [
    {
      tokens: "Ich sage Ihnen , dass die Rente sicher ist .",
      cue: 1,
      roles: [
        ["Source", 0, 0],
        ["Addr", 2, 2],
        ["Message", 4, 8],
      ],
    },
    {
      tokens: "Wir fordern die Regierung auf , den Antrag abzulehnen .",
      cue: 1,
      ptc: 4,
      roles: [
        ["Source", 0, 0],
        ["Addr", 2, 3],
        ["Message", 6, 8],
      ],
    },
  ]),
  speech("b", [
    {
      tokens: "Sie behaupten , die Mieten seien gesunken .",
      cue: 1,
      roles: [
        ["Source", 0, 0],
        ["Message", 3, 6],
      ],
    },
    {
      tokens: "Die Ministerin sagt , die Schulen bleiben offen .",
      cue: 2,
      roles: [
        ["Source", 0, 1],
        ["Message", 4, 7],
      ],
    },
  ]),
];

const OPTIONS = { epochs: 4, cueBits: 10, roleBits: 10, seed: 7 };
const lexicon = buildWordEntries();

describe("training the speech-event taggers", () => {
  it("is deterministic: the same data and options give the same bytes", () => {
    const a = encodeCueModel(trainCueModel(SPEECHES, lexicon, OPTIONS));
    const b = encodeCueModel(trainCueModel(SPEECHES, lexicon, OPTIONS));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = encodeCueModel(trainCueModel(SPEECHES, lexicon, { ...OPTIONS, seed: 8 }));
    expect(other.length).toBe(a.length);
  });

  it("learns its training sentences: cues, particle and roles come back", () => {
    const model = trainCueModel(SPEECHES, lexicon, { ...OPTIONS, epochs: 10 });
    for (const s of SPEECHES) {
      const predicted = predictSpeech(model, s);
      expect(predicted.map((e) => e.cue)).toEqual(s.events.map((e) => e.cue));
      expect(predicted.map((e) => e.roles.Source)).toEqual(s.events.map((e) => e.roles.Source));
    }
    const first = SPEECHES[0] as TrainingSpeech;
    expect(predictSpeech(model, first)[1]?.roles.PTC).toEqual(first.events[1]?.roles.PTC);
    expect(first.run.text.slice(first.run.starts[14], first.run.ends[14])).toBe("auf");
  });
});

describe("the model file", () => {
  const dir = mkdtempSync(join(tmpdir(), "laut-cues-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bytes = encodeCueModel(trainCueModel(SPEECHES, lexicon, OPTIONS));

  it("round-trips through encode and decode", () => {
    const file = join(dir, "ok.bin");
    writeFileSync(file, bytes);
    const model = loadCueModel(file);
    expect(model.cue.bits).toBe(10);
    expect(model.role.weights.length).toBe(1024 * 8);
    expect(encodeCueModel(model)).toEqual(bytes);
  });

  it("reports a missing file as a LautError that says how to retrain", () => {
    const missing = () => loadCueModel(join(dir, "nope.bin"));
    expect(missing).toThrow(LautError);
    expect(missing).toThrow(/train:cues/);
  });

  it("reports truncated, foreign and tampered files as corrupt", () => {
    const cases: [string, Uint8Array][] = [
      ["truncated", bytes.subarray(0, bytes.length - 64)],
      ["foreign", new TextEncoder().encode("<html>not a model</html>")],
      ["empty", new Uint8Array(0)],
      ["trailing bytes", new Uint8Array([...bytes, 0, 0, 0, 0])],
    ];
    for (const [what, data] of cases) {
      expect(() => decodeCueModel(data, what), what).toThrow(LautError);
      expect(() => decodeCueModel(data, what), what).toThrow(/corrupt/);
    }
    const json = new TextDecoder().decode(
      bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)),
    );
    const tampered = Uint8Array.from(bytes);
    tampered.set(
      new TextEncoder().encode(json.replace(`"featureVersion":${FEATURE_VERSION}`, '"featureVersion":9')),
      12,
    );
    expect(() => decodeCueModel(tampered, "old model")).toThrow(/feature version 9/);
  });
});

describe("word hashing and the word-class table", () => {
  it("folds case and ß like lexKey, so Swiss and German spellings meet", () => {
    expect(hashWord("SAGTE")).toBe(hashWord("sagte"));
    expect(hashWord("Äußerte")).toBe(hashWord("äusserte"));
    expect(hashWord("sagte")).not.toBe(hashWord("sagten"));
  });

  it("knows reporting verbs, GePaDe cue nouns with plurals, clause words and persons", () => {
    const table = tableFrom(lexicon);
    expect(lookupWord(table, hashWord("behauptete")) & WordClass.Reporting).not.toBe(0);
    expect(lookupWord(table, hashWord("Antrags")) & WordClass.CueNoun).not.toBe(0);
    expect(lookupWord(table, hashWord("Fragen")) & WordClass.CueNoun).not.toBe(0);
    expect(lookupWord(table, hashWord("ob")) & WordClass.Clause).not.toBe(0);
    expect(lookupWord(table, hashWord("Zugverspätung"))).toBe(0);
    expect(lookupWord(table, hashWord("wir")) >> 8).toBe(2);
  });
});
