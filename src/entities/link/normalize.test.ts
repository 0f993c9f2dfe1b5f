import { describe, expect, it } from "vitest";
import { genitiveBase, linkKey, withoutArticle } from "./normalize.js";

describe("linkKey", () => {
  it.each([
    ["Weißes Haus", "weisses haus"],
    ["Weisses Haus", "weisses haus"],
    ["Außenministerium", "aussenministerium"],
    ["Kim Jong-un", "kim jong un"],
    ["Kim  Jong Un", "kim jong un"],
    ["Erdoğan", "erdogan"],
    ["Élysée-Palast", "elysee palast"],
    ["US-amerikanische", "us amerikanische"],
    ["Frankfurt a. M.", "frankfurt a m"],
    ["  NATO ", "nato"],
  ])("%s -> %s", (surface, key) => {
    expect(linkKey(surface)).toBe(key);
  });

  it("keeps umlauts apart from their ae spelling only by the accent fold", () => {
    expect(linkKey("Köln")).toBe("koln");
    expect(linkKey("Koeln")).not.toBe(linkKey("Köln"));
  });
});

describe("genitive and article", () => {
  it("strips a final -s only from words long enough to carry one", () => {
    expect(genitiveBase("russlands")).toBe("russland");
    expect(genitiveBase("usa")).toBeNull();
    expect(genitiveBase("deutschland")).toBeNull();
  });

  it("drops a leading article but never the whole key", () => {
    expect(withoutArticle("die usa")).toBe("usa");
    expect(withoutArticle("der kreml")).toBe("kreml");
    expect(withoutArticle("die")).toBeNull();
    expect(withoutArticle("diese woche")).toBeNull();
  });
});
