/**
 * A search box's words to an FTS5 query over the stemmed index. Each word is stemmed like the
 * indexed text, so inflected forms meet ("Lieferung" finds "Lieferungen"), and a stem of four or
 * more letters also matches as the start of a longer stem, so a compound's first part finds the
 * compound ("Munition" finds "Munitionslieferungen"; its later parts do not: "Lieferung" does not
 * find "Munitionslieferung"). "Quoted words" match as an exact phrase of stems, and a leading "-"
 * excludes a word or phrase. Words are ANDed.
 */
import { stemText } from "../lang/de/stem.js";

const PREFIX_MIN = 4;
// a possibly negated quoted phrase (closing quote optional) or a bare word; no nesting, linear
const PART = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;

/** The FTS5 MATCH expression, or null when the query has no word that could match. */
export function ftsQuery(q: string): string | null {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const m of q.matchAll(PART)) {
    const phrase = m[2] !== undefined;
    const negated = (phrase ? m[1] : m[3]) === "-";
    const stems = stemText((phrase ? m[2] : m[4]) ?? "");
    if (stems.length === 0) continue;
    const single = !phrase && !stems.includes(" ");
    const expression = single && stems.length >= PREFIX_MIN ? `"${stems}"*` : `"${stems}"`;
    (negated ? exclude : include).push(expression);
  }
  if (include.length === 0) return null;
  return [`(${include.join(" AND ")})`, ...exclude].join(" NOT ");
}
