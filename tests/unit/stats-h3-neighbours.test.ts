// The lattice-arithmetic neighbour search must give exactly what gridDisk per cell gives:
// inside one base cell, across base-cell edges and corners, across the sectors of a pentagon base
// cell (eastern China lies in pentagon base cell 24), and next to a pentagon (where it must fall
// back to gridDisk).
import { cellToBoundary, cellToLatLng, getIndexDigit, getPentagons, getRes0Cells, getResolution, gridDisk, gridRing, isPentagon, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diskNeighbourhood, type DiskNeighbourhood } from '../../src/analysis/h3/h3-neighbours';

function rows(nb: DiskNeighbourhood): string[] {
  return nb.cells.map((_, i) => Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1])).sort((a, b) => a - b).join());
}

/** Asserts the default path equals the gridDisk reference; returns the path taken. */
function agrees(seeds: string[], k: number): DiskNeighbourhood['method'] {
  const fast = diskNeighbourhood(seeds, k);
  const ref = diskNeighbourhood(seeds, k, { method: 'grid-disk' });
  expect(ref.method).toBe('grid-disk');
  expect(fast.cells).toEqual(ref.cells);
  expect(rows(fast)).toEqual(rows(ref));
  expect(Array.from(fast.seedIndex)).toEqual(Array.from(ref.seedIndex));
  return fast.method;
}

/** Two thirds of a disk: holes so that not every cell is a seed. */
const holey = (cell: string, r: number) => gridDisk(cell, r).filter((_, i) => i % 3 !== 1);
const leading = (c: string) => {
  for (let r = 1; r <= getResolution(c); r++) if (getIndexDigit(c, r) !== 0) return getIndexDigit(c, r);
  return 0;
};

describe('diskNeighbourhood', () => {
  it('is gridDisk: cells sorted, rows with the cell itself, seeds located', () => {
    const c = latLngToCell(32.94, 117.23, 9); // the demo county, pentagon base cell 24, sector 2
    const nb = diskNeighbourhood([c, c], 1);
    expect(nb.method).toBe('local-ij');
    expect(nb.cells).toEqual([...gridDisk(c, 1)].sort());
    const self = nb.cells.indexOf(c);
    expect(Array.from(nb.seedIndex)).toEqual([self, self]);
    expect(rows(nb)[self].split(',').length).toBe(7);
    expect(rows(nb).map((r) => r.split(',').length).sort()).toEqual([4, 4, 4, 4, 4, 4, 7]); // ring cells see 3 others + self
  });

  it('agrees with gridDisk in one base cell, for k = 0…3 and scattered seeds (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 45, noNaN: true }),
        fc.double({ min: 100, max: 125, noNaN: true }),
        fc.constantFrom(5, 7, 9, 11),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }),
        (lat, lng, res, k, picks) => {
          const disk = gridDisk(latLngToCell(lat, lng, res), 8);
          agrees(picks.map((i) => disk[i % disk.length]), k);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees with gridDisk for seeds scattered over a province (no dense grid)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 30, max: 34, noNaN: true }), fc.double({ min: 115, max: 119, noNaN: true })), { minLength: 2, maxLength: 40 }), fc.constantFrom(1, 2), (pts, k) => {
        expect(agrees(pts.map(([lat, lng]) => latLngToCell(lat, lng, 10)), k)).toBe('local-ij');
      }),
      { numRuns: 20 },
    );
  });

  it('agrees with gridDisk where base cells meet (a corner of each res-0 cell)', () => {
    const methods = new Set<string>();
    for (const b of getRes0Cells().filter((_, i) => i % 4 === 0)) {
      const [clat, clng] = cellToLatLng(b);
      const [vlat, vlng] = cellToBoundary(b)[0];
      for (const res of [5, 9]) {
        const cell = latLngToCell(vlat + (clat - vlat) * 0.002, vlng + (clng - vlng) * 0.002, res);
        methods.add(agrees(holey(cell, res === 9 ? 6 : 3), 1));
      }
    }
    expect(methods.has('local-ij')).toBe(true);
  });

  it('agrees with gridDisk across the sector seams of pentagon base cells', () => {
    let seams = 0;
    for (const p of getPentagons(0)) {
      const [plat, plng] = cellToLatLng(p);
      for (let deg = 0; deg < 360; deg += 12) {
        const lat = plat + 3 * Math.cos((deg * Math.PI) / 180);
        const lng = plng + (3 * Math.sin((deg * Math.PI) / 180)) / Math.cos((plat * Math.PI) / 180);
        const cell = latLngToCell(lat, lng, 7);
        if (new Set(gridDisk(cell, 3).map(leading)).size < 2) continue;
        seams++;
        agrees(holey(cell, 3), 2);
      }
    }
    expect(seams).toBeGreaterThan(10);
  });

  it('falls back to gridDisk next to and around pentagons, and stays right', () => {
    for (const p of getPentagons(6).slice(0, 4)) {
      expect(isPentagon(p)).toBe(true);
      expect(agrees([p], 1)).toBe('grid-disk');
      expect(diskNeighbourhood([p], 1).cells.length).toBe(6); // a pentagon has 5 neighbours
      agrees(gridRing(p, 3), 1);
      agrees(gridRing(p, 3).slice(0, 6), 2);
    }
  });

  it('builds 50,000 cells by lattice arithmetic', () => {
    const seeds = gridDisk(latLngToCell(32.94, 117.23, 9), 128);
    const nb = diskNeighbourhood(seeds, 1);
    expect(nb.method).toBe('local-ij');
    expect(nb.cells.length).toBe(1 + 3 * 129 * 130);
    expect(nb.offsets[nb.cells.length]).toBe(nb.neighbours.length);
  });

  it('rejects bad input', () => {
    const c = latLngToCell(32.94, 117.23, 9);
    expect(() => diskNeighbourhood([c, latLngToCell(32.94, 117.23, 8)])).toThrow(RangeError);
    expect(() => diskNeighbourhood(['not-a-cell'])).toThrow(RangeError);
    expect(() => diskNeighbourhood(['8928308280ffff0'])).toThrow(RangeError); // digit 15 not 7
    expect(() => diskNeighbourhood(['8928308281fffff'])).toThrow(RangeError); // digit 9 is 7
    expect(() => diskNeighbourhood(['ffffffffffffffff'])).toThrow(RangeError);
    expect(() => diskNeighbourhood([c], -1)).toThrow(RangeError);
    expect(() => diskNeighbourhood([c], 1.5)).toThrow(RangeError);
    expect(diskNeighbourhood([], 1).cells).toEqual([]);
  });
});
