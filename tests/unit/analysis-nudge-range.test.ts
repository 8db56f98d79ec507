// The trend brush by keyboard: arrows move the range by a bucket, shift-arrows resize it, always
// by whole local days and inside the data.
import { describe, expect, it } from 'vitest';
import { nudgeRange } from '../../src/analysis/time/nudge-range';
import { zonedToEpochMs } from '../../src/analysis/time/zoned-time';

const TZ = 'Asia/Shanghai';
const day = (m: number, d: number, y = 2025) => zonedToEpochMs(TZ, y, m, d);
const BOUNDS: [number, number] = [day(1, 1, 2024), day(1, 1, 2026)];

describe('nudgeRange', () => {
  it('moves June by a day either way, keeping its length', () => {
    const june: [number, number] = [day(6, 1), day(7, 1)];
    expect(nudgeRange(june, 'move', 1, 1, BOUNDS, TZ)).toEqual([day(6, 2), day(7, 2)]);
    expect(nudgeRange(june, 'move', -1, 1, BOUNDS, TZ)).toEqual([day(5, 31), day(6, 30)]);
  });

  it('moves by weeks in the weekly view, and resizes the end with shift', () => {
    const r: [number, number] = [day(3, 3), day(3, 17)];
    expect(nudgeRange(r, 'move', 1, 7, BOUNDS, TZ)).toEqual([day(3, 10), day(3, 24)]);
    expect(nudgeRange(r, 'resize', 1, 7, BOUNDS, TZ)).toEqual([day(3, 3), day(3, 24)]);
    expect(nudgeRange(r, 'resize', -1, 7, BOUNDS, TZ)).toEqual([day(3, 3), day(3, 10)]);
    // Never shorter than one step.
    expect(nudgeRange([day(3, 3), day(3, 10)], 'resize', -1, 7, BOUNDS, TZ)).toEqual([day(3, 3), day(3, 10)]);
  });

  it('stays inside the data at both ends', () => {
    expect(nudgeRange([day(1, 1, 2024), day(1, 8, 2024)], 'move', -1, 1, BOUNDS, TZ)).toEqual([day(1, 1, 2024), day(1, 8, 2024)]);
    expect(nudgeRange([day(12, 25), day(1, 1, 2026)], 'move', 1, 1, BOUNDS, TZ)).toEqual([day(12, 25), day(1, 1, 2026)]);
    expect(nudgeRange([day(12, 25), day(1, 1, 2026)], 'resize', 1, 1, BOUNDS, TZ)).toEqual([day(12, 25), day(1, 1, 2026)]);
  });

  it('starts from the last week of the data when nothing is chosen', () => {
    expect(nudgeRange(null, 'move', 1, 1, BOUNDS, TZ)).toEqual([day(12, 25), day(1, 1, 2026)]);
  });

  it('counts days, not 24-hour spans, across a daylight-saving change', () => {
    const tz = 'America/Chicago';
    const d = (m: number, dd: number) => zonedToEpochMs(tz, 2017, m, dd);
    const r = nudgeRange([d(3, 11), d(3, 12)], 'move', 1, 1, [d(1, 1), d(12, 31)], tz);
    expect(r).toEqual([d(3, 12), d(3, 13)]);
    expect(r[1] - r[0]).toBe(23 * 3_600_000);
  });
});
