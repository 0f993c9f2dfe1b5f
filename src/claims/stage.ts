/**
 * The claims stage: after attribution, turns quotes and the outlet's own statements into claims,
 * links claims about one proposition within the article, and derives the events.
 */
import type { Stage } from "../pipeline.js";
import { Words } from "../speech/phrases.js";
import { deriveEvents } from "./events.js";
import { extractClaims } from "./extract.js";
import { type LinkView, linkViews, partyKey } from "./link.js";
import type { Claim, ClaimLayer } from "./types.js";

export function viewOfClaim(c: Claim): LinkView {
  return {
    family: c.predicate?.family ?? null,
    actors: c.actors.map(partyKey),
    polarity: c.polarity,
    status: c.status,
    holder: partyKey(c.holder),
  };
}

export const claimStage: Stage = {
  name: "claims",
  requires: ["tokens", "sentences", "paragraphs", "entities", "quotes"],
  assigns: ["claims"],
  run(doc) {
    const w = new Words(doc.text, doc.get("tokens"));
    const quotes = doc.get("quotes");
    const { claims, partiesIn } = extractClaims(
      w,
      doc.get("sentences"),
      doc.get("paragraphs").map((p) => p.kind),
      quotes,
      doc.get("entities"),
    );
    const layer: ClaimLayer = {
      claims,
      links: linkViews(claims.map(viewOfClaim), null),
      events: deriveEvents(claims, quotes, partiesIn),
    };
    doc.set("claims", layer);
  },
};
