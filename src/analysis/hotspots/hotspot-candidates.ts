// Analysis (PURE): "suggest candidates" — areas for the register made from Gi* hot cells. Hot
// cells that touch (H3 edge adjacency) form one area, its outline the union of its hexagons;
// areas are ranked by the incidents they hold. Imports h3-js and sibling pure modules only.
import { cellsToMultiPolygon } from 'h3-js';
import type { AreaGeometry, LngLat } from '../../model/geo';
import type { GiClass, GiStarResult } from '../stats/gi-star';
import { blindSpots } from '../cameras/blind-spots';

/** One suggested area. */
export interface HotspotCandidate {
  /** 1-based, most incidents first. */
  rank: number;
  /** Its hot cells, busiest first. */
  cells: string[];
  /** Incidents in its cells (the Gi* input counts). */
  count: number;
  /** The largest Gi* z-score among its cells. */
  maxZ: number;
  /** The union of its hexagons (WGS-84), ready to become a hotspot's area. */
  geometry: AreaGeometry;
  /** Incident-weighted centre [lng, lat]. */
  centroid: [number, number];
}

/** Hot classes at or above each confidence. */
const HOT_AT: Record<'hot-90' | 'hot-95' | 'hot-99', readonly GiClass[]> = {
  'hot-99': ['hot-99'],
  'hot-95': ['hot-99', 'hot-95'],
  'hot-90': ['hot-99', 'hot-95', 'hot-90'],
};

/**
 * Candidate areas from a Gi* result: hot cells of at least `minClass` confidence (default 95 %)
 * holding an incident, grouped into edge-connected areas, the `limit` (default 10) busiest.
 */
export function hotspotCandidates(
  gi: Pick<GiStarResult, 'cells' | 'counts' | 'z' | 'classes'>,
  opts: { minClass?: 'hot-90' | 'hot-95' | 'hot-99'; limit?: number } = {},
): HotspotCandidate[] {
  const hot = new Set(HOT_AT[opts.minClass ?? 'hot-95']);
  const cells: string[] = [];
  const counts: number[] = [];
  const zOf = new Map<string, number>();
  for (let i = 0; i < gi.cells.length; i++) {
    if (!hot.has(gi.classes[i])) continue;
    cells.push(gi.cells[i]);
    counts.push(gi.counts[i]);
    zOf.set(gi.cells[i], gi.z[i]);
  }
  // The same grouping of connected cells as the camera blind spots: nothing here is "covered".
  const { areas } = blindSpots({ cells, counts, covered: [] });
  return areas.slice(0, opts.limit ?? 10).map((a) => {
    const members = a.cells.map((c) => c.h3);
    return {
      rank: a.rank,
      cells: members,
      count: a.count,
      maxZ: Math.max(...members.map((c) => zOf.get(c) ?? 0)),
      geometry: cellsGeometry(members),
      centroid: a.centroid,
    };
  });
}

/** The outline of connected cells as GeoJSON: a Polygon when it is one piece, else a MultiPolygon. */
function cellsGeometry(cells: string[]): AreaGeometry {
  const polygons = cellsToMultiPolygon(cells, true) as LngLat[][][];
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
