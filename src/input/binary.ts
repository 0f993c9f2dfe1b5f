/**
 * Telling binary files from text before anyone tries to read quotes out of a PNG. Known formats
 * are named by their magic numbers so the message can say what the file looks like; anything else
 * is caught by NUL bytes (in the decoder, which knows about UTF-16) or by a high share of control
 * characters in the decoded text.
 */

interface Magic {
  /** the signature, as Latin-1 characters (one per byte) */
  signature: string;
  offset: number;
  /** completes "looks like ..." */
  what: string;
}

const MAGIC: readonly Magic[] = [
  { signature: "%PDF-", offset: 0, what: "a PDF" },
  { signature: "\x89PNG\r\n\x1a\n", offset: 0, what: "a PNG image" },
  { signature: "\xff\xd8\xff", offset: 0, what: "a JPEG image" },
  { signature: "GIF87a", offset: 0, what: "a GIF image" },
  { signature: "GIF89a", offset: 0, what: "a GIF image" },
  { signature: "WEBP", offset: 8, what: "a WebP image" },
  { signature: "PK\x03\x04", offset: 0, what: "a ZIP archive (or a DOCX, ODT or EPUB file)" },
  { signature: "PK\x05\x06", offset: 0, what: "a ZIP archive" },
  { signature: "PK\x07\x08", offset: 0, what: "a ZIP archive" },
  { signature: "\x1f\x8b", offset: 0, what: "a gzip-compressed file" },
  { signature: "1AY&SY", offset: 4, what: "a bzip2-compressed file" },
  { signature: "\xfd7zXZ\x00", offset: 0, what: "an xz-compressed file" },
  { signature: "\x28\xb5\x2f\xfd", offset: 0, what: "a zstd-compressed file" },
  { signature: "7z\xbc\xaf\x27\x1c", offset: 0, what: "a 7-Zip archive" },
  { signature: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", offset: 0, what: "a legacy Microsoft Office file" },
  { signature: "\x7fELF", offset: 0, what: "an executable" },
  { signature: "SQLite format 3\x00", offset: 0, what: "an SQLite database" },
  { signature: "{\\rtf", offset: 0, what: "an RTF document" },
  { signature: "%!PS", offset: 0, what: "a PostScript file" },
];

function startsWithAt(bytes: Uint8Array, signature: string, offset: number): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) {
    if (bytes[offset + i] !== signature.charCodeAt(i)) return false;
  }
  return true;
}

/** What a known binary format looks like ("a PDF"), or null when no signature matches. */
export function binaryFormatOf(bytes: Uint8Array): string | null {
  for (const magic of MAGIC) {
    if (startsWithAt(bytes, magic.signature, magic.offset)) return magic.what;
  }
  return null;
}

/** Only the head is checked: a text file does not turn binary halfway through. */
const CONTROL_SAMPLE = 65_536;
/** Share of control characters above which text is taken for binary. */
const CONTROL_SHARE = 0.02;
/** Fewer than this many control characters never make a file binary (a stray ESC is not). */
const CONTROL_MIN = 3;

function isControl(code: number): boolean {
  // tab, line feed, vertical tab, form feed and carriage return are layout, not noise
  if (code < 0x20) return code < 0x09 || code > 0x0d;
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/** True when the head of the decoded text is full of control characters. */
export function isMostlyControl(text: string): boolean {
  const end = Math.min(text.length, CONTROL_SAMPLE);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    if (isControl(text.charCodeAt(i))) controls++;
  }
  return controls >= CONTROL_MIN && controls > end * CONTROL_SHARE;
}
