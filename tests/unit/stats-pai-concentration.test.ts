// PAI (Chainey, Tompson & Uhlig 2008) and crime concentration (Weisburd 2015) on worked examples.
import { cellArea, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concentrationCurve, shareOfCellsHolding } from '../../src/analysis/evaluation/concentration';
import { pai, paiForCells, paiForPolygons, topKCells } from '../../src/analysis/evaluation/pai';
import type { AreaGeometry } from '../../src/model/geo';

describe('PAI', () => {
  it('is (n/N) ÷ (a/A): 30 of 100 incidents in 2 km² of a 50 km² county → 7.5', () => {
    // n/N = 30/100 = 0.3; a/A = 2/50 = 0.04; 0.3 / 0.04 = 7.5
    expect(pai({ caught: 30, total: 100, flaggedArea: 2, totalArea: 50 })).toBeCloseTo(7.5, 12);
    // Flagging everything catches everything: PAI 1, no better than chance.
    expect(pai({ caught: 100, total: 100, flaggedArea: 50, totalArea: 50 })).toBe(1);
    expect(pai({ caught: 0, total: 0, flaggedArea: 2, totalArea: 50 })).toBeNaN();
    expect(pai({ caught: 0, total: 10, flaggedArea: 0, totalArea: 50 })).toBeNaN();
    expect(() => pai({ caught: -1, total: 10, flaggedArea: 1, totalArea: 5 })).toThrow(RangeError);
  });

  it('scores flagged H3 cells with their h3 areas', () => {
    const [a, b, c, d] = gridDisk(latLngToCell(32.94, 117.23, 9), 1);
    const counts = new Map([[a, 10], [b, 5], [d, 85]]);
    const area = cellArea(a, 'm2') + cellArea(b, 'm2') + cellArea(c, 'm2');
    expect(area / 3).toBeGreaterThan(0.07e6); // res-9 cells ≈ 0.08 km² at 33° N (0.105 on average)
    expect(area / 3).toBeLessThan(0.12e6);
    // n = 10 + 5 + 0 (c has no count), N = 100, A = 50 km²; b listed twice counts once.
    const r = paiForCells([a, b, c, b], counts, 100, 50e6);
    expect(r.caught).toBe(15);
    expect(r.flaggedArea).toBeCloseTo(area, 6);
    expect(r.hitRate).toBe(0.15);
    expect(r.areaShare).toBeCloseTo(area / 50e6, 15);
    expect(r.pai).toBeCloseTo(0.15 / (area / 50e6), 9);
    // Parallel arrays (an H3Aggregate or GiStarResult) give the same answer.
    expect(paiForCells([a, b, c], { cells: [a, b, d], counts: new Uint32Array([10, 5, 85]) }, 100, 50e6).pai).toBeCloseTo(r.pai, 12);
  });

  it('scores flagged polygons with their geodesic (turf) areas', () => {
    const square = (x: number, y: number, w: number): AreaGeometry => ({
      type: 'Polygon',
      coordinates: [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]],
    });
    // 0.01° squares on the equator: (0.01 · π/180 · 6,371,008.8 m)² ≈ 1.2364 km² each.
    const km2 = (0.01 * (Math.PI / 180) * 6371008.8) ** 2;
    const r = paiForPolygons([square(10, 0, 0.01), square(10.5, 0, 0.01), null], [20, 10, 0], 100, 50e6);
    expect(r.flaggedArea / (2 * km2)).toBeCloseTo(1, 3);
    expect(r.pai).toBeCloseTo(0.3 / ((2 * km2) / 50e6), 1);
    expect(() => paiForPolygons([null], [1, 2], 10, 1)).toThrow(RangeError);
  });

  it('picks the top k cells by count, ties by index, never empty cells', () => {
    expect(topKCells(['c', 'a', 'b', 'd', 'e'], [5, 9, 5, 0, 1], 3)).toEqual(['a', 'b', 'c']);
    expect(topKCells(['x', 'y'], [0, 2], 5)).toEqual(['y']);
    expect(topKCells(['x'], [1], 0)).toEqual([]);
  });
});

describe('concentration', () => {
  it('finds the share of cells holding half the incidents', () => {
    // 50 + 30 + 10 + 5 + 5 = 100; the busiest cell alone holds 50 = half.
    const counts = [5, 30, 50, 10, 5];
    expect(shareOfCellsHolding(counts)).toBe(1 / 5);
    // In a study area of 20 cells (15 empty): 1 of 20.
    expect(shareOfCellsHolding(counts, 0.5, 20)).toBe(1 / 20);
    expect(shareOfCellsHolding(counts, 0.8, 20)).toBe(2 / 20); // 50 + 30
    expect(shareOfCellsHolding(counts, 0.9, 20)).toBe(3 / 20); // 50 + 30 + 10
    expect(shareOfCellsHolding(counts, 1, 20)).toBe(5 / 20);
    expect(shareOfCellsHolding(counts, 0, 20)).toBe(0);
    expect(shareOfCellsHolding([0, 0])).toBeNaN();
    expect(() => shareOfCellsHolding(counts, 0.5, 3)).toThrow(RangeError);
    expect(() => shareOfCellsHolding([1, -1])).toThrow(RangeError);
  });

  it('gives 30 % for counts 1…100', () => {
    // Top r cells hold 100 + 99 + … + (101 − r) = r(201 − r)/2; half of 5050 is 2525:
    // r = 29 gives 2494, r = 30 gives 2565 → 30 cells of 100.
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(shareOfCellsHolding(counts)).toBe(0.3);
    expect(concentrationCurve(counts).shareHoldingHalf).toBe(0.3);
  });

  it('draws the curve: exact ends, the last non-empty cell, ≤ 200 points', () => {
    const c = concentrationCurve([5, 30, 50, 10, 5], { studyAreaCells: 20 });
    expect(c).toMatchObject({ cells: 20, nonEmptyCells: 5, total: 100, shareHoldingHalf: 0.05 });
    expect(Array.from(c.cellShare)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 1]);
    expect(Array.from(c.incidentShare)).toEqual([0, 0.5, 0.8, 0.9, 0.95, 1, 1]);
  });

  it('downsamples long curves onto the exact curve, monotone (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 3000 }), fc.nat(5000), (counts, extra) => {
        const c = concentrationCurve(counts, { studyAreaCells: counts.length + extra });
        expect(c.cellShare.length).toBeLessThanOrEqual(200);
        const desc = [...counts].sort((a, b) => b - a);
        const cum = [0];
        for (const v of desc) cum.push(cum.at(-1)! + v);
        for (let p = 0; p < c.cellShare.length; p++) {
          const r = Math.round(c.cellShare[p] * c.cells);
          if (p > 0) expect(c.cellShare[p]).toBeGreaterThan(c.cellShare[p - 1]);
          if (p > 0) expect(c.incidentShare[p]).toBeGreaterThanOrEqual(c.incidentShare[p - 1]);
          if (c.total > 0) expect(c.incidentShare[p]).toBeCloseTo(cum[Math.min(r, counts.length)] / c.total, 12);
        }
        expect(c.cellShare[0]).toBe(0);
        expect(c.cellShare.at(-1)).toBe(1);
      }),
      { numRuns: 40 },
    );
  });
});
