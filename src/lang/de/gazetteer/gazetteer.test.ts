import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const shared = process.env.LAUT_SHARED ?? join(repo, "..", "shared");
const sources = join(shared, "data", "gazetteers");
const script = join(repo, "scripts", "build-gazetteer.mjs");
const committed = join(repo, "src", "lang", "de", "gazetteer", "gazetteer.tsv");

if (!existsSync(sources))
  console.warn(`skipping gazetteer build tests: ${sources} is absent (set LAUT_SHARED)`);

function build(out: string): Buffer {
  execFileSync(process.execPath, [script, "--shared", shared, "--out", out], { stdio: "pipe" });
  return readFileSync(out);
}

describe.skipIf(!existsSync(sources))("scripts/build-gazetteer.mjs", () => {
  // built in beforeAll: a skipped describe still runs its body to collect the tests
  const dir = mkdtempSync(join(tmpdir(), "laut-gazetteer-"));
  let first: Buffer = Buffer.alloc(0);
  beforeAll(() => {
    first = build(join(dir, "a.tsv"));
  });

  it("writes the same bytes twice, and the committed file is up to date", () => {
    expect(build(join(dir, "b.tsv")).equals(first)).toBe(true);
    expect(readFileSync(committed).equals(first)).toBe(true);
  });

  it("stays small and keeps one row per key and reading", () => {
    expect(first.length).toBeLessThan(3_000_000);
    const rows = first
      .toString("utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1)
      .map((l) => l.split("\t"));
    const ids = rows.map(([, key, qid, name, , kind, , , form]) => `${key}|${kind}|${qid}|${name}|${form}`);
    expect(new Set(ids).size).toBe(ids.length);
    // every Wikidata ID is well-formed, and the Austrian and Swiss municipalities are in
    expect(rows.filter((r) => r[2] && !/^Q[1-9][0-9]*$/.test(r[2] ?? ""))).toEqual([]);
    expect(rows.some((r) => r[0] === "Abfaltersbach" && r[7] === "AT")).toBe(true);
  });

  it("stops with a clear message when the sources are missing", () => {
    const bad = join(dir, "bad-shared");
    expect(() =>
      execFileSync(process.execPath, [script, "--shared", bad, "--out", join(dir, "c.tsv")], {
        stdio: "pipe",
      }),
    ).toThrow(/cannot read/);
  });
});
