/**
 * HTTP(S) for the sources: one GET with a timeout covering headers and body, a byte limit
 * checked while the body streams in, and failures as SourceProblems with stable codes so a
 * dead link becomes a problem item, not a crash. Aborting the caller's signal is not a
 * problem of one item: it ends the whole ingest, so it is rethrown as it is.
 */
import type { ResolvedOptions } from "./options.js";
import { SourceProblem } from "./problems.js";

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** the URL after redirects */
  url: string;
}

const ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8";

export async function fetchBytes(url: string, options: ResolvedOptions): Promise<Fetched> {
  if (!options.fetch)
    throw new SourceProblem("E_FETCH_DISABLED", `${url}: not fetched, the network is turned off`);
  options.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await options.fetchImpl(url, {
      signal,
      redirect: "follow",
      headers: { "user-agent": options.userAgent, accept: ACCEPT, "accept-language": "de,en;q=0.5" },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceProblem(
        "E_FETCH_STATUS",
        `${url}: HTTP ${response.status} ${response.statusText}`.trimEnd(),
      );
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(url, options.maxBytes);
    }
    const bytes = await readBody(response, url, options.maxBytes);
    return { bytes, contentType: response.headers.get("content-type"), url: response.url || url };
  } catch (error) {
    if (error instanceof SourceProblem) throw error;
    if (options.signal?.aborted) throw options.signal.reason;
    if (timeout.aborted) {
      throw new SourceProblem(
        "E_FETCH_TIMEOUT",
        `${url}: no complete answer within ${options.timeoutMs} ms`,
        {
          cause: error,
        },
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new SourceProblem("E_FETCH_FAILED", `${url}: request failed (${reason})`, { cause: error });
  }
}

function tooLarge(url: string, maxBytes: number): SourceProblem {
  return new SourceProblem("E_INPUT_TOO_LARGE", `${url} is more than the limit of ${maxBytes} bytes`);
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw tooLarge(url, maxBytes);
      chunks.push(value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}
