// IO (pure): the hint of the mapping step — do the file's points look like GCJ-02 or BD-09
// positions? Chinese web maps shift positions by ~300–700 m; points read as WGS-84 then fall
// outside the dataset by that much in the offset's direction, and fall inside once converted.
import type { BBox, CoordinateSystem } from '../../model/geo';
import { toWgs84 } from '../coordinates';

export interface OffsetHint {
  /** The system the points most likely are in, when it is not WGS-84. */
  suggest: 'GCJ02' | 'BD09' | null;
  /** Share of points inside the dataset's bounds when read as each system. */
  inside: Record<'WGS84' | 'GCJ02' | 'BD09', number>;
  /** Median shift (metres) the suggested conversion moves a point; 0 with no suggestion. */
  shiftM: number;
}

const SYSTEMS = ['WGS84', 'GCJ02', 'BD09'] as const;

/**
 * Judges up to the first 2,000 valid [lng, lat] points against `bounds` (WGS-84). A system is
 * suggested when reading the points in it puts clearly more of them inside (≥ 5 points of
 * percentage, and ≥ 90 % inside): a county-wide file shifted by 500 m loses its edge points.
 */
export function offsetHint(points: readonly (readonly [number, number])[], bounds: BBox): OffsetHint {
  const sample = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(y) <= 90 && Math.abs(x) <= 180).slice(0, 2000);
  const inside = { WGS84: 0, GCJ02: 0, BD09: 0 };
  if (sample.length === 0) return { suggest: null, inside, shiftM: 0 };
  const out = [0, 0];
  const shifts: Record<string, number[]> = { GCJ02: [], BD09: [] };
  for (const [x, y] of sample) {
    for (const crs of SYSTEMS) {
      toWgs84(x, y, crs as CoordinateSystem, out);
      if (inBox(out[0], out[1], bounds)) inside[crs]++;
      if (crs !== 'WGS84') shifts[crs].push(metres(x, y, out[0], out[1]));
    }
  }
  for (const crs of SYSTEMS) inside[crs] /= sample.length;
  let suggest: OffsetHint['suggest'] = null;
  const best = inside.BD09 > inside.GCJ02 ? 'BD09' : 'GCJ02';
  if (inside[best] >= 0.9 && inside[best] - inside.WGS84 >= 0.05) suggest = best;
  const s = suggest ? shifts[suggest].sort((a, b) => a - b) : [];
  return { suggest, inside, shiftM: s.length ? Math.round(s[s.length >> 1]) : 0 };
}

function inBox(x: number, y: number, [w, s, e, n]: BBox): boolean {
  return x >= w && x <= e && y >= s && y <= n;
}

function metres(x1: number, y1: number, x2: number, y2: number): number {
  const k = Math.PI / 180;
  const dx = (x2 - x1) * k * Math.cos(((y1 + y2) / 2) * k) * 6371008.8;
  const dy = (y2 - y1) * k * 6371008.8;
  return Math.hypot(dx, dy);
}
