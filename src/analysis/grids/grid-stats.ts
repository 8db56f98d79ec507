// Analysis (PURE): incidents and cameras per polygon (grids, towns, hotspots — any polygon set).
// Imports only model types and sibling pure modules; no DOM, maplibre or deck.gl.
import type { CameraCollection } from '../../model/camera';
import type { IncidentColumns } from '../../model/incident';
import type { IncidentFilter } from '../incidents/incident-filter';
import { locatePoint, type PolygonIndex } from '../areas/polygon-index';
import { compileRowFilter, type PolygonSets, type RowSource } from '../incidents/row-filter';

/**
 * Which polygon each point lies in, computed once per polygon set: polygon[i] is the index of
 * the polygon holding point i, or `none` when it lies in none. Uint16 while the set has fewer
 * than 65,535 polygons (2 bytes a point), Uint32 beyond.
 */
export interface PolygonAssignment {
  polygon: Uint16Array | Uint32Array;
  /** The sentinel meaning "in no polygon": 0xffff for Uint16, 0xffffffff for Uint32. */
  none: number;
  polygonCount: number;
  /** Points in no polygon. */
  outside: number;
}

/** Counts per polygon under a filter. */
export interface PolygonCounts {
  /** counts[k] incidents kept by the filter inside polygon k. */
  counts: Uint32Array;
  /** Incidents kept by the filter that lie in no polygon. */
  outside: number;
  /** Incidents kept by the filter, inside or outside. */
  total: number;
}

/**
 * Locates every point (degrees) in `polygons` — exact point-in-polygon behind a bounding-box
 * bucket index. About 0.1–0.5 µs a point for grid-sized polygons.
 */
export function assignPolygons(polygons: PolygonIndex, lng: Float64Array, lat: Float64Array): PolygonAssignment {
  const n = lng.length;
  if (lat.length !== n) throw new RangeError(`assignPolygons: lng has ${n} values, lat ${lat.length}`);
  const wide = polygons.count >= 0xffff;
  const none = wide ? 0xffffffff : 0xffff;
  const polygon = wide ? new Uint32Array(n) : new Uint16Array(n);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const k = locatePoint(polygons, lng[i], lat[i]);
    if (k < 0) (polygon[i] = none), outside++;
    else polygon[i] = k;
  }
  return { polygon, none, polygonCount: polygons.count, outside };
}

/**
 * Incidents per polygon kept by `filter`, from an assignment of the same incidents (same rows,
 * same order): one pass of compares and increments, a few milliseconds for a million incidents.
 * `rows` needs an hourOfWeek column for filters on hours, and `polygons` the sets a filter's
 * polygon part names (which may be this set itself).
 */
export function countByPolygon(
  assignment: PolygonAssignment,
  rows: Pick<IncidentColumns, 'timeSec' | 'category'> & Pick<RowSource, 'hourOfWeek'>,
  filter?: IncidentFilter | null,
  polygons?: PolygonSets,
): PolygonCounts {
  const { polygon, none, polygonCount } = assignment;
  const n = polygon.length;
  if (rows.timeSec.length !== n) throw new RangeError(`countByPolygon: assignment covers ${n} incidents, columns ${rows.timeSec.length}`);
  const f = compileRowFilter(rows, filter, polygons);
  // One extra slot at the end collects "outside" so the loop needs no test for it.
  const slots = new Uint32Array(polygonCount + 1);
  const time = rows.timeSec;
  const { from, span, src, lut } = f;
  if (f.all) {
    for (let i = 0; i < n; i++) {
      const k = polygon[i];
      slots[k === none ? polygonCount : k]++;
    }
  } else if (!f.none) {
    for (let i = 0; i < n; i++) {
      const k = polygon[i];
      slots[k === none ? polygonCount : k] += +(((time[i] - from) >>> 0) < span) & lut[src[i]];
    }
  }
  const outside = slots[polygonCount];
  let total = outside;
  for (let k = 0; k < polygonCount; k++) total += slots[k];
  return { counts: slots.slice(0, polygonCount), outside, total };
}

/** Cameras per polygon and the share online (完好率-like working rate). */
export interface CameraStats {
  /** Cameras inside polygon k. */
  total: Uint32Array;
  /** Cameras inside polygon k whose status is 'online'. */
  online: Uint32Array;
  /** online ÷ total per polygon, 0–1; NaN where a polygon has no camera. */
  onlineRate: Float64Array;
  /** Cameras in no polygon. */
  outside: number;
}

/** Counts cameras per polygon and their online rate. */
export function cameraStatsByPolygon(polygons: PolygonIndex, cameras: CameraCollection): CameraStats {
  const total = new Uint32Array(polygons.count);
  const online = new Uint32Array(polygons.count);
  let outside = 0;
  for (const cam of cameras.features) {
    const [x, y] = cam.geometry.coordinates;
    const k = locatePoint(polygons, x, y);
    if (k < 0) {
      outside++;
      continue;
    }
    total[k]++;
    if (cam.properties.status === 'online') online[k]++;
  }
  const onlineRate = new Float64Array(polygons.count);
  for (let k = 0; k < polygons.count; k++) onlineRate[k] = total[k] === 0 ? NaN : online[k] / total[k];
  return { total, online, onlineRate, outside };
}
