/**
 * URLs and feed items over HTTP, against a server on the loopback address that serves pages
 * written here: a good page, a page whose charset header lies, a 404, a page that never
 * answers, a redirect, and a feed whose items point at them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingArticle } from "../article.js";
import { cp1252, LAWINE, pageHtml, rssXml, STREIK } from "./fixtures.case.js";
import { openSources, type SourceOptions } from "./index.js";

let server: Server;
let base: string;
let requests: string[] = [];
/** Responses that must never finish; closed when the tests end. */
const hanging = new Set<import("node:http").ServerResponse>();

const LATIN1_PAGE = cp1252(
  pageHtml({ ...LAWINE, charset: "windows-1252" }).replace('<meta charset="windows-1252">', ""),
);

function feedOf(items: { path: string; title: string; description: string }[]): string {
  return rssXml(
    "Lokalnachrichten",
    items.map((item, i) => ({
      title: item.title,
      link: `${base}${item.path}`,
      description: item.description,
      pubDate: `Tue, 0${i + 1} Oct 2024 10:00:00 +0200`,
      author: "Redaktion Lokales",
    })),
  );
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push(path);
    if (path === "/streik.html") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(pageHtml(STREIK));
    } else if (path === "/lawine-falscher-header.html") {
      // the header claims UTF-8, the bytes are windows-1252 and the page declares nothing
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(LATIN1_PAGE);
    } else if (path === "/lawine-header-latin1.html") {
      // the header claims Latin-1 for a page that is UTF-8: the bytes win
      response.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      response.end(pageHtml(LAWINE).replace('<meta charset="utf-8">', ""));
    } else if (path === "/umgezogen") {
      response.writeHead(301, { location: "/streik.html" });
      response.end();
    } else if (path === "/haengt.html") {
      hanging.add(response);
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<!doctype html><html><head><title>Langsam</title>");
    } else if (path === "/relativ.xml") {
      response.writeHead(200, { "content-type": "application/xml" });
      response.end(
        rssXml("Relativ", [{ title: "Warnstreik", link: "/streik.html", description: "Kurz." }]).replace(
          "<link>https://news.example/</link>",
          "",
        ),
      );
    } else if (path === "/feed.xml") {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      response.end(
        feedOf([
          {
            path: "/streik.html",
            title: "Warnstreik am Freitag",
            description: "Kurzfassung: Busse stehen still.",
          },
          {
            path: "/weg.html",
            title: "Gelöschter Artikel",
            description: "Dieser Artikel ist nur noch im Feed.",
          },
          {
            path: "/haengt.html",
            title: "Langsamer Server",
            description: "Der Server antwortet nicht rechtzeitig.",
          },
          { path: "/lawine-falscher-header.html", title: "Lawinengefahr steigt", description: "Kurz." },
        ]),
      );
    } else {
      response.writeHead(404, { "content-type": "text/html" });
      response.end("<html><body><h1>Seite nicht gefunden</h1></body></html>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  // fetch keeps connections alive; close would wait for them to time out
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function collect(inputs: string[], options: SourceOptions = {}): Promise<IncomingArticle[]> {
  const items: IncomingArticle[] = [];
  for await (const item of openSources(inputs, { timeoutMs: 1000, log: () => undefined, ...options }))
    items.push(item);
  return items;
}

describe("URL inputs", () => {
  it("fetches and extracts a page, with its metadata and canonical URL", async () => {
    const [page] = await collect([`${base}/streik.html`]);
    expect(page).toMatchObject({
      origin: `${base}/streik.html`,
      url: STREIK.canonical,
      title: STREIK.title,
      author: STREIK.author,
      published: STREIK.published,
      format: "html",
    });
    expect(page?.text).toContain("Verdi-Vize Christine Behle");
  });

  it("keeps the URL as given as origin when the server redirects", async () => {
    const [page] = await collect([`${base}/umgezogen`]);
    expect(page?.origin).toBe(`${base}/umgezogen`);
    expect(page?.title).toBe(STREIK.title);
  });

  it("reads windows-1252 bytes served under a UTF-8 header", async () => {
    const [page] = await collect([`${base}/lawine-falscher-header.html`]);
    expect(page?.problem).toBeUndefined();
    expect(page?.encoding).toBe("windows-1252");
    expect(page?.text).toContain("„Wer jetzt abseits der gesicherten Pisten unterwegs ist");
  });

  it("reads UTF-8 bytes served under a Latin-1 header", async () => {
    const [page] = await collect([`${base}/lawine-header-latin1.html`]);
    expect(page?.encoding).toBe("utf-8");
    expect(page?.text).toContain("Schnee- und Lawinenforschung");
  });

  it("makes a 404 and a timeout problem items with their own codes", async () => {
    const items = await collect([`${base}/gibt-es-nicht.html`, `${base}/haengt.html`], { timeoutMs: 300 });
    expect(items.map((item) => [item.origin, item.problem?.code])).toEqual([
      [`${base}/gibt-es-nicht.html`, "E_FETCH_STATUS"],
      [`${base}/haengt.html`, "E_FETCH_TIMEOUT"],
    ]);
    expect(items[0]?.problem?.message).toContain("404");
  });

  it("makes a page larger than the limit a problem item", async () => {
    const [page] = await collect([`${base}/streik.html`], { maxBytes: 200 });
    expect(page?.problem?.code).toBe("E_INPUT_TOO_LARGE");
  });

  it("stops the whole iteration when the caller aborts", async () => {
    const controller = new AbortController();
    const run = collect([`${base}/haengt.html`], { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(new Error("ingest cancelled")), 100);
    await expect(run).rejects.toThrow("ingest cancelled");
  });
});

describe("feed items over HTTP", () => {
  it("fetches each item's page, falls back to the feed's text when it fails, and logs why", async () => {
    const log: string[] = [];
    requests = [];
    const items = await collect([`${base}/feed.xml`], {
      timeoutMs: 500,
      log: (message) => log.push(message),
    });
    expect(items.map((item) => item.origin)).toEqual([
      `${base}/feed.xml#${base}/streik.html`,
      `${base}/feed.xml#${base}/weg.html`,
      `${base}/feed.xml#${base}/haengt.html`,
      `${base}/feed.xml#${base}/lawine-falscher-header.html`,
    ]);
    const [streik, weg, haengt, lawine] = items;
    // the page's text, the feed's title, date and author
    expect(streik).toMatchObject({
      title: "Warnstreik am Freitag",
      author: "Redaktion Lokales",
      published: "2024-10-01T10:00:00+02:00",
      url: STREIK.canonical,
      site: STREIK.site,
      format: "feed",
    });
    expect(streik?.text).toContain("Der Verband kommunaler Arbeitgeber kritisierte den Aufruf");
    // the feed's own text when the page is gone or too slow
    expect(weg?.problem).toBeUndefined();
    expect(weg?.text).toBe("Gelöschter Artikel\n\nDieser Artikel ist nur noch im Feed.\n");
    expect(haengt?.text).toContain("Der Server antwortet nicht rechtzeitig.");
    expect(lawine?.text).toContain("„Wer jetzt abseits der gesicherten Pisten");
    expect(log).toHaveLength(2);
    expect(log[0]).toContain("404");
    expect(log[1]).toContain("no complete answer");
    expect(requests).toContain("/feed.xml");
    expect(requests).toContain("/lawine-falscher-header.html");
  });

  it("resolves relative item links against the feed's URL", async () => {
    const [item] = await collect([`${base}/relativ.xml`]);
    // the guid is the relative link itself: identity as the feed gives it, the URL made absolute
    expect(item?.origin).toBe(`${base}/relativ.xml#/streik.html`);
    expect(item?.url).toBe(STREIK.canonical);
    expect(item?.text).toContain("Verdi-Vize Christine Behle");
  });

  it("never touches the network with fetch off: a feed file's items come from the feed", async () => {
    const feed = feedOf([
      { path: "/streik.html", title: "Warnstreik am Freitag", description: "Busse stehen still." },
    ]);
    requests = [];
    const { Readable } = await import("node:stream");
    const items = await collect(["-"], { fetch: false, stdin: Readable.from([Buffer.from(feed)]) });
    expect(items[0]?.text).toBe("Warnstreik am Freitag\n\nBusse stehen still.\n");
    expect(requests).toEqual([]);
  });
});
