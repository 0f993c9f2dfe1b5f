/** WARC crawls built here with warcio's own writer from pages written for the tests. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WARCRecord, WARCSerializer } from "warcio";
import type { IncomingArticle } from "../article.js";
import { cp1252, LAWINE, pageHtml, STREIK } from "./fixtures.case.js";
import { openSources } from "./index.js";

const encoder = new TextEncoder();

interface RecordSpec {
  type: "response" | "request" | "revisit" | "warcinfo" | "resource";
  url: string;
  date: string;
  body?: Uint8Array;
  contentType?: string;
  status?: string;
  id: string;
}

async function serialize(spec: RecordSpec, gzip: boolean): Promise<Uint8Array> {
  async function* content() {
    if (spec.body) yield spec.body;
  }
  const record = WARCRecord.create(
    {
      url: spec.url,
      date: spec.date,
      type: spec.type,
      warcVersion: "WARC/1.1",
      statusline: spec.status ?? "HTTP/1.1 200 OK",
      httpHeaders: spec.contentType ? { "Content-Type": spec.contentType } : {},
      warcHeaders: { "WARC-Record-ID": spec.id },
    },
    content(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

async function writeWarc(path: string, specs: RecordSpec[], gzip: boolean): Promise<void> {
  const parts: Uint8Array[] = [];
  for (const spec of specs) parts.push(await serialize(spec, gzip));
  writeFileSync(path, Buffer.concat(parts));
}

const CRAWL: RecordSpec[] = [
  {
    type: "response",
    url: "https://rp-online.example/verdi",
    date: "2024-02-27T12:00:00Z",
    body: encoder.encode(pageHtml(STREIK)),
    contentType: "text/html; charset=utf-8",
    id: "<urn:uuid:11111111-1111-4111-8111-111111111111>",
  },
  {
    type: "request",
    url: "https://rp-online.example/verdi",
    date: "2024-02-27T12:00:00Z",
    id: "<urn:uuid:22222222-2222-4222-8222-222222222222>",
  },
  {
    type: "response",
    url: "https://rp-online.example/logo.png",
    date: "2024-02-27T12:00:01Z",
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    contentType: "image/png",
    id: "<urn:uuid:33333333-3333-4333-8333-333333333333>",
  },
  {
    type: "response",
    url: "https://nzz.example/lawine",
    date: "2024-01-18T09:30:00Z",
    // no date in the page: the capture date stands in
    body: cp1252(pageHtml({ ...LAWINE, published: undefined, charset: "windows-1252" })),
    contentType: "text/html",
    id: "<urn:uuid:44444444-4444-4444-8444-444444444444>",
  },
  {
    type: "response",
    url: "https://rp-online.example/alt",
    date: "2024-02-27T12:00:02Z",
    body: encoder.encode("<html><body>Moved</body></html>"),
    contentType: "text/html",
    status: "HTTP/1.1 301 Moved Permanently",
    id: "<urn:uuid:55555555-5555-4555-8555-555555555555>",
  },
  {
    type: "revisit",
    url: "https://rp-online.example/verdi",
    date: "2024-02-28T12:00:00Z",
    id: "<urn:uuid:66666666-6666-4666-8666-666666666666>",
  },
];

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "laut-warc-"));
  await writeWarc(join(dir, "crawl.warc"), CRAWL, false);
  await writeWarc(join(dir, "crawl.warc.gz"), CRAWL, true);
  const whole = await writeWarcBytes(CRAWL, true);
  // cut inside the fourth record: the first article must still come out
  writeFileSync(join(dir, "abgebrochen.warc.gz"), whole.subarray(0, Math.floor(whole.length * 0.7)));
});

async function writeWarcBytes(specs: RecordSpec[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const spec of specs) parts.push(await serialize(spec, gzip));
  return Buffer.concat(parts);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string): Promise<IncomingArticle[]> {
  const items: IncomingArticle[] = [];
  for await (const item of openSources([path], { fetch: false })) items.push(item);
  return items;
}

describe("WARC files", () => {
  it.each(["crawl.warc", "crawl.warc.gz"])(
    "extracts the HTML responses of %s and skips the rest",
    async (name) => {
      const path = join(dir, name);
      const items = await collect(path);
      expect(items.map((item) => item.origin)).toEqual([
        `${path}#<urn:uuid:11111111-1111-4111-8111-111111111111>`,
        `${path}#<urn:uuid:44444444-4444-4444-8444-444444444444>`,
      ]);
      const [verdi, lawine] = items;
      expect(verdi).toMatchObject({
        url: "https://rp-online.example/verdi",
        title: STREIK.title,
        published: STREIK.published,
        author: STREIK.author,
        format: "warc",
        encoding: "utf-8",
      });
      expect(verdi?.text).toContain(
        "„Die Arbeitgeber haben bisher kein verhandlungsfähiges Angebot vorgelegt“",
      );
      expect(lawine).toMatchObject({
        url: "https://nzz.example/lawine",
        published: "2024-01-18T09:30:00Z",
        encoding: "windows-1252",
      });
      expect(lawine?.text).toContain("„Wer jetzt abseits der gesicherten Pisten unterwegs ist");
    },
  );

  it("gives the same origins on a second run", async () => {
    const path = join(dir, "crawl.warc.gz");
    expect((await collect(path)).map((item) => item.origin)).toEqual(
      (await collect(path)).map((item) => item.origin),
    );
  });

  it("yields what it read of a truncated crawl, then one problem item", async () => {
    const path = join(dir, "abgebrochen.warc.gz");
    const items = await collect(path);
    expect(items[0]?.title).toBe(STREIK.title);
    const last = items.at(-1);
    expect(last?.origin).toBe(path);
    expect(last?.problem?.code).toMatch(/^E_WARC_FORMAT$/);
    expect(items.filter((item) => item.problem)).toHaveLength(1);
  });
});
