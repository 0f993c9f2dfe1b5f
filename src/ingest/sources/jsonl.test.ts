import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingArticle } from "../article.js";
import { lines } from "./bytes.js";
import { corpusLine, gzip, LAWINE, STREIK } from "./fixtures.case.js";
import { openSources } from "./index.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "laut-jsonl-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string, maxBytes?: number): Promise<IncomingArticle[]> {
  const items: IncomingArticle[] = [];
  for await (const item of openSources([path], { fetch: false, maxBytes })) items.push(item);
  return items;
}

const NEWS_PLEASE = {
  title: LAWINE.title,
  maintext: LAWINE.paragraphs.join("\n"),
  url: "https://nzz.example/lawine",
  date_publish: "2024-01-18 07:45:00",
  authors: ["Reto Caduff", "Anna Meier"],
  source_domain: "nzz.example",
};

describe("JSONL corpora", () => {
  it("maps the fields of FANG-COVID and news-please exports, paragraphs as blank-line blocks", async () => {
    const path = join(dir, "korpus.jsonl");
    writeFileSync(
      path,
      corpusLine({
        id: 7,
        url: STREIK.canonical,
        date: STREIK.published,
        source: "rp-online.example",
        title: STREIK.title,
        text: STREIK.paragraphs.join("\n"),
      }) + corpusLine(NEWS_PLEASE),
    );
    const [fang, newsPlease] = await collect(path);
    expect(fang).toEqual({
      origin: `${path}:1`,
      url: STREIK.canonical,
      title: STREIK.title,
      published: STREIK.published,
      author: null,
      site: "rp-online.example",
      text: STREIK.paragraphs.join("\n\n"),
      format: "jsonl",
      encoding: "utf-8",
    });
    expect(newsPlease).toMatchObject({
      origin: `${path}:2`,
      published: "2024-01-18T07:45:00",
      author: "Reto Caduff, Anna Meier",
      site: "nzz.example",
      text: LAWINE.paragraphs.join("\n\n"),
    });
  });

  it("streams .jsonl.gz and turns bad lines into problem items that keep their line numbers", async () => {
    const path = join(dir, "gemischt.jsonl.gz");
    const body = [
      corpusLine({ title: "Erste Meldung", content: "Der Landtag tagt am Mittwoch." }),
      "{kein json}\n",
      "\n",
      "[1, 2, 3]\n",
      corpusLine({ title: "Ohne Text", url: "https://x.example/leer" }),
      corpusLine({
        headline: "Mit HTML",
        html: "<p>Die Polizei sucht Zeugen.</p><p>Hinweise an die Wache.</p>",
      }),
      `{"title": "Letzte Zeile ohne Umbruch", "body": "Der Zug f\\u00e4hrt p\\u00fcnktlich."}`,
    ].join("");
    writeFileSync(path, gzip(body));
    const items = await collect(path);
    expect(items.map((item) => [item.origin.slice(path.length), item.problem?.code ?? item.title])).toEqual([
      [":1", "Erste Meldung"],
      [":2", "E_JSONL_LINE"],
      [":4", "E_JSONL_LINE"],
      [":5", "E_JSONL_LINE"],
      [":6", "Mit HTML"],
      [":7", "Letzte Zeile ohne Umbruch"],
    ]);
    expect(items[3]).toMatchObject({ url: "https://x.example/leer", title: "Ohne Text", text: "" });
    expect(items[4]?.text).toBe("Die Polizei sucht Zeugen.\n\nHinweise an die Wache.\n");
    expect(items[5]?.text).toBe("Der Zug fährt pünktlich.");
  });

  it("reads a line with Latin-1 bytes pasted into UTF-8", async () => {
    const path = join(dir, "latin1.jsonl");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('{"title": "Gr', "utf8"),
        Buffer.from([0xfc]),
        Buffer.from('ne Welle", "text": "Der Stadtrat in M\u00fcnchen stimmte zu."}\n', "utf8"),
      ]),
    );
    const [item] = await collect(path);
    expect(item?.title).toBe("Grüne Welle");
    expect(item?.text).toBe("Der Stadtrat in München stimmte zu.");
  });

  it("skips a line over the byte limit without holding it, and reads on", async () => {
    const path = join(dir, "lang.jsonl");
    writeFileSync(
      path,
      corpusLine({ title: "Kurz", text: "Ein Satz." }) +
        corpusLine({ title: "Lang", text: "Wort ".repeat(50_000) }) +
        corpusLine({ title: "Danach", text: "Noch ein Satz." }),
    );
    const items = await collect(path, 10_000);
    expect(items.map((item) => item.problem?.code ?? item.title)).toEqual([
      "Kurz",
      "E_INPUT_TOO_LARGE",
      "Danach",
    ]);
  });
});

describe("JSON documents named on the command line", () => {
  it("reads a pretty-printed news-please article and an array of articles", async () => {
    const single = join(dir, "artikel.json");
    writeFileSync(single, JSON.stringify(NEWS_PLEASE, null, 2));
    const array = join(dir, "artikel-liste.json");
    writeFileSync(
      array,
      JSON.stringify([{ title: "Eins", text: "Erster Text." }, "kein Artikel", NEWS_PLEASE], null, 2),
    );
    const items = [...(await collect(single)), ...(await collect(array))];
    expect(items.map((item) => [item.origin, item.problem?.code ?? item.title])).toEqual([
      [single, LAWINE.title],
      [`${array}#1`, "Eins"],
      [`${array}#2`, "E_JSONL_LINE"],
      [`${array}#3`, LAWINE.title],
    ]);
    expect(items[0]?.author).toBe("Reto Caduff, Anna Meier");
  });
});

describe("lines", () => {
  it("splits across chunk borders, strips CR, counts every line", async () => {
    const chunks = ["erste\r\nzwei", "te\n\ndri", "tte"].map((text) => Buffer.from(text));
    const seen: [number, string | null][] = [];
    for await (const line of lines(Readable.from(chunks), 100)) {
      seen.push([line.number, line.bytes ? Buffer.from(line.bytes).toString() : null]);
    }
    expect(seen).toEqual([
      [1, "erste"],
      [2, "zweite"],
      [3, ""],
      [4, "dritte"],
    ]);
  });
});

const CORPUS = new URL("../../../../shared/data/corpus/fang-covid-de.jsonl.gz", import.meta.url).pathname;
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.warn(`skipping the FANG-COVID corpus test: ${CORPUS} not found`);

describe.skipIf(!corpusPresent)("the FANG-COVID corpus", () => {
  it("streams its first 2,000 articles with URL, title, date, site and text", async () => {
    let count = 0;
    for await (const item of openSources([CORPUS], { fetch: false })) {
      count++;
      expect(item.problem, item.origin).toBeUndefined();
      expect(item.origin).toBe(`${CORPUS}:${count}`);
      expect(item.url).toMatch(/^https?:\/\//);
      expect(item.published).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(item.site).toBeTruthy();
      expect(item.text.length).toBeGreaterThan(0);
      if (count === 2000) break;
    }
    expect(count).toBe(2000);
  });
});
