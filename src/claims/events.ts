/**
 * Events after PLOVER, derived from claims: the speech act a cue names ("vorwerfen" → accuse,
 * "zurückweisen" → deny, "befürchten" → express_concern) with the holder as actor, and the act
 * a proposition reports (its predicate family: supply_arms, attack, ...) with the first actor it
 * names as actor and the others as targets. Each event keeps its claim's polarity and status, so
 * a denied delivery is never read as a delivery.
 */
import type { Quote, Span } from "../doc.js";
import { lexKey } from "../lang/de/data.js";
import { isVerb, partyKey } from "./link.js";
import type { Claim, ClaimEvent, ClaimParty, EventType } from "./types.js";
import { claimWords } from "./words.js";

/** Parties an entity mention names inside the given spans (the quote's frame). */
export type PartiesIn = (spans: readonly Span[]) => ClaimParty[];

const without = (parties: readonly ClaimParty[], holder: ClaimParty | null): ClaimParty[] => {
  const key = partyKey(holder);
  return parties.filter((p) => partyKey(p) !== key);
};

function speechAct(claim: Claim): EventType | null {
  const words = claimWords();
  if (claim.cue) {
    const type =
      words.eventByLemma.get(lexKey(claim.cue.lemma)) ?? words.eventByCategory.get(claim.cue.category);
    if (type) return type;
  }
  if (claim.status === "denied") return "deny";
  if (claim.status === "feared") return "express_concern";
  return null;
}

export function deriveEvents(
  text: string,
  claims: readonly Claim[],
  quotes: readonly Quote[],
  partiesIn: PartiesIn,
): ClaimEvent[] {
  const events: ClaimEvent[] = [];
  const seen = new Set<string>();
  const push = (e: ClaimEvent) => {
    const key = `${e.type}|${partyKey(e.actor)}|${e.targets.map(partyKey).join(",")}|${e.polarity}`;
    if (seen.has(key)) return;
    seen.add(key);
    events.push(e);
  };
  claims.forEach((claim, ci) => {
    const q = claim.quote !== null ? quotes[claim.quote] : undefined;
    // the frame's own speaker ("die Regierung" of "die Regierung in Kiew") is not a target
    const frameParties = q
      ? without(partiesIn(q.frame), claim.holder).filter(
          (p) => p.entity === null || p.entity !== q.speaker?.entity,
        )
      : [];
    const act = speechAct(claim);
    if (act && claim.holder && claim.holder.name !== "") {
      const targets = [...frameParties];
      for (const a of without(claim.actors, claim.holder)) {
        if (!targets.some((t) => partyKey(t) === partyKey(a))) targets.push(a);
      }
      push({
        type: act,
        actor: claim.holder,
        targets,
        claim: ci,
        trigger: q?.cue ? { start: q.cue.start, end: q.cue.end } : (claim.spans[0] as Span),
        polarity: "positive",
        status: claim.status,
      });
    }
    const family = claim.predicate?.family;
    const action = family ? claimWords().eventByFamily.get(family) : undefined;
    // a noun alone ("Sanktionen gegen Russland", "nach der Invasion") is background, not the act reported
    if (!action || !claim.predicate?.spans.some((p) => isVerb(text.slice(p.start, p.end)))) return;
    // in text order: the first actor named is mostly the subject ("Nordkorea soll … an Russland …"),
    // and the one accused in a frame ("warf Nordkorea vor, … geschickt zu haben") comes first
    const [actor, ...targets] = [...claim.actors].sort((a, b) => a.span.start - b.span.start);
    if (!actor) return;
    push({
      type: action,
      actor: { entity: actor.entity, name: actor.name, wikidata: actor.wikidata },
      targets: targets.map((t) => ({ entity: t.entity, name: t.name, wikidata: t.wikidata })),
      claim: ci,
      trigger:
        claim.predicate.spans.find((p) => isVerb(text.slice(p.start, p.end))) ??
        (claim.predicate.spans[0] as Span),
      polarity: claim.polarity,
      status: claim.status,
    });
  });
  return events;
}
