/**
 * Repair of double-encoded UTF-8 ("fÃ¼r" for "für", "â€ž" for "„"): UTF-8 bytes that were read as
 * windows-1252 (or Latin-1) and written out again as UTF-8. Each suspect sequence is mapped back
 * to its bytes and decoded as UTF-8. The detector is conservative: it needs several sequences
 * that decode to characters news text actually uses (Latin letters, punctuation, currency), so
 * a lone "Ã©" in running text is left alone.
 */

import { CP1252_HIGH } from "./cp1252.js";

/** Code unit -> the byte it came from, for the characters a misread UTF-8 sequence consists of. */
const BYTE_OF = new Map<number, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  BYTE_OF.set(byte < 0xa0 ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte, byte);
}
// Latin-1 misreadings turn 0x80-0x9f into C1 controls instead of cp1252's punctuation
for (let byte = 0x80; byte <= 0x9f; byte++) BYTE_OF.set(byte, byte);

function hex(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A continuation byte 0x80-0xbf as it appears after the misreading (either way). */
const CONTINUATION = (() => {
  let set = "\\u0080-\\u00bf";
  for (let i = 0; i < CP1252_HIGH.length; i++) set += hex(CP1252_HIGH.charCodeAt(i));
  return `[${set}]`;
})();

/**
 * Lead byte plus the continuation bytes its value announces; fixed lengths, so matching is linear.
 * Lead bytes 0xc2-0xf4 map to themselves in both windows-1252 and Latin-1.
 */
const SUSPECT = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  "g",
);

/** Fewer repairable sequences than this are not evidence enough to touch the text. */
const MIN_SEQUENCES = 2;
/** Triple encoding exists in the wild; each pass peels one layer. */
const MAX_PASSES = 3;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Characters a repaired sequence may decode to: what European news text is written in. */
function isPlausible(code: number): boolean {
  return (
    (code >= 0x00a0 && code <= 0x024f) || // Latin-1 supplement, Latin extended A and B
    (code >= 0x1e00 && code <= 0x1eff) || // Latin extended additional
    (code >= 0x2000 && code <= 0x206f) || // general punctuation: dashes, quotes, ellipsis
    (code >= 0x20a0 && code <= 0x20cf) || // currency, the euro sign
    (code >= 0x2100 && code <= 0x214f) || // letterlike: ™, №
    code === 0xfeff // a byte-order mark that went through the same mill
  );
}

/** The character a suspect sequence stands for, or null when it is no plausible UTF-8. */
function redecode(sequence: string): string | null {
  const bytes = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const byte = i === 0 ? sequence.charCodeAt(0) : BYTE_OF.get(sequence.charCodeAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  const code = decoded.codePointAt(0);
  return code !== undefined && isPlausible(code) ? decoded : null;
}

function countRepairable(text: string): number {
  let count = 0;
  for (const match of text.matchAll(SUSPECT)) {
    if (redecode(match[0]) !== null) count++;
  }
  return count;
}

/**
 * The text with double-encoded UTF-8 undone, and how many sequences were repaired (0 when the
 * text was left as it was).
 */
export function repairDoubleEncoding(text: string): { text: string; repaired: number } {
  let repaired = 0;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (countRepairable(current) < MIN_SEQUENCES) break;
    let count = 0;
    current = current.replace(SUSPECT, (sequence) => {
      const decoded = redecode(sequence);
      if (decoded === null) return sequence;
      count++;
      return decoded;
    });
    repaired += count;
  }
  return { text: current, repaired };
}
