// Analysis (PURE): builds the columnar incident index with H3 cells. Imports only model types,
// h3-js and sibling pure modules; no DOM, React, maplibre or deck.gl — runs in Node tests, the
// worker and the CLI alike.
//
// Layout: rows (incidents) are stored sorted by fine cell, and cells by H3 index. H3 order is
// hierarchical — a parent's descendants are contiguous — so every cell of every level owns one
// contiguous run of rows. Counting per cell under any filter is then a single sequential pass over
// the columns at any resolution, with no per-incident cell ordinal and no roll-up.
//
// This file is the entry point: the types live in incident-index-types.ts, the assembly from
// located cells in incident-index-assemble.ts and the cells' H3 indexes in incident-index-cells.ts.
import type { IncidentColumns } from '../../model/incident';
import { locateCells, type LocatedCells } from '../h3/cell-locator';
import { assembleIndex, exactLevel } from './incident-index-assemble';
import type { IncidentIndex, IncidentIndexOptions, IndexMemory, IndexPlan, InputLocalTime } from './incident-index-types';

export type { ExactLevel, H3Level, IncidentIndex, IncidentIndexOptions, IndexMemory, IndexPlan, InputLocalTime } from './incident-index-types';
export { assembleIndex } from './incident-index-assemble';
export { allExactCellIds, allLevelCellIds, exactCellIds, levelCellIds, levelSplitLongs } from './incident-index-cells';
export { sortSplitLongs } from '../h3/split-long-sort';

export const DEFAULT_FINE_RESOLUTION = 11;
export const DEFAULT_COARSEST_RESOLUTION = 5;

/**
 * Validates columns and options. Throws a RangeError on a bad resolution, columns of unequal
 * length, or more than 2^31 − 1 incidents.
 */
export function planIndex(cols: IncidentColumns, opts: IncidentIndexOptions): IndexPlan {
  const fineResolution = opts.fineResolution ?? DEFAULT_FINE_RESOLUTION;
  checkResolution(fineResolution, 'fineResolution');
  const coarsestResolution = Math.min(opts.coarsestResolution ?? DEFAULT_COARSEST_RESOLUTION, fineResolution);
  checkResolution(coarsestResolution, 'coarsestResolution');
  const exactResolutions = [...new Set(opts.exactResolutions ?? [])].sort((x, y) => x - y);
  for (const r of exactResolutions) {
    if (!(r >= coarsestResolution && r < fineResolution)) {
      throw new RangeError(`exactResolutions: ${r} is not within ${coarsestResolution}–${fineResolution - 1}`);
    }
  }
  return { count: checkColumns(cols), fineResolution, coarsestResolution, exactResolutions, timeZone: opts.timeZone };
}

/**
 * Builds the index on this thread. Cells come from {@link locateCells} (exactly latLngToCell,
 * mostly without calling it); then one sort of the distinct cells, one counting sort of the rows
 * and a gather of the columns. Throws, naming the row, when an incident's position is not a valid
 * WGS-84 coordinate.
 */
export function buildIncidentIndex(cols: IncidentColumns, opts: IncidentIndexOptions): IncidentIndex {
  const plan = planIndex(cols, opts);
  const fine = locateCells(cols.lng, cols.lat, plan.fineResolution);
  const exact = plan.exactResolutions.map((r) => locateCells(cols.lng, cols.lat, r));
  return assembleIndex(cols, plan, fine, exact);
}

/**
 * Adds an exact level for `resolution` to a built index, unless it has one: each incident's own
 * cell at that resolution, located from the index's (already reordered) coordinates. Lets an app
 * pay for exact counts only at the resolutions a user actually looks at. Throws a RangeError
 * when `resolution` is not coarser than the fine one and within the index's levels.
 */
export function addExactLevel(index: IncidentIndex, resolution: number): void {
  if (index.exact.some((e) => e.resolution === resolution)) return;
  if (!(resolution >= index.levels[0].resolution && resolution < index.fineResolution)) {
    throw new RangeError(`addExactLevel: ${resolution} is not within ${index.levels[0].resolution}–${index.fineResolution - 1}`);
  }
  const located = locateCells(index.cols.lng, index.cols.lat, resolution);
  const identity = new Uint32Array(index.count);
  for (let k = 0; k < identity.length; k++) identity[k] = k;
  index.exact.push(exactLevel(resolution, located, identity));
  index.exact.sort((a, b) => a.resolution - b.resolution);
}

/**
 * Locates the cells of every point at one resolution (e.g. on a pool of worker threads) and, when
 * `time` is given, the local hour of week and day of every row alongside.
 */
export type LocateCells = (
  lng: Float64Array,
  lat: Float64Array,
  res: number,
  time: { timeSec: Uint32Array; timeZone: string; minSec: number; maxSec: number } | null,
) => Promise<{ located: LocatedCells; time: InputLocalTime | null }>;

/** As {@link buildIncidentIndex}, with the cells (and local times) found by `locate`. */
export async function buildIncidentIndexWith(cols: IncidentColumns, opts: IncidentIndexOptions, locate: LocateCells): Promise<IncidentIndex> {
  const plan = planIndex(cols, opts);
  let minSec = Infinity;
  let maxSec = -Infinity;
  const times = cols.timeSec;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < minSec) minSec = times[i];
    if (times[i] > maxSec) maxSec = times[i];
  }
  const time = plan.count > 0 ? { timeSec: cols.timeSec, timeZone: plan.timeZone, minSec, maxSec } : null;
  const fine = await locate(cols.lng, cols.lat, plan.fineResolution, time);
  const exact: LocatedCells[] = [];
  for (const r of plan.exactResolutions) exact.push((await locate(cols.lng, cols.lat, r, null)).located);
  return assembleIndex(cols, plan, fine.located, exact, fine.time ?? undefined);
}

/** Resolutions the index can aggregate at, ascending. */
export function indexResolutions(index: IncidentIndex): number[] {
  return index.levels.map((l) => l.resolution);
}

/** Position of the level of `resolution` in `index.levels`, or −1 when not indexed. */
export function levelPosition(index: IncidentIndex, resolution: number): number {
  return index.levels.findIndex((l) => l.resolution === resolution);
}

/** Bytes held by the index's typed arrays (strings cached for display are not counted). */
export function indexMemory(index: IncidentIndex): IndexMemory {
  const { cols } = index;
  const columnBytes = cols.lng.byteLength + cols.lat.byteLength + cols.timeSec.byteLength + cols.category.byteLength;
  const orderBytes = index.order.byteLength;
  const localTimeBytes = index.time.hourOfWeek.byteLength + index.time.day.byteLength;
  let levelBytes = index.fineHi.byteLength + index.fineLo.byteLength;
  for (const l of index.levels) levelBytes += l.rowStart.byteLength;
  for (const e of index.exact) levelBytes += e.runStart.byteLength + e.runOrd.byteLength + e.hi.byteLength + e.lo.byteLength;
  const totalBytes = columnBytes + orderBytes + localTimeBytes + levelBytes;
  return {
    columnBytes,
    orderBytes,
    localTimeBytes,
    levelBytes,
    totalBytes,
    bytesPerIncident: index.count === 0 ? 0 : totalBytes / index.count,
  };
}

function checkResolution(r: number, name: string): void {
  if (!Number.isInteger(r) || r < 0 || r > 15) throw new RangeError(`${name}: H3 resolution must be an integer 0–15, got ${r}`);
}

function checkColumns(cols: IncidentColumns): number {
  const n = cols.lng.length;
  if (cols.lat.length !== n || cols.timeSec.length !== n || cols.category.length !== n) {
    throw new RangeError(
      `incident columns differ in length: lng ${n}, lat ${cols.lat.length}, timeSec ${cols.timeSec.length}, category ${cols.category.length}`,
    );
  }
  if (n >= 2 ** 31) throw new RangeError(`${n} incidents: the index holds at most 2^31 − 1`);
  return n;
}
