/**
 * Character classes for the text layer, one byte per UTF-16 code unit of the Basic Multilingual
 * Plane. The table is derived once at load from the Unicode property escapes of the running
 * engine (a few milliseconds), so it follows the same Unicode version as every regex in laut and
 * there is no generated file to keep in sync. Scanners index it with charCodeAt: no regex and no
 * string per character in the hot loops.
 */

export const CharClass = {
  /** unassigned, private use, and anything not listed below; tokenised as a symbol */
  Other: 0,
  /** C0 controls, ASCII space and every Unicode space separator */
  Space: 1,
  Upper: 2,
  Lower: 3,
  /** letters without case (Lm, Lo) and non-decimal numbers (², ½, Ⅻ) */
  Letter: 4,
  /** combining marks: they belong to the character before them */
  Mark: 5,
  Digit: 6,
  /** hyphens that join words: - ‐ ‑ */
  Hyphen: 7,
  /** dashes that separate: ‒ – — ― ⸺ ⸻ */
  Dash: 8,
  /** every quote mark and apostrophe: « » ‹ › „ “ ” ‚ ‘ ’ ‟ ‛ " ' */
  Quote: 9,
  Period: 10,
  Ellipsis: 11,
  Punct: 12,
  Symbol: 13,
  /** invisible format characters (soft hyphen, zero-width, bidi controls) */
  Format: 14,
  HighSurrogate: 15,
  LowSurrogate: 16,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  // All BMP code points in order, surrogates left out so the string is well formed; a match's
  // code point is then its index in the table.
  const codes: number[] = [];
  for (let c = 0; c < 0x10000; c++) codes.push(c >= 0xd800 && c <= 0xdfff ? 0x20 : c);
  const all = String.fromCharCode(...codes.slice(0, 0x8000)) + String.fromCharCode(...codes.slice(0x8000));
  const assign = (re: RegExp, cls: CharClass) => {
    for (const m of all.matchAll(re)) table.fill(cls, m.index, m.index + m[0].length);
  };
  assign(/\p{L}+/gu, CharClass.Letter);
  assign(/[\p{Nl}\p{No}]+/gu, CharClass.Letter);
  assign(/[\p{Lu}\p{Lt}]+/gu, CharClass.Upper);
  assign(/\p{Ll}+/gu, CharClass.Lower);
  assign(/\p{M}+/gu, CharClass.Mark);
  assign(/\p{Nd}+/gu, CharClass.Digit);
  assign(/\p{P}+/gu, CharClass.Punct);
  assign(/\p{S}+/gu, CharClass.Symbol);
  assign(/\p{Cf}+/gu, CharClass.Format);
  assign(/[\s\p{Zs}\p{Zl}\p{Zp}]+/gu, CharClass.Space);
  table.fill(CharClass.Space, 0, 0x21);
  table.fill(CharClass.HighSurrogate, 0xd800, 0xdc00);
  table.fill(CharClass.LowSurrogate, 0xdc00, 0xe000);
  // JS counts U+FEFF as whitespace, but as a byte-order mark or zero-width no-break space it
  // separates nothing.
  table[0xfeff] = CharClass.Format;
  const set = (chars: string, cls: CharClass) => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = cls;
  };
  set("-\u2010\u2011\ufe63\uff0d", CharClass.Hyphen);
  set("\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58", CharClass.Dash);
  set("\"'«»‹›„“”‚‘’‟‛", CharClass.Quote);
  set(".", CharClass.Period);
  set("…", CharClass.Ellipsis);
  // Punctuation by Unicode, but in news these stand for units and names, not for structure.
  set("%‰‱§¶#&*@†‡′″", CharClass.Symbol);
  return table;
}

export const CLASS: Uint8Array = buildTable();

/** What a code unit is to a word, for the tightest scanning loop. */
export const WordPart = { None: 0, Letter: 1, Other: 2, Surrogate: 3 } as const;

export const WORD_PART: Uint8Array = CLASS.map((k) =>
  k === CharClass.Upper || k === CharClass.Lower || k === CharClass.Letter
    ? WordPart.Letter
    : k === CharClass.Digit || k === CharClass.Mark || k === CharClass.Format
      ? WordPart.Other
      : k === CharClass.HighSurrogate
        ? WordPart.Surrogate
        : WordPart.None,
);

/** Class of an astral code point (emoji, historic scripts, mathematical letters). */
const astralCache = new Map<number, CharClass>();
const ASTRAL_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const ASTRAL_LOWER = /^\p{Ll}$/u;
const ASTRAL_LETTER = /^[\p{L}\p{Nl}\p{No}]$/u;
const ASTRAL_MARK = /^\p{M}$/u;
const ASTRAL_DIGIT = /^\p{Nd}$/u;

export function astralClass(codePoint: number): CharClass {
  let cls = astralCache.get(codePoint);
  if (cls === undefined) {
    const ch = String.fromCodePoint(codePoint);
    cls = ASTRAL_UPPER.test(ch)
      ? CharClass.Upper
      : ASTRAL_LOWER.test(ch)
        ? CharClass.Lower
        : ASTRAL_LETTER.test(ch)
          ? CharClass.Letter
          : ASTRAL_MARK.test(ch)
            ? CharClass.Mark
            : ASTRAL_DIGIT.test(ch)
              ? CharClass.Digit
              : CharClass.Symbol;
    astralCache.set(codePoint, cls);
  }
  return cls;
}

/** Class of the character starting at i; a valid surrogate pair gets the class of its code point. */
export function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  const cls = CLASS[c] as CharClass;
  if (cls !== CharClass.HighSurrogate) return cls;
  const lo = text.charCodeAt(i + 1);
  if (lo >= 0xdc00 && lo <= 0xdfff) return astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  return CharClass.Symbol;
}

/** Code units taken by the character at i (2 for a valid surrogate pair). */
export function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const lo = text.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return 2;
  }
  return 1;
}

/** Letters, digits and marks: what a word is made of. */
export function isWordClass(cls: CharClass): boolean {
  return (
    cls === CharClass.Upper ||
    cls === CharClass.Lower ||
    cls === CharClass.Letter ||
    cls === CharClass.Digit ||
    cls === CharClass.Mark ||
    cls === CharClass.Format
  );
}

export function isLetterClass(cls: CharClass): boolean {
  return cls === CharClass.Upper || cls === CharClass.Lower || cls === CharClass.Letter;
}
