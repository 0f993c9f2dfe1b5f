/**
 * Claim-versus-denial links: two claims are about one proposition when they share actors and a
 * predicate family; one contests the other when it is a denial act or of opposite polarity, and
 * confirms it when another source states the same. One pure function serves the article (pairs
 * within one list) and the archive (pairs across two Analyses), so stored claims link the same
 * way as fresh ones.
 */
import type { AnalysisClaim, AnalysisClaimLink } from "../analysis.js";
import { linkKey } from "../entities/link/index.js";
import type { ClaimLink, ClaimStatus, LinkEvidence, Polarity } from "./types.js";

const LOWER_INITIAL = /^\p{Ll}/u;
/** A predicate word in lower case is a verb form: German nouns are capitalised. */
export const isVerb = (word: string): boolean => LOWER_INITIAL.test(word);

/** What linking needs from a claim, in the Doc layer or the Analysis alike. */
export interface LinkView {
  family: string | null;
  /** Wikidata IDs, else "name:" + normalised name */
  actors: readonly string[];
  polarity: Polarity;
  status: ClaimStatus;
  holder: string;
  /** the predicate has a verb ("lieferte"), not only a noun ("Angriff"), which may sit in a condition or a frame */
  verbal: boolean;
}

/** Below this, a pair shares too little to be called the same proposition. */
export const MIN_LINK_SCORE = 0.5;
/** Statuses that state a proposition; a fear, a guess or a question neither contests nor confirms. */
const STATES = new Set<ClaimStatus>(["asserted", "attributed", "hearsay"]);
/** Shared actors over all actors below which two claims are not about one proposition (unless two are shared by a contest). */
const MIN_OVERLAP = 0.5;

const nameKeys = new Map<string, string>();

/** An actor's key for matching: its Wikidata ID, else its normalised name (memoised: normalising is costly). */
export function actorKey(a: { wikidata: string | null; name: string }): string {
  if (a.wikidata) return a.wikidata;
  let key = nameKeys.get(a.name);
  if (key === undefined) {
    key = `name:${linkKey(a.name)}`;
    if (nameKeys.size > 100_000) nameKeys.clear();
    nameKeys.set(a.name, key);
  }
  return key;
}

/** One key per holder: "outlet" for the outlet's own claims, "unnamed" for an unnamed source. */
export const partyKey = (p: { wikidata: string | null; name: string } | null): string =>
  p === null ? "outlet" : p.wikidata || p.name ? actorKey(p) : "unnamed";

/** How two claims relate, or null when they are not about one proposition. */
export function relate(a: LinkView, b: LinkView): Omit<ClaimLink<never>, "a" | "b"> | null {
  if (a.family === null || a.family !== b.family) return null;
  const shared = a.actors.filter((k) => b.actors.includes(k));
  if (shared.length === 0) return null;
  const union = new Set([...a.actors, ...b.actors]).size;
  const aDenies = a.status === "denied";
  const bDenies = b.status === "denied";
  let denier: LinkEvidence["denier"] = null;
  let denialAct = false;
  if (aDenies !== bDenies) {
    denier = aDenies ? "a" : "b";
    denialAct = true;
  } else if (!STATES.has(a.status) || !STATES.has(b.status) || !a.verbal || !b.verbal) {
    // without a denial act, both must state the act: "reagieren auf jeden Angriff" states none
    return null;
  } else if (a.polarity !== b.polarity) {
    denier = a.polarity === "negative" ? "a" : "b";
  } else if (a.holder === b.holder) {
    // one source repeating itself neither contests nor confirms
    return null;
  }
  // a lone shared actor among many is weak evidence: "Iran liefert Drohnen an Russland" and
  // "Moskau dementiert Waffengeschäfte mit Pjöngjang" share only Russia
  const overlap = shared.length / union;
  if (overlap < MIN_OVERLAP && (denier === null || shared.length < 2)) return null;
  const score = Math.min(
    1,
    0.35 + 0.35 * overlap + (denialAct ? 0.3 : denier ? 0.2 : 0.15) + (shared.length >= 2 ? 0.1 : 0),
  );
  if (score < MIN_LINK_SCORE) return null;
  return {
    relation: denier ? "denies" : "confirms",
    score: Math.round(score * 1000) / 1000,
    evidence: { actors: shared, family: a.family, denier, denialAct },
  };
}

/** Links among the claims of one list (b null) or between two lists, by index. */
export function linkViews(a: readonly LinkView[], b: readonly LinkView[] | null): ClaimLink[] {
  const links: ClaimLink[] = [];
  const others = b ?? a;
  // only claims that share a family and an actor can relate: index the others by both
  const index = new Map<string, number[]>();
  others.forEach((y, j) => {
    if (y.family === null) return;
    for (const actor of new Set(y.actors)) {
      const key = `${y.family}|${actor}`;
      const list = index.get(key);
      if (list) list.push(j);
      else index.set(key, [j]);
    }
  });
  a.forEach((x, i) => {
    if (x.family === null) return;
    const candidates = new Set<number>();
    for (const actor of x.actors) {
      const list = index.get(`${x.family}|${actor}`) ?? [];
      // within one text, the nearest claims before and after; a huge input must not go quadratic
      const from = b ? 0 : Math.max(0, lowerBound(list, i + 1));
      for (let k = from; k < list.length && k < from + MAX_CANDIDATES; k++) {
        const j = list[k] as number;
        if (b || j > i) candidates.add(j);
      }
    }
    let made = 0;
    for (const j of [...candidates].sort((p, q) => p - q)) {
      const r = relate(x, others[j] as LinkView);
      if (!r) continue;
      links.push({ a: i, b: j, ...r });
      if (!b && ++made >= MAX_LINKS) break;
    }
  });
  return links;
}

/**
 * Within one text, how many of the next claims sharing a family and an actor a claim is compared
 * with, and how many links it makes at most: an article rarely holds more, and a huge input (a
 * 50 MB file of repeated articles) must stay linear in time and output.
 */
const MAX_CANDIDATES = 24;
const MAX_LINKS = 8;

/** First index in an ascending list whose value is at least `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Confidence of a link a denial makes by pointing back ("wies die Vorwürfe zurück"), not by content. */
const BACK_SCORE = 0.6;

/**
 * Within one article: a denial that only points back at what was said ("die Vorwürfe", "die
 * Darstellung") contests the earlier claims by others that are about the denier. `denials` are
 * indices of such claims; pairs `linked` already holds are skipped.
 */
export function linkBack(
  views: readonly LinkView[],
  denials: readonly number[],
  linked: readonly ClaimLink[],
): ClaimLink[] {
  const have = new Set(linked.map((l) => `${l.a}|${l.b}`));
  const links: ClaimLink[] = [];
  // the claims each actor is named in, in text order
  const byActor = new Map<string, number[]>();
  views.forEach((v, i) => {
    for (const actor of new Set(v.actors)) {
      const list = byActor.get(actor);
      if (list) list.push(i);
      else byActor.set(actor, [i]);
    }
  });
  for (const d of denials) {
    const denial = views[d] as LinkView;
    const about = byActor.get(denial.holder) ?? [];
    const end = lowerBound(about, d);
    for (let k = Math.max(0, end - MAX_CANDIDATES); k < end; k++) {
      const c = about[k] as number;
      const claim = views[c] as LinkView;
      if (!STATES.has(claim.status) || claim.holder === denial.holder || have.has(`${c}|${d}`)) continue;
      if (!claim.actors.includes(denial.holder)) continue;
      links.push({
        a: c,
        b: d,
        relation: "denies",
        score: BACK_SCORE,
        evidence: {
          actors: [denial.holder],
          family: claim.family ?? "reference",
          denier: "b",
          denialAct: true,
        },
      });
    }
  }
  return links;
}

export function viewOfAnalysisClaim(c: AnalysisClaim): LinkView {
  return {
    family: c.predicate?.family ?? null,
    actors: c.actors.map(actorKey),
    polarity: c.polarity,
    status: c.status,
    holder: c.holder.kind === "outlet" ? "outlet" : partyKey(c.holder),
    verbal: c.predicate?.spans.some((s) => isVerb(s.text)) ?? false,
  };
}

/**
 * Links between the claims of two Analyses (or within one, when `b` is left out): `a` and `b`
 * of each link are claim ids of the first and the second list.
 */
export function linkClaims(a: readonly AnalysisClaim[], b?: readonly AnalysisClaim[]): AnalysisClaimLink[] {
  const views = a.map(viewOfAnalysisClaim);
  const other = b ?? a;
  return linkViews(views, b ? b.map(viewOfAnalysisClaim) : null).map((l) => ({
    a: (a[l.a] as AnalysisClaim).id,
    b: (other[l.b] as AnalysisClaim).id,
    relation: l.relation,
    score: l.score,
    evidence: l.evidence,
  }));
}
