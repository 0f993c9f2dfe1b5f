/**
 * The claims layer: what is claimed in an article, by whom, how firmly, and who contests it.
 * A claim is a proposition (standoff spans into the text) with its holder, the chain of sources
 * it passed through, the actors it is about, its polarity and its epistemic status. Links pair a
 * claim with the denials and confirmations of the same proposition; events summarise speech acts
 * and reported actions after PLOVER. Claims and quotes stay primary; events are derived.
 */
import type { Span } from "../doc.js";

export const CLAIM_STATUSES = [
  "asserted",
  "attributed",
  "hearsay",
  "denied",
  "feared",
  "speculated",
  "questioned",
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type Polarity = "positive" | "negative";

export const EVENT_TYPES = [
  "accuse",
  "deny",
  "threaten",
  "demand",
  "express_concern",
  "supply_arms",
  "sanction",
  "agree",
  "attack",
  "meet",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Someone a claim is held by or about: an entity of the article, or a name the linker knows. */
export interface ClaimParty {
  /** index into the entities layer, null when the party is not one of the article's entities */
  entity: number | null;
  name: string;
  wikidata: string | null;
}

export interface ClaimActor extends ClaimParty {
  /** where the proposition names it (the first mention inside it) */
  span: Span;
}

export interface Predicate {
  /** family from claim-predicates.tsv, e.g. "supply_arms" */
  family: string;
  /** the words that made the family hold ("verkauft", "Artilleriegeschosse") */
  spans: Span[];
}

export interface Claim {
  /** the proposition, possibly discontinuous */
  spans: Span[];
  /** the proposition without quote marks, cue and source phrase */
  text: string;
  /** index into the quotes layer; null for the outlet's own assertion */
  quote: number | null;
  /** who holds the claim; null when it is the outlet's */
  holder: ClaimParty | null;
  /** index of the claim whose message contains this one ("NYT berichtet, Militärs hätten gesagt, …") */
  parent: number | null;
  actors: ClaimActor[];
  polarity: Polarity;
  status: ClaimStatus;
  predicate: Predicate | null;
  /** lemma and category of the cue that introduced the claim, when it has one */
  cue: { lemma: string; category: string } | null;
}

export type LinkRelation = "denies" | "confirms";

export interface LinkEvidence {
  /** actor keys both claims share (Wikidata IDs, else "name:" + normalised name) */
  actors: string[];
  family: string;
  /** which side contests the other: "a", "b", or null for a confirmation */
  denier: "a" | "b" | null;
  /** the contest is an explicit denial act (status denied), not only opposite polarity */
  denialAct: boolean;
}

/** A link between two claims, `a` and `b` being indices (within an article) or ids (across). */
export interface ClaimLink<Ref = number> {
  a: Ref;
  b: Ref;
  relation: LinkRelation;
  score: number;
  evidence: LinkEvidence;
}

export interface ClaimEvent {
  type: EventType;
  actor: ClaimParty | null;
  targets: ClaimParty[];
  /** index into claims */
  claim: number;
  /** the cue or predicate words the event was read from */
  trigger: Span;
  polarity: Polarity;
  status: ClaimStatus;
}

export interface ClaimLayer {
  claims: Claim[];
  links: ClaimLink[];
  events: ClaimEvent[];
}
