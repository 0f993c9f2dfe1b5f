import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { isLautError, type LautError } from "../errors.js";
import { inputFromBytes, readInput, readInputStream } from "./read.js";

const dir = mkdtempSync(join(tmpdir(), "laut-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<LautError> {
  try {
    await promise;
  } catch (error) {
    if (isLautError(error)) return error;
    throw error;
  }
  throw new Error("expected a LautError");
}

const NEWS =
  "Wien. Der Bundeskanzler hat am Montag neue Maßnahmen angekündigt.\n\n" +
  "„Wir werden die Förderung verdoppeln“, sagte er vor Journalisten. Die Opposition " +
  "reagierte skeptisch: Das sei «reine Symbolpolitik».\n";

describe("readInput on files", () => {
  it("returns a text file exactly as decoded, whitespace and all", async () => {
    const text = `\n  ${NEWS}\n\n`;
    const path = file("meldung.txt", text);
    expect(await readInput(path)).toEqual({
      text,
      format: "text",
      encoding: "utf-8",
      name: path,
      bytes: Buffer.byteLength(text),
    });
  });

  it("drops a leading byte-order mark and nothing else", async () => {
    const path = file("bom.txt", `\ufeff${NEWS}`);
    const input = await readInput(path);
    expect(input.text).toBe(NEWS);
    expect(input.bytes).toBe(Buffer.byteLength(NEWS) + 3);
  });

  it("names a missing file", async () => {
    const error = await failure(readInput(join(dir, "fehlt.txt")));
    expect(error.code).toBe("E_INPUT_NOT_FOUND");
    expect(error.message).toBe(`cannot read "${join(dir, "fehlt.txt")}": no such file`);
  });

  it("refuses a directory", async () => {
    const error = await failure(readInput(dir));
    expect(error.code).toBe("E_INPUT_NOT_FOUND");
    expect(error.message).toBe(`cannot read "${dir}": is a directory`);
  });

  it.each([
    ["leer.txt", ""],
    ["leerzeichen.txt", " \n\t\r\n  \u00a0\n"],
  ])("refuses %s as empty", async (name, content) => {
    const error = await failure(readInput(file(name, content)));
    expect(error.code).toBe("E_INPUT_EMPTY");
    expect(error.message).toContain(name);
  });

  it("refuses a file over the size limit before decoding it, naming size, limit and flag", async () => {
    const path = file("gross.txt", NEWS.repeat(10));
    const error = await failure(readInput(path, { maxBytes: 200 }));
    expect(error.code).toBe("E_INPUT_TOO_LARGE");
    expect(error.message).toMatch(
      /is [\d.]+ KiB, more than the limit of 200 bytes; raise it with --max-bytes$/,
    );
    expect((await readInput(path, { maxBytes: 10_000 })).text).toBe(NEWS.repeat(10));
  });

  it("refuses a nonsensical limit as a usage error", async () => {
    const error = await failure(readInput(file("egal.txt", NEWS), { maxBytes: -5 }));
    expect(error.code).toBe("E_USAGE");
  });

  it("names a PNG and a PDF", async () => {
    const png = await failure(
      readInput(file("bild.txt", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))),
    );
    const pdf = await failure(readInput(file("bericht.txt", "%PDF-1.4\n1 0 obj << /Type /Catalog >>")));
    expect([png.code, pdf.code]).toEqual(["E_INPUT_BINARY", "E_INPUT_BINARY"]);
    expect(png.message).toContain("looks like a PNG image");
    expect(pdf.message).toBe(`"${join(dir, "bericht.txt")}" looks like a PDF, not text`);
  });

  it("refuses random binary data", async () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await failure(readInput(file("daten.bin", bytes)));
    expect(error.code).toBe("E_INPUT_BINARY");
  });

  it("reads a windows-1252 file with umlauts, ß, „“ and €", async () => {
    // „ 0x84, “ 0x93, € 0x80 in windows-1252
    const bytes = Buffer.concat([
      Buffer.from("Die Stra\xdfe kostet 3 Mio. \x80. ", "latin1"),
      Buffer.from("\x84Sch\xf6n\x93, sagte die B\xfcrgermeisterin. \xc4rger in \xd6sterreich.\n", "latin1"),
    ]);
    const input = await readInput(file("alt.txt", bytes));
    expect(input.text).toBe(
      "Die Straße kostet 3 Mio. €. „Schön“, sagte die Bürgermeisterin. Ärger in Österreich.\n",
    );
    expect(input.encoding).toBe("windows-1252");
  });
});

describe("format detection", () => {
  const page =
    "<!-- gespeichert am 3. Mai -->\n<!DOCTYPE html><html><head><title>Neue Regeln für Radfahrer</title>" +
    "</head><body><article><h1>Neue Regeln für Radfahrer</h1><p>Die Stadt Graz ändert ab Juni die " +
    "Vorrangregeln an zwölf Kreuzungen. Das teilte die Verkehrsstadträtin am Freitag mit.</p>" +
    "<p>„Wir wollen die Unfallzahlen senken“, sagte sie.</p></article></body></html>";

  it("treats a page that starts with a doctype as HTML whatever its name", async () => {
    const input = await readInput(file("seite.txt", page));
    expect(input.format).toBe("html");
    expect(input.text).toContain("„Wir wollen die Unfallzahlen senken“, sagte sie.");
    expect(input.text).not.toContain("<p>");
  });

  it("treats a .html file as HTML and a forced text format as text", async () => {
    const path = file("seite.html", page);
    expect((await readInput(path)).format).toBe("html");
    const raw = await readInput(path, { format: "text" });
    expect(raw).toMatchObject({ format: "text", text: page });
  });

  it("treats a fragment heavy with paragraphs as HTML", () => {
    const fragment =
      "<h2>Einsatz in der Nacht</h2><p>Die Feuerwehr rückte um 2 Uhr aus.</p>" +
      "<p>Verletzt wurde niemand, wie die Polizei mitteilte.</p>";
    expect(inputFromBytes(Buffer.from(fragment), "fragment").format).toBe("html");
  });

  it("keeps text that merely mentions a tag as text", () => {
    const text = "Der Entwickler erklärte, das <p>-Element sei für Absätze gedacht.\n";
    expect(inputFromBytes(Buffer.from(text), "notiz").format).toBe("text");
  });

  it("refuses a page without article text", () => {
    const empty =
      "<!doctype html><html><head><script>var a = 1;</script></head><body><nav></nav></body></html>";
    const run = () => inputFromBytes(Buffer.from(empty), "leer.html");
    expect(run).toThrow(/"leer.html" is an HTML page without article text/);
  });

  it("honours the declared charset of a Latin-1 page", () => {
    const latin1 = Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">' +
        "<title>Gr\xfc\xdfe aus K\xf6ln</title></head><body><p>Der K\xf6lner Dom bekommt ein neues " +
        "Ger\xfcst. Die Arbeiten dauern bis M\xe4rz, teilte das Domkapitel mit.</p></body></html>",
      "latin1",
    );
    const input = inputFromBytes(latin1, "koeln.html");
    expect(input.encoding).toBe("iso-8859-1");
    expect(input.text).toContain("Der Kölner Dom bekommt ein neues Gerüst.");
  });
});

describe("readInputStream", () => {
  it("reads chunks from a stream", async () => {
    const bytes = Buffer.from(NEWS, "utf8");
    // split inside the two-byte ß so the decoder must see the whole input, not chunk by chunk
    const split = bytes.indexOf(0xc3) + 1;
    const input = await readInputStream(Readable.from([bytes.subarray(0, split), bytes.subarray(split)]));
    expect(input).toMatchObject({ text: NEWS, name: "<stdin>", format: "text", bytes: bytes.length });
  });

  it("stops reading a stream at the size limit", async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        produced += 1024;
        yield Buffer.alloc(1024, 0x61);
      }
    }
    const error = await failure(readInputStream(endless(), { maxBytes: 10_000 }));
    expect(error.code).toBe("E_INPUT_TOO_LARGE");
    expect(error.message).toBe(
      "standard input is more than the limit of 10000 bytes; raise it with --max-bytes",
    );
    expect(produced).toBeLessThanOrEqual(11 * 1024);
  });

  it("reports an empty stream as empty", async () => {
    const error = await failure(readInputStream(Readable.from([]), { name: "<stdin>" }));
    expect(error.message).toBe("standard input is empty");
  });

  it("turns a failing stream into a one-line read error", async () => {
    const broken = new Readable({
      read() {
        this.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" }));
      },
    });
    const error = await failure(readInputStream(broken));
    expect(error.code).toBe("E_INPUT_NOT_FOUND");
    expect(error.message).toBe("cannot read standard input: input/output error");
  });
});
