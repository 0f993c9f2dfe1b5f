import { describe, expect, it } from "vitest";
import { analyzeDoc, namesPipeline } from "../../analyze.js";
import type { Doc, Name } from "../../doc.js";

/** The names of a text as "surface=TYPE/kind" */
function names(text: string): string[] {
  const doc = analyzeDoc(text, { names: true });
  return doc.get("names").map((n: Name) => `${doc.slice(n)}=${n.type}/${n.kind}`);
}

describe("the names stage with the shipped model", () => {
  it("runs after sentence splitting and before the speech stages", () => {
    const order = namesPipeline.stages.map((s) => s.name);
    expect(order.indexOf("names")).toBeGreaterThan(order.indexOf("sentences"));
    expect(order.indexOf("names")).toBeLessThan(order.indexOf("quoteMarks"));
  });

  it("finds a person after a role noun, without the role", () => {
    expect(
      names("Bundeskanzler Olaf Scholz hat am Dienstag in Berlin mit Vertretern der Wirtschaft gesprochen."),
    ).toEqual(expect.arrayContaining(["Olaf Scholz=PER/name", "Berlin=LOC/name"]));
  });

  it("finds countries, organisations and parts of words", () => {
    const found = names(
      "Die Europäische Union will die Sanktionen gegen Nordkorea verschärfen, sagte ein Sprecher der EU-Kommission.",
    );
    expect(found).toEqual(
      expect.arrayContaining(["Europäische Union=ORG/name", "Nordkorea=LOC/name", "EU-Kommission=ORG/part"]),
    );
    expect(names("Nordkorea liefert nach Angaben der USA Munition an Russland.")).toEqual(
      expect.arrayContaining(["Nordkorea=LOC/name", "USA=LOC/name", "Russland=LOC/name"]),
    );
  });

  it("tells derived adjectives from names", () => {
    expect(names("Die nordkoreanische Armee feuerte am Morgen zwei Raketen ab.")).toEqual([
      "nordkoreanische=LOC/deriv",
    ]);
    expect(names("Der Schweizer Bundesrat Ignazio Cassis reiste nach Genf.")).toEqual(
      expect.arrayContaining(["Schweizer=LOC/deriv", "Ignazio Cassis=PER/name"]),
    );
  });

  it("leaves sentences without names empty", () => {
    expect(names("Die Preise für Strom und Gas sind im vergangenen Jahr deutlich gestiegen.")).toEqual([]);
  });

  it("gives spans on whole tokens with a score between 0 and 1", () => {
    const doc: Doc = analyzeDoc("«Wir sind bereit», sagte Außenministerin Annalena Baerbock in Kiew.", {
      names: true,
    });
    const tokens = doc.get("tokens");
    for (const name of doc.get("names")) {
      expect(name.start).toBe(tokens.starts[name.firstToken]);
      expect(name.end).toBe(tokens.ends[name.endToken - 1]);
      expect(name.score).toBeGreaterThanOrEqual(0);
      expect(name.score).toBeLessThanOrEqual(1);
    }
    expect(doc.get("names").map((n) => doc.slice(n))).toContain("Annalena Baerbock");
  });

  it("handles a run-on sentence longer than one decoding window", () => {
    const list = Array.from({ length: 120 }, (_, i) => `Angela Merkel${i}`).join(", ");
    const doc = analyzeDoc(`Eingeladen waren ${list} und viele andere`, { names: true });
    const found = doc.get("names");
    expect(found.length).toBeGreaterThan(50);
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end as number);
    }
  });
});

describe("names in the Analysis", () => {
  it("appear only when asked for, as text spans with type and kind", async () => {
    const { analyze } = await import("../../analyze.js");
    const text = "Die nordkoreanische Führung empfing den russischen Außenminister in Pjöngjang.";
    expect(analyze(text).names).toBeUndefined();
    const names = analyze(text, { names: true }).names ?? [];
    expect(names.find((n) => n.text === "Pjöngjang")).toMatchObject({ type: "LOC", kind: "name" });
    expect(names.find((n) => n.text === "nordkoreanische")).toMatchObject({ type: "LOC", kind: "deriv" });
    for (const n of names) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});

describe("names as entities", () => {
  it("with the recogniser on, names the rules do not know become typed entities", async () => {
    const { analyze } = await import("../../analyze.js");
    const text =
      "Die Firma Siemens baut in Erlangen ein neues Werk. Der Konzern investiert 500 Millionen Euro.";
    expect(analyze(text).entities.map((e) => e.name)).not.toContain("Erlangen");
    const entities = analyze(text, { names: true }).entities;
    expect(entities.find((e) => e.name === "Erlangen")?.type).toBe("LOC");
    // a name inside a phrase the rules already made an actor stays with that phrase
    expect(entities.find((e) => e.name.includes("Siemens"))?.type).toBe("ORG");
  });
});
