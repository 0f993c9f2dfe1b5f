/**
 * German news pages, feeds and corpus lines written for the source tests (invented events,
 * realistic shape). Shared by the tests of every source kind.
 */
import { gzipSync } from "node:zlib";
import { CP1252_HIGH } from "../../input/cp1252.js";

export interface PageSpec {
  title: string;
  paragraphs: string[];
  published?: string;
  author?: string;
  site?: string;
  canonical?: string;
  charset?: string;
}

export const STREIK: PageSpec = {
  title: "Verdi ruft zu Warnstreiks im Nahverkehr auf",
  paragraphs: [
    "Die Gewerkschaft Verdi hat für Freitag zu Warnstreiks im öffentlichen Nahverkehr in mehreren Bundesländern aufgerufen. Betroffen seien Busse und Straßenbahnen in über 80 Städten, teilte die Gewerkschaft am Dienstag in Berlin mit.",
    "„Die Arbeitgeber haben bisher kein verhandlungsfähiges Angebot vorgelegt“, sagte Verdi-Vize Christine Behle. Die Beschäftigten erwarteten deutliche Verbesserungen bei den Arbeitszeiten.",
    "Der Verband kommunaler Arbeitgeber kritisierte den Aufruf als unverhältnismäßig. Man sei weiterhin gesprächsbereit, hieß es aus Köln.",
  ],
  published: "2024-02-27T11:20:00+01:00",
  author: "Anna Schröder",
  site: "Rheinische Post",
  canonical: "https://rp-online.example/wirtschaft/verdi-warnstreik-nahverkehr-123.html",
};

export const LAWINE: PageSpec = {
  title: "Lawinengefahr in Graubünden steigt auf Stufe vier",
  paragraphs: [
    "Nach den starken Schneefällen der vergangenen Tage warnt das Institut für Schnee- und Lawinenforschung vor großer Lawinengefahr. Besonders betroffen seien die Regionen um Davos und das Engadin.",
    "„Wer jetzt abseits der gesicherten Pisten unterwegs ist, spielt mit seinem Leben“, sagte ein Sprecher des Instituts der Nachrichtenagentur Keystone-SDA. Mehrere Passstraßen wurden vorsorglich gesperrt.",
  ],
  published: "2024-01-18T07:45:00+01:00",
  author: "Reto Caduff",
  site: "Neue Zürcher Zeitung",
};

const escapeHtml = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** A news page with navigation, a cookie banner and a footer around the article. */
export function pageHtml(spec: PageSpec): string {
  const meta = [
    `<meta charset="${spec.charset ?? "utf-8"}">`,
    `<title>${escapeHtml(spec.title)} | ${escapeHtml(spec.site ?? "Nachrichten")}</title>`,
    spec.site ? `<meta property="og:site_name" content="${escapeHtml(spec.site)}">` : "",
    spec.published ? `<meta property="article:published_time" content="${spec.published}">` : "",
    spec.author ? `<meta name="author" content="${escapeHtml(spec.author)}">` : "",
    spec.canonical ? `<link rel="canonical" href="${spec.canonical}">` : "",
  ].join("\n");
  const body = spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html>
<html lang="de"><head>${meta}</head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>${escapeHtml(spec.title)}</h1>
${body}
</article></main>
<footer><p>© 2024 Verlag. Alle Rechte vorbehalten. Impressum · Datenschutz</p></footer>
</body></html>
`;
}

export interface FeedItemSpec {
  title: string;
  link: string;
  description: string;
  pubDate?: string;
  author?: string;
}

/** An RSS 2.0 feed; the caller encodes it (so tests can lie about the encoding). */
export function rssXml(title: string, items: FeedItemSpec[], encoding = "UTF-8"): string {
  const entries = items
    .map(
      (item) => `<item>
<title>${escapeHtml(item.title)}</title>
<link>${item.link}</link>
<guid isPermaLink="true">${item.link}</guid>
${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ""}
${item.author ? `<dc:creator>${escapeHtml(item.author)}</dc:creator>` : ""}
<description><![CDATA[<p>${item.description}</p>]]></description>
</item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeHtml(title)}</title><link>https://news.example/</link>
<description>Test</description>
${entries}
</channel></rss>
`;
}

export function corpusLine(record: Record<string, unknown>): string {
  return `${JSON.stringify(record)}\n`;
}

export function gzip(text: string): Buffer {
  return gzipSync(Buffer.from(text, "utf8"));
}

/** Text as windows-1252 bytes (Buffer's "latin1" would turn „ “ € into control bytes). */
export function cp1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i] as string);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else if (high !== -1) bytes[i] = 0x80 + high;
    else throw new Error(`U+${code.toString(16)} has no windows-1252 byte`);
  }
  return bytes;
}
