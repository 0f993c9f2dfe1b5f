/**
 * The matching view of a text: what the scanners read instead of the raw text. Unicode spaces
 * become " ", line breaks become "\n", and invisible format characters disappear, so that
 * "Bundes\u00ADtag" is one word and "3\u00A0%" splits like "3 %". The text itself is never
 * rewritten: `toText` maps every view offset back, and every layer built on the view stores
 * offsets in the original text (through viewStart/viewEnd).
 *
 * Invariant the scanners rely on: in the view, a code unit is whitespace exactly when it is
 * <= 0x20, and every code unit except "\n" stands for exactly one code unit of the text.
 */
import type { TextView } from "../doc.js";
import type { Stage } from "../pipeline.js";

const KEEP = 0;
const SPACE = 1;
const LINE_BREAK = 2;
const DROP = 3;

// Besides the required characters (Unicode spaces, CR, soft hyphen, U+200B-U+200D, U+FEFF) this
// drops the word joiner and the bidi marks and controls, which web copy carries invisibly into
// the middle of words and names. NEEDS_VIEW and normalisation() must list the same characters;
// the regex finds the first one faster than a charCodeAt loop.
const NEEDS_VIEW =
  /[\r\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/;

function normalisation(code: number): number {
  if (code === 0x0d || code === 0x2028 || code === 0x2029) return LINE_BREAK;
  if (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
    return SPACE;
  if (
    code === 0xad ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  )
    return DROP;
  return KEEP;
}

/** The view of `text`; the common case (nothing to normalise) costs one regex scan and no copy. */
export function buildView(text: string): TextView {
  const first = text.search(NEEDS_VIEW);
  if (first < 0) return { text, toText: null };

  const n = text.length;
  const map = new Uint32Array(n + 1);
  const parts: string[] = [text.slice(0, first)];
  let v = 0;
  for (; v < first; v++) map[v] = v;
  let runStart = first;
  for (let i = first; i < n; i++) {
    const what = normalisation(text.charCodeAt(i));
    if (what === KEEP) continue;
    if (i > runStart) {
      parts.push(text.slice(runStart, i));
      for (let k = runStart; k < i; k++) map[v++] = k;
    }
    if (what === SPACE) {
      parts.push(" ");
      map[v++] = i;
    } else if (what === LINE_BREAK) {
      parts.push("\n");
      map[v++] = i;
      if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    }
    runStart = i + 1;
  }
  if (runStart < n) {
    parts.push(text.slice(runStart));
    for (let k = runStart; k < n; k++) map[v++] = k;
  }
  map[v] = n;
  return { text: parts.join(""), toText: map.slice(0, v + 1) };
}

/** Text offset of a view offset used as a span start. */
export function viewStart(view: TextView, i: number): number {
  const map = view.toText;
  return map === null ? i : (map[i] ?? i);
}

/**
 * Text offset of a view offset used as a span end: right after the last character of the span,
 * so dropped characters after it (a zero-width space) stay outside. After a line break the end
 * is the next kept character, since "\n" may stand for "\r\n".
 */
export function viewEnd(view: TextView, e: number): number {
  const map = view.toText;
  if (map === null) return e;
  if (e === 0) return map[0] ?? 0;
  if (view.text.charCodeAt(e - 1) === 0x0a) return map[e] ?? e;
  return (map[e - 1] ?? e - 1) + 1;
}

export const viewStage: Stage = {
  name: "view",
  requires: [],
  assigns: ["view"],
  run(doc) {
    doc.set("view", buildView(doc.text));
  },
};
