// Analysis (PURE): snapping a pointer to the nearest grid vertex, else the nearest point on a
// grid edge, within a tolerance in screen pixels — so a new grid's corners land exactly on its
// neighbours' and the two share the edge. Projection is passed in (the map's, or a test's).
import type { LngLat } from '../../model';

export type Project = (p: LngLat) => [number, number];
export type Unproject = (xy: [number, number]) => LngLat;

/**
 * The snapped position for a pointer at `pointer` (pixels), or null when nothing lies within
 * `tolerancePx`. Vertices win over edges inside the tolerance (a corner is what the user aims
 * at); on an edge the point is the perpendicular foot, unprojected.
 */
export function snapToRings(pointer: [number, number], rings: readonly LngLat[][], project: Project, unproject: Unproject, tolerancePx: number): LngLat | null {
  let bestVertex: LngLat | null = null;
  let bestVertexD = tolerancePx;
  let bestEdge: [number, number] | null = null;
  let bestEdgeD = tolerancePx;
  for (const ring of rings) {
    let prev: [number, number] | null = null;
    for (const p of ring) {
      const xy = project(p);
      const d = Math.hypot(xy[0] - pointer[0], xy[1] - pointer[1]);
      if (d <= bestVertexD) (bestVertexD = d), (bestVertex = p);
      if (prev) {
        const foot = footOnSegment(pointer, prev, xy);
        const e = Math.hypot(foot[0] - pointer[0], foot[1] - pointer[1]);
        if (e <= bestEdgeD) (bestEdgeD = e), (bestEdge = foot);
      }
      prev = xy;
    }
  }
  if (bestVertex) return [bestVertex[0], bestVertex[1]];
  return bestEdge ? unproject(bestEdge) : null;
}

function footOnSegment(p: [number, number], a: [number, number], b: [number, number]): [number, number] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return [a[0] + t * dx, a[1] + t * dy];
}
