// Households of a drawn grid from the dataset's buildings when they carry household counts (else
// pro-rated by area), through the import's building layer and the editor's operations.
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, BuildingCollection, PolygonGeometry } from '../../src/model';
import { buildingHouseholds, figuresOfShape } from '../../src/analysis/grids/grid-figures';
import { addGrid, splitGrid } from '../../src/analysis/grids/layout-ops';
import { areasToBuildings } from '../../src/io/import/to-layers';
import { geojson } from './demo-helpers';

const rect = (x: number, y: number, w: number, h: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]],
});
// A surveyed grid of 0.01° × 0.01° with 300 households, 900 people.
const source = { code: '349901-001-001-01', geometry: rect(117, 32, 0.01, 0.01) as AreaGeometry, households: 300, population: 900 };
// Ten buildings along the grid's lower half: building k has k + 1 households, 3 people each.
const building = (k: number, population = true): BuildingCollection['features'][number] => ({
  type: 'Feature',
  geometry: rect(117.0005 + k * 0.0009, 32.001, 0.0002, 0.0002),
  properties: population ? { levels: 3, households: k + 1, population: 3 * (k + 1) } : { levels: 3, households: k + 1 },
});
const fc = (features: BuildingCollection['features']): BuildingCollection => ({ type: 'FeatureCollection', features });
const west = rect(117, 32, 0.005, 0.01); // holds buildings 0–4 (centres x < 117.005)

describe('households from buildings', () => {
  it('is not used when the buildings carry no households (the demo’s carry storeys only)', () => {
    expect(buildingHouseholds(geojson('buildings.geojson') as BuildingCollection)).toBeNull();
    const f = figuresOfShape(west, [source], null);
    expect(f).toMatchObject({ households: 150, population: 450, householdsFrom: 'prorated', populationFrom: 'prorated', buildings: 0, from: [source.code] });
  });

  it('sums the buildings whose centre lies inside, population too when each records it', () => {
    const b = buildingHouseholds(fc(Array.from({ length: 10 }, (_, k) => building(k))))!;
    expect(figuresOfShape(west, [source], b)).toMatchObject({ households: 1 + 2 + 3 + 4 + 5, population: 45, householdsFrom: 'buildings', populationFrom: 'buildings', buildings: 5, from: [] });
    // The whole grid: every building.
    expect(figuresOfShape(source.geometry, [source], b)).toMatchObject({ households: 55, population: 165, buildings: 10 });
  });

  it('pro-rates population when a building inside records none, and says so', () => {
    const b = buildingHouseholds(fc([...Array.from({ length: 4 }, (_, k) => building(k)), building(4, false)]))!;
    expect(figuresOfShape(west, [source], b)).toMatchObject({ households: 15, population: 450, householdsFrom: 'buildings', populationFrom: 'prorated', buildings: 5, from: [source.code] });
  });

  it('new and split grids take their households from the buildings', () => {
    const b = buildingHouseholds(fc(Array.from({ length: 10 }, (_, k) => building(k))))!;
    const ctx = { sources: [source], buildings: b, takenCodes: [source.code] };
    const r = addGrid(source.geometry, { villageId: '349901-001-001', townId: '349901-001' }, ctx);
    if (!r.ok) throw new Error(r.error);
    const g = r.change.added[0];
    expect(g.properties).toMatchObject({ households: 55, population: 165, figures: 'buildings' });
    const s = splitGrid([g], g.properties.id, [[117.005, 31.99], [117.005, 32.02]], ctx);
    if (!s.ok) throw new Error(s.error);
    const hh = s.change.added.map((x) => x.properties.households).sort((x, y) => x - y);
    expect(hh).toEqual([15, 40]);
    expect(s.change.added.every((x) => x.properties.figures === 'buildings')).toBe(true);
  });

  it('an imported building layer keeps 户数 and 人口 when the file gives them, on the first part only', () => {
    const areas = [
      { id: 'B1', name: '', geometry: rect(117, 32, 0.001, 0.001), properties: { 层数: '6', 户数: '24', 人口: '70' } },
      { id: 'B2', name: '', geometry: { type: 'MultiPolygon' as const, coordinates: [rect(117.01, 32, 0.001, 0.001).coordinates, rect(117.02, 32, 0.001, 0.001).coordinates] }, properties: { households: '8' } },
      { id: 'B3', name: '', geometry: rect(117.03, 32, 0.001, 0.001), properties: { levels: '2' } },
    ];
    const out = areasToBuildings(areas as never);
    expect(out.features.map((f) => f.properties)).toEqual([{ levels: 6, households: 24, population: 70 }, { levels: 1, households: 8 }, { levels: 1 }, { levels: 2 }]);
    const b = buildingHouseholds(out)!;
    expect(Array.from(b.households)).toEqual([24, 8]);
  });
});
