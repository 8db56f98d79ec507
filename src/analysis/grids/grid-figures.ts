// Analysis (PURE): households and population of a drawn or redrawn grid. When the dataset's
// buildings carry household counts (户数, e.g. from a housing survey imported with them), a grid
// holds the buildings whose footprint centre lies inside it; otherwise its figures are pro-rated
// by area from the surveyed grids it covers (grid-prorate.ts). Population comes from the
// buildings only when each of them counted gives one; else it is pro-rated — the panel says which.
import type { AreaGeometry, BuildingCollection } from '../../model';
import { buildPolygonIndex, locatePoint } from '../areas/polygon-index';
import { prorateByArea, type SourceGrid } from './grid-prorate';

/** Buildings that carry households, as points (footprint vertex mean) with their figures. */
export interface BuildingHouseholds {
  lng: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  /** NaN where a building gives no population. */
  population: Float64Array;
}

/** Figures of a shape and where they come from. */
export interface ShapeFigureSource {
  households: number;
  population: number;
  /** Households from the buildings inside, or pro-rated by area. */
  householdsFrom: 'buildings' | 'prorated';
  populationFrom: 'buildings' | 'prorated';
  /** Buildings counted (0 when pro-rated). */
  buildings: number;
  /** Codes of the grids pro-rated from (when anything was). */
  from: string[];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The buildings carrying a household count, or null when none does (the demo's carry storeys only). */
export function buildingHouseholds(buildings: BuildingCollection): BuildingHouseholds | null {
  const kept = buildings.features.filter((f) => f.geometry && finite(f.properties?.households));
  if (kept.length === 0) return null;
  const out: BuildingHouseholds = {
    lng: new Float64Array(kept.length),
    lat: new Float64Array(kept.length),
    households: new Float64Array(kept.length),
    population: new Float64Array(kept.length),
  };
  kept.forEach((f, i) => {
    const ring = f.geometry.coordinates[0];
    const n = Math.max(1, ring.length - 1); // the closing vertex repeats the first
    let x = 0;
    let y = 0;
    for (let k = 0; k < n; k++) (x += ring[k][0]), (y += ring[k][1]);
    out.lng[i] = x / n;
    out.lat[i] = y / n;
    out.households[i] = f.properties.households!;
    out.population[i] = finite(f.properties.population) ? f.properties.population : NaN;
  });
  return out;
}

/** Households (and population) of `shape`: from the buildings inside when there are such buildings, else pro-rated. */
export function figuresOfShape(shape: AreaGeometry, sources: readonly SourceGrid[], buildings: BuildingHouseholds | null): ShapeFigureSource {
  const pr = () => prorateByArea(shape, sources);
  if (!buildings) {
    const p = pr();
    return { households: p.households, population: p.population, householdsFrom: 'prorated', populationFrom: 'prorated', buildings: 0, from: p.from.map((x) => x.code) };
  }
  const index = buildPolygonIndex([{ type: 'Feature', geometry: shape, properties: null }]);
  let households = 0;
  let population = 0;
  let count = 0;
  let allPopulated = true;
  for (let i = 0; i < buildings.lng.length; i++) {
    if (locatePoint(index, buildings.lng[i], buildings.lat[i]) < 0) continue;
    count++;
    households += buildings.households[i];
    if (Number.isNaN(buildings.population[i])) allPopulated = false;
    else population += buildings.population[i];
  }
  if (allPopulated && count > 0) {
    return { households: Math.round(households), population: Math.round(population), householdsFrom: 'buildings', populationFrom: 'buildings', buildings: count, from: [] };
  }
  const p = pr();
  return { households: Math.round(households), population: p.population, householdsFrom: 'buildings', populationFrom: 'prorated', buildings: count, from: p.from.map((x) => x.code) };
}
