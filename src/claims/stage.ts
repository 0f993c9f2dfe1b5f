/**
 * The claims stage: after attribution, turns quotes and the outlet's own statements into claims,
 * links claims about one proposition within the article, and derives the events.
 */
import type { Stage } from "../pipeline.js";
import { Words } from "../speech/phrases.js";
import { deriveEvents } from "./events.js";
import { extractClaims } from "./extract.js";
import { isVerb, type LinkView, linkBack, linkViews, partyKey } from "./link.js";
import type { Claim, ClaimLayer } from "./types.js";

export function viewOfClaim(c: Claim, text: string): LinkView {
  return {
    family: c.predicate?.family ?? null,
    actors: c.actors.map(partyKey),
    polarity: c.polarity,
    status: c.status,
    holder: partyKey(c.holder),
    verbal: c.predicate?.spans.some((s) => isVerb(text.slice(s.start, s.end))) ?? false,
  };
}

export const claimStage: Stage = {
  name: "claims",
  requires: ["tokens", "sentences", "paragraphs", "entities", "quotes"],
  assigns: ["claims"],
  run(doc) {
    const w = new Words(doc.text, doc.get("tokens"));
    const quotes = doc.get("quotes");
    const { claims, partiesIn, backReferences } = extractClaims(
      w,
      doc.get("sentences"),
      doc.get("paragraphs").map((p) => p.kind),
      quotes,
      doc.get("entities"),
    );
    const views = claims.map((c) => viewOfClaim(c, doc.text));
    const links = linkViews(views, null);
    const layer: ClaimLayer = {
      claims,
      links: [...links, ...linkBack(views, backReferences, links)],
      events: deriveEvents(doc.text, claims, quotes, partiesIn),
    };
    doc.set("claims", layer);
  },
};
