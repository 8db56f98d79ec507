// Analysis (PURE): the H3 cells of a study area's boundary — every cell of a resolution whose
// centre lies inside a polygon (h3-js polygonToCells), united over the polygons. Imports only
// model types and h3-js.
import { polygonToCells } from 'h3-js';
import type { AreaGeometry } from '../../model/geo';

/**
 * Sorted, distinct cells at `resolution` whose centres lie inside any of `geometries` (Polygon
 * or MultiPolygon, GeoJSON [lng, lat] rings; holes excluded). Throws a RangeError for another
 * geometry type.
 */
export function boundaryCells(geometries: readonly AreaGeometry[], resolution: number): string[] {
  const set = new Set<string>();
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
    if (!polygons) throw new RangeError(`boundary geometry ${(g as { type: string }).type} is not Polygon or MultiPolygon`);
    for (const rings of polygons) for (const c of polygonToCells(rings, resolution, true)) set.add(c);
  }
  return [...set].sort();
}
