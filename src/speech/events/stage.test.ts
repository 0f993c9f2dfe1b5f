import { describe, expect, it } from "vitest";
import { type AnalysisSpeechEvent, SCHEMA_VERSION } from "../../analysis.js";
import { analyze, analyzeDoc } from "../../analyze.js";
import { tokenSpans } from "./stage.js";

/** The speech events of a text, with the cue text as key for lookups. */
function events(text: string): AnalysisSpeechEvent[] {
  const analysis = analyze(text);
  expect(analysis.schemaVersion).toBe(SCHEMA_VERSION);
  return analysis.speechEvents ?? [];
}

function eventWithCue(text: string, cue: string): AnalysisSpeechEvent {
  const found = events(text).find((e) => e.cue.text === cue);
  if (!found) throw new Error(`no speech event with cue "${cue}" in: ${text}`);
  return found;
}

describe("speech events without quote marks (Bundestag style)", () => {
  it("finds a first-person cue with its speaker, addressee and dass-clause", () => {
    const text = "Ich sage Ihnen ganz deutlich, dass wir diesem Gesetz nicht zustimmen werden.";
    const e = eventWithCue(text, "sage");
    expect(e.cue.lemma).toBe("sagen");
    expect(e.source?.text).toBe("Ich");
    expect(e.addressee?.text).toBe("Ihnen");
    expect(e.message?.text).toBe("dass wir diesem Gesetz nicht zustimmen werden");
    expect(e.score).toBeGreaterThan(0.5);
  });

  it("attaches the particle of a separable verb and joins it into the lemma", () => {
    const text = "Wir fordern die Bundesregierung auf, endlich einen Plan für die Pflege vorzulegen.";
    const e = eventWithCue(text, "fordern");
    expect(e.particle?.text).toBe("auf");
    expect(e.cue.lemma).toBe("auffordern");
    expect(e.source?.text).toBe("Wir");
    expect(e.addressee?.text).toContain("Bundesregierung");
    expect(e.message?.text).toContain("einen Plan");
    expect(e.message?.text.endsWith("vorzulegen")).toBe(true);
  });

  // known gap: the greedy role tagger can split a clause between roles, so the message of
  // "fordern … auf" comes back in pieces ("die … endlich einen Plan … die Pflege vorzulegen")
  it.fails("gives the message of a particle verb as one contiguous clause", () => {
    const text = "Wir fordern die Bundesregierung auf, endlich einen Plan für die Pflege vorzulegen.";
    expect(eventWithCue(text, "fordern").message?.text).toBe("endlich einen Plan für die Pflege vorzulegen");
  });

  it("takes the polite Sie as the source of a reproach", () => {
    const e = eventWithCue("Herr Kollege, Sie haben behauptet, die Renten seien sicher.", "behauptet");
    expect(e.source?.text).toBe("Sie");
    expect(e.message?.text).toBe("die Renten seien sicher");
  });

  it("finds noun cues: a question with its ob-clause, a motion", () => {
    const frage = eventWithCue("Es bleibt die Frage, ob die Mittel für die Schulen ausreichen.", "Frage");
    expect(frage.message?.text).toBe("ob die Mittel für die Schulen ausreichen");
    const antrag = eventWithCue("Der Antrag der FDP verlangt eine Senkung der Stromsteuer.", "Antrag");
    expect(antrag.source?.text).toContain("FDP");
  });

  it("finds no speech event in a sentence about trains and weather", () => {
    expect(events("Der Zug nach Hamburg fährt bei Regen um acht Uhr ab.")).toEqual([]);
  });
});

describe("speech events in news text", () => {
  it("finds a third-person cue with a quoteless indirect message", () => {
    const text = "Der Regierungssprecher sagte am Freitag in Berlin, die Gespräche würden fortgesetzt.";
    const e = eventWithCue(text, "sagte");
    expect(e.cue.lemma).toBe("sagen");
    expect(e.message?.text).toContain("Gespräche würden fortgesetzt");
    expect(eventWithCue("Die Kanzlerin sagte, die Gespräche würden fortgesetzt.", "sagte").source?.text).toBe(
      "Die Kanzlerin",
    );
  });

  it("finds the source of a news report opening with a role noun", () => {
    const e = eventWithCue("Der Minister erklärte, man werde die Steuern nicht erhöhen.", "erklärte");
    expect(e.source?.text).toBe("Der Minister");
    expect(e.message?.text).toBe("man werde die Steuern nicht erhöhen");
  });

  it("keeps offsets exact: every span's text is the slice of the article", () => {
    const text =
      "Berlin (dpa) – Die Grünen fordern die Koalition auf, den Etat nachzubessern.\n\n" +
      "Ich halte das für einen Fehler, sagte die Abgeordnete.";
    const analysis = analyze(text);
    expect(analysis.speechEvents?.length).toBeGreaterThan(0);
    analysis.speechEvents?.forEach((e, i) => {
      expect(e.id).toBe(`s${i + 1}`);
      for (const span of [
        e.cue,
        e.source,
        e.message,
        e.addressee,
        e.topic,
        e.evidence,
        e.medium,
        e.particle,
      ]) {
        if (!span) continue;
        expect(span.text).toBe(span.parts.map((p) => text.slice(p.start, p.end)).join(" … "));
        expect(span.start).toBe(span.parts[0]?.start);
        expect(span.end).toBe(span.parts.at(-1)?.end);
      }
    });
  });

  it("leaves the quotes layer to the quote stages", () => {
    const text = "«Wir bleiben dabei», sagte die Ministerin.";
    const doc = analyzeDoc(text);
    expect(doc.get("quotes").length).toBe(1);
    expect(
      doc.get("speechEvents").some((e) => text.slice(e.cue.parts[0]?.start, e.cue.parts[0]?.end) === "sagte"),
    ).toBe(true);
  });
});

describe("tokenSpans", () => {
  it("merges runs of adjacent tokens into one span each", () => {
    const starts = [0, 4, 9, 15, 20];
    const ends = [3, 8, 14, 19, 24];
    expect(tokenSpans(starts, ends, [1, 2, 4])).toEqual([
      { start: 4, end: 14 },
      { start: 20, end: 24 },
    ]);
    expect(tokenSpans(starts, ends, [])).toEqual([]);
  });
});
