import { describe, expect, it } from "vitest";
import { readDataFile } from "../../lang/de/data.js";
import { mentionActs } from "./actor.js";
import { linkMention, linkPerson, referent } from "./link.js";
import { linkKey } from "./normalize.js";

const qid = (surface: string, hint?: Parameters<typeof linkMention>[1]) => {
  const link = linkMention(surface, hint);
  return link ? referent(link) : null;
};

/** What the mention inside a sentence refers to, linked the way `laut eval link` does. */
function inSentence(sentence: string, mention: string): string | null {
  const start = sentence.indexOf(mention);
  const link = linkMention(mention, { actor: mentionActs(sentence, start, start + mention.length) });
  return link ? referent(link) : null;
}

describe("countries and their forms", () => {
  it.each([
    ["Deutschland", "Q183"],
    ["Deutschlands", "Q183"],
    ["Russlands", "Q159"],
    ["die USA", "Q30"],
    ["Vereinigten Staaten", "Q30"],
    ["Nordkorea", "Q423"],
    ["Nordkoreas", "Q423"],
    ["Schweiz", "Q39"],
    ["Österreich", "Q40"],
    ["Ukraine", "Q212"],
    ["Iran", "Q794"],
  ])("%s -> %s", (surface, id) => {
    expect(qid(surface)).toBe(id);
  });

  it("inflects demonym adjectives in every ending", () => {
    for (const form of ["russisch", "russische", "russischer", "russisches", "russischen", "russischem"]) {
      expect(linkMention(form)).toMatchObject({ qid: "Q159", kind: "demonym" });
    }
    expect(qid("nordkoreanischen")).toBe("Q423");
    expect(qid("US-amerikanisch")).toBe("Q30");
    expect(qid("US-amerikanischen")).toBe("Q30");
    expect(qid("deutschen")).toBe("Q183");
    // "Schweizer" is invariable: no "Schweizere"
    expect(qid("Schweizer")).toBe("Q39");
    expect(linkMention("Schweizere")).toBeNull();
  });
});

describe("Swiss and German spellings", () => {
  it("finds the same entity under ss and ß", () => {
    expect(linkMention("Weisses Haus")).toEqual(linkMention("Weißes Haus"));
    expect(qid("Weissrussland")).toBe("Q184");
    expect(qid("US-Aussenministerium")).toBe(qid("US-Außenministerium"));
    expect(qid("US-Aussenministerium")).toBe("Q30");
  });
});

describe("government readings", () => {
  it("reads an acting capital as its state and keeps the city otherwise", () => {
    expect(linkMention("Moskau", { actor: true })).toMatchObject({ qid: "Q649", standsFor: "Q159" });
    expect(linkMention("Moskau")).toEqual({ qid: "Q649", name: "Moskau", type: "LOC", kind: "capital" });
    expect(inSentence("Pjöngjang drohte mit weiteren Raketentests.", "Pjöngjang")).toBe("Q423");
    expect(inSentence("Die Delegation traf am Abend in Pjöngjang ein.", "Pjöngjang")).toBe("Q18808");
    expect(inSentence("Bern reagierte gelassen auf die Kritik aus Brüssel.", "Bern")).toBe("Q39");
  });

  it("always reads a seat of government as the state it stands for", () => {
    expect(linkMention("Kreml")).toMatchObject({ kind: "gov-body", standsFor: "Q159" });
    expect(qid("Weißen Hauses")).toBe("Q30");
    expect(qid("Downing Street")).toBe("Q145");
  });

  it("gives local readings only in articles from their country", () => {
    expect(qid("Bundesrat", { country: "CH" })).toBe("Q39");
    expect(linkMention("Bundesrat", { country: "DE" })).toBeNull();
    expect(qid("Kanzleramt", { country: "AT" })).toBe("Q40");
    expect(qid("Kanzleramt", { country: "DE" })).toBe("Q183");
  });
});

describe("persons", () => {
  it("links full names, surnames and names after role words", () => {
    expect(linkPerson("Wladimir Putin")?.qid).toBe("Q7747");
    expect(linkPerson("Putin")?.qid).toBe("Q7747");
    expect(linkPerson("Putins")?.qid).toBe("Q7747");
    expect(linkMention("Präsident Putin")?.qid).toBe("Q7747");
    expect(linkPerson("von der Leyen")?.qid).toBe("Q60772");
    expect(linkPerson("Kim Jong-un")?.qid).toBe("Q56226");
  });

  it("leaves another person with the same surname unlinked", () => {
    expect(linkMention("Igor Putin")).toBeNull();
    expect(linkMention("Sabine Merkel")).toBeNull();
  });

  it("respects the recogniser's type", () => {
    expect(linkMention("Merz", { type: "LOC" })).toBeNull();
    expect(linkMention("Moskau", { type: "PER" })).toBeNull();
  });
});

describe("unknown and ambiguous names", () => {
  it.each([
    "Denzel Washington",
    "Paris Hilton",
    "Thomas Müller",
    "Regierung",
    "Kanzlerin",
    "Zeit",
    "",
    "   ",
  ])("%j -> null", (surface) => {
    expect(linkMention(surface)).toBeNull();
  });

  it("refuses a name shared by two entities of equal rank", () => {
    // Republic of the Congo and DR Congo are both "Kongo"
    expect(linkMention("Kongo")).toBeNull();
  });

  it("prefers the capital over the canton and the Land over a village of the same name", () => {
    expect(qid("Bern")).toBe("Q70");
    expect(qid("Kanton Bern")).toBe("Q11911");
    expect(qid("Thüringen")).toBe("Q1205");
  });
});

describe("built gazetteer", () => {
  it("files every row under the key the linker computes", () => {
    const rows = readDataFile("gazetteer/gazetteer.tsv")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1);
    expect(rows.length).toBeGreaterThan(1000);
    const bad = rows.map((r) => r.split("\t")).filter(([alias, key]) => linkKey(alias ?? "") !== key);
    expect(bad).toEqual([]);
  });
});
