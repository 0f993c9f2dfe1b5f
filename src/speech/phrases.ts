/**
 * A small noun-phrase chunker over the token table, enough to find who speaks: "Kirby",
 * "er", "Der Sprecher des Nationalen Sicherheitsrates der USA, John Kirby,", "der russische
 * Präsident Wladimir Putin", "das Weisse Haus". German capitalises every noun, so a phrase is
 * a run of capitalised tokens after an optional determiner and adjectives; genitive attributes
 * and a name in apposition belong to it. Everything reads the token table by index; no copies.
 */
import type { TokenTable } from "../doc.js";
import { TokenKind } from "../doc.js";
import { lexKey, readLines, readTsv } from "../lang/de/data.js";
import {
  firstNameGenderByKey,
  isMediaName,
  lookupMetonym,
  lookupNameContext,
  lookupPronoun,
  lookupReportingVerbByKey,
  lookupRole,
  lookupSpeechNoun,
} from "../lang/de/lexicon.js";
import { verbMood } from "../lang/de/verbs.js";

/** Closed word classes as bits, so a class test on a token is one AND. */
const CLASS_BITS: Record<string, number> = { det: 1, prep: 2, prepdet: 4, pron: 8, conj: 16, adv: 32 };
/** Keyed by the word as written (lower, Capitalised and UPPER forms), so a token needs no lowercasing. */
const WORD_CLASSES = new Map<string, number>();
for (const row of readTsv("function-words.tsv")) {
  const word = (row.word ?? "").toLowerCase();
  const bits = CLASS_BITS[row.class ?? ""] ?? 0;
  for (const form of [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]) {
    WORD_CLASSES.set(form, (WORD_CLASSES.get(form) ?? 0) | bits);
  }
}
const FUNCTION_WORD = 63;
const CAPITALISED = 64;
const WORD = 128;
const COMPUTED = 256;
/** Name particles inside personal names: "Ursula von der Leyen", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(["von", "van", "der", "de", "den", "zu", "bin", "al", "da", "di", "le", "la"]);
const LEADING_PARTICLES = new Set(["von", "van", "zu"]);
export const TITLES = new Set(readLines("academic-titles.txt").map(lexKey));
const GENITIVE_DETS = new Set(["des", "der", "eines", "einer"]);
/** Prepositions that attach an affiliation to a person or body: "Sascha Kempf vom Max-Planck-Institut". */
const AFFILIATION = new Set(["von", "vom", "aus"]);
const UPPER = /^\p{Lu}/u;

export type PhraseKind = "pronoun" | "person" | "org" | "place" | "role" | "noun";

export interface Phrase {
  /** token range [first, end) */
  first: number;
  end: number;
  /** token range of the head noun or name run */
  headFirst: number;
  headEnd: number;
  /** token range of a personal name inside the phrase ("John Kirby"), or -1 */
  nameFirst: number;
  nameEnd: number;
  kind: PhraseKind;
  /** determiner as written (lower case) or "" */
  det: string;
  /** gender/number hint for pronoun agreement: m, f, n, p (plural), u (unknown) */
  gender: string;
}

/** Read access to tokens as words, shared by the speech stages. */
export class Words {
  readonly text: string;
  readonly tokens: TokenTable;
  // per-token memos: the chunker and the cue finder ask about the same tokens many times
  readonly #words: (string | undefined)[];
  readonly #keys: (string | undefined)[];
  /** 0 unknown, 1 not a reporting verb, 2 a reporting verb */
  readonly #verb: Uint8Array;
  /** class bits per token (CLASS_BITS, CAPITALISED, WORD), filled on first use */
  readonly #flags: Uint16Array;

  constructor(text: string, tokens: TokenTable) {
    this.text = text;
    this.tokens = tokens;
    this.#words = new Array(tokens.length);
    this.#keys = new Array(tokens.length);
    this.#verb = new Uint8Array(tokens.length);
    this.#flags = new Uint16Array(tokens.length);
  }

  #flagsOf(i: number): number {
    let flags = this.#flags[i] ?? 0;
    if (flags === 0) {
      flags = COMPUTED;
      const kind = this.tokens.kinds[i];
      if (kind === TokenKind.Word || kind === TokenKind.Abbreviation) {
        flags |= WORD | (WORD_CLASSES.get(this.word(i)) ?? 0);
        if (UPPER.test(this.text[this.start(i)] ?? "")) flags |= CAPITALISED;
      }
      this.#flags[i] = flags;
    }
    return flags;
  }

  get length(): number {
    return this.tokens.length;
  }

  word(i: number): string {
    if (i < 0 || i >= this.tokens.length) return "";
    let word = this.#words[i];
    if (word === undefined) {
      word = this.text.slice(this.tokens.starts[i], this.tokens.ends[i]);
      this.#words[i] = word;
    }
    return word;
  }

  key(i: number): string {
    if (i < 0 || i >= this.tokens.length) return "";
    let key = this.#keys[i];
    if (key === undefined) {
      key = lexKey(this.word(i));
      this.#keys[i] = key;
    }
    return key;
  }

  start(i: number): number {
    return this.tokens.starts[i] ?? 0;
  }

  end(i: number): number {
    return this.tokens.ends[i] ?? 0;
  }

  isWord(i: number): boolean {
    const kind = this.tokens.kinds[i];
    return kind === TokenKind.Word || kind === TokenKind.Abbreviation;
  }

  isCapitalised(i: number): boolean {
    return i >= 0 && i < this.tokens.length && (this.#flagsOf(i) & CAPITALISED) !== 0;
  }

  is(i: number, cls: string): boolean {
    return i >= 0 && i < this.tokens.length && (this.#flagsOf(i) & (CLASS_BITS[cls] ?? 0)) !== 0;
  }

  isPunct(i: number, chars: string): boolean {
    return this.tokens.kinds[i] === TokenKind.Punct && chars.includes(this.word(i));
  }

  isQuoteMark(i: number): boolean {
    return this.tokens.kinds[i] === TokenKind.QuoteMark;
  }

  isFunctionWord(i: number): boolean {
    return i >= 0 && i < this.tokens.length && (this.#flagsOf(i) & FUNCTION_WORD) !== 0;
  }

  /** A capitalised word that is not a function word: a noun or a name. */
  isNounLike(i: number): boolean {
    if (i < 0 || i >= this.tokens.length) return false;
    const flags = this.#flagsOf(i);
    return (flags & CAPITALISED) !== 0 && (flags & FUNCTION_WORD) === 0;
  }

  isReportingVerb(i: number): boolean {
    if (i < 0 || i >= this.tokens.length) return false;
    let memo = this.#verb[i];
    if (memo === 0) {
      memo =
        this.isWord(i) && !this.isCapitalised(i) && lookupReportingVerbByKey(this.key(i)) !== undefined
          ? 2
          : 1;
      this.#verb[i] = memo;
    }
    return memo === 2;
  }
}

/**
 * The noun phrase starting at token `i`, or null. `limit` is the first token it may not use.
 * With `appositions` a name between commas after a role phrase is taken in.
 */
export function phraseAt(w: Words, i: number, limit: number, appositions = true): Phrase | null {
  if (i >= limit) return null;
  if (w.is(i, "pron")) {
    const pronoun = lookupPronoun(w.word(i));
    const gender = pronoun?.[0]?.gender ?? "u";
    return {
      first: i,
      end: i + 1,
      headFirst: i,
      headEnd: i + 1,
      nameFirst: -1,
      nameEnd: -1,
      kind: "pronoun",
      det: "",
      gender: w.key(i) === "sie" ? "f" : gender,
    };
  }
  let j = i;
  let det = "";
  if (w.is(j, "det")) {
    det = w.key(j);
    j++;
  }
  // adjectives and participles before the noun ("der russische", "die zuständige"); only after a
  // determiner, because a bare lower-case word before a noun is as likely a verb ("hatte Pjöngjang")
  let adjectives = 0;
  while (
    det &&
    j < limit &&
    adjectives < 4 &&
    w.isWord(j) &&
    !w.isCapitalised(j) &&
    !w.is(j, "prep") &&
    !w.is(j, "conj")
  ) {
    if (w.isReportingVerb(j)) return null;
    j++;
    adjectives++;
  }
  // a bare plural with adjectives where a clause begins: "…, ranghohe russische Militärs hätten";
  // inflected adjective endings, and no verb form ("hatte Pjöngjang" is a verb and a name)
  if (!det && (i === 0 || w.isPunct(i - 1, ",;:.!?"))) {
    let k = j;
    while (k < limit && k - j < 3 && isBareAdjective(w, k)) k++;
    if (k > j && w.isNounLike(k)) {
      adjectives = k - j;
      j = k;
    }
  }
  // a name in quote marks after the article: die «New York Times», das Schiff «Seestern»
  let quotedName = false;
  if (j < limit && w.isQuoteMark(j) && w.isNounLike(j + 1)) {
    quotedName = true;
    j++;
  }
  if (j >= limit || !w.isNounLike(j)) return null;
  const headFirst = j;
  while (j < limit && (w.isNounLike(j) || (j > headFirst && isNameParticle(w, j, limit)))) j++;
  // a particle run that found no name after it is not part of the phrase ("Präsident von")
  while (j > headFirst + 1 && !w.isNounLike(j - 1)) j--;
  const headEnd = j;
  if (headEnd === headFirst) return null;
  if (quotedName) {
    if (!w.isQuoteMark(j)) return null;
    j++;
  }
  const phrase: Phrase = {
    first: i,
    end: j,
    headFirst,
    headEnd,
    nameFirst: -1,
    nameEnd: -1,
    kind: "noun",
    det,
    gender: "u",
  };
  classify(w, phrase, quotedName);
  // a name in quote marks after its noun: die Zeitung «Tages-Kurier», das Schiff «Seestern»
  if (!quotedName && w.isQuoteMark(j) && w.isCapitalised(j + 1)) {
    let close = j + 1;
    while (close < limit && close - j <= 6 && !w.isQuoteMark(close)) close++;
    if (close < limit && w.isQuoteMark(close) && close > j + 1) {
      j = close + 1;
      phrase.end = j;
      if (phrase.kind === "noun" && lookupNameContext(w.word(headEnd - 1)) !== undefined) phrase.kind = "org";
    }
  }
  // genitive attributes: "des Nationalen Sicherheitsrates der USA"
  let k = j;
  // a personal name takes no genitive: after "Martin Keller", "der Zeitung" is the addressee
  const endsInName = phrase.kind === "person" && phrase.nameEnd === headEnd;
  for (let n = 0; n < 3 && !endsInName && k < limit && GENITIVE_DETS.has(w.key(k)); n++) {
    const genitive = phraseAt(w, k, limit, false);
    if (!genitive || genitive.kind === "pronoun") break;
    k = genitive.end;
    phrase.end = k;
  }
  // one affiliation: "vom Max-Planck-Institut für Kernphysik", "von der CFTC", "aus Minnesota"
  if (appositions && phrase.kind !== "noun" && AFFILIATION.has(w.key(k))) {
    const affiliation = phraseAt(w, w.key(k) === "vom" ? k + 1 : k + 1, limit, false);
    if (affiliation && affiliation.kind !== "pronoun") {
      k = affiliation.end;
      phrase.end = k;
    }
  }
  if (!appositions) return phrase;
  // a name in apposition: "Der Sprecher …, John Kirby, sagte", also after one attribute
  // ("Die Sprecherin des Bundesamts für Gesundheit, Regula Ammann,")
  if (phrase.nameFirst < 0 && (phrase.kind === "role" || phrase.kind === "org" || phrase.kind === "noun")) {
    let comma = k;
    if ((w.is(k, "prep") || w.is(k, "prepdet")) && !w.isPunct(k, ",")) {
      const attribute = phraseAt(w, k + 1, limit, false);
      if (attribute) comma = attribute.end;
    }
    const name =
      w.isPunct(comma, ",") && phrase.kind !== "noun"
        ? apposedNameAt(w, comma + 1, limit)
        : w.isPunct(comma, ",")
          ? personNameAt(w, comma + 1, limit)
          : null;
    if (name && (w.isPunct(name.end, ",(.:;!?") || w.isQuoteMark(name.end) || name.end >= limit)) {
      phrase.nameFirst = name.first;
      phrase.nameEnd = name.end;
      phrase.kind = "person";
      phrase.gender = name.gender !== "u" ? name.gender : phrase.gender;
      const end = bracketAfter(w, name.end, limit);
      phrase.end = w.isPunct(end, ",") ? end + 1 : end;
      return phrase;
    }
    if (phrase.kind !== "noun") return phrase;
  }
  // a role in apposition after a name: "Stefan Brugger, Sprecher der Reederei, sagte", also after
  // a bare surname, which the apposition shows to be a person: "Celebi, die Anwältin der Frau,"
  return roleApposition(w, phrase, k, limit);
}

function roleApposition(w: Words, phrase: Phrase, k: number, limit: number): Phrase {
  const bareName = phrase.kind === "noun" && phrase.det === "" && phrase.headEnd - phrase.headFirst <= 2;
  if (!(phrase.kind === "person" && phrase.nameEnd === phrase.end) && !bareName) return phrase;
  // "Renate Schmidt (SPD)"
  const bracket = bracketAfter(w, k, limit);
  if (bracket > k && phrase.kind === "person") {
    phrase.end = bracket;
    k = bracket;
  }
  if (!w.isPunct(k, ",")) return phrase;
  const role = phraseAt(w, k + 1, limit, true);
  if (role?.kind !== "role") return phrase;
  // one attribute after the role: "die Leiterin der Fachstelle für Suchtvorbeugung"
  if ((w.is(role.end, "prep") || w.is(role.end, "prepdet")) && !w.isPunct(role.end, ",")) {
    const attribute = phraseAt(w, role.end + 1, limit, false);
    if (attribute && closesApposition(w, attribute.end, limit)) role.end = attribute.end;
  }
  if (!closesApposition(w, role.end, limit)) return phrase;
  if (bareName) {
    phrase.kind = "person";
    phrase.nameFirst = phrase.headFirst;
    phrase.nameEnd = phrase.headEnd;
  }
  phrase.end = w.isPunct(role.end, ",") ? role.end + 1 : role.end;
  phrase.gender = phrase.gender !== "u" ? phrase.gender : role.gender;
  return phrase;
}

/**
 * Where an apposition may end: a clause mark, the sentence end, or a reporting verb when the
 * closing comma is missing ("Stephen Singer, ein Klimaexperte vom WWF erklärte").
 */
function closesApposition(w: Words, t: number, limit: number): boolean {
  return t >= limit || w.isPunct(t, ",.:;!?") || w.isReportingVerb(t);
}

function isNameParticle(w: Words, j: number, limit: number): boolean {
  const word = w.word(j);
  if (!NAME_PARTICLES.has(word) || j + 1 >= limit) return false;
  // "der"/"den" only after "von"/"van" ("von der Leyen"); alone they are articles
  if ((word === "der" || word === "den") && !LEADING_PARTICLES.has(w.word(j - 1))) return false;
  // "zu Guttenberg", but not "Littmann zu den Beweggründen"
  if (LEADING_PARTICLES.has(word) && word !== "zu" && NAME_PARTICLES.has(w.word(j + 1))) return true;
  // "Reinhardt von der Universität Konstanz": an institution after "von" is not part of the name
  return (
    w.isNounLike(j + 1) &&
    lookupRole(w.word(j + 1)) === undefined &&
    lookupMetonym(w.word(j + 1)) === undefined
  );
}

const ADJECTIVE_ENDING = /(?:e|en|er|es|em)$/;
/** A lower-case word with an adjective ending that the verb lexicon does not know. */
function isBareAdjective(w: Words, k: number): boolean {
  return (
    w.isWord(k) &&
    !w.isCapitalised(k) &&
    !w.isFunctionWord(k) &&
    ADJECTIVE_ENDING.test(w.key(k)) &&
    verbMood(w.word(k)) === null
  );
}

/** A personal name: a known first name followed by one to three capitalised tokens. */
export function personNameAt(
  w: Words,
  i: number,
  limit: number,
): { first: number; end: number; gender: string } | null {
  // academic titles go before the name but are not part of it: "Dr. Thomas Wyss"
  while (i < limit - 1 && TITLES.has(w.key(i))) i++;
  if (i >= limit || !w.isCapitalised(i)) return null;
  const gender = firstNameGenderByKey(w.key(i));
  if (gender === undefined) return null;
  let j = i + 1;
  while (
    j < limit &&
    j - i < 5 &&
    ((w.isNounLike(j) && !hasNounSuffix(w.key(j))) || isNameParticle(w, j, limit))
  )
    j++;
  if (j === i + 1) return null;
  return { first: i, end: j, gender };
}

/** Decide what a phrase's head is: a person's name, a role, an organisation, a place, a plain noun. */
function classify(w: Words, p: Phrase, quoted: boolean): void {
  for (let j = p.headFirst; j < p.headEnd; j++) {
    const name = personNameAt(w, j, p.headEnd);
    if (name) {
      p.nameFirst = name.first;
      p.nameEnd = name.end;
      p.kind = "person";
      p.gender = name.gender;
      const role = j > p.headFirst ? lookupRole(w.word(j - 1)) : undefined;
      if (p.gender === "u" && role) p.gender = role.gender;
      return;
    }
  }
  // the head noun of a run is its first word unless the run ends in a name after a role ("Präsident Putin")
  const first = lookupRole(w.word(p.headFirst));
  if (first?.kind === "person") {
    p.kind = "role";
    p.gender = first.gender;
    // "Präsident Putin": the words after the role are a name, unless they are a genitive place
    // ("Verteidigungsminister Österreichs") or another noun
    if (
      p.headEnd - p.headFirst > 1 &&
      !isGenitivePlace(w, p.headEnd - 1) &&
      lookupRole(w.word(p.headEnd - 1)) === undefined
    ) {
      p.kind = "person";
      p.nameFirst = p.headFirst + 1;
      p.nameEnd = p.headEnd;
    }
    return;
  }
  if (first?.kind === "org") {
    p.kind = "org";
    p.gender = first.gender;
    return;
  }
  const last = lookupRole(w.word(p.headEnd - 1));
  if (last) {
    p.kind = last.kind === "org" ? "org" : "role";
    p.gender = last.gender;
    return;
  }
  const multiword = p.headEnd - p.headFirst > 1;
  const headText = multiword ? w.text.slice(w.start(p.headFirst), w.end(p.headEnd - 1)) : w.word(p.headFirst);
  // "Zeit", "Welt", "Bild" are newspapers only when set apart or named in full
  if ((quoted || multiword) && isMediaName(headText)) {
    p.kind = "org";
    p.gender = p.det === "die" ? "f" : "u";
    return;
  }
  const place = lookupMetonym(headText) ?? (multiword ? lookupMetonym(w.word(p.headFirst)) : undefined);
  if (place) {
    p.kind = place.type === "ORG" ? "org" : "place";
    p.gender = p.det === "die" ? "p" : "n";
  }
}

const NOUN_SUFFIXES = readLines("noun-suffixes.txt").map(lexKey);
/** A common-noun ending (-ung, -heit, -schaft …): such a word is not part of a personal name. */
function hasNounSuffix(key: string): boolean {
  for (const suffix of NOUN_SUFFIXES) if (key.length > suffix.length + 2 && key.endsWith(suffix)) return true;
  return false;
}

/** "Österreichs", "Moskaus", "der USA": a place in the genitive, attached to a role. */
function isGenitivePlace(w: Words, t: number): boolean {
  const word = w.word(t);
  return (
    lookupMetonym(word) !== undefined ||
    (word.endsWith("s") && lookupMetonym(word.slice(0, -1)) !== undefined)
  );
}

/**
 * A name in apposition after a role: a known first name ("John Kirby"), or two or three capitalised
 * words that are not nouns laut knows, closed by a comma, a bracket or the clause end
 * ("der Vorsitzende des Linux-Verbandes, Elmar Gesse,").
 */
function apposedNameAt(
  w: Words,
  i: number,
  limit: number,
): { first: number; end: number; gender: string } | null {
  const known = personNameAt(w, i, limit);
  if (known) return known;
  let j = i;
  while (j < limit && TITLES.has(w.key(j))) j++;
  const first = j;
  while (
    j < limit &&
    j - first < 3 &&
    w.isNounLike(j) &&
    lookupRole(w.word(j)) === undefined &&
    lookupMetonym(w.word(j)) === undefined &&
    lookupSpeechNoun(w.word(j)) === undefined
  )
    j++;
  if (j - first < 2) return null;
  if (!(j >= limit || w.isPunct(j, ",.:;!?(") || w.isQuoteMark(j))) return null;
  return { first, end: j, gender: "u" };
}

/** "(SPD)", "(CDU/CSU)": a party or short affiliation in brackets right after a name. */
function bracketAfter(w: Words, k: number, limit: number): number {
  if (!w.isPunct(k, "(") || k + 2 >= limit) return k;
  let j = k + 1;
  while (j < limit && j - k < 5 && !w.isPunct(j, ")")) {
    if (!w.isCapitalised(j) && !w.isPunct(j, "/-")) return k;
    j++;
  }
  return w.isPunct(j, ")") ? j + 1 : k;
}

/** How plausible a phrase is as the one who speaks. 0 means: not a speaker. */
export function actorScore(w: Words, p: Phrase): number {
  switch (p.kind) {
    case "person":
      return 4;
    case "pronoun":
      return 3;
    case "role":
    case "org":
      return 3;
    case "place":
      return 2.5;
    default:
      // "Gerüchte", "Angaben" report speech; they do not speak
      return lookupSpeechNoun(w.word(p.headEnd - 1)) ? 0 : 1;
  }
}
