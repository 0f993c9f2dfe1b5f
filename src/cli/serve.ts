/**
 * `laut serve`: the archive's API and web UI on a local port. Bound to 127.0.0.1 unless --host
 * says otherwise; beyond this machine, adding articles needs --token (or $LAUT_TOKEN). With --demo
 * it first ingests the repository's examples/ (into a throwaway archive unless --db names one),
 * so a fresh clone shows something at once.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Command, InvalidArgumentError } from "commander";
import { analyze } from "../analyze.js";
import { createApp, DEFAULT_MAX_BODY_BYTES, type WritePolicy } from "../api/app.js";
import { isLoopback, startServer } from "../api/server.js";
import { LautError } from "../errors.js";
import { readInput } from "../input/read.js";
import { DEFAULT_DB, openStore } from "../store/index.js";
import type { Store } from "../store/store.js";

interface ServeFlags {
  db?: string;
  port: number;
  host: string;
  demo?: boolean;
  token?: string;
  fetch?: boolean;
}

export const DEFAULT_PORT = 4180;
const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

const HELP_AFTER = `
Open the printed address in a browser: articles with their quotes highlighted per speaker,
speaker pages, search, and a page to paste a text and see its analysis. The API is described at
/docs (and as OpenAPI at /openapi.json); errors are application/problem+json with the CLI's codes.

Only GET requests and POST /api/analyze read; POST /api/articles adds an article. On 127.0.0.1
anyone on this machine may add articles (unless --token is set); on any other --host adding
needs the token, and is disabled without one. Nothing is fetched from the internet unless
--fetch allows POST /api/analyze to fetch a URL it is sent.

Exit codes:
  0  stopped with Ctrl-C
  2  usage error, or the port is in use
  3  --demo: the examples folder is missing
  8  the archive cannot be opened [E_STORE]

Examples:
  laut serve --demo
  laut serve --db archiv.db --port 8080
  LAUT_TOKEN=geheim laut serve --db archiv.db --host 0.0.0.0`;

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the archive as a web UI and an HTTP API")
    .option("--db <file>", `the archive (default: $LAUT_DB or ./${DEFAULT_DB}; with --demo a temporary one)`)
    .option("--port <n>", `port (0 picks a free one)`, portNumber, DEFAULT_PORT)
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--demo", "ingest the example articles first")
    .option("--token <token>", "bearer token for adding articles (default: $LAUT_TOKEN)")
    .option("--fetch", "let POST /api/analyze fetch URLs")
    .addHelpText("after", HELP_AFTER)
    .action(async (flags: ServeFlags) => {
      await runServe(flags);
    });
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError("expected a port, 0 to 65535");
  return n;
}

export function writePolicy(host: string, token: string | undefined): WritePolicy {
  if (token) return { token };
  return isLoopback(host) ? "open" : "closed";
}

async function runServe(flags: ServeFlags): Promise<void> {
  const token = flags.token ?? (process.env.LAUT_TOKEN || undefined);
  // a demo without --db must not touch ./laut.db: it gets an archive of its own, removed on exit
  const scratch = flags.demo && !flags.db ? await mkdtemp(join(tmpdir(), "laut-demo-")) : null;
  // openStore resolves --db itself (and keeps ":memory:" in memory)
  const store = await openStore({ path: scratch ? join(scratch, "demo.db") : flags.db });
  const cleanUp = async () => {
    await store.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  try {
    if (flags.demo) {
      if (!existsSync(EXAMPLES)) {
        throw new LautError(
          "E_INPUT_NOT_FOUND",
          `--demo needs the examples folder, not found at ${EXAMPLES}`,
        );
      }
      const added = await ingestExamples(store);
      process.stderr.write(`laut: demo archive: ${added} example articles ingested\n`);
    }
    const writes = writePolicy(flags.host, token);
    if (writes === "closed") {
      process.stderr.write(
        `laut: listening beyond this machine without --token: adding articles is disabled\n`,
      );
    }
    const app = createApp({
      store,
      writes,
      fetch: flags.fetch ?? false,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    });
    const server = await startServer(app, { host: flags.host, port: flags.port });
    process.stdout.write(`laut: serving ${store.location} at ${server.url} (API: ${server.url}docs)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await server.close();
  } finally {
    await cleanUp();
  }
}

/**
 * The example articles into the archive, each titled by its title line (the plain-text source of
 * `laut ingest` leaves titles empty, and a demo list of "Artikel 1, 2, 3" shows nothing). Examples
 * archived before (a reused --db) are passed over.
 */
async function ingestExamples(store: Store): Promise<number> {
  const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith(".txt")).sort();
  let added = 0;
  for (const file of files) {
    const origin = join(EXAMPLES, file);
    if (await store.hasOrigin(origin)) continue;
    const input = await readInput(origin, { format: "text" });
    const analysis = analyze(input.text, { name: file, format: "text", encoding: input.encoding });
    const result = await store.addArticle(
      {
        origin,
        url: null,
        title: analysis.title?.text ?? null,
        published: null,
        author: null,
        site: "laut examples",
        text: input.text,
        format: "text",
        encoding: input.encoding,
      },
      analysis,
    );
    if (!result.duplicate) added++;
  }
  return added;
}
