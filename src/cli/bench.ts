import type { Command } from "commander";

// TEMPORARY stand-in: the bench command is being written.
export function registerBench(program: Command): void {
  program.command("bench").description("(not yet available)");
}
