/**
 * Cross-validation folds by blocks: sentences of one block (one source page) never straddle two
 * folds, so a fold is not scored on sentences whose neighbours the model trained on. Blocks are
 * taken in corpus order and cut into k contiguous runs of about equal sentence count, which is
 * deterministic and needs no random seed.
 */
import { LautError } from "../../errors.js";

/** Fold number (0 .. k-1) of every sentence, given each sentence's block key. */
export function assignFolds(blocks: readonly string[], k: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 50) {
    throw new LautError("E_USAGE", `cross-validation wants between 2 and 50 folds, not ${k}`);
  }
  const folds = new Uint8Array(blocks.length);
  if (blocks.length < k) {
    throw new LautError("E_USAGE", `${blocks.length} sentences cannot be cut into ${k} folds`);
  }
  let i = 0;
  while (i < blocks.length) {
    let j = i + 1;
    while (j < blocks.length && blocks[j] === blocks[i]) j++;
    // the fold of a block is where its first sentence falls in the corpus
    const fold = Math.min(k - 1, Math.floor((i * k) / blocks.length));
    folds.fill(fold, i, j);
    i = j;
  }
  return folds;
}
