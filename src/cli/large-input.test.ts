/**
 * The spec's "a 50 MB file": the built CLI analyses a ~50 MB German text in one run, writes
 * valid JSON whose offsets point into the text, and finds quotes in proportion to the input;
 * a file just over the default limit (64 MiB) is refused with exit 5 and one line on stderr.
 * Wall time and peak memory of the run are printed, not asserted (timing tests flake).
 * LAUT_LARGE_MB=8 runs the same checks on a smaller file, for a quick look.
 *
 * The output of 50 MB is several hundred MB of JSON, more than one JavaScript string can hold,
 * so it is checked section by section: every top-level array is parsed in chunks cut at item
 * boundaries, which a string in JSON can never contain unescaped.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisEntity, AnalysisQuote, AnalysisQuoted } from "../analysis.js";
import { analyze } from "../analyze.js";
import type { Span } from "../doc.js";
import { DEFAULT_MAX_BYTES } from "../input/read.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "laut-large-"));
const TARGET_BYTES = Number(process.env.LAUT_LARGE_MB || 50) * 1024 * 1024;
/** The CLI is killed after this long, so a run that never ends fails instead of hanging the suite. */
// generous: the run is about a minute on an idle 2-core machine, several when other work shares it;
// this test checks correctness on a huge input, speed is measured by `laut bench`
const RUN_TIMEOUT_MS = 540_000;

const PEOPLE = [
  {
    name: "Regula Ammann",
    surname: "Ammann",
    role: "Sprecherin des Bundesamts für Gesundheit",
    pronoun: "sie",
  },
  { name: "Stefan Brugger", surname: "Brugger", role: "Sprecher der Reederei", pronoun: "er" },
  { name: "Jürgen Müller", surname: "Müller", role: "Bürgermeister von Bärnau", pronoun: "er" },
  {
    name: "Sabine Österreicher",
    surname: "Österreicher",
    role: "Präsidentin der Ärztekammer",
    pronoun: "sie",
  },
  { name: "Karl Größinger", surname: "Größinger", role: "Leiter der Feuerwehr", pronoun: "er" },
  { name: "Anna Weiß", surname: "Weiß", role: "Sprecherin der Kantonspolizei", pronoun: "sie" },
];
const PLACES = ["Zürich", "Graz", "Köln", "Lübeck", "Innsbruck", "St. Gallen", "Würzburg"];

/**
 * One paragraph per template; `quotes` is how many direct quotes in «» it holds, so the sample
 * can be checked against what was written.
 */
const TEMPLATES: { quotes: number; write: (n: number) => string }[] = [
  {
    quotes: 1,
    write: (n) => {
      const p = PEOPLE[n % PEOPLE.length] as (typeof PEOPLE)[number];
      return `«Wir haben die Lage in ${PLACES[n % PLACES.length]} unter Kontrolle», sagte ${p.name}, ${p.role}, am Dienstag. Die Behörden prüfen den Fall Nummer ${n} weiter.`;
    },
  },
  {
    quotes: 1,
    write: (n) => {
      const p = PEOPLE[(n + 1) % PEOPLE.length] as (typeof PEOPLE)[number];
      return `Die Gemeinde hatte zuvor ${n % 97} Einsprachen erhalten. ${p.name} erklärte: «Über die Kosten müssen wir noch einmal reden.» Eine Entscheidung fällt frühestens im März.`;
    },
  },
  {
    quotes: 1,
    write: (n) => {
      const p = PEOPLE[(n + 2) % PEOPLE.length] as (typeof PEOPLE)[number];
      return `Die Polizei in ${PLACES[(n + 3) % PLACES.length]} sucht Zeugen. «Wer etwas gesehen hat, soll sich bitte melden», sagte ${p.surname}. Verletzt wurde niemand.`;
    },
  },
  {
    quotes: 0,
    write: (n) =>
      `Laut Mitteilung des Gesundheitsministeriums stiegen die Fallzahlen um ${n % 13},${n % 10} Prozent. Die Behörde rechnet mit einer Entspannung gegen Ende des Monats, die Spitäler seien aber stark ausgelastet.`,
  },
  {
    quotes: 2,
    write: (n) => {
      const p = PEOPLE[(n + 3) % PEOPLE.length] as (typeof PEOPLE)[number];
      return `«Das ist ein schwarzer Tag für die Region», sagte ${p.name}. «Wir werden jeden einzelnen Arbeitsplatz verteidigen», fügte ${p.pronoun} hinzu. Die Gewerkschaft kündigte für Donnerstag Proteste an.`;
    },
  },
  {
    quotes: 1,
    write: (n) => {
      const p = PEOPLE[(n + 4) % PEOPLE.length] as (typeof PEOPLE)[number];
      return `Der Gemeinderat von ${PLACES[(n + 5) % PLACES.length]} lehnte den Antrag mit ${20 + (n % 30)} zu ${n % 20} Stimmen ab. ${p.name} zeigte sich enttäuscht: «Damit verspielen wir eine große Chance für die Jugend.»`;
    },
  },
  {
    quotes: 1,
    write: (n) =>
      `Der Sprecher des Innenministeriums, Peter Huber, sagte der Zeitung «Der Standard», die Grenzkontrollen würden verschärft. «Wir reagieren auf die Lage an der Grenze», so Huber. Bis Ende Jahr seien ${n % 400} zusätzliche Beamte vorgesehen.`,
  },
];

const PARAGRAPHS_PER_BLOCK = TEMPLATES.length * PEOPLE.length * PLACES.length;
/** Direct quotes written in one block. */
const QUOTES_PER_BLOCK =
  (PARAGRAPHS_PER_BLOCK / TEMPLATES.length) * TEMPLATES.reduce((s, t) => s + t.quotes, 0);

/** One block of varied paragraphs; the file repeats it, so quotes scale with the block count. */
function block(): string {
  const paragraphs: string[] = [];
  for (let n = 0; n < PARAGRAPHS_PER_BLOCK; n++) {
    paragraphs.push((TEMPLATES[n % TEMPLATES.length] as (typeof TEMPLATES)[number]).write(n));
  }
  return paragraphs.join("\n\n");
}

const TITLE = "Unwetter, Entlassungen und Proteste: Ein Tag in der Region\n\n";
const BLOCK = block();
const BLOCKS = Math.ceil((TARGET_BYTES - Buffer.byteLength(TITLE)) / Buffer.byteLength(`${BLOCK}\n\n`));

// ---------------------------------------------------------------- running the CLI

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  wallSeconds: number;
}

/** A module preloaded into the CLI that writes its resource usage (peak RSS) when it exits. */
function usagePreload(usageFile: string): string {
  const source = `import { writeFileSync } from "node:fs";
process.on("exit", () => writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/** The built CLI, asynchronously, so the test's own timeout and the kill timer keep working. */
function laut(args: string[], usageFile?: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(usageFile ? ["--import", usagePreload(usageFile)] : []), "bin/laut.js", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", LAUT_DEBUG: "" },
      stdio: ["ignore", "ignore", "pipe"],
      timeout: RUN_TIMEOUT_MS,
      killSignal: "SIGKILL",
    },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status, signal) =>
      resolve({ status, signal, stderr, wallSeconds: (performance.now() - started) / 1000 }),
    );
  });
}

// ---------------------------------------------------------------- reading a huge Analysis JSON

const SECTIONS = [
  "paragraphs",
  "sentences",
  "tokens",
  "quoted",
  "quotes",
  "entities",
  "speechEvents",
  "claims",
  "claimLinks",
  "events",
] as const;
type Section = (typeof SECTIONS)[number];
/** How each array item starts; the marker cannot occur inside a JSON string (its quotes would be escaped). */
const ITEM_START: Record<Section, string> = {
  paragraphs: '{"start":',
  sentences: '{"start":',
  tokens: '{"start":',
  quoted: '{"id":"m',
  quotes: '{"id":"q',
  entities: '{"id":"e',
  speechEvents: '{"id":"s',
  claims: '{"id":"c',
  claimLinks: '{"a":"c',
  events: '{"id":"v',
};
const CHUNK_BYTES = 8 * 1024 * 1024;

interface Head {
  schemaVersion: string;
  source: { name: string | null; format: string; encoding: string | null };
  text: string;
  title: unknown;
}

/**
 * Parse compact Analysis JSON without holding it in one string: the head (schemaVersion,
 * source, text, title) at once, each top-level array in chunks of whole items handed to `visit`.
 */
function readAnalysis(
  json: Buffer,
  visitors: (head: Head) => { [K in Section]?: (items: unknown[]) => void },
): { head: Head; counts: Record<Section, number> } {
  const markers = SECTIONS.map((key) => `,"${key}":[`);
  const positions: number[] = [];
  for (const marker of markers) {
    const at = json.indexOf(marker, positions.at(-1) ?? 0);
    expect(at, `top-level ${marker} in order`).toBeGreaterThan(positions.at(-1) ?? 0);
    positions.push(at);
  }
  const tail = "]}\n";
  expect(json.toString("utf8", json.length - tail.length)).toBe(tail);
  const head = JSON.parse(`${json.toString("utf8", 0, positions[0])}}`) as Head;
  expect(Object.keys(head)).toEqual(["schemaVersion", "source", "text", "title"]);
  const visit = visitors(head);

  const counts = {} as Record<Section, number>;
  SECTIONS.forEach((key, i) => {
    const from = (positions[i] as number) + (markers[i] as string).length;
    // the array's closing bracket: before the next section's marker, or before the final "}\n"
    const to = (positions[i + 1] ?? json.length - 2) - 1;
    expect(json.toString("utf8", to, to + 1), `end of ${key}`).toBe("]");
    const separator = `,${ITEM_START[key]}`;
    counts[key] = 0;
    for (let cursor = from; cursor < to; ) {
      let next = json.indexOf(separator, Math.min(cursor + CHUNK_BYTES, to));
      if (next < 0 || next > to) next = to;
      const items = JSON.parse(`[${json.toString("utf8", cursor, next)}]`) as unknown[];
      counts[key] += items.length;
      visit[key]?.(items);
      cursor = next + 1;
    }
  });
  return { head, counts };
}

// ---------------------------------------------------------------- the tests

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 50 MB input", () => {
  it("is analysed in one run: valid JSON, offsets in the text, quotes in proportion", async () => {
    // the block alone, in process: what the pipeline finds in it, checked against what was written
    const sample = analyze(`${TITLE}${BLOCK}`);
    const sampleDirect = sample.quotes.filter((q) => q.type === "direct").length;
    expect(sampleDirect).toBeGreaterThanOrEqual(Math.floor(QUOTES_PER_BLOCK * 0.9));
    expect(sampleDirect).toBeLessThanOrEqual(QUOTES_PER_BLOCK);

    const input = join(dir, "gross.txt");
    const inputText = TITLE + Array.from({ length: BLOCKS }, () => BLOCK).join("\n\n");
    writeFileSync(input, inputText);
    const inputBytes = statSync(input).size;
    expect(inputBytes).toBeGreaterThanOrEqual(TARGET_BYTES);
    expect(inputBytes).toBeLessThan(DEFAULT_MAX_BYTES);

    const output = join(dir, "gross.json");
    const usageFile = join(dir, "usage.json");
    const run = await laut(["analyze", input, "--format", "json", "--output", output], usageFile);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    const peak = existsSync(usageFile)
      ? `${mib((JSON.parse(readFileSync(usageFile, "utf8")) as NodeJS.ResourceUsage).maxRSS * 1024)} MiB`
      : "unknown";
    console.log(
      `large input: ${mib(inputBytes)} MiB in, ${existsSync(output) ? mib(statSync(output).size) : "no"} MiB out, ` +
        `wall ${run.wallSeconds.toFixed(1)} s, peak RSS ${peak}, exit ${run.status ?? run.signal}`,
    );
    expect(run.signal, `killed after ${RUN_TIMEOUT_MS / 1000} s without finishing`).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");

    const json = readFileSync(output);
    let text = "";
    let direct = 0;
    let directWithSpeaker = 0;
    let lastTokenEnd = 0;
    let badTokens = 0;
    let badSentences = 0;
    const inText = (span: Span, what: string) => {
      expect(span.start, what).toBeGreaterThanOrEqual(0);
      expect(span.end, what).toBeGreaterThanOrEqual(span.start);
      expect(span.end, what).toBeLessThanOrEqual(text.length);
    };
    const { head, counts } = readAnalysis(json, (h) => {
      text = h.text;
      return {
        // millions of items: count what is wrong, assert once at the end
        sentences: (items) => {
          for (const s of items as Span[]) if (!(s.start < s.end && s.end <= text.length)) badSentences++;
        },
        tokens: (items) => {
          // tokens are in text order, never overlap and lie in the text
          for (const t of items as Span[]) {
            if (!(t.start >= lastTokenEnd && t.end > t.start && t.end <= text.length)) badTokens++;
            lastTokenEnd = t.end;
          }
        },
        quoted: (items) => {
          for (const q of items as AnalysisQuoted[]) {
            inText(q, "quoted");
            if (q.role === "speech") expect(text.slice(q.start, q.end)).toBe(q.text);
          }
        },
        quotes: (items) => {
          for (const q of items as AnalysisQuote[]) {
            for (const span of q.spans) inText(span, `quote ${q.id}`);
            if (q.type !== "direct") continue;
            direct++;
            expect(text.slice((q.spans[0] as Span).start, (q.spans[0] as Span).end)).toMatch(/^«[^«»]+»$/);
            if (q.speaker) {
              directWithSpeaker++;
              expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
            }
          }
        },
        entities: (items) => {
          for (const e of items as AnalysisEntity[]) {
            for (const m of e.mentions) expect(text.slice(m.start, m.end), e.name).toBe(m.text);
          }
        },
      };
    });
    expect(badTokens).toBe(0);
    expect(badSentences).toBe(0);
    expect(head.text).toBe(inputText);
    expect(head.source).toEqual({ name: input, format: "text", encoding: "utf-8" });
    // about one token per six bytes of this German prose
    expect(counts.tokens).toBeGreaterThan(inputBytes / 10);
    expect(counts.paragraphs).toBe(1 + BLOCKS * PARAGRAPHS_PER_BLOCK);

    // the file is the block repeated, so the direct quotes scale with it (within 1 %)
    const expected = BLOCKS * sampleDirect;
    expect(direct).toBeGreaterThanOrEqual(Math.floor(expected * 0.99));
    expect(direct).toBeLessThanOrEqual(Math.ceil(expected * 1.01));
    expect(directWithSpeaker / direct).toBeGreaterThan(0.9);
  }, 600_000);

  it("refuses a file just over the default limit with exit 5 and one line on stderr", async () => {
    const input = join(dir, "zu-gross.txt");
    // sparse: the size check happens before reading, so the content never matters
    const fd = openSync(input, "w");
    ftruncateSync(fd, DEFAULT_MAX_BYTES + 1);
    closeSync(fd);
    const output = join(dir, "zu-gross.json");
    const run = await laut(["analyze", input, "--format", "json", "--output", output]);
    expect(run.status, run.stderr).toBe(5);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^laut: .*\[E_INPUT_TOO_LARGE\]$/);
    expect(existsSync(output)).toBe(false);
  });
});
