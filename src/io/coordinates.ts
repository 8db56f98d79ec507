// IO (pure): coordinate systems of imported data → WGS-84, once, at import (DESIGN.md). Uses the
// gcoord package for the GCJ-02 and BD-09 offsets; no DOM.
import gcoord from 'gcoord';
import type { CoordinateSystem } from '../model/geo';

const CRS_ALIASES: Record<string, CoordinateSystem> = {
  wgs84: 'WGS84',
  'wgs-84': 'WGS84',
  wgs1984: 'WGS84',
  'epsg:4326': 'WGS84',
  epsg4326: 'WGS84',
  cgcs2000: 'CGCS2000',
  'epsg:4490': 'CGCS2000',
  gcj02: 'GCJ02',
  'gcj-02': 'GCJ02',
  amap: 'GCJ02',
  bd09: 'BD09',
  'bd-09': 'BD09',
  bd09ll: 'BD09',
  baidu: 'BD09',
};

/**
 * Reads a coordinate-system name as users write it (case-insensitive: WGS84, WGS-84, EPSG:4326,
 * CGCS2000, GCJ02, GCJ-02, AMap, BD09, BD-09, Baidu). Returns null for an unknown name.
 */
export function parseCoordinateSystem(name: string): CoordinateSystem | null {
  return CRS_ALIASES[name.trim().toLowerCase()] ?? null;
}

/** True when positions in `crs` need converting to be WGS-84 (CGCS2000 is taken as WGS-84). */
export function needsConversion(crs: CoordinateSystem): boolean {
  return crs === 'GCJ02' || crs === 'BD09';
}

/**
 * Converts one position from `crs` to WGS-84, writing [lng, lat] into `out` (degrees). GCJ-02
 * is inverted by gcoord's iteration (within about 0.1 m); outside China's bounding box GCJ-02
 * and WGS-84 agree, so such positions pass unchanged, as gcoord does.
 */
export function toWgs84(lng: number, lat: number, crs: CoordinateSystem, out: Float64Array | number[] = [0, 0]): Float64Array | number[] {
  if (!needsConversion(crs)) {
    out[0] = lng;
    out[1] = lat;
    return out;
  }
  const [x, y] = gcoord.transform([lng, lat], crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  out[0] = x;
  out[1] = y;
  return out;
}

/** Converts one WGS-84 position to `crs` (for tests and exports), as [lng, lat]. */
export function fromWgs84(lng: number, lat: number, crs: CoordinateSystem): [number, number] {
  if (!needsConversion(crs)) return [lng, lat];
  return gcoord.transform([lng, lat], gcoord.WGS84, crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
}
