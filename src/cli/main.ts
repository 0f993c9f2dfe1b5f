/**
 * The `laut` command. Each subcommand lives in its own module and registers itself here.
 * Every failure leaves through `fail()`: one line on stderr, the documented exit code.
 */
import { Command, CommanderError } from "commander";
import { ERROR_CODES, isLautError } from "../errors.js";
import { registerAnalyze } from "./analyze.js";
import { registerBench } from "./bench.js";
import { registerEval } from "./eval.js";
import { registerIngest } from "./ingest.js";
import { registerServe } from "./serve.js";
import { VERSION } from "./version.js";

export function buildProgram(): Command {
  const program = new Command("laut")
    .description("Who said what, about whom, how certain: German news into source-attributed records.")
    .version(VERSION)
    .showHelpAfterError("(run `laut --help` for usage)")
    .exitOverride();
  registerAnalyze(program);
  registerBench(program);
  registerEval(program);
  registerIngest(program);
  registerServe(program);
  return program;
}

export function fail(error: unknown): never {
  if (error instanceof CommanderError) {
    // commander already printed its message; help and --version exit 0
    process.exit(error.exitCode === 0 ? 0 : ERROR_CODES.E_USAGE.exit);
  }
  if (isLautError(error)) {
    process.stderr.write(`laut: ${error.message} [${error.code}]\n`);
    process.exit(error.exitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`laut: internal error: ${message} [E_INTERNAL] (please report this)\n`);
  if (process.env.LAUT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(ERROR_CODES.E_INTERNAL.exit);
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  fail(error);
}
