// Analysis (PURE): the nearest named road to a point — so that a blind spot or a proposed camera
// site can say "on 人民路" as well as its town · community · grid. Segments of the named roads in
// square buckets of degrees; distances in a local flat frame at the point (metres, exact enough
// within a few hundred metres). Imports only model types.
import type { LngLat } from '../../model/geo';

/** A road line as the basemap gives it: only named ones are kept. */
export interface NamedRoadInput {
  geometry: { type: 'LineString'; coordinates: readonly LngLat[] };
  properties?: { name?: string; nameEn?: string } | null;
}

export interface NearestRoad {
  name: string;
  /** Romanised name; the Chinese one when the data have none. */
  nameEn: string;
  /** Metres from the point to the road's nearest segment. */
  distanceM: number;
}

export interface RoadIndex {
  /** Segment s is (x1, y1) → (x2, y2) at 4s … 4s+3, degrees. */
  segments: Float64Array;
  /** Road (index into names) of segment s. */
  road: Int32Array;
  names: { name: string; nameEn: string }[];
  /** Bucket key → segments whose bounding box touches the bucket. */
  buckets: Map<string, number[]>;
}

/** Bucket side, degrees (≈ 1.1 km north–south). */
const BUCKET_DEG = 0.01;
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
const RAD = Math.PI / 180;

/** Indexes the segments of every road that has a (non-empty) name. */
export function buildRoadIndex(roads: readonly NamedRoadInput[]): RoadIndex {
  const segs: number[] = [];
  const roadOf: number[] = [];
  const names: RoadIndex['names'] = [];
  const buckets = new Map<string, number[]>();
  for (const r of roads) {
    const name = r.properties?.name?.trim();
    if (!name || r.geometry?.type !== 'LineString') continue;
    const id = names.length;
    names.push({ name, nameEn: r.properties?.nameEn?.trim() || name });
    const c = r.geometry.coordinates;
    for (let i = 0; i + 1 < c.length; i++) {
      const s = roadOf.length;
      segs.push(c[i][0], c[i][1], c[i + 1][0], c[i + 1][1]);
      roadOf.push(id);
      const gx0 = Math.floor(Math.min(c[i][0], c[i + 1][0]) / BUCKET_DEG);
      const gx1 = Math.floor(Math.max(c[i][0], c[i + 1][0]) / BUCKET_DEG);
      const gy0 = Math.floor(Math.min(c[i][1], c[i + 1][1]) / BUCKET_DEG);
      const gy1 = Math.floor(Math.max(c[i][1], c[i + 1][1]) / BUCKET_DEG);
      for (let gx = gx0; gx <= gx1; gx++) {
        for (let gy = gy0; gy <= gy1; gy++) {
          const key = `${gx},${gy}`;
          const list = buckets.get(key);
          if (list) list.push(s);
          else buckets.set(key, [s]);
        }
      }
    }
  }
  return { segments: Float64Array.from(segs), road: Int32Array.from(roadOf), names, buckets };
}

/**
 * The named road nearest to (lng, lat) within `maxM` metres (default 500), or null when none is
 * that close. Looks at the buckets within maxM of the point only.
 */
export function nearestNamedRoad(index: RoadIndex, lng: number, lat: number, maxM = 500): NearestRoad | null {
  const mx = M_PER_DEG * Math.cos(lat * RAD);
  const my = M_PER_DEG;
  const rx = Math.ceil(maxM / mx / BUCKET_DEG);
  const ry = Math.ceil(maxM / my / BUCKET_DEG);
  const gx = Math.floor(lng / BUCKET_DEG);
  const gy = Math.floor(lat / BUCKET_DEG);
  let best = -1;
  let bestD2 = maxM * maxM;
  const seen = new Set<number>();
  for (let i = gx - rx; i <= gx + rx; i++) {
    for (let j = gy - ry; j <= gy + ry; j++) {
      for (const s of index.buckets.get(`${i},${j}`) ?? []) {
        if (seen.has(s)) continue;
        seen.add(s);
        const g = index.segments;
        const d2 = segmentDistance2((g[4 * s] - lng) * mx, (g[4 * s + 1] - lat) * my, (g[4 * s + 2] - lng) * mx, (g[4 * s + 3] - lat) * my);
        if (d2 <= bestD2) {
          // Ties go to the road listed first, so the answer does not depend on bucket order.
          if (d2 < bestD2 || best < 0 || index.road[s] < index.road[best]) best = s;
          bestD2 = d2;
        }
      }
    }
  }
  if (best < 0) return null;
  const { name, nameEn } = index.names[index.road[best]];
  return { name, nameEn, distanceM: Math.sqrt(bestD2) };
}

/** Squared distance from the origin to the segment (ax, ay) → (bx, by), planar metres. */
function segmentDistance2(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}
