/**
 * One self-contained HTML page per Analysis: the article with every quote's message tinted in
 * its speaker's colour, cues underlined, speaker mentions boxed, partial quotes, names and scare
 * quotes styled apart, a tooltip per quote and a speaker legend. No scripts, no external assets.
 *
 * Spans nest and overlap (a speaker mention inside another quote's message, a nested quote), so
 * the text is cut once at every span and paragraph boundary; for each piece the active marks are
 * ordered outermost first (earlier start, then later end) and only the elements that differ from
 * the previous piece are closed and reopened. Properly nested spans therefore stay single
 * elements; crossing spans are split into pieces with the same attributes.
 */
import type { Analysis, AnalysisQuote } from "../analysis.js";
import type { ParagraphKind, Span } from "../doc.js";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies (black left out). */
const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"] as const;
/** After the palette is used up, colours repeat with another line style so speakers stay distinct. */
const LINE_STYLES = ["solid", "dashed", "dotted"] as const;
const SPEAKER_STYLES = PALETTE.length * LINE_STYLES.length;

type MarkKind = "msg" | "spk" | "cue" | "partial" | "name" | "scare";
/** Among marks with equal start and end, lower rank is the outer element. */
const RANK: Record<MarkKind, number> = { msg: 0, partial: 1, name: 1, scare: 1, spk: 2, cue: 3 };

interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** opening tag, built once */
  open: string;
  /** creation order, the last tie-break so the order is total */
  seq: number;
}

const TYPE_LABEL: Record<AnalysisQuote["type"], string> = {
  direct: "direct quote",
  indirect: "indirect quote",
  free_indirect: "free indirect quote",
  indirect_free_indirect: "indirect/free indirect quote",
  reported: "reported speech",
};

const BLOCK_TAG: Record<ParagraphKind, [string, string]> = {
  title: ["<h1>", "</h1>"],
  heading: ["<h2>", "</h2>"],
  lead: ['<p class="lead">', "</p>"],
  body: ["<p>", "</p>"],
};

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "\t": "\t",
  "\n": "\n",
  "\r": "\r",
  "\f": "\f",
};
// markup characters, plus the control characters HTML5 forbids in a document (shown as U+FFFD)
const ESCAPE = /[&<>"'\p{Cc}]/gu;

export function escapeHtml(text: string): string {
  return text.replace(ESCAPE, (c) => ESCAPES[c] ?? "\uFFFD");
}

interface Speaker {
  key: string;
  name: string;
  role: string | null;
  style: number;
  quotes: AnalysisQuote[];
}

export function renderHtml(analysis: Analysis): string {
  const text = analysis.text;
  const speakers = speakersOf(analysis.quotes);
  const styleOf = (q: AnalysisQuote): string => {
    const key = speakerKey(q);
    const speaker = key === null ? undefined : speakers.get(key);
    return speaker ? `c${speaker.style}` : "cu";
  };

  const marks = collectMarks(analysis, styleOf);
  const article = renderArticle(text, blocksOf(analysis), marks);
  const unattributed = analysis.quotes.filter((q) => !q.speaker).length;
  const pageTitle = analysis.title?.text.trim() || analysis.source.name || "laut analysis";
  const usedStyles = Math.min(speakers.size, SPEAKER_STYLES);

  return [
    "<!DOCTYPE html>",
    '<html lang="de">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="laut">',
    `<title>${escapeHtml(pageTitle)}</title>`,
    `<style>${css(usedStyles)}</style>`,
    "</head>",
    "<body>",
    `<header lang="en"><p class="meta">laut · ${escapeHtml(analysis.source.name ?? "(unnamed source)")} · ${plural(analysis.quotes.length, "quote")} · ${plural(speakers.size, "speaker")}</p></header>`,
    "<main>",
    `<article>${article}</article>`,
    legend(speakers, unattributed, analysis),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Speakers in order of their first quote in the text; each gets the next palette entry. */
function speakersOf(quotes: readonly AnalysisQuote[]): Map<string, Speaker> {
  const speakers = new Map<string, Speaker>();
  const ordered = [...quotes].sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0));
  for (const q of ordered) {
    const key = speakerKey(q);
    if (key === null || !q.speaker) continue;
    let speaker = speakers.get(key);
    if (!speaker) {
      speaker = { key, name: q.speaker.name, role: null, style: speakers.size % SPEAKER_STYLES, quotes: [] };
      speakers.set(key, speaker);
    }
    speaker.role ??= q.speaker.role ?? null;
    speaker.quotes.push(q);
  }
  return speakers;
}

const speakerKey = (q: AnalysisQuote): string | null =>
  q.speaker ? (q.speaker.entity ?? `name:${q.speaker.name}`) : null;

function collectMarks(analysis: Analysis, styleOf: (q: AnalysisQuote) => string): Mark[] {
  const length = analysis.text.length;
  const marks: Mark[] = [];
  // one speaker mention or cue can serve several quotes: one element, all their ids
  const shared = new Map<string, { mark: Mark; quotes: string[]; titles: string[]; style: string }>();
  const add = (span: Span, kind: MarkKind, open: string): Mark | null => {
    const start = Math.max(0, Math.min(length, span.start));
    const end = Math.max(start, Math.min(length, span.end));
    if (end <= start) return null;
    const mark = { start, end, kind, open, seq: marks.length };
    marks.push(mark);
    return mark;
  };
  const addShared = (span: Span, kind: "spk" | "cue", q: AnalysisQuote, title: string): void => {
    const key = `${kind}:${span.start}:${span.end}`;
    const style = styleOf(q);
    const entry = shared.get(key);
    if (entry) {
      entry.quotes.push(q.id);
      entry.titles.push(title);
      return;
    }
    const mark = add(span, kind, "");
    if (mark) shared.set(key, { mark, quotes: [q.id], titles: [title], style });
  };

  for (const q of analysis.quotes) {
    const style = styleOf(q);
    const title = quoteTitle(q);
    q.spans.forEach((span, part) => {
      const id = part === 0 ? ` id="${escapeHtml(q.id)}"` : "";
      add(
        span,
        "msg",
        `<span class="msg ${style}"${id} data-quote="${escapeHtml(q.id)}" data-part="${part}" title="${escapeHtml(title)}">`,
      );
    });
    if (q.speaker) addShared(q.speaker, "spk", q, `speaker of ${q.id}: ${q.speaker.name}`);
    if (q.cue) {
      const parts = q.cue.parts.length > 0 ? q.cue.parts : [q.cue];
      for (const part of parts) addShared(part, "cue", q, `cue of ${q.id} (${q.cue.lemma})`);
    }
  }
  for (const entry of shared.values()) {
    entry.mark.open = `<span class="${entry.mark.kind} ${entry.style}" data-quote="${escapeHtml(entry.quotes.join(" "))}" title="${escapeHtml(entry.titles.join("; "))}">`;
  }
  for (const m of analysis.quoted) {
    if (m.role === "speech") continue;
    const what =
      m.role === "partial" ? "partial quote" : m.role === "name" ? "name in quote marks" : "scare quotes";
    const title = m.quote ? `${what} (in ${m.quote})` : what;
    add(
      m,
      m.role,
      `<span class="quoted ${m.role}" data-quoted="${escapeHtml(m.id)}" title="${escapeHtml(title)}">`,
    );
  }
  return marks;
}

function quoteTitle(q: AnalysisQuote): string {
  const parts = [TYPE_LABEL[q.type]];
  if (q.medium !== "speech") parts.push(q.medium.replace("_", "/"));
  if (q.speaker) {
    const mention = q.speaker.text !== q.speaker.name ? ` (“${q.speaker.text}”)` : "";
    parts.push(`speaker: ${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ""}${mention}`);
  } else {
    parts.push("speaker unknown");
  }
  if (q.cue) parts.push(`cue: ${q.cue.text}`);
  if (q.addressee) parts.push(`to: ${q.addressee.text}`);
  parts.push(`confidence ${q.confidence.toFixed(2)}`, q.id);
  return parts.join(" · ");
}

interface Block extends Span {
  kind: ParagraphKind;
}

/** Paragraphs in text order; text outside every paragraph is kept as body blocks so nothing is lost. */
function blocksOf(analysis: Analysis): Block[] {
  const text = analysis.text;
  const paragraphs = [...analysis.paragraphs]
    .map((p) => ({ start: Math.max(0, p.start), end: Math.min(text.length, p.end), kind: p.kind }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const blocks: Block[] = [];
  let cursor = 0;
  const gap = (end: number): void => {
    // stray text between paragraphs: one body block per non-blank line
    const stretch = text.slice(cursor, end);
    let offset = cursor;
    for (const line of stretch.split("\n")) {
      const trimmedStart = line.length - line.trimStart().length;
      const trimmed = line.trim();
      if (trimmed !== "") {
        blocks.push({
          start: offset + trimmedStart,
          end: offset + trimmedStart + trimmed.length,
          kind: "body",
        });
      }
      offset += line.length + 1;
    }
  };
  for (const p of paragraphs) {
    if (p.start < cursor) continue; // overlapping paragraph: the first one wins
    if (p.start > cursor) gap(p.start);
    blocks.push(p);
    cursor = p.end;
  }
  if (cursor < text.length) gap(text.length);
  return blocks;
}

function renderArticle(text: string, blocks: readonly Block[], marks: Mark[]): string {
  if (blocks.length === 0) return '<p class="empty">(no text)</p>';
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const cuts = new Set<number>();
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const b of blocks) cuts.add(b.start).add(b.end);
  const points = Uint32Array.from(cuts).sort();

  const out: string[] = [];
  let active: Mark[] = [];
  let open: Mark[] = [];
  let next = 0; // next mark in byStart to activate
  let blockIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as Mark).start <= from)
      active.push(byStart[next++] as Mark);
    active = active.filter((m) => m.end > from);

    while (blockIndex < blocks.length && (blocks[blockIndex] as Block).end <= from) blockIndex++;
    const block = blocks[blockIndex];
    if (!block || from < block.start) continue; // between blocks: blank text, not rendered
    if (from === block.start) out.push(BLOCK_TAG[block.kind][0]);

    const wanted = [...active].sort(outerFirst);
    let keep = 0;
    while (keep < open.length && keep < wanted.length && open[keep] === wanted[keep]) keep++;
    for (let k = open.length; k > keep; k--) out.push("</span>");
    for (let k = keep; k < wanted.length; k++) out.push((wanted[k] as Mark).open);
    open = wanted;

    out.push(escapeHtml(text.slice(from, to)));

    if (to === block.end) {
      for (let k = open.length; k > 0; k--) out.push("</span>");
      open = [];
      out.push(BLOCK_TAG[block.kind][1], "\n");
    }
  }
  return out.join("");
}

function outerFirst(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind] || a.seq - b.seq;
}

function legend(speakers: Map<string, Speaker>, unattributed: number, analysis: Analysis): string {
  const rows: string[] = [];
  for (const s of speakers.values()) {
    const first = s.quotes[0]?.id ?? "";
    const role = s.role ? ` <span class="role">${escapeHtml(s.role)}</span>` : "";
    rows.push(
      `<li data-speaker="${escapeHtml(s.key)}"><span class="swatch c${s.style}"></span><a href="#${escapeHtml(first)}">${escapeHtml(s.name)}</a>${role} <span class="count">${s.quotes.length}</span></li>`,
    );
  }
  if (unattributed > 0) {
    rows.push(
      `<li data-speaker=""><span class="swatch cu"></span>unattributed <span class="count">${unattributed}</span></li>`,
    );
  }
  const roles = new Set(analysis.quoted.map((m) => m.role));
  const key = [
    '<span class="cue c0">cue</span>',
    '<span class="spk c0">speaker mention</span>',
    roles.has("partial") ? '<span class="quoted partial">«partial quote»</span>' : "",
    roles.has("name") ? '<span class="quoted name">«name in quote marks»</span>' : "",
    roles.has("scare") ? '<span class="quoted scare">«scare quotes»</span>' : "",
  ].filter((s) => s !== "");
  return [
    '<aside class="legend" lang="en">',
    "<h2>Speakers</h2>",
    rows.length > 0 ? `<ul>\n${rows.join("\n")}\n</ul>` : '<p class="empty">No quotes found.</p>',
    `<p class="key">${key.join(" ")}</p>`,
    "</aside>",
  ].join("\n");
}

function css(speakerStyles: number): string {
  const rules = [
    "body{font:17px/1.6 Georgia,'Times New Roman',serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:46rem;padding:1.5rem}",
    "h1{font-size:1.7rem;line-height:1.25}h2{font-size:1.2rem}",
    ".lead{font-weight:600}",
    "p,h1,h2{white-space:pre-line}",
    ".meta,.legend{font:14px/1.5 system-ui,sans-serif;color:#444}",
    ".legend{border-top:1px solid #ccc;margin-top:2rem}.legend ul{list-style:none;padding:0}",
    ".legend li{margin:.2rem 0}.legend .count{font-weight:700}.legend .role{color:#666}",
    ".swatch{display:inline-block;width:1em;height:1em;margin-right:.4em;vertical-align:-.15em;border:1px solid #555}",
    ".msg{border-bottom:2px solid transparent}",
    ".msg.cu{background:#e8e8e8;border-bottom:2px dashed #777}.swatch.cu{background:#e8e8e8}",
    ".cue{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:2px;font-weight:700}",
    ".spk{outline:2px solid #555;outline-offset:1px;border-radius:2px}",
    ".quoted.partial{font-style:italic;border-bottom:1px dotted #333}",
    ".quoted.name{font-variant:small-caps;background:#f2f2f2}",
    ".quoted.scare{font-style:italic;color:#555}",
  ];
  for (let i = 0; i < Math.max(1, speakerStyles); i++) {
    const colour = PALETTE[i % PALETTE.length] as string;
    const line = LINE_STYLES[Math.floor(i / PALETTE.length)] as string;
    const tint = `${colour}40`;
    rules.push(
      `.msg.c${i}{background:${tint};border-bottom:2px ${line} ${colour}}.swatch.c${i}{background:${tint};border:2px ${line} ${colour}}` +
        `.spk.c${i}{outline-color:${colour}}.cue.c${i}{text-decoration-color:${colour}}`,
    );
  }
  return rules.join("\n");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
