/**
 * The Analysis: laut's public JSON contract, a projection of the Doc. Everything a renderer,
 * the CLI or (later) the API shows is read from here, so output formats never reach into the
 * Doc's internals. Documented in docs/ANALYSIS.md; JSON Schema in schema/analysis.schema.json.
 * Bump SCHEMA_VERSION on any change a consumer could notice (minor: added field; major: changed).
 */
import { projectClaims } from "./claims/project.js";
import type { ClaimStatus, EventType, LinkEvidence, LinkRelation, Polarity } from "./claims/types.js";
import type { Doc, EntityType, Medium, ParagraphKind, QuotedRole, QuoteType, Span } from "./doc.js";
import { SPEECH_EVENT_ROLES, type SpeechEventRoles } from "./speech/events/stage.js";

export const SCHEMA_VERSION = "1.3.0";

export interface TextSpan extends Span {
  text: string;
}

export interface AnalysisQuote {
  id: string;
  type: QuoteType;
  medium: Medium;
  /** message text; parts of a discontinuous message are joined with " … " */
  text: string;
  spans: Span[];
  /** ids of the stretches in quote marks (see `quoted`) that belong to this quote */
  quoted: string[];
  cue: (TextSpan & { lemma: string; parts: Span[] }) | null;
  speaker: (TextSpan & { name: string; entity?: string; role?: string }) | null;
  addressee: TextSpan | null;
  /** the framing clause outside the message in the cue's sentence; parts joined with " … " */
  frame: (TextSpan & { parts: Span[] }) | null;
  confidence: number;
  attribution: string;
}

export interface AnalysisQuoted extends TextSpan {
  id: string;
  role: QuotedRole;
  inner: Span;
  quote: string | null;
}

export interface AnalysisEntity {
  id: string;
  type: EntityType;
  name: string;
  role: string | null;
  /** Wikidata ID ("Q159"), null when laut could not link the entity */
  wikidata: string | null;
  /** the distinct ways the text names it, in order of first use ("John Kirby", "Kirby", "er") */
  aliases: string[];
  mentions: TextSpan[];
}

/** A possibly discontinuous stretch: start/end cover all parts, `text` joins them with " … ". */
export type PartsSpan = TextSpan & { parts: Span[] };

/** A speech event the learned tagger found (with or without quote marks); see docs/ANALYSIS.md. */
export interface AnalysisSpeechEvent extends Record<keyof SpeechEventRoles, PartsSpan | null> {
  id: string;
  cue: PartsSpan & { lemma: string };
  score: number;
}

export interface AnalysisName extends TextSpan {
  type: EntityType;
  /** name: "Nordkorea"; deriv: a word derived from a name ("nordkoreanische"); part: a compound with a name ("EU-Kommission") */
  kind: "name" | "deriv" | "part";
  score: number;
}

/** Who holds a claim or takes part in an event: the outlet itself, an entity, a source laut could not resolve, or nobody named. */
export interface AnalysisParty {
  kind: "outlet" | "entity" | "source" | "unnamed";
  /** id of the entity (see `entities`) when kind is "entity" */
  entity?: string;
  /** "" for the outlet and an unnamed source */
  name: string;
  wikidata: string | null;
}

export interface AnalysisClaim {
  id: string;
  /** the proposition without quote marks, cue and source phrase */
  text: string;
  /** the proposition in the text, possibly discontinuous */
  spans: TextSpan[];
  /** id of the quote the claim comes from; null for the outlet's own assertion */
  quote: string | null;
  holder: AnalysisParty;
  /** the sources the claim passed through, outlet first, holder last */
  chain: AnalysisParty[];
  /** id of the claim whose message holds this one */
  parent: string | null;
  /** who or what the proposition is about */
  actors: (TextSpan & Omit<AnalysisParty, "kind">)[];
  polarity: Polarity;
  status: ClaimStatus;
  predicate: { family: string; spans: TextSpan[] } | null;
  cue: { lemma: string; category: string } | null;
}

export interface AnalysisClaimLink {
  /** claim ids; across two Analyses (linkClaims) `a` is from the first, `b` from the second */
  a: string;
  b: string;
  relation: LinkRelation;
  score: number;
  evidence: LinkEvidence;
}

export interface AnalysisEvent {
  id: string;
  type: EventType;
  actor: AnalysisParty | null;
  targets: AnalysisParty[];
  claim: string;
  trigger: TextSpan;
  polarity: Polarity;
  status: ClaimStatus;
}

export interface Analysis {
  schemaVersion: string;
  source: { name: string | null; format: "text" | "html"; encoding: string | null };
  text: string;
  title: TextSpan | null;
  paragraphs: (Span & { kind: ParagraphKind })[];
  sentences: (Span & { paragraph: number })[];
  tokens: Span[];
  quoted: AnalysisQuoted[];
  quotes: AnalysisQuote[];
  entities: AnalysisEntity[];
  /** present when the pipeline ran the speechEvents stage (schema 1.2.0) */
  speechEvents?: AnalysisSpeechEvent[];
  /** names the trained recogniser found; present with `analyze(text, { names: true })` (schema 1.2.0) */
  names?: AnalysisName[];
  /** from schemaVersion 1.3.0; analyze() always fills them, Analyses stored earlier lack them */
  claims?: AnalysisClaim[];
  claimLinks?: AnalysisClaimLink[];
  events?: AnalysisEvent[];
}

export const textSpan = (doc: Doc, span: Span): TextSpan => ({
  start: span.start,
  end: span.end,
  text: doc.slice(span),
});

const partsSpan = (doc: Doc, parts: readonly Span[]): PartsSpan | null =>
  parts.length === 0
    ? null
    : {
        start: (parts[0] as Span).start,
        end: (parts.at(-1) as Span).end,
        text: parts.map((p) => doc.slice(p)).join(" … "),
        parts: parts.map((p) => ({ start: p.start, end: p.end })),
      };

function speechEvents(doc: Doc): AnalysisSpeechEvent[] {
  return doc.get("speechEvents").map((e, i) => {
    const event = {
      id: `s${i + 1}`,
      cue: { ...(partsSpan(doc, e.cue.parts) as PartsSpan), lemma: e.cue.lemma },
    } as AnalysisSpeechEvent;
    for (const [role] of SPEECH_EVENT_ROLES) event[role] = partsSpan(doc, e[role]);
    event.score = Math.round(e.score * 1000) / 1000;
    return event;
  });
}

export function toAnalysis(doc: Doc): Analysis {
  const tokens = doc.get("tokens");
  const paragraphs = doc.get("paragraphs");
  const quoted = doc.get("quoted");
  const quotes = doc.get("quotes");
  const entities = doc.get("entities");

  const tokenSpans: Span[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    tokenSpans[i] = { start: tokens.starts[i] ?? 0, end: tokens.ends[i] ?? 0 };
  }

  // a stretch belongs to the direct quote made of it, before any indirect quote that contains it
  const quoteOfQuoted = new Map<number, string>();
  quotes.forEach((q, qi) => {
    for (const m of q.quoted) {
      if (!quoteOfQuoted.has(m) || q.type === "direct") quoteOfQuoted.set(m, `q${qi + 1}`);
    }
  });

  const titleParagraph = paragraphs.find((p) => p.kind === "title");
  const meta = doc.meta as { name?: string; format?: "text" | "html"; encoding?: string };

  return {
    schemaVersion: SCHEMA_VERSION,
    source: { name: meta.name ?? null, format: meta.format ?? "text", encoding: meta.encoding ?? null },
    text: doc.text,
    title: titleParagraph ? textSpan(doc, titleParagraph) : null,
    paragraphs: paragraphs.map((p) => ({ start: p.start, end: p.end, kind: p.kind })),
    sentences: doc.get("sentences").map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
    tokens: tokenSpans,
    quoted: quoted.map((q, i) => ({
      id: `m${i + 1}`,
      ...textSpan(doc, q),
      role: q.role,
      inner: { start: q.inner.start, end: q.inner.end },
      quote: quoteOfQuoted.get(i) ?? null,
    })),
    quotes: quotes.map((q, i) => {
      const entity = q.speaker?.entity != null ? entities[q.speaker.entity] : undefined;
      return {
        id: `q${i + 1}`,
        type: q.type,
        medium: q.medium,
        text: q.spans.map((s) => doc.slice(s)).join(" … "),
        spans: q.spans.map((s) => ({ start: s.start, end: s.end })),
        quoted: q.quoted.map((m) => `m${m + 1}`),
        cue: q.cue
          ? {
              ...textSpan(doc, q.cue),
              text: q.cue.parts.map((p) => doc.slice(p)).join(" … "),
              lemma: q.cue.lemma,
              parts: q.cue.parts.map((p) => ({ start: p.start, end: p.end })),
            }
          : null,
        speaker: q.speaker
          ? {
              ...textSpan(doc, q.speaker),
              name: entity?.name ?? doc.slice(q.speaker),
              ...(q.speaker.entity != null ? { entity: `e${q.speaker.entity + 1}` } : {}),
              ...(entity?.role ? { role: entity.role } : {}),
            }
          : null,
        addressee: q.addressee ? textSpan(doc, q.addressee) : null,
        frame:
          q.frame.length > 0
            ? {
                start: (q.frame[0] as Span).start,
                end: (q.frame.at(-1) as Span).end,
                text: q.frame.map((p) => doc.slice(p)).join(" … "),
                parts: q.frame.map((p) => ({ start: p.start, end: p.end })),
              }
            : null,
        confidence: Math.round(q.confidence * 1000) / 1000,
        attribution: q.attribution,
      };
    }),
    entities: entities.map((e, i) => ({
      id: `e${i + 1}`,
      type: e.type,
      name: e.name,
      role: e.role,
      wikidata: e.wikidata,
      aliases: [...new Set(e.mentions.map((m) => doc.slice(m)))],
      mentions: e.mentions.map((m) => textSpan(doc, m)),
    })),
    ...(doc.has("speechEvents") ? { speechEvents: speechEvents(doc) } : {}),
    ...(doc.has("names")
      ? {
          names: doc.get("names").map((n) => ({
            ...textSpan(doc, n),
            type: n.type,
            kind: n.kind,
            score: Math.round(n.score * 1000) / 1000,
          })),
        }
      : {}),
    ...projectClaims(doc),
  };
}
