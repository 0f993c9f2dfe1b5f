/**
 * `laut eval link`: entity linking against eval/gold/linking.jsonl, hand-written German news
 * sentences with one mention each, its expected Wikidata ID (null: must stay unlinked) and a
 * category. The linker sees the mention's surface plus whether it acts (mentionActs on the
 * sentence); a mention counts as right when the ID it refers to in context (the state for a
 * government reading) equals the gold ID.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { mentionActs } from "../entities/link/actor.js";
import { linkMention, referent } from "../entities/link/link.js";
import { LautError } from "../errors.js";
import { roundForJson } from "./report.js";

export const DEFAULT_LINK_GOLD = fileURLToPath(new URL("../../eval/gold/linking.jsonl", import.meta.url));

export interface LinkGoldMention {
  id: string;
  text: string;
  start: number;
  end: number;
  mention: string;
  qid: string | null;
  category: string;
}

export interface LinkMiss {
  id: string;
  category: string;
  mention: string;
  expected: string | null;
  got: string | null;
  actor: boolean;
}

export interface Accuracy {
  n: number;
  correct: number;
  accuracy: number;
}

export interface LinkEvaluation {
  overall: Accuracy;
  byCategory: Record<string, Accuracy>;
  misses: LinkMiss[];
  seconds: number;
}

const QID = /^Q[1-9][0-9]*$/;

export function readLinkGold(path: string): LinkGoldMention[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold file ${path} cannot be read`, { cause: error });
  }
  const mentions: LinkGoldMention[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (line.length === 0) continue;
    const bad = (what: string) => new LautError("E_GOLD_FORMAT", `${path} line ${i + 1}: ${what}`);
    let record: Partial<LinkGoldMention>;
    try {
      record = JSON.parse(line);
    } catch {
      throw bad("not a JSON object");
    }
    const { id, text: sentence, start, end, mention, qid, category } = record;
    if (typeof sentence !== "string" || typeof mention !== "string" || typeof category !== "string")
      throw bad("text, mention and category must be strings");
    if (!Number.isInteger(start) || !Number.isInteger(end) || sentence.slice(start, end) !== mention)
      throw bad(`span [${start}, ${end}) does not hold "${mention}"`);
    if (qid !== null && (typeof qid !== "string" || !QID.test(qid)))
      throw bad("qid must be a Wikidata ID or null");
    mentions.push({
      id: typeof id === "string" ? id : `line${i + 1}`,
      text: sentence,
      start: start as number,
      end: end as number,
      mention,
      qid,
      category,
    });
  }
  if (mentions.length === 0) throw new LautError("E_GOLD_FORMAT", `gold file ${path} holds no mentions`);
  return mentions;
}

const score = (n: number, correct: number): Accuracy => ({ n, correct, accuracy: n === 0 ? 0 : correct / n });

export function evaluateLinking(path: string = DEFAULT_LINK_GOLD): LinkEvaluation {
  const gold = readLinkGold(path);
  const began = performance.now();
  const counts = new Map<string, { n: number; correct: number }>();
  const misses: LinkMiss[] = [];
  let correct = 0;
  for (const g of gold) {
    const actor = mentionActs(g.text, g.start, g.end);
    const link = linkMention(g.mention, { actor });
    const got = link ? referent(link) : null;
    const ok = got === g.qid;
    const c = counts.get(g.category) ?? { n: 0, correct: 0 };
    c.n++;
    if (ok) {
      c.correct++;
      correct++;
    } else {
      misses.push({ id: g.id, category: g.category, mention: g.mention, expected: g.qid, got, actor });
    }
    counts.set(g.category, c);
  }
  const byCategory: Record<string, Accuracy> = {};
  for (const category of [...counts.keys()].sort()) {
    const c = counts.get(category);
    if (c) byCategory[category] = score(c.n, c.correct);
  }
  return {
    overall: score(gold.length, correct),
    byCategory,
    misses,
    seconds: (performance.now() - began) / 1000,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8);

export function linkTable(run: LinkEvaluation, title: string): string {
  const line = (label: string, a: Accuracy) =>
    `${label.padEnd(16)}${String(a.correct).padStart(5)} / ${String(a.n).padEnd(5)}${pct(a.accuracy)}`;
  const lines = [`laut eval link · ${title}`, "", line("overall", run.overall)];
  for (const [category, a] of Object.entries(run.byCategory)) lines.push(line(category, a));
  if (run.misses.length > 0) {
    lines.push("", "misses (expected -> got):");
    for (const m of run.misses) {
      const actor = m.actor ? " [acts]" : "";
      lines.push(
        `  ${m.id} ${m.category}: "${m.mention}"${actor} ${m.expected ?? "null"} -> ${m.got ?? "null"}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Adds `link` to the `laut eval` command group. */
export function registerLinkEval(evalCommand: Command): void {
  evalCommand
    .command("link")
    .description("entity linking to Wikidata on laut's own gold mentions (eval/gold/linking.jsonl)")
    .option("--gold <file>", "gold mentions as JSON lines", DEFAULT_LINK_GOLD)
    .option("--json", "print the scores as JSON")
    .action((options: { gold: string; json?: boolean }) => {
      const run = evaluateLinking(options.gold);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(roundForJson(run), null, 2)}\n`
          : linkTable(run, options.gold === DEFAULT_LINK_GOLD ? "eval/gold/linking.jsonl" : options.gold),
      );
    });
}
