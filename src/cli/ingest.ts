/**
 * `laut ingest`: articles from files, folders, corpora (and, with the full sources, URLs and
 * feeds) into the archive. Progress goes to stderr (a bar on a terminal, a log line every few
 * seconds otherwise), the summary to stdout. Ctrl-C stops reading and writes what was read.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { type Command, InvalidArgumentError } from "commander";
import { type IngestProgress, type IngestSummary, runIngest } from "../ingest/runner.js";
import { writeChunks } from "../render/sink.js";
import { archivePath, DEFAULT_DB, openStore } from "../store/index.js";

interface IngestFlags {
  db?: string;
  workers?: number;
  fetch: boolean;
  quiet?: boolean;
  batchSize?: number;
}

const INTERRUPTED_EXIT = 130;
const LOG_EVERY_MS = 5_000;

const HELP_AFTER = `
The archive is one SQLite file: --db FILE, else $LAUT_DB, else ./${DEFAULT_DB}. It is created on
first use and can be read while an ingest writes to it.

Each input item is archived once: an item whose origin (file path, "corpus.jsonl.gz:<line>", URL)
the archive has seen is passed over, so rerunning an ingest, or resuming a killed one, adds only
what is missing. A text already archived under another origin adds that origin to the article
(the same agency story on five sites is one article with five sources). Articles not in German are
recorded as skipped with their language; so are empty and unreadable items.

Exit codes:
  0    the inputs were ingested (skipped and failed articles are counted in the summary)
  2    usage error
  3    an input was not found
  8    the archive cannot be opened or written (bad path, not a laut archive, newer laut) [E_STORE]
  130  interrupted (Ctrl-C): what was read before is archived; rerun to go on
  1    internal error (a bug in laut)

Examples:
  laut ingest artikel/ --db archiv.db
  laut ingest korpus.jsonl.gz --workers 4 --quiet`;

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("analyse German news articles into the archive (files, folders, JSON Lines)")
    .argument("<inputs...>", "files, folders or JSON Lines corpora (.jsonl, .jsonl.gz)")
    .option("--db <file>", `the archive (default: $LAUT_DB or ./${DEFAULT_DB})`)
    .option(
      "--workers <n>",
      `analysis threads (default: ${availableParallelism()}, the cores here; 0 = in the main thread)`,
      wholeNumber,
    )
    .option("--no-fetch", "never fetch anything over the network")
    .option("--quiet", "print nothing but errors")
    .option("--batch-size <n>", "articles per transaction (default 64)", wholeNumber)
    .addHelpText("after", HELP_AFTER)
    .action(async (inputs: string[], flags: IngestFlags) => {
      await runIngestCommand(inputs, flags);
    });
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d{1,6}$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError("expected a whole number");
  }
  return n;
}

async function runIngestCommand(inputs: string[], flags: IngestFlags): Promise<void> {
  const store = await openStore({ path: archivePath(flags.db) });
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    if (++interrupts > 1) process.exit(INTERRUPTED_EXIT);
    process.stderr.write("\nlaut: stopping after the articles read so far (Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  const display = flags.quiet
    ? null
    : process.stderr.isTTY
      ? await barDisplay(await countItems(inputs))
      : logDisplay();
  let summary: IngestSummary;
  try {
    summary = await runIngest({
      inputs,
      store,
      workers: flags.workers ?? availableParallelism(),
      fetch: flags.fetch,
      batchSize: flags.batchSize,
      signal: controller.signal,
      onProgress: display?.update,
    });
  } finally {
    display?.stop();
    process.off("SIGINT", onInterrupt);
    await store.close();
  }
  if (!flags.quiet) await writeChunks(process.stdout, [summaryText(summary, store.location)]);
  if (summary.interrupted) process.exitCode = INTERRUPTED_EXIT;
}

interface Display {
  update(progress: IngestProgress): void;
  stop(): void;
}

const skippedTotal = (p: IngestProgress): number =>
  Object.values(p.skipped).reduce((sum: number, n) => sum + (n ?? 0), 0);
const processed = (p: IngestProgress): number => p.added + p.duplicates + p.failed + skippedTotal(p);

async function barDisplay(total: number | null): Promise<Display> {
  const { SingleBar, Presets } = (await import("cli-progress")).default;
  const known = total !== null;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: known
        ? "ingest {bar} {value}/{total} | {added} added, {duplicates} dup, {skipped} skipped, {failed} failed | {rate}/s | {eta_formatted} left"
        : "ingest {value} read | {added} added, {duplicates} dup, {skipped} skipped, {failed} failed | {rate}/s",
      hideCursor: true,
      etaBuffer: 200,
    },
    Presets.shades_classic,
  );
  const payload = (p: IngestProgress) => ({
    added: p.added,
    duplicates: p.duplicates,
    skipped: skippedTotal(p) + p.known,
    failed: p.failed,
    rate: p.seconds > 0 ? Math.round(processed(p) / p.seconds) : 0,
  });
  bar.start(
    total ?? 0,
    0,
    payload({ read: 0, added: 0, duplicates: 0, known: 0, skipped: {}, failed: 0, seconds: 0 }),
  );
  return {
    update(p) {
      const done = processed(p) + p.known;
      if (known && done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, payload(p));
    },
    stop: () => bar.stop(),
  };
}

function logDisplay(): Display {
  let last = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < LOG_EVERY_MS) return;
      last = now;
      const rate = p.seconds > 0 ? processed(p) / p.seconds : 0;
      process.stderr.write(
        `laut: ingest: ${p.read} read, ${p.added} added, ${p.duplicates} duplicates, ${skippedTotal(p)} skipped, ${p.known} known, ${p.failed} failed, ${rate.toFixed(0)}/s\n`,
      );
    },
    stop() {},
  };
}

function summaryText(s: IngestSummary, location: string): string {
  const skipped = Object.entries(s.skipped)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${n} ${reason === "language" ? "not German" : reason}`);
  const rows: [string, string][] = [
    ["archive", location],
    ["read", String(s.read)],
    ["added", String(s.added)],
    ["duplicates", String(s.duplicates)],
    ["skipped", skipped.length > 0 ? `${skippedTotal(s)} (${skipped.join(", ")})` : "0"],
    ["already archived", String(s.known)],
    ["failed", String(s.failed)],
    ["seconds", s.seconds.toFixed(1)],
    ["articles/s", s.articlesPerSecond.toFixed(1)],
  ];
  if (s.interrupted) rows.push(["interrupted", "yes: rerun the same command to go on"]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`;
}

/**
 * How many items the inputs hold, for the bar's ETA: lines of JSON Lines files, files in folders,
 * one per other file. Null when an input cannot be counted up front (URLs, standard input).
 */
async function countItems(inputs: string[]): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) return null;
    if (info.isDirectory()) total += await countFiles(input);
    else if (/\.jsonl(?:\.gz)?$/i.test(input)) total += await countLines(input);
    else total++;
  }
  return total;
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += await countFiles(join(dir, entry.name));
    else if (entry.isFile()) n++;
  }
  return n;
}

async function countLines(path: string): Promise<number> {
  const stream = createReadStream(path);
  const lines = createInterface({
    input: path.toLowerCase().endsWith(".gz") ? stream.pipe(createGunzip()) : stream,
  });
  let n = 0;
  for await (const line of lines) if (line.trim() !== "") n++;
  return n;
}
