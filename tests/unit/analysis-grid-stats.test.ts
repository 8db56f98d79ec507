import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignPolygons, cameraStatsByPolygon, countByPolygon } from '../../src/analysis/grids/grid-stats';
import { categoryMask } from '../../src/analysis/incidents/incident-filter';
import { buildPolygonIndex, locatePoint, MIXED, polygonContains } from '../../src/analysis/areas/polygon-index';
import type { AreaGeometry, CameraCollection, CameraStatus, Feature, LngLat } from '../../src/model';

const feature = (geometry: AreaGeometry | null): Feature<AreaGeometry | null, null> => ({ type: 'Feature', geometry, properties: null });
const square = (x: number, y: number, w: number, h = w): LngLat[] => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];

describe('point in polygon with a bucket index', () => {
  // 0: a square with a square hole; 1: a MultiPolygon of two squares; 2: a triangle;
  // 3: no geometry; 4: a square inside polygon 0's hole.
  const polygons = buildPolygonIndex([
    feature({ type: 'Polygon', coordinates: [square(117, 32, 1), square(117.4, 32.4, 0.2)] }),
    feature({ type: 'MultiPolygon', coordinates: [[square(118.5, 32, 0.5)], [square(118.5, 33, 0.5)]] }),
    feature({ type: 'Polygon', coordinates: [[[116, 32], [116.8, 32], [116.4, 33], [116, 32]]] }),
    feature(null),
    feature({ type: 'Polygon', coordinates: [square(117.45, 32.45, 0.1)] }),
  ]);
  const at = (x: number, y: number) => locatePoint(polygons, x, y);

  it('finds points inside, honouring holes and multipolygon parts', () => {
    expect(at(117.1, 32.1)).toBe(0);
    expect(at(117.9, 32.9)).toBe(0);
    expect(at(117.41, 32.41)).toBe(-1); // in the hole, outside polygon 4
    expect(at(117.5, 32.5)).toBe(4); // in the hole, inside polygon 4
    expect(at(118.7, 32.2)).toBe(1);
    expect(at(118.7, 33.2)).toBe(1);
    expect(at(118.7, 32.7)).toBe(-1); // between the two parts
    expect(at(116.4, 32.5)).toBe(2);
    expect(at(116.1, 32.9)).toBe(-1); // in the triangle's bounding box, outside the triangle
  });

  it('returns −1 outside the extent and for NaN', () => {
    expect(at(100, 30)).toBe(-1);
    expect(at(NaN, 32.5)).toBe(-1);
  });

  it('puts a point on an edge shared by two tiles in exactly one of them', () => {
    const tiles = buildPolygonIndex([feature({ type: 'Polygon', coordinates: [square(0, 0, 1)] }), feature({ type: 'Polygon', coordinates: [square(1, 0, 1)] })]);
    expect(locatePoint(tiles, 1, 0.5)).toBe(1);
    // A slanted shared edge, walked in opposite directions by the two polygons.
    const a: LngLat[] = [[0, 0], [0.3, 0], [0.7, 1], [0, 1], [0, 0]];
    const b: LngLat[] = [[0.3, 0], [1, 0], [1, 1], [0.7, 1], [0.3, 0]];
    const slanted = buildPolygonIndex([feature({ type: 'Polygon', coordinates: [a] }), feature({ type: 'Polygon', coordinates: [b] })]);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (y) => {
        const x = 0.3 + 0.4 * y; // on the shared edge, up to rounding
        const inA = locatePoint(slanted, x, y) === 0;
        const hits = [0, 1].filter((k) => locatePoint(buildPolygonIndex([feature({ type: 'Polygon', coordinates: [[a, b][k]] })]), x, y) === 0);
        expect(hits.length).toBe(1);
        expect(inA).toBe(hits[0] === 0);
      }),
    );
  });

  it('agrees with arithmetic on a tiling of many small squares (property)', () => {
    const n = 30;
    const tiles = [];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) tiles.push(feature({ type: 'Polygon', coordinates: [square(117 + i * 0.02, 32.6 + j * 0.02, 0.02)] }));
    const index = buildPolygonIndex(tiles);
    fc.assert(
      fc.property(fc.double({ min: 116.95, max: 117.65, noNaN: true }), fc.double({ min: 32.55, max: 33.25, noNaN: true }), (x, y) => {
        const i = Math.floor((x - 117) / 0.02);
        const j = Math.floor((y - 32.6) / 0.02);
        const k = locatePoint(index, x, y);
        const near = (v: number) => Math.abs(v / 0.02 - Math.round(v / 0.02)) < 1e-6; // on a tile edge
        if (near(x - 117) || near(y - 32.6)) return;
        expect(k).toBe(i >= 0 && i < n && j >= 0 && j < n ? j * n + i : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers whole buckets that no edge touches, exactly as the full test (property)', () => {
    // Overlapping many-vertex stars, one with a star-shaped hole: the lowest index wins.
    const star = (cx: number, cy: number, r: number, spikes: number, phase: number): LngLat[] => {
      const ring: LngLat[] = [];
      for (let v = 0; v < 600; v++) {
        const a = (2 * Math.PI * v) / 600;
        const rr = r * (0.75 + 0.25 * Math.sin(spikes * a + phase));
        ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
      }
      ring.push(ring[0]);
      return ring;
    };
    const stars = buildPolygonIndex([
      feature({ type: 'Polygon', coordinates: [star(117.2, 32.9, 0.2, 7, 0), star(117.2, 32.9, 0.08, 5, 1).reverse()] }),
      feature({ type: 'Polygon', coordinates: [star(117.35, 32.95, 0.15, 11, 2)] }),
      feature({ type: 'MultiPolygon', coordinates: [[star(117.05, 32.75, 0.1, 3, 0)], [star(117.4, 32.7, 0.05, 9, 1)]] }),
    ]);
    const owners = [...stars.bucketOwner];
    expect(owners.filter((o) => o !== MIXED).length).toBeGreaterThan(owners.length / 2);
    expect(new Set(owners)).toEqual(new Set([MIXED, -1, 0, 1, 2]));
    const exact = (x: number, y: number) => [0, 1, 2].find((k) => polygonContains(stars, k, x, y)) ?? -1;
    fc.assert(
      fc.property(fc.double({ min: 116.8, max: 117.6, noNaN: true }), fc.double({ min: 32.5, max: 33.2, noNaN: true }), (x, y) => {
        expect(locatePoint(stars, x, y)).toBe(exact(x, y));
      }),
      { numRuns: 20_000 },
    );
    // Every vertex, and points a hair off each.
    for (let v = 0; v < stars.coords.length; v += 2) {
      for (const d of [0, 1e-9, -1e-9]) {
        const x = stars.coords[v] + d, y = stars.coords[v + 1] - d;
        expect(locatePoint(stars, x, y)).toBe(exact(x, y));
      }
    }
  });

  it('rejects geometries that are not areas', () => {
    expect(() => buildPolygonIndex([{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: null } as never])).toThrow(/Point/);
  });
});

describe('assignPolygons and countByPolygon', () => {
  const grids = buildPolygonIndex([
    feature({ type: 'Polygon', coordinates: [square(117, 32, 1), square(117.4, 32.4, 0.2)] }),
    feature({ type: 'MultiPolygon', coordinates: [[square(118.5, 32, 0.5)], [square(118.5, 33, 0.5)]] }),
  ]);
  const lng = Float64Array.of(117.1, 117.5, 118.7, 118.7, 100, 117.2);
  const lat = Float64Array.of(32.1, 32.5, 32.2, 33.2, 30, 32.9);
  const timeSec = Uint32Array.of(10, 20, 30, 40, 50, 60);
  const category = Uint16Array.of(0, 1, 2, 0, 1, 2);

  it('assigns each point once, with a sentinel outside', () => {
    const a = assignPolygons(grids, lng, lat);
    expect(a.polygon).toBeInstanceOf(Uint16Array);
    expect(a.none).toBe(0xffff);
    expect([...a.polygon]).toEqual([0, 0xffff, 1, 1, 0xffff, 0]);
    expect(a.outside).toBe(2);
    expect(a.polygonCount).toBe(2);
  });

  it('counts per polygon under filters', () => {
    const a = assignPolygons(grids, lng, lat);
    expect(countByPolygon(a, { timeSec, category })).toEqual({ counts: Uint32Array.of(2, 2), outside: 2, total: 6 });
    expect(countByPolygon(a, { timeSec, category }, { fromSec: 20, toSec: 50 })).toEqual({ counts: Uint32Array.of(0, 2), outside: 1, total: 3 });
    expect(countByPolygon(a, { timeSec, category }, { categories: categoryMask([2]) })).toEqual({ counts: Uint32Array.of(1, 1), outside: 0, total: 2 });
    expect(countByPolygon(a, { timeSec, category }, { fromSec: 100 }).total).toBe(0);
  });

  it('uses Uint32 assignments for sets of 65,535 polygons or more', () => {
    const many = Array.from({ length: 70_000 }, (_, k) => feature({ type: 'Polygon', coordinates: [square(k * 0.001, 0, 0.001)] }));
    const a = assignPolygons(buildPolygonIndex(many), Float64Array.of(69.9995, 0.0005, -1), Float64Array.of(0.5e-3, 0.5e-3, 0));
    expect(a.polygon).toBeInstanceOf(Uint32Array);
    expect([...a.polygon]).toEqual([69_999, 0, 0xffffffff]);
  });
});

describe('cameraStatsByPolygon', () => {
  it('counts cameras and the online rate per polygon', () => {
    const grids = buildPolygonIndex([feature({ type: 'Polygon', coordinates: [square(0, 0, 1)] }), feature({ type: 'Polygon', coordinates: [square(1, 0, 1)] }), feature({ type: 'Polygon', coordinates: [square(5, 5, 1)] })]);
    const cam = (x: number, status: CameraStatus) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [x, 0.5] as LngLat },
      properties: { id: `c${x}`, name: '', kind: 'street-dome' as const, status, heading: 0, fov: 360, range: 50, townId: 't', installedYear: 2020 },
    });
    const cameras: CameraCollection = { type: 'FeatureCollection', features: [cam(0.2, 'online'), cam(0.4, 'faulty'), cam(0.6, 'online'), cam(1.5, 'offline'), cam(9, 'online')] };
    const s = cameraStatsByPolygon(grids, cameras);
    expect([...s.total]).toEqual([3, 1, 0]);
    expect([...s.online]).toEqual([2, 0, 0]);
    expect(s.onlineRate[0]).toBeCloseTo(2 / 3);
    expect(s.onlineRate[1]).toBe(0);
    expect(s.onlineRate[2]).toBeNaN();
    expect(s.outside).toBe(1);
  });
});
