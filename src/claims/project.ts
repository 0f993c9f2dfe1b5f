/** The claims layer as the Analysis shows it: ids instead of indices, texts beside spans. */
import type { AnalysisClaim, AnalysisClaimLink, AnalysisEvent, AnalysisParty } from "../analysis.js";
import type { Doc, Span } from "../doc.js";
import type { Claim, ClaimParty } from "./types.js";

const OUTLET: AnalysisParty = { kind: "outlet", name: "", wikidata: null };

const textSpan = (doc: Doc, s: Span) => ({ start: s.start, end: s.end, text: doc.slice(s) });

function party(p: ClaimParty | null): AnalysisParty {
  if (p === null) return OUTLET;
  if (p.entity !== null)
    return { kind: "entity", entity: `e${p.entity + 1}`, name: p.name, wikidata: p.wikidata };
  return {
    kind: p.name === "" && p.wikidata === null ? "unnamed" : "source",
    name: p.name,
    wikidata: p.wikidata,
  };
}

function chainOf(claims: readonly Claim[], c: Claim): AnalysisParty[] {
  const chain: AnalysisParty[] = [];
  for (let at: Claim | undefined = c; at; at = at.parent !== null ? claims[at.parent] : undefined) {
    if (at.holder !== null) chain.unshift(party(at.holder));
  }
  chain.unshift(OUTLET);
  return chain;
}

export function projectClaims(doc: Doc): {
  claims: AnalysisClaim[];
  claimLinks: AnalysisClaimLink[];
  events: AnalysisEvent[];
} {
  if (!doc.has("claims")) return { claims: [], claimLinks: [], events: [] };
  const { claims, links, events } = doc.get("claims");
  return {
    claims: claims.map((c, i) => ({
      id: `c${i + 1}`,
      text: c.text,
      spans: c.spans.map((s) => textSpan(doc, s)),
      quote: c.quote !== null ? `q${c.quote + 1}` : null,
      holder: party(c.holder),
      chain: chainOf(claims, c),
      parent: c.parent !== null ? `c${c.parent + 1}` : null,
      actors: c.actors.map((a) => {
        const { kind: _, ...rest } = party(a);
        return { ...textSpan(doc, a.span), ...rest };
      }),
      polarity: c.polarity,
      status: c.status,
      predicate: c.predicate
        ? { family: c.predicate.family, spans: c.predicate.spans.map((s) => textSpan(doc, s)) }
        : null,
      cue: c.cue ? { lemma: c.cue.lemma, category: c.cue.category } : null,
    })),
    claimLinks: links.map((l) => ({
      a: `c${l.a + 1}`,
      b: `c${l.b + 1}`,
      relation: l.relation,
      score: l.score,
      evidence: { ...l.evidence, actors: [...l.evidence.actors] },
    })),
    events: events.map((e, i) => ({
      id: `v${i + 1}`,
      type: e.type,
      actor: e.actor ? party(e.actor) : null,
      targets: e.targets.map(party),
      claim: `c${e.claim + 1}`,
      trigger: textSpan(doc, e.trigger),
      polarity: e.polarity,
      status: e.status,
    })),
  };
}
