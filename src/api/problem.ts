/**
 * Errors over HTTP as RFC 9457 problem details (`application/problem+json`). The `code` member
 * carries the same stable codes as the CLI's exit codes (src/errors.ts), so a script handles a
 * failed request and a failed command alike; a few codes exist only on the web side (a missing
 * record, a refused token, a body over the limit on the wire).
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ERROR_CODES, type ErrorCode, isLautError } from "../errors.js";

/** codes that only HTTP clients see */
export const API_ERROR_CODES = {
  E_NOT_FOUND: { status: 404, summary: "no such record or page" },
  E_UNAUTHORIZED: { status: 401, summary: "this endpoint needs a bearer token" },
  E_FORBIDDEN: { status: 403, summary: "writing is disabled on this server" },
  E_NOT_GERMAN: { status: 422, summary: "the text is not in German" },
  E_FETCH: { status: 502, summary: "the page could not be fetched" },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
export type ProblemCode = ErrorCode | ApiErrorCode;

/** HTTP status per LautError code: the caller's fault is 4xx, the archive's or laut's is 5xx */
export const STATUS_OF_ERROR: Record<ErrorCode, number> = {
  E_USAGE: 400,
  E_INPUT_NOT_FOUND: 404,
  E_INPUT_EMPTY: 422,
  E_INPUT_BINARY: 415,
  E_INPUT_ENCODING: 422,
  E_INPUT_TOO_LARGE: 413,
  E_GOLD_FORMAT: 422,
  E_OUTPUT: 500,
  E_STORE: 503,
  E_MODEL: 500,
  E_PIPELINE: 500,
  E_INTERNAL: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** the request path */
  instance?: string;
  /** validation failures, one per bad parameter */
  errors?: { path: string; message: string }[];
}

export function statusOf(code: ProblemCode): number {
  return code in API_ERROR_CODES
    ? API_ERROR_CODES[code as ApiErrorCode].status
    : STATUS_OF_ERROR[code as ErrorCode];
}

function summaryOf(code: ProblemCode): string {
  // the CLI's wording names the command line; over HTTP the same mistake is a bad request
  if (code === "E_USAGE") return "bad request: a parameter or the body is malformed";
  return code in API_ERROR_CODES
    ? API_ERROR_CODES[code as ApiErrorCode].summary
    : ERROR_CODES[code as ErrorCode].summary;
}

/** An error a handler throws to answer with a problem document. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly errors: Problem["errors"];

  constructor(code: ProblemCode, detail: string, errors?: Problem["errors"]) {
    super(detail);
    this.name = "ProblemError";
    this.code = code;
    this.errors = errors;
  }
}

export function problemOf(code: ProblemCode, detail: string, instance?: string): Problem {
  return {
    // a reference into this server's API page, which lists every code
    type: `/docs#${code}`,
    title: summaryOf(code),
    status: statusOf(code),
    detail,
    code,
    ...(instance ? { instance } : {}),
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}

/** The one error handler: known errors keep their code, anything else is E_INTERNAL without details. */
export function errorToResponse(error: unknown, c: Context): Response {
  const path = c.req.path;
  if (error instanceof ProblemError) {
    const problem = problemOf(error.code, error.message, path);
    if (error.errors) problem.errors = error.errors;
    const headers: Record<string, string> =
      error.code === "E_UNAUTHORIZED" ? { "www-authenticate": 'Bearer realm="laut"' } : {};
    return problemResponse(problem, headers);
  }
  if (isLautError(error)) return problemResponse(problemOf(error.code, error.message, path));
  // Hono's own refusals (malformed JSON body): the client's fault, whatever status Hono chose
  if (error instanceof HTTPException && error.status < 500) {
    return problemResponse({ ...problemOf("E_USAGE", error.message, path), status: error.status });
  }
  if (process.env.LAUT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return problemResponse(
    problemOf(
      "E_INTERNAL",
      "internal error (a bug in laut; the server log has details with LAUT_DEBUG=1)",
      path,
    ),
  );
}
