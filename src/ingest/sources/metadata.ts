/**
 * What a news page says about itself: title, publication date, author, site name and canonical
 * URL, from <meta> tags (Open Graph, Dublin Core, article:*), JSON-LD (schema.org NewsArticle),
 * <time> elements and <link rel="canonical">. A scan over tags, not a DOM: the page is parsed
 * once already for its text, and these tags can be read without building a tree.
 */
import { toIsoDate } from "./dates.js";
import { plainText } from "./text.js";

export interface PageMetadata {
  title: string | null;
  published: string | null;
  author: string | null;
  site: string | null;
  canonicalUrl: string | null;
}

/** <meta> keys (property, name or itemprop, lower case) per field, most trusted first. */
const TITLE_KEYS = ["og:title", "twitter:title", "dc.title", "headline"];
const PUBLISHED_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.created",
  "date",
  "publish-date",
  "pubdate",
  "parsely-pub-date",
  "sailthru.date",
];
/** A page that only says when it was last changed is dated by that, as the last resort. */
const MODIFIED_KEYS = ["article:modified_time", "og:updated_time", "datemodified"];
const AUTHOR_KEYS = [
  "author",
  "article:author",
  "dc.creator",
  "dcterms.creator",
  "parsely-author",
  "sailthru.author",
];
const SITE_KEYS = ["og:site_name", "application-name", "publisher"];
const URL_KEYS = ["og:url"];

/** schema.org types whose JSON-LD object describes the article itself. */
const ARTICLE_TYPES = new Set([
  "newsarticle",
  "article",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "reviewnewsarticle",
  "backgroundnewsarticle",
  "blogposting",
  "liveblogposting",
  "socialmediaposting",
  "report",
  "webpage",
]);

/** A tag longer than this is not one a page author wrote. */
const TAG_MAX = 4096;
/** JSON-LD blocks larger than this are data dumps, not article metadata. */
const JSON_LD_MAX = 1 << 20;
const FIELD_MAX = 500;

const META_TAG = /<meta\b[^>]{0,4096}>/gi;
const LINK_TAG = /<link\b[^>]{0,4096}>/gi;
const TIME_TAG = /<time\b[^>]{0,4096}>/gi;
const ATTRIBUTE = /([a-z_:.-]{1,60})\s*=\s*(?:"([^"]{0,4096})"|'([^']{0,4096})'|([^\s"'>]{1,4096}))/gi;
const WHITESPACE_RUN = /\s+/g;
const URL_LIKE = /^https?:\/\//i;
const LEADING_WWW = /^www\./;
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

function clean(value: unknown): string | null {
  if (typeof value !== "string" || value.length > FIELD_MAX * 4) return null;
  const cleaned = plainText(value);
  return cleaned && cleaned.length <= FIELD_MAX ? cleaned : null;
}

function firstOf(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = clean(meta.get(key));
    if (value) return value;
  }
  return null;
}

function firstDate(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const date = toIsoDate(meta.get(key));
    if (date) return date;
  }
  return null;
}

function collectMeta(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const match of html.matchAll(META_TAG)) {
    const attributes = attributesOf(match[0]);
    const key = attributes.get("property") ?? attributes.get("name") ?? attributes.get("itemprop");
    const content = attributes.get("content") ?? attributes.get("datetime");
    if (key === undefined || content === undefined) continue;
    const normalised = key.trim().toLowerCase();
    if (!meta.has(normalised)) meta.set(normalised, content);
  }
  return meta;
}

function canonicalOf(html: string): string | null {
  for (const match of html.matchAll(LINK_TAG)) {
    const attributes = attributesOf(match[0]);
    const rel = attributes.get("rel")?.toLowerCase().split(WHITESPACE_RUN);
    if (rel?.includes("canonical")) {
      const href = clean(attributes.get("href"));
      if (href && URL_LIKE.test(href)) return href;
    }
  }
  return null;
}

/** The <time> that marks publication (itemprop or pubdate), else the first with a datetime. */
function timeElementDate(html: string): string | null {
  let first: string | null = null;
  for (const match of html.matchAll(TIME_TAG)) {
    if (match[0].length > TAG_MAX) continue;
    const attributes = attributesOf(match[0]);
    const date = toIsoDate(attributes.get("datetime"));
    if (!date) continue;
    if (attributes.get("itemprop")?.toLowerCase() === "datepublished" || attributes.has("pubdate"))
      return date;
    first ??= date;
  }
  return first;
}

interface JsonLdArticle {
  headline: string | null;
  published: string | null;
  author: string | null;
  site: string | null;
  url: string | null;
}

const JSON_LD_OPEN = /<script\b[^>]{0,500}application\/ld\+json[^>]{0,500}>/gi;

function* jsonLdBlocks(html: string): Generator<unknown> {
  for (const match of html.matchAll(JSON_LD_OPEN)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = html.indexOf("</script", start);
    if (end === -1 || end - start > JSON_LD_MAX) continue;
    try {
      yield JSON.parse(html.slice(start, end));
    } catch {
      // sites ship broken JSON-LD (trailing commas, raw newlines); the other sources still count
    }
  }
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === "string").map((t) => t.toLowerCase());
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? clean(names.join(", ")) : null;
  }
  if (value && typeof value === "object") return clean((value as Record<string, unknown>).name);
  return null;
}

/** Objects of a JSON-LD block, @graph members included, walked without recursion. */
function* jsonLdNodes(root: unknown): Generator<Record<string, unknown>> {
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < 10_000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      yield record;
      if (record["@graph"]) stack.push(record["@graph"]);
      if (record.mainEntity) stack.push(record.mainEntity);
    }
  }
}

function jsonLdArticle(html: string): JsonLdArticle | null {
  let fallback: JsonLdArticle | null = null;
  for (const block of jsonLdBlocks(html)) {
    for (const node of jsonLdNodes(block)) {
      const types = typesOf(node);
      if (!types.some((type) => ARTICLE_TYPES.has(type))) continue;
      const article: JsonLdArticle = {
        headline: clean(node.headline) ?? clean(node.name),
        published: toIsoDate(node.datePublished) ?? toIsoDate(node.dateCreated),
        author: nameOf(node.author) ?? nameOf(node.creator),
        site: nameOf(node.publisher),
        url: clean(node.url) ?? clean(node["@id"]),
      };
      // a WebPage wrapper is only a fallback for the article it contains
      if (!types.includes("webpage")) return article;
      fallback ??= article;
    }
  }
  return fallback;
}

/** Some sites put their address where their name belongs ("https://www.fr.de"): the host is the name then. */
function siteName(site: string | null): string | null {
  if (!site || !URL_LIKE.test(site)) return site;
  try {
    return new URL(site).hostname.replace(LEADING_WWW, "") || null;
  } catch {
    return null;
  }
}

/** The metadata of an HTML page; every field is null when the page does not say. */
export function htmlMetadata(html: string): PageMetadata {
  const meta = collectMeta(html);
  const ld = jsonLdArticle(html);
  const metaAuthor = firstOf(meta, AUTHOR_KEYS);
  const ldUrl = ld?.url && URL_LIKE.test(ld.url) ? ld.url : null;
  const ogUrl = firstOf(meta, URL_KEYS);
  return {
    title: ld?.headline ?? firstOf(meta, TITLE_KEYS),
    published:
      firstDate(meta, PUBLISHED_KEYS) ??
      ld?.published ??
      timeElementDate(html) ??
      firstDate(meta, MODIFIED_KEYS),
    // article:author is often a profile URL, which names no one
    author: ld?.author ?? (metaAuthor && !URL_LIKE.test(metaAuthor) ? metaAuthor : null),
    site: siteName(firstOf(meta, SITE_KEYS) ?? ld?.site ?? null),
    canonicalUrl: canonicalOf(html) ?? (ogUrl && URL_LIKE.test(ogUrl) ? ogUrl : null) ?? ldUrl,
  };
}
