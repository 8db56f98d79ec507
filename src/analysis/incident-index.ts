// Analysis (PURE): builds the columnar incident index with H3 cells. Imports only model types,
// h3-js and sibling pure modules; no DOM, React, maplibre or deck.gl — runs in Node tests, the
// worker and the CLI alike.
//
// Layout: rows (incidents) are stored sorted by fine cell, and cells by H3 index. H3 order is
// hierarchical — a parent's descendants are contiguous — so every cell of every level owns one
// contiguous run of rows. Counting per cell under any filter is then a single sequential pass over
// the columns at any resolution, with no per-incident cell ordinal and no roll-up.
import type { IncidentColumns } from '../model/incident';
import { locateCells, type LocatedCells } from './cell-locator';
import { h3ParentHi, h3ParentLo, h3ToString } from './h3-bits';
import { DEFAULT_TIME_ZONE, localTimeColumns, type LocalTimeColumns } from './hour-of-week';

/** Options of {@link buildIncidentIndex}. */
export interface IncidentIndexOptions {
  /** H3 resolution of the one cell computed per incident. Default 11 (edge ≈ 29 m). */
  fineResolution?: number;
  /**
   * Coarsest resolution to index; every resolution from it to the fine one is available. Default
   * 5 (edge ≈ 8.5 km), so 5–10 above the fine 11.
   */
  coarsestResolution?: number;
  /**
   * Resolutions to locate exactly, each with its own cell per incident (2–4 bytes an incident
   * each). Default none. H3 cells do not nest exactly: about 7 % of points lie outside the hexagon
   * of their fine cell's parent, next door to it. Parent counts are consistent across zoom levels
   * (children sum to parents); exact counts match the hexagon drawn. Must lie within
   * coarsestResolution…fineResolution − 1.
   */
  exactResolutions?: readonly number[];
  /** IANA zone the dataset's local times are read in (hour of week, days). Default Asia/Shanghai. */
  timeZone?: string;
}

/**
 * The distinct cells of one resolution, sorted by H3 index. Cell c owns index rows
 * rowStart[c] … rowStart[c + 1] − 1.
 */
export interface H3Level {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /** size + 1 row offsets. */
  rowStart: Uint32Array;
}

/** A resolution located per incident with its own cell, exact rather than an H3 parent. */
export interface ExactLevel {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /** Per index row: ordinal of its cell (Uint16 while there are at most 65,536 cells). */
  cellOrd: Uint16Array | Uint32Array;
  /** Upper and lower 32 bits of each cell's H3 index, sorted by index. */
  hi: Uint32Array;
  lo: Uint32Array;
}

/** Incidents in columns, ordered by fine cell, with the H3 levels and local-time columns. */
export interface IncidentIndex {
  /** Number of incidents. */
  count: number;
  /** The incident columns in index order (copies; the columns given are left untouched). */
  cols: IncidentColumns;
  /** order[k]: the row of the columns given to the build that index row k holds. */
  order: Uint32Array;
  fineResolution: number;
  /** The distinct fine cells as split longs, sorted by H3 index (the last level's cells). */
  fineHi: Uint32Array;
  fineLo: Uint32Array;
  /** One level per resolution, coarsest first; the last is the fine resolution. */
  levels: H3Level[];
  /** Resolutions located exactly per incident (see IncidentIndexOptions.exactResolutions). */
  exact: ExactLevel[];
  /** Local hour of week and day of every row, in the dataset's zone. */
  time: LocalTimeColumns;
  /** Earliest and latest incident time, epoch seconds (0 and 0 when empty). */
  minSec: number;
  maxSec: number;
}

/** Bytes held by the typed arrays of an index. */
export interface IndexMemory {
  /** lng, lat (Float64), timeSec (Uint32), category (Uint8): 21 bytes an incident. */
  columnBytes: number;
  /** The input-row order: 4 bytes an incident. */
  orderBytes: number;
  /** Hour of week (Uint8) and day (Uint16): 3 bytes an incident. */
  localTimeBytes: number;
  /** Distinct cells and row offsets of every level, and exact levels if any. */
  levelBytes: number;
  totalBytes: number;
  /** totalBytes ÷ count; 0 for an empty index. */
  bytesPerIncident: number;
}

export const DEFAULT_FINE_RESOLUTION = 11;
export const DEFAULT_COARSEST_RESOLUTION = 5;

/** What a build needs settled before any work: the validated options. */
export interface IndexPlan {
  count: number;
  fineResolution: number;
  coarsestResolution: number;
  exactResolutions: number[];
  timeZone: string;
}

/**
 * Validates columns and options. Throws a RangeError on a bad resolution, columns of unequal
 * length, or more than 2^31 − 1 incidents.
 */
export function planIndex(cols: IncidentColumns, opts: IncidentIndexOptions = {}): IndexPlan {
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
  return { count: checkColumns(cols), fineResolution, coarsestResolution, exactResolutions, timeZone: opts.timeZone ?? DEFAULT_TIME_ZONE };
}

/**
 * Builds the index on this thread. Cells come from {@link locateCells} (exactly latLngToCell,
 * mostly without calling it); then one sort of the distinct cells, one counting sort of the rows
 * and a gather of the columns. Throws, naming the row, when an incident's position is not a valid
 * WGS-84 coordinate.
 */
export function buildIncidentIndex(cols: IncidentColumns, opts: IncidentIndexOptions = {}): IncidentIndex {
  const plan = planIndex(cols, opts);
  const fine = locateCells(cols.lng, cols.lat, plan.fineResolution);
  const exact = plan.exactResolutions.map((r) => locateCells(cols.lng, cols.lat, r));
  return assembleIndex(cols, plan, fine, exact);
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

/** Local hour of week and day per input row, as the cell workers compute them with the cells. */
export type InputLocalTime = Pick<LocalTimeColumns, 'hourOfWeek' | 'day' | 'firstDay' | 'dayCount'>;

/**
 * Puts an index together from located cells (fine, and one per exact resolution in plan order)
 * and, if already computed, the local time of every input row: sorts the distinct fine cells by
 * H3 index, moves every row to its place in one scatter pass (sequential reads, so a million rows
 * take ~60 ms where a gather takes three times that) and derives the coarser levels.
 */
export function assembleIndex(
  cols: IncidentColumns,
  plan: IndexPlan,
  fine: LocatedCells,
  exact: readonly LocatedCells[],
  inputTime?: InputLocalTime,
): IncidentIndex {
  const n = plan.count;
  if (fine.ord.length !== n) throw new RangeError(`located ${fine.ord.length} cells for ${n} incidents`);
  const local = inputTime ?? localTimeColumns(cols.timeSec, plan.timeZone);
  const fineOrder = sortSplitLongs(fine.hi, fine.lo);
  const size = fineOrder.length;
  const rank = new Uint32Array(size);
  for (let k = 0; k < size; k++) rank[fineOrder[k]] = k;
  const fineHi = new Uint32Array(size);
  const fineLo = new Uint32Array(size);
  for (let k = 0; k < size; k++) (fineHi[k] = fine.hi[fineOrder[k]]), (fineLo[k] = fine.lo[fineOrder[k]]);

  // Counting sort of the rows by fine cell (stable: input order within a cell).
  const rowStart = new Uint32Array(size + 1);
  const ord = fine.ord;
  for (let i = 0; i < n; i++) rowStart[rank[ord[i]] + 1]++;
  for (let c = 0; c < size; c++) rowStart[c + 1] += rowStart[c];
  const next = rowStart.slice(0, size);
  const order = new Uint32Array(n);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const timeSec = new Uint32Array(n);
  const category = new Uint8Array(n);
  const hourOfWeek = new Uint8Array(n);
  const day = new Uint16Array(n);
  const { lng: x, lat: y, timeSec: t, category: k } = cols;
  const { hourOfWeek: h, day: d } = local;
  let minSec = n > 0 ? Infinity : 0;
  let maxSec = n > 0 ? -Infinity : 0;
  for (let i = 0; i < n; i++) {
    const p = next[rank[ord[i]]]++;
    const ti = t[i];
    order[p] = i;
    lng[p] = x[i];
    lat[p] = y[i];
    timeSec[p] = ti;
    category[p] = k[i];
    hourOfWeek[p] = h[i];
    day[p] = d[i];
    if (ti < minSec) minSec = ti;
    if (ti > maxSec) maxSec = ti;
  }
  return {
    count: n,
    cols: { lng, lat, timeSec, category },
    order,
    fineResolution: plan.fineResolution,
    fineHi,
    fineLo,
    levels: coarserLevels(fineHi, fineLo, rowStart, plan.fineResolution, plan.coarsestResolution),
    exact: exact.map((located, e) => exactLevel(plan.exactResolutions[e], located, order)),
    time: { timeZone: plan.timeZone, hourOfWeek, day, firstDay: local.firstDay, dayCount: local.dayCount },
    minSec,
    maxSec,
  };
}

/** The fine level and every coarser one down to `coarsest`, each derived from the next finer. */
function coarserLevels(fineHi: Uint32Array, fineLo: Uint32Array, rowStart: Uint32Array, fineRes: number, coarsest: number): H3Level[] {
  const size = fineHi.length;
  const levels: H3Level[] = [{ resolution: fineRes, size, rowStart }];
  // First fine cell of each cell of the finer level (a cell's H3 parent is its first child's).
  let reps = new Uint32Array(size + 1);
  for (let c = 0; c <= size; c++) reps[c] = c;
  for (let res = fineRes - 1; res >= coarsest; res--) {
    const finer = reps.length - 1;
    const starts = new Uint32Array(finer + 1);
    let count = 0;
    let lastHi = -1;
    let lastLo = -1;
    for (let c = 0; c < finer; c++) {
      const f = reps[c];
      const hi = h3ParentHi(fineHi[f], res);
      const lo = h3ParentLo(fineLo[f], res);
      if (hi !== lastHi || lo !== lastLo) {
        starts[count++] = f;
        lastHi = hi;
        lastLo = lo;
      }
    }
    starts[count] = size;
    reps = starts.slice(0, count + 1);
    const rows = new Uint32Array(count + 1);
    for (let c = 0; c <= count; c++) rows[c] = rowStart[reps[c]];
    levels.push({ resolution: res, size: count, rowStart: rows });
  }
  return levels.reverse();
}

function exactLevel(resolution: number, located: LocatedCells, order: Uint32Array): ExactLevel {
  const perm = sortSplitLongs(located.hi, located.lo);
  const size = perm.length;
  const rank = new Uint32Array(size);
  for (let k = 0; k < size; k++) rank[perm[k]] = k;
  const n = order.length;
  const cellOrd = size <= 0x10000 ? new Uint16Array(n) : new Uint32Array(n);
  for (let k = 0; k < n; k++) cellOrd[k] = rank[located.ord[order[k]]];
  const hi = new Uint32Array(size);
  const lo = new Uint32Array(size);
  for (let k = 0; k < size; k++) (hi[k] = located.hi[perm[k]]), (lo[k] = located.lo[perm[k]]);
  return { resolution, size, cellOrd, hi, lo };
}

/**
 * Positions 0…n−1 ordered by the unsigned 64-bit keys (hi, lo): an LSD radix sort in 16-bit
 * digits, skipping digits every key shares (the mode and resolution bits of H3 cells).
 */
export function sortSplitLongs(hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = hi.length;
  let idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65_536);
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(key[k] >>> shift) & 0xffff]++;
    if (n === 0 || count[(key[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      tmp[count[(key[i] >>> shift) & 0xffff]++] = i;
    }
    [idx, tmp] = [tmp, idx];
  }
  return idx;
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
  for (const e of index.exact) levelBytes += e.cellOrd.byteLength + e.hi.byteLength + e.lo.byteLength;
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

/**
 * Full split-long H3 indexes of every cell of level `position`, in the level's (H3) order: the
 * parent of the fine cell holding each cell's first row (found by binary search of the fine runs).
 */
export function levelSplitLongs(index: IncidentIndex, position: number): { hi: Uint32Array; lo: Uint32Array } {
  const fine = index.levels[index.levels.length - 1];
  if (position === index.levels.length - 1) return { hi: index.fineHi, lo: index.fineLo };
  const { rowStart, size, resolution } = index.levels[position];
  const hi = new Uint32Array(size);
  const lo = new Uint32Array(size);
  let f = 0;
  for (let c = 0; c < size; c++) {
    // Last fine cell starting at or before the row: cells ascend, so search from the previous.
    let a = f;
    let b = fine.size - 1;
    const row = rowStart[c];
    while (a < b) {
      const m = (a + b + 1) >>> 1;
      if (fine.rowStart[m] <= row) a = m;
      else b = m - 1;
    }
    f = a;
    hi[c] = h3ParentHi(index.fineHi[f], resolution);
    lo[c] = h3ParentLo(index.fineLo[f], resolution);
  }
  return { hi, lo };
}

const CELL_STRINGS = new WeakMap<object, string[]>();

/**
 * H3 index strings of the cells `ords` of level `position`. Strings are made on first request
 * and kept per cell (≈ 40 bytes each, not counted in indexMemory), so repeated aggregations at a
 * resolution cost no string work.
 */
export function levelCellIds(index: IncidentIndex, position: number, ords: ArrayLike<number>): string[] {
  return cellIds(index.levels[position], index.levels[position].size, () => levelSplitLongs(index, position), ords);
}

/** H3 index strings of the cells `ords` of an exact level (cached as for levelCellIds). */
export function exactCellIds(level: ExactLevel, ords: ArrayLike<number>): string[] {
  return cellIds(level, level.size, () => level, ords);
}

/** Every cell of level `position` as H3 strings, in ordinal order (cached: do not modify). */
export function allLevelCellIds(index: IncidentIndex, position: number): readonly string[] {
  const level = index.levels[position];
  return allCellIds(level, level.size, () => levelSplitLongs(index, position));
}

/** Every cell of an exact level as H3 strings, in ordinal order (cached: do not modify). */
export function allExactCellIds(level: ExactLevel): readonly string[] {
  return allCellIds(level, level.size, () => level);
}

function allCellIds(key: object, size: number, split: () => { hi: Uint32Array; lo: Uint32Array }): string[] {
  let cache = CELL_STRINGS.get(key);
  if (!cache) {
    cache = new Array<string>(size);
    CELL_STRINGS.set(key, cache);
  }
  let hiLo: { hi: Uint32Array; lo: Uint32Array } | null = null;
  for (let c = 0; c < size; c++) {
    if (cache[c] !== undefined) continue;
    hiLo ??= split();
    cache[c] = h3ToString(hiLo.hi[c], hiLo.lo[c]);
  }
  return cache;
}

function cellIds(key: object, size: number, split: () => { hi: Uint32Array; lo: Uint32Array }, ords: ArrayLike<number>): string[] {
  let cache = CELL_STRINGS.get(key);
  if (!cache) {
    cache = new Array<string>(size);
    CELL_STRINGS.set(key, cache);
  }
  const out = new Array<string>(ords.length);
  let hiLo: { hi: Uint32Array; lo: Uint32Array } | null = null;
  for (let k = 0; k < ords.length; k++) {
    const c = ords[k];
    let id = cache[c];
    if (id === undefined) {
      hiLo ??= split();
      id = cache[c] = h3ToString(hiLo.hi[c], hiLo.lo[c]);
    }
    out[k] = id;
  }
  return out;
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
