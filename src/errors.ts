/**
 * One error type for the whole of laut. Codes are stable: the CLI maps them to exit codes and
 * (later) the HTTP API to status codes, so scripts can rely on them.
 */
export const ERROR_CODES = {
  E_USAGE: { exit: 2, summary: "bad command-line usage" },
  E_INPUT_NOT_FOUND: { exit: 3, summary: "input file not found or not readable" },
  E_INPUT_EMPTY: { exit: 4, summary: "input has no text" },
  E_INPUT_BINARY: { exit: 4, summary: "input is binary, not text" },
  E_INPUT_ENCODING: { exit: 4, summary: "input text encoding could not be decoded" },
  E_INPUT_TOO_LARGE: { exit: 5, summary: "input exceeds the size limit" },
  E_GOLD_FORMAT: { exit: 4, summary: "gold data is missing or malformed" },
  E_OUTPUT: { exit: 6, summary: "output could not be written" },
  E_STORE: { exit: 8, summary: "the archive database cannot be opened, is corrupt or is from a newer laut" },
  E_MODEL: { exit: 1, summary: "a model file is missing, corrupt or of another version" },
  E_PIPELINE: { exit: 1, summary: "pipeline contract violated (a bug in laut)" },
  E_INTERNAL: { exit: 1, summary: "internal error (a bug in laut)" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class LautError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LautError";
    this.code = code;
    this.exitCode = ERROR_CODES[code].exit;
  }
}

export function isLautError(error: unknown): error is LautError {
  return error instanceof LautError;
}
