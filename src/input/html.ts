/**
 * HTML pages to article text: @mozilla/readability picks the article out of the page (on a
 * linkedom document, no browser), then the article's block elements become paragraphs of plain
 * text, one per block, separated by a blank line, so the paragraph stage sees the page's structure.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readLines } from "../lang/de/data.js";

/** The slice of the DOM this module touches; lib "dom" is not loaded, so it is declared here. */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
  remove?(): void;
}

interface DomDocument extends DomNode {
  readonly title: string;
  readonly body: DomNode | null;
  readonly documentElement: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Subtrees whose text is never article text. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "HEAD",
  "TITLE",
  "NAV",
  "ASIDE",
  "FORM",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "SVG",
  "MATH",
  "VIDEO",
  "AUDIO",
  "FIGURE",
  "FIGCAPTION",
]);

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "TABLE",
  "THEAD",
  "TBODY",
  "TFOOT",
  "TR",
  "TD",
  "TH",
  "CAPTION",
  "PRE",
  "ADDRESS",
  "HR",
  "DETAILS",
  "SUMMARY",
  "CENTER",
]);

/** Furniture: whole-block labels, and prefixes ("Foto:") that only mark short blocks. */
const FURNITURE = new Set<string>();
const FURNITURE_PREFIXES: string[] = [];
for (const line of readLines("input-furniture.txt")) {
  if (line.endsWith("*")) FURNITURE_PREFIXES.push(line.slice(0, -1));
  else FURNITURE.add(line);
}
const RELATED_HEADINGS = new Set(readLines("input-related.txt"));
/** Furniture prefixes only mark blocks shorter than this; longer ones are running text. */
const SHORT_BLOCK = 100;
/** Related-content headings only end the article in the last part of the text. */
const RELATED_FROM = 0.6;

/** Below this many characters, readability's pick is checked against the page's article markup. */
const SHORT_ARTICLE = 1500;

const WHITESPACE_RUN = /\s+/g;
const HAS_TEXT = /\S/;

/** Collects the text of block elements, one paragraph per innermost block. */
class BlockCollector {
  readonly blocks: string[] = [];
  private pieces: string[] = [];
  /** a <br> was seen and no text since: a second one ends the paragraph */
  private afterBreak = false;

  text(data: string): void {
    this.pieces.push(data);
    if (HAS_TEXT.test(data)) this.afterBreak = false;
  }

  lineBreak(): void {
    if (this.afterBreak) {
      this.flush();
      return;
    }
    this.pieces.push(" ");
    this.afterBreak = true;
  }

  flush(): void {
    this.afterBreak = false;
    if (this.pieces.length === 0) return;
    const block = this.pieces.join("").replace(WHITESPACE_RUN, " ").trim();
    this.pieces = [];
    if (block) this.blocks.push(block);
  }
}

const AD_CLASSES = new Set(readLines("input-ad-classes.txt"));
const CLASS_SEPARATOR = /\s+/;

function isAd(node: DomNode): boolean {
  const classes = node.getAttribute?.("class");
  if (!classes) return false;
  for (const token of classes.toLowerCase().split(CLASS_SEPARATOR)) if (AD_CLASSES.has(token)) return true;
  return false;
}

/** Hidden elements and ad boxes: their text is on the page but not in the article. */
function isLeftOut(node: DomNode): boolean {
  if (node.hasAttribute?.("hidden") === true || node.getAttribute?.("aria-hidden") === "true") return true;
  return isAd(node);
}

/** Ad boxes go before readability runs: it rewrites the markup and drops the class names. */
function removeAds(document: DomDocument): void {
  const marked = document.querySelectorAll("[class]");
  for (let i = 0; i < marked.length; i++) {
    const node = marked[i];
    if (node && isAd(node)) node.remove?.();
  }
}

/**
 * Walks `root` depth-first with an explicit stack (hostile pages nest deeply). With
 * `onlyParagraphs`, text outside <p> is ignored: the last-resort fallback for pages without
 * article markup, where the <p>s are the best guess at running text.
 */
function collectBlocks(root: DomNode, onlyParagraphs = false): string[] {
  const out = new BlockCollector();
  // an entry is a node to enter, or null marking the end of a block element
  const stack: (DomNode | null)[] = [root];
  const closing: string[] = [];
  let inParagraph = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      const name = closing.pop();
      if (name === "P") inParagraph--;
      out.flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      if (!onlyParagraphs || inParagraph > 0) out.text(node.textContent ?? "");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || isLeftOut(node)) continue;
    if (name === "BR") {
      if (!onlyParagraphs || inParagraph > 0) out.lineBreak();
      continue;
    }
    if (BLOCKS.has(name)) {
      out.flush();
      if (name === "P") inParagraph++;
      closing.push(name);
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  out.flush();
  return out.blocks;
}

const HTML_TAG = /<html[\s>]/i;

function parseDocument(html: string): DomDocument {
  // linkedom makes the first tag of a fragment the document element, with an empty body beside it
  const page = HTML_TAG.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

/**
 * Readability's scoring walks ancestors for every node, so its time grows with the cube of the
 * nesting depth (1,000 levels: 13 s). News pages nest under 30 levels; deeper ones are hostile or
 * broken and go to the linear fallback, as do pages with more elements than any article page has.
 */
const READABLE_DEPTH = 100;
const READABLE_ELEMENTS = 30_000;

function nestedDeeperThan(root: DomNode, limit: number): boolean {
  const nodes: DomNode[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as DomNode;
    const depth = depths.pop() as number;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child?.nodeType === ELEMENT_NODE) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

function readabilityBlocks(html: string): { blocks: string[]; title: string | null } {
  const document = parseDocument(html);
  const pageTitle = titleOf(document);
  removeAds(document);
  let article: ReturnType<Readability<DomNode>["parse"]> = null;
  if (document.documentElement && !nestedDeeperThan(document.documentElement, READABLE_DEPTH)) {
    try {
      article = new Readability<DomNode>(document as never, {
        maxElemsToParse: READABLE_ELEMENTS,
        serializer: (node) => node as unknown as DomNode,
      }).parse();
    } catch {
      // too many elements, or markup readability trips over: the fallbacks still read the page
      article = null;
    }
  }
  const title = cleanTitle(article?.title) ?? pageTitle;
  const blocks = article?.content ? collectBlocks(article.content) : [];
  const teaser = cleanTitle(article?.excerpt);
  if (teaser && isMissingTeaser(teaser, title, blocks)) blocks.unshift(teaser);
  return { blocks, title };
}

/** Teasers shorter than this are labels ("Video"), not a lead paragraph. */
const TEASER_MIN = 40;
/** Words of a teaser that must be new to the article's opening for it to count as missing. */
const TEASER_NEW_WORDS = 0.2;
/** The opening blocks a teaser would repeat. */
const OPENING_BLOCKS = 3;
const WORD = /[\p{L}\p{N}]{4,}/gu;

/**
 * Sites often keep the lead paragraph outside the container readability picks and repeat it as the
 * page description. It is added back unless the opening already says it, verbatim or in other
 * words (most of its longer words appear in the title or the first blocks).
 */
function isMissingTeaser(teaser: string, title: string | null, blocks: readonly string[]): boolean {
  if (blocks.length === 0 || teaser.length < TEASER_MIN) return false;
  if (blocks.join(" ").includes(teaser.slice(0, TEASER_MIN))) return false;
  const opening = `${title ?? ""} ${blocks.slice(0, OPENING_BLOCKS).join(" ")}`.toLowerCase();
  const known = new Set(opening.match(WORD));
  let words = 0;
  let unknown = 0;
  for (const word of teaser.toLowerCase().match(WORD) ?? []) {
    words++;
    if (!known.has(word)) unknown++;
  }
  return unknown > words * TEASER_NEW_WORDS;
}

/** Article markup when readability finds nothing; readability edits its document, so parse anew. */
function fallbackBlocks(html: string): { blocks: string[]; title: string | null } {
  const document = parseDocument(html);
  const title = titleOf(document) ?? cleanTitle(document.querySelector("h1")?.textContent);
  let longest: DomNode | null = null;
  let longestLength = 0;
  const articles = document.querySelectorAll("article");
  for (let i = 0; i < articles.length; i++) {
    const candidate = articles[i];
    const length = candidate?.textContent?.length ?? 0;
    if (candidate && length > longestLength) {
      longest = candidate;
      longestLength = length;
    }
  }
  if (longest) {
    const blocks = collectBlocks(longest);
    if (blocks.length > 0) return { blocks, title };
  }
  const main = document.querySelector("main");
  if (main) {
    const blocks = collectBlocks(main);
    if (blocks.length > 0) return { blocks, title };
  }
  const root = document.body ?? document.documentElement;
  return { blocks: root ? collectBlocks(root, true) : [], title };
}

function blockKey(block: string): string {
  const key = block.toLowerCase();
  return key.endsWith(":") ? key.slice(0, -1).trimEnd() : key;
}

function isFurniture(block: string): boolean {
  const key = blockKey(block);
  if (FURNITURE.has(key)) return true;
  if (block.length >= SHORT_BLOCK) return false;
  for (const prefix of FURNITURE_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}

/** Cuts the related-content tail, then drops furniture blocks. */
function dropFurniture(blocks: string[]): string[] {
  const total = totalLength(blocks);
  let seen = 0;
  let end = blocks.length;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] ?? "";
    if (seen >= total * RELATED_FROM && RELATED_HEADINGS.has(blockKey(block))) {
      end = i;
      break;
    }
    seen += block.length;
  }
  const kept: string[] = [];
  for (let i = 0; i < end; i++) {
    const block = blocks[i] ?? "";
    if (!isFurniture(block)) kept.push(block);
  }
  return kept;
}

function totalLength(blocks: readonly string[]): number {
  let length = 0;
  for (const block of blocks) length += block.length;
  return length;
}

/** The <title>, also when a fragment put it outside the <head>. */
function titleOf(document: DomDocument): string | null {
  return cleanTitle(document.title) ?? cleanTitle(document.querySelector("title")?.textContent);
}

function cleanTitle(title: string | null | undefined): string | null {
  const cleaned = title?.replace(WHITESPACE_RUN, " ").trim();
  return cleaned ? cleaned : null;
}

/**
 * The article of an HTML page as plain text: the title line, a blank line, then one paragraph
 * per block element (p, headings, li, blockquote), blocks separated by a blank line, whitespace
 * collapsed inside blocks. Script, style, navigation and figure text never appear. Returns an
 * empty `text` when the page has no readable text. `url` is accepted for callers that know where
 * the page came from; the text carries no links, so nothing depends on it yet.
 */
export function htmlToArticleText(
  html: string,
  _options: { url?: string } = {},
): {
  text: string;
  title: string | null;
} {
  let { blocks, title } = readabilityBlocks(html);
  const found = totalLength(blocks);
  if (found < SHORT_ARTICLE) {
    // readability sometimes settles on the teaser of a page whose body sits in sibling boxes
    const fallback = fallbackBlocks(html);
    if (totalLength(fallback.blocks) > 2 * found) {
      blocks = fallback.blocks;
      title ??= fallback.title;
    }
  }
  blocks = dropFurniture(blocks);
  // readability keeps the headline in the body when it differs in whitespace or case only
  if (title && blocks[0]?.toLowerCase() === title.toLowerCase()) blocks.shift();
  const parts = title ? [title, ...blocks] : blocks;
  return { text: parts.length > 0 ? `${parts.join("\n\n")}\n` : "", title };
}
