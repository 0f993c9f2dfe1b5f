/**
 * The UI's only way to the server: typed GET and POST against /api, with problem+json errors
 * turned into an ApiError carrying the server's own sentence and code. The record types are the
 * server's (src/store/store.ts, src/analysis.ts), imported as types only.
 */
import { useEffect, useState } from "preact/hooks";
import type { Analysis } from "../../src/analysis.js";
import type {
  ArticleDetail,
  ArticleSummary,
  EntityRecord,
  Page,
  QuoteRecord,
  SearchResult,
} from "../../src/store/store.js";

export type { Analysis, ArticleDetail, ArticleSummary, EntityRecord, Page, QuoteRecord, SearchResult };

export interface ServerInfo {
  version: string;
  fetch: boolean;
  writes: "open" | "token" | "closed";
  maxBodyBytes: number;
  archive: { articles: number; quotes: number; entities: number; speakers: number };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  let detail = `Der Server antwortete mit ${response.status}.`;
  let code = "E_HTTP";
  try {
    const problem = (await response.json()) as { detail?: string; code?: string };
    if (problem.detail) detail = problem.detail;
    if (problem.code) code = problem.code;
  } catch {
    // not a problem document: keep the status sentence
  }
  throw new ApiError(detail, response.status, code);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(path, { signal, headers: { accept: "application/json" } }));
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: "POST",
      signal,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

/** "/api/quotes" + {speaker: 3, q: undefined} → "/api/quotes?speaker=3"; a query in `path` is kept */
export function apiPath(path: string, params: Record<string, string | number | null | undefined>): string {
  const [base = path, existing = ""] = path.split("?", 2);
  const query = new URLSearchParams(existing);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** GET a path whenever it changes (null: nothing to load); an older answer never overwrites a newer one. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    getJson<T>(path, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError("Der Server ist nicht erreichbar.", 0, "E_NETWORK");
        setState({ data: null, error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [path]);
  return state;
}

/** A list with "load more": the first page from `path`, further pages appended by cursor. */
export function usePages<T>(path: string | null): Loaded<T[]> & { more: (() => void) | null } {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  // a cursor belongs to the list it came from: a changed filter must not reuse it
  const [cursor, setCursor] = useState<{ path: string; cursor: string } | null>(null);
  const first = useApi<Page<T>>(path);
  const extra = useApi<Page<T>>(
    path && cursor?.path === path ? apiPath(path, { cursor: cursor.cursor }) : null,
  );
  useEffect(() => {
    if (first.data) {
      setItems(first.data.items);
      setNext(first.data.next);
    } else setItems([]);
  }, [first.data]);
  useEffect(() => {
    if (!extra.data) return;
    setItems((old) => [...old, ...(extra.data as Page<T>).items]);
    setNext(extra.data.next);
  }, [extra.data]);
  return {
    data: first.data ? items : null,
    error: first.error ?? extra.error,
    loading: first.loading || extra.loading,
    more: path && next && !extra.loading ? () => setCursor({ path, cursor: next }) : null,
  };
}
