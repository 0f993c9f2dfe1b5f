/**
 * `laut eval quotes|gepade|ner`: laut against public gold data, with the shared tasks' metrics.
 * docs/EVALUATION.md explains the numbers and how to reproduce each of them.
 */
import { writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { evaluateNamesOn, validateNer } from "../entities/ner/cli.js";
import { LautError } from "../errors.js";
import { registerClaimsEval } from "../eval/claims.js";
import type { NerScores } from "../eval/germeval.js";
import { registerHtmlEval } from "../eval/html.js";
import { registerLinkEval } from "../eval/link.js";
import { GUARD_EXIT, guard, readRecord, recordEntry, writeRecord } from "../eval/record.js";
import { gepadeTable, nerTable, quoteErrors, quoteTable, roundForJson } from "../eval/report.js";
import { evaluateGepade, evaluateNer, evaluateQuotes, lautAnalyzerWithNames } from "../eval/run.js";

interface QuoteOptions {
  gold: string;
  json?: boolean;
  simplified?: boolean;
  errors?: string;
  limit?: number;
  record?: string;
  guard?: boolean;
  update?: boolean;
  names?: boolean;
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
    .option("--names", "run laut with the trained name recogniser on (not with --record)")
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
    .option("--gold <file>", "GermEval 2014 TSV, e.g. ../shared/data/ner/germeval2014/NER-de-dev.tsv")
    .option("--cv <k>", "k-fold cross-validation of the recogniser over GermEval dev + test-a", parseLimit)
    .option("--holdout", "train the recogniser on GermEval dev, score test-a")
    .option("--extra <corpora>", "with --cv/--holdout: also train on ler and/or europeana (comma-separated)")
    .option(
      "--tokens <how>",
      "with --cv/--holdout: predict on the gold tokens or laut's own (gold|laut)",
      "gold",
    )
    .option("--epochs <n>", "with --cv/--holdout: training epochs", parseLimit)
    .option("--entities", "score the rule-based entities (speaker registry) instead of the names layer")
    .option("--json", "print the scores as JSON")
    .option("--limit <n>", "only the first n sentences", parseLimit)
    .action((options: NerOptions) => runNer(options));

  registerLinkEval(evalCommand);
  registerClaimsEval(evalCommand);
  registerHtmlEval(evalCommand);
}

interface NerOptions {
  gold?: string;
  cv?: number;
  holdout?: boolean;
  extra?: string;
  tokens: string;
  epochs?: number;
  entities?: boolean;
  json?: boolean;
  limit?: number;
}

function runNer(options: NerOptions): void {
  const validating = options.cv !== undefined || options.holdout === true;
  if (options.cv !== undefined && options.holdout)
    throw new LautError("E_USAGE", "use either --cv or --holdout");
  if (validating && (options.gold || options.entities || options.limit !== undefined)) {
    throw new LautError(
      "E_USAGE",
      "--cv and --holdout read GermEval dev and test-a themselves; --gold, --entities and --limit do not go with them",
    );
  }
  if (!validating && (options.extra || options.epochs !== undefined || options.tokens !== "gold")) {
    throw new LautError("E_USAGE", "--extra, --epochs and --tokens go with --cv or --holdout");
  }
  const print = (run: { scores: NerScores; seconds: number }, title: string) =>
    process.stdout.write(
      options.json
        ? `${JSON.stringify(roundForJson({ ...run.scores, seconds: run.seconds }), null, 2)}\n`
        : nerTable(run, title),
    );
  if (validating) {
    const run = validateNer({
      cv: options.cv,
      extra: (options.extra ?? "").split(",").filter(Boolean),
      tokenisation: options.tokens,
      epochs: options.epochs,
    });
    print(run, `${run.mode}, ${run.trainSentences} training sentences, ${run.tokenisation} tokens`);
    return;
  }
  if (!options.gold) throw new LautError("E_USAGE", "give --gold <file>, or --cv <k> or --holdout");
  if (options.entities) {
    const run = evaluateNer(options.gold, { limit: options.limit });
    print(run, `${basename(options.gold)} · rule-based entities`);
    return;
  }
  const run = evaluateNamesOn(options.gold, options.limit);
  if (run.seen) {
    process.stderr.write(
      `laut: WARNING: the shipped name model was trained on ${basename(options.gold)}; this score says nothing ` +
        "about accuracy. Use --cv <k> or --holdout for honest numbers.\n",
    );
  }
  print(run, `${basename(options.gold)} · names layer${run.seen ? " · TRAINING DATA, NOT A TEST" : ""}`);
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

  if (options.names && options.record) {
    throw new LautError(
      "E_USAGE",
      "--names does not go with --record: the record holds the default pipeline's numbers",
    );
  }
  const run = evaluateQuotes(options.gold, {
    simplified,
    limit: options.limit,
    analyzer: options.names ? lautAnalyzerWithNames : undefined,
  });

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
