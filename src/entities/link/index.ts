export { mentionActs } from "./actor.js";
export {
  ENTITY_TYPES,
  type EntityType,
  GAZETTEER_COLUMNS,
  type GazetteerEntry,
  gazetteerLookup,
  LINK_KINDS,
  type LinkKind,
  preloadGazetteer,
} from "./gazetteer.js";
export { type EntityLink, type LinkHint, linkMention, linkPerson, referent } from "./link.js";
export { linkKey } from "./normalize.js";
