/**
 * Looking at an input before reading it: is it an HTML page, and which charset does it declare?
 * Both only look at the head of the input, so a 60 MiB file costs no more than a small one.
 */

/** Browsers give up looking for a <meta charset> after the head; 64 KiB covers script-heavy heads. */
const CHARSET_SAMPLE = 65_536;
/** A <meta> tag longer than this is not one a page author wrote. */
const META_MAX = 1024;

const CHARSET_IN_META = /charset\s*=\s*["']?([a-z0-9_.:+-]{1,40})/;
const XML_ENCODING = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_.:+-]{1,40})/;

/**
 * The charset an HTML or XML document declares in its first bytes (<meta charset>, <meta
 * http-equiv="content-type" content="...; charset=...">, <?xml encoding=...?>), lower case, or
 * undefined. Charset declarations are ASCII, so the bytes are read as Latin-1 whatever they are.
 */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, CHARSET_SAMPLE))
    .toString("latin1")
    .toLowerCase();
  const xml = XML_ENCODING.exec(head);
  if (xml) return xml[1];
  for (let at = head.indexOf("<meta"); at !== -1; at = head.indexOf("<meta", at + 5)) {
    const close = head.indexOf(">", at);
    const tag = head.slice(at, close === -1 ? at + META_MAX : Math.min(close, at + META_MAX));
    const meta = CHARSET_IN_META.exec(tag);
    if (meta) return meta[1];
  }
  return undefined;
}

const HTML_EXTENSION = /\.(?:html?|xhtml|shtml)$/i;

export function hasHtmlExtension(name: string): boolean {
  return HTML_EXTENSION.test(name);
}

/** How far into the text to look for markup. */
const MARKUP_SAMPLE = 65_536;
/** This many block tags in the head make a fragment ("<p>...</p><p>...</p>") HTML. */
const MIN_BLOCK_TAGS = 4;

const DOCUMENT_START = /^(?:<!doctype\s+html|<html[\s>])/i;
const BODY_TAG = /<body[\s>]/i;
const BLOCK_TAG = /<\/?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|article|section|table|tr|td)[\s>/]/gi;

/**
 * True for text that is an HTML document: it starts (after whitespace, a BOM, comments and an XML
 * declaration) with <!doctype html> or <html>, has a <body>, or is a fragment heavy with block tags.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.length > MARKUP_SAMPLE ? text.slice(0, MARKUP_SAMPLE) : text;
  const start = skipPrologue(head);
  if (DOCUMENT_START.test(head.slice(start, start + 20))) return true;
  if (BODY_TAG.test(head)) return true;
  let blockTags = 0;
  for (const _ of head.matchAll(BLOCK_TAG)) {
    if (++blockTags >= MIN_BLOCK_TAGS) return true;
  }
  return false;
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0xfeff;
}

/** Offset after leading whitespace, comments and an XML declaration. */
function skipPrologue(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at + 4);
      if (end === -1) return text.length;
      at = end + 3;
    } else if (text.startsWith("<?xml", at)) {
      const end = text.indexOf("?>", at + 5);
      if (end === -1) return text.length;
      at = end + 2;
    } else {
      return at;
    }
  }
}
