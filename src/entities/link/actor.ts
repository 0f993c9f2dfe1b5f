/**
 * Whether a mention is the one acting: the subject of a verb of saying or acting right after it
 * ("Moskau erklärte", "Peking reagierte") or right before it at the head of a clause ("Erklärte
 * Moskau am Montag ..."). Decides between the place and the government reading of a capital.
 */
import { lexKey, readLines, readTsv } from "../../lang/de/data.js";
import { lookupReportingVerb } from "../../lang/de/lexicon.js";

interface ActorWords {
  verbs: Set<string>;
  prepositions: Set<string>;
  determiners: Set<string>;
}

let words: ActorWords | null = null;

function actorWords(): ActorWords {
  if (words) return words;
  const prepositions = new Set<string>();
  const determiners = new Set<string>();
  for (const row of readTsv("function-words.tsv")) {
    const word = lexKey(row.word ?? "");
    if (row.class === "prep" || row.class === "prepdet") prepositions.add(word);
    else if (row.class === "det") determiners.add(word);
  }
  words = { verbs: new Set(readLines("gazetteer/actor-verbs.txt").map(lexKey)), prepositions, determiners };
  return words;
}

const isLetter = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;

/** The word starting at or after `from` (only spaces skipped); null at punctuation or the end. */
function wordAfter(text: string, from: number): string | null {
  let i = from;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  const start = i;
  while (i < text.length && isLetter(text.charCodeAt(i))) i++;
  return i > start ? text.slice(start, i) : null;
}

/** The word ending at or before `to` (only spaces skipped) and where it starts. */
function wordBefore(text: string, to: number): { word: string; start: number } | null {
  let i = to;
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  const end = i;
  while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
  return i < end ? { word: text.slice(i, end), start: i } : null;
}

function actsAs(word: string): boolean {
  return lookupReportingVerb(word) !== undefined || actorWords().verbs.has(lexKey(word));
}

/** True when the mention at [start, end) of `text` is the subject of an adjacent verb. */
export function mentionActs(text: string, start: number, end: number): boolean {
  const { prepositions, determiners } = actorWords();
  let before = wordBefore(text, start);
  // "der Kreml", "das Weiße Haus": look past the article
  if (before && determiners.has(lexKey(before.word))) before = wordBefore(text, before.start);
  // after a preposition a name is never the subject: "in Moskau", "nach Kiew"
  if (before && prepositions.has(lexKey(before.word))) return false;
  const next = wordAfter(text, end);
  if (next && actsAs(next)) return true;
  return before !== null && actsAs(before.word) && isClauseHead(text, before.start);
}

/** Nothing but spaces, quote marks or sentence punctuation between the clause start and `at`. */
function isClauseHead(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === "." || ch === "!" || ch === "?" || ch === ":" || ch === ";" || ch === "\n") return true;
    if (ch !== " " && ch !== '"' && ch !== "„" && ch !== "«" && ch !== "»") return false;
  }
  return true;
}
