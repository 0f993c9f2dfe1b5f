/**
 * Bytes to text. German news files arrive as UTF-8 (with or without BOM), UTF-16 from Windows
 * tools, windows-1252/Latin-1 from older sites and archives, UTF-8 with a few Latin-1 bytes pasted
 * in, and UTF-8 that went through a Latin-1 round trip ("fÃ¼r"). Each case is recognised from the
 * bytes, decoded, and named in `encoding` so the caller can report what happened.
 */
import { LautError } from "../errors.js";
import { binaryFormatOf, isMostlyControl } from "./binary.js";
import { cp1252Char, decodeCp1252 } from "./cp1252.js";
import { repairDoubleEncoding } from "./mojibake.js";

export interface DecodedText {
  text: string;
  encoding: string;
}

export interface DecodeHint {
  /** charset the document declares (HTML <meta>, XML declaration, HTTP header) */
  declaredCharset?: string;
}

type Decoder = InstanceType<typeof TextDecoder>;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
// a U+FEFF inside the text is text (zero-width no-break space), not a byte-order mark
const lenientUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Decodes bytes into text, naming the encoding it found. Throws LautError E_INPUT_BINARY for
 * binary data and E_INPUT_ENCODING for text that claims an encoding it does not have.
 */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodedText {
  return decodeInput(bytes, "input", hint);
}

/** decodeBytes with `label` ('"file.txt"', "standard input") naming the input in messages. */
export function decodeInput(bytes: Uint8Array, label: string, hint: DecodeHint = {}): DecodedText {
  const format = binaryFormatOf(bytes);
  if (format) throw new LautError("E_INPUT_BINARY", `${label} looks like ${format}, not text`);
  let decoded = decodeText(bytes, label, hint);
  // before the control check: Latin-1 mojibake turns every „ into two C1 controls
  const repair = repairDoubleEncoding(decoded.text);
  if (repair.repaired > 0) {
    decoded = { text: repair.text, encoding: `${decoded.encoding} (repaired double encoding)` };
  }
  if (isMostlyControl(decoded.text)) {
    throw new LautError("E_INPUT_BINARY", `${label} is binary, not text (it is full of control characters)`);
  }
  return decoded;
}

function decodeText(bytes: Uint8Array, label: string, hint: DecodeHint): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom === "utf-32le" || bom === "utf-32be") {
    throw new LautError(
      "E_INPUT_ENCODING",
      `${label} is UTF-32, which laut does not read; convert it to UTF-8`,
    );
  }
  if (bom === "utf-16le" || bom === "utf-16be") {
    const text = decodeStrict(bom, bytes);
    if (text === null) {
      throw new LautError(
        "E_INPUT_ENCODING",
        `${label} starts with a UTF-16 byte-order mark but is not valid UTF-16`,
      );
    }
    return { text, encoding: bom };
  }
  if (bom === "utf-8") {
    // the mark says UTF-8, so bytes that are not are strays, however many
    const body = bytes.subarray(3);
    const text = decodeStrict("utf-8", body);
    return text === null ? decodeMixed(body) : { text, encoding: "utf-8" };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(utf16, bytes);
    if (text !== null) return { text, encoding: utf16 };
  }
  if (bytes.indexOf(0) !== -1) {
    throw new LautError("E_INPUT_BINARY", `${label} is binary, not text (it contains NUL bytes)`);
  }
  const utf8 = decodeStrict("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const declared = declaredDecoder(hint.declaredCharset);
  if (declared?.encoding === "windows-1252") return decodeSingleByte(bytes);
  if (declared) return { text: declared.decode(bytes), encoding: declared.encoding };
  return isMostlyUtf8(bytes) ? decodeMixed(bytes) : decodeSingleByte(bytes);
}

type Bom = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

function byteOrderMark(bytes: Uint8Array): Bom | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? "utf-32le" : "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "utf-32be";
  return null;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    // the BOM-aware default drops a leading byte-order mark, which is not text
    return (encoding === "utf-8" ? strictUtf8 : new TextDecoder(encoding, { fatal: true })).decode(bytes);
  } catch {
    return null;
  }
}

/** Sample size for guessing UTF-16 without a byte-order mark. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16 without a BOM, from the NUL bytes: text in Latin script has a zero high byte in nearly
 * every code unit, on the odd positions for little-endian and on the even ones for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const end = Math.min(bytes.length, UTF16_SAMPLE);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = end / 2;
  if (oddZeros >= units * 0.5 && evenZeros <= units * 0.02) return "utf-16le";
  if (evenZeros >= units * 0.5 && oddZeros <= units * 0.02) return "utf-16be";
  return null;
}

/** The decoder for a declared charset, when it is one the bytes can be read as. */
function declaredDecoder(charset: string | undefined): Decoder | null {
  if (!charset) return null;
  let decoder: Decoder;
  try {
    decoder = new TextDecoder(charset.trim());
  } catch {
    return null;
  }
  // the bytes were already found not to be UTF-8 or UTF-16, so such a declaration is a lie
  if (decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16")) return null;
  return decoder;
}

/**
 * WHATWG reads ISO-8859-1 as windows-1252; which name fits depends on whether any byte in
 * 0x80-0x9f (cp1252's quotes, dashes and euro sign; C1 controls in Latin-1) occurs.
 */
function decodeSingleByte(bytes: Uint8Array): DecodedText {
  const text = decodeCp1252(bytes);
  let encoding = "iso-8859-1";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x80 && byte <= 0x9f) {
      encoding = "windows-1252";
      break;
    }
  }
  return { text, encoding };
}

/** Length of the valid UTF-8 multi-byte sequence at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    else if (lead === 0xed) max = 0x9f; // surrogates are not UTF-8
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    else if (lead === 0xf4) max = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * True for UTF-8 with some windows-1252 bytes mixed in (a Latin-1 snippet pasted into a UTF-8
 * page): at least as many valid multi-byte sequences as stray bytes. Text that really is
 * windows-1252 has almost no byte pairs that happen to form UTF-8 ("Ã©"), so it fails this.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  let sequences = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; ) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      stray++;
      i++;
    } else {
      sequences++;
      i += length;
    }
  }
  return sequences >= stray;
}

/** Valid UTF-8 runs as UTF-8, every other byte as windows-1252, which gets both parts right. */
function decodeMixed(bytes: Uint8Array): DecodedText {
  const pieces: string[] = [];
  let stray = 0;
  let runStart = 0;
  for (let i = 0; i < bytes.length; ) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (runStart < i) pieces.push(lenientUtf8.decode(bytes.subarray(runStart, i)));
    pieces.push(cp1252Char(bytes[i] as number));
    stray++;
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) pieces.push(lenientUtf8.decode(bytes.subarray(runStart)));
  const noun = stray === 1 ? "byte" : "bytes";
  return { text: pieces.join(""), encoding: `utf-8 (${stray} ${noun} read as windows-1252)` };
}
