// Analysis (PURE): the H3 cells within k rings of some seed cells and, for each, its neighbours
// within k rings among them, as compressed rows. Imports only h3-js and sibling pure modules.
//
// Why not gridDisk per cell: each h3-js call costs ~2 µs of string and WASM traffic, so 50,000
// cells take ~100 ms before any statistics. Inside one H3 base cell a cell's position on the
// hexagonal lattice follows from its digits alone (H3's _h3ToFaceIjkWithInitializedFijk): from
// (0,0), per resolution r scale by the aperture-7 step (turned one way at odd r, the other at even
// r) and add the digit's unit vector. Those are H3's local IJ coordinates, so neighbours are fixed
// lattice offsets found in a hash table. A "frame" is a base cell, or one of the five sectors of
// a pentagon base cell (its leading digit; much of eastern China lies in pentagon base cell 24);
// each frame maps into the first seed's local IJ by a rotation and shift, fitted to h3-js
// cellToLocalIj on a few of its seeds and checked on the rest. Rows where two frames meet (or
// h3-js placed a cell) are then checked against gridDisk. Anything that fails (the pentagon
// itself, frames h3 cannot unfold, a failed check) falls back to gridDisk per cell: always right,
// only slower.
//
// The lattice arithmetic of a frame lives in h3-frames.ts, the local-IJ path that uses it in
// h3-neighbours-local-ij.ts; the reference path (gridDisk per cell) stays here.
import { gridDisk, isValidCell } from 'h3-js';
import { h3Digit, h3ResolutionOf, h3ToString, parseH3Into } from './h3-bits';
import { viaLocalIj } from './h3-neighbours-local-ij';

/** Analysed cells and their k-ring neighbourhoods (binary spatial weights) in CSR form. */
export interface DiskNeighbourhood {
  /** Every cell within k rings of a seed: H3 index strings (lower case), sorted ascending. */
  cells: string[];
  /** Ring distance (cells). */
  k: number;
  /** Row starts: cell i's neighbours are neighbours[offsets[i] … offsets[i + 1]). Length n + 1. */
  offsets: Uint32Array;
  /** Indices into `cells` of the analysed cells within k rings of each cell, itself included. */
  neighbours: Uint32Array;
  /** Per seed (input order): its index in `cells`; duplicate seeds share one. */
  seedIndex: Uint32Array;
  /** Which path built it: lattice arithmetic, or gridDisk per cell. */
  method: 'local-ij' | 'grid-disk';
}

/** Options of {@link diskNeighbourhood}. */
export interface DiskNeighbourhoodOptions {
  /** 'grid-disk' forces the slow reference path (tests, benchmarks). Default 'auto'. */
  method?: 'auto' | 'grid-disk';
}

/**
 * The cells within `k` rings (h3 gridDisk) of any seed, and each one's neighbours within `k`
 * rings among those cells. Throws a RangeError for an invalid cell, mixed resolutions or a `k`
 * that is not a whole number 0–10 (rows hold up to 1 + 3k(k + 1) cells: 331 at k = 10).
 * Duplicate seeds are fine.
 */
export function diskNeighbourhood(seeds: readonly string[], k = 1, opts: DiskNeighbourhoodOptions = {}): DiskNeighbourhood {
  if (!Number.isInteger(k) || k < 0 || k > 10) throw new RangeError(`k must be a whole number 0–10, got ${k}`);
  const m = seeds.length;
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  const pair = new Uint32Array(2);
  let res = -1;
  for (let s = 0; s < m; s++) {
    const cell = seeds[s];
    if (typeof cell !== 'string' || !HEX.test(cell)) throw new RangeError(`not an H3 cell: ${String(cell)}`);
    parseH3Into(cell, pair);
    const r = h3ResolutionOf(pair[0]);
    if (!structurallyValid(pair[0], pair[1], r)) throw new RangeError(`not an H3 cell: ${cell}`);
    if (res < 0) res = r;
    else if (r !== res) throw new RangeError(`cells of mixed resolutions (${res} and ${r}), first at ${cell}`);
    hi[s] = pair[0];
    lo[s] = pair[1];
  }
  if (m === 0) return { cells: [], k, offsets: new Uint32Array(1), neighbours: new Uint32Array(0), seedIndex: hi, method: 'local-ij' };
  return (opts.method !== 'grid-disk' && viaLocalIj(hi, lo, res, k)) || viaGridDisk(hi, lo, k);
}

const HEX = /^[0-9a-fA-F]{1,16}$/;

/** Mode 1 (cell), reserved bits 0, base cell < 122, digits 0–6 up to `res` and 7 below. */
function structurallyValid(hi: number, lo: number, res: number): boolean {
  if (hi >>> 27 !== 1 || ((hi >>> 24) & 7) !== 0 || ((hi >>> 13) & 0x7f) >= 122) return false;
  const unused = 3 * (15 - res); // low bits that must all be 1 (digits res+1…15 = 7)
  const ok = unused >= 32 ? lo === 0xffffffff && (~hi & ((1 << (unused - 32)) - 1)) === 0 : (~lo & ((1 << unused) - 1)) === 0;
  if (!ok) return false;
  for (let r = 1; r <= res; r++) if (h3Digit(hi, lo, r) === 7) return false;
  return true;
}

/** The reference path: gridDisk per seed for the cells, per cell for its neighbours. */
function viaGridDisk(hi: Uint32Array, lo: Uint32Array, k: number): DiskNeighbourhood {
  const seeds = Array.from(hi, (h, s) => h3ToString(h, lo[s]));
  for (const c of seeds) if (!isValidCell(c)) throw new RangeError(`not an H3 cell: ${c}`);
  const set = new Set<string>();
  for (const c of seeds) for (const d of gridDisk(c, k)) set.add(d);
  const cells = [...set].sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const rows: number[] = [];
  const offsets = new Uint32Array(cells.length + 1);
  cells.forEach((c, i) => {
    for (const d of gridDisk(c, k)) {
      const j = index.get(d);
      if (j !== undefined) rows.push(j);
    }
    offsets[i + 1] = rows.length;
  });
  const seedIndex = Uint32Array.from(seeds, (c) => index.get(c)!);
  return { cells, k, offsets, neighbours: Uint32Array.from(rows), seedIndex, method: 'grid-disk' };
}

/**
 * The neighbourhood over a FIXED study area: exactly the cells `area` (duplicates merged), each
 * with its neighbours within `k` rings that are themselves in the area — a neighbour outside the
 * study area does not count. Built from {@link diskNeighbourhood} (fast path) and restricted, so
 * the rows equal gridDisk(i, k) ∩ area. `seedIndex` maps each input cell to its index in `cells`.
 * Throws like diskNeighbourhood.
 */
export function studyAreaNeighbourhood(area: readonly string[], k = 1, opts: DiskNeighbourhoodOptions = {}): DiskNeighbourhood {
  const full = diskNeighbourhood(area, k, opts);
  const inArea = new Uint8Array(full.cells.length);
  for (let s = 0; s < full.seedIndex.length; s++) inArea[full.seedIndex[s]] = 1;
  // New index of each kept cell; full.cells is sorted, so the kept ones stay sorted.
  const renum = new Int32Array(full.cells.length).fill(-1);
  const cells: string[] = [];
  for (let i = 0; i < full.cells.length; i++) if (inArea[i]) (renum[i] = cells.length), cells.push(full.cells[i]);
  const offsets = new Uint32Array(cells.length + 1);
  const rows: number[] = [];
  for (let i = 0; i < full.cells.length; i++) {
    if (!inArea[i]) continue;
    for (let e = full.offsets[i]; e < full.offsets[i + 1]; e++) {
      const j = renum[full.neighbours[e]];
      if (j >= 0) rows.push(j);
    }
    offsets[renum[i] + 1] = rows.length;
  }
  const seedIndex = Uint32Array.from(full.seedIndex, (i) => renum[i]);
  return { cells, k, offsets, neighbours: Uint32Array.from(rows), seedIndex, method: full.method };
}
