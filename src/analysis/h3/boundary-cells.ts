// Analysis (PURE): the H3 cells of a study area's boundary — every cell of a resolution whose
// centre lies inside a polygon (h3-js polygonToCells), united over the polygons. Imports only
// model types and h3-js.
import { getHexagonAreaAvg, polygonToCells } from 'h3-js';
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

/**
 * The finest of `choices` at which a study area of `areaM2` holds at most `maxCells` cells (by
 * the average hexagon area), else the coarsest: fine enough to tell streets apart, coarse enough
 * that a cell holds a few incidents a month. The demo county (~1,500 km²) gets 8 (~2,000 cells).
 */
export function suggestedResolution(areaM2: number, choices: readonly number[], maxCells = 5_000): number {
  const sorted = [...choices].sort((a, b) => a - b);
  let best = sorted[0];
  for (const r of sorted) if (areaM2 / getHexagonAreaAvg(r, 'm2') <= maxCells) best = r;
  return best;
}
