/**
 * windows-1252 as WHATWG defines it (what browsers use for both "windows-1252" and "iso-8859-1").
 * Node 20's TextDecoder("windows-1252") takes a Latin-1 fast path and turns 0x80-0x9f into C1
 * controls instead of „ “ € – …, which is exactly the range German text needs, so laut decodes it
 * itself: Latin-1 natively, then the 32 code points where windows-1252 differs.
 */

/** Bytes 0x80-0x9f; the five bytes windows-1252 leaves undefined map to the C1 control. */
export const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const C1 = /[\u0080-\u009f]/g;

function fromC1(char: string): string {
  return CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char;
}

/** The character windows-1252 gives a byte. */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? "") : String.fromCharCode(byte);
}

export function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(C1, fromC1);
}
