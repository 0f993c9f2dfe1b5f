import { describe, expect, it } from "vitest";
import { LautError } from "../errors.js";
import { decodeBytes } from "./decode.js";
import { repairDoubleEncoding } from "./mojibake.js";

const ARTICLE =
  "Die Bürgermeisterin äußerte sich am Dienstag zurückhaltend: „Über die Gebühren für öffentliche " +
  "Plätze entscheidet der Gemeinderat“, sagte sie. Die Sanierung koste 2,4 Millionen €.\n";
/** Only Latin-1 characters: no „“ or €, which ISO-8859-1 lacks. */
const LATIN1_ARTICLE =
  "Der Verband begrüßt die Entscheidung. Man sei froh, dass die Öffnungszeiten länger würden, " +
  "erklärte ein Sprecher in Zürich.\n";

/** windows-1252 0x80-0x9f, written out as characters (Node's own decoder gets these wrong). */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const CP1252_CHARS = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte),
).join("");

function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const byte = CP1252_CHARS.indexOf(char);
    if (byte < 0) throw new Error(`not in windows-1252: ${char}`);
    return byte;
  });
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** UTF-8 bytes misread as windows-1252 and saved again as UTF-8. */
function doubleEncode(text: string): Uint8Array {
  const misread = Array.from(Buffer.from(text, "utf8"), (byte) => CP1252_CHARS[byte]).join("");
  return Buffer.from(misread, "utf8");
}

function thrown(run: () => unknown): LautError {
  try {
    run();
  } catch (error) {
    if (error instanceof LautError) return error;
    throw error;
  }
  throw new Error("expected a LautError");
}

describe("decodeBytes", () => {
  it("reads valid UTF-8 as UTF-8", () => {
    expect(decodeBytes(Buffer.from(ARTICLE, "utf8"))).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = concat(Uint8Array.of(0xef, 0xbb, 0xbf), Buffer.from(ARTICLE, "utf8"));
    expect(decodeBytes(bytes)).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("reads windows-1252 with German quotes and the euro sign", () => {
    const decoded = decodeBytes(cp1252(ARTICLE));
    expect(decoded.text).toBe(ARTICLE);
    expect(decoded.encoding).toBe("windows-1252");
  });

  it("names Latin-1 when no byte falls in windows-1252's extra range", () => {
    const decoded = decodeBytes(Buffer.from(LATIN1_ARTICLE, "latin1"));
    expect(decoded.text).toBe(LATIN1_ARTICLE);
    expect(decoded.encoding).toBe("iso-8859-1");
  });

  it("reads UTF-16 LE and BE with a byte-order mark", () => {
    const le = concat(Uint8Array.of(0xff, 0xfe), Buffer.from(ARTICLE, "utf16le"));
    const be = concat(Uint8Array.of(0xfe, 0xff), utf16be(ARTICLE));
    expect(decodeBytes(le)).toEqual({ text: ARTICLE, encoding: "utf-16le" });
    expect(decodeBytes(be)).toEqual({ text: ARTICLE, encoding: "utf-16be" });
  });

  it("recognises UTF-16 without a byte-order mark instead of calling it binary", () => {
    expect(decodeBytes(Buffer.from(ARTICLE, "utf16le"))).toEqual({ text: ARTICLE, encoding: "utf-16le" });
    expect(decodeBytes(utf16be(ARTICLE))).toEqual({ text: ARTICLE, encoding: "utf-16be" });
  });

  it("refuses UTF-32 with an encoding error, not as binary", () => {
    const utf32 = concat(Uint8Array.of(0xff, 0xfe, 0, 0), Uint8Array.of(0x48, 0, 0, 0, 0xe4, 0, 0, 0));
    expect(thrown(() => decodeBytes(utf32)).code).toBe("E_INPUT_ENCODING");
  });

  it("refuses a UTF-16 byte-order mark on an odd number of bytes", () => {
    const broken = concat(Uint8Array.of(0xff, 0xfe), Buffer.from("Grüße", "utf16le"), Uint8Array.of(0x41));
    expect(thrown(() => decodeBytes(broken)).code).toBe("E_INPUT_ENCODING");
  });

  it("reads UTF-8 with a pasted windows-1252 snippet byte by byte", () => {
    const bytes = concat(Buffer.from(ARTICLE, "utf8"), cp1252("Ergänzung: „Keine Stellungnahme“.\n"));
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(`${ARTICLE}Ergänzung: „Keine Stellungnahme“.\n`);
    expect(decoded.encoding).toBe("utf-8 (3 bytes read as windows-1252)");
  });

  it("repairs double-encoded UTF-8", () => {
    const bytes = doubleEncode(ARTICLE);
    expect(Buffer.from(bytes).toString("utf8")).toContain("fÃ¼r");
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(ARTICLE);
    expect(decoded.encoding).toBe("utf-8 (repaired double encoding)");
  });

  it("honours a declared charset when the bytes are not UTF-8", () => {
    // 0xa4 is the euro sign in ISO-8859-15 and a currency sign in windows-1252
    const bytes = Uint8Array.from(Buffer.from("Preis: 5 \xa4 für Schüler", "latin1"));
    expect(decodeBytes(bytes, { declaredCharset: "ISO-8859-15" })).toEqual({
      text: "Preis: 5 € für Schüler",
      encoding: "iso-8859-15",
    });
    expect(decodeBytes(bytes).text).toBe("Preis: 5 ¤ für Schüler");
  });

  it("prefers valid UTF-8 over a declared single-byte charset", () => {
    const decoded = decodeBytes(Buffer.from(ARTICLE, "utf8"), { declaredCharset: "iso-8859-1" });
    expect(decoded).toEqual({ text: ARTICLE, encoding: "utf-8" });
  });

  it("ignores a declared charset it does not know", () => {
    expect(decodeBytes(cp1252(ARTICLE), { declaredCharset: "x-klingon" }).text).toBe(ARTICLE);
  });

  it.each([
    ["a PDF", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "latin1")],
    ["a PNG image", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ["a ZIP archive", Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1")],
    ["a gzip-compressed file", Uint8Array.of(0x1f, 0x8b, 0x08, 0x00)],
    ["a JPEG image", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10)],
  ])("names %s by its magic number", (what, bytes) => {
    const error = thrown(() => decodeBytes(bytes));
    expect(error.code).toBe("E_INPUT_BINARY");
    expect(error.message).toContain(`looks like ${what}`);
  });

  it("calls random bytes binary", () => {
    // a fixed linear congruential sequence, so the test sees the same bytes every run
    let seed = 20_240_501;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed >> 16;
    });
    expect(thrown(() => decodeBytes(bytes)).code).toBe("E_INPUT_BINARY");
  });

  it("calls control-character noise without NUL bytes binary", () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x61));
    expect(thrown(() => decodeBytes(bytes)).message).toContain("control characters");
  });

  it("keeps a text with a stray escape character", () => {
    const text = `${ARTICLE}\x1b[0m`;
    expect(decodeBytes(Buffer.from(text, "utf8")).text).toBe(text);
  });
});

describe("repairDoubleEncoding", () => {
  it("leaves correct German text alone", () => {
    expect(repairDoubleEncoding(ARTICLE)).toEqual({ text: ARTICLE, repaired: 0 });
  });

  it("leaves a single suspicious pair alone", () => {
    const text = "Die Band Ã© spielte in São Paulo.";
    expect(repairDoubleEncoding(text).repaired).toBe(0);
  });

  it("leaves Swiss guillemets after ß alone (ß» is not a UTF-8 letter)", () => {
    const text = "«Das ist groß» und «das ist bloß»: zwei Sätze.";
    expect(repairDoubleEncoding(text)).toEqual({ text, repaired: 0 });
  });

  it("repairs mojibake from Latin-1 readings, where quotes became C1 controls", () => {
    const latin1Mojibake = Buffer.from(Buffer.from("„Wir prüfen das“", "utf8")).toString("latin1");
    expect(repairDoubleEncoding(latin1Mojibake).text).toBe("„Wir prüfen das“");
  });

  it("repairs a text only partly double-encoded", () => {
    const text = "Öffentlich hieß es: â€žDas ist fÃ¼r uns nicht akzeptabelâ€œ, so der Verband.";
    expect(repairDoubleEncoding(text)).toEqual({
      text: "Öffentlich hieß es: „Das ist für uns nicht akzeptabel“, so der Verband.",
      repaired: 3,
    });
  });
});
