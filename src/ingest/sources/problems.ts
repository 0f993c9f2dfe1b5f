/**
 * Why an item could not be read. Items that fail carry `problem: {code, message}`; the codes are
 * the input layer's LautError codes (E_INPUT_EMPTY, E_INPUT_BINARY, E_INPUT_ENCODING,
 * E_INPUT_TOO_LARGE) plus these, which only sources produce. They are stable: the runner stores them.
 */
export const SOURCE_PROBLEMS = {
  E_FETCH_DISABLED: "the input is a URL and fetching is turned off",
  E_FETCH_STATUS: "the server answered with an error status",
  E_FETCH_TIMEOUT: "the server did not answer in time",
  E_FETCH_FAILED: "the request failed (DNS, connection, TLS)",
  E_FEED_FORMAT: "the feed could not be parsed",
  E_JSONL_LINE: "a JSONL line (or JSON document) is not a JSON object with article text",
  E_WARC_FORMAT: "the WARC file is broken or truncated",
  E_INPUT_KIND: "the input is of a kind laut does not read (binary, an archive of something else)",
} as const;

export type SourceProblemCode = keyof typeof SOURCE_PROBLEMS;

export class SourceProblem extends Error {
  readonly code: SourceProblemCode | "E_INPUT_TOO_LARGE";

  constructor(code: SourceProblemCode | "E_INPUT_TOO_LARGE", message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SourceProblem";
    this.code = code;
  }
}
