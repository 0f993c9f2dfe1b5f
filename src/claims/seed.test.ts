/**
 * The acceptance example: the shared seed article (read by path, never copied into the
 * repository). Skips, with a warning, where ../shared is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Analysis, AnalysisClaim } from "../analysis.js";
import { analyze } from "../analyze.js";

const shared = process.env.LAUT_SHARED ?? resolve(new URL("../../../shared", import.meta.url).pathname);
const SEED = join(shared, "examples", "nordkorea-munition.txt");
const present = existsSync(SEED);
if (!present) console.warn(`skipping the seed-article claim tests: ${SEED} is absent (set LAUT_SHARED)`);

describe.skipIf(!present)("claims on the seed article (nordkorea-munition.txt)", () => {
  const a = present ? analyze(readFileSync(SEED, "utf8")) : ({} as Analysis);
  const claims = a.claims ?? [];
  const byText = (words: string): AnalysisClaim => {
    // the innermost claim with these words: a report holds the claims it reports
    const found = claims.filter((c) => c.text.includes(words)).sort((x, y) => x.text.length - y.text.length);
    expect(found.length, `a claim with "${words}"`).toBeGreaterThan(0);
    return found[0] as AnalysisClaim;
  };
  const entityName = (id: string | undefined) => a.entities.find((e) => e.id === id)?.name;

  it("holds the ammunition claim for the USA, hearsay or attributed, about North Korea and Russia", () => {
    const ammunition = byText("Artilleriegeschosse an Russland verkauft");
    expect(ammunition.holder.wikidata).toBe("Q30");
    expect(["hearsay", "attributed"]).toContain(ammunition.status);
    expect(ammunition.actors.map((x) => x.wikidata)).toEqual(expect.arrayContaining(["Q423", "Q159"]));
    expect(ammunition.predicate?.family).toBe("supply_arms");
    // Kirby, the USA's spokesman, is the one quoted on the deliveries
    const kirby = byText("Lieferungen seien so getarnt");
    expect(kirby.holder.name).toBe("John Kirby");
  });

  it("links the ammunition claim to North Korea's denial", () => {
    const ammunition = byText("Artilleriegeschosse an Russland verkauft");
    const denial = byText("niemals Waffen oder Munition an Russland exportiert");
    expect(denial.status).toBe("denied");
    expect(denial.polarity).toBe("negative");
    expect(denial.holder.wikidata).toBe("Q423");
    const link = (a.claimLinks ?? []).find((l) => l.a === ammunition.id && l.b === denial.id);
    expect(link?.relation).toBe("denies");
    expect(link?.evidence.denier).toBe("b");
    expect(link?.evidence.actors).toEqual(expect.arrayContaining(["Q423", "Q159"]));
  });

  it("nests what the officers discussed inside the New York Times report", () => {
    const inner = byText("taktische Atomwaffen in der Ukraine eingesetzt werden");
    expect(inner.chain.map((p) => p.kind)).toEqual(["outlet", "entity", "entity"]);
    expect(entityName(inner.chain[1]?.entity)).toBe("New York Times");
    expect(inner.holder.name).toBe("ranghohe russische Militärs");
    const outer = claims.find((c) => c.id === inner.parent);
    expect(outer?.holder.name).toBe("New York Times");
  });

  it("gives the dirty-bomb claim to Russia and the West's fear the status feared", () => {
    const bomb = byText("schmutzige Bombe");
    expect(bomb.holder.wikidata).toBe("Q159");
    const fear = byText("als Vorwand nutzen");
    expect(fear.status).toBe("feared");
    expect(fear.holder.name).toBe("Westen");
  });
});
