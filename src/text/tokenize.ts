/**
 * Tokenizer for German news: a hand-written scanner over the text view, one pass, every character
 * looked at a bounded number of times (lookaheads are capped), so hostile input stays linear.
 * Tokens go straight into typed arrays; offsets are mapped back to the original text at the end.
 *
 * Decisions that need language data (abbreviations, words after an ordinal, clitics, gender
 * endings, domains) read src/lang/de/ through tables.ts. What a token is:
 * - words with internal hyphens ("CDU-Chef", "Shenzhou-7"), with a truncation hyphen ("Ein-"),
 *   with an apostrophe inside ("O'Neill") or a gender ending ("Lehrer:innen"); clitics split
 *   off ("geht" + "'s");
 * - numbers with separators between digits ("3,5", "1.000.000", "24.11.2026", "14:30", Swiss
 *   "10'000"), an ordinal keeping its period when a lower-case word or a listed word follows
 *   ("3. Oktober");
 * - abbreviations with their period ("Dr.", "z.B.", "F."), URLs and e-mail addresses whole;
 * - every quote mark alone, runs of periods or of ! and ? as one Punct, symbols alone.
 */
import { type TextView, TokenKind, type TokenTable } from "../doc.js";
import type { Stage } from "../pipeline.js";
import {
  CharClass,
  CLASS,
  charWidth,
  classAt,
  isLetterClass,
  isWordClass,
  WORD_PART,
  WordPart,
} from "./char-class.js";
import {
  ABBREVIATIONS,
  CLITICS,
  DOMAINS,
  GENDER_SUFFIXES,
  lookupAbbreviation,
  lookupCapitalisedAbbreviation,
  MAX_ABBREVIATION_LENGTH,
  MAX_CLITIC_LENGTH,
  MAX_ORDINAL_CONTEXT_LENGTH,
  MAX_ORDINAL_DETERMINER_LENGTH,
  ORDINAL_CONTEXT,
  ORDINAL_DETERMINERS,
} from "./tables.js";
import { buildView } from "./view.js";

const PERIOD = 0x2e;
const COMMA = 0x2c;
const COLON = 0x3a;
const SLASH = 0x2f;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const AT = 0x40;
const HASH = 0x23;
const UNDERSCORE = 0x5f;

/** Longest dotted run ("i.d.R.", "news.orf.at") examined after a word; keeps the lookahead bounded. */
const MAX_DOTTED_RUN = 64;
const MAX_DOTTED_SEGMENTS = 8;
/** Longest local part or domain of an e-mail address looked at (RFC 5321 allows 64 for the local part). */
const MAX_EMAIL_PART = 64;
const MAX_SCHEME_LENGTH = 10;
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** Characters that end a URL found in running text: quote marks and angle brackets. */
function stopsUrl(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2039 ||
    c === 0x203a ||
    (c >= 0x201c && c <= 0x201f)
  );
}

/** Sentence punctuation that follows a URL in prose rather than belonging to it. */
function trailsUrl(c: number): boolean {
  return (
    c === PERIOD ||
    c === 0x2026 ||
    c === COMMA ||
    c === COLON ||
    c === 0x3b ||
    c === 0x21 ||
    c === 0x3f ||
    c === APOSTROPHE ||
    c === RIGHT_SINGLE_QUOTE ||
    c === 0x2018
  );
}

function isGenderSign(c: number): boolean {
  return c === COLON || c === 0x2a || c === UNDERSCORE || c === 0xb7;
}

function isEmailLocal(c: number): boolean {
  return (
    isWordClass(CLASS[c] as CharClass) ||
    c === PERIOD ||
    c === UNDERSCORE ||
    c === 0x25 ||
    c === 0x2b ||
    c === 0x2d
  );
}

class Scanner {
  readonly v: string;
  readonly n: number;
  starts: Uint32Array;
  ends: Uint32Array;
  kinds: Uint8Array;
  length = 0;

  /** kind of the token the last scan produced */
  private kind: TokenKind = TokenKind.Word;
  /** a letter in the token compound() scanned last */
  private hasLetter = false;
  /** a separator other than "." between digits (",", ":", "/", "'"), or a hyphen */
  private nonOrdinal = false;

  /** the next e-mail address, found when the scanner passes the "@" before it */
  private emailSearchedTo = -1;
  private specialStart = -1;
  private specialEnd = -1;

  constructor(v: string) {
    this.v = v;
    this.n = v.length;
    const capacity = (this.n >> 2) + 16;
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  private push(start: number, end: number, kind: TokenKind): void {
    if (this.length === this.starts.length) {
      const capacity = this.length * 2;
      const starts = new Uint32Array(capacity);
      const ends = new Uint32Array(capacity);
      const kinds = new Uint8Array(capacity);
      starts.set(this.starts);
      ends.set(this.ends);
      kinds.set(this.kinds);
      this.starts = starts;
      this.ends = ends;
      this.kinds = kinds;
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.kinds[this.length] = kind;
    this.length++;
  }

  /** Class at i, Space past the end. */
  private at(i: number): CharClass {
    if (i >= this.n) return CharClass.Space;
    const k = CLASS[this.v.charCodeAt(i)] as CharClass;
    return k === CharClass.HighSurrogate ? classAt(this.v, i) : k;
  }

  run(): void {
    const v = this.v;
    const n = this.n;
    let i = 0;
    while (i < n) {
      const c = v.charCodeAt(i);
      if (c <= 0x20) {
        i++;
        continue;
      }
      if (i > this.emailSearchedTo) this.findEmail(i);
      if (i === this.specialStart) {
        this.push(i, this.specialEnd, TokenKind.Url);
        i = this.specialEnd;
        continue;
      }
      let end = this.token(i, c);
      // a token never runs into the e-mail address after it, unless it is a URL holding it
      if (this.specialStart > i && end > this.specialStart && this.kind !== TokenKind.Url)
        end = this.specialStart;
      this.push(i, end, this.kind);
      i = end;
    }
  }

  /** Scans the token starting at i (first code unit c); returns its end and sets this.kind. */
  private token(i: number, c: number): number {
    const v = this.v;
    const cls = this.at(i);
    switch (cls) {
      case CharClass.Upper:
      case CharClass.Lower:
      case CharClass.Letter:
      case CharClass.Digit:
        return this.word(i);
      case CharClass.Quote:
        if ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && this.followsWord(i)) {
          const e = this.clitic(i + 1);
          if (e > 0) {
            this.kind = TokenKind.Word;
            return e;
          }
        }
        this.kind = TokenKind.QuoteMark;
        return this.marks(i + 1);
      case CharClass.Period:
      case CharClass.Ellipsis:
      case CharClass.Hyphen: {
        // "...", "…", "--": a run of one character is one Punct
        let e = i + 1;
        while (e < this.n && v.charCodeAt(e) === c) e++;
        this.kind = TokenKind.Punct;
        return this.marks(e);
      }
      case CharClass.Dash:
        this.kind = TokenKind.Punct;
        return this.marks(i + 1);
      case CharClass.Punct: {
        let e = i + 1;
        if (c === 0x21 || c === 0x3f) {
          // "?!", "!!!": one Punct, so the sentence splitter sees one terminal
          while (e < this.n && (v.charCodeAt(e) === 0x21 || v.charCodeAt(e) === 0x3f)) e++;
        }
        this.kind = TokenKind.Punct;
        return this.marks(e);
      }
      case CharClass.Symbol:
        if ((c === AT || c === HASH) && isWordClass(this.at(i + 1))) {
          // @handle, #hashtag
          let e = this.scanAlnum(i + 1);
          while (v.charCodeAt(e) === UNDERSCORE && isWordClass(this.at(e + 1))) e = this.scanAlnum(e + 1);
          this.kind = TokenKind.Word;
          return e;
        }
        this.kind = TokenKind.Symbol;
        return this.marks(i + charWidth(v, i));
      default:
        // marks without a base, format characters, unpaired surrogates, unassigned code points
        this.kind = TokenKind.Symbol;
        return this.marks(i + charWidth(v, i));
    }
  }

  /** Extends an end over combining marks, which belong to the character before them. */
  private marks(e: number): number {
    while (e < this.n) {
      const k = this.at(e);
      if (k !== CharClass.Mark && k !== CharClass.Format) break;
      e += charWidth(this.v, e);
    }
    return e;
  }

  private followsWord(i: number): boolean {
    const last = this.length - 1;
    return last >= 0 && this.ends[last] === i && this.kinds[last] === TokenKind.Word;
  }

  /** End of a clitic ("s" in "geht's") starting at i, or 0 when the letters there are none. */
  private clitic(i: number): number {
    if (!isLetterClass(this.at(i))) return 0;
    const e = this.scanAlnum(i);
    if (e - i > MAX_CLITIC_LENGTH) return 0;
    return CLITICS.has(this.v.slice(i, e).toLowerCase()) ? e : 0;
  }

  /** Letters, digits and marks from i; sets hasLetter when it passes a letter. */
  private scanAlnum(i: number): number {
    const v = this.v;
    const n = this.n;
    let letter = false;
    while (i < n) {
      const w = WORD_PART[v.charCodeAt(i)];
      if (w === WordPart.Letter) {
        letter = true;
        i++;
      } else if (w === WordPart.Other) i++;
      else if (w === WordPart.Surrogate) {
        const k = classAt(v, i);
        if (!isWordClass(k)) break;
        if (isLetterClass(k)) letter = true;
        i += 2;
      } else break;
    }
    if (letter) this.hasLetter = true;
    return i;
  }

  private isDigit(i: number): boolean {
    return i < this.n && CLASS[this.v.charCodeAt(i)] === CharClass.Digit;
  }

  /**
   * A word or number: runs of letters and digits joined by what can sit inside one (hyphens,
   * separators between digits, an apostrophe before letters that are no clitic, a gender sign
   * before a gender ending). Sets hasLetter and nonOrdinal.
   */
  private compound(i: number): number {
    const v = this.v;
    this.hasLetter = false;
    this.nonOrdinal = false;
    let j = i;
    for (;;) {
      j = this.scanAlnum(j);
      if (j >= this.n) return j;
      const c = v.charCodeAt(j);
      // most words end at a space
      if (c <= 0x20) return j;
      const k = CLASS[c] as CharClass;
      if (k === CharClass.Hyphen) {
        if (isWordClass(this.at(j + 1))) {
          this.nonOrdinal = true;
          j++;
          continue;
        }
        // truncation: "Ein- und Ausreise", "Ein-, Aus- und Durchreise", "Ein-/Ausreise"
        const next = j + 1 < this.n ? v.charCodeAt(j + 1) : 0x20;
        if (this.hasLetter && (next <= 0x20 || next === COMMA || next === SLASH)) return j + 1;
        return j;
      }
      const afterDigit = CLASS[v.charCodeAt(j - 1)] === CharClass.Digit;
      if (afterDigit && (c === PERIOD || c === COMMA || c === COLON || c === SLASH) && this.isDigit(j + 1)) {
        if (c !== PERIOD) this.nonOrdinal = true;
        j++;
        continue;
      }
      if (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) {
        // Swiss thousands: "10'000", "1’500’000"
        if (
          afterDigit &&
          this.isDigit(j + 1) &&
          this.isDigit(j + 2) &&
          this.isDigit(j + 3) &&
          !this.isDigit(j + 4)
        ) {
          this.nonOrdinal = true;
          j += 4;
          continue;
        }
        if (!isLetterClass(this.at(j + 1)) || this.clitic(j + 1) > 0) return j;
        j++;
        continue;
      }
      if (isGenderSign(c) && isLetterClass(this.at(j - 1))) {
        const e = this.genderEnding(j + 1);
        if (e > 0) {
          j = e;
          continue;
        }
      }
      return j;
    }
  }

  private genderEnding(i: number): number {
    for (const suffix of GENDER_SUFFIXES) {
      if (this.v.startsWith(suffix, i) && !isWordClass(this.at(i + suffix.length))) return i + suffix.length;
    }
    return 0;
  }

  private word(i: number): number {
    const v = this.v;
    const j = this.compound(i);
    this.kind = this.hasLetter ? TokenKind.Word : TokenKind.Number;
    const c = v.charCodeAt(j);
    if (
      c === COLON &&
      v.charCodeAt(j + 1) === SLASH &&
      v.charCodeAt(j + 2) === SLASH &&
      this.isScheme(i, j)
    ) {
      const e = this.urlEnd(j + 3);
      if (e > j + 3) {
        this.kind = TokenKind.Url;
        return e;
      }
    }
    if (c !== PERIOD) return j;
    if (j - i === 3 && isWordClass(this.at(j + 1)) && v.slice(i, j).toLowerCase() === "www") {
      this.kind = TokenKind.Url;
      return this.urlEnd(i);
    }
    if (this.hasLetter) return this.wordBeforePeriod(i, j);
    if (!this.nonOrdinal && this.ordinalFollows(j + 1, true)) return j + 1;
    return j;
  }

  /** A word [s, j) followed by a period at j: abbreviation, initial, domain, ordinal or plain word. */
  private wordBeforePeriod(s: number, j: number): number {
    const v = this.v;
    if (isLetterClass(this.at(j + 1))) {
      const end = this.dottedRun(s, j);
      if (end > 0) return end;
    }
    if (j + 1 - s <= MAX_ABBREVIATION_LENGTH) {
      const form = v.slice(s, j + 1);
      let info = lookupAbbreviation(form);
      // a capitalised "Ca." opens a sentence, so no capitalised word follows it; "Schweiz. Die" is no "schweiz."
      if (info === undefined && this.nextWordClass(j + 1) !== CharClass.Upper) {
        info = lookupCapitalisedAbbreviation(form);
      }
      if (info !== undefined && (!info.numberOnly || this.nextWordClass(j + 1) === CharClass.Digit)) {
        this.kind = TokenKind.Abbreviation;
        return j + 1;
      }
    }
    if (this.at(s) === CharClass.Upper && this.marks(s + charWidth(v, s)) === j) {
      // an initial: "John F. Kennedy"
      this.kind = TokenKind.Abbreviation;
      return j + 1;
    }
    if (j - s >= 2 && j - s <= 12 && ROMAN_NUMERAL.test(v.slice(s, j)) && this.ordinalFollows(j + 1, false)) {
      // a regnal or ordinal Roman number: "Benedikt XVI. sagte"
      this.kind = TokenKind.Number;
      return j + 1;
    }
    return j;
  }

  /**
   * Letters joined by periods without spaces after the word [s, j): "z.B.", "d.h.", "U.S.",
   * "z.Zt.", or a bare domain "zeit.de". Returns the token end, or 0 when it is neither.
   */
  private dottedRun(s: number, j: number): number {
    const v = this.v;
    let allSingle = this.marks(s + charWidth(v, s)) === j && isLetterClass(this.at(s));
    let p = j;
    let segments = 0;
    let lastStart = j;
    while (
      v.charCodeAt(p) === PERIOD &&
      isWordClass(this.at(p + 1)) &&
      segments < MAX_DOTTED_SEGMENTS &&
      p - s < MAX_DOTTED_RUN
    ) {
      const q = p + 1;
      let e = this.scanAlnum(q);
      while (v.charCodeAt(e) === 0x2d && isWordClass(this.at(e + 1)) && e - s < MAX_DOTTED_RUN) {
        e = this.scanAlnum(e + 1);
      }
      allSingle = allSingle && this.marks(q + charWidth(v, q)) === e && isLetterClass(this.at(q));
      lastStart = q;
      p = e;
      segments++;
    }
    if (segments === 0) return 0;
    if (v.charCodeAt(p) === PERIOD) {
      if (allSingle || (p + 1 - s <= MAX_ABBREVIATION_LENGTH && ABBREVIATIONS.has(v.slice(s, p + 1)))) {
        this.kind = TokenKind.Abbreviation;
        return p + 1;
      }
    }
    if (j - s >= 2 && p - lastStart <= 8 && DOMAINS.has(v.slice(lastStart, p))) {
      this.kind = TokenKind.Url;
      return v.charCodeAt(p) === SLASH ? this.urlEnd(p) : p;
    }
    return 0;
  }

  /** Whether [s, j) is a URL scheme: "http", "https", "ftp". */
  private isScheme(s: number, j: number): boolean {
    if (j - s < 2 || j - s > MAX_SCHEME_LENGTH) return false;
    for (let i = s; i < j; i++) {
      const c = this.v.charCodeAt(i) | 0x20;
      if (c < 0x61 || c > 0x7a) return false;
    }
    return true;
  }

  /** Class of the next character after spaces and tabs on the same line. */
  private nextWordClass(i: number): CharClass {
    while (i < this.n && (this.v.charCodeAt(i) === 0x20 || this.v.charCodeAt(i) === 0x09)) i++;
    return this.at(i);
  }

  /**
   * Whether a period at i-1 after a number makes it an ordinal: the next word (same line) is
   * lower case ("am 3. und 4. Mai") or listed ("am 3. Oktober", "im 19. Jahrhundert"), or, when
   * `afterDeterminer`, the number follows an article or possessive ("die 82. Luftbrigade").
   */
  private ordinalFollows(i: number, afterDeterminer: boolean): boolean {
    const v = this.v;
    while (i < this.n && (v.charCodeAt(i) === 0x20 || v.charCodeAt(i) === 0x09)) i++;
    const k = this.at(i);
    if (k === CharClass.Lower) return true;
    if (k !== CharClass.Upper) return false;
    let e = i;
    while (e < this.n && e - i <= MAX_ORDINAL_CONTEXT_LENGTH && isLetterClass(this.at(e))) e++;
    if (!isLetterClass(this.at(e)) && ORDINAL_CONTEXT.has(v.slice(i, e))) return true;
    return afterDeterminer && this.followsDeterminer();
  }

  private followsDeterminer(): boolean {
    const last = this.length - 1;
    if (last < 0 || this.kinds[last] !== TokenKind.Word) return false;
    const start = this.starts[last] as number;
    const end = this.ends[last] as number;
    return (
      end - start <= MAX_ORDINAL_DETERMINER_LENGTH &&
      ORDINAL_DETERMINERS.has(this.v.slice(start, end).toLowerCase())
    );
  }

  /** End of a URL from i: up to a space or quote mark, without trailing punctuation. */
  private urlEnd(i: number): number {
    const v = this.v;
    let e = i;
    let depth = 0;
    while (e < this.n) {
      const c = v.charCodeAt(e);
      if (c <= 0x20 || stopsUrl(c)) break;
      if (c === 0x28) depth++;
      else if (c === 0x29) depth--;
      e++;
    }
    while (e > i) {
      const c = v.charCodeAt(e - 1);
      if (trailsUrl(c)) e--;
      else if (c === 0x29 && depth < 0) {
        depth++;
        e--;
      } else break;
    }
    return e;
  }

  /**
   * Looks for the e-mail address around the next "@" at or after i: the local part back to i at
   * most, the domain forward. Called once per "@", and each scan is bounded, so this stays linear
   * however many "@" or "." a hostile text holds.
   */
  private findEmail(i: number): void {
    const v = this.v;
    const at = v.indexOf("@", i);
    this.specialStart = -1;
    this.specialEnd = -1;
    if (at < 0) {
      this.emailSearchedTo = this.n;
      return;
    }
    this.emailSearchedTo = at;
    let s = at;
    const floor = Math.max(i, at - MAX_EMAIL_PART);
    while (s > floor && isEmailLocal(v.charCodeAt(s - 1))) s--;
    while (s < at && v.charCodeAt(s) === PERIOD) s++;
    if (s === at) return;
    let e = at + 1;
    let lastDot = -1;
    const ceiling = Math.min(this.n, at + 1 + MAX_EMAIL_PART);
    while (e < ceiling) {
      const c = v.charCodeAt(e);
      if (c === 0x2d || isWordClass(CLASS[c] as CharClass)) e++;
      else if (c === PERIOD && e + 1 < this.n && isWordClass(CLASS[v.charCodeAt(e + 1)] as CharClass))
        lastDot = e++;
      else break;
    }
    if (lastDot > at + 1 && e - lastDot > 2) {
      this.specialStart = s;
      this.specialEnd = e;
    }
  }
}

/**
 * Tokens of a text or of its view. Offsets are always into the original text: a view's
 * toText maps them back, so a token over "Bundes\u00ADtag" covers the soft hyphen too.
 */
export function tokenize(input: string | TextView): TokenTable {
  const view = typeof input === "string" ? buildView(input) : input;
  const scanner = new Scanner(view.text);
  scanner.run();
  const length = scanner.length;
  const starts = scanner.starts.subarray(0, length);
  const ends = scanner.ends.subarray(0, length);
  const map = view.toText;
  if (map !== null) {
    // A token never ends with a line break, so each of its view code units stands for one
    // code unit of the text and its end is one past its last character.
    for (let t = 0; t < length; t++) {
      starts[t] = map[starts[t] as number] as number;
      ends[t] = (map[(ends[t] as number) - 1] as number) + 1;
    }
  }
  return { length, starts, ends, kinds: scanner.kinds.subarray(0, length) };
}

/** The token texts, for tests and debugging (copies strings: not for hot paths). */
export function tokenTexts(text: string, tokens: TokenTable): string[] {
  const out: string[] = new Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) out[t] = text.slice(tokens.starts[t], tokens.ends[t]);
  return out;
}

export const tokenStage: Stage = {
  name: "tokens",
  requires: ["view"],
  assigns: ["tokens"],
  run(doc) {
    doc.set("tokens", tokenize(doc.get("view")));
  },
};
