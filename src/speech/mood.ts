/**
 * Is a token a verb in the subjunctive? One answer for every stage: the verb lexicon of
 * lang/de/verbs.ts, plus the short list of forms it leaves ambiguous on purpose but that news uses as
 * Konjunktiv (würden, sollten …, subjunctive-markers.txt).
 */
import { lexKey, readLines } from "../lang/de/data.js";
import { isSubjunctiveForm } from "../lang/de/verbs.js";
import type { Words } from "./phrases.js";

const MARKERS = new Set(readLines("subjunctive-markers.txt").map(lexKey));

export function isSubjunctiveAt(w: Words, t: number): boolean {
  return w.isWord(t) && (MARKERS.has(w.key(t)) || isSubjunctiveForm(w.word(t)));
}
