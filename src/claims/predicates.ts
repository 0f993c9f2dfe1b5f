/**
 * Predicate families (src/lang/de/claim-predicates.tsv): which kind of act a proposition states,
 * so claims about one act meet whatever the words ("verkauft" + "Artilleriegeschosse",
 * "exportiert" + "Munition", "Waffenhandel"). Word keys are matched whole, by prefix or by
 * compound head, and memoised per key: articles repeat their words and the tables never change.
 */
import type { Span } from "../doc.js";
import { LautError } from "../errors.js";
import { readTsv } from "../lang/de/data.js";
import type { Words } from "../speech/phrases.js";
import type { Predicate } from "./types.js";

const ROLES = ["act", "obj", "whole"] as const;
type Role = (typeof ROLES)[number];
const ACT = 0;
const OBJ = 1;
const WHOLE = 2;

interface Families {
  names: string[];
  /** families that need an object word besides the act */
  needsObject: boolean[];
  word: Map<string, number[]>;
  prefix: Map<string, number[]>;
  suffix: Map<string, number[]>;
  minAffix: number;
  maxAffix: number;
}

let families: Families | null = null;

function load(): Families {
  if (families) return families;
  const names: string[] = [];
  const needsObject: boolean[] = [];
  const maps = {
    word: new Map<string, number[]>(),
    prefix: new Map<string, number[]>(),
    suffix: new Map<string, number[]>(),
  };
  let minAffix = Number.POSITIVE_INFINITY;
  let maxAffix = 0;
  for (const row of readTsv("claim-predicates.tsv")) {
    const family = row.family ?? "";
    const role = ROLES.indexOf(row.role as Role);
    const match = row.match as keyof typeof maps;
    const form = (row.form ?? "").toLowerCase().replaceAll("ß", "ss");
    if (!family || role < 0 || !(match in maps) || form.length < 3) {
      throw new LautError(
        "E_INTERNAL",
        `claims data claim-predicates.tsv: bad row "${Object.values(row).join(" ")}"`,
      );
    }
    let index = names.indexOf(family);
    if (index < 0) {
      index = names.push(family) - 1;
      needsObject.push(false);
    }
    if (role === OBJ) needsObject[index] = true;
    const code = index * 4 + role;
    const list = maps[match].get(form);
    if (list) list.push(code);
    else maps[match].set(form, [code]);
    if (match !== "word") {
      minAffix = Math.min(minAffix, form.length);
      maxAffix = Math.max(maxAffix, form.length);
    }
  }
  families = { names, needsObject, ...maps, minAffix, maxAffix };
  return families;
}

const NONE: readonly number[] = [];
const MEMO_LIMIT = 200_000;
const memo = new Map<string, readonly number[]>();

/** Family/role codes (family * 4 + role) of one word key. */
function codesOf(key: string): readonly number[] {
  const cached = memo.get(key);
  if (cached) return cached;
  const f = load();
  let codes: number[] | null = null;
  const add = (list: number[] | undefined) => {
    if (!list) return;
    codes ??= [];
    for (const c of list) if (!codes.includes(c)) codes.push(c);
  };
  add(f.word.get(key));
  const longest = Math.min(key.length, f.maxAffix);
  for (let n = f.minAffix; n <= longest; n++) {
    add(f.prefix.get(key.slice(0, n)));
    add(f.suffix.get(key.slice(key.length - n)));
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const result = codes ?? NONE;
  memo.set(key, result);
  return result;
}

/** The family of a single word when it names one on its own (an act of a family without objects, or a whole). */
export function familyOfWord(key: string): string | null {
  const f = load();
  for (const code of codesOf(key)) {
    const family = code >> 2;
    const role = code & 3;
    if (role === WHOLE || (role === ACT && !f.needsObject[family])) return f.names[family] ?? null;
  }
  return null;
}

/**
 * The first family that holds in the tokens of `spans`: a whole word, or an act with (for
 * families that need one) an object word. `skip` marks tokens that belong to a nested claim.
 */
export function predicateIn(
  w: Words,
  first: number,
  end: number,
  inside: (t: number) => boolean,
): Predicate | null {
  const f = load();
  const n = f.names.length;
  // per family: index of the first act, object and whole token, -1 when none
  const seen = new Int32Array(n * 3).fill(-1);
  let best: Predicate | null = null;
  for (let t = first; t < end && best === null; t++) {
    if (!w.isWord(t) || !inside(t)) continue;
    for (const code of codesOf(w.key(t))) {
      const family = code >> 2;
      const role = code & 3;
      if (seen[family * 3 + role] === -1) seen[family * 3 + role] = t;
      const act = seen[family * 3 + ACT] ?? -1;
      const obj = seen[family * 3 + OBJ] ?? -1;
      const spans: Span[] = [];
      if (role === WHOLE) spans.push({ start: w.start(t), end: w.end(t) });
      else if (act >= 0 && (obj >= 0 || !f.needsObject[family])) {
        spans.push({ start: w.start(act), end: w.end(act) });
        // a compound ("Drohnenlieferungen") is act and object at once
        if (obj >= 0 && obj !== act) spans.push({ start: w.start(obj), end: w.end(obj) });
        spans.sort((a, b) => a.start - b.start);
      }
      if (spans.length > 0) {
        best = { family: f.names[family] as string, spans };
        break;
      }
    }
  }
  return best;
}
