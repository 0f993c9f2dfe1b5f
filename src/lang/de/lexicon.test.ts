import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { lexKey, readDataFile, readLines, readTsv } from "./data.js";
import {
  CUE_CATEGORIES,
  CUE_KINDS,
  firstNameGender,
  isMediaName,
  isSeparableParticleOf,
  lookupCuePhrase,
  lookupCueWord,
  lookupMetonym,
  lookupMetonymPhrase,
  lookupNameContext,
  lookupPronoun,
  lookupReportingVerb,
  lookupRole,
  lookupSpeechNoun,
  MEDIA,
  NAME_CONTEXT_KINDS,
  reportingVerbs,
  VERB_CATEGORIES,
} from "./lexicon.js";

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];
const lemmas = (token: string): string[] => (lookupReportingVerb(token) ?? []).map((e) => e.lemma);

const DATA_FILES = [
  "reporting-verbs.tsv",
  "cue-words.tsv",
  "speech-nouns.tsv",
  "roles.tsv",
  "role-suffixes.tsv",
  "first-names.tsv",
  "pronouns.tsv",
  "metonyms.tsv",
  "name-contexts.tsv",
  "media-names.txt",
];

describe("reporting verbs", () => {
  it("finds the cue verbs of a Swiss news paragraph and nothing else", () => {
    const text =
      "Die Regierung in Pjöngjang wies die Vorwürfe am Montag zurück. «Das ist eine Lüge», hiess es " +
      "in einer Erklärung, die die staatliche Nachrichtenagentur KCNA verbreitete. Wie das " +
      "Gesundheitsministerium mitteilte, seien keine Fälle bekannt. Regierungssprecherin Christiane " +
      "Hoffmann äusserte sich nicht.";
    const found = words(text)
      .filter((w) => lookupReportingVerb(w) !== undefined)
      .map((w) => `${w}:${lemmas(w).join("/")}`);
    expect(found).toEqual([
      "wies:hinweisen/zurückweisen",
      "hiess:heißen",
      "mitteilte:mitteilen",
      "äusserte:äußern",
    ]);
  });

  it("matches bare finite forms of separable verbs and leaves the particle to the caller", () => {
    const [mitteilen] = lookupReportingVerb("teilte") ?? [];
    expect(mitteilen).toMatchObject({ lemma: "mitteilen", particle: "mit", category: "neutral" });
    if (!mitteilen) return;
    expect(isSeparableParticleOf(mitteilen, "mit")).toBe(true);
    expect(isSeparableParticleOf(mitteilen, "MIT")).toBe(true);
    expect(isSeparableParticleOf(mitteilen, "an")).toBe(false);
    const zurueck = lookupReportingVerb("wies")?.find((e) => e.lemma === "zurückweisen");
    expect(zurueck?.category).toBe("deny");
    expect(zurueck && isSeparableParticleOf(zurueck, "zurück")).toBe(true);
    const sagen = lookupReportingVerb("sagen")?.find((e) => e.lemma === "sagen");
    expect(sagen && isSeparableParticleOf(sagen, "zu")).toBe(false);
  });

  it("matches fused participles, zu-infinitives and subordinate-clause forms", () => {
    expect(lemmas("mitgeteilt")).toEqual(["mitteilen"]);
    expect(lemmas("zurückgewiesen")).toEqual(["zurückweisen"]);
    expect(lemmas("zurückwies")).toEqual(["zurückweisen"]);
    expect(lemmas("bekanntzugeben")).toEqual(["bekanntgeben"]);
    expect(lemmas("bekanntgab")).toEqual(["bekanntgeben"]);
    expect(lemmas("vorgeworfen")).toEqual(["vorwerfen"]);
    expect(lemmas("eingeräumt")).toEqual(["einräumen"]);
    expect(lemmas("hinweise")).toEqual(["hinweisen"]);
    expect(lookupReportingVerb("vorwürfe")).toBeUndefined();
  });

  it("folds case and ß/ss, and covers strong paradigms and Konjunktiv", () => {
    expect(lemmas("hiess")).toEqual(["heißen"]);
    expect(lemmas("Hieß")).toEqual(["heißen"]);
    expect(lemmas("heisst")).toEqual(["heißen"]);
    expect(lemmas("äussert")).toEqual(["äußern"]);
    expect(lemmas("Erklärte")).toEqual(["erklären"]);
    expect(lemmas("gab")).toEqual(expect.arrayContaining(["angeben", "bekanntgeben", "zugeben"]));
    expect(lemmas("sagte")).toEqual(expect.arrayContaining(["sagen", "zusagen", "aussagen"]));
    expect(lemmas("bestritt")).toEqual(["bestreiten"]);
    expect(lemmas("gestünde")).toEqual(expect.arrayContaining(["gestehen"]));
    expect(lemmas("befürchte")).toEqual(["befürchten"]);
    expect(lemmas("wisse")).toEqual(["wissen"]);
    expect(lookupReportingVerb("hieß")?.[0]?.category).toBe("impersonal");
    expect(lookupReportingVerb("schrieb")?.[0]?.medium).toBe("writing");
    expect(lookupReportingVerb("befürchtet")?.[0]?.category).toBe("fear");
  });

  it("returns undefined for words that are not reporting verbs", () => {
    for (const w of ["Haus", "laut", "bekannt", "teil", "Regierung", "gesagter", ""]) {
      expect(lookupReportingVerb(w), w).toBeUndefined();
    }
  });
});

describe("cue words and phrases", () => {
  it("knows the single-token cues with their position", () => {
    expect(lookupCueWord("laut")).toMatchObject({ kind: "pre", category: "neutral" });
    expect(lookupCueWord("Zufolge")).toMatchObject({ kind: "post" });
    expect(lookupCueWord("gemäss")).toMatchObject({ word: "gemäß", kind: "pre" });
    expect(lookupCueWord("so")?.kind).toBe("adverb");
    expect(lookupCueWord("wonach")?.kind).toBe("conj");
    expect(lookupCueWord("gegenüber")?.category).toBe("addressee");
    expect(lookupCueWord("Angaben")).toBeUndefined();
    expect(lookupCueWord("Montag")).toBeUndefined();
  });

  it("finds the longest multiword cue at a position", () => {
    const tokens = words(
      "Nach eigenen Angaben hat die Firma Berichten zufolge nach Angaben der Polizei nichts gewusst",
    );
    expect(lookupCuePhrase(tokens, 0)).toMatchObject({ length: 3, kind: "phrase", category: "neutral" });
    expect(lookupCuePhrase(tokens, 6)).toMatchObject({ length: 2, category: "hearsay" });
    expect(lookupCuePhrase(tokens, 8)).toMatchObject({ length: 2, kind: "pre" });
    expect(lookupCuePhrase(tokens, 3)).toBeUndefined();
    expect(lookupCuePhrase(["nach", "eigenen"], 0)).toBeUndefined();
    expect(lookupCuePhrase(tokens, 99)).toBeUndefined();
    const opinion = words("Die Ministerin ist der Auffassung, dass");
    expect(lookupCuePhrase(opinion, 2)).toMatchObject({ length: 3, category: "opinion" });
  });
});

describe("speech nouns", () => {
  it("maps every inflected form to its lemma", () => {
    expect(lookupSpeechNoun("Vorwürfe")).toEqual({ lemma: "Vorwurf", category: "criticize" });
    expect(lookupSpeechNoun("Vorwurfs")?.lemma).toBe("Vorwurf");
    expect(lookupSpeechNoun("Äusserungen")?.lemma).toBe("Äußerung");
    expect(lookupSpeechNoun("Dementi")?.category).toBe("deny");
    expect(lookupSpeechNoun("Gerüchten")?.lemma).toBe("Gerücht");
    expect(lookupSpeechNoun("Angaben")?.lemma).toBe("Angabe");
    expect(lookupSpeechNoun("Haus")).toBeUndefined();
  });
});

describe("roles", () => {
  const listed = new Set(readTsv("roles.tsv").map((r) => lexKey(r.word ?? "")));

  it("resolves listed roles and organisations with their gender", () => {
    expect(lookupRole("Regierungssprecherin")).toEqual({ gender: "f", kind: "person" });
    expect(lookupRole("Gesundheitsministerium")).toEqual({ gender: "n", kind: "org" });
    expect(lookupRole("Vorsitzende")).toEqual({ gender: "u", kind: "person" });
    expect(lookupRole("Aussenminister")).toEqual({ gender: "m", kind: "person" });
    expect(lookupRole("Kreml")).toEqual({ gender: "m", kind: "org" });
  });

  it("resolves unseen compounds by their head noun", () => {
    for (const w of ["Bahnsprecherin", "Umweltministerium", "Flughafenbehörde", "Opferanwältin"]) {
      expect(listed.has(lexKey(w)), `${w} must not be listed, the suffix rule is under test`).toBe(false);
    }
    expect(lookupRole("Bahnsprecherin")).toEqual({ gender: "f", kind: "person" });
    expect(lookupRole("Umweltministerium")).toEqual({ gender: "n", kind: "org" });
    expect(lookupRole("Flughafenbehörde")).toEqual({ gender: "f", kind: "org" });
    expect(lookupRole("Opferanwältin")).toEqual({ gender: "f", kind: "person" });
    expect(lookupRole("Kolleginnen")).toEqual({ gender: "p", kind: "person" });
    expect(lookupRole("EU-Kommissarin")).toEqual({ gender: "f", kind: "person" });
    expect(lookupRole("Ex-Kanzler")).toEqual({ gender: "m", kind: "person" });
  });

  it("does not invent roles", () => {
    for (const w of [
      "Lautsprecher",
      "Innen",
      "Beginnen",
      "beginnen",
      "Hauptgericht",
      "regierungssprecherx",
      "Montag",
      "-",
    ]) {
      expect(lookupRole(w), w).toBeUndefined();
    }
  });
});

describe("names, pronouns, metonyms", () => {
  it("knows first names of the news", () => {
    expect(firstNameGender("Annalena")).toBe("f");
    expect(firstNameGender("Wolodymyr")).toBe("m");
    expect(firstNameGender("Kim")).toBe("u");
    expect(firstNameGender("Hans-Gert")).toBe("m");
    expect(firstNameGender("Regierung")).toBeUndefined();
  });

  it("lists every reading of a pronoun", () => {
    const sie = lookupPronoun("sie") ?? [];
    expect(sie).toContainEqual({ person: 3, gender: "f", number: "sg", case: "nom" });
    expect(sie).toContainEqual({ person: 3, gender: "u", number: "pl", case: "nom" });
    expect((lookupPronoun("ihm") ?? []).map((r) => r.gender).sort()).toEqual(["m", "n"]);
    expect(lookupPronoun("Er")).toEqual([{ person: 3, gender: "m", number: "sg", case: "nom" }]);
    expect(lookupPronoun("Haus")).toBeUndefined();
  });

  it("maps seats and short names to actors", () => {
    expect(lookupMetonym("Pjöngjang")).toEqual({ canonical: "Nordkorea", type: "GPE" });
    expect(lookupMetonym("Moskaus")?.canonical).toBe("Russland");
    expect(lookupMetonym("Brüssel")).toEqual({ canonical: "EU", type: "ORG" });
    expect(lookupMetonym("Weisse Haus")?.canonical).toBe("USA");
    expect(lookupMetonym("Weißen  Hauses")?.canonical).toBe("USA");
    expect(lookupMetonym("Haus")).toBeUndefined();
    const tokens = words("Das Weisse Haus teilte mit");
    expect(lookupMetonymPhrase(tokens, 1)).toMatchObject({ length: 2, canonical: "USA" });
    expect(lookupMetonymPhrase(tokens, 2)).toBeUndefined();
  });

  it("recognises what makes a quoted stretch a name", () => {
    expect(lookupNameContext("Flugzeugträger")).toBe("vessel");
    expect(lookupNameContext("Tageszeitung")).toBe("media");
    expect(lookupNameContext("Operation")).toBe("operation");
    expect(lookupNameContext("sagte")).toBeUndefined();
    expect(isMediaName("New  York Times")).toBe(true);
    expect(isMediaName(" Tages-Anzeiger ")).toBe(true);
    expect(isMediaName("Neue Zürcher Zeitung")).toBe(true);
    expect(isMediaName("Wir schaffen das")).toBe(false);
  });
});

describe("table sanity", () => {
  it("keeps data files UTF-8 with LF line ends", () => {
    for (const file of DATA_FILES) {
      const text = readDataFile(file);
      expect(text.includes("\r"), file).toBe(false);
      expect(text.charCodeAt(0) === 0xfeff, file).toBe(false);
      expect(text.endsWith("\n"), file).toBe(true);
      expect(text.includes("\uFFFD"), file).toBe(false);
    }
  });

  it("gives every verb valid fields, a preterite and a participle", () => {
    const seen = new Set<string>();
    for (const row of readTsv("reporting-verbs.tsv")) {
      const { lemma = "", particle = "", category = "", medium = "", forms = "" } = row;
      const id = `${lemma}|${particle}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
      expect(VERB_CATEGORIES as readonly string[], lemma).toContain(category);
      expect(MEDIA as readonly string[], lemma).toContain(medium);
      const slots = forms.split(",");
      expect(slots, lemma).toHaveLength(14);
      expect(slots[5], `${lemma} preterite`).toMatch(/^\p{Ll}/u);
      expect(slots[7], `${lemma} participle`).toMatch(/^\p{Ll}/u);
      expect(slots[13], lemma).toBe(lemma);
      if (particle) {
        expect(lemma.startsWith(particle), lemma).toBe(true);
        for (const i of [7, 8, 13]) expect(slots[i]?.startsWith(particle), `${lemma} slot ${i}`).toBe(true);
        for (const i of [0, 1, 2, 5, 6])
          expect(slots[i]?.startsWith(particle), `${lemma} slot ${i}`).toBe(false);
      } else {
        expect(slots[8], lemma).toBe("");
      }
    }
    expect(reportingVerbs().length).toBe(seen.size);
    expect(seen.size).toBeGreaterThanOrEqual(180);
  });

  it("has no key listed twice with different data", () => {
    const conflicts = (file: string, keyCol: string, valueCols: string[]): string[] => {
      const byKey = new Map<string, string>();
      const out: string[] = [];
      for (const row of readTsv(file)) {
        const key = lexKey(row[keyCol] ?? "");
        const value = valueCols.map((c) => row[c]).join("|");
        const prior = byKey.get(key);
        if (prior !== undefined && prior !== value) out.push(`${file}: ${key} ${prior} vs ${value}`);
        byKey.set(key, value);
      }
      return out;
    };
    expect([
      ...conflicts("roles.tsv", "word", ["gender", "kind"]),
      ...conflicts("role-suffixes.tsv", "suffix", ["gender", "kind"]),
      ...conflicts("first-names.tsv", "name", ["gender"]),
      ...conflicts("cue-words.tsv", "word", ["kind", "category"]),
      ...conflicts("metonyms.tsv", "name", ["canonical", "type"]),
      ...conflicts("name-contexts.tsv", "word", ["kind"]),
    ]).toEqual([]);
    const nounOf = new Map<string, string>();
    const nounConflicts: string[] = [];
    for (const row of readTsv("speech-nouns.tsv")) {
      for (const form of (row.forms ?? "").split(",")) {
        const prior = nounOf.get(lexKey(form));
        if (prior !== undefined && prior !== row.lemma)
          nounConflicts.push(`${form}: ${prior} vs ${row.lemma}`);
        nounOf.set(lexKey(form), row.lemma ?? "");
      }
    }
    expect(nounConflicts).toEqual([]);
  });

  it("uses only the declared categories and kinds", () => {
    for (const row of readTsv("cue-words.tsv")) {
      expect(CUE_KINDS as readonly string[], row.word).toContain(row.kind);
      expect(CUE_CATEGORIES as readonly string[], row.word).toContain(row.category);
    }
    for (const row of readTsv("speech-nouns.tsv"))
      expect(VERB_CATEGORIES as readonly string[]).toContain(row.category);
    for (const row of readTsv("roles.tsv")) {
      expect(["m", "f", "n", "p", "u"], row.word).toContain(row.gender);
      expect(["person", "org"], row.word).toContain(row.kind);
    }
    for (const row of readTsv("role-suffixes.tsv")) expect(["person", "org", "none"]).toContain(row.kind);
    for (const row of readTsv("first-names.tsv")) expect(["m", "f", "u"], row.name).toContain(row.gender);
    for (const row of readTsv("metonyms.tsv")) expect(["GPE", "ORG"], row.name).toContain(row.type);
    for (const row of readTsv("name-contexts.tsv")) {
      expect(NAME_CONTEXT_KINDS as readonly string[], row.word).toContain(row.kind);
    }
    expect(readTsv("first-names.tsv").length).toBeGreaterThanOrEqual(800);
    expect(readTsv("roles.tsv").filter((r) => r.kind === "person").length).toBeGreaterThanOrEqual(250);
    expect(readLines("media-names.txt").length).toBeGreaterThan(100);
  });
});

describe("load time", () => {
  it("loads every table in under 50 ms", async () => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      vi.resetModules();
      const fresh = await import("./lexicon.js");
      const t0 = performance.now();
      fresh.preloadLexicon();
      best = Math.min(best, performance.now() - t0);
    }
    console.info(`lexicon load: ${best.toFixed(1)} ms (best of 3 fresh loads)`);
    expect(best).toBeLessThan(50);
  });
});

const SHARED = new URL("../../../../shared/data/lexicons/", import.meta.url);
const sharedExists = existsSync(SHARED);
if (!sharedExists) console.warn("lexicon.test: /work/shared/data/lexicons absent, skipping recall checks");

describe.skipIf(!sharedExists)("recall against the research lexicons", () => {
  const read = (name: string): string[][] =>
    readFileSync(new URL(name, SHARED), "utf8")
      .split("\n")
      .slice(1)
      .filter((l) => l.length > 0)
      .map((l) => l.split("\t"));

  it("knows every lemma of the curated core list", () => {
    const missing = read("reporting_verbs_de_core.tsv")
      .map((cols) => cols[0] ?? "")
      .filter((lemma) => lookupReportingVerb(lemma) === undefined);
    expect(missing).toEqual([]);
  });

  it("covers at least 93% of the WikiNews cue occurrences", () => {
    let total = 0;
    let covered = 0;
    for (const [cue = "", count = "0"] of read("wikinews_cue_surface_forms_CC-BY-NC-SA.tsv")) {
      if (cue === "") continue;
      const tokens = cue.split(" ");
      total += Number(count);
      const hit = tokens.some(
        (t, i) =>
          lookupReportingVerb(t) !== undefined ||
          lookupCueWord(t) !== undefined ||
          lookupSpeechNoun(t) !== undefined ||
          lookupCuePhrase(tokens, i) !== undefined,
      );
      if (hit) covered += Number(count);
    }
    console.info(`WikiNews cue coverage: ${covered}/${total} = ${((100 * covered) / total).toFixed(1)}%`);
    expect(covered / total).toBeGreaterThanOrEqual(0.93);
  });
});
