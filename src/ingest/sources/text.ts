/** Short strings from markup (titles, names) as plain text. */
import { parseHTML } from "linkedom";

const MARKUP = /[<&]/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Text of a title or name that may hold markup or entities, also entities escaped once more than
 * they should be ("W&amp;uuml;rzburger" arrives as "W&uuml;rzburger" after the XML parser).
 * Whitespace is collapsed; empty text is null.
 */
export function plainText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  let text = value;
  if (MARKUP.test(text)) {
    // the HTML parser knows every named entity; only strings that need it pay for it
    const { document } = parseHTML(`<!doctype html><html><body><div>${text}</div></body></html>`);
    text = document.body?.textContent ?? text;
  }
  const cleaned = text.replace(WHITESPACE_RUN, " ").trim();
  return cleaned || null;
}
