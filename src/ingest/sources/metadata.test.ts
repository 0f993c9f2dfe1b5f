import { describe, expect, it } from "vitest";
import { toIsoDate } from "./dates.js";
import { htmlMetadata } from "./metadata.js";

describe("toIsoDate", () => {
  it.each([
    ["2024-03-05T14:30:00+01:00", "2024-03-05T14:30:00+01:00"],
    ["2024-03-05T14:30+0100", "2024-03-05T14:30:00+01:00"],
    ["2024-03-05 14:30:12Z", "2024-03-05T14:30:12Z"],
    ["2024-03-05", "2024-03-05"],
    ["Tue, 05 Mar 2024 14:30:00 +0100", "2024-03-05T14:30:00+01:00"],
    ["Mon, 20 Jul 2020 18:44:37 -0000", "2020-07-20T18:44:37Z"],
    ["5.3.2024", "2024-03-05"],
    ["05.03.2024, 14:30 Uhr", "2024-03-05T14:30:00"],
  ])("reads %s", (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each(["", "gestern", "0001-01-01", "2024-13-40", "32.01.2024"])("refuses %j", (input) => {
    expect(toIsoDate(input)).toBeNull();
  });

  it("reads Unix seconds and milliseconds alike", () => {
    expect(toIsoDate(1709645400)).toBe("2024-03-05T13:30:00.000Z");
    expect(toIsoDate(1709645400000)).toBe("2024-03-05T13:30:00.000Z");
  });
});

const OPEN_GRAPH_PAGE = `<!doctype html><html lang="de"><head>
<meta charset="utf-8">
<title>Bahnstreik: GDL kündigt neuen Ausstand an | Tages-Anzeiger</title>
<meta property="og:title" content="Bahnstreik: GDL kündigt neuen Ausstand an">
<meta property="og:site_name" content="Tages-Anzeiger">
<meta property="article:published_time" content="2024-03-05T06:15:00+01:00">
<meta property="article:author" content="https://www.tagesanzeiger.ch/autoren/lena-meier">
<meta name="author" content="Lena Meier">
<link rel="canonical" href="https://www.tagesanzeiger.ch/bahnstreik-gdl-123456">
</head><body><article><p>Die Gewerkschaft kündigte am Dienstag einen neuen Streik an.</p></article></body></html>`;

describe("htmlMetadata", () => {
  it("reads Open Graph, article:* and the canonical link", () => {
    expect(htmlMetadata(OPEN_GRAPH_PAGE)).toEqual({
      title: "Bahnstreik: GDL kündigt neuen Ausstand an",
      published: "2024-03-05T06:15:00+01:00",
      author: "Lena Meier",
      site: "Tages-Anzeiger",
      canonicalUrl: "https://www.tagesanzeiger.ch/bahnstreik-gdl-123456",
    });
  });

  it("reads a NewsArticle inside a JSON-LD @graph, authors and publisher included", () => {
    const page = `<html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Der Standard","url":"https://www.derstandard.at/"},
 {"@type":"NewsArticle","headline":"Nationalrat beschließt Teuerungsausgleich",
  "datePublished":"2024-02-28T17:02:11+01:00",
  "author":[{"@type":"Person","name":"Maria Huber"},{"@type":"Person","name":"Jakob Wallner"}],
  "publisher":{"@type":"Organization","name":"DER STANDARD"},
  "url":"https://www.derstandard.at/story/3000000209"}]}</script>
</head><body><p>Text</p></body></html>`;
    expect(htmlMetadata(page)).toEqual({
      title: "Nationalrat beschließt Teuerungsausgleich",
      published: "2024-02-28T17:02:11+01:00",
      author: "Maria Huber, Jakob Wallner",
      site: "DER STANDARD",
      canonicalUrl: "https://www.derstandard.at/story/3000000209",
    });
  });

  it("survives broken JSON-LD and falls back to the <time> that marks publication", () => {
    const page = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "kaputt",}</script></head>
<body><p>Aktualisiert <time datetime="2024-03-06T09:00:00+01:00">6. März</time></p>
<p>Erschienen <time itemprop="datePublished" datetime="2024-03-05T18:00:00+01:00">5. März</time></p></body></html>`;
    const meta = htmlMetadata(page);
    expect(meta.published).toBe("2024-03-05T18:00:00+01:00");
    expect(meta.title).toBeNull();
  });

  it("takes the first dated <time> when none is marked, and decodes every entity in attributes", () => {
    const page = `<html><head><meta name="author" content="J&ouml;rg M&uuml;ller &amp; Team">
<meta property="og:title" content="&#8222;Wir bleiben&#8220;, sagt die Ministerin"></head>
<body><time datetime="2023-11-30">30.11.2023</time><time datetime="2023-12-01">1.12.2023</time></body></html>`;
    const meta = htmlMetadata(page);
    expect(meta.published).toBe("2023-11-30");
    expect(meta.title).toBe("„Wir bleiben“, sagt die Ministerin");
    expect(meta.author).toBe("Jörg Müller & Team");
  });

  it("names a site by its host when it gives its address as its name", () => {
    const page =
      '<meta property="og:site_name" content="https://www.fr.de"><meta property="og:title" content="x">';
    expect(htmlMetadata(page).site).toBe("fr.de");
  });

  it("returns nulls for a page that says nothing about itself", () => {
    expect(htmlMetadata("<p>Nur ein Absatz.</p>")).toEqual({
      title: null,
      published: null,
      author: null,
      site: null,
      canonicalUrl: null,
    });
  });

  it("stays linear on a hostile page of unclosed tags", () => {
    const hostile = "<meta content='".repeat(10_000) + "<time datetime=".repeat(10_000);
    const started = performance.now();
    htmlMetadata(hostile);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
