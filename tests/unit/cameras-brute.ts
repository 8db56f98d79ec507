// Test helper: coverage by brute force — every H3 cell of a box, each centre tested against every
// camera with turf's distance, bearing, point in polygon and line intersection (none of the code
// under test).
import { bearing, booleanPointInPolygon, distance, lineIntersect, lineString, point, polygon } from '@turf/turf';
import { cellToLatLng, polygonToCells } from 'h3-js';
import type { CameraView } from '../../src/analysis/cameras/coverage';
import type { LngLat, PolygonGeometry } from '../../src/model/geo';

/** Sorted cells of `res` within [w, s, e, n] whose centre a counted camera sees. */
export function bruteCoverage(
  cams: readonly CameraView[],
  res: number,
  box: [number, number, number, number],
  builds: readonly PolygonGeometry[] = [],
  all = false,
): string[] {
  const [w, s, e, n] = box;
  const ring: LngLat[] = [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const polys = builds.map((b) => polygon(b.coordinates));
  const out: string[] = [];
  for (const cell of polygonToCells([ring], res, true)) {
    const [lat, lng] = cellToLatLng(cell);
    const seen = cams.some((c) => {
      if (!all && c.status !== 'online') return false;
      const d = distance([c.lng, c.lat], [lng, lat], { units: 'meters' });
      if (d > c.range) return false;
      if (d > 0 && c.fov < 360) {
        const diff = Math.abs(((bearing([c.lng, c.lat], [lng, lat]) - c.heading + 540) % 360) - 180);
        if (diff > c.fov / 2) return false;
      }
      const seg = lineString([[c.lng, c.lat], [lng, lat]]);
      return polys.every((p) => booleanPointInPolygon(point([c.lng, c.lat]), p) || lineIntersect(seg, p).features.length === 0);
    });
    if (seen) out.push(cell);
  }
  return out.sort();
}
