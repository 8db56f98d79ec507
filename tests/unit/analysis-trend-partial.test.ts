import { describe, expect, it } from 'vitest';
import { completeMovingAverage, partialBuckets } from '../../src/analysis/time/time-series';
import { localMidnight } from '../../src/analysis/time/calendar-periods';

const DAY = 86_400_000;

describe('partial trend buckets', () => {
  it('marks a week with three days of data at either end, not the whole weeks between', () => {
    // Weeks from Monday 2025-12-01 (Shanghai); the data runs Thursday 12-04 to Wednesday 12-31.
    const tz = 'Asia/Shanghai';
    const starts = Float64Array.from({ length: 6 }, (_, w) => localMidnight(tz, 2025, 12, 1 + 7 * w));
    const covered: [number, number] = [localMidnight(tz, 2025, 12, 4), localMidnight(tz, 2026, 1, 1)];
    expect(Array.from(partialBuckets(starts, covered))).toEqual([1, 0, 0, 0, 1]);
  });
  it('a day still going on is partial; whole days are not', () => {
    const starts = Float64Array.of(0, DAY, 2 * DAY, 3 * DAY);
    expect(Array.from(partialBuckets(starts, [0, 2.5 * DAY]))).toEqual([0, 0, 1]);
    expect(Array.from(partialBuckets(starts, [0, 3 * DAY]))).toEqual([0, 0, 0]);
    expect(partialBuckets(Float64Array.of(0), [0, 1]).length).toBe(0);
  });
  it('follows the zone\'s own day lengths (a 23-hour day in Chicago is whole)', () => {
    const tz = 'America/Chicago';
    const starts = Float64Array.of(localMidnight(tz, 2025, 3, 8), localMidnight(tz, 2025, 3, 9), localMidnight(tz, 2025, 3, 10));
    expect(Array.from(partialBuckets(starts, [starts[0], starts[2]]))).toEqual([0, 0]);
  });
});

describe('moving average of complete buckets', () => {
  it('equals the plain centred mean when nothing is partial', () => {
    const avg = completeMovingAverage([1, 2, 3, 4, 5], null, 3);
    expect(Array.from(avg)).toEqual([1.5, 2, 3, 4, 4.5]);
  });
  it('leaves partial buckets out: a short last week does not pull the trend down', () => {
    const counts = [70, 70, 70, 70, 30]; // the last week has three days of data
    const partial = Uint8Array.of(0, 0, 0, 0, 1);
    const avg = completeMovingAverage(counts, partial, 4);
    expect(Array.from(avg.slice(0, 4))).toEqual([70, 70, 70, 70]);
    expect(avg[4]).toBeNaN();
    // Without the mark the same data reads as a fall.
    expect(completeMovingAverage(counts, null, 4)[3]).toBeLessThan(70);
  });
  it('is NaN where a window holds no complete bucket', () => {
    expect(Array.from(completeMovingAverage([5, 5], Uint8Array.of(1, 1), 3)).every(Number.isNaN)).toBe(true);
  });
});
