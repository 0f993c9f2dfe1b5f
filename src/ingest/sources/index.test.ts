import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LautError } from "../../errors.js";
import type { IncomingArticle } from "../article.js";
import { corpusLine, cp1252, gzip, LAWINE, pageHtml, rssXml, STREIK } from "./fixtures.case.js";
import { openSources, type SourceOptions } from "./index.js";

async function collect(inputs: string[], options: SourceOptions = {}): Promise<IncomingArticle[]> {
  const items: IncomingArticle[] = [];
  for await (const item of openSources(inputs, { fetch: false, log: () => undefined, ...options }))
    items.push(item);
  return items;
}

const stdinOf = (text: string | Buffer): AsyncIterable<Uint8Array> =>
  Readable.from([typeof text === "string" ? Buffer.from(text) : text]);

const MELDUNG = `Bundesrat billigt Wachstumschancengesetz

Der Bundesrat hat dem Wachstumschancengesetz nach monatelangem Streit zugestimmt. „Das ist ein gutes Signal für die Wirtschaft“, sagte Finanzminister Christian Lindner.
`;

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "laut-sources-"));
  const news = join(root, "news");
  mkdirSync(join(news, "2024", "02"), { recursive: true });
  mkdirSync(join(news, ".cache"));
  mkdirSync(join(news, "bilder"));
  writeFileSync(join(news, "2024", "02", "verdi.html"), pageHtml(STREIK));
  writeFileSync(join(news, "2024", "lawine.htm"), cp1252(pageHtml({ ...LAWINE, charset: "windows-1252" })));
  writeFileSync(join(news, "bundesrat.txt"), MELDUNG);
  writeFileSync(join(news, "ohne-endung"), pageHtml(LAWINE));
  writeFileSync(join(news, "seite.php"), pageHtml(STREIK));
  writeFileSync(join(news, "notizen.cfg"), "key = value\n");
  writeFileSync(join(news, "LICENSE.txt"), "MIT License\n");
  writeFileSync(join(news, "manifest.json"), "{}\n");
  writeFileSync(
    join(news, "sitemap.xml"),
    '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
  );
  writeFileSync(join(news, ".versteckt.txt"), MELDUNG);
  writeFileSync(join(news, ".cache", "alt.txt"), MELDUNG);
  writeFileSync(join(news, "bilder", "foto.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  writeFileSync(
    join(news, "korpus.jsonl.gz"),
    gzip(corpusLine({ title: STREIK.title, text: STREIK.paragraphs.join("\n"), url: STREIK.canonical })),
  );
  writeFileSync(
    join(news, "feed.rss"),
    rssXml("Testfeed", [
      { title: "Schnee in Bern", link: "https://feed.example/a", description: "Es schneit in Bern." },
    ]),
  );
  symlinkSync(news, join(news, "schleife"));
  writeFileSync(join(root, "leer.txt"), "  \n\n");
  writeFileSync(
    join(root, "bild.txt"),
    Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("openSources over files and folders", () => {
  it("walks a folder depth first in code-unit order, skipping hidden files, images, paperwork and non-feeds", async () => {
    const items = await collect([join(root, "news")]);
    const names = items.map((item) => item.origin.slice(join(root, "news").length + 1));
    expect(names).toEqual([
      "2024/02/verdi.html",
      "2024/lawine.htm",
      "bundesrat.txt",
      "feed.rss#https://feed.example/a",
      "korpus.jsonl.gz:1",
      "ohne-endung",
      "seite.php",
    ]);
    expect(items.every((item) => !item.problem)).toBe(true);
  });

  it("gives the same origins on every run and from any working directory", async () => {
    const first = (await collect([join(root, "news")])).map((item) => item.origin);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const second = (await collect(["news"])).map((item) => item.origin);
      expect(second).toEqual(first);
    } finally {
      process.chdir(cwd);
    }
  });

  it("extracts an HTML page with its metadata", async () => {
    const [page] = await collect([join(root, "news", "2024", "02", "verdi.html")]);
    expect(page).toMatchObject({
      url: STREIK.canonical,
      title: STREIK.title,
      published: STREIK.published,
      author: STREIK.author,
      site: STREIK.site,
      format: "html",
      encoding: "utf-8",
    });
    expect(page?.text).toContain("„Die Arbeitgeber haben bisher kein verhandlungsfähiges Angebot vorgelegt“");
    expect(page?.text).not.toContain("Startseite");
    expect(page?.text).not.toContain("Alle Rechte vorbehalten");
  });

  it("decodes a windows-1252 page from its meta charset", async () => {
    const [page] = await collect([join(root, "news", "2024", "lawine.htm")]);
    expect(page?.encoding).toBe("windows-1252");
    expect(page?.text).toContain(
      "„Wer jetzt abseits der gesicherten Pisten unterwegs ist, spielt mit seinem Leben“",
    );
    expect(page?.site).toBe("Neue Zürcher Zeitung");
  });

  it("reads a plain text file exactly as written", async () => {
    const [item] = await collect([join(root, "news", "bundesrat.txt")]);
    expect(item).toMatchObject({ format: "text", text: MELDUNG, encoding: "utf-8", title: null, url: null });
  });

  it("turns empty and binary files into items with a problem, not a crash", async () => {
    const items = await collect([join(root, "leer.txt"), join(root, "bild.txt")]);
    expect(items.map((item) => item.problem?.code)).toEqual(["E_INPUT_EMPTY", "E_INPUT_BINARY"]);
    expect(items.every((item) => item.text === "")).toBe(true);
  });

  it("refuses an item above the byte limit as a problem", async () => {
    const [item] = await collect([join(root, "news", "2024", "02", "verdi.html")], { maxBytes: 500 });
    expect(item?.problem?.code).toBe("E_INPUT_TOO_LARGE");
  });

  it("fails at once on a missing path, before reading any other input", async () => {
    const seen: string[] = [];
    const run = async () => {
      for await (const item of openSources([join(root, "news", "bundesrat.txt"), join(root, "fehlt.html")], {
        fetch: false,
      }))
        seen.push(item.origin);
    };
    await expect(run()).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof LautError && error.code === "E_INPUT_NOT_FOUND" && /fehlt\.html/.test(error.message),
    );
    expect(seen).toEqual([]);
  });

  it("refuses no inputs and a second standard input as usage errors", async () => {
    await expect(collect([])).rejects.toMatchObject({ code: "E_USAGE" });
    await expect(collect(["-", "-"], { stdin: stdinOf("x") })).rejects.toMatchObject({ code: "E_USAGE" });
  });

  it("makes a URL input a problem item when the network is off", async () => {
    const [item] = await collect(["https://news.example/artikel.html"]);
    expect(item).toMatchObject({
      origin: "https://news.example/artikel.html",
      problem: { code: "E_FETCH_DISABLED" },
    });
  });
});

describe("openSources over standard input", () => {
  it("reads plain text", async () => {
    const [item] = await collect(["-"], { stdin: stdinOf(MELDUNG) });
    expect(item).toMatchObject({ origin: "<stdin>", format: "text", text: MELDUNG });
  });

  it("recognises an HTML page", async () => {
    const [item] = await collect(["-"], { stdin: stdinOf(pageHtml(LAWINE)) });
    expect(item).toMatchObject({
      origin: "<stdin>",
      format: "html",
      title: LAWINE.title,
      author: LAWINE.author,
    });
  });

  it("recognises JSONL and numbers its lines", async () => {
    const lines =
      corpusLine({ title: STREIK.title, text: STREIK.paragraphs.join("\n") }) +
      "\n" +
      corpusLine({ title: LAWINE.title, text: LAWINE.paragraphs.join("\n") });
    const items = await collect(["-"], { stdin: stdinOf(lines) });
    expect(items.map((item) => [item.origin, item.title])).toEqual([
      ["<stdin>:1", STREIK.title],
      ["<stdin>:3", LAWINE.title],
    ]);
  });

  it("recognises gzipped JSONL", async () => {
    const items = await collect(["-"], {
      stdin: stdinOf(gzip(corpusLine({ title: "Titel", text: "Ein Satz." }))),
    });
    expect(items).toMatchObject([{ origin: "<stdin>:1", format: "jsonl", text: "Ein Satz." }]);
  });

  it("recognises a feed", async () => {
    const feed = rssXml("Testfeed", [
      {
        title: "Zürich baut Velowege aus",
        link: "https://feed.example/velo",
        description: "Die Stadt plant 50 Kilometer.",
      },
    ]);
    const items = await collect(["-"], { stdin: stdinOf(feed) });
    expect(items).toMatchObject([
      { origin: "<stdin>#https://feed.example/velo", format: "feed", title: "Zürich baut Velowege aus" },
    ]);
    expect(items[0]?.text).toBe("Zürich baut Velowege aus\n\nDie Stadt plant 50 Kilometer.\n");
  });
});
