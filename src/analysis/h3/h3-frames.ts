// Analysis (PURE): H3 cells as positions on a frame's hexagonal lattice and back, and frames
// fitted into one origin cell's local IJ. Imports only h3-js and sibling pure modules; no DOM.
// See h3-neighbours.ts for the why.
import { cellToLocalIj, getBaseCellNumber, getPentagons, gridDisk } from 'h3-js';
import { h3ChildHi, h3ChildLo, h3Digit, h3ToString, parseH3Into } from './h3-bits';

// H3 digits 0–6 as unit vectors in local (i, j) = (I − K, J − K) lattice coordinates.
const DI = [0, -1, 0, -1, 1, 0, 1];
const DJ = [0, -1, 1, 0, 0, -1, 1];
/** Digit of a unit step, by (di + 1) * 3 + (dj + 1); −1 for (1, −1) and (−1, 1), not steps. */
const DIGIT_OF = [-1, -1, -1, -1, -1, -1, -1, -1, -1];
for (let d = 0; d < 7; d++) DIGIT_OF[(DI[d] + 1) * 3 + DJ[d] + 1] = d;

let pentagonBases: Set<number> | null = null;
/** Whether an H3 base cell (0–121) is one of the twelve pentagons. */
export function isPentagonBase(base: number): boolean {
  pentagonBases ??= new Set(getPentagons(0).map((c) => getBaseCellNumber(c)));
  return pentagonBases.has(base);
}

/** Frame key: base × 8 + sector (leading non-zero digit in a pentagon base, else 0); −1 = pentagon. */
export function frameKey(hi: number, lo: number, res: number): number {
  const base = (hi >>> 13) & 0x7f;
  if (!isPentagonBase(base)) return base * 8;
  for (let r = 1; r <= res; r++) {
    const d = h3Digit(hi, lo, r);
    if (d !== 0) return base * 8 + d;
  }
  return -1;
}

/** Lattice position of a cell within its base cell's frame, into out[0], out[1]. */
export function walk(hi: number, lo: number, res: number, out: Int32Array): void {
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
export function unwalk(i: number, j: number, res: number, key: number, out: Uint32Array): boolean {
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
export interface Frame { key: number; rot: number; ti: number; tj: number }

/** (i, j) rotated `times` × 60° on the hexagonal lattice, into out[0], out[1]. */
export function rotate(i: number, j: number, times: number, out: Int32Array): void {
  for (let t = 0; t < times; t++) { const x = i; i = x - j; j = x; }
  out[0] = i;
  out[1] = j;
}

/** Fits a frame from cells in it ([hi, lo] pairs) and checks it on all of them; or null. */
export function fitFrame(origin: string, key: number, sample: number[], res: number): Frame | null {
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
export function frameSample(hi: Uint32Array, lo: Uint32Array, keys: Int32Array, key: number, res: number): number[] {
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
