/**
 * The ingest runner: articles from the sources into the archive. Per batch it drops origins the
 * archive has seen (so a rerun costs one lookup per batch), records unreadable and empty items,
 * finds texts archived already by their hash, and sends the rest to the examiners (worker threads,
 * or this thread) for language detection and analysis. Batches are written in input order, each
 * in one transaction, while the next ones are analysed: a killed run loses at most the batches
 * not yet committed, and a rerun redoes exactly those.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { LautError } from "../errors.js";
import { textHash } from "../store/prepare.js";
import type { SkipReason, Store, WriteItem } from "../store/store.js";
import type { IncomingArticle } from "./article.js";
import { type Examined, type ExamineInput, examine } from "./examine.js";
import { loadLanguageDetector } from "./language.js";
import { openSources } from "./sources/index.js";

export interface IngestOptions {
  inputs: string[];
  store: Store;
  /** analysis threads; 0 analyses in this thread (tests, tiny inputs) */
  workers?: number;
  /** false: never fetch over the network */
  fetch?: boolean;
  /** items per transaction (default 64) */
  batchSize?: number;
  /** stop reading; what was read is still written */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  /** items the sources yielded */
  read: number;
  added: number;
  /** new origins of texts already archived */
  duplicates: number;
  /** origins archived or skipped by an earlier run: passed over */
  known: number;
  skipped: Partial<Record<Exclude<SkipReason, "failed">, number>>;
  /** the analysis failed (recorded, not retried) */
  failed: number;
  seconds: number;
}

export interface IngestSummary extends IngestProgress {
  /** items processed (added, duplicate, skipped, failed) per second */
  articlesPerSecond: number;
  /** the signal stopped the run before the sources ended */
  interrupted: boolean;
}

const DEFAULT_BATCH = 64;
// batches being analysed while the oldest is written: enough to keep every worker busy
const BATCHES_IN_FLIGHT = 3;

interface Examiner {
  examine(input: ExamineInput): Promise<Examined>;
  close(): Promise<void>;
}

interface PendingBatch {
  items: Promise<WriteItem[]>;
  hashes: string[];
}

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const { store, signal } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const started = performance.now();
  const progress: IngestProgress = {
    read: 0,
    added: 0,
    duplicates: 0,
    known: 0,
    skipped: {},
    failed: 0,
    seconds: 0,
  };
  const report = () => {
    progress.seconds = (performance.now() - started) / 1000;
    options.onProgress?.(progress);
  };
  const examiner = (options.workers ?? 0) > 0 ? startPool(options.workers ?? 1) : await inlineExaminer();
  // texts sent for analysis and not yet written: a second copy waits for the first's result
  const analysing = new Map<string, Promise<Examined>>();
  const pending: PendingBatch[] = [];

  const dispatch = async (batch: IncomingArticle[]): Promise<PendingBatch> => {
    const known = await store.knownOrigins(batch.map((a) => a.origin));
    const fresh = batch.filter((a) => !known.has(a.origin));
    progress.known += batch.length - fresh.length;
    const hashOf = new Map<IncomingArticle, string>();
    for (const a of fresh) if (!a.problem && a.text.trim() !== "") hashOf.set(a, textHash(a.text));
    const archived = await store.articlesByHash([...new Set(hashOf.values())]);
    const items = fresh.map((a): Promise<WriteItem> | WriteItem => {
      if (a.problem) {
        const { code, message } = a.problem;
        // a source that found no text says so as a problem; for the archive it is an empty item
        const reason = code === "E_INPUT_EMPTY" ? "empty" : "problem";
        return { kind: "skip", skip: { origin: a.origin, url: a.url, reason, code, message } };
      }
      const hash = hashOf.get(a);
      if (hash === undefined)
        return { kind: "skip", skip: { origin: a.origin, url: a.url, reason: "empty" } };
      if (archived.has(hash)) {
        return {
          kind: "article",
          incoming: a,
          hash,
          prepared: null,
          language: { language: "de", score: null },
        };
      }
      let examined = analysing.get(hash);
      if (!examined) {
        examined = examiner.examine({ title: a.title, text: a.text, origin: a.origin });
        analysing.set(hash, examined);
      }
      return examined.then((result) => toWriteItem(a, hash, result));
    });
    const all = Promise.all(items);
    // a failure surfaces when the batch is written; until then it must not count as unhandled
    all.catch(() => {});
    return { items: all, hashes: [...hashOf.values()] };
  };

  const writeOldest = async (): Promise<void> => {
    const batch = pending.shift() as PendingBatch;
    const items = await batch.items;
    const results = await store.write(items);
    results.forEach((result, i) => {
      const item = items[i] as WriteItem;
      if (result.kind === "added") progress.added++;
      else if (result.kind === "duplicate") progress.duplicates++;
      else if (result.kind === "known") progress.known++;
      else if (item.kind === "skip" && item.skip.reason === "failed") progress.failed++;
      else if (item.kind === "skip") {
        const reason = item.skip.reason as Exclude<SkipReason, "failed">;
        progress.skipped[reason] = (progress.skipped[reason] ?? 0) + 1;
      }
    });
    for (const hash of batch.hashes) analysing.delete(hash);
    report();
  };

  const drain = async (rest: IncomingArticle[]): Promise<void> => {
    if (rest.length > 0) pending.push(await dispatch(rest));
    while (pending.length > 0) await writeOldest();
  };

  let interrupted = false;
  let batch: IncomingArticle[] = [];
  try {
    try {
      for await (const article of openSources(options.inputs, { signal, fetch: options.fetch !== false })) {
        progress.read++;
        batch.push(article);
        if (batch.length >= batchSize) {
          pending.push(await dispatch(batch));
          batch = [];
          while (pending.length >= BATCHES_IN_FLIGHT) await writeOldest();
        }
        if (signal?.aborted) break;
      }
    } catch (error) {
      // a source that fails (a missing input after good ones) keeps what was read before it
      await drain(batch).catch(() => {});
      throw error;
    }
    interrupted = signal?.aborted === true;
    await drain(batch);
  } finally {
    // a failed batch leaves others analysing: let them settle before the pool goes
    await Promise.allSettled(pending.map((b) => b.items));
    await examiner.close();
  }
  report();
  const processed =
    progress.added +
    progress.duplicates +
    progress.failed +
    Object.values(progress.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
  return {
    ...progress,
    articlesPerSecond: progress.seconds > 0 ? processed / progress.seconds : 0,
    interrupted,
  };
}

function toWriteItem(a: IncomingArticle, hash: string, result: Examined): WriteItem {
  if (result.kind === "german") {
    return { kind: "article", incoming: a, hash, prepared: result.prepared, language: result.language };
  }
  const language = result.language?.language ?? null;
  const languageScore = result.language?.score ?? null;
  if (result.kind === "foreign") {
    return {
      kind: "skip",
      skip: { origin: a.origin, url: a.url, reason: "language", language, languageScore },
    };
  }
  return {
    kind: "skip",
    skip: {
      origin: a.origin,
      url: a.url,
      reason: "failed",
      language,
      languageScore,
      code: result.code,
      message: result.message,
    },
  };
}

async function inlineExaminer(): Promise<Examiner> {
  const detector = await loadLanguageDetector();
  return {
    examine: async (input) => examine(input, detector),
    close: async () => {},
  };
}

/** dist/ingest/worker.js beside this module, or, when running from src/ (tests), the built one */
function workerScript(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL("../../dist/ingest/worker.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new LautError(
    "E_INTERNAL",
    "the ingest worker is not built: run `npm run build`, or use --workers 0",
  );
}

interface Slot {
  worker: Worker;
  busy: number;
}

function startPool(size: number): Examiner {
  const script = workerScript();
  const waiting = new Map<
    number,
    { resolve: (e: Examined) => void; reject: (e: Error) => void; slot: Slot }
  >();
  let failure: LautError | null = null;
  let closing = false;
  let nextId = 0;

  const fail = (slot: Slot, why: string): void => {
    failure ??= new LautError("E_INTERNAL", `an analysis worker stopped: ${why}`);
    for (const [id, task] of waiting) {
      if (task.slot !== slot) continue;
      waiting.delete(id);
      task.reject(failure);
    }
  };

  const slots: Slot[] = Array.from({ length: size }, () => {
    const slot: Slot = { worker: new Worker(script), busy: 0 };
    slot.worker.on("message", (message: { id: number; result: Examined }) => {
      const task = waiting.get(message.id);
      if (!task) return;
      waiting.delete(message.id);
      slot.busy--;
      task.resolve(message.result);
    });
    slot.worker.on("error", (error) => fail(slot, error.message));
    slot.worker.on("exit", (code) => {
      if (!closing) fail(slot, `exit code ${code}`);
    });
    return slot;
  });

  return {
    examine(input) {
      if (failure) return Promise.reject(failure);
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.busy < slot.busy) slot = s;
      const id = nextId++;
      slot.busy++;
      return new Promise<Examined>((resolve, reject) => {
        waiting.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ id, input });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
