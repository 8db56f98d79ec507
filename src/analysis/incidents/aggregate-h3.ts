// Analysis (PURE): counts incidents per H3 cell at one resolution, under a filter. Imports only
// sibling pure modules; no DOM, maplibre or deck.gl.
import type { IncidentFilter } from './incident-filter';
import {
  allExactCellIds,
  allLevelCellIds,
  exactCellIds,
  levelCellIds,
  levelPosition,
  type ExactLevel,
  type H3Level,
  type IncidentIndex,
} from './incident-index';
import { compileRowFilter, type PolygonSets, type RowFilter } from './row-filter';

// Kept here too for callers that import it with the aggregation; on the main thread import it
// from zoom-resolution.ts, which does not load h3-js.
export { resolutionForZoom, type ZoomResolutionOptions } from '../h3/zoom-resolution';

/** Incident counts per non-empty H3 cell. */
export interface H3Aggregate {
  resolution: number;
  /** H3 index strings of the cells with at least one incident. */
  cells: string[];
  /** counts[k] incidents in cells[k]. */
  counts: Uint32Array;
  /** Incidents kept by the filter (the sum of counts). */
  total: number;
  /** Largest count (0 when nothing is kept). */
  max: number;
}

/** Incident counts for every cell of a level, zeros included, in the order of levelCells. */
export interface DenseAggregate {
  resolution: number;
  /** counts[c] incidents in cell c of {@link levelCells} at this resolution. */
  counts: Uint32Array;
  total: number;
  max: number;
}

/** The cells counted at a resolution: an exact level if the index has one, else a parent level. */
export type CountLevel = { kind: 'exact'; level: ExactLevel } | { kind: 'level'; level: H3Level; position: number };

/**
 * Which cells `resolution` counts in. An exact level wins over the parent level of the same
 * resolution. Throws a RangeError when `resolution` is not indexed.
 */
export function countLevel(index: IncidentIndex, resolution: number): CountLevel {
  const exact = index.exact.find((e) => e.resolution === resolution);
  if (exact) return { kind: 'exact', level: exact };
  const position = levelPosition(index, resolution);
  if (position < 0) {
    const have = index.levels.map((l) => l.resolution).join(', ');
    throw new RangeError(`resolution ${resolution} is not indexed (have ${have})`);
  }
  return { kind: 'level', level: index.levels[position], position };
}

/**
 * Every cell of `resolution` that holds an incident, as H3 strings, in the order of the counts of
 * {@link aggregateDense} (sorted by H3 index). Made once per level and cached: do not modify.
 */
export function levelCells(index: IncidentIndex, resolution: number): readonly string[] {
  const l = countLevel(index, resolution);
  return l.kind === 'exact' ? allExactCellIds(l.level) : allLevelCellIds(index, l.position);
}

/** The per-row columns of an index, as filters read them. */
export function indexRows(index: IncidentIndex) {
  return { timeSec: index.cols.timeSec, category: index.cols.category, hourOfWeek: index.time.hourOfWeek };
}

/**
 * Counts incidents kept by `filter` for every cell of `resolution`, zeros included: one
 * sequential pass over the rows (each cell owns a contiguous run of them). `polygons` resolves a
 * filter's polygon set. Throws a RangeError when `resolution` is not indexed.
 */
export function aggregateDense(index: IncidentIndex, filter: IncidentFilter | null | undefined, resolution: number, polygons?: PolygonSets): DenseAggregate {
  const l = countLevel(index, resolution);
  const f = compileRowFilter(indexRows(index), filter, polygons);
  const counts = l.kind === 'exact' ? countExact(index, l.level, f) : countRuns(index.cols.timeSec, l.level.rowStart, l.level.size, f);
  let total = 0;
  let max = 0;
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c];
    total += v;
    if (v > max) max = v;
  }
  return { resolution, counts, total, max };
}

/**
 * Counts incidents kept by `filter` per non-empty H3 cell at `resolution`: the dense counts with
 * the empty cells left out. At the fine resolution and the parent resolutions a cell's count is
 * that of its H3 children; at an exact resolution of the index, of its own hexagon. Throws a
 * RangeError when `resolution` is not indexed.
 */
export function aggregateH3(index: IncidentIndex, filter: IncidentFilter | null | undefined, resolution: number, polygons?: PolygonSets): H3Aggregate {
  const dense = aggregateDense(index, filter, resolution, polygons);
  const l = countLevel(index, resolution);
  const { ords, counts } = nonEmpty(dense.counts);
  const cells = l.kind === 'exact' ? exactCellIds(l.level, ords) : levelCellIds(index, l.position, ords);
  return { resolution, cells, counts, total: dense.total, max: dense.max };
}

/** Kept rows per cell, cell c owning rows rowStart[c] … rowStart[c + 1] − 1. */
export function countRuns(time: Uint32Array, rowStart: Uint32Array, size: number, f: RowFilter): Uint32Array {
  const counts = new Uint32Array(size);
  if (f.none) return counts;
  if (f.all) {
    for (let c = 0; c < size; c++) counts[c] = rowStart[c + 1] - rowStart[c];
    return counts;
  }
  const { from, span, src, lut } = f;
  let i = rowStart[0];
  for (let c = 0; c < size; c++) {
    const end = rowStart[c + 1];
    let s = 0;
    // Branch-free: adding 0 for a dropped incident is twice as fast as a mispredicted branch.
    for (; i < end; i++) s += +(((time[i] - from) >>> 0) < span) & lut[src[i]];
    counts[c] = s;
  }
  return counts;
}

function countExact(index: IncidentIndex, level: ExactLevel, f: RowFilter): Uint32Array {
  const counts = new Uint32Array(level.size);
  if (f.none) return counts;
  const { runStart, runOrd } = level;
  const runs = runOrd.length;
  if (f.all) {
    for (let r = 0; r < runs; r++) counts[runOrd[r]] += runStart[r + 1] - runStart[r];
    return counts;
  }
  const { from, span, src, lut } = f;
  const time = index.cols.timeSec;
  let i = 0;
  for (let r = 0; r < runs; r++) {
    const end = runStart[r + 1];
    let s = 0;
    for (; i < end; i++) s += +(((time[i] - from) >>> 0) < span) & lut[src[i]];
    counts[runOrd[r]] += s;
  }
  return counts;
}

/** The non-empty cells of a count array with their counts. */
function nonEmpty(counts: Uint32Array): { ords: Uint32Array; counts: Uint32Array } {
  let size = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] !== 0) size++;
  const ords = new Uint32Array(size);
  const out = new Uint32Array(size);
  let k = 0;
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c];
    if (v === 0) continue;
    ords[k] = c;
    out[k++] = v;
  }
  return { ords, counts: out };
}
