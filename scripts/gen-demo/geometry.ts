// Demo generator: planar geometry in local metres, the projection to WGS-84 and value noise.
// Everything is built in a flat local frame (x east, y north, metres) because distances, areas and
// street lattices are natural there; the county spans ~40 km, where an equirectangular projection
// about its centre is exact to well under 0.1 %. Conversion to degrees happens once, on output.
import type { Rng } from './random';

export type XY = [number, number];

const EARTH_RADIUS_M = 6371008.8;
const DEG = Math.PI / 180;

/** Centre of the local frame: the demo county sits on the Huai plain of northern Anhui. */
export const ORIGIN_LNG = 117.2;
export const ORIGIN_LAT = 32.9;
const M_PER_DEG_LAT = EARTH_RADIUS_M * DEG;
const M_PER_DEG_LNG = EARTH_RADIUS_M * DEG * Math.cos(ORIGIN_LAT * DEG);

/** Rounds to 6 decimals (~0.1 m), the precision of every coordinate written. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Local metres → [lng, lat] degrees, rounded to 6 decimals. */
export function toLngLat(p: XY): [number, number] {
  return [round6(ORIGIN_LNG + p[0] / M_PER_DEG_LNG), round6(ORIGIN_LAT + p[1] / M_PER_DEG_LAT)];
}

/** Local metres → unrounded degrees (for binary columns, which round themselves). */
export function toLng(x: number): number {
  return ORIGIN_LNG + x / M_PER_DEG_LNG;
}
export function toLat(y: number): number {
  return ORIGIN_LAT + y / M_PER_DEG_LAT;
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function lerp(a: XY, b: XY, t: number): XY {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Compass bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearing(a: XY, b: XY): number {
  const deg = Math.atan2(b[0] - a[0], b[1] - a[1]) / DEG;
  return (deg + 360) % 360;
}

/** Signed area of a ring (positive when counter-clockwise), square metres. */
export function ringArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s / 2;
}

/** Even–odd point-in-ring test. */
export function pointInRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from p to segment ab, metres. */
export function distToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Distance from p to a polyline, metres. */
export function distToLine(p: XY, line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, distToSegment(p, line[i - 1], line[i]));
  return best;
}

export function lineLength(line: readonly XY[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += dist(line[i - 1], line[i]);
  return s;
}

/** Point and direction (unit vector) at distance d along a polyline. */
export function pointAlong(line: readonly XY[], d: number): { p: XY; dir: XY } {
  for (let i = 1; i < line.length; i++) {
    const seg = dist(line[i - 1], line[i]);
    if (d <= seg || i === line.length - 1) {
      const t = seg === 0 ? 0 : Math.min(1, Math.max(0, d / seg));
      const dir: XY = seg === 0 ? [1, 0] : [(line[i][0] - line[i - 1][0]) / seg, (line[i][1] - line[i - 1][1]) / seg];
      return { p: lerp(line[i - 1], line[i], t), dir };
    }
    d -= seg;
  }
  return { p: line[0], dir: [1, 0] };
}

/** Chaikin corner cutting: rounds a polyline's corners, keeping its end points. */
export function chaikin(line: readonly XY[], iterations: number): XY[] {
  let cur = line.slice();
  for (let k = 0; k < iterations; k++) {
    const out: XY[] = [cur[0]];
    for (let i = 0; i < cur.length - 1; i++) {
      out.push(lerp(cur[i], cur[i + 1], 0.25), lerp(cur[i], cur[i + 1], 0.75));
    }
    out.push(cur[cur.length - 1]);
    cur = out;
  }
  return cur;
}

/**
 * A gently meandering line from a to b, like a road or river drawn by hand: midpoint displacement
 * perpendicular to the chord (amplitude a share of each piece's length), then corner cutting.
 */
export function meander(rng: Rng, a: XY, b: XY, amplitude: number, depth = 4): XY[] {
  let pts: XY[] = [a, b];
  let amp = amplitude;
  for (let k = 0; k < depth; k++) {
    const out: XY[] = [pts[0]];
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1];
      const q = pts[i];
      const len = dist(p, q);
      const off = rng.normal() * amp * len;
      const nx = -(q[1] - p[1]) / (len || 1);
      const ny = (q[0] - p[0]) / (len || 1);
      out.push([(p[0] + q[0]) / 2 + nx * off, (p[1] + q[1]) / 2 + ny * off], q);
    }
    pts = out;
    amp *= 0.75;
  }
  return chaikin(pts, 2);
}

/** Corners (counter-clockwise) of a w × h rectangle centred at c, its w side along angle rad. */
export function rotatedRect(c: XY, w: number, h: number, angle: number): XY[] {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const hw = w / 2;
  const hh = h / 2;
  return [
    [c[0] - ux * hw + uy * hh, c[1] - uy * hw - ux * hh],
    [c[0] + ux * hw + uy * hh, c[1] + uy * hw - ux * hh],
    [c[0] + ux * hw - uy * hh, c[1] + uy * hw + ux * hh],
    [c[0] - ux * hw - uy * hh, c[1] - uy * hw + ux * hh],
  ];
}

/**
 * Smooth 2-D value noise in [-1, 1] with the given feature size (metres) and octaves: used to make
 * boundaries, densities and costs irregular without the look of white noise.
 */
export function makeNoise(rng: Rng, scale: number, octaves = 3): (x: number, y: number) => number {
  const size = 256;
  const table = new Float64Array(size * size);
  for (let i = 0; i < table.length; i++) table[i] = rng.range(-1, 1);
  const at = (ix: number, iy: number) => table[(((iy % size) + size) % size) * size + (((ix % size) + size) % size)];
  const smooth = (t: number) => t * t * (3 - 2 * t);
  const layer = (x: number, y: number) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = smooth(x - ix);
    const fy = smooth(y - iy);
    const a = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * fx;
    const b = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * fx;
    return a + (b - a) * fy;
  };
  return (x, y) => {
    let s = 0;
    let norm = 0;
    let amp = 1;
    let f = 1 / scale;
    for (let o = 0; o < octaves; o++) {
      s += amp * layer(x * f + o * 17.3, y * f - o * 9.1);
      norm += amp;
      amp *= 0.5;
      f *= 2;
    }
    return s / norm;
  };
}
