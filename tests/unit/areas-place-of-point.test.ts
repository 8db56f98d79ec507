// The place of a point — town, community (village) and grid — on the committed demo and on a
// tiny hand-made set.
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { buildPlaceIndex, placeOfCell, placeOfPoint } from '../../src/analysis/areas/place-of-point';
import type { AdminCollection, GridCollection } from '../../src/model';
import { geojson, requireDemo } from './demo-helpers';

describe('placeOfPoint', () => {
  it('a hand-made county: the town, village and grid a point lies in; null outside', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] as [number, number][][] });
    const base = { households: 0, population: 0, nameEn: '' };
    const admin: AdminCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: sq(0, 0, 2, 1), properties: { ...base, id: 'c', level: 'county', name: '县', parentId: null, kind: 'county' } },
        { type: 'Feature', geometry: sq(0, 0, 1, 1), properties: { ...base, id: 't1', level: 'town', name: '甲镇', parentId: 'c', kind: 'town' } },
        { type: 'Feature', geometry: sq(1, 0, 2, 1), properties: { ...base, id: 't2', level: 'town', name: '乙镇', parentId: 'c', kind: 'town' } },
        { type: 'Feature', geometry: sq(1, 0, 2, 0.5), properties: { ...base, id: 'v1', level: 'village', name: '丙村', parentId: 't2', kind: 'village' } },
      ],
    };
    const grids = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: sq(1.5, 0, 2, 0.5), properties: { id: 'g1', name: '丙村第1网格' } }] } as unknown as GridCollection;
    const places = buildPlaceIndex(admin, grids);
    const at = (x: number, y: number) => {
      const p = placeOfPoint(places, x, y);
      return [p.town?.name ?? null, p.village?.name ?? null, p.grid?.name ?? null];
    };
    expect(at(0.5, 0.5)).toEqual(['甲镇', null, null]);
    expect(at(1.2, 0.2)).toEqual(['乙镇', '丙村', null]);
    expect(at(1.7, 0.2)).toEqual(['乙镇', '丙村', '丙村第1网格']);
    expect(at(3, 3)).toEqual([null, null, null]);
  });

  it('the demo: a point inside each grid finds that grid, its village and its town', () => {
    requireDemo();
    const admin = geojson('admin.geojson') as unknown as AdminCollection;
    const grids = geojson('grids.geojson') as unknown as GridCollection;
    const places = buildPlaceIndex(admin, grids);
    let checked = 0;
    const inside = grids.features
      .map((g) => ({ g, c: centroid(g as never).geometry.coordinates as [number, number] }))
      .filter(({ g, c }) => booleanPointInPolygon(c, g as never, { ignoreBoundary: true }));
    for (const { g, c } of inside) {
      const [lng, lat] = c;
      const p = placeOfPoint(places, lng, lat);
      expect(p.grid?.id).toBe(g.properties.id);
      expect(p.village?.id).toBe(g.properties.villageId);
      expect(p.town?.id).toBe(g.properties.townId);
      checked++;
    }
    expect(checked).toBeGreaterThan(grids.features.length / 2);
    const { g, c } = inside[0];
    expect(placeOfCell(places, latLngToCell(c[1], c[0], 13)).grid?.id).toBe(g.properties.id);
  });
});
