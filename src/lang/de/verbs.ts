/**
 * Mood of German finite verb forms, one word at a time, for telling reported speech (Konjunktiv I/II)
 * from the reporter's own indicative: "Die Stadt prüfe alle Optionen" against "Die Stadt prüft ...".
 *
 * Design: small tables from data files, and word-by-word analysis by the paradigm rules, remembered
 * per word (building all ~37,000 forms up front took ~100 ms; loading these tables takes a few).
 *   verbs-core.tsv       every finite form of sein, haben, werden, the modals, wissen, tun, with its mood
 *   verbs-strong.tsv     principal parts of ~180 strong and mixed verbs (gibt, gab, gäbe); their full
 *                        paradigms are generated at load
 *   verbs-prefixes.tsv   separable and inseparable prefixes: "bekam", "ankäme", "vorhat" are a prefix
 *                        chain plus a form of a table verb
 *   verbs-common.txt     ~2,350 infinitives frequent in news and public life, written by hand, and
 *   verbs-lexicon.txt    ~560 derived from licensed text (scripts/derive-verbs.mjs), read as one lexicon:
 *                        a word is a weak verb form only when stripping an ending leads to one of them and
 *                        the regular paradigm of that infinitive contains the word ("prüfe" <- prüfen)
 *   verbs-homographs.tsv forms news uses as other words: never a verb ("eine", "sichere"), or a noun when
 *                        capitalised ("Hinweise", "Würde")
 * Mood policy for news, which reports third persons:
 *   - a form in -e is Konjunktiv I 3sg ("prüfe", "gebe", "ändere"/"ändre") although it is also 1sg indicative
 *   - a plural in -en is "ambiguous" (Konjunktiv I plural = indicative: "sie planen"), unless Konjunktiv II
 *     with its own form ("hätten", "kämen", "würden")
 *   - a Konjunktiv II that equals the preterite ("sagte", "blieben", "hielten") is indicative: news uses
 *     the preterite, and "würde" for that Konjunktiv II; "sollte(n)" is the exception (ambiguous)
 *   - a capitalised word is read as a sentence-initial verb ("Habe er ...") unless it is a noun homograph
 * Only words in these tables get an answer: adjectives, adverbs and nouns in -e ("gerne", "heute", "Seite")
 * are null, not guessed from their ending. Keys go through lexKey, so Swiss "heisse", "müsse" work.
 *
 * Measured by scripts/eval-mood.mjs on UD German finite VERB/AUX tokens, "subjunctive" against gold
 * Mood=Sub ("ambiguous" counted as not subjunctive). All persons / gold Person=3 only (news):
 *   GSD dev (development)    P 0.65 R 0.91 F1 0.76  /  P 0.98 R 0.90 F1 0.94
 *   GSD test (held out)      P 0.79 R 0.89 F1 0.84  /  P 0.99 R 0.90 F1 0.94
 *   PUD test (held out)      P 0.77 R 0.85 F1 0.81  /  P 1.00 R 0.85 F1 0.92
 * The false subjunctives are 1st-person indicatives ("ich habe", "ich hoffe") by the news policy above
 * (the one 3rd-person one in GSD dev is "ich ... erkälte", mislabelled in the gold); the misses are mostly
 * "sollte(n)" (ambiguous) and weak Konjunktiv II = preterite ("hörten"). Finite verbs the tables do not
 * know: 18 of 1,175 (GSD dev), 33 of 1,340 (GSD test), 53 of 1,890 (PUD). Non-verb tokens read as
 * subjunctive: 0 of 8,911 (GSD dev), 9 of 11,883 (GSD test), 9 of 15,463 (PUD); capitalised mid-sentence
 * words of GermEval 2014 NER dev: 2 of 10,927.
 * The derived lists (verbs-lexicon.txt, verbs-homographs.tsv) come from openly licensed text only:
 * German WikiNews (CC BY 2.5), GePaDe (CC BY-SA 4.0), LER court decisions (CC BY 4.0) and UD German GSD
 * dev (CC BY-SA 4.0); GSD test and PUD are held out. GSD dev is part of that text, so its non-verb
 * count flatters. The subjunctive-markers.txt list scored F1 0.73 / 0.80 / 0.82 (3rd person 0.81 / 0.86
 * / 0.87).
 */
import { lexKey, readLines, readTsv } from "./data.js";

export type VerbMood = "subjunctive" | "indicative" | "ambiguous";
export type HearsayModal = "sollen" | "wollen";

export interface VerbFormEntry {
  readonly mood: VerbMood;
  /** a form of verbs-core.tsv (auxiliaries, modals): its mood is the table's, no homograph filter */
  readonly core: boolean;
  /** the capitalised form is a noun ("Hinweise"): only the lower-case form is a verb */
  readonly noun: boolean;
  readonly lemmas: readonly string[];
}

// Readings a form can have. A 3rd-person reading outweighs a 1st/2nd-person one, since news reports
// third persons: "plane" is 1sg indicative and 3sg Konjunktiv I, and counts as subjunctive.
const THIRD_IND = 1;
const THIRD_SUB = 2;
const OTHER_IND = 4;
const OTHER_SUB = 8;
const PLURAL = 16;
// moods given by verbs-core.tsv, which override the rule readings
const CORE_IND = 32;
const CORE_SUB = 64;
const CORE_AMB = 128;
const CORE_READINGS = CORE_IND | CORE_SUB | CORE_AMB;
const READING_BITS = 8;
const READINGS = (1 << READING_BITS) - 1;

// the remembered answer per word
const MOOD_BITS = 3;
const IND = 1;
const SUB = 2;
const AMB = 3;
const NOUN = 4;
const CORE = 8;

const MOODS: readonly (VerbMood | null)[] = [null, "indicative", "subjunctive", "ambiguous"];
const CORE_MOODS: Readonly<Record<string, number>> = { ind: CORE_IND, sub: CORE_SUB, amb: CORE_AMB };
/** Endings a weak finite form can have; stripping one leads to the infinitive's stem. */
const WEAK_ENDINGS = ["e", "est", "et", "en", "t", "st", "te", "test", "ten", "tet"];
const SIBILANT = /[sßxz]$/;
const VOWEL = /[aeiouäöüy]$/;
const UPPER_INITIAL = /^\p{Lu}/u;
const GERMAN_WORD = /^[a-zäöü]+$/;
/** Longer than any German finite verb form ("zusammenschlössen", "durcheinanderbrächten"). */
const MAX_LENGTH = 40;
/** Remembered words before the memory starts afresh (a long-running process sees unbounded vocabulary). */
const MEMO_LIMIT = 200_000;

interface StrongVerb {
  readonly infinitive: string;
  readonly present3sg: readonly string[];
  readonly present2sg: readonly string[];
  readonly preterite: readonly string[];
  readonly konj2: readonly string[];
}

/** How an infinitive conjugates: weak by rule, or as the table verb `base` behind `prefix`. */
interface Conjugation {
  readonly kind: "weak" | "strong" | "core";
  readonly prefix: string;
  readonly base: string;
}

interface Tables {
  /** forms of core and strong table verbs -> reading bits | first lemma << READING_BITS */
  readonly irregular: Map<string, number>;
  /** irregular forms of more than one lemma: all their lemma indexes */
  readonly irregularLemmas: Map<string, number[]>;
  /** lexKey(infinitive) -> lemma index, for every known verb */
  readonly lexicon: Map<string, number>;
  /** infinitives as written ("heißen"), by lemma index */
  readonly lemmaNames: string[];
  readonly strong: Map<string, StrongVerb | null>;
  readonly core: Map<string, { form: string; reading: number }[]>;
  readonly prefixes: Map<string, string>;
  readonly homographs: Map<string, string>;
  readonly hearsay: Map<string, HearsayModal>;
  readonly conjugations: Map<string, Conjugation>;
  readonly memo: Map<string, number>;
}

type Emit = (form: string, reading: number) => void;

const variants = (cell: string | undefined): string[] =>
  cell ? cell.split("|").flatMap((v) => (v ? [lexKey(v)] : [])) : [];

/** Stem for the endings, and whether -e- links stem and -t/-st ("arbeitet", "rechnet", not "wohnt"). */
function stemOf(infinitive: string): { stem: string; linking: string } {
  const stem = infinitive.slice(0, -2);
  const last = stem.at(-1) ?? "";
  const before = stem.at(-2) ?? "";
  if (last === "t" || last === "d") return { stem, linking: "e" };
  if ((last === "m" || last === "n") && before && !"lrmn".includes(before) && !VOWEL.test(before)) {
    // "h" after a vowel only lengthens it ("wohnt"); "ch", "ff", "g", "d" + n/m need the -e- ("rechnet")
    if (!(before === "h" && VOWEL.test(stem.at(-3) ?? ""))) return { stem, linking: "e" };
  }
  return { stem, linking: "" };
}

/** 2nd person singular present: "planst", "arbeitest", "reist". */
function secondSingular(stem: string, linking: string): string {
  if (linking) return `${stem}est`;
  return SIBILANT.test(stem) ? `${stem}t` : `${stem}st`;
}

function weakForms(infinitive: string, emit: Emit): void {
  if (infinitive.endsWith("eln") || infinitive.endsWith("ern")) {
    // "handeln", "ändern": handele/handle, ändere/ändre
    const stem = infinitive.slice(0, -1);
    emit(`${stem}e`, THIRD_SUB | OTHER_IND);
    emit(`${stem.slice(0, -2)}${stem.at(-1)}e`, THIRD_SUB | OTHER_IND);
    emit(`${stem}st`, OTHER_IND);
    emit(`${stem}t`, THIRD_IND);
    emit(infinitive, PLURAL);
    preteriteForms(`${stem}te`, emit);
    return;
  }
  if (!infinitive.endsWith("en")) return;
  const { stem, linking } = stemOf(infinitive);
  presentForms(stem, linking, emit);
  emit(secondSingular(stem, linking), OTHER_IND);
  emit(`${stem}${linking}t`, THIRD_IND);
  preteriteForms(`${stem}${linking}te`, emit);
}

/** Present forms shared by weak and strong verbs: 1sg and Konjunktiv I, plural, 2pl. */
function presentForms(stem: string, linking: string, emit: Emit): void {
  emit(`${stem}e`, THIRD_SUB | OTHER_IND);
  emit(`${stem}est`, OTHER_SUB);
  emit(`${stem}et`, OTHER_SUB);
  emit(`${stem}en`, PLURAL);
  emit(`${stem}${linking}t`, OTHER_IND);
}

function preteriteForms(form: string, emit: Emit): void {
  emit(form, THIRD_IND);
  if (form.endsWith("te")) {
    emit(`${form}st`, OTHER_IND);
    emit(`${form}n`, THIRD_IND);
    emit(`${form}t`, OTHER_IND);
    return;
  }
  const dental = form.endsWith("t") || form.endsWith("d");
  emit(`${form}st`, OTHER_IND);
  if (dental || SIBILANT.test(form)) emit(`${form}est`, OTHER_IND);
  emit(`${form}en`, THIRD_IND);
  emit(`${form}${dental ? "et" : "t"}`, OTHER_IND);
}

function strongForms(verb: StrongVerb, emit: Emit): void {
  const { stem, linking } = stemOf(verb.infinitive);
  presentForms(stem, linking, emit);
  if (verb.present3sg.length === 0) emit(`${stem}${linking}t`, THIRD_IND);
  for (const f of verb.present3sg) emit(f, THIRD_IND);
  if (verb.present2sg.length === 0) emit(secondSingular(stem, linking), OTHER_IND);
  for (const f of verb.present2sg) emit(f, OTHER_IND);
  const preterite = new Set<string>();
  for (const p of verb.preterite) {
    preteriteForms(p, (form, reading) => {
      preterite.add(form);
      emit(form, reading);
    });
  }
  // a Konjunktiv II equal to the preterite ("blieben", "hängte") reads as preterite
  const konj2: Emit = (form, reading) => {
    if (!preterite.has(form)) emit(form, reading);
  };
  for (const k of verb.konj2) {
    konj2(k, THIRD_SUB);
    konj2(`${k}n`, THIRD_SUB);
    konj2(`${k}st`, OTHER_SUB);
    konj2(`${k}t`, OTHER_SUB);
  }
}

function moodOf(readings: number): number {
  if (readings & CORE_READINGS) {
    const ind = readings & CORE_IND;
    const sub = readings & CORE_SUB;
    return readings & CORE_AMB || (ind && sub) ? AMB : ind ? IND : SUB;
  }
  if (readings & PLURAL) return AMB;
  const ind = readings & THIRD_IND;
  const sub = readings & THIRD_SUB;
  if (ind && sub) return AMB;
  if (ind) return IND;
  if (sub) return SUB;
  const otherInd = readings & OTHER_IND;
  const otherSub = readings & OTHER_SUB;
  if (otherInd && otherSub) return AMB;
  return otherInd ? IND : otherSub ? SUB : 0;
}

function load(): Tables {
  const lexicon = new Map<string, number>();
  const lemmaNames: string[] = [];
  const addLemma = (written: string): number => {
    const key = lexKey(written);
    let i = lexicon.get(key);
    if (i === undefined) {
      i = lemmaNames.length;
      lemmaNames.push(written);
      lexicon.set(key, i);
    }
    return i;
  };
  const irregular = new Map<string, number>();
  const irregularLemmas = new Map<string, number[]>();
  const addIrregular = (form: string, reading: number, lemma: number): void => {
    const code = irregular.get(form);
    if (code === undefined) {
      irregular.set(form, reading | (lemma << READING_BITS));
      return;
    }
    irregular.set(form, code | reading);
    const first = code >>> READING_BITS;
    if (first === lemma) return;
    const more = irregularLemmas.get(form);
    if (more === undefined) irregularLemmas.set(form, [first, lemma]);
    else if (!more.includes(lemma)) more.push(lemma);
  };

  const core = new Map<string, { form: string; reading: number }[]>();
  for (const r of readTsv("verbs-core.tsv")) {
    const reading = CORE_MOODS[r.mood ?? ""];
    if (reading === undefined) throw new Error(`verbs-core.tsv: bad mood "${r.mood}"`);
    const lemma = addLemma(r.lemma ?? "");
    const form = lexKey(r.form ?? "");
    addIrregular(form, reading, lemma);
    const key = lexKey(r.lemma ?? "");
    const forms = core.get(key);
    if (forms === undefined) core.set(key, [{ form, reading }]);
    else forms.push({ form, reading });
  }
  const strong = new Map<string, StrongVerb | null>();
  for (const r of readTsv("verbs-strong.tsv")) {
    const infinitive = lexKey(r.infinitive ?? "");
    const lemma = addLemma(r.infinitive ?? "");
    if (r.class === "weak") {
      strong.set(infinitive, null);
      continue;
    }
    const verb: StrongVerb = {
      infinitive,
      present3sg: variants(r.present_3sg),
      present2sg: variants(r.present_2sg),
      preterite: variants(r.preterite),
      konj2: variants(r.konj2),
    };
    strong.set(infinitive, verb);
    strongForms(verb, (form, reading) => addIrregular(form, reading, lemma));
  }
  // the written list carries the news vocabulary; the derived one adds what the licensed text shows beyond it
  for (const name of ["verbs-common.txt", "verbs-lexicon.txt"]) {
    for (const infinitive of readLines(name)) addLemma(infinitive);
  }

  const homographs = new Map<string, string>();
  for (const r of readTsv("verbs-homographs.tsv")) {
    const key = lexKey(r.form ?? "");
    // "word" (never a verb) wins over "noun" (not a verb when capitalised)
    if (homographs.get(key) !== "word") homographs.set(key, r.kind ?? "");
  }
  const hearsay = new Map<string, HearsayModal>();
  for (const r of readTsv("verbs-hearsay.tsv")) {
    const modal = r.modal;
    if (modal !== "sollen" && modal !== "wollen") throw new Error(`verbs-hearsay.tsv: bad modal "${modal}"`);
    hearsay.set(lexKey(r.form ?? ""), modal);
  }
  return {
    irregular,
    irregularLemmas,
    lexicon,
    lemmaNames,
    strong,
    core,
    prefixes: new Map(readTsv("verbs-prefixes.tsv").map((r) => [lexKey(r.prefix ?? ""), r.kind ?? ""])),
    homographs,
    hearsay,
    conjugations: new Map(),
    memo: new Map(),
  };
}

let loaded: Tables | undefined;
function tables(): Tables {
  if (loaded === undefined) loaded = load();
  return loaded;
}

/**
 * Prefix chains that keep a table verb's paradigm: one prefix, or a separable particle followed by an
 * inseparable prefix ("anerkennen"). "beantragen" (be+an) and "veranlassen" (ver+an) are weak.
 */
function isPrefixChain(t: Tables, head: string): boolean {
  if (t.prefixes.has(head)) return true;
  for (let i = 1; i < head.length; i++) {
    const a = t.prefixes.get(head.slice(0, i));
    const b = t.prefixes.get(head.slice(i));
    if (a !== undefined && b !== undefined && a !== "insep" && b !== "sep") return true;
  }
  return false;
}

/** How the infinitive conjugates: the longest table verb it ends in after a prefix chain, else weak. */
function conjugation(t: Tables, infinitive: string): Conjugation {
  let c = t.conjugations.get(infinitive);
  if (c !== undefined) return c;
  c = { kind: "weak", prefix: "", base: infinitive };
  for (let i = 0; i < infinitive.length - 2; i++) {
    const base = i === 0 ? infinitive : infinitive.slice(i);
    const isCore = t.core.has(base);
    if (!isCore && !t.strong.has(base)) continue;
    const prefix = infinitive.slice(0, i);
    if (i > 0 && !isPrefixChain(t, prefix)) continue;
    // a weak row ("bereiten") keeps "vorbereiten" weak
    if (isCore) c = { kind: "core", prefix, base };
    else if (t.strong.get(base)) c = { kind: "strong", prefix, base };
    break;
  }
  t.conjugations.set(infinitive, c);
  return c;
}

/** Readings of a word (lexKey form) by every route; lemma indexes go to `lemmas` when given. */
function analyse(t: Tables, key: string, lemmas?: Set<number>): number {
  let readings = 0;
  const own = t.irregular.get(key);
  if (own !== undefined) {
    readings |= own & READINGS;
    if (lemmas) for (const l of t.irregularLemmas.get(key) ?? [own >>> READING_BITS]) lemmas.add(l);
  }
  // a prefix chain before a table verb's form: "bekam", "ankäme", "vorhat"
  for (let i = 2; i < key.length - 1; i++) {
    const code = t.irregular.get(key.slice(i));
    if (code === undefined) continue;
    const prefix = key.slice(0, i);
    if (!isPrefixChain(t, prefix)) continue;
    const bases = t.irregularLemmas.get(key.slice(i)) ?? [code >>> READING_BITS];
    for (const l of bases) {
      const base = lexKey(t.lemmaNames[l] ?? "");
      // only compounds the lexicon knows: "teilweise" is no form of "teilweisen", "Einwände" none of
      // "einwinden"
      const compound = t.lexicon.get(prefix + base);
      if (compound === undefined) continue;
      const c = conjugation(t, prefix + base);
      if (c.kind === "weak" || c.base !== base) continue;
      readings |= code & READINGS;
      lemmas?.add(compound);
    }
  }
  // a weak verb of the lexicon whose paradigm contains the word
  const tried = new Set<string>();
  const tryInfinitive = (infinitive: string): void => {
    if (tried.has(infinitive)) return;
    tried.add(infinitive);
    const lemma = t.lexicon.get(infinitive);
    if (lemma === undefined || conjugation(t, infinitive).kind !== "weak") return;
    weakForms(infinitive, (form, reading) => {
      if (form !== key) return;
      readings |= reading;
      lemmas?.add(lemma);
    });
  };
  tryInfinitive(key);
  for (const ending of WEAK_ENDINGS) {
    if (!key.endsWith(ending) || key.length - ending.length < 2) continue;
    const stem = key.slice(0, -ending.length);
    tryInfinitive(`${stem}en`);
    tryInfinitive(`${stem}n`);
    // linking -e- ("arbeitete"), and -eln/-ern verbs without their e ("handle", "ändre")
    if (stem.endsWith("e")) tryInfinitive(`${stem.slice(0, -1)}en`);
    const last = stem.at(-1);
    if (last === "l" || last === "r") tryInfinitive(`${stem.slice(0, -1)}e${last}n`);
  }
  return readings;
}

/** The remembered answer for a word in lexKey form: mood | NOUN | CORE, 0 when no verb form. */
function answer(t: Tables, key: string, homographs = true): number {
  if (homographs) {
    const known = t.memo.get(key);
    if (known !== undefined) return known;
  }
  // numbers, hyphenated compounds, foreign letters: no German verb form, and no need to analyse them
  const readings = GERMAN_WORD.test(key) ? analyse(t, key) : 0;
  let code = moodOf(readings);
  if (code !== 0) {
    const core = readings & CORE_READINGS;
    if (core) code |= CORE;
    const kind = homographs ? t.homographs.get(key) : undefined;
    if (kind === "word" && !core) code = 0;
    else if (kind === "noun") code |= NOUN;
  }
  if (homographs) {
    if (t.memo.size >= MEMO_LIMIT) t.memo.clear();
    t.memo.set(key, code);
  }
  return code;
}

function codeOf(word: string): number {
  // the analysis slices the word at every position: hostile input must not make that quadratic
  if (word.length > MAX_LENGTH || word.length < 2) return 0;
  const code = answer(tables(), lexKey(word));
  if (code & NOUN && UPPER_INITIAL.test(word)) return 0;
  return code;
}

/**
 * Mood of a finite verb form in news German, null when the word is no known finite verb form.
 * Case matters only for noun homographs: "hinweise" is a verb, "Hinweise" is not.
 */
export function verbMood(word: string): VerbMood | null {
  return MOODS[codeOf(word) & MOOD_BITS] ?? null;
}

/** Is the word a Konjunktiv I or II form ("prüfe", "gebe", "hätten", "würde")? "ambiguous" is not. */
export function isSubjunctiveForm(word: string): boolean {
  return (codeOf(word) & MOOD_BITS) === SUB;
}

/**
 * "sollen"/"wollen" when the word is a form that marks hearsay or a disputed claim with a following
 * (perfect) infinitive: "soll", "sollen", "will", "wollen" (verbs-hearsay.tsv says why not "solle",
 * "sollte"). The caller checks the infinitive: "Nordkorea soll Munition verkauft haben".
 */
export function hearsayModal(word: string): HearsayModal | null {
  return tables().hearsay.get(lexKey(word)) ?? null;
}

/** Infinitives the word is a finite form of ("stelle" -> stellen, "feststellte" -> feststellen). */
export function verbLemmas(word: string): readonly string[] {
  if (codeOf(word) === 0) return [];
  const t = tables();
  const lemmas = new Set<number>();
  analyse(t, lexKey(word), lemmas);
  return [...lemmas].map((i) => t.lemmaNames[i] ?? "");
}

/**
 * The separable verb of a finite form and the particle found later in the clause, when the lexicon
 * knows it: ("stelle", "fest") -> "feststellen", ("kündigte", "an") -> "ankündigen"; else null.
 */
export function separableVerb(finite: string, particle: string): string | null {
  const t = tables();
  const p = lexKey(particle);
  if (t.prefixes.get(p) === "insep") return null;
  for (const lemma of verbLemmas(finite)) {
    const i = t.lexicon.get(p + lexKey(lemma));
    if (i !== undefined) return t.lemmaNames[i] ?? null;
  }
  return null;
}

/**
 * Every form the rules generate for the known verbs, with its reading (for tooling and tests; slow).
 * `homographs: false` ignores verbs-homographs.tsv, as scripts/derive-verbs.mjs needs to find them.
 */
export function verbFormTable(options = { homographs: true }): ReadonlyMap<string, VerbFormEntry> {
  const t = tables();
  const forms = new Set<string>(t.irregular.keys());
  for (const infinitive of t.lexicon.keys()) {
    const c = conjugation(t, infinitive);
    const collect: Emit = (form) => forms.add(c.prefix + form);
    if (c.kind === "weak") weakForms(infinitive, collect);
    else if (c.kind === "core") for (const f of t.core.get(c.base) ?? []) collect(f.form, 0);
    else {
      const verb = t.strong.get(c.base);
      if (verb) strongForms(verb, collect);
    }
  }
  const out = new Map<string, VerbFormEntry>();
  for (const key of forms) {
    const code = answer(t, key, options.homographs);
    if (code === 0) continue;
    const lemmas = new Set<number>();
    analyse(t, key, lemmas);
    out.set(key, {
      mood: MOODS[code & MOOD_BITS] ?? "ambiguous",
      core: (code & CORE) !== 0,
      noun: (code & NOUN) !== 0,
      lemmas: [...lemmas].map((i) => t.lemmaNames[i] ?? ""),
    });
  }
  return out;
}

/** Load the tables now (e.g. before timing a benchmark) instead of on first use. */
export function preloadVerbs(): void {
  tables();
}
