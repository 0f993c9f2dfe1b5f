#!/usr/bin/env node
/**
 * Calibrates laut's quote confidence: for every attribution path (quote type × how the speaker was
 * found) the share of laut's quotes on WikiNews *train* that are right, i.e. pair with a gold quote
 * (message overlap) and name the gold speaker (speaker spans overlap, or both have none). Writes
 * models/confidence.json and prints the calibration error on *dev*, which the table never saw.
 *
 *   npm run build && node scripts/calibrate-confidence.mjs [../shared/data/quotes/wikinews]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? new URL("../../shared/data/quotes/wikinews", import.meta.url).pathname;
const { analyze } = await import("../dist/index.js");
const { pathKey } = await import("../dist/speech/confidence.js");

/** Each predicted quote with its path key, its confidence and whether it is right. */
function judge(split) {
  const dir = join(root, split);
  const rows = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const gold = doc.annotations.filter((a) => a.quote.spans.length > 0);
    const analysis = analyze(doc.originalText, { calibrated: false });
    for (const q of analysis.quotes) {
      const overlap = (g) =>
        q.spans.reduce(
          (n, s) =>
            n +
            g.quote.spans.reduce(
              (m, gs) => m + Math.max(0, Math.min(s.end, gs.charEnd) - Math.max(s.start, gs.charBegin)),
              0,
            ),
          0,
        );
      let best = null;
      let bestOverlap = 0;
      for (const g of gold) {
        const o = overlap(g);
        if (o > bestOverlap) [best, bestOverlap] = [g, o];
      }
      const goldSpeaker = best?.speaker.spans ?? [];
      const speakerRight =
        best !== null &&
        (q.speaker === null
          ? goldSpeaker.length === 0
          : goldSpeaker.some((s) => s.charBegin < q.speaker.end && s.charEnd > q.speaker.start));
      const roles = q.quoted.map((id) => analysis.quoted.find((m) => m.id === id)?.role);
      const partial = q.type === "direct" && roles.length > 0 && roles.every((r) => r === "partial");
      rows.push({
        key: pathKey(q.type, q.attribution, partial),
        confidence: q.confidence,
        right: speakerRight,
      });
    }
  }
  return rows;
}

const train = judge("train");
const table = {};
for (const { key, right } of train) {
  table[key] ??= { n: 0, right: 0 };
  table[key].n++;
  if (right) table[key].right++;
}
const confidence = {};
for (const [key, { n, right }] of Object.entries(table).sort()) {
  // add-one smoothing keeps rare paths away from 0 and 1
  confidence[key] = Math.round(((right + 1) / (n + 2)) * 1000) / 1000;
}
writeFileSync(
  new URL("../models/confidence.json", import.meta.url),
  `${JSON.stringify({ data: "WikiNews train (CC BY-NC-SA 4.0)", counts: table, confidence }, null, 2)}\n`,
);

/** Expected calibration error over 10 equal-width bins, and the overall share of right quotes. */
function ece(rows, pick) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const r of rows) {
    const c = pick(r);
    const b = bins[Math.min(9, Math.floor(c * 10))];
    b.n++;
    b.conf += c;
    b.right += r.right ? 1 : 0;
  }
  return bins.reduce(
    (e, b) => (b.n ? e + (b.n / rows.length) * Math.abs(b.conf / b.n - b.right / b.n) : e),
    0,
  );
}
const dev = judge("dev");
const calibrated = (r) => confidence[r.key] ?? r.confidence;
console.log(
  `paths: ${Object.keys(confidence).length}, train quotes ${train.length}, dev quotes ${dev.length}`,
);
console.log(`dev share right: ${(dev.filter((r) => r.right).length / dev.length).toFixed(3)}`);
console.log(`dev ECE hand-set confidence:   ${ece(dev, (r) => r.confidence).toFixed(3)}`);
console.log(`dev ECE calibrated on train:    ${ece(dev, calibrated).toFixed(3)}`);
for (const [key, value] of Object.entries(confidence))
  console.log(`  ${key.padEnd(34)} ${value}  (n=${table[key].n})`);
