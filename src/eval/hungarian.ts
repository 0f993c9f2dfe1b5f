/**
 * Kuhn-Munkres (Hungarian) assignment in O(n²·m), the shortest-augmenting-path form with row and
 * column potentials. The scorers pair gold and predicted annotations per document, so matrices
 * are small (at most a few dozen rows); clarity wins over cache tricks here.
 */

/**
 * The one-to-one assignment of rows to columns that maximises the total weight. `weights` is
 * row-major, rows × cols. Returns, per row, the assigned column or -1; every row is assigned
 * when rows <= cols, every column when cols <= rows (zero-weight pairs included: callers drop
 * the pairs they do not want to count).
 */
export function maxWeightAssignment(weights: Float64Array, rows: number, cols: number): Int32Array {
  const rowToCol = new Int32Array(rows).fill(-1);
  if (rows === 0 || cols === 0) return rowToCol;
  if (weights.length !== rows * cols) {
    throw new RangeError(`weight matrix has ${weights.length} cells, expected ${rows}×${cols}`);
  }
  // The algorithm assigns every row of an n × m cost matrix with n <= m; transpose otherwise.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  let max = 0;
  for (const w of weights) if (w > max) max = w;
  // minimising (max - w) maximises w and keeps every cost non-negative
  const cost = (i: number, j: number): number =>
    max - (transpose ? (weights[j * cols + i] as number) : (weights[i * cols + j] as number));

  // 1-based arrays; index 0 of the columns is the virtual start column
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const colOwner = new Int32Array(m + 1); // row assigned to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);

  for (let i = 1; i <= n; i++) {
    colOwner[0] = i;
    let j0 = 0;
    minv.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = colOwner[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (reduced < (minv[j] as number)) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const owner = colOwner[j] as number;
          u[owner] = (u[owner] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (colOwner[j0] !== 0);
    // flip the augmenting path back to the start column
    do {
      const j1 = way[j0] as number;
      colOwner[j0] = colOwner[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }

  for (let j = 1; j <= m; j++) {
    const owner = colOwner[j] as number;
    if (owner === 0) continue;
    if (transpose) rowToCol[j - 1] = owner - 1;
    else rowToCol[owner - 1] = j - 1;
  }
  return rowToCol;
}
