import { describe, expect, it } from "vitest";
import { buildView, viewEnd, viewStart } from "./view.js";

describe("buildView", () => {
  it("returns the text itself and no map when nothing needs normalising", () => {
    const text = "Der Bundesrat tagt am 3. Oktober in Bern. «Wir sind bereit», sagte sie.\nNeuer Absatz.";
    const view = buildView(text);
    expect(view.text).toBe(text);
    expect(view.toText).toBeNull();
  });

  it.each([
    ["no-break space", "3\u00a0%", "3 %"],
    ["narrow no-break space", "10\u202f000 Franken", "10 000 Franken"],
    ["thin and ideographic spaces", "a\u2009b\u3000c", "a b c"],
    ["soft hyphen", "Bundes\u00adtag", "Bundestag"],
    ["zero-width space, joiner, non-joiner", "a\u200bb\u200cc\u200dd", "abcd"],
    ["byte-order mark", "\ufeffDie Meldung", "Die Meldung"],
    ["CRLF", "Zeile eins\r\nZeile zwei", "Zeile eins\nZeile zwei"],
    ["lone CR", "Zeile eins\rZeile zwei", "Zeile eins\nZeile zwei"],
    ["line separator", "eins\u2028zwei", "eins\nzwei"],
  ])("normalises %s", (_name, text, expected) => {
    const view = buildView(text);
    expect(view.text).toBe(expected);
    expect(view.toText).not.toBeNull();
    expect(view.toText?.length).toBe(expected.length + 1);
    expect(view.toText?.[expected.length]).toBe(text.length);
  });

  it("maps every kept character back to the same character", () => {
    const text = "\ufeffDie\u00a0Bundes\u00adregierung\r\nsagt:\u200b «Nein»\r\n";
    const view = buildView(text);
    const map = view.toText;
    expect(map).not.toBeNull();
    for (let i = 0; i < view.text.length; i++) {
      const original = text[map?.[i] ?? -1];
      const seen = view.text[i];
      if (seen === " " || seen === "\n") expect(original).toMatch(/\s/);
      else expect(original).toBe(seen);
    }
    for (let i = 1; i < view.text.length; i++) expect(map?.[i]).toBeGreaterThan(map?.[i - 1] ?? -1);
  });

  it("maps span ends past the last character, not past dropped characters after it", () => {
    const text = "Wort\u200b und\r\nmehr";
    const view = buildView(text);
    expect(view.text).toBe("Wort und\nmehr");
    expect(text.slice(viewStart(view, 0), viewEnd(view, 4))).toBe("Wort");
    expect(text.slice(viewStart(view, 5), viewEnd(view, 8))).toBe("und");
    // after a line break the end skips the whole "\r\n"
    expect(viewEnd(view, 9)).toBe(text.indexOf("mehr"));
  });

  it("builds a map exactly when some character changes (the fast check and the rewrite agree)", () => {
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `a${String.fromCharCode(c)}b`;
      const view = buildView(text);
      if ((view.toText !== null) !== (view.text !== text)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it("leaves offsets alone when there is no map", () => {
    const view = buildView("Kein Sonderzeichen");
    expect(viewStart(view, 5)).toBe(5);
    expect(viewEnd(view, 18)).toBe(18);
  });
});
