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
import { cellToLocalIj, getBaseCellNumber, getPentagons, gridDisk, isValidCell, localIjToCell } from 'h3-js';
import { h3ChildHi, h3ChildLo, h3Digit, h3ResolutionOf, h3ToString, parseH3Into } from './h3-bits';

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
// H3 digits 0–6 as unit vectors in local (i, j) = (I − K, J − K) lattice coordinates.
const DI = [0, -1, 0, -1, 1, 0, 1];
const DJ = [0, -1, 1, 0, 0, -1, 1];
/** Digit of a unit step, by (di + 1) * 3 + (dj + 1); −1 for (1, −1) and (−1, 1), not steps. */
const DIGIT_OF = [-1, -1, -1, -1, -1, -1, -1, -1, -1];
for (let d = 0; d < 7; d++) DIGIT_OF[(DI[d] + 1) * 3 + DJ[d] + 1] = d;

/** Mode 1 (cell), reserved bits 0, base cell < 122, digits 0–6 up to `res` and 7 below. */
function structurallyValid(hi: number, lo: number, res: number): boolean {
  if (hi >>> 27 !== 1 || ((hi >>> 24) & 7) !== 0 || ((hi >>> 13) & 0x7f) >= 122) return false;
  const unused = 3 * (15 - res); // low bits that must all be 1 (digits res+1…15 = 7)
  const ok = unused >= 32 ? lo === 0xffffffff && (~hi & ((1 << (unused - 32)) - 1)) === 0 : (~lo & ((1 << unused) - 1)) === 0;
  if (!ok) return false;
  for (let r = 1; r <= res; r++) if (h3Digit(hi, lo, r) === 7) return false;
  return true;
}

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** h3ToString, faster: the upper half repeats across a region, so its text is cached. */
function cellString(hi: number, lo: number, upper: Map<number, string>): string {
  let u = upper.get(hi);
  if (u === undefined) upper.set(hi, (u = hi.toString(16)));
  return u + HEX2[lo >>> 24] + HEX2[(lo >>> 16) & 255] + HEX2[(lo >>> 8) & 255] + HEX2[lo & 255];
}

let pentagonBases: Set<number> | null = null;
function isPentagonBase(base: number): boolean {
  pentagonBases ??= new Set(getPentagons(0).map((c) => getBaseCellNumber(c)));
  return pentagonBases.has(base);
}

/** Frame key: base × 8 + sector (leading non-zero digit in a pentagon base, else 0); −1 = pentagon. */
function frameKey(hi: number, lo: number, res: number): number {
  const base = (hi >>> 13) & 0x7f;
  if (!isPentagonBase(base)) return base * 8;
  for (let r = 1; r <= res; r++) {
    const d = h3Digit(hi, lo, r);
    if (d !== 0) return base * 8 + d;
  }
  return -1;
}

/** Lattice position of a cell within its base cell's frame, into out[0], out[1]. */
function walk(hi: number, lo: number, res: number, out: Int32Array): void {
  let i = 0;
  let j = 0;
  for (let r = 1; r <= res; r++) {
    const t = i;
    if (r & 1) { i = 2 * t + j; j = 3 * j - t; } // class III: aperture 7 counter-clockwise
    else { i = 3 * t - j; j = t + 2 * j; } // class II: aperture 7 clockwise
    const d = h3Digit(hi, lo, r);
    i += DI[d];
    j += DJ[d];
  }
  out[0] = i;
  out[1] = j;
}

const digits = new Uint8Array(16);
/** The cell of frame `key` at lattice position (i, j) of that frame into out, or false. */
function unwalk(i: number, j: number, res: number, key: number, out: Uint32Array): boolean {
  let a = i;
  let b = j;
  let lead = 0;
  for (let r = res; r >= 1; r--) {
    let pi, pj, ci, cj; // parent (H3 _upAp7 / _upAp7r) and its centre one resolution down
    if (r & 1) { pi = Math.round((3 * a - b) / 7); pj = Math.round((a + 2 * b) / 7); ci = 2 * pi + pj; cj = 3 * pj - pi; }
    else { pi = Math.round((2 * a + b) / 7); pj = Math.round((3 * b - a) / 7); ci = 3 * pi - pj; cj = pi + 2 * pj; }
    const di = a - ci;
    const dj = b - cj;
    const d = di < -1 || di > 1 || dj < -1 || dj > 1 ? -1 : DIGIT_OF[(di + 1) * 3 + dj + 1];
    if (d < 0) return false;
    digits[r] = d;
    if (d !== 0) lead = d;
    a = pi;
    b = pj;
  }
  // Outside the base cell, or (in a pentagon base) in another sector or the pentagon itself.
  if (a !== 0 || b !== 0 || (key & 7 && lead !== (key & 7))) return false;
  let h = ((1 << 27) | ((key >>> 3) << 13) | 0x1fff) >>> 0;
  let l = 0xffffffff;
  for (let r = 1; r <= res; r++) { h = h3ChildHi(h, r, digits[r]); l = h3ChildLo(l, r, digits[r]); }
  out[0] = h;
  out[1] = l;
  return true;
}

/** A frame placed in the origin's local IJ: p = rotate60^rot(q) + (ti, tj). */
interface Frame { key: number; rot: number; ti: number; tj: number }

function rotate(i: number, j: number, times: number, out: Int32Array): void {
  for (let t = 0; t < times; t++) { const x = i; i = x - j; j = x; }
  out[0] = i;
  out[1] = j;
}

/** Fits a frame from cells in it ([hi, lo] pairs) and checks it on all of them; or null. */
function fitFrame(origin: string, key: number, sample: number[], res: number): Frame | null {
  const q = new Int32Array(2);
  const zs: number[][] = [];
  for (let s = 0; s < sample.length; s += 2) {
    let w;
    try { w = cellToLocalIj(origin, h3ToString(sample[s], sample[s + 1])); } catch { return null; }
    walk(sample[s], sample[s + 1], res, q);
    zs.push([q[0], q[1], w.i, w.j]);
  }
  const a = zs[0];
  const b = zs.find((z) => z[0] !== a[0] || z[1] !== a[1]);
  if (!b) return null;
  for (let rot = 0; rot < 6; rot++) {
    rotate(b[0] - a[0], b[1] - a[1], rot, q);
    if (q[0] !== b[2] - a[2] || q[1] !== b[3] - a[3]) continue;
    rotate(a[0], a[1], rot, q);
    const f = { key, rot, ti: a[2] - q[0], tj: a[3] - q[1] };
    return zs.every((z) => (rotate(z[0], z[1], rot, q), q[0] + f.ti === z[2] && q[1] + f.tj === z[3])) ? f : null;
  }
  return null;
}

/** Up to four distinct seeds of a frame, plus the first one's ring-1 neighbours if only one. */
function frameSample(hi: Uint32Array, lo: Uint32Array, keys: Int32Array, key: number, res: number): number[] {
  const at: number[] = [];
  for (let s = 0; s < keys.length; s++) if (keys[s] === key) at.push(s);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const s of [at[0], at[at.length >> 2], at[at.length >> 1], at[at.length - 1]]) {
    const id = (hi[s] & 0xfffff) * 4294967296 + lo[s];
    if (!seen.has(id)) out.push(hi[s], lo[s]);
    seen.add(id);
  }
  if (out.length < 4) {
    const pair = new Uint32Array(2);
    for (const c of gridDisk(h3ToString(hi[at[0]], lo[at[0]]), 1)) {
      parseH3Into(c, pair);
      if (frameKey(pair[0], pair[1], res) === key) out.push(pair[0], pair[1]);
    }
  }
  return out;
}

/**
 * Lattice positions → insertion index, with each cell and its frame: a dense grid over the box
 * the cells can reach when that box is small (compact regions, ~5 ns a look-up), else a Map on
 * the packed position (scattered seeds; |i|, |j| < 2²⁵ even at resolution 15).
 */
class Lattice {
  size = 0;
  pi = new Int32Array(1024);
  pj = new Int32Array(1024);
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  frame = new Int32Array(1024); // index into the frame list; −1 when h3-js placed the cell
  private grid: Int32Array | null = null;
  private map = new Map<number, number>();

  constructor(private i0: number, private j0: number, private w: number, h: number, expected: number) {
    if (w * h <= 16 * expected + 65536 && w * h <= 1 << 22) this.grid = new Int32Array(w * h).fill(-1);
  }

  find(i: number, j: number): number {
    const g = this.grid;
    if (!g) return this.map.get((i + 0x2000000) * 0x4000000 + j + 0x2000000) ?? -1;
    const a = i - this.i0;
    const b = j - this.j0;
    return a < 0 || b < 0 || a >= this.w || b * this.w >= g.length ? -1 : g[b * this.w + a];
  }

  /** Adds a cell at an empty position (inside the box given, in grid mode). */
  add(i: number, j: number, hi: number, lo: number, frame: number): number {
    if (this.size === this.pi.length) {
      const n = this.size * 2;
      const grow = <T extends Int32Array | Uint32Array>(a: T, b: T): T => (b.set(a), b);
      this.pi = grow(this.pi, new Int32Array(n)); this.pj = grow(this.pj, new Int32Array(n));
      this.hi = grow(this.hi, new Uint32Array(n)); this.lo = grow(this.lo, new Uint32Array(n));
      this.frame = grow(this.frame, new Int32Array(n));
    }
    const v = this.size++;
    this.pi[v] = i; this.pj[v] = j; this.hi[v] = hi; this.lo[v] = lo; this.frame[v] = frame;
    if (this.grid) this.grid[(j - this.j0) * this.w + i - this.i0] = v;
    else this.map.set((i + 0x2000000) * 0x4000000 + j + 0x2000000, v);
    return v;
  }
}

/** Lattice offsets (di, dj) within k rings: hex distance max(|di|, |dj|, |di − dj|) ≤ k. */
function diskOffsets(k: number): Int32Array {
  const out: number[] = [];
  for (let di = -k; di <= k; di++) for (let dj = -k; dj <= k; dj++) if (Math.abs(di - dj) <= k) out.push(di, dj);
  return Int32Array.from(out);
}

function viaLocalIj(hi: Uint32Array, lo: Uint32Array, res: number, k: number): DiskNeighbourhood | null {
  const m = hi.length;
  const keys = new Int32Array(m);
  for (let s = 0; s < m; s++) if ((keys[s] = frameKey(hi[s], lo[s], res)) < 0) return null; // a pentagon
  const origin = h3ToString(hi[0], lo[0]);
  const frames: Frame[] = [];
  const frameOf = new Int16Array(122 * 8); // frame key → index in frames
  for (const key of new Set(keys)) {
    const f = fitFrame(origin, key, frameSample(hi, lo, keys, key, res), res);
    if (!f) return null;
    frameOf[key] = frames.push(f) - 1;
  }
  const q = new Int32Array(2);
  const fs = new Int32Array(m);
  const si = new Int32Array(m);
  const sj = new Int32Array(m);
  let [i0, i1, j0, j1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let s = 0; s < m; s++) {
    const f = frames[(fs[s] = frameOf[keys[s]])];
    walk(hi[s], lo[s], res, q);
    rotate(q[0], q[1], f.rot, q);
    si[s] = q[0] + f.ti;
    sj[s] = q[1] + f.tj;
    i0 = Math.min(i0, si[s]); i1 = Math.max(i1, si[s]); j0 = Math.min(j0, sj[s]); j1 = Math.max(j1, sj[s]);
  }
  // Cells lie within k of a seed and their neighbours within 2k: the box the grid must span.
  const lat = new Lattice(i0 - 2 * k, j0 - 2 * k, i1 - i0 + 4 * k + 1, j1 - j0 + 4 * k + 1, m * (1 + 3 * k * (k + 1)));
  const seedIns = new Uint32Array(m);
  for (let s = 0; s < m; s++) {
    let v = lat.find(si[s], sj[s]);
    if (v < 0) v = lat.add(si[s], sj[s], hi[s], lo[s], fs[s]);
    else if (lat.hi[v] !== hi[s] || lat.lo[v] !== lo[s]) return null; // two cells, one place
    seedIns[s] = v;
  }
  const off = diskOffsets(k);
  const cell = new Uint32Array(2);
  for (let v = 0, seeded = lat.size; v < seeded; v++) {
    for (let o = 0; o < off.length; o += 2) {
      const i = lat.pi[v] + off[o];
      const j = lat.pj[v] + off[o + 1];
      if (lat.find(i, j) >= 0) continue;
      const fi = locate(i, j, res, frames, origin, cell);
      if (fi === -2) return null;
      lat.add(i, j, cell[0], cell[1], fi);
    }
  }
  return toCsr(lat, off, seedIns, k);
}

const scratch = new Int32Array(2);
/**
 * The cell at origin-frame position (i, j) into out: by lattice arithmetic in the one frame that
 * holds it (its index returned), else by h3-js localIjToCell (−1); −2 when neither is sure.
 */
function locate(i: number, j: number, res: number, frames: Frame[], origin: string, out: Uint32Array): number {
  const q = scratch;
  let found = -1;
  for (let f = 0; f < frames.length; f++) {
    const { key, rot, ti, tj } = frames[f];
    rotate(i - ti, j - tj, (6 - rot) % 6, q);
    if (!unwalk(q[0], q[1], res, key, found < 0 ? out : new Uint32Array(2))) continue;
    if (found >= 0) return -2; // two frames claim one place: the unfolding is not flat here
    found = f;
  }
  if (found >= 0) return found;
  let c: string;
  try { c = localIjToCell(origin, { i, j }); } catch { return -2; }
  parseH3Into(c, out);
  const key = frameKey(out[0], out[1], res);
  return key < 0 || frames.some((f) => f.key === key) ? -2 : -1;
}

/** Sorts the cells by index, builds the rows and checks those where frames meet; or null. */
function toCsr(lat: Lattice, off: Int32Array, seedIns: Uint32Array, k: number): DiskNeighbourhood | null {
  const n = lat.size;
  // Mode and resolution bits are shared, so (hi & 0xfffff)·2³² + lo orders the cells exactly
  // and fits a double's 53-bit mantissa: a native numeric sort, then ranks by binary search.
  const key = new Float64Array(n);
  for (let v = 0; v < n; v++) key[v] = (lat.hi[v] & 0xfffff) * 4294967296 + lat.lo[v];
  const sorted = key.slice().sort();
  for (let s = 1; s < n; s++) if (sorted[s] === sorted[s - 1]) return null; // one cell, two places
  const rankOf = (x: number): number => {
    let a = 0;
    let b = n - 1;
    while (a < b) { const mid = (a + b) >>> 1; if (sorted[mid] < x) a = mid + 1; else b = mid; }
    return sorted[a] === x ? a : -1;
  };
  const rank = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let v = 0; v < n; v++) order[(rank[v] = rankOf(key[v]))] = v;
  const cells = new Array<string>(n);
  const offsets = new Uint32Array(n + 1);
  const buf = new Uint32Array(n * (off.length >> 1));
  const check: number[] = [];
  const upper = new Map<number, string>();
  let e = 0;
  for (let s = 0; s < n; s++) {
    const v = order[s];
    const fv = lat.frame[v];
    let seam = fv < 0 || s % 1024 === 0; // plus a thin even sample of ordinary rows
    cells[s] = cellString(lat.hi[v], lat.lo[v], upper);
    for (let o = 0; o < off.length; o += 2) {
      const u = lat.find(lat.pi[v] + off[o], lat.pj[v] + off[o + 1]);
      if (u < 0) continue;
      buf[e++] = rank[u];
      if (lat.frame[u] !== fv) seam = true;
    }
    offsets[s + 1] = e;
    if (seam) check.push(s);
  }
  const pair = new Uint32Array(2);
  for (const s of check) {
    const want = gridDisk(cells[s], k).map((c) => (parseH3Into(c, pair), rankOf((pair[0] & 0xfffff) * 4294967296 + pair[1])));
    const got = Array.from(buf.subarray(offsets[s], offsets[s + 1])).sort((a, b) => a - b);
    if (want.filter((r) => r >= 0).sort((a, b) => a - b).join() !== got.join()) return null;
  }
  const seedIndex = new Uint32Array(seedIns.length);
  for (let s = 0; s < seedIns.length; s++) seedIndex[s] = rank[seedIns[s]];
  return { cells, k, offsets, neighbours: buf.slice(0, e), seedIndex, method: 'local-ij' };
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
