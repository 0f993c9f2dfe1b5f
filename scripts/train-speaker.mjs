#!/usr/bin/env node
/**
 * Trains the speaker ranker that `subjectOf` (src/speech/speakers.ts) uses, from WikiNews train.
 *
 *   npm run build && npm run train:speaker [-- --gold DIR --out FILE --rounds N]
 *
 * For every predicted quote with a cue that pairs with a gold quote (by message overlap), the
 * candidates `subjectOf` scored for that cue are one ranking group; a candidate is positive when
 * its span overlaps the gold speaker. The model is a conditional logit over the group plus a
 * "nobody" alternative with score 0, so argmax picks the speaker and "score > 0" is the gate.
 * Plain full-batch gradient descent with L2 from zero weights: deterministic, no randomness.
 * Because the chosen speaker shifts which quotes and cues the pipeline finds, training runs in
 * rounds: each round re-collects candidates under the previous round's weights.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../dist/analyze.js";
import { pairQuotes } from "../dist/eval/quotes.js";
import { charQuotesFromAnalysis, readWikinewsDir, toTokenQuote } from "../dist/eval/wikinews.js";
import {
  SPEAKER_FEATURE_COUNT,
  SPEAKER_FEATURES,
  SPEAKER_MODEL,
  setSpeakerTrace,
  speakerModelFrom,
} from "../dist/speech/speaker-features.js";

const root = new URL("../", import.meta.url);
const { values } = parseArgs({
  options: {
    gold: { type: "string", default: fileURLToPath(new URL("../shared/data/quotes/wikinews/train", root)) },
    out: { type: "string", default: fileURLToPath(new URL("models/speaker-ranker.json", root)) },
    rounds: { type: "string", default: "2" },
    iterations: { type: "string", default: "3000" },
    l2: { type: "string", default: "0.001" },
    rate: { type: "string", default: "0.5" },
    // comma-separated feature names to leave out (held at weight 0), for ablations
    drop: { type: "string", default: "" },
  },
});
const ROUNDS = Number(values.rounds);
const ITERATIONS = Number(values.iterations);
const L2 = Number(values.l2);
const RATE = Number(values.rate);
const D = SPEAKER_FEATURE_COUNT;
const DROPPED = new Set(values.drop.split(",").filter(Boolean));
for (const name of DROPPED)
  if (!SPEAKER_FEATURES.includes(name)) throw new Error(`--drop: unknown feature "${name}"`);
const KEEP = Float64Array.from(SPEAKER_FEATURES, (name) => (DROPPED.has(name) ? 0 : 1));

const docs = readWikinewsDir(values.gold);
console.error(`${docs.length} documents from ${values.gold}`);

/** One ranking group: candidate feature rows and which of them overlap the gold speaker. */
function collect() {
  const groups = [];
  for (const doc of docs) {
    const traced = [];
    setSpeakerTrace((w, verb, p, active, count) => {
      let end = p.end - 1;
      while (end > p.first && w.isPunct(end, ",")) end--;
      const x = new Float64Array(D);
      for (let i = 0; i < count; i++) x[active[i]] = 1;
      traced.push({ verb: w.start(verb), start: w.start(p.first), end: w.end(end), x });
    });
    const analysis = analyze(doc.text, { name: doc.name });
    setSpeakerTrace(null);
    const predicted = charQuotesFromAnalysis(analysis);
    const pairs = pairQuotes(
      doc.quotes,
      predicted.map((q) => toTokenQuote(q, doc.cover)),
    );
    const seenVerbs = new Set();
    for (const { gold, predicted: pi } of pairs) {
      const cue = predicted[pi].cue;
      if (cue.length === 0) continue;
      const speaker = new Set(doc.quotes[gold].speaker);
      const inCue = traced.filter((c) => cue.some((part) => part.start <= c.verb && c.verb < part.end));
      const byCandidate = new Map();
      for (const c of inCue) {
        if (seenVerbs.has(c.verb)) continue;
        byCandidate.set(`${c.verb}:${c.start}:${c.end}`, c);
      }
      for (const c of inCue) seenVerbs.add(c.verb);
      if (byCandidate.size === 0) continue;
      const rows = [...byCandidate.values()];
      groups.push({
        x: rows.map((c) => c.x),
        y: rows.map((c) => doc.cover.tokens([{ start: c.start, end: c.end }]).some((t) => speaker.has(t))),
        goldSpeaker: speaker.size > 0,
      });
    }
  }
  return groups;
}

function dot(w, x) {
  let s = 0;
  for (let i = 0; i < D; i++) s += w[i] * x[i];
  return s;
}

/** Mean negative log-likelihood of the gold choice (a positive candidate, else nobody) and its gradient. */
function lossAndGradient(groups, w, grad) {
  grad.fill(0);
  let loss = 0;
  for (const g of groups) {
    const scores = g.x.map((x) => dot(w, x));
    const max = Math.max(0, ...scores);
    const e = scores.map((s) => Math.exp(s - max));
    const z = Math.exp(-max) + e.reduce((a, b) => a + b, 0);
    const hasPositive = g.y.some(Boolean);
    const zPositive = hasPositive ? e.reduce((a, v, i) => a + (g.y[i] ? v : 0), 0) : Math.exp(-max);
    loss += Math.log(z) - Math.log(zPositive);
    for (let j = 0; j < g.x.length; j++) {
      const target = hasPositive && g.y[j] ? e[j] / zPositive : 0;
      const coef = e[j] / z - target;
      if (coef === 0) continue;
      const x = g.x[j];
      for (let i = 0; i < D; i++) grad[i] += coef * x[i];
    }
  }
  const n = groups.length;
  for (let i = 0; i < D; i++) grad[i] = grad[i] / n + L2 * w[i];
  return loss / n;
}

function train(groups) {
  const w = new Float64Array(D);
  const grad = new Float64Array(D);
  let loss = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    loss = lossAndGradient(groups, w, grad);
    for (let i = 0; i < D; i++) w[i] -= RATE * grad[i] * KEEP[i];
  }
  return { w, loss };
}

/** How often the argmax (with the gate) lands on a positive, or on nobody when none is positive. */
function accuracy(groups, w, threshold) {
  let right = 0;
  for (const g of groups) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    g.x.forEach((x, j) => {
      const s = dot(w, x);
      if (s > bestScore) {
        bestScore = s;
        best = j;
      }
    });
    const pick = bestScore > threshold ? best : -1;
    if (pick >= 0 ? g.y[pick] : !g.y.some(Boolean)) right++;
  }
  return right / groups.length;
}

/**
 * Round 1 collects under the hand weights subjectOf used before it learned them, so training
 * does not depend on whatever models/speaker-ranker.json holds now.
 */
const START = {
  threshold: 0.999,
  weights: {
    "kind:person": 4,
    "kind:pronoun": 3,
    "kind:role": 3,
    "kind:org": 3,
    "kind:place": 2.5,
    "kind:noun": 1,
    "entity:PER": 2.5,
    "entity:ORG": 2.5,
    "entity:LOC": 2.5,
    "entity:OTH": 2.5,
    prefield: 2,
    "subordinate-first": 2,
    "right-after-verb": 1.5,
    "dist:1-2": -0.075,
    "dist:3-5": -0.2,
    "dist:6+": -0.4,
  },
};
const start = speakerModelFrom(START);
SPEAKER_MODEL.weights.set(start.weights);
SPEAKER_MODEL.threshold = start.threshold;

let weights = null;
for (let round = 1; round <= ROUNDS; round++) {
  const groups = collect();
  const before = accuracy(groups, SPEAKER_MODEL.weights, SPEAKER_MODEL.threshold);
  const positives = groups.filter((g) => g.y.some(Boolean)).length;
  const { w, loss } = train(groups);
  console.error(
    `round ${round}: ${groups.length} groups (${positives} with a positive candidate), ` +
      `accuracy ${(100 * before).toFixed(1)} → ${(100 * accuracy(groups, w, 0)).toFixed(1)}, loss ${loss.toFixed(4)}`,
  );
  weights = w;
  // the next round collects under these weights
  SPEAKER_MODEL.weights.set(w);
  SPEAKER_MODEL.threshold = 0;
}

const named = {};
SPEAKER_FEATURES.forEach((name, i) => {
  named[name] = Math.round(weights[i] * 10000) / 10000;
});
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      description:
        "Linear speaker ranker for subjectOf (src/speech/speakers.ts); trained by scripts/train-speaker.mjs " +
        "on WikiNews train (CC BY-NC-SA 4.0): these weights are derived from it. See speaker-ranker.md.",
      threshold: 0,
      weights: named,
    },
    null,
    2,
  )}\n`,
);
console.error(`wrote ${values.out}`);
