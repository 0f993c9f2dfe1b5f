/**
 * From an Analysis to what the article view draws: the text cut once at every span boundary, each
 * piece knowing the innermost quote message it belongs to, whether it is a speaker mention and
 * whether it is a cue. Spans nest and overlap (a speaker mention inside another quote's message),
 * so pieces carry all three independently and the view nests the elements per piece.
 */
import type { Analysis } from "./api.js";

/** Okabe–Ito (black left out): distinguishable with the common colour-vision deficiencies */
export const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#C9B400"] as const;
export const UNATTRIBUTED_COLOUR = "#8a8f98";

export interface Speaker {
  key: string;
  name: string;
  role: string | null;
  colour: string;
  /** indices into analysis.quotes */
  quotes: number[];
}

export interface Piece {
  start: number;
  end: number;
  /** innermost quote whose message covers the piece */
  quote: number | null;
  /** the quote whose speaker this piece names */
  speakerOf: number | null;
  cueOf: number | null;
}

export interface Block {
  start: number;
  kind: Analysis["paragraphs"][number]["kind"];
  pieces: Piece[];
}

export interface Highlighting {
  blocks: Block[];
  speakers: Speaker[];
  /** colour per quote index */
  colours: string[];
  /** speaker key per quote index, null when unattributed */
  speakerKeys: (string | null)[];
}

const speakerKey = (q: Analysis["quotes"][number]): string | null =>
  q.speaker ? (q.speaker.entity ?? `name:${q.speaker.name}`) : null;

interface Mark {
  start: number;
  end: number;
  kind: "msg" | "spk" | "cue";
  quote: number;
}

export function highlight(analysis: Analysis): Highlighting {
  const speakers = new Map<string, Speaker>();
  const speakerKeys = analysis.quotes.map(speakerKey);
  // colours in order of first appearance in the text, so the first speaker is always orange
  const order = analysis.quotes
    .map((q, i) => ({ i, at: q.spans[0]?.start ?? 0 }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  for (const { i } of order) {
    const key = speakerKeys[i];
    const q = analysis.quotes[i];
    if (!key || !q?.speaker) continue;
    let speaker = speakers.get(key);
    if (!speaker) {
      speaker = {
        key,
        name: q.speaker.name,
        role: q.speaker.role ?? null,
        colour: PALETTE[speakers.size % PALETTE.length] as string,
        quotes: [],
      };
      speakers.set(key, speaker);
    }
    speaker.quotes.push(i);
  }
  const colours = speakerKeys.map((key) =>
    key ? (speakers.get(key)?.colour ?? UNATTRIBUTED_COLOUR) : UNATTRIBUTED_COLOUR,
  );

  const marks: Mark[] = [];
  analysis.quotes.forEach((q, quote) => {
    for (const s of q.spans) marks.push({ start: s.start, end: s.end, kind: "msg", quote });
    if (q.speaker) marks.push({ start: q.speaker.start, end: q.speaker.end, kind: "spk", quote });
    for (const p of q.cue?.parts ?? []) marks.push({ start: p.start, end: p.end, kind: "cue", quote });
  });
  marks.sort((a, b) => a.start - b.start);

  const blocks = analysis.paragraphs.map((p) => ({
    start: p.start,
    kind: p.kind,
    pieces: cut(p.start, p.end, marks),
  }));
  return { blocks, speakers: [...speakers.values()], colours, speakerKeys };
}

/** The pieces of [start, end): cut at every mark boundary inside it. */
function cut(start: number, end: number, sorted: Mark[]): Piece[] {
  const inside = sorted.filter((m) => m.start < end && m.end > start && m.end > m.start);
  const points = new Set<number>([start, end]);
  for (const m of inside) {
    if (m.start > start) points.add(m.start);
    if (m.end < end) points.add(m.end);
  }
  const cuts = [...points].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k] as number;
    const b = cuts[k + 1] as number;
    let quote: Mark | null = null;
    let speakerOf: number | null = null;
    let cueOf: number | null = null;
    for (const m of inside) {
      if (m.start > a) break;
      if (m.end < b) continue;
      if (m.kind === "msg") {
        // innermost: the latest start, then the earliest end
        if (!quote || m.start > quote.start || (m.start === quote.start && m.end < quote.end)) quote = m;
      } else if (m.kind === "spk") speakerOf ??= m.quote;
      else cueOf ??= m.quote;
    }
    const previous = pieces.at(-1);
    const q = quote?.quote ?? null;
    // neighbours with the same marks are one piece (cuts from marks that ended elsewhere)
    if (previous && previous.quote === q && previous.speakerOf === speakerOf && previous.cueOf === cueOf) {
      previous.end = b;
    } else pieces.push({ start: a, end: b, quote: q, speakerOf, cueOf });
  }
  return pieces;
}
