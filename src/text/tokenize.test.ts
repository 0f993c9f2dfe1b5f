import { describe, expect, it } from "vitest";
import { TokenKind } from "../doc.js";
import { tokenize, tokenTexts } from "./tokenize.js";

const texts = (text: string) => tokenTexts(text, tokenize(text));

/** Kind of the first token whose text is `token`. */
function kindOf(text: string, token: string): TokenKind | undefined {
  const tokens = tokenize(text);
  const i = tokenTexts(text, tokens).indexOf(token);
  return i < 0 ? undefined : (tokens.kinds[i] as TokenKind);
}

describe("tokenize: words", () => {
  it.each([
    [
      "Der CDU-Chef reist nach Baden-Württemberg.",
      ["Der", "CDU-Chef", "reist", "nach", "Baden-Württemberg", "."],
    ],
    ["Die Rakete Shenzhou-7 startete.", ["Die", "Rakete", "Shenzhou-7", "startete", "."]],
    [
      "Der US-Präsident lobt Ende-zu-Ende-Verschlüsselung",
      ["Der", "US-Präsident", "lobt", "Ende-zu-Ende-Verschlüsselung"],
    ],
    ["Die Ein- und Ausreise bleibt verboten.", ["Die", "Ein-", "und", "Ausreise", "bleibt", "verboten", "."]],
    ["Bundes-, Landes- und Gemeindeebene", ["Bundes-", ",", "Landes-", "und", "Gemeindeebene"]],
    ["Die 7-Tage-Inzidenz und die 2G-Regel", ["Die", "7-Tage-Inzidenz", "und", "die", "2G-Regel"]],
    [
      "Die Lehrer:innen und Bürger*innen protestieren",
      ["Die", "Lehrer:innen", "und", "Bürger*innen", "protestieren"],
    ],
    ["Ort: Zürich", ["Ort", ":", "Zürich"]],
    ["und/oder", ["und", "/", "oder"]],
  ])("%s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it.each([
    ["Jetzt geht's los.", ["Jetzt", "geht", "'s", "los", "."]],
    ["Das gibt’s nicht!", ["Das", "gibt", "’s", "nicht", "!"]],
    ["Wie geht’s weiter?", ["Wie", "geht", "’s", "weiter", "?"]],
    ["Tip O'Neill sprach am Ku'damm.", ["Tip", "O'Neill", "sprach", "am", "Ku'damm", "."]],
  ])("clitics: %s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("gives a clitic its own Word token and an inner apostrophe no QuoteMark", () => {
    expect(kindOf("Jetzt geht's los.", "'s")).toBe(TokenKind.Word);
    expect(kindOf("Tip O'Neill sprach.", "O'Neill")).toBe(TokenKind.Word);
  });
});

describe("tokenize: numbers", () => {
  it.each([
    ["Das Wachstum lag bei 3,5 Prozent.", "3,5"],
    ["Es waren 1.000.000 Menschen.", "1.000.000"],
    ["Die Wahl findet am 24.11.2026 statt.", "24.11.2026"],
    ["Beginn ist um 14.30 Uhr.", "14.30"],
    ["Beginn ist um 14:30 Uhr.", "14:30"],
    ["Der Bund zahlt 10'000 Franken.", "10'000"],
    ["Der Bund zahlt 1’500’000 Franken.", "1’500’000"],
    ["Die Saison 2020/21 endete früh.", "2020/21"],
  ])("%s -> %s", (text, number) => {
    expect(texts(text)).toContain(number);
    expect(kindOf(text, number)).toBe(TokenKind.Number);
  });

  it("splits a percentage into number and symbol", () => {
    expect(texts("Die Zustimmung sank auf 48% im Mai.")).toEqual([
      "Die",
      "Zustimmung",
      "sank",
      "auf",
      "48",
      "%",
      "im",
      "Mai",
      ".",
    ]);
    expect(kindOf("auf 48 %", "%")).toBe(TokenKind.Symbol);
  });

  it.each([
    ["Die Feier findet am 3. Oktober statt.", "3."],
    ["Das geschah im 19. Jahrhundert.", "19."],
    ["Der 2. Weltkrieg endete 1945.", "2."],
    ["Der Club spielt in der 3. Liga.", "3."],
    ["Der 1. FC Köln verlor.", "1."],
    ["Am 3. und 4. Mai bleibt alles zu.", "3."],
    ["Das ist die 3. große Welle.", "3."],
    ["Die 82. Luftlandedivision rückt aus.", "82."],
    ["Die Sitzung vom 24.11. wurde vertagt.", "24.11."],
    ["Papst Benedikt XVI. sagte dazu nichts.", "XVI."],
  ])("ordinal: %s -> %s", (text, ordinal) => {
    expect(texts(text)).toContain(ordinal);
    expect(kindOf(text, ordinal)).toBe(TokenKind.Number);
  });

  it.each([
    ["Die Zahl der Toten stieg auf 3. Danach kam die Entwarnung.", "3"],
    ["Die Inzidenz lag 2021 bei 35. Heute ist sie höher.", "35"],
    ["Die Frist lief am 24.11.2026. Dann kam das Urteil.", "24.11.2026"],
  ])("a period after a number before a new sentence stays Punct: %s", (text, number) => {
    const tokens = texts(text);
    const i = tokens.indexOf(number);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(tokens[i + 1]).toBe(".");
  });
});

describe("tokenize: abbreviations and initials", () => {
  it.each([
    ["Dr. Anna Meier widerspricht.", "Dr."],
    ["Prof. Drosten warnt.", "Prof."],
    ["Der Vertrag bzw. die Vereinbarung", "bzw."],
    ["Es geht um Nr. 5 der Liste.", "Nr."],
    ["Die Kosten: 3,5 Mio. Euro", "Mio."],
    ["Die Kosten: 2 Mrd. Franken", "Mrd."],
    ["Der Kanton St. Gallen klagt.", "St."],
    ["Nach Abs. 2 ist das verboten.", "Abs."],
    ["Es gibt z.B. Ausnahmen.", "z.B."],
    ["Das heisst d.h. nichts.", "d.h."],
    ["John F. Kennedy wurde 1963 ermordet.", "F."],
    ["Ca. 300 Menschen kamen.", "Ca."],
    ["Die Kosten trägt die Firma usw. Die Regierung schweigt.", "usw."],
    ["Nach Art. 5 GG ist das erlaubt.", "Art."],
  ])("%s -> %s", (text, abbreviation) => {
    expect(texts(text)).toContain(abbreviation);
    expect(kindOf(text, abbreviation)).toBe(TokenKind.Abbreviation);
  });

  it.each([
    ["Es gibt z. B. Ausnahmen.", ["z.", "B."]],
    ["Betroffen sind u. a. Schulen.", ["u.", "a."]],
  ])("spaced abbreviations are two tokens: %s", (text, parts) => {
    const tokens = texts(text);
    const i = tokens.indexOf(parts[0] as string);
    expect(tokens.slice(i, i + 2)).toEqual(parts);
    expect(kindOf(text, parts[1] as string)).toBe(TokenKind.Abbreviation);
  });

  it("keeps a number-only abbreviation a word when no number follows", () => {
    expect(texts("Verletzungen dieser Art. Die Polizei ermittelt.").slice(0, 4)).toEqual([
      "Verletzungen",
      "dieser",
      "Art",
      ".",
    ]);
  });

  it("does not take a sentence-final word for an abbreviation", () => {
    expect(texts("Das Parlament tagte lange. Dann kam die Abstimmung.")).toContain("lange");
  });
});

describe("tokenize: URLs, addresses, handles", () => {
  it.each([
    ["Mehr unter https://www.srf.ch/news/schweiz?id=4711.", "https://www.srf.ch/news/schweiz?id=4711"],
    ["Siehe www.admin.ch/gov/de/start.html, dort steht es.", "www.admin.ch/gov/de/start.html"],
    ["Schreiben Sie an redaktion@example.ch.", "redaktion@example.ch"],
    ["Kontakt:max.muster@beispiel-verlag.de", "max.muster@beispiel-verlag.de"],
    ["Laut zeit.de ist das falsch.", "zeit.de"],
    ["Gekürzt: https://www.srf.ch/news/lang…", "https://www.srf.ch/news/lang"],
    ["(Quelle: https://orf.at/stories/3300000/)", "https://orf.at/stories/3300000/"],
    [
      "Der Link (https://de.wikipedia.org/wiki/Bern_(Stadt)) fehlt.",
      "https://de.wikipedia.org/wiki/Bern_(Stadt)",
    ],
  ])("%s -> %s", (text, url) => {
    expect(texts(text)).toContain(url);
    expect(kindOf(text, url)).toBe(TokenKind.Url);
  });

  it.each([
    ["Unter #MeToo und @BR24 lief die Debatte.", ["#MeToo", "@BR24"]],
    ["Der Account @srf_news schrieb.", ["@srf_news"]],
  ])("hashtags and handles: %s", (text, expected) => {
    const tokens = texts(text);
    for (const e of expected) expect(tokens).toContain(e);
  });
});

describe("tokenize: punctuation and quote marks", () => {
  it.each([
    ["«Ja», sagte sie.", ["«", "Ja", "»", ",", "sagte", "sie", "."]],
    ["„Nein“, sagte er.", ["„", "Nein", "“", ",", "sagte", "er", "."]],
    ["»Gut«, hiess es.", ["»", "Gut", "«", ",", "hiess", "es", "."]],
    ["‹Frieden› und ‚Krieg‘", ["‹", "Frieden", "›", "und", "‚", "Krieg", "‘"]],
    ['"So nicht", sagte er.', ['"', "So", "nicht", '"', ",", "sagte", "er", "."]],
    ["'So' nicht.", ["'", "So", "'", "nicht", "."]],
  ])("%s", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("makes every quote mark a QuoteMark token", () => {
    const text = "«a» ‹b› „c“ ‚d‘ “e” \"f\" 'g'";
    const tokens = tokenize(text);
    const marks = tokenTexts(text, tokens).filter((_, i) => tokens.kinds[i] === TokenKind.QuoteMark);
    expect(marks.join("")).toBe("«»‹›„“‚‘“”\"\"''");
  });

  it.each([
    ["Und dann... nichts.", "..."],
    ["Und dann… nichts.", "…"],
    ["Wirklich?! Ja.", "?!"],
  ])("runs of sentence punctuation are one Punct: %s", (text, punct) => {
    expect(texts(text)).toContain(punct);
    expect(kindOf(text, punct)).toBe(TokenKind.Punct);
  });

  it.each([
    ["Bern – Der Bundesrat", "–"],
    ["Wien — Die Regierung", "—"],
    ["Berlin - Die Polizei", "-"],
  ])("dashes are Punct: %s", (text, dash) => {
    expect(kindOf(text, dash)).toBe(TokenKind.Punct);
  });

  it.each([
    ["5 € mehr", "€"],
    ["$ 3 weniger", "$"],
    ["nach § 5 StGB", "§"],
    ["plus 4 %", "%"],
  ])("symbols: %s", (text, symbol) => {
    expect(kindOf(text, symbol)).toBe(TokenKind.Symbol);
  });
});

describe("tokenize: hostile input stays linear", () => {
  it.each([
    ["dotted letters", "a.".repeat(50_000)],
    ["at signs", "a@".repeat(50_000)],
    ["hyphens", "a-".repeat(50_000)],
    ["apostrophes", "a'".repeat(50_000)],
    ["digits and periods", "1.".repeat(50_000)],
    ["one long word", "x".repeat(100_000)],
    ["one long URL", `https://${"a".repeat(100_000)}`],
  ])("%s", (_name, text) => {
    const started = performance.now();
    const tokens = tokenize(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tokens.length).toBeGreaterThan(0);
  });
});
