import { describe, expect, it } from "vitest";
import type { Analysis, AnalysisClaim } from "../analysis.js";
import { analyze } from "../analyze.js";
import { linkClaims } from "../index.js";
import { relate } from "./link.js";

/** The innermost claim whose text holds `words`. */
function claim(a: Analysis, words: string): AnalysisClaim {
  const found = (a.claims ?? [])
    .filter((c) => c.text.includes(words))
    .sort((x, y) => x.text.length - y.text.length)[0];
  if (!found) throw new Error(`no claim with "${words}" in ${JSON.stringify(a.claims?.map((c) => c.text))}`);
  return found;
}

describe("epistemic status", () => {
  it.each([
    ["Russland hat am Montag mehrere Kraftwerke in der Ukraine angegriffen.", "Kraftwerke", "asserted"],
    ["Der Minister sagte, Deutschland werde weitere Panzer an die Ukraine liefern.", "Panzer", "attributed"],
    ["Nordkorea soll Granaten an Russland verkauft haben.", "Granaten", "hearsay"],
    ["Laut der Polizei wurden drei Menschen verletzt.", "drei Menschen", "hearsay"],
    ["Den Behörden zufolge brach das Feuer im Keller aus.", "Feuer", "hearsay"],
    ["Moskau bestritt, Waffen aus dem Iran gekauft zu haben.", "Waffen aus dem Iran", "denied"],
    ["Das Ministerium dementierte den Bericht am Dienstag.", "Bericht", "denied"],
    ["«Wir haben niemals Waffen an Russland geliefert», sagte der Sprecher.", "niemals Waffen", "denied"],
    ["Die Anwohner befürchten, dass das Wasser verseucht ist.", "Wasser", "feared"],
    ["Experten sagten, der Konflikt könnte sich ausweiten.", "Konflikt", "speculated"],
    ["Die Opposition fragte, ob die Regierung informiert war.", "informiert", "questioned"],
    ["Der Ökonom bezweifelte, dass die Massnahmen wirken.", "Massnahmen", "questioned"],
  ])("%s -> %s", (text, words, status) => {
    expect(claim(analyze(text), words).status).toBe(status);
  });

  it("keeps hearsay apart from doubt: «soll» reports, it does not question", () => {
    const a = analyze("Der Bürgermeister soll Geld von einem Bauunternehmer angenommen haben.");
    const c = claim(a, "Geld");
    expect(c.status).toBe("hearsay");
    expect(c.holder.kind).toBe("unnamed");
  });

  it("does not take a first-person promise for a denial", () => {
    const a = analyze("«Wir werden nicht nachgeben», sagte die Gewerkschafterin.");
    expect(claim(a, "nachgeben").status).toBe("attributed");
  });

  it("leaves background sentences without a stated act unclaimed", () => {
    const a = analyze("Die Sonne schien am Dienstag über Zürich.");
    expect(a.claims).toEqual([]);
  });
});

describe("polarity", () => {
  it.each([
    ["Der Sprecher sagte, Belarus habe keine Truppen an die Grenze verlegt.", "Truppen", "negative"],
    ["Die Ministerin sagte, die Krise treffe nicht nur Bauern, sondern auch Händler.", "Krise", "positive"],
    ["Der Minister sagte, Berlin werde niemals Kampfjets liefern.", "Kampfjets", "negative"],
    ["Der Minister sagte, Berlin werde Kampfjets liefern.", "Kampfjets", "positive"],
  ])("%s -> %s", (text, words, polarity) => {
    expect(claim(analyze(text), words).polarity).toBe(polarity);
  });
});

describe("holders and chains", () => {
  it("nests a reported source inside the report and keeps the chain outlet first", () => {
    const a = analyze(
      "Die «Süddeutsche Zeitung» berichtete, Diplomaten hätten erklärt, der Iran liefere Raketen an Russland.",
    );
    const inner = claim(a, "der Iran liefere Raketen");
    expect(inner.holder.name).toBe("Diplomaten");
    expect(inner.chain.map((p) => p.kind)).toEqual(["outlet", "entity", "entity"]);
    expect(inner.chain[1]?.name).toBe("Süddeutsche Zeitung");
    expect(inner.parent).toBe(claim(a, "Diplomaten hätten erklärt").id);
    expect(inner.actors.map((x) => x.wikidata)).toEqual(["Q794", "Q159"]);
  });

  it("gives the outlet's own assertion to the outlet", () => {
    const c = claim(
      analyze("Russland hat am Montag mehrere Kraftwerke in der Ukraine angegriffen."),
      "Kraftwerke",
    );
    expect(c.holder).toEqual({ kind: "outlet", name: "", wikidata: null });
    expect(c.chain).toHaveLength(1);
    expect(c.quote).toBeNull();
  });

  it("reads a headline's source before the colon", () => {
    const a = analyze(
      "Kiew: Iran liefert weiter Drohnen an Russland\n\nDie Angriffe gingen am Montag weiter.",
    );
    const c = claim(a, "Iran liefert");
    expect(c.holder.wikidata).toBe("Q212");
    expect(c.status).toBe("hearsay");
  });

  it("gives a speech noun's claim to the state its demonym names", () => {
    const a = analyze(
      "Die Spannungen wurden durch russische Behauptungen verschärft, die Ukraine wolle eine Bombe bauen.",
    );
    expect(claim(a, "die Ukraine wolle").holder.wikidata).toBe("Q159");
  });

  it("reads a body named by its seat as the state", () => {
    const a = analyze(
      "Die Regierung in Kiew hat dem Iran vorgeworfen, Drohnen an Russland geliefert zu haben.",
    );
    const c = claim(a, "Drohnen an Russland");
    expect(c.holder.wikidata).toBe("Q212");
    // the one accused in the frame is what the claim is about
    expect(c.actors.map((x) => x.wikidata)).toEqual(["Q794", "Q159"]);
  });

  it("finds demonyms among the actors", () => {
    const a = analyze("Der Sprecher sagte, nordkoreanische Soldaten seien an der Front eingesetzt worden.");
    expect(claim(a, "Soldaten").actors.map((x) => x.wikidata)).toContain("Q423");
  });
});

describe("links within an article", () => {
  const a = analyze(
    [
      "Die USA haben Nordkorea vorgeworfen, Artilleriegranaten an Russland verkauft zu haben.",
      "«Wir haben niemals Waffen an Russland exportiert», hiess es aus Pjöngjang.",
      "Ein Sprecher des Pentagons sagte, die Granaten würden an der Front eingesetzt.",
    ].join(" "),
  );

  it("links the accusation to the first-person denial with its evidence", () => {
    const accusation = claim(a, "Artilleriegranaten");
    const denial = claim(a, "niemals Waffen");
    expect(denial.status).toBe("denied");
    const link = a.claimLinks?.find((l) => l.a === accusation.id && l.b === denial.id);
    expect(link).toMatchObject({
      relation: "denies",
      evidence: { family: "supply_arms", denier: "b", denialAct: true },
    });
    expect(link?.evidence.actors).toContain("Q159");
    expect(link?.score).toBeGreaterThan(0.5);
    expect(link?.score).toBeLessThanOrEqual(1);
  });

  it("links a denial that only points back at the accusation", () => {
    const b = analyze(
      "Armenien warf Aserbaidschan vor, Grenzposten mit Drohnen angegriffen zu haben. Baku wies die Vorwürfe zurück.",
    );
    const link = b.claimLinks?.find((l) => l.b === claim(b, "die Vorwürfe").id);
    expect(link?.a).toBe(claim(b, "Grenzposten").id);
    expect(link?.evidence.actors).toEqual(["Q227"]);
  });

  it("does not link claims about different acts or different actors", () => {
    const b = analyze(
      "Der Minister sagte, Deutschland werde Panzer an die Ukraine liefern. Der Kreml bestritt, Kiew angegriffen zu haben.",
    );
    expect(b.claimLinks).toEqual([]);
  });
});

describe("links across articles", () => {
  const first = analyze("Der Aussenminister sagte, der Iran habe Russland Hunderte Drohnen geliefert.");
  const second = analyze("Teheran bestritt am Mittwoch, Drohnen an Russland geliefert zu haben.");
  const unrelated = analyze("Die Bauern sagten, die Regierung habe die Subventionen gekürzt.");

  it("pairs a claim with its denial in another article", () => {
    const links = linkClaims(first.claims ?? [], second.claims ?? []);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ a: "c1", b: "c1", relation: "denies", evidence: { denier: "b" } });
    expect(links[0]?.evidence.actors.sort()).toEqual(["Q159", "Q794"]);
  });

  it("finds nothing between unrelated articles", () => {
    expect(linkClaims(first.claims ?? [], unrelated.claims ?? [])).toEqual([]);
  });

  it("confirms only between different sources stating the act", () => {
    const view = {
      family: "supply_arms",
      actors: ["Q423", "Q159"],
      polarity: "positive" as const,
      verbal: true,
    };
    expect(
      relate(
        { ...view, status: "attributed", holder: "Q30" },
        { ...view, status: "hearsay", holder: "Q884" },
      ),
    ).toMatchObject({ relation: "confirms", evidence: { denier: null } });
    expect(
      relate(
        { ...view, status: "attributed", holder: "Q30" },
        { ...view, status: "attributed", holder: "Q30" },
      ),
    ).toBeNull();
    expect(
      relate({ ...view, status: "feared", holder: "Q30" }, { ...view, status: "attributed", holder: "Q884" }),
    ).toBeNull();
  });
});

describe("events", () => {
  const types = (text: string) => (analyze(text).events ?? []).map((e) => e.type);

  it("reads accusation, denial and the reported delivery", () => {
    const a = analyze(
      "Die USA haben Nordkorea vorgeworfen, Artilleriegranaten an Russland verkauft zu haben.",
    );
    const accuse = a.events?.find((e) => e.type === "accuse");
    expect(accuse?.actor?.wikidata).toBe("Q30");
    expect(accuse?.targets.map((t) => t.wikidata)).toContain("Q423");
    const supply = a.events?.find((e) => e.type === "supply_arms");
    expect(supply?.actor?.wikidata).toBe("Q423");
    expect(supply?.targets.map((t) => t.wikidata)).toEqual(["Q159"]);
    expect(supply?.status).toBe("attributed");
    expect(supply?.trigger.text).toBe("verkauft");
  });

  it.each([
    ["Moskau bestritt, Waffen aus dem Iran gekauft zu haben.", "deny"],
    ["Die Gewerkschaft forderte, die Löhne müssten steigen.", "demand"],
    ["Die Anwohner befürchten, dass das Wasser verseucht ist.", "express_concern"],
    ["Peking drohte, Taiwan werde einen hohen Preis bezahlen.", "threaten"],
    ["Russland hat am Montag mehrere Kraftwerke in der Ukraine angegriffen.", "attack"],
  ])("%s -> %s", (text, type) => {
    expect(types(text)).toContain(type);
  });

  it("keeps a denied delivery negative", () => {
    const a = analyze("«Wir haben niemals Waffen an Russland geliefert», sagte der Sprecher.");
    const supply = a.events?.find((e) => e.type === "supply_arms");
    expect(supply).toMatchObject({ polarity: "negative", status: "denied" });
  });
});
