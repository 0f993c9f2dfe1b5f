import { describe, expect, it } from "vitest";
import type { Analysis } from "../analysis.js";
import { sampleAnalysis } from "./sample.case.js";
import { renderText, terminalSafe, wrap } from "./text.js";

const lines = (s: string): string[] => s.split("\n");

/** The block of lines under a speaker heading, up to the next blank line. */
function section(report: string, heading: string): string[] {
  const all = lines(report);
  const start = all.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = all.indexOf("", start);
  return all.slice(start, end < 0 ? undefined : end);
}

describe("renderText", () => {
  const analysis = sampleAnalysis();
  const report = renderText(analysis);

  it("starts with a header: title, source and counts", () => {
    const [title, source, counts, quotes] = lines(report);
    expect(title).toBe("Winterthur streitet über die neue Tramlinie");
    expect(source).toBe("source: winterthur-tram.txt (text, utf-8)");
    expect(counts).toContain(`${analysis.tokens.length} tokens`);
    expect(counts).toContain(`${analysis.paragraphs.length} paragraphs`);
    // partial quotes count as quotes; "other quoted" are the names and scare quotes
    expect(quotes).toBe("9 quotes (4 direct, 5 indirect) · 3 speakers · 1 unattributed · 2 other quoted");
  });

  it("groups quotes by speaker, most quoted first, ties by first appearance", () => {
    const headings = lines(report).filter((l) => / · \d+ quotes?$/.test(l));
    expect(headings).toEqual([
      "Marco Bianchi — Verkehrsdirektor · 3 quotes",
      "Thomas Keller — Verbandspräsident · 3 quotes",
      "Regula Brunner — Finanzvorsteherin · 2 quotes",
      "Unattributed · 1 quote",
    ]);
    const bianchi = section(report, "Marco Bianchi").join("\n");
    expect(bianchi.indexOf("q3 ")).toBeLessThan(bianchi.indexOf("q4 "));
    expect(bianchi.indexOf("q4 ")).toBeLessThan(bianchi.indexOf("q6 "));
  });

  it("shows type, cue, the mention as written when it differs from the name, and confidence", () => {
    const bianchi = section(report, "Marco Bianchi");
    expect(bianchi).toContain('  q4 · indirect · cue "sagte" · as "er" · confidence 0.80');
    // the mention "Marco Bianchi" equals the name, so no "as"
    expect(bianchi).toContain('  q3 · direct · cue "widersprach" · confidence 0.90');
    const brunner = section(report, "Regula Brunner");
    expect(brunner).toContain("  q2 · indirect · via continuation · confidence 0.70");
    expect(brunner).toContain("    «Wir können uns diese Linie nicht leisten» … «nicht in dieser Form.»");
  });

  it("wraps long messages without losing words", () => {
    const narrow = renderText(analysis, { width: 40 });
    const keller = section(narrow, "Thomas Keller");
    const start = keller.findIndex((l) => l.startsWith("  q8 "));
    const message = keller.slice(start + 1).filter((l) => l.startsWith("    ") && !l.startsWith("  q"));
    expect(message.length).toBeGreaterThan(1);
    for (const l of message) expect(l.length).toBeLessThanOrEqual(40);
    expect(
      message
        .map((l) => l.trim())
        .join(" ")
        .startsWith("«Wir sind nicht gegen die Tram, aber gegen diesen Zeitplan»"),
    ).toBe(true);
  });

  it("lists unattributed quotes and the quoted names and scare quotes", () => {
    expect(section(report, "Unattributed")).toContain("    «Das letzte Wort hat das Volk.»");
    const others = section(report, "Names and scare quotes");
    expect(others).toEqual([
      "Names and scare quotes (not speech)",
      "  scare quote  «Zwängerei»",
      "  name         «Der Landbote»",
    ]);
  });

  it("uses ANSI colour only when asked", () => {
    expect(report).not.toContain("\x1b[");
    const coloured = renderText(analysis, { color: true });
    expect(coloured).toContain("\x1b[1m");
    expect(coloured.replace(/\p{Cc}\[\d+m/gu, "")).toBe(report);
  });

  it("never passes terminal escapes or bidi overrides from the article through", () => {
    const hostile: Analysis = structuredClone(analysis);
    const q = hostile.quotes[0];
    if (!q?.speaker) throw new Error("fixture");
    q.text = "«Alles\x1b[2J gut\u202e»";
    q.speaker.name = "Eve\x07 Mallory";
    const out = renderText(hostile, { color: false });
    expect(out.replaceAll("\n", "")).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(out).toContain("«Alles\uFFFD[2J gut\uFFFD»");
    expect(out).toContain("Eve\uFFFD Mallory");
    expect(terminalSafe("a\n\n b\tc")).toBe("a b c");
  });

  it("reports an article without quotes plainly", () => {
    const empty: Analysis = { ...analysis, quotes: [], quoted: [], title: null };
    const out = renderText(empty);
    expect(lines(out)[0]).toBe("winterthur-tram.txt");
    expect(out).toContain("0 quotes · 0 speakers · 0 unattributed · 0 other quoted");
    expect(out).not.toContain("Unattributed");
  });
});

describe("wrap", () => {
  it("breaks at spaces and keeps over-long words whole", () => {
    expect(wrap("Die Linie sei ein Jahrhundertprojekt", 14)).toEqual([
      "Die Linie sei",
      "ein",
      "Jahrhundertprojekt",
    ]);
    expect(wrap("", 10)).toEqual([]);
  });
});

describe("renderText on the pipeline's output", () => {
  it("labels a partial quote as such, under the speaker of the speech around it", async () => {
    const { analyze } = await import("../analyze.js");
    const report = renderText(analyze("Die Ministerin Laura Frei erklärte, die Lage sei «äusserst ernst»."));
    expect(report).toContain("Laura Frei");
    expect(report).toMatch(/partial quote · cue "erklärte"/);
    expect(report).not.toContain("Names and scare quotes");
  });
});
