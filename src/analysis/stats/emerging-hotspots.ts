// Analysis (PURE): emerging hot spots — how each cell's Gi* hot-spot status moved over a run of
// periods, in a few words a police chief can act on. Imports only sibling pure modules.
//
// A simplified form of ArcGIS's emerging hot spot analysis (space-time Gi* plus a Mann–Kendall
// trend). Every period is analysed over ONE study area — opts.studyArea (the county's cells in the
// app), or else the cells within k rings of a cell that is non-empty in any period — so that
// periods are comparable cell for cell; Gi* is computed per
// period with q-values per period. The trend is Mann–Kendall on the cell's own counts (ArcGIS
// tests the z-scores; counts are what the chief sees on the chart). Categories, first match:
//   'none'         never hot;
//   'new'          hot in the final period only (with one period, every hot cell is new);
//   'intensifying' hot in ≥ 90 % of periods including the last, counts trend up;
//   'diminishing'  hot in ≥ 90 % of periods including the last, counts trend down;
//   'persistent'   hot in ≥ 90 % of periods, otherwise (no trend, or not hot in the last);
//   'sporadic'     hot in some periods, none of the above (on and off, or recent runs).
// ArcGIS's 'consecutive' and 'oscillating' (which also needs cold periods) fold into 'sporadic'.
import { giStarOnNeighbourhood, valuesOnArea, type GiStarResult } from './gi-star';
import { diskNeighbourhood, studyAreaNeighbourhood } from '../h3/h3-neighbours';
import { mannKendall } from './mann-kendall';

export type EmergingCategory = 'new' | 'intensifying' | 'persistent' | 'diminishing' | 'sporadic' | 'none';

export interface EmergingHotspotOptions {
  /** Ring distance of the Gi* neighbourhood, in H3 cells. Default 1. */
  k?: number;
  /** A period is hot for a cell when its Gi* z > 0 and q < hotQ. Default 0.10 ('hot-90' and up). */
  hotQ?: number;
  /** Two-sided level of the Mann–Kendall trend test. Default 0.05. */
  trendAlpha?: number;
  /** Share of periods a cell must be hot in to be intensifying/persistent/diminishing. Default 0.9. */
  persistentShare?: number;
  /** A fixed study area (cells of the input's resolution); values outside it are left out. */
  studyArea?: readonly string[];
}

export interface EmergingHotspotResult {
  /** The analysed cells (study area of every period), sorted by H3 index string ascending. */
  cells: string[];
  categories: EmergingCategory[];
  /** Number of periods each cell was hot in. */
  hotPeriods: Uint16Array;
  /** Mann–Kendall Z of each cell's counts over the periods (positive: rising). */
  trendZ: Float64Array;
  /** Two-sided p-value of trendZ. */
  trendP: Float64Array;
  /** Gi* per period over the same cells, oldest first (they share the `cells` array). */
  periods: GiStarResult[];
  k: number;
  /**
   * Per cell, the incidents of the final period in its Gi* neighbourhood (itself and the study-area
   * cells within k rings): what makes it hot or not — a cell can be a hot spot with 0 of its own.
   */
  lastNeighbourhood: Float64Array;
  /** Sum over all periods of the values in cells outside the study area (left out). */
  outside: number;
}

/**
 * Emerging hot-spot category per cell. `counts[t][c]` is the count of `cells[c]` in period t
 * (oldest first; Float64Array rows or any array-likes of equal length). `opts` may be just k.
 * Throws a RangeError when a row's length differs from `cells`, a value is not finite, a
 * non-empty cell is invalid or resolutions are mixed. Duplicate cells are summed.
 */
export function emergingHotspots(
  cells: readonly string[],
  counts: readonly ArrayLike<number>[],
  opts: number | EmergingHotspotOptions = {},
): EmergingHotspotResult {
  const o = typeof opts === 'number' ? { k: opts } : opts;
  const hotQ = o.hotQ ?? 0.1;
  const share = o.persistentShare ?? 0.9;
  const T = counts.length;
  for (const row of counts) if (row.length !== cells.length) throw new RangeError(`${cells.length} cells but a row of ${row.length}`);
  const seeds: string[] = [];
  const from: number[] = [];
  for (let c = 0; c < cells.length; c++) {
    let any = false;
    for (let t = 0; t < T; t++) {
      const v = counts[t][c];
      if (!Number.isFinite(v)) throw new RangeError(`count of ${cells[c]} in period ${t} is not a finite number: ${v}`);
      if (v !== 0) any = true;
    }
    if (any) {
      seeds.push(cells[c]);
      from.push(c);
    }
  }
  const nb = o.studyArea ? studyAreaNeighbourhood(o.studyArea, o.k ?? 1) : diskNeighbourhood(seeds, o.k ?? 1);
  const n = nb.cells.length;
  const periods: GiStarResult[] = [];
  let outside = 0;
  for (let t = 0; t < T; t++) {
    if (o.studyArea) {
      const laid = valuesOnArea(nb.cells, cells, counts[t]);
      outside += laid.outside;
      periods.push({ ...giStarOnNeighbourhood(nb, laid.x), outside: laid.outside });
      continue;
    }
    const x = new Float64Array(n);
    for (let s = 0; s < seeds.length; s++) x[nb.seedIndex[s]] += counts[t][from[s]];
    periods.push(giStarOnNeighbourhood(nb, x));
  }

  const categories = new Array<EmergingCategory>(n);
  const hotPeriods = new Uint16Array(n);
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n).fill(1);
  const series = new Float64Array(T);
  const lastNeighbourhood = new Float64Array(n);
  if (T > 0) {
    const last = periods[T - 1].counts;
    for (let i = 0; i < n; i++) for (let e = nb.offsets[i]; e < nb.offsets[i + 1]; e++) lastNeighbourhood[i] += last[nb.neighbours[e]];
  }
  for (let i = 0; i < n; i++) {
    let hot = 0;
    for (let t = 0; t < T; t++) {
      const g = periods[t];
      if (g.z[i] > 0 && g.q[i] < hotQ) hot++;
      series[t] = g.counts[i];
    }
    const lastHot = T > 0 && periods[T - 1].z[i] > 0 && periods[T - 1].q[i] < hotQ;
    const mk = mannKendall(series, o.trendAlpha ?? 0.05);
    hotPeriods[i] = hot;
    trendZ[i] = mk.z;
    trendP[i] = mk.p;
    categories[i] = hot === 0 ? 'none'
      : lastHot && hot === 1 ? 'new'
      : hot < share * T - 1e-9 ? 'sporadic'
      : lastHot && mk.trend === 'up' ? 'intensifying'
      : lastHot && mk.trend === 'down' ? 'diminishing'
      : 'persistent';
  }
  return { cells: nb.cells, categories, hotPeriods, trendZ, trendP, periods, k: nb.k, lastNeighbourhood, outside };
}
