// Analysis (PURE): builds the columnar incident index with H3 cells. Imports only model and
// h3-js; no DOM, React, maplibre or deck.gl — runs in Node tests, the worker and the CLI alike.
import { latLngToCell } from 'h3-js';
import type { IncidentColumns } from '../model/incident';
import { h3ChildHi, h3ChildLo, h3Digit, h3ParentHi, h3ParentLo, h3ToString, parseH3Into } from './h3-bits';
import { SplitLongDict } from './split-long-dict';

/** Options of {@link buildIncidentIndex}. */
export interface IncidentIndexOptions {
  /** H3 resolution of the one cell computed per incident. Default 11 (edge ≈ 29 m). */
  fineResolution?: number;
  /**
   * Coarsest resolution to precompute parents for; every resolution from it to the fine one is
   * indexed. Default 5 (edge ≈ 8.5 km), so 5–10 above the fine 11.
   */
  coarsestResolution?: number;
  /**
   * Resolutions to locate exactly, each with its own `latLngToCell` per incident (≈ 1.3 µs and
   * 2–4 bytes an incident each). Default none. H3 cells do not nest exactly: about 7 % of points
   * lie outside the hexagon of their fine cell's parent, next door to it. Parent counts are
   * consistent across zoom levels (children sum to parents); exact counts match the hexagon
   * drawn. Must lie within coarsestResolution…fineResolution.
   */
  exactResolutions?: readonly number[];
}

/**
 * The distinct cells of one resolution, by ordinal. A cell is its parent plus one H3 digit, so
 * every level but the coarsest stores just that: 4 bytes a distinct cell. The coarsest keeps the
 * full split-long indexes.
 */
export interface H3Level {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /**
   * Per cell: (ordinal of its parent in the next coarser level `levels[k - 1]`) × 8 + its digit
   * at this resolution (0–6). Null for the coarsest level.
   */
  link: Uint32Array | null;
  /** Coarsest level only: upper 32 bits of each cell's H3 index (null elsewhere). */
  hi: Uint32Array | null;
  /** Coarsest level only: lower 32 bits of each cell's H3 index (null elsewhere). */
  lo: Uint32Array | null;
}

/** A resolution located per incident with latLngToCell: exact, independent of the fine cell. */
export interface ExactLevel {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /** Per incident: ordinal of its cell (Uint16 while there are at most 65,536 cells). */
  cellOrd: Uint16Array | Uint32Array;
  /** Upper and lower 32 bits of each cell's H3 index. */
  hi: Uint32Array;
  lo: Uint32Array;
}

/**
 * Incidents in columns plus one fine H3 cell each, held as a Uint32 ordinal into the distinct
 * fine cells (4 bytes an incident instead of a 15-character string).
 */
export interface IncidentIndex {
  /** Number of incidents. */
  count: number;
  /** The columns given to the build, kept as they are (not copied). */
  cols: IncidentColumns;
  fineResolution: number;
  /** Per incident: ordinal of its fine cell in the last level. */
  cellOrd: Uint32Array;
  /** One level per resolution, coarsest first; the last is the fine resolution. */
  levels: H3Level[];
  /** Resolutions located exactly per incident (see IncidentIndexOptions.exactResolutions). */
  exact: ExactLevel[];
}

/** Bytes held by the typed arrays of an index. */
export interface IndexMemory {
  /** lng, lat (Float64), timeSec (Uint32), category (Uint8): 21 bytes an incident. */
  columnBytes: number;
  /** The fine-cell ordinal: 4 bytes an incident. */
  cellOrdBytes: number;
  /** Distinct cells of every level with their parent links, and exact levels if any. */
  levelBytes: number;
  totalBytes: number;
  /** totalBytes ÷ count; 0 for an empty index. */
  bytesPerIncident: number;
}

export const DEFAULT_FINE_RESOLUTION = 11;
export const DEFAULT_COARSEST_RESOLUTION = 5;

/**
 * Builds the index: one `latLngToCell` call per incident at the fine resolution, interned into
 * a typed hash table (no string Map); then, once per distinct cell, its parent at each coarser
 * resolution by H3 bit arithmetic. Cost is dominated by `latLngToCell` (about 1–1.5 µs each).
 * Coarser cells are therefore H3 parents (as `cellToParent`), not `latLngToCell` at that
 * resolution, unless listed in `exactResolutions`. Throws, naming the row, when an incident's
 * position is not a valid WGS-84 coordinate.
 */
export function buildIncidentIndex(cols: IncidentColumns, opts: IncidentIndexOptions = {}): IncidentIndex {
  const fineResolution = opts.fineResolution ?? DEFAULT_FINE_RESOLUTION;
  checkResolution(fineResolution, 'fineResolution');
  const coarsest = Math.min(opts.coarsestResolution ?? DEFAULT_COARSEST_RESOLUTION, fineResolution);
  checkResolution(coarsest, 'coarsestResolution');

  const exactResolutions = [...new Set(opts.exactResolutions ?? [])].sort((x, y) => x - y);
  for (const r of exactResolutions) {
    if (!(r >= coarsest && r < fineResolution)) {
      throw new RangeError(`exactResolutions: ${r} is not within ${coarsest}–${fineResolution - 1}`);
    }
  }

  const count = checkColumns(cols);
  const fine = locateCells(cols, fineResolution);
  const cellOrd = fine.ord;
  const dict = fine.dict;
  const exact = exactResolutions.map((resolution): ExactLevel => {
    const { ord, dict: d } = locateCells(cols, resolution);
    return { resolution, size: d.size, cellOrd: d.size <= 0x10000 ? Uint16Array.from(ord) : ord, hi: d.keysHi(), lo: d.keysLo() };
  });

  // Walk up one resolution at a time; only the coarsest level keeps full indexes.
  const levels: H3Level[] = [];
  let size = dict.size;
  let hi = dict.keysHi();
  let lo = dict.keysLo();
  for (let res = fineResolution; res > coarsest; res--) {
    const parents = new SplitLongDict(Math.max(16, size >> 2));
    const link = new Uint32Array(size);
    for (let c = 0; c < size; c++) {
      const p = parents.intern(h3ParentHi(hi[c], res - 1), h3ParentLo(lo[c], res - 1));
      link[c] = (p << 3) | h3Digit(hi[c], lo[c], res);
    }
    levels.push({ resolution: res, size, link, hi: null, lo: null });
    size = parents.size;
    hi = parents.keysHi();
    lo = parents.keysLo();
  }
  levels.push({ resolution: coarsest, size, link: null, hi, lo });
  levels.reverse();
  return { count, cols, fineResolution, cellOrd, levels, exact };
}

/** One latLngToCell per incident, interned: per-incident ordinals and the distinct cells. */
function locateCells(cols: IncidentColumns, res: number): { ord: Uint32Array; dict: SplitLongDict } {
  const { lng, lat } = cols;
  const n = lng.length;
  const dict = new SplitLongDict(Math.min(n, 1 << 20));
  const ord = new Uint32Array(n);
  const split = new Uint32Array(2);
  for (let i = 0; i < n; i++) {
    const x = lng[i];
    const y = lat[i];
    // Say which row is bad rather than h3-js's bare "outside of acceptable range".
    if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180)) {
      throw new RangeError(`incident ${i} has no valid WGS-84 position (lng ${x}, lat ${y})`);
    }
    parseH3Into(latLngToCell(y, x, res), split);
    ord[i] = dict.intern(split[0], split[1]);
  }
  return { ord, dict };
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
  const cellOrdBytes = index.cellOrd.byteLength;
  let levelBytes = 0;
  for (const l of index.levels) levelBytes += (l.link?.byteLength ?? 0) + (l.hi?.byteLength ?? 0) + (l.lo?.byteLength ?? 0);
  for (const e of index.exact) levelBytes += e.cellOrd.byteLength + e.hi.byteLength + e.lo.byteLength;
  const totalBytes = columnBytes + cellOrdBytes + levelBytes;
  return {
    columnBytes,
    cellOrdBytes,
    levelBytes,
    totalBytes,
    bytesPerIncident: index.count === 0 ? 0 : totalBytes / index.count,
  };
}

/**
 * Full split-long H3 indexes of every cell of level `position`, rebuilt from the coarsest level
 * down the links: one pass over each level's cells (about 5 ms for a million cells).
 */
export function levelSplitLongs(index: IncidentIndex, position: number): { hi: Uint32Array; lo: Uint32Array } {
  let hi = index.levels[0].hi!;
  let lo = index.levels[0].lo!;
  for (let k = 1; k <= position; k++) {
    const { link, size, resolution } = index.levels[k];
    const h = new Uint32Array(size);
    const l = new Uint32Array(size);
    for (let c = 0; c < size; c++) {
      const v = link![c];
      const p = v >>> 3;
      h[c] = h3ChildHi(hi[p], resolution, v & 7);
      l[c] = h3ChildLo(lo[p], resolution, v & 7);
    }
    hi = h;
    lo = l;
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
  // Links pack a parent ordinal with 3 bits of digit into a Uint32.
  if (n >= 2 ** 29) throw new RangeError(`${n} incidents: the index holds at most 2^29 − 1`);
  return n;
}
