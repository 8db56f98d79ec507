// The cell locator gives exactly latLngToCell's cell for every point — in the county, anywhere
// on the globe, on hexagon edges, across an icosahedron face edge and beside a pentagon — while
// calling latLngToCell for only a small share of clustered points.
import { cellToBoundary, cellToLatLng, getPentagons, latLngToCell } from 'h3-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellLocator, computeCells, locateCells, locatedCellId } from '../../src/analysis/h3/cell-locator';
import { h3ToString } from '../../src/analysis/h3/h3-bits';
import { randomIncidents } from './analysis-fixtures';
import { mulberry32 as rng } from '../seeded-random';

/** Indices of points whose located cell differs from latLngToCell's. */
function mismatches(lng: Float64Array, lat: Float64Array, res: number): number[] {
  const located = locateCells(lng, lat, res);
  const bad: number[] = [];
  for (let i = 0; i < lng.length; i++) if (locatedCellId(located, located.ord[i]) !== latLngToCell(lat[i], lng[i], res)) bad.push(i);
  return bad;
}

/** n points within `spread` degrees of (lng, lat), from a seed. */
function around(lng: number, lat: number, spread: number, n: number, seed: number): { lng: Float64Array; lat: Float64Array } {
  const r = rng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = lng + (r() - 0.5) * 2 * spread;
    y[i] = lat + (r() - 0.5) * 2 * spread;
  }
  return { lng: x, lat: y };
}

describe('CellLocator', () => {
  it('equals latLngToCell for county incidents at every indexed resolution', () => {
    for (const clustered of [true, false]) {
      const cols = randomIncidents(60_000, clustered ? 11 : 12, { clustered });
      for (const res of [5, 7, 9, 10, 11, 12]) expect(mismatches(cols.lng, cols.lat, res), `res ${res}`).toEqual([]);
    }
  });

  it('calls latLngToCell for a small share of clustered points', () => {
    const cols = randomIncidents(100_000, 5, { clustered: true });
    const locator = new CellLocator(11);
    locator.locate(cols.lng, cols.lat, 0, cols.lng.length, new Uint32Array(cols.lng.length));
    expect(locator.stats.slowTiles).toBe(0);
    expect(locator.stats.oracleCalls).toBeLessThan(cols.lng.length / 10);
  });

  it('equals latLngToCell anywhere on the globe (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.integer({ min: 0, max: 15 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.integer(),
        (lat, lng, res, spread, seed) => {
          const p = around(lng, lat, spread, 400, seed);
          expect(mismatches(p.lng, p.lat, res)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals latLngToCell on hexagon edges and vertices', () => {
    const lng: number[] = [];
    const lat: number[] = [];
    const cells = new Set<string>();
    const p = around(117.2, 32.9, 0.01, 300, 3);
    for (let i = 0; i < p.lng.length; i++) cells.add(latLngToCell(p.lat[i], p.lng[i], 11));
    for (const c of cells) {
      const ring = cellToBoundary(c);
      for (let k = 0; k < ring.length; k++) {
        const [a, b] = [ring[k], ring[(k + 1) % ring.length]];
        lat.push(a[0], (a[0] + b[0]) / 2);
        lng.push(a[1], (a[1] + b[1]) / 2);
      }
    }
    const x = Float64Array.from(lng);
    const y = Float64Array.from(lat);
    expect(mismatches(x, y, 11)).toEqual([]);
    // They are too close to an edge for the fit to decide: each asks latLngToCell.
    const locator = new CellLocator(11);
    locator.locate(x, y, 0, x.length, new Uint32Array(x.length));
    expect(locator.stats.oracleCalls).toBe(x.length);
  });

  it('equals latLngToCell across an icosahedron face edge and beside pentagons', () => {
    const places: Array<[number, number]> = [
      [37.0, -51.5], // a res-6 cell on two faces
      [73.8, -46.4],
      ...getPentagons(11).slice(0, 4).map((p) => {
        const [y, x] = cellToLatLng(p);
        return [x, y] as [number, number];
      }),
      [122.3, 39.1], // the pentagon of base cell 24, whose sectors rotate (the demo county's)
    ];
    places.forEach(([x, y], k) => {
      for (const spread of [0.003, 0.05, 0.4]) {
        const p = around(x, y, spread, 4000, k + 1);
        for (const res of [7, 9, 11]) expect(mismatches(p.lng, p.lat, res), `${x},${y} ±${spread} r${res}`).toEqual([]);
      }
    });
  });

  it('reuses what it learnt across calls, and interns into a dictionary given to it', () => {
    const cols = randomIncidents(20_000, 8, { clustered: true });
    const locator = new CellLocator(10);
    const out = new Uint32Array(20_000);
    locator.locate(cols.lng, cols.lat, 0, 10_000, out, 0);
    const calls = locator.stats.oracleCalls;
    locator.locate(cols.lng, cols.lat, 0, 10_000, out, 10_000);
    expect(locator.stats.oracleCalls - calls).toBeLessThan(calls / 10);
    expect([...out.subarray(0, 10_000)]).toEqual([...out.subarray(10_000)]);
  });

  it('computeCells gives every point its split-long cell', () => {
    const cols = randomIncidents(5_000, 4, { clustered: true });
    const { hi, lo } = computeCells(cols.lng, cols.lat, 11, 1_000, 4_000);
    expect(hi.length).toBe(3_000);
    for (let k = 0; k < 3_000; k += 7) expect(h3ToString(hi[k], lo[k])).toBe(latLngToCell(cols.lat[1_000 + k], cols.lng[1_000 + k], 11));
  });

  it('names the row of an invalid position', () => {
    const cols = randomIncidents(50, 1);
    cols.lng[17] = 181;
    expect(() => locateCells(cols.lng, cols.lat, 11)).toThrow(/incident 17 /);
    cols.lng[17] = 117;
    cols.lat[30] = NaN;
    expect(() => locateCells(cols.lng, cols.lat, 11, 20, 40)).toThrow(/incident 30 /);
  });
});
