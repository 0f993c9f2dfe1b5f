/**
 * The learned speaker ranker: the shipped weights load, and they rank clear German cases the way
 * a reader does. Phrases come from the real tokenizer and chunker.
 */
import { describe, expect, it } from "vitest";
import { EntityRegistry } from "../entities/registry.js";
import { tokenize } from "../text/tokenize.js";
import { type Phrase, phraseAt, Words } from "./phrases.js";
import {
  SPEAKER_FEATURE_COUNT,
  SPEAKER_FEATURES,
  SPEAKER_MODEL,
  type SpeakerClause,
  scoreSpeaker,
  speakerFeatures,
  speakerModelFrom,
} from "./speaker-features.js";
import { subjectOf } from "./speakers.js";

function words(text: string): Words {
  return new Words(text, tokenize(text));
}

function tokenOf(w: Words, word: string): number {
  for (let i = 0; i < w.length; i++) if (w.word(i) === word) return i;
  throw new Error(`no token "${word}" in: ${w.text}`);
}

function phraseOf(w: Words, first: string): Phrase {
  const p = phraseAt(w, tokenOf(w, first), w.length);
  if (!p) throw new Error(`no phrase at "${first}"`);
  return p;
}

function score(w: Words, p: Phrase, clause: SpeakerClause): number {
  const active = new Int32Array(SPEAKER_FEATURE_COUNT);
  return scoreSpeaker(SPEAKER_MODEL, active, speakerFeatures(w, p, clause, null, active));
}

describe("speaker ranker weights", () => {
  it("loads every weight by a known feature name", () => {
    expect(SPEAKER_MODEL.weights).toHaveLength(SPEAKER_FEATURES.length);
    expect(SPEAKER_MODEL.weights.some((v) => v !== 0)).toBe(true);
    expect(() => speakerModelFrom({ weights: { "kind:robot": 1 } })).toThrow(/unknown feature/);
  });

  it("scores a person in the prefield above a dative object after the verb", () => {
    const w = words("Die Ministerin Petra Keller sagte dem Sender am Dienstag, die Lage sei ernst.");
    const verb = tokenOf(w, "sagte");
    const clause: SpeakerClause = {
      verb,
      clauseStart: 0,
      inverted: false,
      subordinate: false,
      prefieldTaken: true,
    };
    const person = phraseOf(w, "Die");
    const dative = phraseOf(w, "dem");
    expect(person.kind).toBe("person");
    expect(score(w, person, clause)).toBeGreaterThan(SPEAKER_MODEL.threshold);
    expect(score(w, person, clause)).toBeGreaterThan(score(w, dative, clause));
  });

  it("subjectOf takes the named speaker, not the newspaper she spoke to", () => {
    const w = words("Angela Merkel sagte der Zeitung, sie wolle nicht erneut antreten.");
    const endToken = w.length;
    const phrases: Phrase[] = [];
    for (let t = 0; t < endToken; t++) {
      const p = phraseAt(w, t, endToken);
      if (p) {
        phrases.push(p);
        t = p.end - 1;
      }
    }
    const sentence = { start: 0, end: w.text.length, paragraph: 0, firstToken: 0, endToken };
    const speaker = subjectOf(w, tokenOf(w, "sagte"), sentence, phrases, new EntityRegistry(w));
    expect(speaker && w.text.slice(w.start(speaker.first), w.end(speaker.end - 1))).toBe("Angela Merkel");
  });
});
