/**
 * Keys under which the gazetteer files names. One function for the build script and the linker
 * (scripts/build-gazetteer.mjs carries a copy; a test checks every built row against this one).
 */

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, ß as ss, accents dropped, every run of spaces, hyphens and dots one space:
 * "Weißes Haus" / "Weisses Haus", "Kim Jong-un" / "Kim Jong Un", "Erdoğan" / "Erdogan" meet.
 */
export function linkKey(surface: string): string {
  return surface
    .toLowerCase()
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(MARKS, "")
    .replace(NON_WORD, " ")
    .trim();
}

const ARTICLES = new Set(["der", "die", "das", "des", "dem", "den"]);

/** The key without a leading article ("die usa" -> "usa"), or null when there is none to drop. */
export function withoutArticle(key: string): string | null {
  const space = key.indexOf(" ");
  if (space < 0 || !ARTICLES.has(key.slice(0, space))) return null;
  return key.slice(space + 1);
}

/**
 * The nominative a genitive may stand for: "russlands" -> "russland", "weissen hauses" is listed
 * in the tables instead. Only a final -s after at least three letters, so "usa" and "paris" stay.
 */
export function genitiveBase(key: string): string | null {
  if (key.length < 4 || !key.endsWith("s") || key.endsWith(" s")) return null;
  return key.slice(0, -1);
}
