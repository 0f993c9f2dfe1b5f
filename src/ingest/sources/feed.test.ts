/**
 * Feeds: the formats feedsmith reads, and the encodings that lie, on the synthetic feeds in
 * /work/shared/data/feeds (built from FANG-COVID metadata; not part of the repository).
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IncomingArticle } from "../article.js";
import { parseFeedText } from "./feed.js";
import { cp1252, rssXml } from "./fixtures.case.js";
import { openSources, type SourceOptions } from "./index.js";

async function collect(inputs: string[], options: SourceOptions = {}): Promise<IncomingArticle[]> {
  const items: IncomingArticle[] = [];
  for await (const item of openSources(inputs, { fetch: false, log: () => undefined, ...options }))
    items.push(item);
  return items;
}

const fromStdin = (bytes: Buffer | string) =>
  collect(["-"], { stdin: Readable.from([typeof bytes === "string" ? Buffer.from(bytes) : bytes]) });

/** What mis-decoded German looks like: UTF-8 read as Latin-1, leftover entities, C1 controls. */
const MOJIBAKE = /Ã|Â|â€|&[a-z]+;|&#\d+;|\ufffd|[\u0080-\u009f]/;

describe("feed formats", () => {
  it("reads Atom: alternate link, published date, authors, HTML summary", () => {
    const feed = parseFeedText(
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Der Bund</title><id>urn:x</id><updated>2024-03-01T10:00:00Z</updated>
<entry><title type="html">Gemeinderat &lt;em&gt;genehmigt&lt;/em&gt; Budget</title><id>urn:bund:1</id>
<link rel="self" href="https://bund.example/api/1"/><link rel="alternate" href="https://bund.example/budget-1"/>
<published>2024-03-01T09:30:00+01:00</published><updated>2024-03-01T10:00:00+01:00</updated>
<author><name>Sarah Kuhn</name></author><author><name>Marc Rüegg</name></author>
<summary type="html">&lt;p&gt;Das Parlament stimmte mit 41 zu 29 Stimmen zu.&lt;/p&gt;</summary></entry></feed>`,
      "test",
    );
    expect(feed.title).toBe("Der Bund");
    expect(feed.entries).toEqual([
      {
        id: "urn:bund:1",
        url: "https://bund.example/budget-1",
        title: "Gemeinderat genehmigt Budget",
        published: "2024-03-01T09:30:00+01:00",
        author: "Sarah Kuhn, Marc Rüegg",
        html: "<p>Das Parlament stimmte mit 41 zu 29 Stimmen zu.</p>",
      },
    ]);
  });

  it("reads JSON Feed", async () => {
    const items = await fromStdin(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "Salzburger Nachrichten",
        items: [
          {
            id: "sn-77",
            url: "https://sn.example/77",
            title: "Festspiele präsentieren Programm",
            content_text:
              "Die Salzburger Festspiele haben ihr Programm vorgestellt.\nIntendant Markus Hinterhäuser sprach von einem „Sommer der Begegnungen“.",
            date_published: "2024-11-05T11:00:00+01:00",
            authors: [{ name: "Eva Gruber" }],
          },
        ],
      }),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      origin: "<stdin>#sn-77",
      url: "https://sn.example/77",
      title: "Festspiele präsentieren Programm",
      published: "2024-11-05T11:00:00+01:00",
      author: "Eva Gruber",
      format: "feed",
    });
    expect(items[0]?.text).toContain("„Sommer der Begegnungen“");
  });

  it("reads RSS with dc:creator and content:encoded over the description", () => {
    const feed = parseFeedText(
      `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>t</title><link>https://x.example/</link><description>d</description>
<item><title>Kurz</title><link>https://x.example/1</link><description>Teaser</description>
<content:encoded><![CDATA[<p>Der ganze Artikel.</p>]]></content:encoded><dc:creator>Jana Ott</dc:creator>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>`,
      "test",
    );
    expect(feed.entries[0]).toMatchObject({
      url: "https://x.example/1",
      author: "Jana Ott",
      html: "<p>Der ganze Artikel.</p>",
      published: "2024-03-06T08:00:00Z",
    });
  });

  it("makes a feed that cannot be parsed one item with a problem", async () => {
    const items = await fromStdin('<?xml version="1.0"?><rss version="2.0"><channel><title>kaputt');
    expect(items).toHaveLength(1);
    expect(items[0]?.problem?.code).toBe("E_FEED_FORMAT");
  });

  it("reads a feed that declares UTF-8 but is windows-1252", async () => {
    const xml = rssXml("Wiener Zeitung", [
      {
        title: "Bürgermeister: „Wien bleibt günstig“",
        link: "https://wz.example/1",
        description: "Die Öffi-Jahreskarte kostet weiterhin 365 €.",
      },
    ]);
    const [item] = await fromStdin(cp1252(xml));
    expect(item?.title).toBe("Bürgermeister: „Wien bleibt günstig“");
    expect(item?.text).toContain("Die Öffi-Jahreskarte kostet weiterhin 365 €.");
    expect(item?.encoding).toBe("windows-1252");
  });
});

const FEEDS = new URL("../../../../shared/data/feeds/", import.meta.url).pathname;
const feedsPresent = existsSync(FEEDS);
if (!feedsPresent) console.warn(`skipping the shared feed tests: ${FEEDS} not found`);

/** Each messy feed was made from the same items as a clean one. */
const MESSY_TWINS: Record<string, string> = {
  "messy_rss2_double-encoded-utf8.xml": "atom_utf8_tagesspiegel.xml",
  "messy_rss2_declared-utf8_actually-cp1252.xml": "rss2_utf8_cdata_zeit.xml",
  "messy_rss2_bom_escaped-html-entities.xml": "rss2_iso-8859-1_sueddeutsche.xml",
};

/** Question marks and white space aside: where the messy feed was made, unencodable characters became "?". */
const withoutLoss = (text: string | undefined): string | undefined =>
  text?.replace(/\?/g, "").replace(/\s+/g, " ");

describe.skipIf(!feedsPresent)("the shared feeds with lying encodings", () => {
  it("decodes every title and text of every feed into clean German", async () => {
    const files = readdirSync(FEEDS).filter((name) => name.endsWith(".xml"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    let germanQuotes = 0;
    for (const file of files) {
      const items = await collect([join(FEEDS, file)]);
      expect(items.length, file).toBeGreaterThanOrEqual(10);
      for (const item of items) {
        expect(item.problem, `${file} ${item.origin}`).toBeUndefined();
        expect(item.title, file).toBeTruthy();
        expect(item.title, file).not.toMatch(MOJIBAKE);
        expect(item.text, file).not.toMatch(MOJIBAKE);
        expect(item.published, file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(item.url, file).toMatch(/^https:\/\//);
      }
      // German text, so umlauts must survive somewhere in every feed
      expect(
        items.some((item) => /[äöüß]/.test(item.title ?? "")),
        file,
      ).toBe(true);
      germanQuotes += items.filter((item) => /„[^“]+“/.test(item.text)).length;
    }
    expect(germanQuotes).toBeGreaterThan(0);
  });

  it("gives each messy feed exactly the titles and texts of its clean twin", async () => {
    for (const [messy, clean] of Object.entries(MESSY_TWINS)) {
      const reference = new Map((await collect([join(FEEDS, clean)])).map((item) => [item.url, item]));
      const items = await collect([join(FEEDS, messy)]);
      for (const item of items) {
        const twin = reference.get(item.url);
        expect(twin, `${messy}: ${item.url} is not in ${clean}`).toBeDefined();
        expect(item.title, messy).toBe(twin?.title);
        expect(withoutLoss(item.text), messy).toBe(withoutLoss(twin?.text));
      }
    }
  });

  it("names the encoding each feed was read in", async () => {
    const encodingOf = async (file: string) => (await collect([join(FEEDS, file)]))[0]?.encoding;
    expect(await encodingOf("rss2_iso-8859-1_sueddeutsche.xml")).toBe("iso-8859-1");
    expect(await encodingOf("messy_rss2_declared-utf8_actually-cp1252.xml")).toBe("windows-1252");
    expect(await encodingOf("messy_rss2_double-encoded-utf8.xml")).toBe("utf-8 (repaired double encoding)");
  });
});
