/**
 * `laut eval quotes|gepade|ner`: laut against public gold data, with the shared tasks' metrics.
 * docs/EVALUATION.md explains the numbers and how to reproduce each of them.
 */
import { writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { LautError } from "../errors.js";
import { registerClaimsEval } from "../eval/claims.js";
import { registerHtmlEval } from "../eval/html.js";
import { registerLinkEval } from "../eval/link.js";
import { GUARD_EXIT, guard, readRecord, recordEntry, writeRecord } from "../eval/record.js";
import { gepadeTable, nerTable, quoteErrors, quoteTable, roundForJson } from "../eval/report.js";
import { evaluateGepade, evaluateNer, evaluateQuotes } from "../eval/run.js";

interface QuoteOptions {
  gold: string;
  json?: boolean;
  simplified?: boolean;
  errors?: string;
  limit?: number;
  record?: string;
  guard?: boolean;
  update?: boolean;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new LautError("E_USAGE", `--limit wants a positive whole number, not "${value}"`);
  return n;
}

const splitName = (path: string): string => basename(resolve(path));

export function registerEval(program: Command): void {
  const evalCommand = program
    .command("eval")
    .description("measure laut against public gold data (see docs/EVALUATION.md)");

  evalCommand
    .command("quotes")
    .description("quotation attribution on German WikiNews (SpkAtt 2023 task 2 metric)")
    .requiredOption(
      "--gold <dir>",
      "folder of WikiNews gold JSON files, e.g. ../shared/data/quotes/wikinews/dev",
    )
    .option("--json", "print the scores as JSON")
    .option("--simplified", "the shared task's simplified setting: non-nested quotes, speaker role only")
    .option("--errors <file>", "write every missed, spurious and mis-attributed quote with its context")
    .option("--limit <n>", "only the first n documents (by file name)", parseLimit)
    .option("--record <file>", "recorded dev numbers, e.g. eval/record.json (with --guard or --update)")
    .option("--guard", `exit with code ${GUARD_EXIT} when joint F1 is more than one point below the record`)
    .option("--update", "write the measured numbers into the record")
    .action((options: QuoteOptions) => runQuotes(options));

  evalCommand
    .command("gepade")
    .description("speaker attribution on GePaDe Bundestag speeches (GermEval 2023 SpkAtt task 1)")
    .requiredOption("--gold <dir>", "folder of GePaDe gold JSON files, e.g. ../shared/data/quotes/gepade/dev")
    .option("--json", "print the scores as JSON")
    .option("--limit <n>", "only the first n speeches (by file name)", parseLimit)
    .action((options: { gold: string; json?: boolean; limit?: number }) => {
      const run = evaluateGepade(options.gold, { limit: options.limit });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(roundForJson({ ...run.scores, seconds: run.seconds }), null, 2)}\n`
          : gepadeTable(run, `gepade ${splitName(options.gold)}`),
      );
    });

  evalCommand
    .command("ner")
    .description("named entities on GermEval 2014 (outer chunks, strict)")
    .requiredOption("--gold <file>", "GermEval 2014 TSV, e.g. ../shared/data/ner/germeval2014/NER-de-dev.tsv")
    .option("--json", "print the scores as JSON")
    .option("--limit <n>", "only the first n sentences", parseLimit)
    .action((options: { gold: string; json?: boolean; limit?: number }) => {
      const run = evaluateNer(options.gold, { limit: options.limit });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(roundForJson({ ...run.scores, seconds: run.seconds }), null, 2)}\n`
          : nerTable(run, basename(options.gold)),
      );
    });

  registerLinkEval(evalCommand);
  registerClaimsEval(evalCommand);
  registerHtmlEval(evalCommand);
}

function runQuotes(options: QuoteOptions): void {
  if ((options.guard || options.update) && !options.record) {
    throw new LautError("E_USAGE", "--guard and --update need --record <file>");
  }
  if (options.guard && options.update)
    throw new LautError("E_USAGE", "use either --guard or --update, not both");
  if (options.record && !options.guard && !options.update) {
    throw new LautError("E_USAGE", "--record needs --guard (compare) or --update (rewrite)");
  }
  if (options.record && options.limit !== undefined) {
    throw new LautError("E_USAGE", "--limit does not go with --record: the record holds whole-split numbers");
  }
  const simplified = options.simplified ?? false;
  const split = splitName(options.gold);
  const key = `wikinews-${split}${simplified ? "-simplified" : ""}`;
  // read the record before the run, so a bad path fails in a second, not after the whole split
  const record = options.record ? readRecord(options.record, { mustExist: options.guard === true }) : null;
  const recorded = record?.[key];
  if (options.guard && !recorded) {
    throw new LautError("E_USAGE", `${options.record} has no entry "${key}"; create it with --update`);
  }

  const run = evaluateQuotes(options.gold, { simplified, limit: options.limit });

  if (options.errors) {
    try {
      writeFileSync(
        options.errors,
        quoteErrors(run, `wikinews ${split}${simplified ? " · simplified" : ""}`),
      );
    } catch (error) {
      throw new LautError("E_OUTPUT", `error file ${options.errors} cannot be written`, { cause: error });
    }
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(roundForJson({ ...run.scores, seconds: run.seconds }), null, 2)}\n`
      : quoteTable(run, `wikinews ${split}`, simplified),
  );

  if (options.update && options.record && record) {
    record[key] = recordEntry(run.scores, new Date());
    writeRecord(options.record, record);
    process.stderr.write(`recorded ${key} in ${options.record}\n`);
  }
  if (options.guard && recorded) {
    const verdict = guard(recorded, run.scores.joint.f1, key);
    process.stderr.write(`${verdict.message}\n`);
    if (!verdict.ok) process.exitCode = GUARD_EXIT;
  }
}
