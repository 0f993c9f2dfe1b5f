/**
 * The archive of laut. `openStore()` opens (and creates or migrates) the embedded SQLite archive;
 * callers use only the Store interface, so another backend can take its place.
 */
import { resolve } from "node:path";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./store.js";

export { decodeAnalysis, normaliseDate, type PreparedArticle, prepareArticle, textHash } from "./prepare.js";
export { ftsQuery } from "./query.js";
export type * from "./store.js";

/** The archive file when neither --db nor $LAUT_DB names one: laut.db in the working directory. */
export const DEFAULT_DB = "laut.db";

/** --db if given, else $LAUT_DB, else ./laut.db */
export function archivePath(db?: string): string {
  return resolve(db ?? (process.env.LAUT_DB || DEFAULT_DB));
}

export interface OpenStoreOptions {
  /** the archive file (":memory:" for a throwaway one); default archivePath() */
  path?: string;
  readonly?: boolean;
}

export function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const path = options.path === ":memory:" ? ":memory:" : archivePath(options.path);
  return openSqliteStore({ path, readonly: options.readonly });
}
