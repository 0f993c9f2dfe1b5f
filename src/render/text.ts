/**
 * The terminal report: who said what, grouped by speaker. Reads only the Analysis.
 * Article text is hostile: control characters (ANSI escapes) and bidi overrides are replaced
 * before anything reaches the terminal, and whitespace inside a message is collapsed.
 */
import type { Analysis, AnalysisQuote, AnalysisQuoted } from "../analysis.js";

export interface TextOptions {
  /** ANSI colour and bold; the CLI turns it on only for a TTY without NO_COLOR */
  color?: boolean;
  /** line width for wrapping messages; default 80 */
  width?: number;
}

const ANSI = {
  reset: "\x1b[0m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  cyan: "\x1b[36m",
  yellow: "\x1b[33m",
  green: "\x1b[32m",
  magenta: "\x1b[35m",
} as const;
type Style = keyof typeof ANSI;

const TYPE_LABEL: Record<AnalysisQuote["type"], string> = {
  direct: "direct",
  indirect: "indirect",
  free_indirect: "free indirect",
  indirect_free_indirect: "indirect/free indirect",
  reported: "reported",
};

const ROLE_LABEL: Record<AnalysisQuoted["role"], string> = {
  speech: "speech",
  partial: "partial quote",
  name: "name",
  scare: "scare quote",
};

// C0/C1 controls (terminal escapes; whitespace is collapsed before) and bidi embeddings,
// overrides and isolates ("Trojan Source")
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
const WHITESPACE = /\s+/g;

/** Text safe to print on one line: whitespace collapsed, control and bidi characters shown as U+FFFD. */
export function terminalSafe(text: string): string {
  return text.replace(WHITESPACE, " ").replace(UNSAFE, "\uFFFD").trim();
}

interface SpeakerGroup {
  name: string;
  role: string | null;
  quotes: AnalysisQuote[];
  first: number;
}

export function renderText(analysis: Analysis, options: TextOptions = {}): string {
  const color = options.color === true;
  const width = Math.max(40, options.width ?? 80);
  const paint = (style: Style, s: string): string => (color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
  const lines: string[] = [];

  const title = analysis.title ? terminalSafe(analysis.title.text) : "";
  const source = analysis.source;
  lines.push(paint("bold", title || terminalSafe(source.name ?? "") || "(untitled)"));
  const sourceDetails = [source.format, source.encoding].filter((s) => s !== null && s !== "").join(", ");
  lines.push(paint("dim", `source: ${terminalSafe(source.name ?? "(unnamed)")} (${sourceDetails})`));
  lines.push(
    paint(
      "dim",
      [
        `${count(analysis.text.length)} characters`,
        `${count(analysis.tokens.length)} tokens`,
        `${count(analysis.sentences.length)} sentences`,
        plural(analysis.paragraphs.length, "paragraph"),
      ].join(" · "),
    ),
  );

  const { groups, unattributed } = groupBySpeaker(analysis.quotes);
  // partial quotes are quotes (listed with their speaker); only names and scare quotes are "other"
  const others = analysis.quoted.filter((q) => q.role === "name" || q.role === "scare");
  const roleOf = new Map(analysis.quoted.map((m) => [m.id, m.role]));
  const isPartial = (q: AnalysisQuote) =>
    q.type === "direct" && q.quoted.length > 0 && q.quoted.every((id) => roleOf.get(id) === "partial");
  lines.push(
    [
      plural(analysis.quotes.length, "quote") + typeBreakdown(analysis.quotes),
      plural(groups.length, "speaker"),
      `${count(unattributed.length)} unattributed`,
      `${count(others.length)} other quoted`,
    ].join(" · "),
  );

  const renderQuote = (q: AnalysisQuote): void => {
    const label = isPartial(q) ? "partial quote" : TYPE_LABEL[q.type];
    const facts = [paint("dim", q.id), paint(q.type === "direct" ? "green" : "magenta", label)];
    if (q.medium !== "speech") facts.push(q.medium.replace("_", "/"));
    if (q.cue) facts.push(`cue ${paint("yellow", `"${terminalSafe(q.cue.text)}"`)}`);
    else facts.push(`via ${terminalSafe(q.attribution)}`);
    if (q.speaker && terminalSafe(q.speaker.text) !== terminalSafe(q.speaker.name)) {
      facts.push(`as "${terminalSafe(q.speaker.text)}"`);
    }
    if (q.addressee) facts.push(`to "${terminalSafe(q.addressee.text)}"`);
    facts.push(`confidence ${q.confidence.toFixed(2)}`);
    lines.push(`  ${facts.join(paint("dim", " · "))}`);
    for (const line of wrap(terminalSafe(q.text), width - 4)) lines.push(`    ${line}`);
  };

  for (const group of groups) {
    lines.push("");
    const role = group.role ? ` — ${terminalSafe(group.role)}` : "";
    lines.push(
      `${paint("bold", paint("cyan", terminalSafe(group.name)))}${role} ${paint("dim", `· ${plural(group.quotes.length, "quote")}`)}`,
    );
    for (const q of group.quotes) renderQuote(q);
  }
  if (unattributed.length > 0) {
    lines.push("");
    lines.push(
      `${paint("bold", "Unattributed")} ${paint("dim", `· ${plural(unattributed.length, "quote")}`)}`,
    );
    for (const q of unattributed) renderQuote(q);
  }
  if (others.length > 0) {
    lines.push("");
    lines.push(paint("bold", "Names and scare quotes (not speech)"));
    const labelWidth = Math.max(...others.map((q) => ROLE_LABEL[q.role].length));
    for (const q of others) {
      const inQuote = q.quote ? paint("dim", ` (in ${q.quote})`) : "";
      lines.push(
        `  ${ROLE_LABEL[q.role].padEnd(labelWidth)}  ${truncate(terminalSafe(q.text), width - labelWidth - 14)}${inQuote}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Speakers by number of quotes (then by first appearance); quotes in text order. */
function groupBySpeaker(quotes: readonly AnalysisQuote[]): {
  groups: SpeakerGroup[];
  unattributed: AnalysisQuote[];
} {
  const byKey = new Map<string, SpeakerGroup>();
  const unattributed: AnalysisQuote[] = [];
  const ordered = [...quotes].sort((a, b) => quoteStart(a) - quoteStart(b));
  for (const q of ordered) {
    if (!q.speaker) {
      unattributed.push(q);
      continue;
    }
    const key = q.speaker.entity ?? `name:${q.speaker.name}`;
    let group = byKey.get(key);
    if (!group) {
      group = { name: q.speaker.name, role: q.speaker.role ?? null, quotes: [], first: quoteStart(q) };
      byKey.set(key, group);
    }
    group.role ??= q.speaker.role ?? null;
    group.quotes.push(q);
  }
  const groups = [...byKey.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.first - b.first);
  return { groups, unattributed };
}

const quoteStart = (q: AnalysisQuote): number => q.spans[0]?.start ?? 0;

function typeBreakdown(quotes: readonly AnalysisQuote[]): string {
  if (quotes.length === 0) return "";
  const counts = new Map<string, number>();
  for (const q of quotes) counts.set(TYPE_LABEL[q.type], (counts.get(TYPE_LABEL[q.type]) ?? 0) + 1);
  return ` (${[...counts].map(([label, n]) => `${n} ${label}`).join(", ")})`;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (word === "") continue;
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function truncate(text: string, max: number): string {
  const limit = Math.max(10, max);
  if (text.length <= limit) return text;
  let end = limit - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Thousands separated by commas, independent of the machine's locale. */
function count(n: number): string {
  const digits = String(n);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? "" : "s"}`;
