// The demo's admin units and grids: they tile their parents with no gaps or overlaps, and their
// counts, households and population are in the ranges DOMAIN.md describes.
import { area, bbox, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AdminProps, GridProps } from '../../src/model/admin';
import { geojson, manifest } from './demo-helpers';

type Area<P> = Feature<Polygon | MultiPolygon> & { properties: P };

/** Sum of areas of overlaps between any two features, m² (only bbox-intersecting pairs). */
function worstOverlap<P>(features: Area<P>[]): { worst: number; pairs: number } {
  const boxes = features.map((f) => bbox(f));
  let worst = 0;
  let pairs = 0;
  for (let a = 0; a < features.length; a++) {
    for (let b = a + 1; b < features.length; b++) {
      const A = boxes[a], B = boxes[b];
      if (A[0] > B[2] || B[0] > A[2] || A[1] > B[3] || B[1] > A[3]) continue;
      pairs++;
      const x = intersect(featureCollection([features[a], features[b]]));
      if (x) worst = Math.max(worst, area(x));
    }
  }
  return { worst, pairs };
}

function tiles<P>(parent: Area<unknown>, children: Area<P>[]): void {
  const whole = area(parent);
  const sum = children.reduce((s, f) => s + area(f), 0);
  expect(Math.abs(sum - whole) / whole).toBeLessThan(1e-4);
  expect(worstOverlap(children).worst).toBeLessThan(1);
}

describe('demo admin units and grids', () => {
  const admin = geojson<Area<AdminProps>>('admin.geojson').features;
  const grids = geojson<Area<GridProps>>('grids.geojson').features;
  const county = admin.filter((f) => f.properties.level === 'county');
  const towns = admin.filter((f) => f.properties.level === 'town');
  const villages = admin.filter((f) => f.properties.level === 'village');

  it('has one county of 1,200–1,400 km² with 12–17 towns, 100+ villages and ~400 grids', () => {
    expect(county).toHaveLength(1);
    const km2 = area(county[0]) / 1e6;
    expect(km2).toBeGreaterThan(1200);
    expect(km2).toBeLessThan(1400);
    expect(towns.length).toBeGreaterThanOrEqual(12);
    expect(towns.length).toBeLessThanOrEqual(17);
    const subdistricts = towns.filter((t) => t.properties.kind === 'subdistrict');
    expect(subdistricts.length).toBeGreaterThanOrEqual(2);
    expect(subdistricts.length).toBeLessThanOrEqual(4);
    expect(villages.length).toBeGreaterThanOrEqual(100);
    expect(villages.some((v) => v.properties.kind === 'community')).toBe(true);
    expect(grids.length).toBeGreaterThanOrEqual(350);
    expect(grids.length).toBeLessThanOrEqual(450);
    const m = manifest();
    expect(m.counts).toMatchObject({ towns: towns.length, villages: villages.length, grids: grids.length });
  });

  it('towns tile the county', () => tiles(county[0], towns));

  it('villages tile their towns', () => {
    for (const t of towns) tiles(t, villages.filter((v) => v.properties.parentId === t.properties.id));
  });

  it('grids tile the whole county', () => tiles(county[0], grids), 30_000);

  it('grids tile their villages and nest in the right town', () => {
    const byId = new Map(villages.map((v) => [v.properties.id, v]));
    for (const v of villages) {
      const own = grids.filter((g) => g.properties.villageId === v.properties.id);
      expect(own.length).toBeGreaterThan(0);
      const sum = own.reduce((s, g) => s + area(g), 0);
      expect(Math.abs(sum - area(v)) / area(v)).toBeLessThan(1e-4);
    }
    for (const g of grids) expect(byId.get(g.properties.villageId)!.properties.parentId).toBe(g.properties.townId);
  });

  it('every grid has an officer, a fake phone, households and population; urban ones ~300 households', () => {
    for (const g of grids) {
      const p = g.properties;
      expect(p.officer.length).toBeGreaterThanOrEqual(2);
      expect(p.officerPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(p.code).toMatch(/^\d{6}-\d{3}-\d{3}-\d{2}$/);
      expect(p.households).toBeGreaterThan(0);
      expect(p.population / p.households).toBeGreaterThan(2.4);
      expect(p.population / p.households).toBeLessThan(3.6);
      expect(['comprehensive', 'party', 'safety', 'harmony']).toContain(p.kind);
    }
    const urban = grids.filter((g) => g.properties.setting === 'urban').map((g) => g.properties.households);
    expect(urban.length).toBeGreaterThan(100);
    for (const h of urban) {
      expect(h).toBeGreaterThanOrEqual(200);
      expect(h).toBeLessThanOrEqual(420);
    }
    const mean = urban.reduce((a, b) => a + b, 0) / urban.length;
    expect(mean).toBeGreaterThan(270);
    expect(mean).toBeLessThan(330);
    expect(grids.filter((g) => g.properties.kind === 'comprehensive').length / grids.length).toBeGreaterThan(0.75);
  });

  it('households and population add up from grids to villages, towns and the county', () => {
    for (const v of villages) {
      const own = grids.filter((g) => g.properties.villageId === v.properties.id);
      expect(own.reduce((s, g) => s + g.properties.households, 0)).toBe(v.properties.households);
      expect(own.reduce((s, g) => s + g.properties.population, 0)).toBe(v.properties.population);
    }
    for (const t of towns) {
      const own = villages.filter((v) => v.properties.parentId === t.properties.id);
      expect(own.reduce((s, v) => s + v.properties.households, 0)).toBe(t.properties.households);
      expect(own.reduce((s, v) => s + v.properties.population, 0)).toBe(t.properties.population);
    }
    const c = county[0].properties;
    expect(towns.reduce((s, t) => s + t.properties.population, 0)).toBe(c.population);
    expect(c.population).toBeGreaterThanOrEqual(330_000);
    expect(c.population).toBeLessThanOrEqual(400_000);
    expect(c.population / c.households).toBeGreaterThan(2.8);
    expect(c.population / c.households).toBeLessThan(3.2);
  });

  it('names are Chinese with romanised English forms; communities in town, villages outside', () => {
    for (const v of villages) {
      expect(v.properties.name).toMatch(v.properties.kind === 'community' ? /社区$/ : /村$/);
      expect(v.properties.nameEn).toMatch(/^[A-Z][a-z]+ (Community|Village)$/);
    }
    for (const t of towns) expect(t.properties.name).toMatch(t.properties.kind === 'subdistrict' ? /街道$/ : /镇$/);
    expect(new Set(villages.map((v) => v.properties.name)).size).toBe(villages.length);
  });
});
