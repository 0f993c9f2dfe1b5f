/**
 * Test helper: what a command writes to stdout and stderr, captured per test, so CLI tests can run
 * commands in-process and read their output.
 */
import { afterEach, beforeEach, vi } from "vitest";

export function captureOutput(): { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  beforeEach(() => {
    out = "";
    err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return { out: () => out, err: () => err };
}
