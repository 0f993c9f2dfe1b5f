#!/usr/bin/env node
/**
 * Trains the speech-event cue and role taggers (src/speech/events/) on GePaDe train and writes
 * models/cue-tagger.bin and its model card models/cue-tagger.md.
 *
 *   npm run build && npm run train:cues [-- --folds 5 --epochs 8 --dev DIR]
 *
 * --folds N   N-fold cross-validation on train first (speeches dealt round-robin by sorted name);
 *             0 skips it. The final model is trained on all of train.
 * --dev DIR   after writing the model, score it once through the whole pipeline (laut eval gepade)
 *             on DIR and record the numbers in the card. Tune with --folds, never with --dev.
 * Deterministic: the same data and options give the same bytes.
 * GePaDe is read by path: LAUT_SHARED (default: the "shared" folder beside the repository).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readGepadeDir, scoreGepade } from "../dist/eval/gepade.js";
import { buildWordEntries } from "../dist/speech/events/lexicon.js";
import { encodeCueModel } from "../dist/speech/events/model.js";
import {
  DEFAULT_TRAIN_OPTIONS,
  predictSpeech,
  speechFromGepade,
  trainCueModel,
} from "../dist/speech/events/train.js";

const root = new URL("../", import.meta.url);
const shared = process.env.LAUT_SHARED ?? fileURLToPath(new URL("../shared/", root));
const { values } = parseArgs({
  options: {
    train: { type: "string", default: `${shared}/data/quotes/gepade/train` },
    out: { type: "string", default: fileURLToPath(new URL("models/cue-tagger.bin", root)) },
    card: { type: "string", default: fileURLToPath(new URL("models/cue-tagger.md", root)) },
    folds: { type: "string", default: "5" },
    epochs: { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.epochs) },
    "cue-bits": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.cueBits) },
    "role-bits": { type: "string", default: String(DEFAULT_TRAIN_OPTIONS.roleBits) },
    dev: { type: "string" },
  },
});
const options = {
  ...DEFAULT_TRAIN_OPTIONS,
  epochs: Number(values.epochs),
  cueBits: Number(values["cue-bits"]),
  roleBits: Number(values["role-bits"]),
};
const FOLDS = Number(values.folds);

const t0 = Date.now();
const docs = readGepadeDir(values.train);
const speeches = docs.map(speechFromGepade);
const lexicon = buildWordEntries();
console.error(`${speeches.length} speeches from ${values.train}; ${lexicon.size} lexicon words`);

const pct = (x) => Math.round(x * 1000) / 10;
const summary = (scores) => ({
  cue: pct(scores.cue.f1),
  cueP: pct(scores.cue.p),
  cueR: pct(scores.cue.r),
  roles: pct(scores.roles.f1),
  byRole: Object.fromEntries(Object.entries(scores.byRole).map(([r, s]) => [r, pct(s.f1)])),
});

let cv = null;
if (FOLDS > 1) {
  const inputs = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = speeches.filter((_, i) => i % FOLDS !== fold);
    const test = speeches.filter((_, i) => i % FOLDS === fold);
    const model = trainCueModel(train, lexicon, options);
    for (const speech of test) {
      const doc = docs[speeches.indexOf(speech)];
      inputs.push({ name: speech.name, gold: doc.gold, predicted: predictSpeech(model, speech) });
    }
    console.error(`fold ${fold + 1}/${FOLDS} done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  cv = summary(scoreGepade(inputs).scores);
  console.error(`CV ${FOLDS}-fold on train (GePaDe tokens and sentences): ${JSON.stringify(cv)}`);
}

const info = {
  data: "GePaDe train (GermEval 2023 SpkAtt task 1), CC BY-SA 4.0 / CC0",
  speeches: speeches.length,
  options,
  ...(cv ? { cv } : {}),
};
const model = trainCueModel(speeches, lexicon, options, info);
const bytes = encodeCueModel(model);
writeFileSync(values.out, bytes);
console.error(
  `wrote ${values.out} (${(bytes.length / 1e6).toFixed(1)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
);

let dev = null;
if (values.dev) {
  // the pipeline loads the model file just written, on first use
  const { evaluateGepade } = await import("../dist/eval/run.js");
  dev = summary(evaluateGepade(values.dev).scores);
  console.error(`dev through the pipeline (laut tokens and sentences): ${JSON.stringify(dev)}`);
}

const roleTable = (s) =>
  Object.entries(s.byRole)
    .map(([r, f]) => `${r} ${f}`)
    .join(", ");
const scoreLine = (what, s) =>
  s
    ? `- ${what}: cue F1 ${s.cue} (P ${s.cueP}, R ${s.cueR}), roles F1 ${s.roles}; per role F1: ${roleTable(s)}`
    : `- ${what}: not run in this training`;
writeFileSync(
  values.card,
  `# cue-tagger: speech-event cues and roles (models/cue-tagger.bin)

Written by \`scripts/train-cues.mjs\`; do not edit by hand.

## What it does

Two averaged perceptrons over hashed features (src/speech/events/): a cue tagger labels each word
O / B (first token of a speech-event cue) / I (a later cue token, "hält … Rede"), and a role tagger
labels, per cue, the tokens of its sentence Source, Message, Addr, Topic, Evidence, Medium or PTC
(verb particle or reflexive, "fordern … auf"), left to right. The stage \`speechEvents\` runs them.

## Data and licence

Trained on GePaDe train (${speeches.length} Bundestag speeches; GermEval 2023 SpkAtt task 1,
github.com/umanlp/spkatt). Licence of the data: CC BY-SA 4.0 per the SpkAtt-2023 datasheet,
later re-released as CC0. The weights in cue-tagger.bin derive from that data. The cue-lemma
feature list src/lang/de/cue-lemmas.tsv is the CC0 lemma list of the same training split.

## Features

Cue tagger: lower-cased word, word with shape, neighbours (±2), word bigrams, 3-letter suffix,
word classes (laut's reporting-verb lexicon, verb forms of GePaDe cue lemmas, GePaDe cue nouns
with plural guesses, clause words dass/ob/wie…, pronoun person; built at training time and
stored in the model file), capitalisation, sentence position, the person of a pronoun within
three words on either side (polite "Sie" apart), a comma/dass/ob/colon in the next six words,
distance to the sentence end. Role tagger: signed distance bucket to the cue, side, clause breaks
between token and cue, the word opening the token's clause, the cue word, the cue's word class,
the token's word, neighbours, suffix, pronoun person, shape, the previous label.
Hashing: ${options.cueBits} bits (cue), ${options.roleBits} bits (roles); ${options.epochs} epochs.

## Scores (GePaDe scorer, src/eval/gepade.ts: a cue counts only with exactly the gold tokens)

${scoreLine(`${FOLDS}-fold cross-validation on train (GePaDe's own tokens and sentences)`, cv)}
${scoreLine("dev, through the whole pipeline (laut's tokens and sentences; `laut eval gepade`)", dev)}

The cue-lemma list covers every cue lemma of train, so the cross-validation is optimistic for
unseen cue words (the "seen cue" gate is rebuilt per fold). Features and sizes were chosen on
train folds and for speed; dev is for the final number only.

Published best on the GePaDe test split (fine-tuned German BERT): cue F1 89.3, roles F1 82.1.

## Retraining

\`npm run build && npm run train:cues -- --dev ../shared/data/quotes/gepade/dev\`
(data read from LAUT_SHARED or ../shared; any change to src/speech/events/features.ts needs a
retrain and a bump of FEATURE_VERSION in model.ts).
`,
);
console.error(`wrote ${values.card}`);
