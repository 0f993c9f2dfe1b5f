import type { Command } from "commander";

// TEMPORARY stand-in: the eval command is being written.
export function registerEval(program: Command): void {
  program.command("eval").description("(not yet available)");
}
