import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Analysis, analyze } from "../index.js";

/** Direct quotes made of speech (not partial quotes inside a sentence). */
const speechQuotes = (a: Analysis) =>
  a.quotes.filter(
    (q) =>
      q.type === "direct" && q.quoted.every((id) => a.quoted.find((m) => m.id === id)?.role === "speech"),
  );

/** Each direct quote of speech as "message ← speaker name (mention as written)". */
function who(a: Analysis): string[] {
  return speechQuotes(a).map((q) => {
    const speaker = q.speaker
      ? `${q.speaker.name}${q.speaker.text !== q.speaker.name ? ` (${q.speaker.text})` : ""}`
      : "—";
    return `${q.text} ← ${speaker}`;
  });
}

const roleOf = (a: Analysis, inner: string) =>
  a.quoted.find((q) => a.text.slice(q.inner.start, q.inner.end) === inner)?.role;

describe("direct quotes and their speakers", () => {
  it("«…», sagte X. — speaker after the cue, with role and addressee", () => {
    const a = analyze(
      "Bern erwartet einen kalten Winter.\n\n«Die Lage ist ernst, aber beherrschbar», sagte Bundesrat Martin Keller der Zeitung am Montag.",
    );
    expect(who(a)).toEqual([
      "«Die Lage ist ernst, aber beherrschbar» ← Martin Keller (Bundesrat Martin Keller)",
    ]);
    const q = a.quotes[0];
    expect(q?.cue?.text).toBe("sagte");
    expect(q?.addressee?.text).toBe("der Zeitung");
    expect(q?.speaker?.role).toBe("Bundesrat");
  });

  it("X sagte: «…» — speaker before the colon", () => {
    const a = analyze("Die Ärztin Anna Berger sagte am Abend: «Wir haben die Kapazitäten verdoppelt.»");
    expect(who(a)).toEqual([
      "«Wir haben die Kapazitäten verdoppelt.» ← Anna Berger (Die Ärztin Anna Berger)",
    ]);
    expect(a.quotes[0]?.attribution).toBe("colon");
  });

  it("«…», so X. — and a surname resolves to the full name introduced earlier", () => {
    const a = analyze(
      "Der Sprecher des Verkehrsministeriums, Thomas Brunner, kündigte neue Kontrollen an. «Wir werden das nicht länger hinnehmen», so Brunner weiter.",
    );
    expect(who(a)).toEqual(["«Wir werden das nicht länger hinnehmen» ← Thomas Brunner (Brunner)"]);
    expect(a.quotes[0]?.speaker?.role).toBe("Sprecher des Verkehrsministeriums");
  });

  it("«…», betonte er. — the pronoun resolves to the last compatible person", () => {
    const a = analyze(
      "Die Ministerin Laura Frei traf am Dienstag den Gewerkschaftschef Peter Hofer. «Wir sind uns in vielen Punkten einig», betonte er. «Der Weg ist aber noch weit», sagte sie.",
    );
    expect(who(a)).toEqual([
      "«Wir sind uns in vielen Punkten einig» ← Peter Hofer (er)",
      "«Der Weg ist aber noch weit» ← Laura Frei (sie)",
    ]);
  });

  it("headline style: Name: «…» über …", () => {
    const a = analyze(
      "Hofer: «Keine Kompromisse» bei den Löhnen\n\nDer Gewerkschaftschef Peter Hofer bleibt hart. Er fordert fünf Prozent mehr Lohn.",
    );
    expect(who(a)).toEqual(["«Keine Kompromisse» ← Peter Hofer (Hofer)"]);
    expect(a.quotes[0]?.attribution).toBe("headline");
  });

  it("a quote over several sentences is one quote; a quote without a cue goes to the previous speaker", () => {
    const a = analyze(
      "«Wir sind bereit. Wir warten nur noch auf das Signal», sagte Einsatzleiter Markus Vogel. «Dann geht es sehr schnell.»",
    );
    expect(who(a)).toEqual([
      "«Wir sind bereit. Wir warten nur noch auf das Signal» ← Markus Vogel (Einsatzleiter Markus Vogel)",
      "«Dann geht es sehr schnell.» ← Markus Vogel (Einsatzleiter Markus Vogel)",
    ]);
    expect(a.quotes[1]?.attribution).toBe("continuation");
  });

  it("a quote carried over two paragraphs stays one quote", () => {
    const a = analyze(
      "Die Bürgermeisterin Sabine Roth sagte: «Der Bahnhof wird bis 2030 umgebaut. Die Pläne liegen vor.\n\n«Wir rechnen mit Kosten von 40 Millionen Franken.»",
    );
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0]?.spans).toHaveLength(2);
    expect(a.quotes[0]?.speaker?.name).toBe("Sabine Roth");
  });

  it("an interrupted quote is one quote in two parts", () => {
    const a = analyze("«Wir werden», sagte Keller, «keinen Millimeter nachgeben.»");
    expect(a.quotes).toHaveLength(1);
    expect(a.quotes[0]?.text).toBe("«Wir werden» … «keinen Millimeter nachgeben.»");
  });

  it("«…», hiess es. — speaker from the speech event before, else unattributed", () => {
    const withSource = analyze(
      "Die Polizei teilte am Morgen mit, der Täter sei gefasst. «Es besteht keine Gefahr mehr für die Bevölkerung», hiess es.",
    );
    expect(who(withSource)).toEqual([
      "«Es besteht keine Gefahr mehr für die Bevölkerung» ← Polizei (Die Polizei)",
    ]);
    const direct = speechQuotes(withSource);
    expect(direct[0]?.cue?.text).toBe("hiess");
    expect(direct[0]?.attribution).toBe("context");
    const without = analyze("Am Bahnhof herrschte Chaos. «Niemand wusste, was los war», hiess es.");
    expect(without.quotes).toHaveLength(1);
    expect(without.quotes[0]?.speaker).toBeNull();
    expect(without.quotes[0]?.attribution).toBe("none");
  });

  it("a separated particle belongs to the cue: «…», teilte die Firma mit.", () => {
    const a = analyze("«Die Produktion läuft wieder normal», teilte die Firma am Freitag mit.");
    expect(a.quotes[0]?.cue?.text).toBe("teilte … mit");
    expect(a.quotes[0]?.cue?.lemma).toBe("mitteilen");
  });
});

describe("speaker spans as the annotators draw them", () => {
  it("a role in apposition after a name, closed by a colon or by the verb when the comma is missing", () => {
    const a = analyze(
      "Nach dem Konzert sagte Jan Overbeck, Gründer der Band: «Wir spielen nicht für Geld.» Lena Marquardt, eine Klimaexpertin des Bundesamts erklärte: «Der Bericht ist ein Meilenstein.»",
    );
    expect(speechQuotes(a).map((q) => q.speaker?.text)).toEqual([
      "Jan Overbeck, Gründer der Band",
      "Lena Marquardt, eine Klimaexpertin des Bundesamts",
    ]);
  });

  it("a name in apposition after a role, at the end of the sentence", () => {
    const a = analyze("«Die Gespräche waren offen», sagte der Oberrabbiner der Gemeinde, Daniel Roth.");
    expect(speechQuotes(a)[0]?.speaker?.text).toBe("der Oberrabbiner der Gemeinde, Daniel Roth");
  });

  it("the reflexive of a reflexive cue does not hide the speaker: «…», äußerte sich X", () => {
    const a = analyze(
      "Die Bildungsministerin Karin Vogt (CDU) verteidigt die Gebühren. «Ich halte Studiengebühren für richtig», äußerte sich Vogt gegenüber der Zeitung.",
    );
    expect(who(a)).toEqual(["«Ich halte Studiengebühren für richtig» ← Karin Vogt (Vogt)"]);
  });

  it("X wörtlich: «…» — an adverb between the speaker and the colon", () => {
    const a = analyze(
      "Der Finanzexperte Jürgen Brandl kritisierte den Haushalt scharf. Brandl wörtlich: «Sie ziehen den Bürgern das Geld aus der Tasche.»",
    );
    expect(who(a)).toEqual(["«Sie ziehen den Bürgern das Geld aus der Tasche.» ← Jürgen Brandl (Brandl)"]);
  });

  it("a fragment in the writer's own clause belongs to the actor of that clause", () => {
    const a = analyze(
      "Der Betriebsratschef Bernd Hellwig griff die Kommission an. In dem Verfahren sieht Hellwig einen «Angriff auf die Belegschaft». Die Kommission wies das zurück.",
    );
    const fragment = a.quotes.find((q) => q.text === "«Angriff auf die Belegschaft»");
    expect(fragment?.speaker?.name).toBe("Bernd Hellwig");
    expect(fragment?.attribution).toBe("clause");
  });

  it("but not in reported speech, where the reporter chose the fragment", () => {
    const a = analyze(
      "Die Gewerkschaft kritisierte den Plan. Bisher habe die Regierung eine «zentrale Datei» ausgeschlossen.",
    );
    const fragment = a.quotes.find((q) => q.text === "«zentrale Datei»");
    expect(fragment?.attribution).not.toBe("clause");
  });
});

describe("what quote marks mean", () => {
  it("tells speech, partial quotes, names and scare quotes apart", () => {
    const a = analyze(
      "Die Regierung erklärte, die Lage sei «äusserst angespannt». Die Zeitung «Tages-Kurier» hatte zuerst berichtet. Die «New York Times» schrieb dasselbe. Das Schiff «Seestern» lief aus. Die sogenannte «Reform» sei gescheitert. «Das ist ein schwarzer Tag», sagte der Minister.",
    );
    expect(roleOf(a, "äusserst angespannt")).toBe("partial");
    expect(roleOf(a, "Tages-Kurier")).toBe("name");
    expect(roleOf(a, "New York Times")).toBe("name");
    expect(roleOf(a, "Seestern")).toBe("name");
    expect(roleOf(a, "Reform")).toBe("scare");
    expect(roleOf(a, "Das ist ein schwarzer Tag")).toBe("speech");
    expect(speechQuotes(a)).toHaveLength(1);
  });
});

describe("frames", () => {
  it("the frame is the rest of the cue's sentence around the message", () => {
    const a = analyze(
      "«Die Lage ist ernst», sagte Bundesrat Martin Keller am Montag in Bern. Laut der Polizei ist niemand verletzt worden. Die Ärztin Anna Berger sagte, man sei vorbereitet.",
    );
    expect(a.quotes.map((q) => [q.type, q.frame?.text ?? null])).toEqual([
      ["direct", ", sagte Bundesrat Martin Keller am Montag in Bern"],
      ["indirect", "Laut der Polizei"],
      ["indirect", "Die Ärztin Anna Berger sagte,"],
    ]);
  });

  it("a continuation has no frame of its own", () => {
    const a = analyze("«Wir sind bereit», sagte Vogel. «Dann geht es schnell.»");
    expect(a.quotes[1]?.frame).toBeNull();
  });
});

describe("speaker names and roles", () => {
  const entity = (a: Analysis, name: string) => a.entities.find((e) => e.name === name);

  it("drops academic titles and ages from names and roles", () => {
    const a = analyze(
      "Dessen Direktor, Dr. Thomas Wyss, warnte vor Engpässen. Die 67-jährige Ingrid Moser sagte, sie sei zufrieden. Der Limnologe Prof. Dr. Klaus Reinhardt sprach von einem Rekord.",
    );
    expect(entity(a, "Thomas Wyss")?.role).toBe("Direktor");
    expect(entity(a, "Ingrid Moser")?.role).toBeNull();
    expect(entity(a, "Klaus Reinhardt")?.role).toBe("Limnologe");
  });

  it("keeps a place of the role before an apposed name: «im Stadtrat, Miriam Kessler,»", () => {
    const a = analyze(
      "Die Fraktionsvorsitzende der Grünen im Stadtrat, Miriam Kessler, sagte, die Verwaltung habe versagt.",
    );
    expect(a.quotes[0]?.speaker?.name).toBe("Miriam Kessler");
    expect(entity(a, "Miriam Kessler")?.role).toBe("Fraktionsvorsitzende der Grünen im Stadtrat");
  });

  it("does not take a plural noun before a reporting verb for a person", () => {
    const a = analyze("Umweltverbände fordern seit Jahren, der See müsse besser geschützt werden.");
    expect(entity(a, "Umweltverbände")?.type).not.toBe("PER");
  });
});

describe("names in quote marks", () => {
  it.each([
    [
      "a foreign title",
      "Er arbeitet am «Department of Marine Biology» der Universität.",
      "Department of Marine Biology",
    ],
    [
      "a model name with a number",
      "Ein Flugzeug vom Typ «Cessna 172 Skyhawk» musste notlanden.",
      "Cessna 172 Skyhawk",
    ],
    ["a name given with genannt", "Der Wolf, von Anwohnern «Grauer» genannt, wurde gesichtet.", "Grauer"],
    ["a motto after a colon", "Die Firma (Motto: «Sauber ist sicher») schweigt.", "Sauber ist sicher"],
  ])("%s is a name, not speech", (_what, text, inner) => {
    const a = analyze(text);
    expect(roleOf(a, inner)).toBe("name");
    expect(a.quotes).toEqual([]);
  });

  it("a German phrase in quote marks stays a partial quote", () => {
    const a = analyze("Der Gewerbeverband sprach von einer «Katastrophe mit Ansage».");
    expect(roleOf(a, "Katastrophe mit Ansage")).toBe("partial");
  });
});

const SEED = new URL("../../../shared/examples/nordkorea-munition.txt", import.meta.url);

describe.skipIf(!existsSync(SEED))("the seed article (../shared/examples/nordkorea-munition.txt)", () => {
  if (!existsSync(SEED)) console.warn("skipped: ../shared is absent");
  it("finds the four direct quotes: three by John Kirby, one by North Korea", () => {
    const a = analyze(readFileSync(SEED, "utf8"));
    const direct = speechQuotes(a);
    expect(direct.map((q) => q.speaker?.name ?? null)).toEqual([
      "John Kirby",
      "Nordkorea",
      "John Kirby",
      "John Kirby",
    ]);
    expect(direct[0]?.speaker?.role).toBe("Sprecher des Nationalen Sicherheitsrates der USA");
    expect(roleOf(a, "New York Times")).toBe("name");
    for (const partial of [
      "bedeutende",
      "oberste Priorität",
      "katastrophale Folgen",
      "rein defensiver Natur",
      "schmutzige Bombe",
    ]) {
      expect(roleOf(a, partial), partial).toBe("partial");
    }
    // partial quotes are direct quotes of their own, spoken by the speaker of the speech around them
    const partialBy = (inner: string) =>
      a.quotes.find((q) => q.type === "direct" && q.text === `«${inner}»`)?.speaker?.name ?? null;
    expect(partialBy("oberste Priorität")).toBe("russische Aussenministerium");
    expect(partialBy("katastrophale Folgen")).toBe("russische Aussenministerium");
    expect(partialBy("rein defensiver Natur")).toBe("Russland");
    const indirect = a.quotes.find((q) => q.type === "indirect" && q.text.includes("«oberste Priorität»"));
    expect(indirect?.quoted).toHaveLength(1);
    // every indirect and reported speech act of the article, with its speaker
    const speech = (start: string) =>
      a.quotes.find((q) => q.type !== "direct" && q.text.startsWith(start))?.speaker?.name ?? null;
    expect(speech("die Lieferungen seien so getarnt")).toBe("John Kirby");
    expect(speech("Nordkorea soll")).toBe("USA");
    expect(speech("Den Verlauf des Krieges")).toBe("John Kirby");
    expect(speech("Vorhergehende Gerüchte")).toBe("Nordkorea");
    expect(speech("die Sorgen hätten")).toBe("John Kirby");
    expect(speech("ranghohe russische Militärs")).toBe("New York Times");
    expect(speech("Der russische Präsident Wladimir Putin nahm")).toBe("New York Times");
    // "laut der Zeitung" after the «New York Times» is that newspaper
    expect(speech("Ausserdem gibt es")).toBe("New York Times");
    // the officers' talk is a quote nested in the newspaper's report
    expect(speech("wann und wie taktische Atomwaffen")).toBe("ranghohe russische Militärs");
    expect(speech("Russland könne das")).toBe("Westen");
  });
});

describe("indirect speech (first cut)", () => {
  const indirect = (a: Analysis) =>
    a.quotes
      .filter((q) => q.type !== "direct")
      .map((q) => `${q.type}: ${q.text} ← ${q.speaker?.text ?? "—"} [${q.cue?.text ?? "-"}]`);

  it("a complement clause after the cue, and a subjunctive sentence that continues it", () => {
    const a = analyze(
      "Die Gemeindepräsidentin Ursula Steiner sagte, die Strasse bleibe bis Ende Mai gesperrt. Eine Umleitung sei ausgeschildert.",
    );
    expect(indirect(a)).toEqual([
      "indirect: die Strasse bleibe bis Ende Mai gesperrt ← Die Gemeindepräsidentin Ursula Steiner [sagte]",
      "indirect_free_indirect: Eine Umleitung sei ausgeschildert ← Die Gemeindepräsidentin Ursula Steiner [-]",
    ]);
  });

  it("laut X, X zufolge and nach Angaben X name the source; the message leaves the cue out", () => {
    const a = analyze(
      "Laut der Kantonspolizei wurde niemand verletzt. Der Schaden beträgt der Versicherung zufolge rund 2 Mio. Franken. Nach Angaben des Veranstalters kamen 4000 Besucher.",
    );
    expect(indirect(a)).toEqual([
      "indirect: wurde niemand verletzt ← der Kantonspolizei [Laut]",
      "indirect: Der Schaden beträgt … rund 2 Mio. Franken ← der Versicherung [zufolge]",
      "indirect: kamen 4000 Besucher ← Angaben des Veranstalters [Nach]",
    ]);
  });

  it("nach names a source before a speech noun, also a compound or after an adjective", () => {
    const a = analyze(
      "Nach ersten Polizeiangaben wurde niemand verletzt. Nach Celebis Angaben sei der Mann geflohen.",
    );
    expect(indirect(a)).toEqual([
      "indirect: wurde niemand verletzt ← ersten Polizeiangaben [Nach]",
      "indirect: sei der Mann geflohen ← Celebis Angaben [Nach]",
    ]);
  });

  it("a run of subjunctive sentences after a speech act is one free indirect quote", () => {
    const a = analyze(
      "Der Verbandschef Hubert Primus wies den Vorwurf zurück. In Zeiten knapper Kassen sei die Studie richtig. Die Kassen müssten sparen. Die Sitzung endet um 18 Uhr.",
    );
    const free = a.quotes.filter((q) => q.type === "indirect_free_indirect");
    expect(free.map((q) => q.text)).toEqual([
      "In Zeiten knapper Kassen sei die Studie richtig. Die Kassen müssten sparen",
    ]);
    expect(free[0]?.speaker?.name).toBe("Hubert Primus");
  });

  it("a subjunctive sentence after a direct quote continues its speaker", () => {
    const a = analyze("«Wir sind vorbereitet», sagte die Ministerin Laura Frei. Die Lage sei aber ernst.");
    const free = a.quotes.find((q) => q.type === "indirect_free_indirect");
    expect(free?.text).toBe("Die Lage sei aber ernst");
    expect(free?.speaker?.name).toBe("Laura Frei");
  });

  it("a told speech act without its content is reported speech: the sentence is the message", () => {
    const a = analyze("Die Gewerkschaft Verdi forderte am Montag höhere Löhne für das Pflegepersonal.");
    expect(a.quotes.map((q) => [q.type, q.text, q.speaker?.text, q.cue?.text])).toEqual([
      [
        "reported",
        "Die Gewerkschaft Verdi forderte am Montag höhere Löhne für das Pflegepersonal.",
        "Die Gewerkschaft Verdi",
        "forderte",
      ],
    ]);
  });

  it("a naming participle is not a speech act", () => {
    expect(analyze("Der Wolf, von Anwohnern «Grauer» genannt, wurde gesichtet.").quotes).toEqual([]);
  });

  it("a cue with its speaker after a comma closes the message: «…, berichtet der Independent.»", () => {
    const a = analyze(
      "Die Leichen seien vier Tage lang ausgestellt worden, berichtet der englische Independent.",
    );
    expect(indirect(a)).toEqual([
      "indirect: Die Leichen seien vier Tage lang ausgestellt worden ← der englische Independent [berichtet]",
    ]);
  });

  it("Wie X mitteilte, … : the main clause is the message", () => {
    const a = analyze(
      "Wie der Sportartikelhersteller Adidas am Morgen mitteilte, wird er Reebok übernehmen.",
    );
    expect(indirect(a)).toEqual([
      "indirect: wird er Reebok übernehmen ← der Sportartikelhersteller Adidas [mitteilte]",
    ]);
  });

  it("an infinitive with zu after a reporting verb is its content", () => {
    const a = analyze(
      "Der Vertreter Libyens rief die Armee auf, ihr eigenes Volk zu unterstützen. Die Firma beschloss, die Beleuchtung abzuschalten.",
    );
    expect(indirect(a).map((q) => q.split(" ←")[0])).toEqual([
      "indirect: ihr eigenes Volk zu unterstützen",
      "indirect: die Beleuchtung abzuschalten",
    ]);
  });

  it("demnach attributes a sentence to the source named before it", () => {
    const a = analyze(
      "Die Zeitung «Tages-Kurier» hatte berichtet, der Rat habe geheim getagt. Der Präsident nahm demnach nicht teil.",
    );
    const q = a.quotes.find((x) => x.cue?.text === "demnach");
    expect(q?.text).toBe("Der Präsident nahm … nicht teil");
    expect(q?.speaker?.text).toBe("Die Zeitung «Tages-Kurier»");
  });

  it("a speech noun with its content is the source: «Behauptungen …, die Ukraine wolle …»", () => {
    const a = analyze("Die Sorge wurde durch russische Behauptungen geschürt, die Ukraine wolle angreifen.");
    expect(indirect(a)).toEqual([
      "indirect: die Ukraine wolle angreifen ← russische Behauptungen [Behauptungen]",
    ]);
  });

  it("a denial is reported speech with the one who denies as speaker", () => {
    const a = analyze("Die Gerüchte über einen Waffenhandel hatte Pjöngjang zurückgewiesen.");
    expect(a.quotes.map((q) => [q.type, q.speaker?.name, q.cue?.lemma])).toEqual([
      ["reported", "Nordkorea", "zurückweisen"],
    ]);
  });

  it("nach before a place or a time is no source", () => {
    const a = analyze("Nach dem Spiel fuhren die Fans nach Basel. Die Polizei war vor Ort.");
    expect(a.quotes).toEqual([]);
  });
});

describe("messages around a cue that follows them", () => {
  it("«…, wie X mitteilte»: the clause before the wie-clause is the message", () => {
    const a = analyze("Das Werk in Kassel wird Ende Jahr geschlossen, wie die Firma am Montag mitteilte.");
    const q = a.quotes.find((x) => x.type === "indirect");
    expect(q?.text).toBe("Das Werk in Kassel wird Ende Jahr geschlossen");
    expect(q?.speaker?.text).toBe("die Firma");
  });

  it("«Dies bestätigte X»: the sentence before, with the demonstrative, is the message", () => {
    const a = analyze(
      "Die Grünen treten bei der Wahl in Bremen nicht an. Dies bestätigte die Landesvorsitzende Petra Lenz am Abend.",
    );
    const q = a.quotes.find((x) => x.type === "indirect");
    expect(q?.text).toBe("Die Grünen treten bei der Wahl in Bremen nicht an. Dies");
    expect(q?.speaker?.name).toBe("Petra Lenz");
  });

  it("«Seiner Meinung nach»: nach after its source noun, but not «die Frage nach»", () => {
    const a = analyze(
      "Seiner Meinung nach hätte die Aufsicht von einer Landung abraten müssen. Für viele stellt sich die Frage nach ihrer Kompetenz.",
    );
    expect(a.quotes.map((q) => `${q.text} ← ${q.speaker?.text}`)).toEqual([
      "hätte die Aufsicht von einer Landung abraten müssen ← Seiner Meinung",
    ]);
  });
});

describe("nested speech", () => {
  it("a speech event reported inside another's message is a quote of its own", () => {
    const a = analyze(
      "Die Zeitung «Tages-Kurier» berichtete, die Generäle hätten darüber gesprochen, wann die Truppen abgezogen werden könnten.",
    );
    expect(a.quotes.map((q) => `${q.text} ← ${q.speaker?.text}`)).toEqual([
      "die Generäle hätten darüber gesprochen, wann die Truppen abgezogen werden könnten ← Die Zeitung «Tages-Kurier»",
      "wann die Truppen abgezogen werden könnten ← die Generäle",
    ]);
  });

  it("but a speaker's own thoughts inside their message stay one quote", () => {
    const a = analyze(
      "Der Sprecher erklärte, er gehe nicht davon aus, dass jemand den Absturz überlebt habe.",
    );
    expect(a.quotes).toHaveLength(1);
  });
});

describe("impersonal cues with a named document or place", () => {
  it("«…», heißt es in der Erklärung / Aus Paris hieß es / In dem Antrag heißt es:", () => {
    const a = analyze(
      "«Wir bitten um Verständnis», heißt es in einer gestern verbreiteten Erklärung. Aus Paris hieß es, das Vorgehen sei eine schwere Verletzung des Abkommens. In dem Antrag heißt es wörtlich: «Die Aufhebung ist ein Beitrag zum Frieden.» Es hieß, der Minister trete zurück.",
    );
    expect(a.quotes.map((q) => q.speaker?.text ?? "—")).toEqual([
      "einer gestern verbreiteten Erklärung",
      "Paris",
      "dem Antrag",
      "—",
    ]);
  });
});
