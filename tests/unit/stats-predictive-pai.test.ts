// Predictive PAI (Chainey, Tompson & Uhlig 2008): cells flagged on one period, scored on the next,
// on worked examples small enough to check by hand.
import { cellArea, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { paiPeriods, predictivePai } from '../../src/analysis/evaluation/predictive-pai';
import { zonedToEpochMs } from '../../src/analysis/time/zoned-time';

const C0 = latLngToCell(32.94, 117.23, 9);

describe('predictivePai', () => {
  it('flags the busiest cell on period A and scores it on period B (3 cells)', () => {
    // Period A: 5, 1, 0 → the busiest cell is c0. Period B: 1, 3, 2 (N = 6).
    // n = 1 (c0's count in B), N = 6; a = area(c0), A = the three cells' area (≈ a/A = 1/3):
    // PAI = (1/6) ÷ (1/3) = 0.5. Scored on A's own counts it would be (5/6) ÷ (1/3) = 2.5.
    const cells = gridDisk(C0, 1).slice(0, 3).sort();
    const A = cells.reduce((s, c) => s + cellArea(c, 'm2'), 0);
    const r = predictivePai({ cells, previous: [5, 1, 0], current: [1, 3, 2], studyAreaM2: A, topK: 1, giK: 1, fixedArea: true });
    expect(r.top.flaggedCells).toBe(1);
    expect(r.top.caught).toBe(1);
    expect(r.top.total).toBe(6);
    expect(r.top.hitRate).toBeCloseTo(1 / 6, 12);
    expect(r.top.pai).toBeCloseTo(1 / 6 / (cellArea(cells[0], 'm2') / A), 12);
    expect(r.top.pai).toBeCloseTo(0.5, 2);
    // Three cells cannot make a significant Gi* cluster.
    expect(r.giHot).toBeNull();
  });

  it('two of three cells flagged on A, half of B in them: PAI ≈ (3/6) ÷ (2/3) = 0.75', () => {
    const cells = gridDisk(C0, 1).slice(0, 3).sort();
    const A = cells.reduce((s, c) => s + cellArea(c, 'm2'), 0);
    const r = predictivePai({ cells, previous: [4, 0, 2], current: [2, 3, 1], studyAreaM2: A, topK: 2, giK: 1, fixedArea: true });
    // Flagged: cells[0] (4) and cells[2] (2); caught in B: 2 + 1 = 3 of 6.
    expect(r.top.caught).toBe(3);
    expect(r.top.pai).toBeCloseTo(0.75, 2);
  });

  it('Gi* hot cells of A scored on an even B give PAI ≈ 1 (no better than chance)', () => {
    const cells = gridDisk(C0, 3).sort(); // 37 cells
    const cluster = new Set(gridDisk(C0, 1));
    const previous = cells.map((c) => (cluster.has(c) ? 10 : 0));
    const current = cells.map(() => 1); // N = 37, one in every cell
    const A = cells.reduce((s, c) => s + cellArea(c, 'm2'), 0);
    const r = predictivePai({ cells, previous, current, studyAreaM2: A, topK: 7, giK: 1, fixedArea: true });
    expect(r.giHot).not.toBeNull();
    expect(r.giHot!.caught).toBe(r.giHot!.flaggedCells); // one per flagged cell
    expect(r.giHot!.pai).toBeCloseTo(1, 2);
    expect(r.top.caught).toBe(7);
    expect(r.top.pai).toBeCloseTo(1, 2);
  });
});

describe('paiPeriods', () => {
  const tz = 'Asia/Shanghai';
  const day = (m: number, d: number) => zonedToEpochMs(tz, 2024, m, d);

  it('a chosen range is scored; the range of equal length before it is chosen on', () => {
    const p = paiPeriods([day(6, 1), day(7, 1)], [day(1, 1), day(12, 1)], tz);
    expect(p).toEqual({ current: [day(6, 1), day(7, 1)], previous: [day(6, 1) - 30 * 86_400_000, day(6, 1)], basis: 'range' });
  });

  it('the whole dataset: its whole local days split in two halves, the later one scored', () => {
    // 2024-01-01 08:00 … 2024-01-10 15:00 local: 10 days → [01-01, 01-06) chosen, [01-06, 01-11) scored.
    const p = paiPeriods(null, [zonedToEpochMs(tz, 2024, 1, 1, 8), zonedToEpochMs(tz, 2024, 1, 10, 15)], tz);
    expect(p).toEqual({ current: [day(1, 6), day(1, 11)], previous: [day(1, 1), day(1, 6)], basis: 'halves' });
    // 11 days: the oldest is dropped, halves of 5.
    const q = paiPeriods(null, [zonedToEpochMs(tz, 2024, 1, 1, 8), zonedToEpochMs(tz, 2024, 1, 11, 15)], tz);
    expect(q).toEqual({ current: [day(1, 7), day(1, 12)], previous: [day(1, 2), day(1, 7)], basis: 'halves' });
  });
});
