/**
 * Decides what each stretch in quote marks is. Quote marks in news carry four meanings:
 * speech (a direct quote), a fragment quoted inside the writer's own sentence (a partial
 * quote, usually inside indirect speech: es müsse «oberste Priorität» haben), a name or
 * title (die «New York Times», das Schiff «Queen Mary») and distance (die sogenannte
 * «Spezialoperation»). The decision reads only the stretch and its sentence.
 */
import type { Quoted, QuotedRole, QuoteMarkPair, Sentence } from "../doc.js";
import { TokenKind } from "../doc.js";
import { lexKey, readLines } from "../lang/de/data.js";
import { isMediaName, lookupCueWord, lookupNameContext, lookupSpeechNoun } from "../lang/de/lexicon.js";
import type { Stage } from "../pipeline.js";
import { spanIndexAt, tokenAtOrAfter } from "../span-index.js";
import { isSubjunctiveAt } from "./mood.js";
import { Words } from "./phrases.js";

const SCARE_MARKERS = new Set(readLines("scare-markers.txt").map(lexKey));
const NAME_WORDS = new Set(readLines("name-words.txt").map(lexKey));
const NAMING_VERBS = new Set(readLines("naming-verbs.txt").map(lexKey));
const DEFINITE = new Set([
  "der",
  "die",
  "das",
  "des",
  "dem",
  "den",
  "im",
  "vom",
  "zum",
  "zur",
  "beim",
  "ins",
]);
const FINAL_PUNCT = new Set([".", "!", "?", "…", "..."]);

interface Context {
  w: Words;
  /** token range of the stretch including marks [open, endTok) */
  open: number;
  endTok: number;
  sentence: Sentence | undefined;
}

export function classifyQuoted(w: Words, pair: QuoteMarkPair, sentences: Sentence[]): QuotedRole {
  const open = tokenAtOrAfter(w.tokens, pair.start);
  const endTok = tokenAtOrAfter(w.tokens, pair.end - 1) + (pair.close ? 1 : 0);
  const sentence = sentences[spanIndexAt(sentences, pair.start)];
  const c: Context = { w, open, endTok, sentence };
  const innerFirst = open + 1;
  const innerEnd = pair.close ? endTok - 1 : endTok;
  let words = 0;
  let capitalised = 0;
  for (let i = innerFirst; i < innerEnd; i++) {
    if (w.isWord(i) || w.tokens.kinds[i] === TokenKind.Number) words++;
    if (w.isCapitalised(i)) capitalised++;
  }
  const lastInner = innerEnd - 1;
  const endsSentence = lastInner >= innerFirst && FINAL_PUNCT.has(w.word(lastInner));
  const before = open - 1;
  const innerText = w.text.slice(w.end(open), pair.close ? pair.close.start : pair.end);

  if (isMediaName(innerText.trim())) return "name";
  // through a colon only a title-like stretch is a name ("Motto: «Gemeinsam stark»"); a sentence after
  // "Gründer der Band:" is speech
  if (nameContextBefore(c, !endsSentence && words <= 6)) return "name";
  if (!endsSentence && (looksLikeTitle(w, innerFirst, innerEnd) || NAMING_VERBS.has(w.key(endTok))))
    return "name";
  if (before >= 0 && w.isPunct(before, ":")) return "speech";
  if (clauseInitial(c)) {
    if (words >= 2 || endsSentence || followedByCue(c)) return "speech";
  }
  if (resumesAfterFrame(c)) return "speech";
  if (before >= 0 && SCARE_MARKERS.has(w.key(before))) return "scare";
  // a short all-capitalised title after a definite article: die «New York Times», im «Spiegel»
  if (
    before >= 0 &&
    DEFINITE.has(w.key(before)) &&
    words > 0 &&
    words <= 5 &&
    capitalised === words &&
    !endsSentence
  ) {
    return "name";
  }
  if (words >= 6 || sentenceReportsSpeech(c)) return "partial";
  return words <= 3 ? "scare" : "partial";
}

/** The stretch opens its sentence (or clause after a dash), the place of direct speech. */
function clauseInitial(c: Context): boolean {
  const { w, open, sentence } = c;
  const first = sentence?.firstToken ?? 0;
  let i = open - 1;
  while (i >= first && (w.isQuoteMark(i) || w.isPunct(i, "–—-("))) i--;
  return i < first;
}

/** The second half of an interrupted quote: «Wir werden», sagte er, «nicht nachgeben.» */
function resumesAfterFrame(c: Context): boolean {
  const { w, open, sentence } = c;
  if (!w.isPunct(open - 1, ",")) return false;
  const first = sentence?.firstToken ?? 0;
  let cue = false;
  for (let i = open - 2; i >= Math.max(first, open - 8); i--) {
    if (w.isQuoteMark(i)) return cue;
    if (w.isReportingVerb(i) || w.key(i) === "so") cue = true;
  }
  return false;
}

function followedByCue(c: Context): boolean {
  const { w, endTok } = c;
  let i = endTok;
  if (w.isPunct(i, ",")) i++;
  return (
    i < w.length && (w.isReportingVerb(i) || lookupCueWord(w.word(i))?.kind === "adverb" || w.key(i) === "so")
  );
}

/** "die Zeitung «…»", "des Schiffes «…»", "(Motto: «…»)": a noun that names what follows. */
function nameContextBefore(c: Context, throughColon: boolean): boolean {
  const { w, open } = c;
  let i = open - 1;
  if (w.isPunct(i, ":")) {
    if (!throughColon) return false;
    i--;
  }
  for (const stop = Math.max(0, i - 1); i >= stop; i--) {
    if (lookupNameContext(w.word(i)) !== undefined) return true;
    if (!w.isWord(i)) return false;
  }
  return false;
}

/**
 * A title or foreign name: several words, every one capitalised, a number, or a function word of
 * another language ("Department of Vertebrate Zoology", "Piper PA-34 Seneca", "Hvalur 9").
 * German phrases have lower-case words ("Katastrophe mit Ansage"), so they do not pass.
 */
function looksLikeTitle(w: Words, first: number, end: number): boolean {
  let words = 0;
  let foreign = 0;
  for (let i = first; i < end; i++) {
    if (w.tokens.kinds[i] === TokenKind.Number) {
      words++;
      continue;
    }
    if (!w.isWord(i)) {
      if (w.isPunct(i, "-–&.'’")) continue;
      return false;
    }
    words++;
    if (w.isCapitalised(i)) continue;
    if (!NAME_WORDS.has(w.key(i))) return false;
    foreign++;
  }
  const capitalisedRun = words >= 2;
  return capitalisedRun && (foreign > 0 || hasNumberOrForeignCase(w, first, end));
}

/** A digit or an all-capitals word marks a product or model name ("PA-34", "XXXII"). */
function hasNumberOrForeignCase(w: Words, first: number, end: number): boolean {
  for (let i = first; i < end; i++) {
    if (w.tokens.kinds[i] === TokenKind.Number || /\d/.test(w.word(i))) return true;
    const word = w.word(i);
    if (word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) return true;
  }
  return false;
}

/** Does the sentence report speech: a reporting verb, a source cue, a speech noun or a subjunctive? */
function sentenceReportsSpeech(c: Context): boolean {
  const { w, sentence } = c;
  if (!sentence) return false;
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (!w.isWord(i)) continue;
    if (w.isReportingVerb(i)) return true;
    const key = w.key(i);
    if (isSubjunctiveAt(w, i)) return true;
    if (lookupCueWord(w.word(i)) !== undefined && key !== "so" && key !== "nach") return true;
    if (lookupSpeechNoun(w.word(i)) !== undefined) return true;
  }
  return false;
}

export function classifyAll(text: string, w: Words, pairs: QuoteMarkPair[], sentences: Sentence[]): Quoted[] {
  return pairs.map((pair, marks) => ({
    start: pair.start,
    end: pair.end,
    marks,
    inner: { start: pair.open.end, end: pair.close ? pair.close.start : pair.end },
    role: text.length > 0 ? classifyQuoted(w, pair, sentences) : "scare",
  }));
}

export const quotedStage: Stage = {
  name: "quoted",
  requires: ["tokens", "quoteMarks", "sentences"],
  assigns: ["quoted"],
  run(doc) {
    const w = new Words(doc.text, doc.get("tokens"));
    doc.set("quoted", classifyAll(doc.text, w, doc.get("quoteMarks"), doc.get("sentences")));
  },
};
