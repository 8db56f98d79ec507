// Analysis (PURE): Getis–Ord Gi* hot and cold spots on H3 cells, with false-discovery-rate
// control. Imports only h3-js (through h3-neighbours) and sibling pure modules; no DOM, no map.
//
// Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights. For analysed cell i:
//   w_ij = 1 when j lies within k rings of i (gridDisk(i, k), i itself INCLUDED — the "star"),
//          0 otherwise; only analysed cells count, so a pentagon simply has one neighbour fewer.
//   n    = number of analysed cells,  x̄ = Σ_j x_j / n,  S = √(Σ_j x_j² / n − x̄²)
//   Gi*_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
// With binary weights Σ w_ij² = Σ w_ij = W_i, so the denominator is S·√((n W_i − W_i²)/(n − 1)).
// Gi* is itself a z-score (it is standardised under the randomisation null), so the p-value
// is two-sided from the standard normal, and q-values are Benjamini–Hochberg over all cells.
//
// Which cells are analysed matters as much as the formula: a map of only the non-empty cells
// would compare busy cells with busy cells. Given a fixed study area (e.g. the county's cells,
// opts.studyArea) every one of its cells is analysed, empty ones counting 0, whatever the filter
// or k; neighbours outside it do not count and values in cells outside it are left out (their
// sum is reported as `outside`). Without one, the study area is every cell within k rings of a
// non-empty cell — it then moves with the data, which is why the app always passes one.
import { benjaminiHochberg } from './fdr';
import { diskNeighbourhood, studyAreaNeighbourhood, type DiskNeighbourhood } from '../h3/h3-neighbours';
import { twoSidedP } from './normal';

export type GiClass = 'hot-99' | 'hot-95' | 'hot-90' | 'not-significant' | 'cold-90' | 'cold-95' | 'cold-99';

export interface GiStarOptions {
  /** Ring distance of the neighbourhood, in H3 cells (gridDisk k). Default 1 (7 cells). */
  k?: number;
  /**
   * A fixed study area: these cells (same resolution as the input) are analysed, and only they.
   * Default: the cells within k rings of a non-empty input cell.
   */
  studyArea?: readonly string[];
}

export interface GiStarResult {
  /** Every analysed cell, sorted by H3 index string ascending. */
  cells: string[];
  /** Observed value (incident count) per cell; 0 for empty analysed cells. */
  counts: Float64Array;
  /** Gi* z-score per cell (0 where undefined: see {@link giStar}). */
  z: Float64Array;
  /** Two-sided standard normal p-value of z. */
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p-value, over all analysed cells. */
  q: Float64Array;
  /** hot/cold at 99/95/90 % by q < 0.01 / 0.05 / 0.10 and the sign of z. */
  classes: GiClass[];
  /** Ring distance used. */
  k: number;
  /** Sum of the input values in cells outside the study area (left out); 0 without one. */
  outside: number;
}

/**
 * Gi* hot and cold spots of per-cell values (usually incident counts) on H3 cells of one
 * resolution. Analysed cells: `opts.studyArea` when given (values of other cells left out and
 * summed in `outside`), else every cell within `k` rings of an input cell whose value is not 0;
 * other cells count 0, and input cells with 0 outside that area are not analysed. Duplicate
 * input cells are summed. Degenerate cases give z 0, p 1 and 'not-significant': n ≤ 1, all
 * values equal (S = 0), or a cell whose neighbourhood is the whole study area (n·W = W²).
 * Throws a RangeError when lengths differ, a value is not finite, a non-empty cell is not a
 * valid H3 cell or resolutions are mixed, or k is not a whole number 0–10.
 * Cost: ~50 ms for 50,000 analysed cells at k = 1 (bench/stats-bench.ts).
 */
export function giStar(cells: readonly string[], counts: ArrayLike<number>, opts: GiStarOptions = {}): GiStarResult {
  if (cells.length !== counts.length) throw new RangeError(`${cells.length} cells but ${counts.length} counts`);
  for (let c = 0; c < cells.length; c++) {
    if (!Number.isFinite(counts[c])) throw new RangeError(`count of ${cells[c]} is not a finite number: ${counts[c]}`);
  }
  if (opts.studyArea) {
    const nb = studyAreaNeighbourhood(opts.studyArea, opts.k ?? 1);
    const { x, outside } = valuesOnArea(nb.cells, cells, counts);
    return { ...giStarOnNeighbourhood(nb, x), outside };
  }
  const seeds: string[] = [];
  const from: number[] = [];
  for (let c = 0; c < cells.length; c++) {
    if (counts[c] !== 0) {
      seeds.push(cells[c]);
      from.push(c);
    }
  }
  const nb = diskNeighbourhood(seeds, opts.k ?? 1);
  const x = new Float64Array(nb.cells.length);
  for (let s = 0; s < seeds.length; s++) x[nb.seedIndex[s]] += counts[from[s]];
  return giStarOnNeighbourhood(nb, x);
}

/**
 * Gi* of values `x` (one per cell of `nb`, in its order) over a prepared neighbourhood: lets
 * several periods share one study area and one neighbour search (emerging-hotspots.ts).
 * `x` is kept as the result's `counts` (not copied).
 */
export function giStarOnNeighbourhood(nb: DiskNeighbourhood, x: Float64Array): GiStarResult {
  const n = nb.cells.length;
  if (x.length !== n) throw new RangeError(`${n} cells but ${x.length} values`);
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  // S² = Σx²/n − x̄², computed as Σ(x − x̄)²/n: the same number without cancelling digits.
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  const s = Math.sqrt(ss / n);
  // All equal: S is 0 in exact arithmetic, whatever rounding left in ss.
  if (n > 1 && min !== max && s > 0) {
    const { offsets, neighbours } = nb;
    for (let i = 0; i < n; i++) {
      const a = offsets[i];
      const b = offsets[i + 1];
      const w = b - a; // Σ_j w_ij = Σ_j w_ij² with binary weights
      let local = 0; // Σ_j w_ij x_j
      for (let e = a; e < b; e++) local += x[neighbours[e]];
      const spread = (n * w - w * w) / (n - 1);
      if (spread <= 0) continue; // the neighbourhood is the whole study area: nothing to compare
      z[i] = (local - mean * w) / (s * Math.sqrt(spread));
      p[i] = twoSidedP(z[i]);
    }
  }
  const q = benjaminiHochberg(p);
  const classes = new Array<GiClass>(n);
  for (let i = 0; i < n; i++) classes[i] = classify(z[i], q[i]);
  return { cells: nb.cells, counts: x, z, p, q, classes, k: nb.k, outside: 0 };
}

/**
 * Values of `cells`/`counts` laid on the sorted study-area cells `area` (duplicates summed), and
 * the sum of those outside it. Shared with emerging-hotspots.ts.
 */
export function valuesOnArea(area: readonly string[], cells: readonly string[], counts: ArrayLike<number>): { x: Float64Array; outside: number } {
  const at = new Map<string, number>();
  for (let i = 0; i < area.length; i++) at.set(area[i], i);
  const x = new Float64Array(area.length);
  let outside = 0;
  for (let c = 0; c < cells.length; c++) {
    const v = counts[c];
    if (v === 0) continue;
    const i = at.get(cells[c].toLowerCase());
    if (i === undefined) outside += v;
    else x[i] += v;
  }
  return { x, outside };
}

function classify(z: number, q: number): GiClass {
  if (z > 0) return q < 0.01 ? 'hot-99' : q < 0.05 ? 'hot-95' : q < 0.1 ? 'hot-90' : 'not-significant';
  if (z < 0) return q < 0.01 ? 'cold-99' : q < 0.05 ? 'cold-95' : q < 0.1 ? 'cold-90' : 'not-significant';
  return 'not-significant';
}
