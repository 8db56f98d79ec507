// Analysis (PURE): PAI, the predictive accuracy index of a hotspot map or a list of areas.
// Imports only model types, h3-js and turf; no DOM, no map.
//
// PAI = (n / N) ÷ (a / A)  (Chainey, Tompson & Uhlig 2008, Security Journal 21:4–28):
//   n incidents inside the flagged areas of N in all, a the flagged area of A, the study area.
// It says how many times better than chance the flagged areas catch incidents: 1 is no better
// than flagging at random; 7.5 means 30 % of incidents in 4 % of the county. It judges a Gi*
// map, a top-k cell list or the listed hotspots (挂牌重点地区) against the incidents of a
// (preferably later) period — flag on one period, score on the next.
import { area as turfArea, feature, featureCollection, union } from '@turf/turf';
import { cellArea } from 'h3-js';
import type { AreaGeometry } from '../../model/geo';

export interface PaiInput {
  /** Incidents inside the flagged areas (n). */
  caught: number;
  /** Incidents in the study area (N). */
  total: number;
  /** Flagged area (a), any unit: the same as totalArea. */
  flaggedArea: number;
  /** Study area (A), in the unit of flaggedArea. */
  totalArea: number;
}

/** PAI with its two shares, so a panel can say "30 % of incidents in 4 % of the area". */
export interface PaiResult {
  pai: number;
  /** n / N, the hit rate, 0–1. */
  hitRate: number;
  /** a / A, the share of area flagged, 0–1. */
  areaShare: number;
  caught: number;
  total: number;
  /** Flagged area in m² (helpers) or the input unit (pai). */
  flaggedArea: number;
  totalArea: number;
}

/**
 * PAI = (caught / total) ÷ (flaggedArea / totalArea). NaN when undefined (no incidents, or no
 * area flagged, or a zero study area). Throws a RangeError for a negative or non-finite input.
 */
export function pai({ caught, total, flaggedArea, totalArea }: PaiInput): number {
  for (const [name, v] of [['caught', caught], ['total', total], ['flaggedArea', flaggedArea], ['totalArea', totalArea]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
  }
  if (total === 0 || flaggedArea === 0 || totalArea === 0) return NaN;
  return caught / total / (flaggedArea / totalArea);
}

function result(caught: number, total: number, flaggedArea: number, totalArea: number): PaiResult {
  const value = pai({ caught, total, flaggedArea, totalArea });
  return { pai: value, hitRate: total > 0 ? caught / total : NaN, areaShare: totalArea > 0 ? flaggedArea / totalArea : NaN, caught, total, flaggedArea, totalArea };
}

/** Cell counts as a Map or as parallel arrays (the shape of H3Aggregate and GiStarResult). */
export type CellCounts = ReadonlyMap<string, number> | { cells: readonly string[]; counts: ArrayLike<number> };

/**
 * PAI of a set of flagged H3 cells. `caught` sums `cellCounts` over the flagged cells (a cell
 * listed twice counts once; cells without a count count 0); the flagged area is the sum of
 * h3 cellArea in m². `totalIncidents` is N and `studyAreaM2` is A in m² (e.g. turf area of the
 * county polygon, see {@link areaM2}).
 */
export function paiForCells(selectedCells: readonly string[], cellCounts: CellCounts, totalIncidents: number, studyAreaM2: number): PaiResult {
  const counts = cellCounts instanceof Map ? cellCounts : toMap(cellCounts as { cells: readonly string[]; counts: ArrayLike<number> });
  let caught = 0;
  let flagged = 0;
  for (const c of new Set(selectedCells)) {
    caught += counts.get(c) ?? 0;
    flagged += cellArea(c, 'm2');
  }
  return result(caught, totalIncidents, flagged, studyAreaM2);
}

function toMap({ cells, counts }: { cells: readonly string[]; counts: ArrayLike<number> }): Map<string, number> {
  if (cells.length !== counts.length) throw new RangeError(`${cells.length} cells but ${counts.length} counts`);
  const m = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) m.set(cells[i], (m.get(cells[i]) ?? 0) + counts[i]);
  return m;
}

/**
 * PAI of flagged polygons (e.g. the listed hotspots), given the incidents counted inside each
 * (grid-stats.ts countByPolygon) and the polygons, whose areas are taken geodesically (turf
 * area, m²). The polygons should not overlap: an overlap is counted twice in both n and a —
 * for areas that may overlap use {@link paiForUnion}.
 */
export function paiForPolygons(
  polygons: readonly (AreaGeometry | null)[],
  countsInside: ArrayLike<number>,
  totalIncidents: number,
  studyAreaM2: number,
): PaiResult {
  if (polygons.length !== countsInside.length) throw new RangeError(`${polygons.length} polygons but ${countsInside.length} counts`);
  let caught = 0;
  let flagged = 0;
  for (let i = 0; i < polygons.length; i++) {
    caught += countsInside[i];
    flagged += areaM2(polygons[i]);
  }
  return result(caught, totalIncidents, flagged, studyAreaM2);
}

/**
 * PAI of several areas taken together (e.g. the listed hotspots, which may overlap): `caught` is
 * the incidents inside any of them, each counted once (grid-stats.ts countInAny), and the
 * flagged area is that of their union, so an overlap counts once in both n and a.
 */
export function paiForUnion(polygons: readonly (AreaGeometry | null)[], caught: number, totalIncidents: number, studyAreaM2: number): PaiResult {
  return result(caught, totalIncidents, unionAreaM2(polygons), studyAreaM2);
}

/** Geodesic area (m²) of the union of the areas: overlaps counted once. */
export function unionAreaM2(polygons: readonly (AreaGeometry | null)[]): number {
  const present = polygons.filter((g): g is AreaGeometry => g !== null);
  if (present.length <= 1) return present.length === 0 ? 0 : areaM2(present[0]);
  const merged = union(featureCollection(present.map((g) => feature(g))));
  return merged ? turfArea(merged) : 0;
}

/** Geodesic area of a polygon or multipolygon in m² (turf area); 0 for null. */
export function areaM2(geometry: AreaGeometry | null): number {
  return geometry ? turfArea(geometry) : 0;
}

/**
 * The k cells with the highest counts, highest first; ties broken by cell index string ascending
 * so the choice is reproducible. Cells with a count ≤ 0 are never chosen, so fewer than k may
 * come back. Returns cell strings, ready for {@link paiForCells}.
 */
export function topKCells(cells: readonly string[], counts: ArrayLike<number>, k: number): string[] {
  if (cells.length !== counts.length) throw new RangeError(`${cells.length} cells but ${counts.length} counts`);
  const idx: number[] = [];
  for (let i = 0; i < cells.length; i++) if (counts[i] > 0) idx.push(i);
  idx.sort((a, b) => counts[b] - counts[a] || (cells[a] < cells[b] ? -1 : cells[a] > cells[b] ? 1 : 0));
  return idx.slice(0, Math.max(0, Math.floor(k))).map((i) => cells[i]);
}
