export { deriveEvents } from "./events.js";
export { cueCategory, extractClaims } from "./extract.js";
export { actorKey, type LinkView, linkClaims, linkViews, MIN_LINK_SCORE, partyKey, relate } from "./link.js";
export { familyOfWord, predicateIn } from "./predicates.js";
export { claimStage, viewOfClaim } from "./stage.js";
export * from "./types.js";
