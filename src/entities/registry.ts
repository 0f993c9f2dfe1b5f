/**
 * Who is who in one article. Mentions are registered in text order; a later "Kirby" finds
 * "John Kirby", "er" finds the last person it agrees with, Pjöngjang stands for North Korea.
 * The canonical name is the fullest personal name the article gives; the role ("Sprecher des
 * Nationalen Sicherheitsrates der USA") is kept beside it.
 */
import type { Entity, EntityType, Span } from "../doc.js";
import { isMediaName, lookupMetonym, lookupNameContext } from "../lang/de/lexicon.js";
import { type Phrase, TITLES, type Words } from "../speech/phrases.js";
import { linkMention, linkPerson, referent } from "./link/index.js";

interface Mention extends Span {
  entity: number;
  gender: string;
  kind: Phrase["kind"];
}

const lower = (s: string) => s.toLowerCase();
const DEFINITE = new Set(["der", "die", "das", "des", "dem", "den"]);
/** How many recent mentions a role noun ("der Sprecher") looks back through. */
const RECENT = 64;
/** How far back (UTF-16 units) a pronoun may find its antecedent: a few paragraphs. */
const PRONOUN_REACH = 3000;

export class EntityRegistry {
  readonly entities: Entity[] = [];
  readonly #mentions: Mention[] = [];
  /** mention by start and length, so re-resolving a phrase is a lookup, not a scan */
  readonly #mentionAt = new Map<number, Mention>();
  readonly #genders: string[] = [];
  readonly #byKey = new Map<string, number>();
  readonly #bySurname = new Map<string, number>();
  readonly #w: Words;

  constructor(w: Words) {
    this.#w = w;
  }

  /** Resolve a phrase to an entity, registering the mention. `create` false only looks up. */
  /**
   * `create` false only looks up. `guessPerson`: an unknown bare capitalised word is taken for a
   * surname; right only where a person is expected ("«…», sagte Müller"), not for any subject of
   * a reporting verb ("Umweltverbände fordern").
   */
  resolve(p: Phrase, options: { create: boolean; guessPerson?: boolean } = { create: true }): number | null {
    const w = this.#w;
    const span = { start: w.start(p.first), end: w.end(trimEnd(w, p)) };
    const at = span.start * 65536 + Math.min(span.end - span.start, 65535);
    const existing = this.#mentionAt.get(at);
    if (existing) return existing.entity;
    let entity: number | null = null;
    switch (p.kind) {
      case "pronoun":
        entity = this.#antecedent(p, span.start);
        break;
      case "person":
        entity = this.#person(p, options.create);
        break;
      case "place":
      case "org":
      case "role":
      case "noun":
        entity = this.#named(p, options.create, options.guessPerson === true);
        break;
    }
    if (entity !== null) {
      const mention = { ...span, entity, gender: p.gender, kind: p.kind };
      this.#insert(mention);
      this.#mentionAt.set(at, mention);
      // appended here, sorted once in finish(): inserting in order costs quadratic time on huge inputs
      (this.entities[entity] as Entity).mentions.push(span);
    }
    return entity;
  }

  /** Sort every entity's mentions and drop repeats; call once, after the last resolve. */
  finish(): Entity[] {
    for (const e of this.entities) {
      e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
      e.mentions = e.mentions.filter((m, i, all) => i === 0 || (all[i - 1] as Span).start !== m.start);
      e.wikidata = wikidataOf(e);
    }
    return this.entities;
  }

  /** Mentions stay sorted by offset, so lookbacks start where the text is and stop early. */
  #insert(mention: Mention): void {
    const list = this.#mentions;
    // The lookbacks need the mentions in text order. The first pass registers every name, role and
    // organisation in that order; what comes later out of order (pronouns, speakers resolved
    // again) is no antecedent a lookback needs, and splicing it in would cost quadratic time.
    const last = list[list.length - 1];
    if (last === undefined || last.start <= mention.start) list.push(mention);
  }

  /** Index of the last mention starting before `offset`, or -1. */
  #before(offset: number): number {
    const list = this.#mentions;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as Mention).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  #add(type: EntityType, name: string, role: string | null, gender: string, key: string): number {
    const index = this.entities.length;
    this.entities.push({ type, name, role, wikidata: null, mentions: [] });
    this.#genders.push(gender);
    this.#byKey.set(key, index);
    return index;
  }

  #person(p: Phrase, create: boolean): number | null {
    const w = this.#w;
    const name = w.text.slice(w.start(p.nameFirst), w.end(p.nameEnd - 1));
    const surname = w.word(p.nameEnd - 1);
    const role = roleText(w, p);
    let index = this.#byKey.get(lower(name)) ?? this.#bySurname.get(lower(surname));
    // a bare word seen earlier without knowing it was a surname ("Kirby sagte …" before "John Kirby")
    const earlier = index === undefined ? this.#byKey.get(lower(surname)) : undefined;
    if (earlier !== undefined && (this.entities[earlier] as Entity).type === "OTH") {
      index = earlier;
      (this.entities[index] as Entity).type = "PER";
      this.#genders[index] = p.gender;
    }
    if (index === undefined) {
      if (!create) return null;
      index = this.#add("PER", name, role, p.gender, lower(name));
    } else {
      const e = this.entities[index] as Entity;
      // keep the fullest name and the first role the article gives
      if (name.length > e.name.length && name.endsWith(e.name.split(" ").at(-1) ?? "")) e.name = name;
      if (!e.role && role) e.role = role;
      this.#byKey.set(lower(name), index);
    }
    this.#bySurname.set(lower(surname), index);
    return index;
  }

  #named(p: Phrase, create: boolean, guessPerson: boolean): number | null {
    const w = this.#w;
    const head = w.text.slice(w.start(p.headFirst), w.end(p.headEnd - 1));
    const single = p.headEnd - p.headFirst === 1;
    // a bare surname already known: "Kirby"
    if (single && p.det === "") {
      const known = this.#bySurname.get(lower(head));
      if (known !== undefined) return known;
    }
    const metonym = lookupMetonym(head);
    if (metonym) {
      const key = lower(metonym.canonical);
      return (
        this.#byKey.get(key) ??
        (create
          ? this.#add(metonym.type === "ORG" ? "ORG" : "LOC", metonym.canonical, null, p.gender, key)
          : null)
      );
    }
    // a role without a name ("der Sprecher") means the last person holding that role, if any
    if (p.kind === "role") {
      const roleWord = lower(w.word(p.headFirst));
      const last = this.#before(w.start(p.first));
      for (let m = last; m >= Math.max(0, last - RECENT); m--) {
        const e = this.entities[(this.#mentions[m] as Mention).entity] as Entity;
        if (e.type === "PER" && e.role && lower(e.role).includes(roleWord))
          return (this.#mentions[m] as Mention).entity;
      }
    }
    // "die Zeitung", "der Sender" after a named outlet means that outlet: "laut der Zeitung"
    if (single && DEFINITE.has(p.det) && lookupNameContext(head) === "media") {
      const last = this.#before(w.start(p.first));
      for (let m = last; m >= Math.max(0, last - RECENT); m--) {
        const entity = (this.#mentions[m] as Mention).entity;
        const e = this.entities[entity] as Entity;
        if (e.type === "ORG" && isMediaName(e.name)) return entity;
      }
    }
    // the canonical name leaves out the article and quote marks: "russische Aussenministerium", "New York Times"
    const quotedName = w.isQuoteMark(p.headFirst - 1);
    const text = quotedName
      ? head
      : w.text.slice(w.start(p.det ? p.first + 1 : p.first), w.end(trimEnd(w, p)));
    const key = lower(text);
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    if (!create) return null;
    if (guessPerson && single && p.kind === "noun" && p.det === "") {
      // an unknown bare capitalised word as a speaker is most often a surname
      const index = this.#add("PER", head, null, "u", key);
      this.#bySurname.set(lower(head), index);
      return index;
    }
    const type: EntityType =
      p.kind === "role" ? "PER" : p.kind === "noun" ? "OTH" : p.kind === "place" ? "LOC" : "ORG";
    return this.#add(type, text, null, p.gender, key);
  }

  /** The last entity before `offset` a pronoun can refer to: er → a man (or a masculine noun), sie → a woman, a feminine noun or a plural, es → a neuter noun. */
  #antecedent(p: Phrase, offset: number): number | null {
    const pronoun = lower(this.#w.word(p.first));
    const fits = (m: Mention): boolean => {
      const gender = this.#genders[m.entity] ?? m.gender;
      // an unknown gender fits only a person: "er" never means a thing of unknown gender
      const person = (this.entities[m.entity] as Entity).type === "PER";
      if (pronoun === "er") return gender === "m" || (gender === "u" && person);
      if (pronoun === "sie") return gender === "f" || gender === "p" || (gender === "u" && person);
      if (pronoun === "es") return gender === "n";
      return false;
    };
    // the nearest fitting mention before the pronoun; for er/sie a person beats a nearer noun
    let person: Mention | null = null;
    let other: Mention | null = null;
    // mentions are registered almost in text order; a pronoun reaches back a window, not the whole article
    for (let i = this.#before(offset); i >= 0; i--) {
      const m = this.#mentions[i] as Mention;
      if (offset - m.start > PRONOUN_REACH) break;
      if (!fits(m)) continue;
      if ((this.entities[m.entity] as Entity).type === "PER" && pronoun !== "es") {
        if (!person || m.start > person.start) person = m;
      } else if (!other || m.start > other.start) other = m;
    }
    const fallback = (person ?? other)?.entity ?? null;
    return fallback;
  }
}

/**
 * The entity's Wikidata ID from the gazetteer: a person by full name (or surname when only one
 * known person has it), anything else by its canonical name. Entities here are speakers and
 * sources, so a capital or seat stands for its state ("Moskau" acts for Russia).
 */
function wikidataOf(e: Entity): string | null {
  if (e.type === "PER") {
    const person = linkPerson(e.name);
    return person ? referent(person) : null;
  }
  // a plain noun ("das Dorf") may share its name with some municipality: only names are linked
  if (e.type === "OTH") return null;
  const link = linkMention(e.name, { actor: true });
  return link && link.type !== "PER" ? referent(link) : null;
}

/** The phrase without a trailing comma that closed an apposition. */
function trimEnd(w: Words, p: Phrase): number {
  let end = p.end - 1;
  while (end > p.first && w.isPunct(end, ",")) end--;
  return end;
}

/**
 * The role words of a person phrase: everything but the determiner, the name and academic
 * titles; null unless a noun is left ("die 67-jährige Ingrid Moser" and "Dr. Thomas Wyss" have none).
 */
function roleText(w: Words, p: Phrase): string | null {
  let first = p.det ? p.first + 1 : p.first;
  let end = -1;
  if (p.nameFirst > first) {
    end = p.nameFirst - 1;
  } else if (p.nameEnd < p.end - 1) {
    first = p.nameEnd;
    end = p.end - 1;
  }
  while (first <= end && (w.isPunct(first, ",") || TITLES.has(w.key(first)))) first++;
  while (end >= first && (w.isPunct(end, ",") || TITLES.has(w.key(end)))) end--;
  if (end < first) return null;
  let noun = false;
  for (let t = first; t <= end && !noun; t++) noun = w.isNounLike(t) && !TITLES.has(w.key(t));
  return noun ? w.text.slice(w.start(first), w.end(end)) : null;
}
