/**
 * RSS, Atom, RDF and JSON Feed: each item becomes an article. With the network on, the item's
 * page is fetched and extracted (the feed's text is usually a teaser); when that fails, or the
 * page has no article text, the feed's own content or description stands in and the reason is
 * logged. Title, date and author come from the feed, which states them more reliably than pages.
 * The bytes were decoded before parsing, so feeds that lie about their encoding are read as
 * what they are (see src/input/decode.ts).
 */
import { parseFeed } from "feedsmith";
import { htmlToArticleText } from "../../input/html.js";
import type { IncomingArticle } from "../article.js";
import { articleFromHtml, hostOf, problemItem } from "./article.js";
import { toIsoDate } from "./dates.js";
import { fetchBytes } from "./fetch.js";
import { sniffKind } from "./kind.js";
import type { ResolvedOptions } from "./options.js";
import { SourceProblem } from "./problems.js";
import { plainText } from "./text.js";

export interface FeedEntry {
  /** guid, Atom id or JSON Feed id */
  id: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  /** the item's full content when the feed has it, else its description or summary (HTML) */
  html: string | null;
}

export interface ParsedFeed {
  title: string | null;
  /** the site the feed belongs to, against which relative item links resolve */
  link: string | null;
  entries: FeedEntry[];
}

const HAS_TEXT = /\S/;

function firstString(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === "string" && HAS_TEXT.test(value)) return value;
  }
  return null;
}

function names(values: ReadonlyArray<unknown> | undefined): string | null {
  if (!values) return null;
  const found: string[] = [];
  for (const value of values) {
    const name = plainText(typeof value === "string" ? value : (value as { name?: unknown } | null)?.name);
    if (name) found.push(name);
  }
  return found.length > 0 ? found.join(", ") : null;
}

type AnyRecord = Record<string, unknown>;
const asRecord = (value: unknown): AnyRecord =>
  value && typeof value === "object" ? (value as AnyRecord) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textValue = (value: unknown): string | null =>
  typeof value === "string" ? value : firstString(asRecord(value).value);

/** The link an Atom entry points its readers to: rel="alternate" (the default), else the first. */
function atomLink(links: unknown): string | null {
  let first: string | null = null;
  for (const link of asArray(links)) {
    const { href, rel } = asRecord(link);
    if (typeof href !== "string") continue;
    if (rel === undefined || rel === "alternate") return href;
    first ??= href;
  }
  return first;
}

function dcOf(item: AnyRecord): AnyRecord {
  return asRecord(item.dc);
}

/** The feed's items in one shape, whatever the format. Throws SourceProblem E_FEED_FORMAT. */
export function parseFeedText(xml: string, label: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    throw new SourceProblem(
      "E_FEED_FORMAT",
      `${label} is not a feed laut can read (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  const feed = parsed.feed as AnyRecord;
  if (parsed.format === "atom") {
    return {
      title: plainText(textValue(feed.title)),
      link: atomLink(feed.links),
      entries: asArray(feed.entries).map((value) => {
        const entry = asRecord(value);
        return {
          id: firstString(entry.id),
          url: atomLink(entry.links),
          title: plainText(textValue(entry.title)),
          published:
            toIsoDate(entry.published) ??
            toIsoDate(asArray(dcOf(entry).dates)[0]) ??
            toIsoDate(entry.updated),
          author: names(asArray(entry.authors)) ?? names(asArray(dcOf(entry).creators)),
          html: firstString(asRecord(entry.content).value, textValue(entry.summary)),
        };
      }),
    };
  }
  if (parsed.format === "json") {
    return {
      title: plainText(feed.title),
      link: firstString(feed.home_page_url),
      entries: asArray(feed.items).map((value) => {
        const item = asRecord(value);
        const text = firstString(item.content_text);
        return {
          id: firstString(item.id),
          url: firstString(item.url, item.external_url),
          title: plainText(item.title),
          published: toIsoDate(item.date_published) ?? toIsoDate(item.date_modified),
          author: names(asArray(item.authors)),
          html: firstString(item.content_html, item.summary) ?? (text ? escapeText(text) : null),
        };
      }),
    };
  }
  // RSS 0.9x/2.0 and RDF share the item shape feedsmith gives them
  return {
    title: plainText(feed.title),
    link: firstString(feed.link),
    entries: asArray(feed.items).map((value) => {
      const item = asRecord(value);
      const dc = dcOf(item);
      return {
        id: firstString(asRecord(item.guid).value, asRecord(item.rdf).about),
        url: firstString(
          item.link,
          asRecord(item.guid).isPermaLink === true ? asRecord(item.guid).value : null,
        ),
        title: plainText(item.title) ?? plainText(asArray(dc.titles)[0]),
        published: toIsoDate(item.pubDate) ?? toIsoDate(asArray(dc.dates)[0]),
        author: names(asArray(item.authors)) ?? names(asArray(dc.creators)),
        html: firstString(asRecord(item.content).encoded, item.description, asArray(dc.descriptions)[0]),
      };
    }),
  };
}

function escapeText(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\n", "<br>");
}

export interface FeedContext {
  /** the feed's own origin: its path or URL */
  origin: string;
  name: string;
  /** where the feed was fetched from: relative item links resolve against it first */
  url?: string | null;
}

/** An item link as an absolute http(s) URL, or null when it cannot be one. */
function absoluteUrl(link: string | null, bases: readonly (string | null | undefined)[]): string | null {
  if (!link) return null;
  for (const base of [undefined, ...bases]) {
    try {
      const url = new URL(link.trim(), base ?? undefined);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch {
      // not absolute, or not against this base
    }
  }
  return null;
}

function entryOrigin(feed: FeedContext, entry: FeedEntry, index: number): string {
  return `${feed.origin}#${entry.id ?? entry.url ?? `item-${index + 1}`}`;
}

/** The article as the feed alone tells it: title line, blank line, the content's paragraphs. */
function articleFromEntry(entry: FeedEntry, origin: string, encoding: string | null): IncomingArticle {
  const body = entry.html ? htmlToArticleText(entry.html).text.trim() : "";
  const known = {
    url: entry.url,
    title: entry.title,
    published: entry.published,
    author: entry.author,
    site: hostOf(entry.url),
    encoding,
  };
  if (!HAS_TEXT.test(body)) {
    return problemItem(
      origin,
      "feed",
      { code: "E_INPUT_EMPTY", message: `${origin}: the feed item has no text` },
      known,
    );
  }
  const parts = entry.title && !body.startsWith(entry.title) ? [entry.title, body] : [body];
  return { origin, ...known, text: `${parts.join("\n\n")}\n`, format: "feed" };
}

async function resolveEntry(
  entry: FeedEntry,
  origin: string,
  encoding: string | null,
  options: ResolvedOptions,
): Promise<IncomingArticle> {
  if (!options.fetch || !entry.url) return articleFromEntry(entry, origin, encoding);
  let reason: string;
  try {
    const fetched = await fetchBytes(entry.url, options);
    const kind = sniffKind(fetched.bytes.subarray(0, 8192), null, fetched.contentType);
    if (kind === "html") {
      const page = articleFromHtml(fetched.bytes, {
        origin,
        name: fetched.url,
        fetchedUrl: fetched.url,
        contentType: fetched.contentType,
        maxBytes: options.maxBytes,
      });
      if (!page.problem) {
        return {
          ...page,
          title: entry.title ?? page.title,
          published: entry.published ?? page.published,
          author: entry.author ?? page.author,
          site: page.site,
          format: "feed",
        };
      }
      reason = page.problem.message;
    } else {
      reason = `${fetched.url} is ${kind}, not an HTML page`;
    }
  } catch (error) {
    if (!(error instanceof SourceProblem)) throw error;
    reason = error.message;
  }
  options.log(`feed item ${origin}: page not used (${reason}); the feed's own text stands in`);
  return articleFromEntry(entry, origin, encoding);
}

/** Articles of a decoded feed, in feed order, with up to `concurrency` pages fetched at once. */
export async function* feedArticles(
  xml: string,
  encoding: string | null,
  feed: FeedContext,
  options: ResolvedOptions,
): AsyncGenerator<IncomingArticle> {
  let parsed: ParsedFeed;
  try {
    parsed = parseFeedText(xml, `"${feed.name}"`);
  } catch (error) {
    yield problemItem(feed.origin, "feed", error, { encoding });
    return;
  }
  const entries = parsed.entries.map((entry) => ({
    ...entry,
    url: absoluteUrl(entry.url, [feed.url, parsed.link]),
  }));
  const pending: Promise<IncomingArticle>[] = [];
  let next = 0;
  while (next < entries.length || pending.length > 0) {
    while (pending.length < options.concurrency && next < entries.length) {
      const index = next++;
      const entry = entries[index] as FeedEntry;
      const promise = resolveEntry(entry, entryOrigin(feed, entry, index), encoding, options);
      // a consumer that stops early leaves requests running; their failures are nobody's to report
      promise.catch(() => undefined);
      pending.push(promise);
    }
    yield await (pending.shift() as Promise<IncomingArticle>);
  }
}
