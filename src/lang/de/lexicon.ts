/**
 * laut's German lexicon for speech attribution: reporting verbs, non-verb cues, speech nouns,
 * roles and organisations, first names, pronouns, metonyms and the contexts that make a quoted
 * stretch a name. The words live in the data files beside this module; this module only indexes
 * them. Every table loads on first use (once per process) into Maps keyed by lexKey, so Swiss
 * spelling ("hiess", "äussert") finds the entries written with ß. Lookups return shared objects:
 * callers must not mutate them.
 */
import type { Medium } from "../../doc.js";
import { LautError } from "../../errors.js";
import { lexKey, readLines, readTsv } from "./data.js";

export const VERB_CATEGORIES = [
  "neutral",
  "assert",
  "deny",
  "criticize",
  "demand",
  "warn",
  "announce",
  "opinion",
  "fear",
  "ask",
  "admit",
  "promise",
  "impersonal",
  "label",
  "other",
] as const;
export type VerbCategory = (typeof VERB_CATEGORIES)[number];

export const CUE_KINDS = ["pre", "post", "adverb", "conj", "phrase"] as const;
export type CueKind = (typeof CUE_KINDS)[number];
/** Cue categories: the verb categories plus the ones only non-verb cues have. */
export const CUE_CATEGORIES = [...VERB_CATEGORIES, "hearsay", "addressee", "manner", "context"] as const;
export type CueCategory = (typeof CUE_CATEGORIES)[number];

export const MEDIA: readonly Medium[] = [
  "speech",
  "writing",
  "thought",
  "speech_writing",
  "speech_thought",
  "thought_writing",
];

export type RoleGender = "m" | "f" | "n" | "p" | "u";
export type RoleKind = "person" | "org";
export const NAME_CONTEXT_KINDS = ["media", "vessel", "work", "operation", "org", "other"] as const;

export interface VerbEntry {
  readonly lemma: string;
  /** separable particle in lexKey form ("mit", "zurück"), or null */
  readonly particle: string | null;
  readonly category: VerbCategory;
  readonly medium: Medium;
}

export interface CueWord {
  readonly word: string;
  readonly kind: CueKind;
  readonly category: CueCategory;
}

export interface CuePhraseMatch {
  /** number of tokens the phrase covers */
  readonly length: number;
  readonly kind: CueKind;
  readonly category: CueCategory;
}

export interface SpeechNoun {
  readonly lemma: string;
  readonly category: VerbCategory;
}

export interface Role {
  readonly gender: RoleGender;
  readonly kind: RoleKind;
}

export interface PronounReading {
  readonly person: number;
  readonly gender: string;
  readonly number: string;
  readonly case: string;
}

export interface Metonym {
  readonly canonical: string;
  readonly type: "GPE" | "ORG";
}

export interface MetonymMatch extends Metonym {
  readonly length: number;
}

/** Slots of the `forms` column of reporting-verbs.tsv, in file order. */
const VERB_SLOTS = 14;
/**
 * Finite slots whose forms also occur fused with the particle in subordinate clauses ("wie er
 * mitteilte", "dass er darauf hinweise"): present, preterite, Konjunktiv I. Fused Konjunktiv II
 * is left out: it is rare and collides with nouns ("vorwürfe").
 */
const FUSABLE_SLOTS = new Set([0, 1, 2, 3, 4, 5, 6, 9, 10]);
const PRETERITE_SLOT = 5;
const PARTICIPLE_SLOT = 7;

/** Letters a compound needs before a role ending, so "Innen" or "Chef" alone do not match a rule. */
const MIN_STEM = 2;
const UPPER_INITIAL = /^\p{Lu}/u;
const SPACES = /\s+/g;
const TYPOGRAPHIC_APOSTROPHE = /[\u2018\u2019]/g;

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) value = load();
    return value;
  };
}

function dataError(file: string, message: string): LautError {
  return new LautError("E_INTERNAL", `lexicon data ${file}: ${message}`);
}

function oneOf<T extends string>(file: string, value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw dataError(file, `bad ${what} "${value}"`);
  return value as T;
}

function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Multiword text as one key: lexKey with whitespace runs collapsed. */
function phraseKey(text: string): string {
  // most lookups are single plain words: skip the rewriting then
  if (!NEEDS_REWRITE.test(text)) return lexKey(text);
  return lexKey(text.trim().replace(SPACES, " ").replace(TYPOGRAPHIC_APOSTROPHE, "'"));
}
const NEEDS_REWRITE = /[\s\u2018\u2019]/;

// ---------------------------------------------------------------- reporting verbs

interface VerbTable {
  readonly byForm: Map<string, VerbEntry[]>;
  readonly entries: VerbEntry[];
}

const verbs = lazy((): VerbTable => {
  const file = "reporting-verbs.tsv";
  const byForm = new Map<string, VerbEntry[]>();
  const entries: VerbEntry[] = [];
  for (const row of readTsv(file)) {
    const lemma = row.lemma ?? "";
    const particle = row.particle ? lexKey(row.particle) : null;
    const entry: VerbEntry = {
      lemma,
      particle,
      category: oneOf(file, row.category ?? "", VERB_CATEGORIES, `category for ${lemma}`),
      medium: oneOf(file, row.medium ?? "", MEDIA, `medium for ${lemma}`),
    };
    const slots = (row.forms ?? "").split(",");
    if (slots.length !== VERB_SLOTS) throw dataError(file, `${lemma} has ${slots.length} form slots`);
    if (!slots[PRETERITE_SLOT] || !slots[PARTICIPLE_SLOT]) throw dataError(file, `${lemma} lacks a form`);
    entries.push(entry);
    slots.forEach((slot, i) => {
      if (!slot) return;
      for (const form of slot.split("|")) {
        const key = lexKey(form);
        addTo(byForm, key, entry);
        // subordinate clauses fuse particle and finite verb: "wie er mitteilte"
        if (particle !== null && FUSABLE_SLOTS.has(i)) addTo(byForm, particle + key, entry);
      }
    });
  }
  return { byForm, entries };
});

/**
 * Reporting verbs that have `token` among their forms. For separable verbs both the fused form
 * ("mitteilte", "mitgeteilt") and the bare finite form ("teilte") match; with a bare form the
 * caller must find the particle later in the clause (isSeparableParticleOf).
 */
export function lookupReportingVerb(token: string): VerbEntry[] | undefined {
  return verbs().byForm.get(lexKey(token));
}

/** lookupReportingVerb for a word already passed through lexKey (callers that key each token once). */
export function lookupReportingVerbByKey(key: string): VerbEntry[] | undefined {
  return verbs().byForm.get(key);
}

export function isSeparableParticleOf(entry: VerbEntry, token: string): boolean {
  return entry.particle !== null && lexKey(token) === entry.particle;
}

/** All reporting verbs, in file order (for diagnostics and tests). */
export function reportingVerbs(): readonly VerbEntry[] {
  return verbs().entries;
}

// ---------------------------------------------------------------- phrase index

interface IndexedPhrase<M> {
  /** keys of the tokens after the first */
  readonly rest: string[];
  readonly match: M;
}

/** Multiword entries indexed by their first token, longest first so the longest match wins. */
class PhraseIndex<M> {
  readonly #byFirst = new Map<string, IndexedPhrase<M>[]>();

  add(keys: string[], match: M): void {
    const [first, ...rest] = keys;
    if (first === undefined) return;
    addTo(this.#byFirst, first, { rest, match });
    this.#byFirst.get(first)?.sort((a, b) => b.rest.length - a.rest.length);
  }

  find(tokens: readonly string[], i: number): M | undefined {
    const first = tokens[i];
    if (first === undefined) return undefined;
    const candidates = this.#byFirst.get(lexKey(first));
    if (candidates === undefined) return undefined;
    for (const { rest, match } of candidates) {
      if (i + rest.length >= tokens.length) continue;
      let k = 0;
      while (k < rest.length && lexKey(tokens[i + 1 + k] ?? "") === rest[k]) k++;
      if (k === rest.length) return match;
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- cue words

interface CueTable {
  readonly words: Map<string, CueWord>;
  readonly phrases: PhraseIndex<CuePhraseMatch>;
}

const cues = lazy((): CueTable => {
  const file = "cue-words.tsv";
  const words = new Map<string, CueWord>();
  const phrases = new PhraseIndex<CuePhraseMatch>();
  for (const row of readTsv(file)) {
    const word = row.word ?? "";
    const kind = oneOf(file, row.kind ?? "", CUE_KINDS, `kind for ${word}`);
    const category = oneOf(file, row.category ?? "", CUE_CATEGORIES, `category for ${word}`);
    const keys = phraseKey(word).split(" ");
    if (keys.length === 1) {
      if (!words.has(keys[0] ?? "")) words.set(keys[0] ?? "", { word, kind, category });
    } else {
      phrases.add(keys, { length: keys.length, kind, category });
    }
  }
  return { words, phrases };
});

/** A single-token cue ("laut", "zufolge", "so"). Multiword cues: lookupCuePhrase. */
export function lookupCueWord(token: string): CueWord | undefined {
  return cues().words.get(lexKey(token));
}

/** The longest multiword cue starting at tokens[i] ("nach eigenen Angaben", "Berichten zufolge"). */
export function lookupCuePhrase(tokens: readonly string[], i: number): CuePhraseMatch | undefined {
  return cues().phrases.find(tokens, i);
}

// ---------------------------------------------------------------- speech nouns

const speechNouns = lazy((): Map<string, SpeechNoun> => {
  const file = "speech-nouns.tsv";
  const byForm = new Map<string, SpeechNoun>();
  for (const row of readTsv(file)) {
    const lemma = row.lemma ?? "";
    const noun: SpeechNoun = {
      lemma,
      category: oneOf(file, row.category ?? "", VERB_CATEGORIES, `category for ${lemma}`),
    };
    for (const form of (row.forms ?? "").split(",")) {
      const key = lexKey(form.trim());
      if (key && !byForm.has(key)) byForm.set(key, noun);
    }
  }
  return byForm;
});

export function lookupSpeechNoun(token: string): SpeechNoun | undefined {
  return speechNouns().get(lexKey(token));
}

// ---------------------------------------------------------------- roles

/** A node of the suffix trie, walked from the last letter of a word backwards. */
interface SuffixNode {
  readonly next: Map<number, SuffixNode>;
  /** the rule for the ending that ends here; null for "not a role" (kind none) */
  rule: Role | null | undefined;
}

interface RoleTable {
  readonly exact: Map<string, Role>;
  readonly suffixes: SuffixNode;
}

const ROLE_GENDERS: readonly RoleGender[] = ["m", "f", "n", "p", "u"];
const ROLE_KINDS: readonly RoleKind[] = ["person", "org"];

const roles = lazy((): RoleTable => {
  const exact = new Map<string, Role>();
  for (const row of readTsv("roles.tsv")) {
    const word = row.word ?? "";
    const key = lexKey(word);
    if (exact.has(key)) continue;
    exact.set(key, {
      gender: oneOf("roles.tsv", row.gender ?? "", ROLE_GENDERS, `gender for ${word}`),
      kind: oneOf("roles.tsv", row.kind ?? "", ROLE_KINDS, `kind for ${word}`),
    });
  }
  const suffixes: SuffixNode = { next: new Map(), rule: undefined };
  for (const row of readTsv("role-suffixes.tsv")) {
    const suffix = lexKey(row.suffix ?? "");
    let node = suffixes;
    for (let i = suffix.length - 1; i >= 0; i--) {
      const code = suffix.charCodeAt(i);
      let child = node.next.get(code);
      if (child === undefined) {
        child = { next: new Map(), rule: undefined };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.rule !== undefined) continue;
    node.rule =
      row.kind === "none"
        ? null
        : {
            gender: oneOf("role-suffixes.tsv", row.gender ?? "", ROLE_GENDERS, `gender for ${suffix}`),
            kind: oneOf("role-suffixes.tsv", row.kind ?? "", ROLE_KINDS, `kind for ${suffix}`),
          };
  }
  return { exact, suffixes };
});

/** The longest listed ending of `key` that leaves a stem of MIN_STEM letters, or undefined. */
function roleBySuffix(root: SuffixNode, key: string): Role | undefined {
  let node: SuffixNode | undefined = root;
  let best: Role | null | undefined;
  for (let i = key.length - 1; i >= 0 && node !== undefined; i--) {
    node = node.next.get(key.charCodeAt(i));
    if (node === undefined || node.rule === undefined) continue;
    // exceptions ("Lautsprecher") hold for the whole word; roles need a compound stem
    if (node.rule === null || i >= MIN_STEM) best = node.rule;
  }
  return best ?? undefined;
}

/**
 * A noun denoting a person by role or an organisation: the word itself if listed, else (for a
 * capitalised word) the longest listed head-noun ending, so compounds like
 * "Regierungssprecherin" resolve. In hyphenated compounds ("EU-Kommissar") the last part decides.
 */
/**
 * The role or organisation a word denotes. Memoised per spelling: the chunker asks for every
 * capitalised word, and the suffix rules make a miss the expensive case.
 */
export function lookupRole(token: string): Role | undefined {
  const cached = ROLE_CACHE.get(token);
  if (cached !== undefined) return cached === null ? undefined : cached;
  const role = lookupRoleUncached(token);
  if (ROLE_CACHE.size >= 50_000) ROLE_CACHE.clear();
  ROLE_CACHE.set(token, role ?? null);
  return role;
}
const ROLE_CACHE = new Map<string, Role | null>();

function lookupRoleUncached(token: string): Role | undefined {
  const table = roles();
  const exact = table.exact.get(lexKey(token));
  if (exact !== undefined) return exact;
  const dash = token.lastIndexOf("-");
  const head = dash >= 0 ? token.slice(dash + 1) : token;
  if (head.length === 0) return undefined;
  if (dash >= 0) {
    const headExact = table.exact.get(lexKey(head));
    if (headExact !== undefined) return headExact;
  }
  if (!UPPER_INITIAL.test(head)) return undefined;
  return roleBySuffix(table.suffixes, lexKey(head));
}

// ---------------------------------------------------------------- first names

const FIRST_NAME_GENDERS = ["m", "f", "u"] as const;

const firstNames = lazy((): Map<string, "m" | "f" | "u"> => {
  const byName = new Map<string, "m" | "f" | "u">();
  for (const row of readTsv("first-names.tsv")) {
    const key = lexKey(row.name ?? "");
    if (!byName.has(key))
      byName.set(key, oneOf("first-names.tsv", row.gender ?? "", FIRST_NAME_GENDERS, key));
  }
  return byName;
});

/** Gender a first name usually has in the press; an unlisted double name goes by its first part. */
export function firstNameGender(token: string): "m" | "f" | "u" | undefined {
  return firstNameGenderByKey(lexKey(token));
}

/** firstNameGender for a word already passed through lexKey. */
export function firstNameGenderByKey(key: string): "m" | "f" | "u" | undefined {
  const table = firstNames();
  const gender = table.get(key);
  if (gender !== undefined) return gender;
  const dash = key.indexOf("-");
  return dash > 0 ? table.get(key.slice(0, dash)) : undefined;
}

// ---------------------------------------------------------------- pronouns

const pronouns = lazy((): Map<string, PronounReading[]> => {
  const byForm = new Map<string, PronounReading[]>();
  for (const row of readTsv("pronouns.tsv")) {
    addTo(byForm, lexKey(row.form ?? ""), {
      person: Number(row.person),
      gender: row.gender ?? "u",
      number: row.number ?? "u",
      case: row.case ?? "",
    });
  }
  return byForm;
});

/** Every reading of a personal pronoun ("sie": 3sg f nom/acc, 3pl nom/acc, polite Sie). */
export function lookupPronoun(token: string): PronounReading[] | undefined {
  return pronouns().get(lexKey(token));
}

// ---------------------------------------------------------------- metonyms

interface MetonymTable {
  readonly byName: Map<string, Metonym>;
  readonly phrases: PhraseIndex<MetonymMatch>;
}

const METONYM_TYPES = ["GPE", "ORG"] as const;

const metonyms = lazy((): MetonymTable => {
  const byName = new Map<string, Metonym>();
  const phrases = new PhraseIndex<MetonymMatch>();
  for (const row of readTsv("metonyms.tsv")) {
    const name = row.name ?? "";
    const key = phraseKey(name);
    if (byName.has(key)) continue;
    const metonym: Metonym = {
      canonical: row.canonical ?? "",
      type: oneOf("metonyms.tsv", row.type ?? "", METONYM_TYPES, `type for ${name}`),
    };
    byName.set(key, metonym);
    const keys = key.split(" ");
    if (keys.length > 1) phrases.add(keys, { ...metonym, length: keys.length });
  }
  return { byName, phrases };
});

/** A place or short name standing for an actor: "Moskau", "Pjöngjang", "Weisse Haus" (whole text). */
export function lookupMetonym(text: string): Metonym | undefined {
  return metonyms().byName.get(phraseKey(text));
}

/** The longest multiword metonym starting at tokens[i] ("Weißen Hauses", "Downing Street"). */
export function lookupMetonymPhrase(tokens: readonly string[], i: number): MetonymMatch | undefined {
  return metonyms().phrases.find(tokens, i);
}

// ---------------------------------------------------------------- names in quote marks

const nameContexts = lazy((): Map<string, string> => {
  const byWord = new Map<string, string>();
  for (const row of readTsv("name-contexts.tsv")) {
    const key = lexKey(row.word ?? "");
    if (!byWord.has(key))
      byWord.set(key, oneOf("name-contexts.tsv", row.kind ?? "", NAME_CONTEXT_KINDS, key));
  }
  return byWord;
});

/**
 * Kind of name ("media", "vessel", "work", ...) a noun announces before quote marks, or undefined.
 * Compounds resolve by their head: "Fernsehserie" like "Serie", "Fachblatt" like "Blatt".
 */
export function lookupNameContext(token: string): string | undefined {
  const key = lexKey(token);
  const exact = nameContexts().get(key);
  if (exact !== undefined || key.length < 7) return exact;
  for (let i = 3; i <= key.length - 4; i++) {
    const head = nameContexts().get(key.slice(i));
    if (head !== undefined) return head;
  }
  return undefined;
}

const mediaNames = lazy((): Set<string> => new Set(readLines("media-names.txt").map(phraseKey)));

/** Is `text` (the words inside quote marks) the name of a news medium ("Spiegel", "New York Times")? */
export function isMediaName(text: string): boolean {
  return mediaNames().has(phraseKey(text));
}

/** Load every table now (e.g. before timing a benchmark) instead of on first use. */
export function preloadLexicon(): void {
  verbs();
  cues();
  speechNouns();
  roles();
  firstNames();
  pronouns();
  metonyms();
  nameContexts();
  mediaNames();
}
