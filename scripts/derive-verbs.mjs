#!/usr/bin/env node
/**
 * Derives the verb word lists of src/lang/de/ from raw German text (one JSON object per line with a
 * "text" field, gzip-compressed). Only the derived lists go into the repository, never text. Use openly
 * licensed text only: the shipped lists come from WikiNews originalText (CC BY 2.5), GePaDe speeches
 * (CC BY-SA 4.0), LER sentences (CC BY 4.0) and UD German GSD dev (CC BY-SA 4.0), all in ../shared/data;
 * scripts/verb-corpus.py builds that JSONL. The news corpus in ../shared/data/corpus is for benchmarks
 * and robustness runs only and must not be used here.
 *
 *   node scripts/derive-verbs.mjs stats CORPUS.jsonl.gz STATS.json   one pass over the corpus (~30 s)
 *   node scripts/derive-verbs.mjs lexicon STATS.json                 writes src/lang/de/verbs-lexicon.txt
 *   npm run build && node scripts/derive-verbs.mjs homographs STATS.json
 *                                                                    writes src/lang/de/verbs-homographs.tsv
 *
 * lexicon: a lower-case word in -en/-eln/-ern is an infinitive candidate where it closes a clause after
 * "zu" ("um das zu verhindern.") or after a modal or "werden" in the same clause ("wird es geben."), or where
 * "zu" sits inside it after a separable particle ("festzustellen"). A weak candidate is kept only when its
 * finite forms occur too, often enough for its frequency and not after a determiner (3rd singular
 * "plant", preterite "plante", not "der siebte"): that drops participles ("geschrieben"), adjectives and
 * numbers ("sieben"). A candidate ending in a strong verb of verbs-strong.tsv after a prefix is kept on its
 * infinitive evidence alone. Candidates seen only after modals need more support and no ge- participle
 * shape. The simple verbs of separable ones ("stellen" of "feststellen") are added when they occur as
 * infinitives themselves. verbs.ts reads this list together with the hand-written verbs-common.txt.
 *
 * homographs: forms the tables (both verb lists) would read as subjunctive or ambiguous but that news
 * mostly uses as another word. "word": the lower-case form usually follows a determiner or preposition
 * ("die sichere Seite"), or usually precedes a capitalised noun ("meine Familie"), instead of following a
 * subject. "noun": the capitalised form stands mid-sentence, so it is a noun there ("Hinweise", "Würde"),
 * and a capitalised token of it is not taken as a sentence-initial verb. Lines after "# Added by hand" are
 * kept.
 */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

const DATA = new URL("../src/lang/de/", import.meta.url);
const [command, input, output] = process.argv.slice(2);

const MODALS = new Set(
  (
    "kann können konnte konnten könne könnte könnten muss müssen musste mussten müsse müsste müssten soll " +
    "sollen sollte sollten solle will wollen wollte wollten wolle darf dürfen durfte durften dürfe dürfte " +
    "dürften wird werden würde würden werde möchte möchten mag lässt lassen ließ"
  ).split(" "),
);
const DETERMINERS = new Set(
  (
    "der die den dem des ein eine einer einem einen eines kein keine keiner keinem keinen keines mein " +
    "meine meiner meinem meinen dein deine seine seiner seinem seinen seines ihre ihrer ihrem ihren ihres " +
    "unser unsere unserer unserem unseren eure dieser diese dieses diesem diesen jene jede jeder jedes jedem " +
    "jeden alle aller allen welche welcher solche solcher viele vielen wenige einige mehrere beide beiden " +
    "in im mit von vom für auf am bei beim nach aus zum zur über unter vor zwischen gegen ohne durch sehr " +
    "besonders ziemlich äußerst relativ immer noch"
  ).split(" "),
);
// "das" is left out of both: article ("das sichere") and subject ("das sei falsch") alike
const SUBJECTS = new Set("er sie es man wer niemand jemand dies".split(" "));
const CLAUSE_END = new Set([".", "!", "?", ":", ";", ","]);
const SENTENCE_END = new Set([".", "!", "?", ":"]);
const TOKEN = /\p{L}+|[.!?:;,]/gu;
const INFINITIVE = /^[a-zäöüß]{3,}(?:en|eln|ern)$/;
const MODAL_WINDOW = 10;
/** Infinitive evidence a lexicon candidate needs: any kind, and when it closes clauses after modals only. */
const MIN_SUPPORT = 2;
const MIN_MODAL_ONLY = 3;

function tsvRows(name) {
  const lines = readFileSync(new URL(name, DATA), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
  const header = lines.shift().split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((c, i) => [header[i], c.trim()])));
}

const isUpper = (w) => w[0] !== w[0].toLowerCase();

async function stats() {
  const infinitives = new Map(); // candidate -> [after zu, after modal, zu inside]
  const lower = new Map(); // lower-case word -> [total, after determiner, after subject, before capitalised]
  const capitalMid = new Map(); // capitalised word (lower-cased) -> count not at a sentence start
  const bump = (map, key, slot, size) => {
    let row = map.get(key);
    if (!row) {
      row = new Array(size).fill(0);
      map.set(key, row);
    }
    row[slot]++;
  };
  const particles = tsvRows("verbs-prefixes.tsv")
    .filter((r) => r.kind !== "insep")
    .map((r) => r.prefix)
    .sort((a, b) => b.length - a.length);
  const lines = createInterface({ input: createReadStream(input).pipe(createGunzip()), crlfDelay: Infinity });
  let docs = 0;
  for await (const line of lines) {
    if (!line) continue;
    const text = JSON.parse(line).text ?? "";
    docs++;
    const tokens = text.match(TOKEN) ?? [];
    let modalAt = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const prev = i > 0 ? tokens[i - 1] : ".";
      if (CLAUSE_END.has(t)) {
        const last = tokens[i - 1];
        if (last && INFINITIVE.test(last)) {
          if (tokens[i - 2] === "zu") bump(infinitives, last, 0, 3);
          else if (modalAt >= 0 && i - modalAt <= MODAL_WINDOW && !MODALS.has(last))
            bump(infinitives, last, 1, 3);
        }
        modalAt = -1;
        continue;
      }
      if (isUpper(t)) {
        if (!CLAUSE_END.has(prev) || prev === "," || prev === ";") {
          if (!SENTENCE_END.has(prev))
            capitalMid.set(t.toLowerCase(), (capitalMid.get(t.toLowerCase()) ?? 0) + 1);
        }
        if (lower.has(prev)) lower.get(prev)[3]++;
        continue;
      }
      if (MODALS.has(t)) modalAt = i;
      bump(lower, t, 0, 4);
      const row = lower.get(t);
      if (DETERMINERS.has(prev)) row[1]++;
      else if (SUBJECTS.has(prev) || (isUpper(prev) && i > 1 && !SENTENCE_END.has(tokens[i - 2]))) row[2]++;
      // "zu" after a particle ("festzustellen", "zuzugeben"), never at the start only ("zugeben")
      if (t.indexOf("zu", 2) >= 2 && INFINITIVE.test(t)) {
        for (const p of particles) {
          if (t.startsWith(`${p}zu`) && t.length - p.length - 2 >= 4) {
            bump(infinitives, p + t.slice(p.length + 2), 2, 3);
            break;
          }
        }
      }
    }
    if (docs % 5000 === 0) console.error(`${docs} documents`);
  }
  const keep = (map, min, total) => Object.fromEntries([...map].filter(([, v]) => total(v) >= min));
  writeFileSync(
    output,
    JSON.stringify({
      docs,
      infinitives: keep(infinitives, 2, (v) => v[0] + v[1] + v[2]),
      lower: keep(lower, 2, (v) => v[0]),
      capitalMid: keep(capitalMid, 2, (v) => v),
    }),
  );
  console.error(`${docs} documents, ${infinitives.size} candidates, ${lower.size} lower-case words`);
}

// ------------------------------------------------------------------ lexicon

const VOWEL = /[aeiouäöüy]$/;

/** Stem for the endings, and whether -e- goes between stem and -t/-st ("arbeitet", "rechnet"). */
function weakStem(infinitive) {
  const stem = infinitive.endsWith("en") ? infinitive.slice(0, -2) : infinitive.slice(0, -1);
  if (!infinitive.endsWith("en")) return { stem, linking: "" };
  const last = stem.at(-1);
  const before = stem.at(-2) ?? "";
  let linking = "";
  if (last === "t" || last === "d") linking = "e";
  else if ((last === "m" || last === "n") && before && !"lrmn".includes(before) && !VOWEL.test(before)) {
    // "wohnt" (long vowel h) against "rechnet", "öffnet", "atmet"
    if (!(before === "h" && VOWEL.test(stem.at(-3) ?? ""))) linking = "e";
  }
  return { stem, linking };
}

function prefixSplitter() {
  const kinds = new Map(tsvRows("verbs-prefixes.tsv").map((r) => [r.prefix, r.kind]));
  const strong = new Map(tsvRows("verbs-strong.tsv").map((r) => [r.infinitive, r.class]));
  /** Is `head` one prefix, or a separable particle followed by an inseparable prefix? */
  const prefixChain = (head) => {
    if (kinds.has(head)) return true;
    for (let i = 1; i < head.length; i++) {
      const a = kinds.get(head.slice(0, i));
      const b = kinds.get(head.slice(i));
      if (a && b && a !== "insep" && b !== "sep" && head.slice(i) !== "ge") return true;
    }
    return false;
  };
  /** The strong verb the infinitive is built on, or null (weak). */
  return (infinitive) => {
    for (let i = 0; i < infinitive.length - 2; i++) {
      const tail = infinitive.slice(i);
      const cls = strong.get(tail);
      if (cls === undefined) continue;
      if (i > 0 && !prefixChain(infinitive.slice(0, i))) continue;
      return cls === "strong" ? tail : null;
    }
    return null;
  };
}

function lexicon() {
  const separable = tsvRows("verbs-prefixes.tsv")
    .filter((r) => r.kind === "sep")
    .map((r) => r.prefix);
  // "geschaffen", "abgeraten" close clauses after "wird" as participles
  const PARTICIPLE = new RegExp(`^(?:${separable.join("|")})?ge`);
  const data = JSON.parse(readFileSync(input, "utf8"));
  const count = (w) => data.lower[w]?.[0] ?? 0;
  const strongBase = prefixSplitter();
  // plural preterite and Konjunktiv II of strong verbs look like infinitives ("blieben", "kämen")
  const strongPlurals = new Set();
  for (const r of tsvRows("verbs-strong.tsv")) {
    for (const form of [...(r.preterite ?? "").split("|"), ...(r.konj2 ?? "").split("|")]) {
      if (form) strongPlurals.add(form.endsWith("e") ? `${form}n` : `${form}en`);
    }
  }
  const isStrongFinite = (w) => {
    for (let i = 0; i < w.length - 3; i++) if (strongPlurals.has(w.slice(i))) return true;
    return false;
  };
  // finite forms of the auxiliaries and modals ("seien", "wollen") are no infinitives of their own
  const coreForms = new Set(tsvRows("verbs-core.tsv").map((r) => r.form));
  const particles = tsvRows("verbs-prefixes.tsv")
    .filter((r) => r.kind === "sep")
    .map((r) => r.prefix)
    .sort((x, y) => y.length - x.length);
  const particleOf = (w) => particles.find((p) => w.startsWith(p) && w.length - p.length >= 5) ?? null;
  /** Do the corpus counts show the word as a verb (beyond its infinitive evidence)? */
  const looksVerbal = (candidate) => {
    if (coreForms.has(candidate)) return false;
    const row = data.lower[candidate];
    const attributive = row !== undefined && row[1] > 0.3 * row[0];
    if (strongBase(candidate)) return !attributive;
    const { stem, linking } = weakStem(candidate);
    // uses after a determiner are adjectives ("der siebte Tag"), no evidence
    const verbal = (w) => count(w) - (data.lower[w]?.[1] ?? 0);
    const evidence =
      verbal(`${stem}${linking}t`) + verbal(`${stem}${linking}te`) + verbal(`${stem}${linking}ten`);
    // an adjective in -en mostly follows a determiner ("den langen Weg"), unless the finite forms show a
    // verb as well ("meinen": "meint", "meinte")
    if (attributive && evidence < 0.3 * count(candidate)) return false;
    // "blieben", "kämen" are strong forms, while "führen" is also a weak verb, with many "führt";
    // a simple weak verb shows its finite forms often: "einen" and "sieben" are mostly other words
    const ratio = isStrongFinite(candidate) ? 0.05 : particleOf(candidate) ? 0 : 0.02;
    return evidence >= Math.max(3, ratio * count(candidate));
  };
  const kept = [];
  for (const [candidate, [zu, modal, infix]] of Object.entries(data.infinitives)) {
    const support = zu + modal + infix;
    // modal contexts alone also catch participles and adjectives closing a clause ("wird ... gehalten."):
    // they need more support. Tuned on ~5 million characters of licensed text, where every word these
    // minimums add was a verb; more text can afford higher ones.
    if (support < MIN_SUPPORT) continue;
    if (zu + infix === 0 && (modal < MIN_MODAL_ONLY || PARTICIPLE.test(candidate))) continue;
    if (looksVerbal(candidate)) kept.push([candidate, support]);
  }
  // the simple verbs of separable ones ("stellen" of "feststellen") are verbs too, for "stellte ... fest"
  const known = new Set(kept.map(([w]) => w));
  for (const [candidate, support] of [...kept]) {
    const particle = particleOf(candidate);
    if (!particle) continue;
    const base = candidate.slice(particle.length);
    if (known.has(base) || !INFINITIVE.test(base)) continue;
    // bound bases ("ahmen" of "nachahmen", "engen" of "einengen") never stand as an infinitive
    const [zu = 0, modal = 0] = data.infinitives[base] ?? [];
    if (zu + modal < 2 || !looksVerbal(base)) continue;
    known.add(base);
    kept.push([base, support]);
  }
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const header = [
    "# German verb infinitives derived by scripts/derive-verbs.mjs from openly licensed text (WikiNews CC BY 2.5,",
    "# GePaDe CC BY-SA 4.0, LER CC BY 4.0, UD GSD dev CC BY-SA 4.0; word forms only, no text): words closing a",
    "# clause after 'zu' or a modal, or with 'zu' after a separable particle, whose finite forms occur too.",
    "# Sorted by that evidence, most frequent first. verbs.ts reads them together with verbs-common.txt and",
    "# derives their finite forms; strong verbs take their paradigm from verbs-strong.tsv.",
  ];
  const file = new URL("verbs-lexicon.txt", DATA);
  writeFileSync(file, `${[...header, ...kept.map(([w]) => w)].join("\n")}\n`);
  console.error(`${kept.length} infinitives`);
}

// ------------------------------------------------------------------ homographs

const HAND_MARK = "# Added by hand";

async function homographs() {
  const data = JSON.parse(readFileSync(input, "utf8"));
  const { verbFormTable } = await import("../dist/lang/de/verbs.js");
  const word = [];
  const noun = [];
  for (const [form, { mood, core }] of verbFormTable({ homographs: false })) {
    const row = data.lower[form];
    // indicative forms that double as adjectives ("erwartete") do no harm: only a false subjunctive or
    // plural does
    if (row && !core && mood !== "indicative") {
      const [total, afterDeterminer, afterSubject, beforeCapital] = row;
      // attributive use ("die sichere", "meine Familie") outweighs use after a subject ("die Stadt prüfe")
      const attributive =
        (afterDeterminer > afterSubject && afterDeterminer >= 0.2 * total) || beforeCapital >= 0.5 * total;
      if (total >= 5 && attributive) word.push(form);
    }
    const capital = data.capitalMid[form] ?? 0;
    const lower = row?.[0] ?? 0;
    // "Würde" is a noun often enough, although "würde" is far more frequent; a form never seen in lower
    // case but twice capitalised mid-sentence is a noun ("Besuche", "Anreise"). The counts suit ~5 million
    // characters of text: the ratios hold for more text, the absolute minimums can grow with it.
    if (
      (capital >= 3 && (capital >= 0.05 * lower || (capital >= 5 && capital >= 0.02 * lower))) ||
      (capital >= 2 && lower === 0)
    )
      noun.push(form);
  }
  const file = new URL("verbs-homographs.tsv", DATA);
  const old = readFileSync(file, "utf8");
  const hand = old.includes(HAND_MARK) ? old.slice(old.indexOf(HAND_MARK)) : `${HAND_MARK}\n`;
  const lines = [
    "# Verb forms that German text mostly uses as other words. Found by scripts/derive-verbs.mjs in openly",
    "# licensed text (WikiNews CC BY 2.5, GePaDe CC BY-SA 4.0, LER CC BY 4.0, UD GSD dev CC BY-SA 4.0; word",
    "# forms and counts only), plus the lines added by hand at the end.",
    "# kind word: the lower-case form mostly follows a determiner or preposition, not a subject, or mostly",
    "# precedes a capitalised noun: it is an adjective or determiner ('meine', 'sichere'), never read as a verb.",
    "# kind noun: the capitalised form stands mid-sentence, so it is a noun ('Hinweise', 'Würde', 'Stand'):",
    "# only the lower-case form is read as a verb.",
    "form\tkind",
    ...word.sort().map((f) => `${f}\tword`),
    // a word homograph is never a verb, so it needs no noun line
    ...noun
      .filter((f) => !word.includes(f))
      .sort()
      .map((f) => `${f}\tnoun`),
  ];
  writeFileSync(file, `${lines.join("\n")}\n${hand}`);
  console.error(`${word.length} word, ${noun.length} noun homographs`);
}

if (command === "stats") await stats();
else if (command === "lexicon") lexicon();
else if (command === "homographs") await homographs();
else {
  console.error("usage: derive-verbs.mjs stats CORPUS STATS | lexicon STATS | homographs STATS");
  process.exit(2);
}
