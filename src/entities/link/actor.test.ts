import { describe, expect, it } from "vitest";
import { mentionActs } from "./actor.js";

function acts(sentence: string, mention: string): boolean {
  const start = sentence.indexOf(mention);
  return mentionActs(sentence, start, start + mention.length);
}

describe("mentionActs", () => {
  it.each([
    ["Moskau erklärte, die Vorwürfe seien haltlos.", "Moskau"],
    ["Washington kündigte neue Sanktionen an.", "Washington"],
    ["Peking reagierte verärgert auf den Besuch.", "Peking"],
    ["Der Kreml wies die Berichte zurück.", "Kreml"],
    ["Erklärte Moskau am Montag noch Gesprächsbereitschaft, klang es später anders.", "Moskau"],
  ])("%s: acts", (sentence, mention) => {
    expect(acts(sentence, mention)).toBe(true);
  });

  it.each([
    ["In Moskau fanden am Wochenende Festnahmen statt.", "Moskau"],
    ["Die Verhandlungen in Washington wurden vertagt.", "Washington"],
    ["Die Polizei in Madrid nahm zwei Verdächtige fest.", "Madrid"],
    ["Der Minister reiste nach Kiew, sagte ein Sprecher.", "Kiew"],
    ["Berlin ist im Sommer voller Touristen.", "Berlin"],
  ])("%s: does not act", (sentence, mention) => {
    expect(acts(sentence, mention)).toBe(false);
  });
});
