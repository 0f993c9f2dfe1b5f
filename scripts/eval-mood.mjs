#!/usr/bin/env node
/**
 * Scores verbMood (src/lang/de/verbs.ts) against Universal Dependencies German treebanks: for every finite
 * VERB/AUX token, "subjunctive" against the gold feature Mood=Sub. "ambiguous" answers count as not
 * subjunctive and are reported apart, as are words the tables do not know (null).
 * Finite: VerbForm=Fin; PUD has no VerbForm on finite verbs, so there a Mood feature marks them.
 * The "3rd person" lines keep only tokens with gold Person=3, the case news attribution is about
 * (the tables read "plane" as 3sg Konjunktiv I, though it is also 1sg indicative). The "non-verbs" line
 * counts tokens of any other part of speech (nouns, adjectives, determiners) read as subjunctive.
 *
 *   npm run build && node scripts/eval-mood.mjs [--errors] [UD_DIR]
 *
 * UD_DIR defaults to ../shared/data/ud beside the repository. GSD dev is the development set; GSD test
 * and PUD test are held out.
 */
import { existsSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
const showErrors = args.includes("--errors");
const udDir =
  args.find((a) => !a.startsWith("--")) ?? new URL("../../shared/data/ud/", import.meta.url).pathname;
const SETS = [
  ["GSD dev", "UD_German-GSD/de_gsd-ud-dev.conllu"],
  ["GSD test", "UD_German-GSD/de_gsd-ud-test.conllu"],
  ["PUD test", "UD_German-PUD/de_pud-ud-test.conllu"],
];

const { verbMood, preloadVerbs } = await import("../dist/lang/de/verbs.js");
const started = performance.now();
preloadVerbs();
const loadMs = performance.now() - started;

function* words(file) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const cols = line.split("\t");
    if (cols.length !== 10 || !/^\d+$/.test(cols[0])) continue;
    yield cols;
  }
}

/** Words that are no verb at all (nouns, adjectives, determiners ...) but read as subjunctive. */
function falseFriends(file) {
  let n = 0;
  const hits = new Map();
  for (const [, form, , upos] of words(file)) {
    if (upos === "VERB" || upos === "AUX" || upos === "PUNCT" || upos === "NUM") continue;
    n++;
    if (verbMood(form) === "subjunctive") hits.set(form, (hits.get(form) ?? 0) + 1);
  }
  return { n, hits };
}

function* finiteVerbs(file) {
  for (const [, form, , upos, , feats] of words(file)) {
    if (upos !== "VERB" && upos !== "AUX") continue;
    const finite =
      feats.includes("VerbForm=Fin") || (!feats.includes("VerbForm=") && feats.includes("Mood="));
    if (!finite) continue;
    yield { form, sub: feats.includes("Mood=Sub"), third: feats.includes("Person=3") };
  }
}

// the list laut used before verbs.ts, as a baseline
const markers = new Set(
  readFileSync(new URL("../src/lang/de/subjunctive-markers.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.trim().toLowerCase()),
);
const markerMood = (form) => (markers.has(form.toLowerCase()) ? "subjunctive" : "indicative");

function score(tokens, mood = verbMood) {
  const s = { n: 0, tp: 0, fp: 0, fn: 0, ambiguous: 0, ambiguousSub: 0, unknown: 0, unknownSub: 0 };
  const errors = { fp: new Map(), fn: new Map() };
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const t of tokens) {
    s.n++;
    const predicted = mood(t.form);
    if (predicted === "ambiguous") {
      s.ambiguous++;
      if (t.sub) s.ambiguousSub++;
    }
    if (predicted === null) {
      s.unknown++;
      if (t.sub) s.unknownSub++;
    }
    const subjunctive = predicted === "subjunctive";
    if (subjunctive && t.sub) s.tp++;
    else if (subjunctive) {
      s.fp++;
      bump(errors.fp, t.form);
    } else if (t.sub) {
      s.fn++;
      bump(errors.fn, `${t.form}:${predicted}`);
    }
  }
  return { s, errors };
}

const f = (x) => x.toFixed(2);
function line(name, s) {
  const p = s.tp / (s.tp + s.fp || 1);
  const r = s.tp / (s.tp + s.fn || 1);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return (
    `${name.padEnd(26)} P ${f(p)} R ${f(r)} F1 ${f(f1)}  (gold Sub ${s.tp + s.fn}, tp ${s.tp} fp ${s.fp} fn ${s.fn}; ` +
    `finite ${s.n}, ambiguous ${s.ambiguous} of them gold Sub ${s.ambiguousSub}, unknown ${s.unknown} of them gold Sub ${s.unknownSub})`
  );
}

const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");

console.log(`verb tables loaded in ${loadMs.toFixed(1)} ms`);
for (const [name, path] of SETS) {
  const file = `${udDir}/${path}`;
  if (!existsSync(file)) {
    console.log(`${name}: ${file} not found, skipped`);
    continue;
  }
  const tokens = [...finiteVerbs(file)];
  const all = score(tokens);
  console.log(line(name, all.s));
  console.log(line(`${name}, 3rd`, score(tokens.filter((t) => t.third)).s));
  console.log(line(`${name}, old list`, score(tokens, markerMood).s));
  console.log(
    line(
      `${name}, old list, 3rd`,
      score(
        tokens.filter((t) => t.third),
        markerMood,
      ).s,
    ),
  );
  const friends = falseFriends(file);
  const count = [...friends.hits.values()].reduce((a, b) => a + b, 0);
  console.log(`${`${name}, non-verbs`.padEnd(26)} ${count} of ${friends.n} tokens read as subjunctive`);
  if (showErrors && name === "GSD dev") {
    console.log(`  non-verbs read as subjunctive: ${top(friends.hits)}`);
    console.log(`  false subjunctive: ${top(all.errors.fp)}`);
    console.log(`  missed subjunctive: ${top(all.errors.fn)}`);
  }
}
