// IO (pure): what an export writes, before a format is chosen — a table (named columns, rows of
// values) and the features behind it — with positions in WGS-84 or GCJ-02 (AMap/Tencent, for
// offices that paste results into a web map). Every writer of src/io/export takes these.
import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { CoordinateSystem } from '../../model/geo';
import { fromWgs84 } from '../coordinates';

export type ExportValue = string | number | boolean | null;

export interface ExportTable {
  columns: string[];
  rows: ExportValue[][];
}

/** GeoJSON-like features in WGS-84 degrees, with flat properties. */
export interface ExportFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, ExportValue>;
}

/** Systems an export may be written in. */
export type ExportCrs = Extract<CoordinateSystem, 'WGS84' | 'GCJ02'>;

/** Positions of a geometry's coordinates converted from WGS-84 to `crs` (a new array). */
export function convertCoordinates(coords: unknown, crs: ExportCrs): unknown {
  if (crs === 'WGS84' || !Array.isArray(coords)) return coords;
  if (typeof coords[0] === 'number') {
    const [x, y] = fromWgs84(coords[0], coords[1] as number, crs);
    return coords.length > 2 ? [x, y, ...coords.slice(2)] : [x, y];
  }
  return coords.map((c) => convertCoordinates(c, crs));
}

/**
 * A table of features: their properties, then `lon,lat` for points or `geometry` (GeoJSON
 * text) for lines and areas, positions in `crs`. Property columns in first-seen order.
 */
export function featuresToTable(features: readonly ExportFeature[], crs: ExportCrs): ExportTable {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties)) if (!seen.has(k)) seen.add(k), keys.push(k);
  const points = features.length > 0 && features.every((f) => f.geometry.type === 'Point');
  const columns = points ? [...keys, 'lon', 'lat'] : [...keys, 'geometry'];
  const rows = features.map((f) => {
    const values = keys.map((k) => f.properties[k] ?? null);
    const c = convertCoordinates(f.geometry.coordinates, crs);
    if (points) return [...values, ...(c as number[]).slice(0, 2)];
    return [...values, JSON.stringify({ type: f.geometry.type, coordinates: c })];
  });
  return { columns, rows };
}

/**
 * Aggregated H3 cells as features: the hexagon outline (WGS-84; the writers convert) with
 * h3, count, and the centre's lat/lon (WGS-84) — so a table of cells can be mapped again.
 */
export function cellFeatures(cells: readonly string[], counts: ArrayLike<number>, extra: Record<string, ArrayLike<ExportValue>> = {}): ExportFeature[] {
  const out: ExportFeature[] = [];
  cells.forEach((h3, i) => {
    const ring = cellToBoundary(h3, true);
    const [lat, lon] = cellToLatLng(h3);
    const properties: Record<string, ExportValue> = { h3, count: counts[i], center_lat: round6(lat), center_lon: round6(lon) };
    for (const [k, v] of Object.entries(extra)) properties[k] = v[i];
    out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties });
  });
  return out;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
