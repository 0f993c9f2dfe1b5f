import type { Command } from "commander";

// TEMPORARY stand-in: the analyze command is being written.
export function registerAnalyze(program: Command): void {
  program.command("analyze").description("(not yet available)");
}
