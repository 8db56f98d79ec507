// Analysis (PURE): households and population of a redrawn grid, pro-rated by area from the
// surveyed grids it covers: each contributes its figures times the share of its area that falls
// inside the new shape. Households are assumed spread evenly over a grid — said in the panel.
import { area, bbox, featureCollection, feature, intersect } from '@turf/turf';
import type { AreaGeometry, BBox } from '../../model';

export interface SourceGrid {
  code: string;
  geometry: AreaGeometry;
  households: number;
  population: number;
}

export interface Prorated {
  households: number;
  population: number;
  /** Codes of the grids that contributed, with the share (0–1) of each one's area taken. */
  from: Array<{ code: string; share: number }>;
}

/** Pro-rates `sources`' figures into `shape`. Figures are rounded to whole households and people. */
export function prorateByArea(shape: AreaGeometry, sources: readonly SourceGrid[]): Prorated {
  const box = bbox(shape) as BBox;
  let households = 0;
  let population = 0;
  const from: Prorated['from'] = [];
  for (const s of sources) {
    if (!boxesMeet(box, bbox(s.geometry) as BBox)) continue;
    const inter = intersect(featureCollection([feature(shape), feature(s.geometry)]));
    if (!inter) continue;
    const whole = area(s.geometry);
    const share = whole > 0 ? Math.min(1, area(inter) / whole) : 0;
    if (share < 1e-6) continue; // a shared edge, not a part
    households += s.households * share;
    population += s.population * share;
    from.push({ code: s.code, share });
  }
  return { households: Math.round(households), population: Math.round(population), from };
}

export function boxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
