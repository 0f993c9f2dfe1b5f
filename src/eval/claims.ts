/**
 * `laut eval claims`: claims against eval/gold/claims, German news articles written for laut with
 * their claims by hand (see eval/gold/claims/README.md). A gold claim is located by its anchor;
 * the innermost claim laut finds around it is its match. Scores per part (dev, heldout): claim
 * recall, status, holder, polarity and chain accuracy over the gold claims (a missed claim is
 * wrong on all), and link precision/recall over the links within articles and, through
 * linkClaims, across every pair of articles of the part.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { Analysis, AnalysisClaim, AnalysisParty } from "../analysis.js";
import { analyze } from "../analyze.js";
import { linkClaims } from "../claims/link.js";
import { CLAIM_STATUSES, type ClaimStatus, type LinkRelation, type Polarity } from "../claims/types.js";
import { linkKey } from "../entities/link/index.js";
import { LautError } from "../errors.js";
import { type Counts, type PRF, prf } from "./metrics.js";
import { roundForJson } from "./report.js";

export const DEFAULT_CLAIM_GOLD = fileURLToPath(new URL("../../eval/gold/claims", import.meta.url));

export interface GoldClaim {
  id: string;
  anchor: string;
  holder: string[] | "outlet" | "unnamed";
  wikidata?: string;
  status: ClaimStatus;
  also?: ClaimStatus[];
  polarity: Polarity;
  chain?: string[];
}

export interface GoldLink {
  a: string;
  b: string;
  relation: LinkRelation;
  optional?: boolean;
}

export interface GoldArticle {
  name: string;
  text: string;
  claims: GoldClaim[];
  links: GoldLink[];
}

export interface Accuracy {
  n: number;
  correct: number;
  accuracy: number;
}

export interface ClaimMiss {
  claim: string;
  what: "missed" | "status" | "holder" | "polarity" | "chain";
  expected: string;
  got: string;
}

export interface PartScores {
  part: string;
  articles: number;
  found: Accuracy;
  status: Accuracy;
  holder: Accuracy;
  polarity: Accuracy;
  chain: Accuracy;
  byStatus: Record<string, Accuracy>;
  links: Counts & PRF;
  misses: ClaimMiss[];
  linkErrors: string[];
}

export interface ClaimEvaluation {
  parts: PartScores[];
  seconds: number;
}

const accuracy = (n: number, correct: number): Accuracy => ({
  n,
  correct,
  accuracy: n === 0 ? 0 : correct / n,
});

function fail(path: string, what: string): never {
  throw new LautError("E_GOLD_FORMAT", `${path}: ${what}`);
}

function parseClaim(path: string, value: unknown, text: string): GoldClaim {
  const c = value as Partial<GoldClaim>;
  if (typeof c?.id !== "string" || typeof c.anchor !== "string")
    fail(path, "every claim needs an id and an anchor");
  if (!text.includes(c.anchor)) fail(path, `anchor "${c.anchor}" of ${c.id} is not in the text`);
  if (!CLAIM_STATUSES.includes(c.status as ClaimStatus)) fail(path, `claim ${c.id} has no valid status`);
  for (const s of c.also ?? [])
    if (!CLAIM_STATUSES.includes(s)) fail(path, `claim ${c.id}: bad status "${s}" in also`);
  if (c.polarity !== "positive" && c.polarity !== "negative")
    fail(path, `claim ${c.id} has no valid polarity`);
  const holderOk =
    c.holder === "outlet" ||
    c.holder === "unnamed" ||
    (Array.isArray(c.holder) && c.holder.length > 0 && c.holder.every((h) => typeof h === "string"));
  if (!holderOk) fail(path, `claim ${c.id}: holder must be "outlet", "unnamed" or a list of names`);
  return c as GoldClaim;
}

function readArticle(dir: string, name: string): GoldArticle {
  const path = join(dir, `${name}.json`);
  let text: string;
  let json: { claims?: unknown; links?: unknown };
  try {
    text = readFileSync(join(dir, `${name}.txt`), "utf8");
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold article ${join(dir, name)} (.txt and .json) cannot be read`, {
      cause: error,
    });
  }
  if (!Array.isArray(json.claims) || !Array.isArray(json.links))
    fail(path, "needs a claims and a links array");
  const claims = json.claims.map((c) => parseClaim(path, c, text));
  const links = json.links as GoldLink[];
  for (const l of links) {
    if (
      typeof l?.a !== "string" ||
      typeof l.b !== "string" ||
      (l.relation !== "denies" && l.relation !== "confirms")
    )
      fail(path, "every link needs a, b and a relation (denies or confirms)");
  }
  return { name, text, claims, links };
}

/** The parts of a gold folder: its subfolders holding articles, or the folder itself. */
export function readClaimGold(dir: string): { part: string; articles: GoldArticle[] }[] {
  const articlesIn = (d: string): GoldArticle[] =>
    readdirSync(d)
      .filter((n) => n.endsWith(".json"))
      .sort()
      .map((n) => readArticle(d, basename(n, ".json")));
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    entries = readdirSync(dir).sort();
  } catch (error) {
    throw new LautError("E_GOLD_FORMAT", `gold folder ${dir} cannot be read`, { cause: error });
  }
  const own = articlesIn(dir);
  const parts = own.length > 0 ? [{ part: basename(dir), articles: own }] : [];
  for (const e of entries) {
    const sub = join(dir, e);
    if (!statSync(sub).isDirectory()) continue;
    const articles = articlesIn(sub);
    if (articles.length > 0) parts.push({ part: e, articles });
  }
  if (parts.length === 0) throw new LautError("E_GOLD_FORMAT", `gold folder ${dir} holds no claim articles`);
  return parts;
}

/** Normalised name without a leading article, so "Die Grünen" and "Grünen" meet. */
function nameKey(name: string): string {
  return linkKey(name).replace(/^(der|die|das|des|dem|den) /, "");
}

function holderMatches(
  gold: GoldClaim["holder"],
  wikidata: string | undefined,
  got: AnalysisParty,
  a: Analysis,
): boolean {
  if (gold === "outlet" || gold === "unnamed") return got.kind === gold;
  if (got.kind === "outlet" || got.kind === "unnamed") return false;
  if (wikidata && got.wikidata === wikidata) return true;
  const names = new Set(gold.map(nameKey));
  if (names.has(nameKey(got.name))) return true;
  const entity = got.entity ? a.entities.find((e) => e.id === got.entity) : undefined;
  return entity?.aliases.some((alias) => names.has(nameKey(alias))) ?? false;
}

const describe = (p: AnalysisParty): string => (p.kind === "entity" || p.kind === "source" ? p.name : p.kind);

/** The innermost claim whose proposition holds the anchor's first occurrence. */
function matchClaim(a: Analysis, text: string, anchor: string): AnalysisClaim | null {
  const start = text.indexOf(anchor);
  const end = start + anchor.length;
  let best: AnalysisClaim | null = null;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const c of a.claims ?? []) {
    if (!c.spans.some((s) => s.start <= start && end <= s.end)) continue;
    const size = (c.spans.at(-1)?.end ?? 0) - (c.spans[0]?.start ?? 0);
    if (size < bestSize) {
      best = c;
      bestSize = size;
    }
  }
  return best;
}

const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

function evaluatePart(part: string, articles: GoldArticle[]): PartScores {
  const analyses = articles.map((g) => analyze(g.text, { name: g.name }));
  const misses: ClaimMiss[] = [];
  let found = 0;
  let status = 0;
  let holder = 0;
  let polarity = 0;
  let chainN = 0;
  let chain = 0;
  const byStatus = new Map<string, { n: number; correct: number }>();
  // system claim (article#id) -> the gold claims it matched
  const goldOf = new Map<string, string[]>();

  articles.forEach((g, ai) => {
    const a = analyses[ai] as Analysis;
    for (const gc of g.claims) {
      const ref = `${g.name}#${gc.id}`;
      const got = matchClaim(a, g.text, gc.anchor);
      const s = byStatus.get(gc.status) ?? { n: 0, correct: 0 };
      s.n++;
      byStatus.set(gc.status, s);
      if (gc.chain) chainN++;
      if (!got) {
        misses.push({ claim: ref, what: "missed", expected: gc.anchor, got: "" });
        continue;
      }
      found++;
      const sysRef = `${g.name}#${got.id}`;
      goldOf.set(sysRef, [...(goldOf.get(sysRef) ?? []), ref]);
      if (got.status === gc.status || gc.also?.includes(got.status)) {
        status++;
        s.correct++;
      } else misses.push({ claim: ref, what: "status", expected: gc.status, got: got.status });
      if (holderMatches(gc.holder, gc.wikidata, got.holder, a)) holder++;
      else
        misses.push({
          claim: ref,
          what: "holder",
          expected: Array.isArray(gc.holder) ? gc.holder.join(" | ") : gc.holder,
          got: describe(got.holder),
        });
      if (got.polarity === gc.polarity) polarity++;
      else misses.push({ claim: ref, what: "polarity", expected: gc.polarity, got: got.polarity });
      if (gc.chain) {
        const sources = got.chain.slice(1);
        const ok =
          sources.length === gc.chain.length &&
          sources.every((p, i) => holderMatches([gc.chain?.[i] as string], undefined, p, a));
        if (ok) chain++;
        else
          misses.push({
            claim: ref,
            what: "chain",
            expected: gc.chain.join(" ← "),
            got: sources.map(describe).join(" ← "),
          });
      }
    }
  });

  // gold links as unordered pairs of article#id
  const required = new Map<string, LinkRelation>();
  const optional = new Set<string>();
  for (const g of articles) {
    for (const l of g.links) {
      const ref = (id: string) => (id.includes("#") ? id : `${g.name}#${id}`);
      const key = pairKey(ref(l.a), ref(l.b));
      if (l.optional) optional.add(key);
      else required.set(key, l.relation);
    }
  }
  const system: { a: string; b: string; relation: LinkRelation }[] = [];
  articles.forEach((g, ai) => {
    const a = analyses[ai] as Analysis;
    for (const l of a.claimLinks ?? [])
      system.push({ a: `${g.name}#${l.a}`, b: `${g.name}#${l.b}`, relation: l.relation });
    for (let bi = ai + 1; bi < articles.length; bi++) {
      const other = articles[bi] as GoldArticle;
      for (const l of linkClaims(a.claims ?? [], analyses[bi]?.claims ?? [])) {
        system.push({ a: `${g.name}#${l.a}`, b: `${other.name}#${l.b}`, relation: l.relation });
      }
    }
  });
  const hit = new Set<string>();
  const linkErrors: string[] = [];
  let fp = 0;
  for (const l of system) {
    const pairs: string[] = [];
    for (const x of goldOf.get(l.a) ?? []) for (const y of goldOf.get(l.b) ?? []) pairs.push(pairKey(x, y));
    const match = pairs.find((p) => required.get(p) === l.relation);
    if (match) hit.add(match);
    else if (!pairs.some((p) => optional.has(p) || required.has(p))) {
      fp++;
      linkErrors.push(`spurious ${l.relation}: ${l.a} ~ ${l.b}`);
    } else if (!pairs.some((p) => optional.has(p))) {
      fp++;
      linkErrors.push(`wrong relation ${l.relation}: ${l.a} ~ ${l.b}`);
    }
  }
  for (const key of required.keys()) if (!hit.has(key)) linkErrors.push(`missed: ${key}`);
  const counts = { tp: hit.size, fp, fn: required.size - hit.size };

  const n = articles.reduce((sum, g) => sum + g.claims.length, 0);
  const statusAcc: Record<string, Accuracy> = {};
  for (const s of CLAIM_STATUSES) {
    const c = byStatus.get(s);
    if (c) statusAcc[s] = accuracy(c.n, c.correct);
  }
  return {
    part,
    articles: articles.length,
    found: accuracy(n, found),
    status: accuracy(n, status),
    holder: accuracy(n, holder),
    polarity: accuracy(n, polarity),
    chain: accuracy(chainN, chain),
    byStatus: statusAcc,
    links: { ...counts, ...prf(counts) },
    misses,
    linkErrors,
  };
}

export function evaluateClaims(dir: string = DEFAULT_CLAIM_GOLD): ClaimEvaluation {
  const parts = readClaimGold(dir);
  const began = performance.now();
  const scores = parts.map((p) => evaluatePart(p.part, p.articles));
  return { parts: scores, seconds: (performance.now() - began) / 1000 };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`.padStart(8);

export function claimTable(run: ClaimEvaluation, errors: boolean): string {
  const lines: string[] = ["laut eval claims", ""];
  const row = (label: string, a: Accuracy) =>
    `  ${label.padEnd(14)}${String(a.correct).padStart(4)} / ${String(a.n).padEnd(4)}${pct(a.accuracy)}`;
  for (const p of run.parts) {
    lines.push(`${p.part} (${p.articles} articles)`);
    lines.push(row("claims found", p.found), row("status", p.status), row("holder", p.holder));
    lines.push(row("polarity", p.polarity), row("chain", p.chain));
    for (const [s, a] of Object.entries(p.byStatus)) lines.push(row(`  ${s}`, a));
    const l = p.links;
    lines.push(
      `  ${"links".padEnd(14)}P${pct(l.p)}  R${pct(l.r)}  F1${pct(l.f1)}  (tp ${l.tp}, fp ${l.fp}, fn ${l.fn})`,
    );
    if (errors) {
      for (const m of p.misses) lines.push(`    ${m.what} ${m.claim}: expected ${m.expected}, got ${m.got}`);
      for (const e of p.linkErrors) lines.push(`    link ${e}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

export function registerClaimsEval(evalCommand: Command): void {
  evalCommand
    .command("claims")
    .description("claims (status, holder, chain, links) on laut's own German gold articles")
    .option(
      "--gold <dir>",
      "gold folder: articles, or parts (dev/, heldout/) of articles",
      DEFAULT_CLAIM_GOLD,
    )
    .option("--json", "print the scores as JSON")
    .option("--errors", "list every miss and every link error")
    .action((options: { gold: string; json?: boolean; errors?: boolean }) => {
      const run = evaluateClaims(options.gold);
      if (options.json) {
        const slim = options.errors
          ? run
          : { ...run, parts: run.parts.map(({ misses, linkErrors, ...rest }) => rest) };
        process.stdout.write(`${JSON.stringify(roundForJson(slim), null, 2)}\n`);
      } else process.stdout.write(claimTable(run, options.errors === true));
    });
}
