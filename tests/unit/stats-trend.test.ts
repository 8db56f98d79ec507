// Mann–Kendall on hand-worked series, and emerging hot-spot categories on constructed clusters.
import { gridDisk, gridRing, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { emergingHotspots } from '../../src/analysis/stats/emerging-hotspots';
import { mannKendall } from '../../src/analysis/stats/mann-kendall';
import { twoSidedP } from '../../src/analysis/stats/normal';

describe('mannKendall', () => {
  it('matches the hand-worked series 1, 3, 2, 3, 5 (one tie)', () => {
    // Pairs i < j, sign(x_j − x_i):
    //   from 1: 3, 2, 3, 5 → +4;  from 3: 2, 3, 5 → −1 + 0 + 1 = 0;  from 2: 3, 5 → +2;
    //   from 3: 5 → +1.  S = 7.  Pairs: 10, so τ = 0.7.
    // Ties: one group of t = 2 (the 3s): Σ t(t−1)(2t+5) = 2·1·9 = 18.
    // Var(S) = [n(n−1)(2n+5) − 18]/18 = (5·4·15 − 18)/18 = 282/18 = 15.666…
    // Z = (S − 1)/√Var = 6/√15.666… ≈ 1.5159;  p ≈ 0.1296 → no trend at 0.05.
    const r = mannKendall([1, 3, 2, 3, 5]);
    expect(r.n).toBe(5);
    expect(r.s).toBe(7);
    expect(r.varS).toBeCloseTo(282 / 18, 12);
    expect(r.z).toBeCloseTo(6 / Math.sqrt(282 / 18), 12);
    expect(r.p).toBeCloseTo(twoSidedP(6 / Math.sqrt(282 / 18)), 15);
    expect(r.p).toBeCloseTo(0.1296, 4);
    expect(r.tau).toBeCloseTo(0.7, 12);
    expect(r.trend).toBe('none');
  });

  it('finds a rise in 1…10 and a fall in 5, 4, 4, 3 (S < 0 continuity correction)', () => {
    // 1…10: every pair concordant, S = 45, Var = 10·9·25/18 = 125, Z = 44/√125 ≈ 3.935.
    const up = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(up.s).toBe(45);
    expect(up.varS).toBe(125);
    expect(up.z).toBeCloseTo(44 / Math.sqrt(125), 12);
    expect(up.p).toBeLessThan(1e-4);
    expect(up.trend).toBe('up');
    // 5, 4, 4, 3: pairs −1 −1 −1 0 −1 −1 → S = −5; ties: one pair → 18;
    // Var = (4·3·13 − 18)/18 = 138/18; Z = (S + 1)/√Var = −4/√7.666…
    const down = mannKendall([5, 4, 4, 3]);
    expect(down.s).toBe(-5);
    expect(down.varS).toBeCloseTo(138 / 18, 12);
    expect(down.z).toBeCloseTo(-4 / Math.sqrt(138 / 18), 12);
    expect(mannKendall([9, 8, 7, 6, 5, 4, 3, 2, 1]).trend).toBe('down');
  });

  it('has nothing to test in constant or too short series, and skips NaN', () => {
    expect(mannKendall([4, 4, 4, 4])).toMatchObject({ s: 0, varS: 0, z: 0, p: 1, trend: 'none' });
    expect(mannKendall([1, 2])).toMatchObject({ p: 1, trend: 'none' });
    expect(mannKendall([])).toMatchObject({ n: 0, p: 1, trend: 'none' });
    expect(mannKendall([1, NaN, 3, 2, NaN, 3, 5])).toMatchObject({ n: 5, s: 7 });
  });
});

describe('emergingHotspots', () => {
  // A quiet county (1 incident per cell per period) and clusters of 7 cells (a cell and its ring)
  // with their own story over T = 10 periods, far enough apart not to touch.
  const C0 = latLngToCell(32.94, 117.23, 9);
  const T = 10;
  const ring8 = gridRing(C0, 8);
  const stories: [string, (t: number) => number][] = [
    ['intensifying', (t) => 6 + 2 * t],
    ['persistent', () => 15],
    ['diminishing', (t) => 24 - 2 * t],
    ['new', (t) => (t === T - 1 ? 15 : 1)],
    ['sporadic', (t) => (t % 2 === 0 ? 15 : 1)],
  ];
  const centres = stories.map((_, s) => ring8[s * 9]);
  const cells = gridDisk(C0, 14);
  const counts = Array.from({ length: T }, (_, t) => {
    const row = new Float64Array(cells.length).fill(1);
    stories.forEach(([, v], s) => {
      for (const c of gridDisk(centres[s], 1)) row[cells.indexOf(c)] = v(t);
    });
    return row;
  });

  it('names each constructed cluster by its story, and the quiet centre none', () => {
    const r = emergingHotspots(cells, counts, 1);
    expect(r.k).toBe(1);
    expect(r.periods.length).toBe(T);
    expect(r.cells).toEqual([...gridDisk(C0, 15)].sort());
    const at = (c: string) => r.cells.indexOf(c);
    expect(centres.map((c) => r.categories[at(c)])).toEqual(stories.map(([name]) => name));
    expect(r.categories[at(C0)]).toBe('none');
    expect(r.hotPeriods[at(centres[1])]).toBe(T);
    expect(r.hotPeriods[at(centres[3])]).toBe(1);
    expect(r.trendZ[at(centres[0])]).toBeGreaterThan(3);
    expect(r.trendZ[at(centres[2])]).toBeLessThan(-3);
    expect(r.periods[0].cells).toBe(r.cells);
  });

  it('takes options, and rejects rows of the wrong length', () => {
    const strict = emergingHotspots(cells, counts, { k: 1, hotQ: 1e-300 });
    expect(strict.categories.every((c) => c === 'none')).toBe(true);
    expect(() => emergingHotspots(cells, [new Float64Array(3)])).toThrow(RangeError);
    expect(emergingHotspots(cells, []).cells).toEqual([]);
  });
});
