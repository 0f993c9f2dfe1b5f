/**
 * The quotation scorer of the German WikiNews / SpkAtt 2023 task 2 setting, as a pure function
 * over gold and predicted quotes in gold-token-id space (no text, no pipeline), so tests can feed
 * it hand-built cases. docs/EVALUATION.md describes every number in plain words.
 *
 * Per document, gold and predicted quotes are paired one-to-one by an optimal assignment
 * (Kuhn-Munkres) maximising message overlap F1 + 0.01 for the same type + 0.001 for the same
 * medium (the official scorer's weights); pairs without message overlap do not count as pairs.
 */
import { maxWeightAssignment } from "./hungarian.js";
import {
  addCounts,
  type Counts,
  countTokens,
  harmonic,
  overlapF1,
  type PRF,
  prf,
  sameIds,
  zeroCounts,
} from "./metrics.js";

export const QUOTE_ROLES = ["speaker", "cue", "addressee", "frame"] as const;
export type QuoteRole = (typeof QUOTE_ROLES)[number];

/** One quotation; every token list ascending and duplicate-free; labels in the gold vocabulary. */
export interface TokenQuote {
  message: readonly number[];
  speaker: readonly number[];
  cue: readonly number[];
  addressee: readonly number[];
  frame: readonly number[];
  /** Direct | Indirect | FreeIndirect | IndirectFreeIndirect | Reported */
  type: string | null;
  /** Speech | Writing | Thought | SW | ST | TW | none */
  medium: string | null;
  /** inside another quote; the simplified setting drops nested quotes */
  nested: boolean;
}

export interface QuoteDocInput {
  name: string;
  gold: readonly TokenQuote[];
  predicted: readonly TokenQuote[];
  /** 1 for tokens that are punctuation only; the speaker exact match ignores them */
  punctuation?: Uint8Array;
}

export interface QuotePair {
  gold: number;
  predicted: number;
}

/** What happened to each quote of one document; indices point into the input arrays. */
export interface QuoteDocResult {
  name: string;
  pairs: QuotePair[];
  missed: number[];
  spurious: number[];
  /** pairs whose normalised speaker token sets differ */
  wrongSpeaker: QuotePair[];
}

export interface QuoteScoreOptions {
  /** the shared task's simplified setting: non-nested quotes only, speaker as the only role */
  simplified?: boolean;
}

export interface QuoteScores {
  message: PRF;
  roles: PRF;
  joint: PRF;
  type: { accuracy: number };
  medium: { accuracy: number };
  byRole: Partial<Record<QuoteRole, PRF>>;
  /** message P/R/F1 per gold type (unpaired predictions count under their predicted type) */
  byType: Record<string, PRF>;
  speaker: { exactMatch: number; paired: number; noSpeaker: number };
  /** the official SpkAtt 2023 script's numbers: macro-averaged over quote groups */
  official: { message: PRF; roles: PRF; joint: PRF; type: PRF; medium: PRF };
  quotes: { gold: number; predicted: number; paired: number; missed: number; spurious: number };
  docs: number;
}

export const TYPE_BONUS = 0.01;
export const MEDIUM_BONUS = 0.001;
/**
 * Not in the official scorer: when message, type and medium tie (gold has quotes with identical
 * messages but different speakers), prefer the pairing whose roles agree. Far below the medium
 * bonus, so it only ever breaks ties.
 */
const ROLE_BONUS = 1e-6;

/** Sums of per-group precisions and recalls, as the official script macro-averages them. */
interface Macro {
  pSum: number;
  pN: number;
  rSum: number;
  rN: number;
}
const zeroMacro = (): Macro => ({ pSum: 0, pN: 0, rSum: 0, rN: 0 });
const macroPrf = (m: Macro): PRF => {
  const p = m.pN > 0 ? m.pSum / m.pN : 0;
  const r = m.rN > 0 ? m.rSum / m.rN : 0;
  return { p, r, f1: harmonic(p, r) };
};

class Tally {
  readonly roles: readonly QuoteRole[];
  readonly message = zeroCounts();
  readonly byRole = new Map<QuoteRole, Counts>();
  readonly byType = new Map<string, Counts>();
  readonly macroMessage = zeroMacro();
  readonly macroRoles = zeroMacro();
  typeAgree = 0;
  mediumAgree = 0;
  speakerExact = 0;
  noSpeaker = 0;
  gold = 0;
  predicted = 0;
  paired = 0;
  docs = 0;

  constructor(roles: readonly QuoteRole[]) {
    this.roles = roles;
    for (const role of roles) this.byRole.set(role, zeroCounts());
  }

  /** One group: a pair, or a quote without partner (the other side empty). */
  group(gold: TokenQuote | null, predicted: TokenQuote | null): void {
    const message = zeroCounts();
    countTokens(gold?.message ?? [], predicted?.message ?? [], message);
    addCounts(this.message, message);
    const typeKey = gold ? (gold.type ?? "none") : (predicted?.type ?? "none");
    addCounts(this.#typeCounts(typeKey), message);
    macroAdd(this.macroMessage, message);
    for (const role of this.roles) {
      const counts = zeroCounts();
      countTokens(gold?.[role] ?? [], predicted?.[role] ?? [], counts);
      addCounts(this.byRole.get(role) as Counts, counts);
      macroAdd(this.macroRoles, counts);
    }
  }

  #typeCounts(key: string): Counts {
    let counts = this.byType.get(key);
    if (!counts) {
      counts = zeroCounts();
      this.byType.set(key, counts);
    }
    return counts;
  }
}

function macroAdd(macro: Macro, c: Counts): void {
  if (c.tp + c.fp > 0) {
    macro.pSum += c.tp / (c.tp + c.fp);
    macro.pN++;
  }
  if (c.tp + c.fn > 0) {
    macro.rSum += c.tp / (c.tp + c.fn);
    macro.rN++;
  }
}

function roleAgreement(gold: TokenQuote, predicted: TokenQuote, roles: readonly QuoteRole[]): number {
  let sum = 0;
  for (const role of roles) sum += overlapF1(gold[role], predicted[role]);
  return roles.length > 0 ? sum / roles.length : 0;
}

function withoutPunctuation(ids: readonly number[], punctuation: Uint8Array | undefined): readonly number[] {
  return punctuation ? ids.filter((id) => punctuation[id] !== 1) : ids;
}

/** The optimal one-to-one pairing of one document (indices into the given arrays). */
export function pairQuotes(
  gold: readonly TokenQuote[],
  predicted: readonly TokenQuote[],
  roles: readonly QuoteRole[] = QUOTE_ROLES,
): QuotePair[] {
  const weights = new Float64Array(gold.length * predicted.length);
  gold.forEach((g, i) => {
    predicted.forEach((p, j) => {
      const overlap = overlapF1(g.message, p.message);
      if (overlap === 0) return;
      weights[i * predicted.length + j] =
        overlap +
        (g.type === p.type ? TYPE_BONUS : 0) +
        (g.medium === p.medium ? MEDIUM_BONUS : 0) +
        ROLE_BONUS * roleAgreement(g, p, roles);
    });
  });
  const assignment = maxWeightAssignment(weights, gold.length, predicted.length);
  const pairs: QuotePair[] = [];
  assignment.forEach((j, i) => {
    // the assignment fills every row; a zero-weight cell means no message overlap: not a pair
    if (j >= 0 && (weights[i * predicted.length + j] as number) > 0) pairs.push({ gold: i, predicted: j });
  });
  return pairs;
}

export function scoreQuotes(
  docs: readonly QuoteDocInput[],
  options: QuoteScoreOptions = {},
): { scores: QuoteScores; docs: QuoteDocResult[] } {
  const roles: readonly QuoteRole[] = options.simplified ? ["speaker"] : QUOTE_ROLES;
  const tally = new Tally(roles);
  const results: QuoteDocResult[] = [];

  for (const doc of docs) {
    tally.docs++;
    const goldIdx = indicesOf(doc.gold, options.simplified);
    const predIdx = indicesOf(doc.predicted, options.simplified);
    const gold = goldIdx.map((i) => doc.gold[i] as TokenQuote);
    const predicted = predIdx.map((i) => doc.predicted[i] as TokenQuote);
    tally.gold += gold.length;
    tally.predicted += predicted.length;
    for (const p of predicted) if (p.speaker.length === 0) tally.noSpeaker++;

    const pairs = pairQuotes(gold, predicted, roles);
    const pairedGold = new Uint8Array(gold.length);
    const pairedPred = new Uint8Array(predicted.length);
    const result: QuoteDocResult = { name: doc.name, pairs: [], missed: [], spurious: [], wrongSpeaker: [] };
    for (const pair of pairs) {
      const g = gold[pair.gold] as TokenQuote;
      const p = predicted[pair.predicted] as TokenQuote;
      pairedGold[pair.gold] = 1;
      pairedPred[pair.predicted] = 1;
      tally.paired++;
      tally.group(g, p);
      if (g.type === p.type) tally.typeAgree++;
      if (g.medium === p.medium) tally.mediumAgree++;
      const original = { gold: goldIdx[pair.gold] as number, predicted: predIdx[pair.predicted] as number };
      result.pairs.push(original);
      if (
        sameIds(
          withoutPunctuation(g.speaker, doc.punctuation),
          withoutPunctuation(p.speaker, doc.punctuation),
        )
      ) {
        tally.speakerExact++;
      } else {
        result.wrongSpeaker.push(original);
      }
    }
    gold.forEach((g, i) => {
      if (pairedGold[i]) return;
      tally.group(g, null);
      result.missed.push(goldIdx[i] as number);
    });
    predicted.forEach((p, j) => {
      if (pairedPred[j]) return;
      tally.group(null, p);
      result.spurious.push(predIdx[j] as number);
    });
    results.push(result);
  }
  const roleCounts = zeroCounts();
  const byRole: Partial<Record<QuoteRole, PRF>> = {};
  for (const role of roles) {
    const counts = tally.byRole.get(role) as Counts;
    addCounts(roleCounts, counts);
    byRole[role] = prf(counts);
  }
  const joint = zeroCounts();
  addCounts(joint, tally.message);
  addCounts(joint, roleCounts);
  const byType: Record<string, PRF> = {};
  for (const key of [...tally.byType.keys()].sort()) byType[key] = prf(tally.byType.get(key) as Counts);
  const jointMacro: Macro = {
    pSum: tally.macroMessage.pSum + tally.macroRoles.pSum,
    pN: tally.macroMessage.pN + tally.macroRoles.pN,
    rSum: tally.macroMessage.rSum + tally.macroRoles.rSum,
    rN: tally.macroMessage.rN + tally.macroRoles.rN,
  };
  // the official script counts a label as true positive per pair, false positive per predicted
  // and false negative per gold quote without the same label
  const labelPrf = (tp: number): PRF => prf({ tp, fp: tally.predicted - tp, fn: tally.gold - tp });

  const scores: QuoteScores = {
    message: prf(tally.message),
    roles: prf(roleCounts),
    joint: prf(joint),
    type: { accuracy: tally.paired > 0 ? tally.typeAgree / tally.paired : 0 },
    medium: { accuracy: tally.paired > 0 ? tally.mediumAgree / tally.paired : 0 },
    byRole,
    byType,
    speaker: {
      exactMatch: tally.paired > 0 ? tally.speakerExact / tally.paired : 0,
      paired: tally.paired,
      noSpeaker: tally.noSpeaker,
    },
    official: {
      message: macroPrf(tally.macroMessage),
      roles: macroPrf(tally.macroRoles),
      joint: macroPrf(jointMacro),
      type: labelPrf(tally.typeAgree),
      medium: labelPrf(tally.mediumAgree),
    },
    quotes: {
      gold: tally.gold,
      predicted: tally.predicted,
      paired: tally.paired,
      missed: tally.gold - tally.paired,
      spurious: tally.predicted - tally.paired,
    },
    docs: tally.docs,
  };
  return { scores, docs: results };
}

function indicesOf(quotes: readonly TokenQuote[], simplified: boolean | undefined): number[] {
  const out: number[] = [];
  quotes.forEach((q, i) => {
    if (!simplified || !q.nested) out.push(i);
  });
  return out;
}
