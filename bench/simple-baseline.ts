// Benchmark baseline: what a competent simple implementation pays for the filters of
// aggregate_1m_ms (simple_1m_ms). It locates each incident's cell once with h3-js latLngToCell
// (untimed, as an index build is), interns the cells to dense ordinals in a Uint32Array, then
// answers each filter with ONE pass over typed arrays — time window, category mask, polygon mask —
// counting into a Uint32Array. No sorting, no runs, no caches: the bar the engine must clear to
// justify its index. Its counts are checked against the engine's (same cells, same counts) first.
import { latLngToCell } from 'h3-js';
import type { IncidentFilter } from '../src/analysis/incidents/incident-filter';
import type { PolygonAssignment } from '../src/analysis/grids/grid-stats';
import type { IncidentColumns } from '../src/model';

/** Each incident's cell at one resolution, as a dense ordinal into `cells`. */
export interface LocatedOnce {
  resolution: number;
  /** ord[i]: the cell of row i, an index into `cells`. */
  ord: Uint32Array;
  /** The distinct cells, in order of first appearance. */
  cells: string[];
  /** Milliseconds the locating took (not part of the query time). */
  ms: number;
}

/** Locates every row once with latLngToCell and interns the cells (the untimed set-up). */
export function locateOnce(cols: IncidentColumns, resolution: number): LocatedOnce {
  const t0 = performance.now();
  const n = cols.lat.length;
  const ord = new Uint32Array(n);
  const ids = new Map<string, number>();
  const cells: string[] = [];
  for (let i = 0; i < n; i++) {
    const cell = latLngToCell(cols.lat[i], cols.lng[i], resolution);
    let o = ids.get(cell);
    if (o === undefined) {
      o = cells.length;
      ids.set(cell, o);
      cells.push(cell);
    }
    ord[i] = o;
  }
  return { resolution, ord, cells, ms: performance.now() - t0 };
}

/**
 * Counts per cell of `located` of the rows `filter` keeps, in one pass. Supports exactly the
 * filter parts the benchmark series uses: [fromSec, toSec), the category mask and the polygon
 * mask (with `polygons`, the assignment of the same rows); anything else throws, so that the
 * baseline can never silently answer a different question than the engine.
 */
export function simpleCount(cols: IncidentColumns, located: LocatedOnce, filter: IncidentFilter, polygons?: PolygonAssignment): Uint32Array {
  if (filter.hourOfWeek) throw new Error('simple baseline: hour-of-week masks are not part of the compared filters');
  if (filter.polygon && !polygons) throw new Error(`simple baseline: a polygon mask on "${filter.polygon.set}" needs that set's assignment`);
  const counts = new Uint32Array(located.cells.length);
  const { timeSec, category } = cols;
  const ord = located.ord;
  const from = filter.fromSec ?? -Infinity;
  const to = filter.toSec ?? Infinity;
  const cats = filter.categories ?? null;
  const mask = filter.polygon?.mask ?? null;
  const poly = polygons?.polygon ?? null;
  const n = timeSec.length;
  for (let i = 0; i < n; i++) {
    const t = timeSec[i];
    if (t < from || t >= to) continue;
    // A code past the end of the mask reads undefined: dropped, as the engine does.
    if (cats !== null && !cats[category[i]]) continue;
    // "In no polygon" is the assignment's sentinel, past the end of any mask: dropped.
    if (mask !== null && !mask[poly![i]]) continue;
    counts[ord[i]]++;
  }
  return counts;
}

/**
 * Throws unless the simple counts and the engine's (counts over `engineCells`) name the same
 * non-empty cells with the same counts. Returns the number of non-empty cells.
 */
export function checkSameCounts(located: LocatedOnce, simple: Uint32Array, engineCells: readonly string[], engine: Uint32Array): number {
  const want = new Map<string, number>();
  for (let c = 0; c < engine.length; c++) if (engine[c] > 0) want.set(engineCells[c], engine[c]);
  let nonEmpty = 0;
  for (let c = 0; c < simple.length; c++) {
    if (simple[c] === 0) continue;
    nonEmpty++;
    const e = want.get(located.cells[c]) ?? 0;
    if (e !== simple[c]) throw new Error(`simple baseline: cell ${located.cells[c]} has ${simple[c]} incidents, the engine ${e}`);
  }
  if (nonEmpty !== want.size) throw new Error(`simple baseline: ${nonEmpty} non-empty cells, the engine ${want.size}`);
  return nonEmpty;
}
