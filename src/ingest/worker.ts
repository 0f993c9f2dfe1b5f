/**
 * An ingest worker thread: examines the articles the runner posts and posts the results back, in
 * any order, tagged with the task id. Runs from dist/ (the runner starts dist/ingest/worker.js).
 */
import { parentPort } from "node:worker_threads";
import { type ExamineInput, examine } from "./examine.js";
import { loadLanguageDetector } from "./language.js";

export interface WorkerTask {
  id: number;
  input: ExamineInput;
}

const port = parentPort;
if (port) {
  const detector = await loadLanguageDetector();
  port.on("message", (task: WorkerTask) => {
    // copied, not transferred: zlib's output may share a pooled buffer
    port.postMessage({ id: task.id, result: examine(task.input, detector) });
  });
}
