// Analysis (PURE): the 2-D visibility of a point from a camera among building footprints — what
// lies behind a building, seen from the camera, is hidden. Imports only model types.
import type { AreaGeometry } from '../../model/geo';
import { EARTH_RADIUS_M } from './in-sector';

const RAD = Math.PI / 180;
/** Side of the square buckets of the edge index, degrees (≈ 55 m north–south). */
const BUCKET_DEG = 0.0005;
/** Offset that keeps bucket coordinates non-negative so that one number keys a bucket. */
const OFFSET = 1 << 20;

/**
 * Building footprints prepared for visibility tests: every ring edge in buckets of a fixed grid of
 * degrees (a segment of a camera's range touches only a few buckets), and the rings of every
 * building for point-in-polygon. Build it once with {@link buildingIndex}.
 */
export interface BuildingIndex {
  /** Edge i is (x1, y1) → (x2, y2) at 4i … 4i+3, lng/lat degrees. */
  readonly edges: Float64Array;
  /** Building of edge i. */
  readonly edgeBuilding: Int32Array;
  /** Bucket key → edges whose bounding box touches the bucket. */
  readonly buckets: Map<number, number[]>;
  /** Bucket key → buildings whose bounding box touches the bucket (for point-in-building). */
  readonly areaBuckets: Map<number, number[]>;
  /** Building b's rings (outer first, then holes), flat [lng, lat, lng, lat, …] each. */
  readonly rings: Float64Array[][];
  /** Building b's bounding box [w, s, e, n]. */
  readonly bbox: Float64Array;
  /** Scratch of the queries: the query that last looked at each edge (no edge tested twice). */
  readonly stamp: Int32Array;
  query: number;
}

const bucketKey = (gx: number, gy: number): number => (gx + OFFSET) * 2 * OFFSET + (gy + OFFSET);

/**
 * Indexes building footprints (Polygon or MultiPolygon geometries, WGS-84; each polygon of a
 * MultiPolygon is a building of its own). Ignores the antimeridian (no footprint crosses it here).
 */
export function buildingIndex(footprints: readonly AreaGeometry[]): BuildingIndex {
  const polygons: number[][][][] = [];
  for (const g of footprints) {
    if (g.type === 'Polygon') polygons.push(g.coordinates);
    else for (const p of g.coordinates) polygons.push(p);
  }
  let edgeCount = 0;
  for (const p of polygons) for (const r of p) edgeCount += Math.max(0, r.length - 1);
  const edges = new Float64Array(edgeCount * 4);
  const edgeBuilding = new Int32Array(edgeCount);
  const buckets = new Map<number, number[]>();
  const areaBuckets = new Map<number, number[]>();
  const rings: Float64Array[][] = [];
  const bbox = new Float64Array(polygons.length * 4);
  let e = 0;
  polygons.forEach((poly, b) => {
    let w = Infinity, s = Infinity, east = -Infinity, n = -Infinity;
    const flatRings: Float64Array[] = [];
    for (const ring of poly) {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((pt, i) => {
        flat[2 * i] = pt[0];
        flat[2 * i + 1] = pt[1];
        w = Math.min(w, pt[0]); east = Math.max(east, pt[0]);
        s = Math.min(s, pt[1]); n = Math.max(n, pt[1]);
      });
      flatRings.push(flat);
      for (let i = 0; i + 1 < ring.length; i++, e++) {
        const [x1, y1] = ring[i], [x2, y2] = ring[i + 1];
        edges.set([x1, y1, x2, y2], 4 * e);
        edgeBuilding[e] = b;
        const gx0 = Math.floor(Math.min(x1, x2) / BUCKET_DEG), gx1 = Math.floor(Math.max(x1, x2) / BUCKET_DEG);
        const gy0 = Math.floor(Math.min(y1, y2) / BUCKET_DEG), gy1 = Math.floor(Math.max(y1, y2) / BUCKET_DEG);
        for (let gx = gx0; gx <= gx1; gx++) {
          for (let gy = gy0; gy <= gy1; gy++) {
            const k = bucketKey(gx, gy);
            const list = buckets.get(k);
            if (list) list.push(e);
            else buckets.set(k, [e]);
          }
        }
      }
    }
    rings.push(flatRings);
    bbox.set([w, s, east, n], 4 * b);
    for (let gx = Math.floor(w / BUCKET_DEG); gx <= Math.floor(east / BUCKET_DEG); gx++) {
      for (let gy = Math.floor(s / BUCKET_DEG); gy <= Math.floor(n / BUCKET_DEG); gy++) {
        const k = bucketKey(gx, gy);
        const list = areaBuckets.get(k);
        if (list) list.push(b);
        else areaBuckets.set(k, [b]);
      }
    }
  });
  return { edges, edgeBuilding, buckets, areaBuckets, rings, bbox, stamp: new Int32Array(edgeCount), query: 0 };
}

/** The buildings whose footprint contains the point (even–odd over all rings, holes excluded). */
export function buildingsContaining(index: BuildingIndex, lng: number, lat: number): Set<number> {
  const out = new Set<number>();
  const list = index.areaBuckets.get(bucketKey(Math.floor(lng / BUCKET_DEG), Math.floor(lat / BUCKET_DEG)));
  if (!list) return out;
  for (const b of list) {
    const bb = index.bbox;
    if (lng < bb[4 * b] || lng > bb[4 * b + 2] || lat < bb[4 * b + 1] || lat > bb[4 * b + 3]) continue;
    let inside = false;
    for (const r of index.rings[b]) {
      for (let i = 0, j = r.length / 2 - 1; i < r.length / 2; j = i++) {
        const xi = r[2 * i], yi = r[2 * i + 1], xj = r[2 * j], yj = r[2 * j + 1];
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) out.add(b);
  }
  return out;
}

/**
 * A visibility test from one camera: `visible(lng, lat)` is true when the segment camera → point
 * properly crosses no building edge, in a local equirectangular metric projection around the
 * camera (exact enough over a camera's range of tens of metres). So a point behind a building is
 * hidden, and so is a point inside one. The walls of a building that contains the camera are
 * ignored — a camera mounted on (its position inside) a building looks out through its own wall
 * and sees inside that building too.
 */
export function visibilityFrom(index: BuildingIndex, lng0: number, lat0: number): (lng: number, lat: number) => boolean {
  const own = buildingsContaining(index, lng0, lat0);
  const kx = Math.cos(lat0 * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  const { edges, edgeBuilding, buckets, stamp } = index;
  return (lng, lat) => {
    const q = ++index.query;
    const px = (lng - lng0) * kx, py = (lat - lat0) * ky;
    const gx0 = Math.floor(Math.min(lng, lng0) / BUCKET_DEG), gx1 = Math.floor(Math.max(lng, lng0) / BUCKET_DEG);
    const gy0 = Math.floor(Math.min(lat, lat0) / BUCKET_DEG), gy1 = Math.floor(Math.max(lat, lat0) / BUCKET_DEG);
    for (let gx = gx0; gx <= gx1; gx++) {
      for (let gy = gy0; gy <= gy1; gy++) {
        const list = buckets.get(bucketKey(gx, gy));
        if (!list) continue;
        for (const e of list) {
          if (stamp[e] === q) continue;
          stamp[e] = q;
          if (own.size > 0 && own.has(edgeBuilding[e])) continue;
          const ax = (edges[4 * e] - lng0) * kx, ay = (edges[4 * e + 1] - lat0) * ky;
          const bx = (edges[4 * e + 2] - lng0) * kx, by = (edges[4 * e + 3] - lat0) * ky;
          if (properlyCross(0, 0, px, py, ax, ay, bx, by)) return false;
        }
      }
    }
    return true;
  };
}

/** Sign of the turn a → b → c (cross product), metres². */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when segments p1p2 and q1q2 cross at a point interior to both (touching does not count). */
function properlyCross(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number): boolean {
  const d1 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
  const d2 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
  const d3 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
  const d4 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}
