import { describe, expect, it } from "vitest";
import { stem, stemText } from "./stem.js";

const ci = (w: string) => stem(w, { caseInsensitive: true });

describe("CISTEM stemmer", () => {
  it.each([
    ["Lieferung", "Lieferungen"],
    ["Regierung", "Regierungen"],
    ["Kind", "Kinder"],
    ["Schule", "Schulen"],
    ["Gesetz", "Gesetzes"],
    ["sagte", "gesagt"],
    ["erklärt", "erklärte"],
    ["Minister", "Ministern"],
    ["großen", "Größe"],
  ])("conflates %s and %s", (a, b) => {
    expect(ci(a)).toBe(ci(b));
  });

  it.each([
    ["Lieferung", "Lieferant"],
    ["Regierung", "Regen"],
    ["Schule", "Schulden"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(ci(a)).not.toBe(ci(b));
  });

  it("folds umlauts and ß, so Swiss and German spellings meet", () => {
    expect(ci("Straße")).toBe(ci("Strasse"));
    expect(ci("Straßen")).toBe("strass");
    expect(ci("Bürger")).toBe(ci("Buerger".replace("ue", "u")));
    expect(ci("äußerte")).toBe(ci("äusserte"));
  });

  it("strips the participle ge- only before at least four letters", () => {
    expect(ci("gesagt")).toBe("sag");
    expect(ci("gegen")).toBe("geg");
    expect(ci("Gebet")).toBe("geb");
    expect(ci("Gewerkschaften")).toBe("werkschaf");
  });

  it("leaves a final t on capitalised words in case-sensitive mode", () => {
    expect(stem("Arbeit")).toBe("arbeit");
    expect(stem("arbeit")).toBe("arbei");
    expect(ci("Arbeit")).toBe(ci("arbeit"));
  });

  it("treats sch, ei and ie as one letter and doubled letters as two for its length rules", () => {
    // "Schiene" is "$&ne" (4 letters): one e is stripped, and the n with it
    expect(ci("Schienen")).toBe(ci("Schiene"));
    expect(ci("Wall")).toBe("wall");
    expect(ci("Kontrollen")).toBe("kontroll");
  });

  it("never stems below three letters and leaves short words alone", () => {
    expect(ci("Rat")).toBe("rat");
    expect(ci("es")).toBe("es");
    expect(ci("")).toBe("");
  });

  it("stems a text word by word, splitting at anything that is not a letter or digit", () => {
    expect(stemText("„Die Lieferungen kommen“, sagte Pistorius – im Jahr 2024.")).toBe(
      "die lieferung komm sag pistoriu im jahr 2024",
    );
    expect(stemText("Corona-Pandemie")).toBe("corona pandemie");
    expect(stemText("")).toBe("");
  });
});
