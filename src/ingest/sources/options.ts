/** How sources reach the network and how much they read; every field has a default. */
import { VERSION } from "../../cli/version.js";
import { LautError } from "../../errors.js";
import { DEFAULT_MAX_BYTES } from "../../input/read.js";

export interface SourceOptions {
  /** false: never touch the network (URL inputs become problem items, feeds use their own text). Default true. */
  fetch?: boolean;
  /** per request, headers and body together (default 20,000 ms) */
  timeoutMs?: number;
  /** largest single item read into memory: a file, a page, a WARC record, a JSONL line (default 64 MiB) */
  maxBytes?: number;
  userAgent?: string;
  /** stops the iteration: pending requests are cancelled and the iterator throws the abort reason */
  signal?: AbortSignal;
  /** the fetch to use (tests pass one that counts requests) */
  fetchImpl?: typeof fetch;
  /** feed item pages fetched at the same time (default 4); items still come out in feed order */
  concurrency?: number;
  /** what "-" reads (default process.stdin); tests and servers pass their own stream */
  stdin?: AsyncIterable<Uint8Array>;
  /** notes that are not problems (a feed item read from the feed because its page failed); default stderr */
  log?: (message: string) => void;
}

export interface ResolvedOptions {
  fetch: boolean;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  signal: AbortSignal | undefined;
  fetchImpl: typeof fetch;
  concurrency: number;
  stdin: AsyncIterable<Uint8Array>;
  log: (message: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_USER_AGENT = `laut/${VERSION} (news quote extraction; +https://www.npmjs.com/package/laut)`;

function positiveInteger(value: number, option: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new LautError("E_USAGE", `${option} must be a positive whole number, not ${value}`);
  }
  return value;
}

export function resolveOptions(options: SourceOptions = {}): ResolvedOptions {
  return {
    fetch: options.fetch ?? true,
    timeoutMs: positiveInteger(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "the timeout"),
    maxBytes: positiveInteger(options.maxBytes ?? DEFAULT_MAX_BYTES, "--max-bytes"),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    signal: options.signal,
    fetchImpl: options.fetchImpl ?? globalThis.fetch,
    concurrency: positiveInteger(options.concurrency ?? DEFAULT_CONCURRENCY, "the concurrency"),
    stdin: options.stdin ?? process.stdin,
    log: options.log ?? ((message) => process.stderr.write(`laut: ${message}\n`)),
  };
}
