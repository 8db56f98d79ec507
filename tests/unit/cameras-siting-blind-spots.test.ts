// Blind spots on a hand-made set of cells: ranking, connected areas by H3 adjacency, centroids.
import { cellToLatLng, gridDisk, gridRing, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { blindSpots } from '../../src/analysis/cameras/blind-spots';

const origin = latLngToCell(32.94, 117.23, 11);
const ring1 = gridRing(origin, 1);
const far = gridRing(origin, 6)[0];
const farNeighbour = gridRing(far, 1).find((c) => !gridDisk(origin, 5).includes(c))!;

describe('blindSpots', () => {
  it('ranks uncovered non-empty cells and groups connected ones into areas', () => {
    // The origin and ring1[0] are covered; consecutive cells of a ring are neighbours, so the
    // other five of the ring stay one chain. far and its neighbour are a second area, the cell
    // three rings out a third; ring1[0] has no incidents either way.
    const cells = [origin, ...ring1, far, farNeighbour, gridRing(origin, 3)[2]];
    const counts = [50, 0, 2, 3, 4, 5, 6, 40, 1, 7];
    const r = blindSpots({ cells, counts, covered: [origin, ring1[0], 'unrelated'] });
    expect(r.totalCount).toBe(118);
    expect(r.uncoveredCount).toBe(118 - 50);
    expect(r.cells.map((c) => c.count)).toEqual([40, 7, 6, 5, 4, 3, 2, 1]);
    expect(r.areas.map((a) => [a.rank, a.count, a.cells.length])).toEqual([
      [1, 41, 2],
      [2, 20, 5],
      [3, 7, 1],
    ]);
    expect(r.areas[0].peak).toBe(far);
    expect(r.areas[1].cells.map((c) => c.h3)).toEqual([ring1[5], ring1[4], ring1[3], ring1[2], ring1[1]]);
  });

  it('takes per-cell weights (severity) for the ranking, and places the centroid by weight', () => {
    const a = ring1[0], b = ring1[3]; // opposite sides of the origin, not adjacent
    const r = blindSpots({ cells: [a, b, origin], counts: [10, 1, 1], weights: [10, 100, 30], covered: new Set() });
    expect(r.areas).toHaveLength(1); // connected through the origin
    expect(r.cells.map((c) => c.h3)).toEqual([b, origin, a]);
    const [lat0, lng0] = cellToLatLng(origin);
    const [latB, lngB] = cellToLatLng(b);
    const [lng, lat] = r.areas[0].centroid;
    // Heavier b pulls the centroid from the origin towards it.
    expect(Math.hypot(lng - lngB, lat - latB)).toBeLessThan(Math.hypot(lng0 - lngB, lat0 - latB));
    const single = blindSpots({ cells: [far], counts: [3], covered: [] }).areas[0];
    const [fl, fg] = cellToLatLng(far);
    expect(single.centroid[0]).toBeCloseTo(fg, 9);
    expect(single.centroid[1]).toBeCloseTo(fl, 9);
  });

  it('has no blind spot when every non-empty cell is covered', () => {
    const r = blindSpots({ cells: [origin, far], counts: [3, 0], covered: [origin] });
    expect(r.cells).toEqual([]);
    expect(r.areas).toEqual([]);
  });
});
