/**
 * Links a mention's surface to a Wikidata ID through the gazetteer. Conservative by design: when
 * two readings of equal rank remain, or a multi-word name matches only by its last word, the
 * answer is null, because a wrong ID is worse than none.
 */
import { lookupRole } from "../../lang/de/lexicon.js";
import { type EntityType, type GazetteerEntry, gazetteerLookup, type LinkKind } from "./gazetteer.js";
import { genitiveBase, linkKey, withoutArticle } from "./normalize.js";

export interface LinkHint {
  /** The recogniser's type: PER admits only persons, any other type excludes them. */
  type?: EntityType;
  /** The mention is the subject of a verb of saying or acting (see mentionActs). */
  actor?: boolean;
  /** ISO 3166-1 alpha-2 of the article's country; picks local readings ("Bundesrat" in CH news). */
  country?: string;
}

export interface EntityLink {
  /** Wikidata ID; null when the tables know the entity but not its ID for certain. */
  qid: string | null;
  name: string;
  type: EntityType;
  kind: LinkKind;
  /** The state a capital or seat stands for when it acts ("Moskau erklärte" -> Q159). */
  standsFor?: string;
}

/** The Wikidata ID a mention refers to in context: the state for a government reading. */
export const referent = (link: EntityLink): string | null => link.standsFor ?? link.qid;

function readingsFor(key: string): readonly GazetteerEntry[] | undefined {
  const exact = gazetteerLookup(key);
  if (exact) return exact;
  const base = genitiveBase(key);
  if (!base) return undefined;
  // a genitive of a small municipality is too rare to outweigh the false hits ("Horns")
  const genitive = gazetteerLookup(base)?.filter((e) => e.form !== "minor");
  return genitive && genitive.length > 0 ? genitive : undefined;
}

function admits(entry: GazetteerEntry, hint: LinkHint | undefined): boolean {
  if (entry.local && entry.country !== hint?.country) return false;
  if (hint?.type === undefined) return true;
  return hint.type === "PER" ? entry.type === "PER" : entry.type !== "PER";
}

/** The best-ranked reading, or null when the best rank holds two different entities. */
function choose(readings: readonly GazetteerEntry[], hint: LinkHint | undefined): GazetteerEntry | null {
  let pool = readings.filter((e) => admits(e, hint));
  // a reading local to the article's country outranks the general one ("Kanzleramt" in AT news)
  const local = pool.filter((e) => e.local);
  if (local.length > 0) pool = local;
  let best: GazetteerEntry | null = null;
  let tie = false;
  for (const e of pool) {
    if (best === null || e.priority < best.priority) {
      best = e;
      tie = false;
    } else if (e.priority === best.priority && (e.qid !== best.qid || e.name !== best.name)) {
      tie = true;
    }
  }
  return tie ? null : best;
}

function toLink(entry: GazetteerEntry, hint: LinkHint | undefined): EntityLink {
  const link: EntityLink = { qid: entry.qid, name: entry.name, type: entry.type, kind: entry.kind };
  const governs = entry.kind === "gov-body" || (entry.kind === "capital" && hint?.actor === true);
  if (governs && entry.standsFor) link.standsFor = entry.standsFor;
  return link;
}

/**
 * "Präsident Putin", "Kremlchef Putin": a name after role words. Only role words may go, so
 * "Igor Putin" (another first name) stays unlinked.
 */
function afterRoles(surface: string): string | null {
  const words = surface.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && lookupRole(words[i] ?? "") !== undefined) i++;
  return i > 0 ? words.slice(i).join(" ") : null;
}

/** The entity a mention names, or null when unknown or ambiguous. */
export function linkMention(surface: string, hint?: LinkHint): EntityLink | null {
  let key = linkKey(surface);
  if (key.length === 0 || key.length > 200) return null;
  let readings = readingsFor(key);
  if (!readings) {
    const bare = withoutArticle(key);
    if (bare) {
      key = bare;
      readings = readingsFor(bare);
    }
  }
  if (!readings) {
    const name = afterRoles(surface);
    return name === null ? null : linkMention(name, hint);
  }
  const entry = choose(readings, hint);
  return entry ? toLink(entry, hint) : null;
}

/** A person by full name or, when no other person in the tables shares it, by surname alone. */
export function linkPerson(name: string, hint?: Omit<LinkHint, "type">): EntityLink | null {
  return linkMention(name, { ...hint, type: "PER" });
}
