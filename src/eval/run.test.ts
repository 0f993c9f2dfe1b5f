import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalysisQuote } from "../analysis.js";
import { quoteErrors, quoteTable } from "./report.js";
import { type Analyzer, evaluateQuotes } from "./run.js";
import { STORIES, wikinewsGold } from "./wikinews-fixture.case.js";

function goldDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "laut-eval-run-")), "dev");
  mkdirSync(dir);
  for (const story of STORIES) {
    writeFileSync(join(dir, `${story.name}.json`), JSON.stringify(wikinewsGold(story.text, story.quotes)));
  }
  return dir;
}

function lautQuote(text: string, message: string, speaker: string | null, cue: string | null): AnalysisQuote {
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  return {
    id: "q",
    type: "direct",
    medium: "speech",
    text: message,
    spans: [at(message)],
    quoted: [],
    cue: cue ? { ...at(cue), text: cue, lemma: cue, parts: [at(cue)] } : null,
    speaker: speaker ? { ...at(speaker), text: speaker, name: speaker } : null,
    addressee: null,
    frame: null,
    confidence: 0.5,
    attribution: "cue",
  };
}

// Finds Jung's quote, invents one in the lead, and gives the Vienna quote the wrong speaker.
const scripted: Analyzer = (text) => {
  const [leipzig, wien] = STORIES.map((s) => s.text);
  if (text === leipzig) {
    return {
      entities: [],
      quotes: [
        lautQuote(
          text,
          "„Wir haben keine Zeit mehr zu verlieren“",
          "Oberbürgermeister Burkhard Jung",
          "sagte",
        ),
        lautQuote(text, "Leipzig will den Ausbau der Straßenbahn beschleunigen.", null, null),
      ],
    };
  }
  if (text === wien) {
    return {
      entities: [],
      quotes: [{ ...lautQuote(text, "Der Lärm sei unzumutbar", "Anrainern", "sagte"), type: "indirect" }],
    };
  }
  return { entities: [], quotes: [] };
};

describe("evaluateQuotes", () => {
  const dir = goldDir();

  it("runs the analyzer on every gold text and scores what it finds", () => {
    const run = evaluateQuotes(dir, { analyzer: scripted });
    expect(run.scores.docs).toBe(2);
    expect(run.scores.quotes).toEqual({ gold: 4, predicted: 3, paired: 2, missed: 2, spurious: 1 });
    expect(run.scores.speaker).toEqual({ exactMatch: 1 / 2, paired: 2, noSpeaker: 1 });
    expect(run.scores.type.accuracy).toBe(1);
    expect(run.seconds).toBeGreaterThan(0);
    const table = quoteTable(run, "wikinews dev", false);
    expect(table).toContain("speaker exact match");
    expect(table).toMatch(/quotes: gold 4, predicted 3, paired 2, missed 2, spurious 1/);
  });

  it("writes every missed, spurious and mis-attributed quote with its context", () => {
    const report = quoteErrors(evaluateQuotes(dir, { analyzer: scripted }), "wikinews dev");
    expect(report).toContain("== MISSED: gold quotes laut did not find (2) ==");
    expect(report).toContain("== SPURIOUS: laut quotes without a gold quote (1) ==");
    expect(report).toContain("== WRONG SPEAKER: paired quotes whose speakers differ (1) ==");
    expect(report).toContain(
      "[002 - Wiener Linien verlängern die U2] gold Indirect/Speech, laut Indirect/Speech",
    );
    expect(report).toContain("speaker:  gold ein Sprecher der Bürgerinitiative | laut Anrainern");
    // the discontinuous Reported quote is shown part by part and marked in its context
    expect(report).toContain("quote:    Die Bauarbeiten sollen … im Herbst beginnen");
    expect(report).toContain("Kritik kam von Anrainern: ⟦Der Lärm sei unzumutbar⟧, sagte ein Sprecher");
  });

  it("honours --limit and the simplified setting", () => {
    expect(evaluateQuotes(dir, { analyzer: scripted, limit: 1 }).scores.docs).toBe(1);
    const simplified = evaluateQuotes(dir, { analyzer: scripted, simplified: true });
    expect(Object.keys(simplified.scores.byRole)).toEqual(["speaker"]);
  });

  it("runs laut's own pipeline", () => {
    const run = evaluateQuotes(dir);
    expect(run.scores.docs).toBe(2);
    for (const s of [run.scores.message, run.scores.roles, run.scores.joint]) {
      expect(s.f1).toBeGreaterThanOrEqual(0);
      expect(s.f1).toBeLessThanOrEqual(1);
    }
  });
});
