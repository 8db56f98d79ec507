// Analysis (PURE): how concentrated incidents are — the concentration curve and the share of
// cells that hold half of them. No imports; runs in Node tests, the worker and the CLI alike.
//
// Weisburd's "law of crime concentration" (Criminology 53(2), 2015): in city after city about
// 50 % of crime falls in a few per cent of street segments. On H3 cells (equal-area at one
// resolution) the same measure reads "half the incidents are in x % of the county". The
// denominator matters: cells with no incidents belong to the study area too, so callers that
// know the county's cell count pass it and the shares become shares of area; without it they are
// shares of the non-empty cells given, which always looks less concentrated.

export interface ConcentrationOptions {
  /**
   * Number of cells of the study area (≥ the number of counts): the cells not given hold 0
   * incidents. With it, cellShare is the share of the study area. Default: counts.length.
   */
  studyAreaCells?: number;
  /** Most points returned for plotting (≥ 4). Default 200. */
  maxPoints?: number;
}

/** The concentration curve, cells taken busiest first, as points ready to plot. */
export interface ConcentrationCurve {
  /** x: cumulative share of cells (of area, with studyAreaCells), 0 → 1, non-decreasing. */
  cellShare: Float64Array;
  /** y: cumulative share of incidents held by those cells, 0 → 1, concave. */
  incidentShare: Float64Array;
  /** Cells in the denominator (studyAreaCells or counts.length). */
  cells: number;
  /** Cells with at least one incident. */
  nonEmptyCells: number;
  /** Sum of counts. */
  total: number;
  /** Share of cells holding half the incidents ({@link shareOfCellsHolding} at 0.5). */
  shareHoldingHalf: number;
}

/**
 * Concentration curve of per-cell counts: sort cells by count, descending; point r is
 * (r / cells, incidents in the r busiest cells / total), r = 0…cells. Downsampled to at most
 * `maxPoints` points, kept exact at both ends and at the last non-empty cell, spread evenly in x
 * over the non-empty cells and evenly in y (so the steep start and the flat tail both show).
 * Throws a RangeError for a negative or non-finite count or a studyAreaCells below counts.length.
 */
export function concentrationCurve(counts: ArrayLike<number>, opts: ConcentrationOptions = {}): ConcentrationCurve {
  const { desc, cells, total, nonEmpty } = prepare(counts, opts.studyAreaCells);
  const maxPoints = Math.max(4, Math.floor(opts.maxPoints ?? 200));
  // cum[r]: incidents in the r busiest cells, for r = 0…nonEmpty (flat after that).
  const cum = new Float64Array(nonEmpty + 1);
  for (let r = 0; r < nonEmpty; r++) cum[r + 1] = cum[r] + desc[r];
  const ranks = new Set<number>([0, nonEmpty, cells]);
  const each = Math.floor((maxPoints - 3) / 2);
  for (let t = 1; t <= each; t++) ranks.add(Math.round((nonEmpty * t) / (each + 1)));
  for (let t = 1; t <= each; t++) ranks.add(firstRankHolding(cum, (total * t) / (each + 1)));
  const picked = Float64Array.from(ranks).sort();
  const cellShare = new Float64Array(picked.length);
  const incidentShare = new Float64Array(picked.length);
  for (let p = 0; p < picked.length; p++) {
    const r = picked[p];
    cellShare[p] = cells > 0 ? r / cells : 0;
    incidentShare[p] = total > 0 ? cum[Math.min(r, nonEmpty)] / total : 0;
  }
  const shareHoldingHalf = total > 0 ? firstRankHolding(cum, 0.5 * total) / cells : NaN;
  return { cellShare, incidentShare, cells, nonEmptyCells: nonEmpty, total, shareHoldingHalf };
}

/**
 * Share of cells (of the study area, with studyAreaCells) that holds `fraction` of the
 * incidents: the fewest busiest cells whose counts sum to at least fraction × total, over the
 * number of cells. Default fraction 0.5 (Weisburd's measure). NaN when there are no incidents.
 */
export function shareOfCellsHolding(counts: ArrayLike<number>, fraction = 0.5, studyAreaCells?: number): number {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be in 0…1, got ${fraction}`);
  const { desc, cells, total, nonEmpty } = prepare(counts, studyAreaCells);
  if (total === 0) return NaN;
  const cum = new Float64Array(nonEmpty + 1);
  for (let r = 0; r < nonEmpty; r++) cum[r + 1] = cum[r] + desc[r];
  return firstRankHolding(cum, fraction * total) / cells;
}

/** Counts sorted descending (non-empty ones first), the denominator and the totals. */
function prepare(counts: ArrayLike<number>, studyAreaCells?: number): { desc: Float64Array; cells: number; total: number; nonEmpty: number } {
  const n = counts.length;
  const cells = studyAreaCells ?? n;
  if (!Number.isInteger(cells) || cells < n) throw new RangeError(`studyAreaCells ${cells} is below the ${n} counts given`);
  const desc = Float64Array.from(counts);
  let total = 0;
  let nonEmpty = 0;
  for (let i = 0; i < n; i++) {
    const v = desc[i];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`counts must be finite and ≥ 0, got ${v}`);
    total += v;
    if (v > 0) nonEmpty++;
  }
  desc.sort().reverse(); // native numeric sort of a typed array, then busiest first
  return { desc, cells, total, nonEmpty };
}

/** Smallest r with cum[r] ≥ target (binary search; cum is non-decreasing). */
function firstRankHolding(cum: Float64Array, target: number): number {
  const goal = target * (1 - 1e-12); // so that sums rounded a hair low still count as reaching it
  let a = 0;
  let b = cum.length - 1;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (cum[mid] >= goal) b = mid;
    else a = mid + 1;
  }
  return a;
}
