/**
 * EntityRegistry on real tokenized German news: phrases come from phraseAt, in text order, the
 * way the attribution stage feeds them (plain nouns only when they are speakers). The last block
 * runs the whole pipeline and reads the `entities` layer. Cases marked `it.fails` are known
 * gaps: the expectation is what a news reader would say; they flip when the registry learns it.
 */
import { describe, expect, it } from "vitest";
import { analyzeDoc } from "../analyze.js";
import type { Entity, Span } from "../doc.js";
import { type Phrase, phraseAt, Words } from "../speech/phrases.js";
import { tokenize } from "../text/tokenize.js";
import { EntityRegistry } from "./registry.js";

interface Resolved {
  /** the phrase's text */
  text: string;
  kind: Phrase["kind"];
  entity: number | null;
}

interface Run {
  text: string;
  w: Words;
  registry: EntityRegistry;
  phrases: Phrase[];
  resolved: Resolved[];
}

/**
 * Chunk `text` left to right and resolve every phrase in order, as attribution does: plain nouns
 * only when listed in `speakers` (attribution resolves a plain noun only as a speaker).
 */
function run(text: string, speakers: string[] = []): Run {
  const w = new Words(text, tokenize(text));
  const registry = new EntityRegistry(w);
  const phrases: Phrase[] = [];
  const resolved: Resolved[] = [];
  for (let t = 0; t < w.length; ) {
    const p = phraseAt(w, t, w.length);
    if (!p) {
      t++;
      continue;
    }
    phrases.push(p);
    const phraseText = text.slice(w.start(p.first), w.end(p.end - 1));
    if (p.kind !== "noun" || speakers.includes(phraseText)) {
      resolved.push({ text: phraseText, kind: p.kind, entity: registry.resolve(p) });
    }
    t = p.end;
  }
  return { text, w, registry, phrases, resolved };
}

/** The entity the `nth` resolved phrase reading `phraseText` went to. */
function entityOf(r: Run, phraseText: string, nth = 0): Entity | null {
  const hits = r.resolved.filter((x) => x.text === phraseText);
  const hit = hits[nth];
  if (!hit)
    throw new Error(
      `"${phraseText}" (#${nth}) was not resolved; resolved: ${r.resolved.map((x) => x.text).join(" | ")}`,
    );
  return hit.entity === null ? null : (r.registry.entities[hit.entity] as Entity);
}

function mentionTexts(text: string, e: Entity | null): string[] {
  return (e?.mentions ?? []).map((m) => text.slice(m.start, m.end));
}

function expectSortedUnique(mentions: Span[]): void {
  for (let i = 1; i < mentions.length; i++) {
    expect((mentions[i] as Span).start).toBeGreaterThan((mentions[i - 1] as Span).start);
  }
}

const KIRBY =
  "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby, sagte am Montag, Washington sei besorgt. " +
  "Kirby betonte, er rechne mit weiteren Tests. Pjöngjang hatte zuvor zwei Raketen abgefeuert. " +
  "Nordkorea wies die Kritik zurück.";

describe("EntityRegistry: persons", () => {
  it("resolves a later surname to the full name given earlier and keeps the role", () => {
    const r = run(KIRBY, ["Kirby"]);
    const kirby = entityOf(r, "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby,");
    expect(kirby).toMatchObject({
      type: "PER",
      name: "John Kirby",
      role: "Sprecher des Nationalen Sicherheitsrates der USA",
    });
    expect(entityOf(r, "Kirby")).toBe(kirby);
    // the apposition's closing comma is not part of the mention
    expect(mentionTexts(KIRBY, kirby)).toEqual([
      "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby",
      "Kirby",
      "er",
    ]);
  });

  it("upgrades a surname mentioned first to the full name that follows", () => {
    const text = "Kirby sagte, man sei bereit. Der Sprecher John Kirby ergänzte, Washington werde reagieren.";
    const r = run(text, ["Kirby"]);
    const kirby = entityOf(r, "Kirby");
    expect(entityOf(r, "Der Sprecher John Kirby")).toBe(kirby);
    expect(kirby).toMatchObject({ type: "PER", name: "John Kirby", role: "Sprecher" });
    expect(r.registry.entities.filter((e) => e.type === "PER")).toHaveLength(1);
  });

  it("keeps the first role the article gives when a later mention has another", () => {
    const text =
      "Stefan Brugger, Sprecher der Reederei, sagte, das Schiff sei sicher. " +
      "Der Reeder Stefan Brugger fügte hinzu, man prüfe alles.";
    const r = run(text);
    const brugger = entityOf(r, "Stefan Brugger, Sprecher der Reederei,");
    expect(entityOf(r, "Der Reeder Stefan Brugger")).toBe(brugger);
    expect(brugger).toMatchObject({ name: "Stefan Brugger", role: "Sprecher der Reederei" });
  });

  it("keeps two people with different names apart", () => {
    const text = "Anna Meier traf Peter Huber in Bern. Meier sagte, Huber habe recht.";
    const r = run(text, ["Meier", "Huber"]);
    expect(entityOf(r, "Meier")?.name).toBe("Anna Meier");
    expect(entityOf(r, "Huber")?.name).toBe("Peter Huber");
    expect(entityOf(r, "Meier")).not.toBe(entityOf(r, "Huber"));
  });

  it("only looks up when asked not to create", () => {
    const text = "Karin Keller-Sutter sagte in Bern, Peter Huber habe recht.";
    const w = new Words(text, tokenize(text));
    const registry = new EntityRegistry(w);
    const karin = phraseAt(w, 0, w.length) as Phrase;
    expect(registry.resolve(karin, { create: false })).toBeNull();
    expect(registry.entities).toHaveLength(0);
    const index = registry.resolve(karin);
    expect(registry.entities[index as number]?.name).toBe("Karin Keller-Sutter");
    expect(registry.resolve(karin, { create: false })).toBe(index);
  });
});

describe("EntityRegistry: pronouns", () => {
  it("resolves er and sie to the last person of matching gender", () => {
    const text =
      "Die Außenministerin Annalena Baerbock traf Wladimir Putin nicht. Sie sagte, die Regierung bleibe hart. Er schwieg.";
    const r = run(text);
    expect(entityOf(r, "Sie")?.name).toBe("Annalena Baerbock");
    expect(entityOf(r, "Er")?.name).toBe("Wladimir Putin");
    expect(entityOf(r, "Die Außenministerin Annalena Baerbock")?.role).toBe("Außenministerin");
  });

  it("prefers a person for er/sie over a nearer noun of the same gender", () => {
    const he = run("Minister Karl Lauterbach besuchte den Bundesrat. Er sagte, alles sei gut.");
    expect(entityOf(he, "Er")?.name).toBe("Karl Lauterbach");
    const she = run("Karin Keller-Sutter besuchte die Polizei in Bern. Sie sagte, alles sei gut.");
    expect(entityOf(she, "Sie")?.name).toBe("Karin Keller-Sutter");
  });

  it("takes the nearest of several compatible people", () => {
    const text = "Anna Meier sprach mit Peter Huber und mit Maria Schmid. Sie sagte, er habe recht.";
    const r = run(text);
    expect(entityOf(r, "Sie")?.name).toBe("Maria Schmid");
    expect(entityOf(r, "er")?.name).toBe("Peter Huber");
  });

  it("resolves es to a neuter organisation and never to a person", () => {
    const ministry = run("Das Gesundheitsministerium teilte mit, es prüfe den Fall.");
    expect(entityOf(ministry, "es")).toMatchObject({ type: "ORG", name: "Gesundheitsministerium" });
    const person = run("Anna Meier sagte, es regne seit Tagen.");
    expect(entityOf(person, "es")).toBeNull();
  });

  it("finds no antecedent for a pronoun before any mention", () => {
    const r = run("Er sagte, Peter Huber komme später.");
    expect(entityOf(r, "Er")).toBeNull();
    expect(mentionTexts(r.text, entityOf(r, "Peter Huber"))).toEqual(["Peter Huber"]);
  });
});

describe("EntityRegistry: places, organisations, roles", () => {
  it("resolves a capital to its country, as a location", () => {
    const r = run(KIRBY);
    const northKorea = entityOf(r, "Pjöngjang");
    expect(northKorea).toMatchObject({ type: "LOC", name: "Nordkorea", role: null });
    expect(entityOf(r, "Nordkorea")).toBe(northKorea);
    expect(entityOf(r, "Washington")).toMatchObject({ type: "LOC", name: "USA" });
  });

  it("merges Moskau, der Kreml and Russland into one actor", () => {
    const text = "Moskau drohte mit Konsequenzen. Der Kreml erklärte, Russland sei zu Gesprächen bereit.";
    const r = run(text);
    const russia = entityOf(r, "Moskau");
    expect(russia).toMatchObject({ type: "LOC", name: "Russland" });
    expect(entityOf(r, "Der Kreml")).toBe(russia);
    expect(entityOf(r, "Russland")).toBe(russia);
    expect(mentionTexts(text, russia)).toEqual(["Moskau", "Der Kreml", "Russland"]);
  });

  it("names an organisation without its article", () => {
    const r = run("Die Polizei sucht Zeugen. Die Polizei bittet um Hinweise.");
    const police = entityOf(r, "Die Polizei");
    expect(police).toMatchObject({ type: "ORG", name: "Polizei" });
    expect(entityOf(r, "Die Polizei", 1)).toBe(police);
  });

  it("resolves a role without a name to the last person holding it", () => {
    const text =
      "Stefan Brugger, Sprecher der Reederei, sagte, das Schiff sei sicher. " +
      "Der Sprecher fügte hinzu, man prüfe alles. Brugger sagte später mehr.";
    const r = run(text, ["Brugger"]);
    const brugger = entityOf(r, "Stefan Brugger, Sprecher der Reederei,");
    expect(entityOf(r, "Der Sprecher")).toBe(brugger);
    expect(entityOf(r, "Brugger")).toBe(brugger);
    expect(brugger?.role).toBe("Sprecher der Reederei");
    expect(mentionTexts(text, brugger)).toEqual([
      "Stefan Brugger, Sprecher der Reederei",
      "Der Sprecher",
      "Brugger",
    ]);
  });

  it("picks the latest of two people with the same role", () => {
    const text =
      "Stefan Brugger, Sprecher der Reederei, sagte, das Schiff sei sicher. " +
      "Peter Huber, Sprecher der Werft, widersprach. Der Sprecher sagte, der Rumpf sei beschädigt.";
    const r = run(text);
    expect(entityOf(r, "Der Sprecher")?.name).toBe("Peter Huber");
  });

  it("makes one person of a role that names nobody", () => {
    const text = "Die Sprecherin sagte, man prüfe den Fall. Die Sprecherin ergänzte, es dauere.";
    const r = run(text);
    const speaker = entityOf(r, "Die Sprecherin");
    expect(speaker).toMatchObject({ type: "PER", name: "Sprecherin", role: null });
    expect(entityOf(r, "Die Sprecherin", 1)).toBe(speaker);
  });

  // known gap: a role without a name matches any earlier person whose role contains the word,
  // whatever the organisation ("Sprecher der Feuerwehr" → the Reederei's spokesman)
  it.fails("known gap: a role of another organisation is not the earlier role holder", () => {
    const text =
      "Stefan Brugger, Sprecher der Reederei, sagte, das Schiff sei sicher. " +
      "Der Sprecher der Feuerwehr sagte, es brenne nicht mehr.";
    const r = run(text);
    expect(entityOf(r, "Der Sprecher der Feuerwehr")?.name).not.toBe("Stefan Brugger");
  });

  // known gap: the role match is a substring test, so "Sprecher" finds a "Sprecherin" (gender
  // is not checked either)
  it.fails("known gap: der Sprecher is not the earlier Sprecherin", () => {
    const text =
      "Die Sprecherin der Polizei, Anna Meier, sagte, es gebe keine Spur. " +
      "Der Sprecher sagte später, der Brand sei gelöscht.";
    const r = run(text);
    expect(entityOf(r, "Die Sprecherin der Polizei, Anna Meier,")?.name).toBe("Anna Meier");
    expect(entityOf(r, "Der Sprecher")?.name).not.toBe("Anna Meier");
  });
});

describe("EntityRegistry: mentions", () => {
  it("keeps each entity's mentions sorted and unique whatever the resolve order, once finished", () => {
    const text =
      "Anna Meier sagte, sie sei zufrieden. Später sagte Meier, sie bleibe. Meier lachte. Anna Meier ging.";
    const w = new Words(text, tokenize(text));
    const phrases: Phrase[] = [];
    for (let t = 0; t < w.length; ) {
      const p = phraseAt(w, t, w.length);
      if (p) phrases.push(p);
      t = p ? p.end : t + 1;
    }
    const names = phrases.filter((p) => p.kind === "person" || p.kind === "noun");
    expect(names.map((p) => text.slice(w.start(p.first), w.end(p.end - 1)))).toEqual([
      "Anna Meier",
      "Meier",
      "Meier",
      "Anna Meier",
    ]);
    const registry = new EntityRegistry(w);
    const first = registry.resolve(names[0] as Phrase);
    // later mentions first, each twice: still one sorted list without duplicates
    for (const p of [...names.slice(1)].reverse()) {
      expect(registry.resolve(p)).toBe(first);
      expect(registry.resolve(p)).toBe(first);
    }
    // mentions are collected as they come and put in order once, when resolving is done
    const anna = registry.finish()[first as number] as Entity;
    expect(registry.entities).toHaveLength(1);
    expectSortedUnique(anna.mentions);
    expect(anna.mentions.map((m) => text.slice(m.start, m.end))).toEqual([
      "Anna Meier",
      "Meier",
      "Meier",
      "Anna Meier",
    ]);
  });
});

describe("entities layer of the pipeline", () => {
  const ARTICLE = [
    "Nordkorea testet erneut Raketen",
    "",
    "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby, sagte am Montag, Washington sei besorgt. " +
      "«Wir beobachten das sehr genau», sagte Kirby. Er fügte hinzu, Pjöngjang müsse die Tests stoppen.",
    "",
    "Pjöngjang wies die Kritik zurück. «Das ist eine Provokation», erklärte Nordkorea. " +
      "Die Außenministerin Annalena Baerbock sagte in Berlin, man stehe an der Seite der Partner. " +
      "«Wir lassen uns nicht einschüchtern», sagte sie.",
  ].join("\n");

  it("gives every quote's speaker the entity a reader would name", () => {
    const doc = analyzeDoc(ARTICLE);
    const entities = doc.get("entities");
    const speakers = doc
      .get("quotes")
      .map((q) => [
        doc.slice(q.spans[0] as Span),
        q.speaker?.entity == null ? null : entities[q.speaker.entity]?.name,
      ]);
    expect(speakers).toEqual([
      ["Washington sei besorgt", "John Kirby"],
      ["«Wir beobachten das sehr genau»", "John Kirby"],
      ["Pjöngjang müsse die Tests stoppen", "John Kirby"],
      // a denial is reported speech: the metonym speaks for the state
      ["Pjöngjang wies die Kritik zurück.", "Nordkorea"],
      ["«Das ist eine Provokation»", "Nordkorea"],
      ["man stehe an der Seite der Partner", "Annalena Baerbock"],
      ["«Wir lassen uns nicht einschüchtern»", "Annalena Baerbock"],
    ]);
  });

  it("keeps role and name on the entity, mentions in bounds, sorted and unique", () => {
    const doc = analyzeDoc(ARTICLE);
    const entities = doc.get("entities");
    const kirby = entities.find((e) => e.name === "John Kirby");
    expect(kirby).toMatchObject({ type: "PER", role: "Sprecher des Nationalen Sicherheitsrates der USA" });
    expect(mentionTexts(ARTICLE, kirby ?? null)).toEqual([
      "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby",
      "Kirby",
      "Er",
    ]);
    expect(entities.find((e) => e.name === "Nordkorea")).toMatchObject({ type: "LOC" });
    expect(entities.find((e) => e.name === "Annalena Baerbock")?.role).toBe("Außenministerin");
    for (const e of entities) {
      expect(e.mentions.length, e.name).toBeGreaterThan(0);
      expectSortedUnique(e.mentions);
      for (const m of e.mentions) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(ARTICLE.length);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }
    // one entity per name
    const names = entities.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  // known gap: pronouns do not agree in number with their verb, so "Sie teilte mit" (singular)
  // goes to the plural "Zeugen", the nearer role, instead of the police
  it.fails("known gap: sie with a singular verb refers to the police, not to the witnesses", () => {
    const doc = analyzeDoc("Die Polizei sucht Zeugen. Sie teilte mit, der Täter sei geflohen.");
    const quote = doc.get("quotes")[0];
    const entity = quote?.speaker?.entity;
    expect(entity == null ? null : doc.get("entities")[entity]?.name).toBe("Polizei");
  });
});

describe("outlets named again by their kind", () => {
  it("«laut der Zeitung» after a named newspaper is that newspaper", async () => {
    const { analyze } = await import("../index.js");
    const a = analyze(
      "Die «Frankfurter Allgemeine Zeitung» hatte berichtet, der Minister plane seinen Rücktritt. Laut der Zeitung ist noch nichts entschieden.",
    );
    const laut = a.quotes.find((q) => q.cue?.text === "Laut");
    expect(laut?.speaker?.name).toBe("Frankfurter Allgemeine Zeitung");
  });
});
