// Analysis (PURE): the tiles of the cell locator — a quadratic map from degrees to H3's lattice
// plane, fitted per tile to cell centres, and the hexagon a plane point falls in. Imports only
// h3-js, the H3 edge table and sibling pure modules; no DOM. See cell-locator.ts for the why.
import { cellToLatLng, cellToLocalIj, getIcosahedronFaces, latLngToCell } from 'h3-js';
import { parseH3Into } from './h3-bits';
import { H3_EDGE_M } from './zoom-resolution';

const SQRT3_2 = Math.sqrt(3) / 2;
const SAMPLES = 6; // sample points per tile side for the fit
const MIN_CELLS = 12; // distinct sample cells needed for a trustworthy quadratic fit
const MAX_RESIDUAL = 1e-3; // lattice units; beyond it the tile is not smooth (face edge, pentagon)
const MARGIN_FACTOR = 20;
const MIN_MARGIN = 1e-6;
const FIT_ERROR = 4e-5; // target cubic error of the fit, lattice units; sets the tile size
const FAST_MIN_RES = 7;
const MAX_TILE_SPACINGS = 160; // keeps a tile's hexagon map under ~60,000 slots
const METRES_PER_DEGREE = 111_320;
const EARTH_RADIUS_M = 6_371_000;
const CORNERS: ReadonlyArray<readonly [number, number]> = [[-0.5, -0.5], [0.5, -0.5], [-0.5, 0.5], [0.5, 0.5]];

/** nearestHex's answer for a point too close to a hexagon edge to decide. */
export const NEAR_EDGE = -1;

/**
 * Tile side in degrees for resolution `res`, or 0 when the fast path is off (coarse cells). The
 * fit's error grows as side³ / R²; the side keeps it near FIT_ERROR of the lattice spacing, and
 * at most MAX_TILE_SPACINGS hexagons across.
 */
export function locatorTileDegrees(res: number): number {
  if (res < FAST_MIN_RES) return 0;
  const spacing = Math.sqrt(3) * H3_EDGE_M[res];
  const side = Math.min(Math.cbrt(FIT_ERROR * spacing * EARTH_RADIUS_M * EARTH_RADIUS_M), MAX_TILE_SPACINGS * spacing);
  return side / METRES_PER_DEGREE;
}

/** A fitted tile: what the locator needs besides the 12 coefficients written in place. */
export interface TileFit {
  /** Distance to a hexagon edge (lattice units) below which a point asks latLngToCell. */
  margin: number;
  /** The icosahedron face the whole tile lies on. */
  face: number;
  /** The cell at the tile's centre, as h3-js split long [lo, hi]: the origin of its local IJ. */
  origin: [number, number];
  /** First lattice i and j of the tile's hexagons and their extents: [i0, j0, ni, nj]. */
  box: [number, number, number, number];
}

/**
 * Fits X(u, v) and Y(u, v), the lattice-plane position (local IJ of the origin cell, as plane
 * coordinates) of a point at tile coordinates (u, v) in −½…½, to the centres of the cells at a
 * grid of sample points; writes 6 + 6 coefficients at coef[o…]. Null when the tile must take
 * the slow path: near a pole, touched by a face edge, a poor fit, a sample that disagrees.
 */
export function fitTile(res: number, d: number, tx: number, ty: number, coef: Float64Array, o: number): TileFit | null {
  const cx = (tx + 0.5) * d;
  const cy = (ty + 0.5) * d;
  if (!(cy - d / 2 > -89 && cy + d / 2 < 89)) return null;
  try {
    const origin = latLngToCell(cy, cx, res);
    const split = new Uint32Array(2);
    parseH3Into(origin, split);
    // A face edge crossing the tile leaves corners on both sides: all four corner cells must lie
    // wholly in one and the same face.
    let face = -1;
    for (const [u, v] of CORNERS) {
      const faces = getIcosahedronFaces(latLngToCell(cy + v * d, cx + u * d, res));
      if (faces.length !== 1 || (face >= 0 && faces[0] !== face)) return null;
      face = faces[0];
    }
    const sampleCells: string[] = [];
    const seen = new Map<string, [number, number, number, number]>(); // u, v, X, Y of centres
    for (let a = 0; a < SAMPLES; a++) {
      for (let b = 0; b < SAMPLES; b++) {
        const cell = latLngToCell(cy + (b / (SAMPLES - 1) - 0.5) * d, cx + (a / (SAMPLES - 1) - 0.5) * d, res);
        sampleCells.push(cell);
        if (seen.has(cell)) continue;
        const [clat, clng] = cellToLatLng(cell);
        const { i, j } = cellToLocalIj(origin, cell);
        seen.set(cell, [(clng - cx) / d, (clat - cy) / d, i - j / 2, j * SQRT3_2]);
      }
    }
    if (seen.size < MIN_CELLS) return null;
    const pts = [...seen.values()];
    if (!fitQuadratic(pts, coef, o)) return null;
    let residual = 0;
    for (const [u, v, X, Y] of pts) {
      const [px, py] = evalAt(coef, o, u, v);
      residual = Math.max(residual, Math.hypot(px - X, py - Y));
    }
    if (!(residual <= MAX_RESIDUAL)) return null;
    const margin = Math.max(MIN_MARGIN, MARGIN_FACTOR * residual);
    // Every sample point must round to its own cell (or lie within the margin of an edge).
    for (let a = 0, s = 0; a < SAMPLES; a++) {
      for (let b = 0; b < SAMPLES; b++, s++) {
        const [px, py] = evalAt(coef, o, a / (SAMPLES - 1) - 0.5, b / (SAMPLES - 1) - 0.5);
        const hex = nearestHex(px, py, margin);
        if (hex === NEAR_EDGE) continue;
        const [, , X, Y] = seen.get(sampleCells[s])!;
        if (hex !== packHex(Math.round(X + Y / Math.sqrt(3)), Math.round(Y / SQRT3_2))) return null;
      }
    }
    // The lattice box of the tile: its corners and edge midpoints, widened for the bulge.
    let iMin = Infinity, iMax = -Infinity, jMin = Infinity, jMax = -Infinity;
    for (const u of [-0.5, 0, 0.5]) {
      for (const v of [-0.5, 0, 0.5]) {
        const [px, py] = evalAt(coef, o, u, v);
        const j = py / SQRT3_2;
        const i = px + j / 2;
        iMin = Math.min(iMin, i);
        iMax = Math.max(iMax, i);
        jMin = Math.min(jMin, j);
        jMax = Math.max(jMax, j);
      }
    }
    const i0 = Math.floor(iMin) - 2;
    const j0 = Math.floor(jMin) - 2;
    const box: TileFit['box'] = [i0, j0, Math.ceil(iMax) + 3 - i0, Math.ceil(jMax) + 3 - j0];
    if (i0 < -32768 || j0 < -32768 || i0 + box[2] > 32767 || j0 + box[3] > 32767) return null;
    return { margin, face, origin: [split[1], split[0]], box };
  } catch {
    return null; // cellToLocalIj refuses cells across a pentagon's missing sector
  }
}

function packHex(i: number, j: number): number {
  if (i < -32768 || i > 32767 || j < -32768 || j > 32767) return NEAR_EDGE;
  return (((i + 32768) << 16) | (j + 32768)) >>> 0;
}

/**
 * The lattice hexagon holding plane point (X, Y) — lattice point i·(1, 0) + j·(−½, √3/2) — packed
 * as a key, or NEAR_EDGE when the point is within `margin` of the hexagon's edge. Cube rounding
 * finds the nearest lattice point: in cube coordinates (i, j − i, −j) the six neighbours are the
 * permutations of (±1, ∓1, 0).
 */
export function nearestHex(X: number, Y: number, margin: number): number {
  const fj = Y / SQRT3_2;
  const fi = X + fj / 2;
  const a = fi;
  const b = fj - fi;
  const c = -fj;
  let ra = Math.round(a);
  let rb = Math.round(b);
  let rc = Math.round(c);
  const da = Math.abs(ra - a);
  const db = Math.abs(rb - b);
  const dc = Math.abs(rc - c);
  if (da > db && da > dc) ra = -rb - rc;
  else if (db > dc) rb = -ra - rc;
  else rc = -ra - rb;
  const i = ra;
  const j = -rc;
  // Distance to the hexagon's edge: its sides face the six neighbours at ±(1, 0), ±(−½, ±√3/2).
  const dX = X - (i - j / 2);
  const dY = Y - j * SQRT3_2;
  const pa = Math.abs(dX);
  const pb = Math.abs(-dX / 2 + dY * SQRT3_2);
  const pc = Math.abs(-dX / 2 - dY * SQRT3_2);
  const reach = pa > pb ? (pa > pc ? pa : pc) : pb > pc ? pb : pc;
  if (!(0.5 - reach > margin)) return NEAR_EDGE;
  return packHex(i, j);
}

function evalAt(c: Float64Array, o: number, u: number, v: number): [number, number] {
  return [
    c[o] + u * (c[o + 1] + u * c[o + 3] + v * c[o + 4]) + v * (c[o + 2] + v * c[o + 5]),
    c[o + 6] + u * (c[o + 7] + u * c[o + 9] + v * c[o + 10]) + v * (c[o + 8] + v * c[o + 11]),
  ];
}

/**
 * Least squares of X and Y on the basis 1, u, v, u², uv, v² (normal equations, Gauss–Jordan
 * with partial pivoting). Writes 6 coefficients of X then 6 of Y at coef[o…].
 */
function fitQuadratic(pts: ReadonlyArray<readonly [number, number, number, number]>, coef: Float64Array, o: number): boolean {
  const m = Array.from({ length: 6 }, () => new Float64Array(8));
  const basis = new Float64Array(6);
  for (const [u, v, X, Y] of pts) {
    basis[0] = 1;
    basis[1] = u;
    basis[2] = v;
    basis[3] = u * u;
    basis[4] = u * v;
    basis[5] = v * v;
    for (let r = 0; r < 6; r++) {
      for (let k = 0; k < 6; k++) m[r][k] += basis[r] * basis[k];
      m[r][6] += basis[r] * X;
      m[r][7] += basis[r] * Y;
    }
  }
  for (let col = 0; col < 6; col++) {
    let p = col;
    for (let r = col + 1; r < 6; r++) if (Math.abs(m[r][col]) > Math.abs(m[p][col])) p = r;
    if (!(Math.abs(m[p][col]) > 1e-12)) return false;
    [m[col], m[p]] = [m[p], m[col]];
    for (let r = 0; r < 6; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k < 8; k++) m[r][k] -= f * m[col][k];
    }
  }
  for (let r = 0; r < 6; r++) {
    coef[o + r] = m[r][6] / m[r][r];
    coef[o + 6 + r] = m[r][7] / m[r][r];
  }
  return true;
}
