// Analysis (PURE): the k-ring neighbourhood of H3 cells by lattice arithmetic in local IJ, checked
// against gridDisk where frames meet; null when unsure. Imports only h3-js and sibling pure
// modules; no DOM. See h3-neighbours.ts for the why.
import { gridDisk, localIjToCell } from 'h3-js';
import { h3ToString, parseH3Into } from './h3-bits';
import { fitFrame, frameKey, frameSample, rotate, unwalk, walk, type Frame } from './h3-frames';
import type { DiskNeighbourhood } from './h3-neighbours';

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** h3ToString, faster: the upper half repeats across a region, so its text is cached. */
function cellString(hi: number, lo: number, upper: Map<number, string>): string {
  let u = upper.get(hi);
  if (u === undefined) upper.set(hi, (u = hi.toString(16)));
  return u + HEX2[lo >>> 24] + HEX2[(lo >>> 16) & 255] + HEX2[(lo >>> 8) & 255] + HEX2[lo & 255];
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

/** The neighbourhood of seeds (hi, lo) of resolution `res` by lattice arithmetic, or null. */
export function viaLocalIj(hi: Uint32Array, lo: Uint32Array, res: number, k: number): DiskNeighbourhood | null {
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
