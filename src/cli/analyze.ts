/**
 * `laut analyze`: inputs to Analysis documents as JSON, a terminal report or an HTML page.
 * Each input is read, analysed, rendered and written before the next is read, so memory holds
 * one document at a time. A bad input among several is reported on stderr and skipped; the run
 * then ends with the first error's exit code. Output failures stop the run at once.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Analysis } from "../analysis.js";
import { analyze } from "../analyze.js";
import { isLautError, LautError } from "../errors.js";
import { DEFAULT_MAX_BYTES, readInput, STDIN_NAME } from "../input/read.js";
import { renderHtml } from "../render/html.js";
import { analysisJsonChunks } from "../render/json.js";
import { outputError, writeChunks } from "../render/sink.js";
import { renderText } from "../render/text.js";

type OutputFormat = "json" | "text" | "html";

interface AnalyzeFlags {
  format: OutputFormat;
  pretty?: boolean;
  output?: string;
  maxBytes?: number;
  inputFormat: "auto" | "text" | "html";
  names?: boolean;
}

const EXTENSION: Record<OutputFormat, string> = { json: ".json", text: ".txt", html: ".html" };

const HELP_AFTER = `
Output:
  json   one Analysis document per input (see docs/ANALYSIS.md, schema/analysis.schema.json),
         compact on one line; several inputs give JSON Lines, one document per line.
         --pretty indents (one input, or --output DIR).
  text   a report per input: quotes grouped by speaker; several reports are separated by a
         line of "=". Coloured on a terminal unless NO_COLOR is set.
  html   one self-contained page per input; several inputs need --output DIR.
  --output DIR (an existing directory, or a path ending in "/") writes one file per input,
  named after it (artikel.txt -> artikel.html, - -> stdin.html); otherwise --output names
  one file.

Exit codes:
  0  every input was analysed
  2  usage error (unknown option, bad --format, ...)
  3  an input was not found or not readable
  4  an input is empty, binary or in an encoding that cannot be decoded
  5  an input exceeds --max-bytes (default ${DEFAULT_MAX_BYTES / (1024 * 1024)} MiB)
  6  the output could not be written
  1  internal error (a bug in laut; please report it)
With several inputs, each bad one is reported on stderr (one line with its code) and skipped;
the exit code is the first error's.

Examples:
  laut analyze artikel.txt --format text
  curl -s https://example.ch/artikel | laut analyze - --input-format html --format html -o artikel.html
  laut analyze texte/*.txt > analysen.jsonl`;

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("find who said what in German news articles (files, or - for standard input)")
    .argument("<inputs...>", 'text or HTML files; "-" reads standard input')
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["json", "text", "html"]).default("json"),
    )
    .option("--pretty", "indent JSON output")
    .option("--names", "also run the trained name recogniser (adds `names` to the JSON)")
    .option("-o, --output <path>", "write to this file, or one file per input into this directory")
    .option("--max-bytes <size>", "refuse inputs larger than this (bytes; k, M, G suffixes)", parseSize)
    .addOption(
      new Option("--input-format <format>", "how to read the inputs")
        .choices(["auto", "text", "html"])
        .default("auto"),
    )
    .addHelpText("after", HELP_AFTER)
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      await runAnalyze(inputs, flags);
    });
}

/** "65536", "512k", "10M", "1G" (binary multiples) to a byte count. */
export function parseSize(value: string): number {
  const match = /^(\d{1,15})([kmg]?)(?:i?b)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected a number of bytes, e.g. 65536, 512k or 10M");
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const bytes = Number(match[1]) * factor;
  if (bytes <= 0 || !Number.isSafeInteger(bytes)) throw new InvalidArgumentError("expected a positive size");
  return bytes;
}

async function runAnalyze(inputs: string[], flags: AnalyzeFlags): Promise<void> {
  if (inputs.filter((i) => i === "-").length > 1) {
    throw new LautError("E_USAGE", 'standard input ("-") can be read only once');
  }
  const toDirectory = flags.output !== undefined && (await isDirectoryTarget(flags.output));
  const several = inputs.length > 1;
  if (several && !toDirectory && flags.format === "html") {
    throw new LautError("E_USAGE", "html output for several inputs needs --output DIR (one page per input)");
  }
  if (several && !toDirectory && flags.pretty && flags.format === "json") {
    throw new LautError(
      "E_USAGE",
      "--pretty cannot be used for several inputs in one stream (JSON Lines keep one document per line); use --output DIR",
    );
  }
  const inputPaths = new Set(inputs.filter((i) => i !== "-").map((i) => resolve(i)));
  if (flags.output !== undefined && !toDirectory && inputPaths.has(resolve(flags.output))) {
    throw new LautError("E_USAGE", `--output ${flags.output} would overwrite an input`);
  }

  const output = toDirectory
    ? new DirectoryOutput(flags.output as string, flags.format, inputPaths)
    : new StreamOutput(flags.output ?? null);
  let firstError: LautError | null = null;
  let written = 0;
  try {
    for (const source of inputs) {
      let analysis: Analysis;
      try {
        const input = await readInput(source, { maxBytes: flags.maxBytes, format: flags.inputFormat });
        analysis = analyze(input.text, {
          name: input.name,
          format: input.format,
          encoding: input.encoding,
          names: flags.names === true,
        });
      } catch (error) {
        if (!isLautError(error) || error.code === "E_OUTPUT" || error.code === "E_USAGE") throw error;
        process.stderr.write(`laut: ${error.message} [${error.code}]\n`);
        firstError ??= error;
        continue;
      }
      await output.write(source, render(analysis, flags, output.isTerminal, written > 0 && !toDirectory));
      written++;
    }
  } finally {
    await output.close();
  }
  if (firstError) process.exitCode = firstError.exitCode;
}

/** The output of one document as chunks; a text report after another in the same stream starts with a separator. */
function* render(
  analysis: Analysis,
  flags: AnalyzeFlags,
  terminal: boolean,
  separated: boolean,
): Generator<string> {
  if (flags.format === "json") {
    yield* analysisJsonChunks(analysis, { pretty: flags.pretty === true });
    yield "\n";
  } else if (flags.format === "text") {
    const width = terminal ? Math.min(100, process.stdout.columns ?? 80) : 80;
    if (separated) yield `\n${"=".repeat(width)}\n\n`;
    yield renderText(analysis, { color: terminal && !process.env.NO_COLOR, width });
  } else {
    yield renderHtml(analysis);
  }
}

async function isDirectoryTarget(path: string): Promise<boolean> {
  if (path.endsWith("/") || path.endsWith("\\")) return true;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

interface Output {
  /** stdout on a terminal: colour and terminal width apply */
  readonly isTerminal: boolean;
  write(source: string, chunks: Iterable<string>): Promise<void>;
  close(): Promise<void>;
}

/** Standard output, or one file opened at the first document (so a failed run leaves no empty file). */
class StreamOutput implements Output {
  readonly isTerminal: boolean;
  #file: WriteStream | null = null;

  constructor(readonly path: string | null) {
    this.isTerminal = path === null && process.stdout.isTTY === true;
    // a reader that goes away (laut analyze … | head) must not crash the process with a stack
    // trace after the last write; failures during a write are caught by writeChunks
    if (path === null) process.stdout.on("error", () => {});
  }

  async write(_source: string, chunks: Iterable<string>): Promise<void> {
    if (this.path === null) return writeChunks(process.stdout, chunks);
    this.#file ??= await openFile(this.path);
    return writeChunks(this.#file, chunks);
  }

  async close(): Promise<void> {
    if (this.#file) await closeFile(this.#file);
  }
}

/** One file per input, named after the input, never overwriting an input or an earlier output. */
class DirectoryOutput implements Output {
  readonly isTerminal = false;
  readonly #used = new Set<string>();
  #created = false;

  constructor(
    readonly dir: string,
    readonly format: OutputFormat,
    readonly inputPaths: ReadonlySet<string>,
  ) {}

  async write(source: string, chunks: Iterable<string>): Promise<void> {
    if (!this.#created) {
      await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
        throw outputError(error);
      });
      this.#created = true;
    }
    const file = await openFile(this.#pathFor(source));
    try {
      await writeChunks(file, chunks);
    } finally {
      await closeFile(file);
    }
  }

  async close(): Promise<void> {}

  #pathFor(source: string): string {
    const stem =
      source === "-" || source === STDIN_NAME ? "stdin" : basename(source, extname(source)) || "input";
    const ext = EXTENSION[this.format];
    for (let n = 1; ; n++) {
      const path = resolve(join(this.dir, `${stem}${n === 1 ? "" : `-${n}`}${ext}`));
      if (!this.#used.has(path) && !this.inputPaths.has(path)) {
        this.#used.add(path);
        return path;
      }
    }
  }
}

function openFile(path: string): Promise<WriteStream> {
  return new Promise((resolveOpen, reject) => {
    const file = createWriteStream(path);
    file.once("ready", () => resolveOpen(file));
    file.once("error", (error) => reject(outputError(error)));
  });
}

function closeFile(file: WriteStream): Promise<void> {
  return new Promise((resolveClose, reject) => {
    if (file.destroyed) {
      resolveClose();
      return;
    }
    file.once("error", (error) => reject(outputError(error)));
    file.end(() => resolveClose());
  });
}
