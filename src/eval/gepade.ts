import type { Analysis, AnalysisSpeechEvent } from "../analysis.js";
import type { Span } from "../doc.js";
import { LautError } from "../errors.js";
import { SPEECH_EVENT_ROLES } from "../speech/events/stage.js";
import { emptyEventRoles } from "../speech/events/tagger.js";
import { readGoldDir } from "./gold-dir.js";
import { maxWeightAssignment } from "./hungarian.js";
import {
  type Counts,
  countTokens,
  normaliseIds,
  overlapF1,
  type PRF,
  prf,
  sameIds,
  zeroCounts,
} from "./metrics.js";
import { TokenCover } from "./token-cover.js";

export const GEPADE_ROLES = ["Source", "Message", "Addr", "Topic", "Evidence", "Medium", "PTC"] as const;
export type GepadeRole = (typeof GEPADE_ROLES)[number];

/** One speech event: its cue and its role tokens (global token ids, ascending, duplicate-free). */
export interface GepadeAnnotation {
  cue: readonly number[];
  roles: Readonly<Record<GepadeRole, readonly number[]>>;
}

export interface GepadeDocInput {
  name: string;
  gold: readonly GepadeAnnotation[];
  predicted: readonly GepadeAnnotation[];
}

export interface GepadeDocResult {
  name: string;
  pairs: { gold: number; predicted: number; exactCue: boolean }[];
  missed: number[];
  spurious: number[];
}

export interface GepadeScores {
  /** cue found when a prediction has exactly the gold cue tokens */
  cue: PRF;
  /** cue tokens, proportional: token overlap of paired cues, unpaired cues count fully */
  cueTokens: PRF;
  /** role tokens of exact-cue pairs; every other role token is a false positive or negative */
  roles: PRF;
  byRole: Record<GepadeRole, PRF>;
  annotations: { gold: number; predicted: number; paired: number; exactCue: number };
  docs: number;
}

export interface GepadeGoldDoc {
  name: string;
  /** sentences' tokens joined by single spaces, sentences joined by a single space */
  text: string;
  cover: TokenCover;
  /** character range of every token in `text` */
  starts: number[];
  ends: number[];
  /** token range [first, end) of every sentence, in order */
  sentences: { first: number; end: number }[];
  gold: GepadeAnnotation[];
}

const ROLE_TIE_BREAK = 0.001;

/** One empty token list per role: the speech-event tagger's own record of them. */
export const emptyRoles = (): Record<GepadeRole, number[]> => emptyEventRoles();

export function scoreGepade(docs: readonly GepadeDocInput[]): {
  scores: GepadeScores;
  docs: GepadeDocResult[];
} {
  const cueTokens = zeroCounts();
  const byRole = new Map<GepadeRole, Counts>(GEPADE_ROLES.map((r) => [r, zeroCounts()]));
  let gold = 0;
  let predicted = 0;
  let paired = 0;
  let exact = 0;
  const results: GepadeDocResult[] = [];

  const unmatchedRoles = (a: GepadeAnnotation, side: "gold" | "predicted") => {
    for (const role of GEPADE_ROLES) {
      const counts = byRole.get(role) as Counts;
      if (side === "gold") counts.fn += a.roles[role].length;
      else counts.fp += a.roles[role].length;
    }
  };

  for (const doc of docs) {
    gold += doc.gold.length;
    predicted += doc.predicted.length;
    const weights = new Float64Array(doc.gold.length * doc.predicted.length);
    doc.gold.forEach((g, i) => {
      doc.predicted.forEach((p, j) => {
        const overlap = overlapF1(g.cue, p.cue);
        if (overlap > 0)
          weights[i * doc.predicted.length + j] = overlap + ROLE_TIE_BREAK * roleAgreement(g, p);
      });
    });
    const assignment = maxWeightAssignment(weights, doc.gold.length, doc.predicted.length);
    const result: GepadeDocResult = { name: doc.name, pairs: [], missed: [], spurious: [] };
    const pairedPred = new Uint8Array(doc.predicted.length);
    doc.gold.forEach((g, i) => {
      const j = assignment[i] as number;
      if (j < 0 || (weights[i * doc.predicted.length + j] as number) === 0) {
        result.missed.push(i);
        countTokens(g.cue, [], cueTokens);
        unmatchedRoles(g, "gold");
        return;
      }
      const p = doc.predicted[j] as GepadeAnnotation;
      pairedPred[j] = 1;
      paired++;
      countTokens(g.cue, p.cue, cueTokens);
      const exactCue = sameIds(g.cue, p.cue);
      result.pairs.push({ gold: i, predicted: j, exactCue });
      if (exactCue) {
        exact++;
        for (const role of GEPADE_ROLES)
          countTokens(g.roles[role], p.roles[role], byRole.get(role) as Counts);
      } else {
        unmatchedRoles(g, "gold");
        unmatchedRoles(p, "predicted");
      }
    });
    doc.predicted.forEach((p, j) => {
      if (pairedPred[j]) return;
      result.spurious.push(j);
      countTokens([], p.cue, cueTokens);
      unmatchedRoles(p, "predicted");
    });
    results.push(result);
  }

  const roles = zeroCounts();
  const perRole = {} as Record<GepadeRole, PRF>;
  for (const role of GEPADE_ROLES) {
    const counts = byRole.get(role) as Counts;
    roles.tp += counts.tp;
    roles.fp += counts.fp;
    roles.fn += counts.fn;
    perRole[role] = prf(counts);
  }
  return {
    scores: {
      cue: prf({ tp: exact, fp: predicted - exact, fn: gold - exact }),
      cueTokens: prf(cueTokens),
      roles: prf(roles),
      byRole: perRole,
      annotations: { gold, predicted, paired, exactCue: exact },
      docs: docs.length,
    },
    docs: results,
  };
}

function roleAgreement(g: GepadeAnnotation, p: GepadeAnnotation): number {
  let sum = 0;
  for (const role of GEPADE_ROLES) sum += overlapF1(g.roles[role], p.roles[role]);
  return sum / GEPADE_ROLES.length;
}

/** The speeches of a split folder, sorted by file name; `limit` keeps the first N. */
export function readGepadeDir(dir: string, limit?: number): GepadeGoldDoc[] {
  return readGoldDir(dir, limit, parseGepadeDoc);
}

export function parseGepadeDoc(name: string, json: unknown): GepadeGoldDoc {
  const bad = (what: string) => new LautError("E_GOLD_FORMAT", `gold document "${name}": ${what}`);
  const doc = json as { Sentences?: { SentenceId?: unknown; Tokens?: unknown }[]; Annotations?: unknown };
  if (!Array.isArray(doc?.Sentences)) throw bad("no Sentences");
  if (!Array.isArray(doc.Annotations)) throw bad("no Annotations");

  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const base = new Map<number, { first: number; count: number }>();
  const sentences: { first: number; end: number }[] = [];
  let offset = 0;
  for (const sentence of doc.Sentences) {
    if (typeof sentence.SentenceId !== "number" || !Array.isArray(sentence.Tokens))
      throw bad("malformed sentence");
    if (base.has(sentence.SentenceId)) throw bad(`sentence ${sentence.SentenceId} appears twice`);
    base.set(sentence.SentenceId, { first: starts.length, count: sentence.Tokens.length });
    sentences.push({ first: starts.length, end: starts.length + sentence.Tokens.length });
    for (const token of sentence.Tokens as unknown[]) {
      if (typeof token !== "string" || token.length === 0)
        throw bad(`sentence ${sentence.SentenceId} has a bad token`);
      if (parts.length > 0) {
        parts.push(" ");
        offset++;
      }
      parts.push(token);
      starts.push(offset);
      offset += token.length;
      ends.push(offset);
    }
  }
  const text = parts.join("");

  const toIds = (refs: unknown, what: string): number[] => {
    if (refs === undefined) return [];
    if (!Array.isArray(refs)) throw bad(`${what} is not a list`);
    return normaliseIds(
      refs.map((ref) => {
        const [s, t] = typeof ref === "string" ? ref.split(":").map(Number) : [];
        const sentence = s === undefined ? undefined : base.get(s);
        if (!sentence || t === undefined || !Number.isInteger(t) || t < 0 || t >= sentence.count) {
          throw bad(`${what} names token "${String(ref)}"`);
        }
        return sentence.first + t;
      }),
    );
  };
  const gold = (doc.Annotations as Record<string, unknown>[]).map((a, i): GepadeAnnotation => {
    const roles = emptyRoles();
    for (const role of GEPADE_ROLES) roles[role] = toIds(a[role], `annotation ${i} ${role}`);
    return { cue: toIds(a.Cue, `annotation ${i} Cue`), roles };
  });
  return { name, text, cover: new TokenCover(text, starts, ends), starts, ends, sentences, gold };
}

/**
 * laut's speech events as GePaDe annotations: cue parts are the Cue, particle the PTC, and every
 * role its namesake. Used whenever the analysis carries `speechEvents`; else the quotes below.
 */
function gepadeFromSpeechEvents(
  events: readonly AnalysisSpeechEvent[],
  cover: TokenCover,
): GepadeAnnotation[] {
  return events.map((e) => {
    const roles = emptyRoles();
    for (const [name, role] of SPEECH_EVENT_ROLES) {
      const span = e[name];
      if (span) roles[role] = cover.tokens(span.parts);
    }
    return { cue: cover.tokens(e.cue.parts), roles };
  });
}

/**
 * laut's quotes as GePaDe annotations: the first cue part is the Cue, later parts (the "mit" of
 * "teilte … mit") the verb particle PTC; speaker → Source, message → Message, addressee → Addr.
 * laut predicts no Topic, Evidence or Medium.
 */
export function gepadeFromAnalysis(
  analysis: Pick<Analysis, "quotes" | "speechEvents">,
  cover: TokenCover,
): GepadeAnnotation[] {
  if (analysis.speechEvents) return gepadeFromSpeechEvents(analysis.speechEvents, cover);
  return analysis.quotes.map((q) => {
    const roles = emptyRoles();
    const [first, ...rest] = q.cue?.parts ?? [];
    if (q.speaker) roles.Source = cover.tokens([q.speaker]);
    roles.Message = cover.tokens(q.spans);
    if (q.addressee) roles.Addr = cover.tokens([q.addressee]);
    roles.PTC = cover.tokens(rest);
    return { cue: first ? cover.tokens([first as Span]) : [], roles };
  });
}
