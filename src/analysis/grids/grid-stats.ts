// Analysis (PURE): incidents and cameras per polygon (grids, towns, hotspots — any polygon set).
// Imports only model types and sibling pure modules; no DOM, maplibre or deck.gl.
import type { CameraCollection } from '../../model/camera';
import type { IncidentColumns } from '../../model/incident';
import type { IncidentFilter } from '../incidents/incident-filter';
import { locateAll, locatePoint, type PolygonIndex } from '../areas/polygon-index';
import { compileRowFilter, type PolygonSets, type RowSource } from '../incidents/row-filter';

/**
 * Which polygon each point lies in, computed once per polygon set: polygon[i] is the index of
 * the (lowest-numbered) polygon holding point i, or `none` when it lies in none. Uint16 while the
 * set has fewer than 65,535 polygons (2 bytes a point), Uint32 beyond. A set whose polygons may
 * overlap (listed hotspots) also lists, in `also`, every further polygon a point lies in: then
 * figures per polygon count each incident inside it, and figures over the set as a whole (in any
 * polygon, outside all) still count each incident once, from `polygon`.
 */
export interface PolygonAssignment {
  polygon: Uint16Array | Uint32Array;
  /** The sentinel meaning "in no polygon": 0xffff for Uint16, 0xffffffff for Uint32. */
  none: number;
  polygonCount: number;
  /** Points in no polygon. */
  outside: number;
  /** Point also.row[j] lies in polygon also.polygon[j] too (besides polygon[row]); rows ascending. Absent for sets that tile. */
  also?: OverlapPairs;
}

/** (row, polygon) pairs of points in more than one polygon, beyond each point's first. */
export interface OverlapPairs {
  row: Uint32Array;
  polygon: Uint32Array;
}

export interface AssignOptions {
  /**
   * The polygons may overlap (hotspots drawn or listed one by one): find every polygon a point
   * lies in. Without it (grids, towns: they tile) each point's first polygon is enough, which is
   * faster (most points are answered by their bucket alone).
   */
  overlapping?: boolean;
}

/** Counts per polygon under a filter. */
export interface PolygonCounts {
  /** counts[k] incidents kept by the filter inside polygon k (one in two overlapping polygons counts in both). */
  counts: Uint32Array;
  /** Incidents kept by the filter that lie in no polygon. */
  outside: number;
  /** Incidents kept by the filter, inside or outside, each once. */
  total: number;
}

/**
 * Locates every point (degrees) in `polygons` — exact point-in-polygon behind a bounding-box
 * bucket index. About 0.1–0.5 µs a point for grid-sized polygons.
 */
export function assignPolygons(polygons: PolygonIndex, lng: Float64Array, lat: Float64Array, opts: AssignOptions = {}): PolygonAssignment {
  const n = lng.length;
  if (lat.length !== n) throw new RangeError(`assignPolygons: lng has ${n} values, lat ${lat.length}`);
  const wide = polygons.count >= 0xffff;
  const none = wide ? 0xffffffff : 0xffff;
  const polygon = wide ? new Uint32Array(n) : new Uint16Array(n);
  let outside = 0;
  if (!opts.overlapping) {
    for (let i = 0; i < n; i++) {
      const k = locatePoint(polygons, lng[i], lat[i]);
      if (k < 0) (polygon[i] = none), outside++;
      else polygon[i] = k;
    }
    return { polygon, none, polygonCount: polygons.count, outside };
  }
  const alsoRow: number[] = [];
  const alsoPolygon: number[] = [];
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    found.length = 0;
    if (locateAll(polygons, lng[i], lat[i], found) === 0) {
      polygon[i] = none;
      outside++;
      continue;
    }
    polygon[i] = found[0];
    for (let j = 1; j < found.length; j++) alsoRow.push(i), alsoPolygon.push(found[j]);
  }
  return { polygon, none, polygonCount: polygons.count, outside, also: { row: Uint32Array.from(alsoRow), polygon: Uint32Array.from(alsoPolygon) } };
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
  // Incidents in further polygons count there too, after the total (which counts each once).
  const also = assignment.also;
  if (also && !f.none) {
    for (let j = 0; j < also.row.length; j++) {
      const i = also.row[j];
      slots[also.polygon[j]] += f.all ? 1 : +(((time[i] - from) >>> 0) < span) & lut[src[i]];
    }
  }
  return { counts: slots.slice(0, polygonCount), outside, total };
}

/**
 * Incidents kept by `filter` inside any of the polygons with mask[k] non-zero, each counted once
 * however many of them it lies in: the figure for several (possibly overlapping) areas together.
 */
export function countInAny(
  assignment: PolygonAssignment,
  rows: Pick<IncidentColumns, 'timeSec' | 'category'> & Pick<RowSource, 'hourOfWeek'>,
  mask: ArrayLike<number>,
  filter?: IncidentFilter | null,
  polygons?: PolygonSets,
): number {
  const { polygon, none, polygonCount } = assignment;
  const n = polygon.length;
  if (rows.timeSec.length !== n) throw new RangeError(`countInAny: assignment covers ${n} incidents, columns ${rows.timeSec.length}`);
  const f = compileRowFilter(rows, filter, polygons);
  if (f.none) return 0;
  const chosen = new Uint8Array(polygonCount + 1);
  for (let k = 0; k < polygonCount; k++) chosen[k] = (mask[k] ?? 0) !== 0 ? 1 : 0;
  const time = rows.timeSec;
  const { from, span, src, lut } = f;
  const kept = (i: number) => (f.all ? 1 : +(((time[i] - from) >>> 0) < span) & lut[src[i]]);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const k = polygon[i];
    if (chosen[k === none ? polygonCount : k]) count += kept(i);
  }
  // A point whose first polygon is not chosen counts once if any further one is (rows ascending).
  const also = assignment.also;
  if (also) {
    let last = -1;
    for (let j = 0; j < also.row.length; j++) {
      const i = also.row[j];
      if (i === last || !chosen[also.polygon[j]]) continue;
      const k = polygon[i];
      if (chosen[k === none ? polygonCount : k]) continue;
      last = i;
      count += kept(i);
    }
  }
  return count;
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

/** Counts cameras per polygon (in each polygon holding it, should polygons overlap) and their online rate. */
export function cameraStatsByPolygon(polygons: PolygonIndex, cameras: CameraCollection): CameraStats {
  const total = new Uint32Array(polygons.count);
  const online = new Uint32Array(polygons.count);
  let outside = 0;
  const found: number[] = [];
  for (const cam of cameras.features) {
    const [x, y] = cam.geometry.coordinates;
    found.length = 0;
    // Every polygon holding the camera: overlapping hotspots each count it.
    if (locateAll(polygons, x, y, found) === 0) {
      outside++;
      continue;
    }
    for (const k of found) {
      total[k]++;
      if (cam.properties.status === 'online') online[k]++;
    }
  }
  const onlineRate = new Float64Array(polygons.count);
  for (let k = 0; k < polygons.count; k++) onlineRate[k] = total[k] === 0 ? NaN : online[k] / total[k];
  return { total, online, onlineRate, outside };
}
