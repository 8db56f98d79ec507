// Analysis (PURE): coverage measures of polygons (towns, grids, hotspots) — by incidents, the
// filtered incidents inside each polygon whose H3 cell is covered; by area, the covered cells
// whose centre lies inside each polygon. Takes compiled filters and assignments, so one pass over
// the rows serves any polygon set. Imports only h3-js and sibling pure modules.
import { cellArea, cellToLatLng } from 'h3-js';
import type { PolygonAssignment } from '../grids/grid-stats';
import { locatePoint, type PolygonIndex } from '../areas/polygon-index';
import type { RowFilter } from '../incidents/row-filter';

/** Coverage of one area by both measures. Shares are 0–1, NaN where there is nothing to share. */
export interface AreaCoverage {
  /** Filtered incidents inside the area. */
  incidents: number;
  /** Of them, those in covered cells. */
  coveredIncidents: number;
  /** coveredIncidents ÷ incidents: coverage by incidents. */
  byIncidents: number;
  /** The area's geodesic area, m². */
  areaM2: number;
  /** Area of the covered cells whose centre lies inside it, m². */
  coveredAreaM2: number;
  /** coveredAreaM2 ÷ areaM2 (at most 1): coverage by area. */
  byArea: number;
}

/** Each row's cell at the coverage resolution, as an ordinal into `cells`. */
export interface RowCells {
  resolution: number;
  /** Distinct cells of the rows (any order). */
  cells: string[];
  /** rowCell[i]: ordinal of row i's cell. */
  rowCell: Uint32Array;
}

/** Incidents per polygon and how many of them lie in covered cells. */
export interface PolygonIncidentCoverage {
  /** Filtered incidents inside polygon k. */
  total: Uint32Array;
  /** Of them, those in a covered cell. */
  covered: Uint32Array;
  /** Filtered incidents in no polygon, and those of them covered. */
  outsideTotal: number;
  outsideCovered: number;
}

/** covered[c] = 1 when cells[c] is in the covered set. */
export function coveredFlags(cells: readonly string[], covered: ReadonlySet<string>): Uint8Array {
  const flags = new Uint8Array(cells.length);
  for (let c = 0; c < cells.length; c++) if (covered.has(cells[c])) flags[c] = 1;
  return flags;
}

/**
 * Kept rows per cell ordinal of `rows` (the counts blind spots rank), under the compiled filter
 * `f` over rows with times `timeSec` (the rows the filter was compiled for).
 */
export function keptPerCell(rows: RowCells, timeSec: Uint32Array, f: RowFilter): Uint32Array {
  const counts = new Uint32Array(rows.cells.length);
  if (f.none) return counts;
  const { rowCell } = rows;
  const { from, span, src, lut } = f;
  if (f.all) for (let i = 0; i < rowCell.length; i++) counts[rowCell[i]]++;
  else for (let i = 0; i < rowCell.length; i++) counts[rowCell[i]] += +(((timeSec[i] - from) >>> 0) < span) & lut[src[i]];
  return counts;
}

/**
 * Kept rows per cell ordinal of `rows`, each weighing `weights[category[i]]` (1 for a code past
 * its end): the severity-weighted counts blind spots may be ranked by.
 */
export function keptWeightPerCell(rows: RowCells, timeSec: Uint32Array, f: RowFilter, category: Uint16Array, weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.cells.length);
  if (f.none) return out;
  const { rowCell } = rows;
  const { from, span, src, lut } = f;
  for (let i = 0; i < rowCell.length; i++) {
    if (!f.all && ((((timeSec[i] - from) >>> 0) < span ? 1 : 0) & lut[src[i]]) === 0) continue;
    out[rowCell[i]] += weights[category[i]] ?? 1;
  }
  return out;
}

/**
 * Filtered incidents per polygon of `assignment` and, of them, those whose cell is covered
 * (`cellCovered` over the ordinals of `rows`). One pass over the rows.
 */
export function incidentCoverageByPolygon(
  assignment: PolygonAssignment,
  rows: RowCells,
  cellCovered: Uint8Array,
  timeSec: Uint32Array,
  f: RowFilter,
): PolygonIncidentCoverage {
  const { polygon, none, polygonCount } = assignment;
  const n = polygon.length;
  if (rows.rowCell.length !== n) throw new RangeError(`incidentCoverageByPolygon: assignment covers ${n} incidents, the cells ${rows.rowCell.length}`);
  // One extra slot collects the rows in no polygon.
  const total = new Uint32Array(polygonCount + 1);
  const covered = new Uint32Array(polygonCount + 1);
  if (!f.none) {
    const { from, span, src, lut } = f;
    const { rowCell } = rows;
    for (let i = 0; i < n; i++) {
      const keep = f.all ? 1 : +(((timeSec[i] - from) >>> 0) < span) & lut[src[i]];
      if (keep === 0) continue;
      const k = polygon[i] === none ? polygonCount : polygon[i];
      total[k]++;
      covered[k] += cellCovered[rowCell[i]];
    }
  }
  return { total: total.slice(0, polygonCount), covered: covered.slice(0, polygonCount), outsideTotal: total[polygonCount], outsideCovered: covered[polygonCount] };
}

/**
 * Area (m²) of the covered cells whose centre lies inside each polygon — the covered part of the
 * polygon, counted the way coverage itself is (a cell is in or out by its centre). `memo` (one per
 * `polygons`) keeps each cell's polygon and area across calls.
 */
export function coveredAreaByPolygon(polygons: PolygonIndex, covered: readonly string[], memo?: Map<string, readonly [number, number]>): Float64Array {
  const out = new Float64Array(polygons.count);
  for (const cell of covered) {
    // Each cell's polygon and area, remembered when a memo is given (for these same polygons):
    // after a what-if edit nearly every covered cell is one seen before.
    let f = memo?.get(cell);
    if (!f) {
      const [lat, lng] = cellToLatLng(cell);
      f = [locatePoint(polygons, lng, lat), cellArea(cell, 'm2')];
      memo?.set(cell, f);
    }
    if (f[0] >= 0) out[f[0]] += f[1];
  }
  return out;
}

/** a ÷ b, or NaN when b is 0 (a share of nothing is not 0 %). */
export function share(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
