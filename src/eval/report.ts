/**
 * What `laut eval` prints: aligned tables for people, rounded JSON for scripts, and the error
 * file (every missed, spurious and mis-attributed quote with its context) for developers.
 */
import type { Span } from "../doc.js";
import { GEPADE_ROLES } from "./gepade.js";
import type { PRF } from "./metrics.js";
import { QUOTE_ROLES } from "./quotes.js";
import type { GepadeEvaluation, NerEvaluation, QuoteEvaluation } from "./run.js";
import type { CharQuote, QuoteGoldDoc } from "./wikinews.js";

/** Scores rounded to 4 decimals (values stay in 0..1), seconds to 2. */
export function roundForJson(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Math.round(value * 1e4) / 1e4;
  if (Array.isArray(value)) return value.map(roundForJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "seconds" && typeof v === "number" ? Math.round(v * 100) / 100 : roundForJson(v);
    }
    return out;
  }
  return value;
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
const row = (label: string, s: PRF): string => `${label.padEnd(24)}${pct(s.p)}${pct(s.r)}${pct(s.f1)}`;
const header = (label: string): string =>
  `${label.padEnd(24)}${"P".padStart(6)}${"R".padStart(6)}${"F1".padStart(6)}`;

export function quoteTable(run: QuoteEvaluation, title: string, simplified: boolean): string {
  const s = run.scores;
  const lines = [
    `laut eval quotes · ${title}${simplified ? " · simplified (non-nested, speaker only)" : ""}`,
    `${s.docs} documents · ${run.seconds.toFixed(1)} s`,
    "",
    header("micro, token overlap"),
    row("message", s.message),
    row("roles", s.roles),
  ];
  for (const role of QUOTE_ROLES) {
    const r = s.byRole[role];
    if (r) lines.push(row(`  ${role}`, r));
  }
  lines.push(
    row("joint", s.joint),
    "",
    header("official script (macro)"),
    row("message", s.official.message),
    row("roles", s.official.roles),
    row("joint", s.official.joint),
    row("type", s.official.type),
    row("medium", s.official.medium),
    "",
    header("message by gold type"),
  );
  for (const [type, r] of Object.entries(s.byType)) lines.push(row(`  ${type}`, r));
  lines.push(
    "",
    `type accuracy        ${pct(s.type.accuracy)}   over ${s.quotes.paired} paired quotes`,
    `medium accuracy      ${pct(s.medium.accuracy)}`,
    `speaker exact match  ${pct(s.speaker.exactMatch)}   over ${s.speaker.paired} paired quotes`,
    `predicted quotes without speaker: ${s.speaker.noSpeaker}`,
    `quotes: gold ${s.quotes.gold}, predicted ${s.quotes.predicted}, paired ${s.quotes.paired}, missed ${s.quotes.missed}, spurious ${s.quotes.spurious}`,
  );
  return `${lines.join("\n")}\n`;
}

export function gepadeTable(run: GepadeEvaluation, title: string): string {
  const s = run.scores;
  const lines = [
    `laut eval gepade · ${title}`,
    `${s.docs} speeches · ${run.seconds.toFixed(1)} s`,
    "",
    header(""),
    row("cue (exact)", s.cue),
    row("cue tokens", s.cueTokens),
    row("roles", s.roles),
  ];
  for (const role of GEPADE_ROLES) lines.push(row(`  ${role}`, s.byRole[role]));
  const a = s.annotations;
  lines.push(
    "",
    `annotations: gold ${a.gold}, predicted ${a.predicted}, paired ${a.paired}, exact cue ${a.exactCue}`,
  );
  return `${lines.join("\n")}\n`;
}

export function nerTable(run: NerEvaluation, title: string): string {
  const s = run.scores;
  const lines = [
    `laut eval ner · ${title} · outer chunks, strict`,
    `${s.sentences} sentences · ${run.seconds.toFixed(1)} s`,
    "",
    header(""),
    row("all", s),
  ];
  for (const [label, r] of Object.entries(s.byType)) lines.push(row(`  ${label}`, r));
  lines.push(
    "",
    `chunks: gold ${s.chunks.gold}, predicted ${s.chunks.predicted}, correct ${s.chunks.correct}`,
  );
  return `${lines.join("\n")}\n`;
}

const CONTEXT = 80;
const oneLine = (s: string): string => s.replace(/\s+/g, " ");

function spansText(text: string, spans: readonly Span[]): string {
  return spans.length === 0 ? "—" : spans.map((s) => text.slice(s.start, s.end)).join(" … ");
}

function context(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return "";
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const inner = text.slice(start, end);
  const shown = inner.length > 120 ? `${inner.slice(0, 55)} … ${inner.slice(-55)}` : inner;
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  const after = text.slice(end, end + CONTEXT);
  return oneLine(
    `${start > CONTEXT ? "…" : ""}${before}⟦${shown}⟧${after}${end + CONTEXT < text.length ? "…" : ""}`,
  );
}

function entry(
  doc: QuoteGoldDoc,
  label: string,
  quote: CharQuote,
  gold: CharQuote | null,
  predicted: CharQuote | null,
): string {
  return [
    `[${doc.name}] ${label}`,
    `  quote:    ${oneLine(spansText(doc.text, quote.message))}`,
    `  speaker:  gold ${gold ? oneLine(spansText(doc.text, gold.speaker)) : "(no gold quote)"} | laut ${
      predicted ? oneLine(spansText(doc.text, predicted.speaker)) : "(no laut quote)"
    }`,
    `  context:  ${context(doc.text, quote.message)}`,
  ].join("\n");
}

/** Every missed, spurious and mis-attributed quote of a run, grouped by kind. */
export function quoteErrors(run: QuoteEvaluation, title: string): string {
  const missed: string[] = [];
  const spurious: string[] = [];
  const wrongSpeaker: string[] = [];
  run.results.forEach((result, d) => {
    const doc = run.gold[d] as QuoteGoldDoc;
    const predicted = run.predicted[d] ?? [];
    for (const g of result.missed) {
      const q = (doc.quotes[g] as QuoteGoldDoc["quotes"][number]).chars;
      missed.push(entry(doc, `${q.type}/${q.medium}`, q, q, null));
    }
    for (const p of result.spurious) {
      const q = predicted[p] as CharQuote;
      spurious.push(entry(doc, `${q.type}/${q.medium} (laut)`, q, null, q));
    }
    for (const pair of result.wrongSpeaker) {
      const g = (doc.quotes[pair.gold] as QuoteGoldDoc["quotes"][number]).chars;
      const p = predicted[pair.predicted] as CharQuote;
      wrongSpeaker.push(entry(doc, `gold ${g.type}/${g.medium}, laut ${p.type}/${p.medium}`, g, g, p));
    }
  });
  const section = (name: string, entries: string[]) =>
    `== ${name} (${entries.length}) ==\n\n${entries.length > 0 ? `${entries.join("\n\n")}\n` : "(none)\n"}`;
  return [
    `laut eval quotes · errors · ${title}`,
    "⟦…⟧ marks the quote in its context; speaker texts are the annotated / predicted spans.",
    "",
    section("MISSED: gold quotes laut did not find", missed),
    section("SPURIOUS: laut quotes without a gold quote", spurious),
    section("WRONG SPEAKER: paired quotes whose speakers differ", wrongSpeaker),
  ].join("\n");
}
