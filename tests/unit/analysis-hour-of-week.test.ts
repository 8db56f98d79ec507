// Local hour of week and local day, computed once per incident from a per-hour offset table, equal
// Intl's reading of every instant — in China (no DST), in Chicago across both DST changes, and in
// zones with half-hour offsets or half-hour DST steps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hourOfWeekMask, localDayStartMs, localTimeColumns, weekdayOfDay, ZoneOffsets } from '../../src/analysis/time/hour-of-week';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { zoneOffsetMs, zonedToEpochMs } from '../../src/analysis/time/zoned-time';
import { intlHourOfWeek, randomIncidents } from './analysis-fixtures';
import { mulberry32 as rng } from '../seeded-random';

/** Days since 1970-01-01 of the local date of each instant, straight from Intl. */
function intlDays(timeSec: Uint32Array, timeZone: string): number[] {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return Array.from(timeSec, (t) => Date.parse(`${f.format(new Date(t * 1000))}T00:00:00Z`) / 86_400_000);
}

/** n instants spread over [from, to) epoch seconds, plus every minute of the given windows. */
function instants(from: number, to: number, n: number, seed: number, windows: Array<[number, number]> = []): Uint32Array {
  const r = rng(seed);
  const out: number[] = Array.from({ length: n }, () => from + Math.floor(r() * (to - from)));
  for (const [a, b] of windows) for (let t = a; t < b; t += 60) out.push(t);
  return Uint32Array.from(out);
}

const sec = (ms: number) => Math.floor(ms / 1000);

describe('local hour of week and day', () => {
  it('reads Asia/Shanghai like Intl; 2024-01-01 00:00 there is Monday hour 0', () => {
    const t = instants(sec(Date.UTC(2023, 0, 1)), sec(Date.UTC(2026, 0, 1)), 20_000, 1);
    const local = localTimeColumns(t, 'Asia/Shanghai');
    expect([...local.hourOfWeek]).toEqual([...intlHourOfWeek(t, 'Asia/Shanghai')]);
    expect([...local.day]).toEqual(intlDays(t, 'Asia/Shanghai'));
    const monday = localTimeColumns(Uint32Array.of(1_704_038_400, 1_704_038_400 + 7 * 86_400 - 1), 'Asia/Shanghai');
    expect([...monday.hourOfWeek]).toEqual([0, 167]);
  });

  it('reads America/Chicago like Intl, minute by minute across both DST changes', () => {
    const spring = sec(Date.UTC(2025, 2, 9, 6)); // 2025-03-09 00:00 CST
    const autumn = sec(Date.UTC(2025, 10, 2, 5)); // 2025-11-02 00:00 CDT
    const t = instants(sec(Date.UTC(2019, 0, 1)), sec(Date.UTC(2027, 0, 1)), 20_000, 2, [
      [spring, spring + 6 * 3600],
      [autumn, autumn + 6 * 3600],
    ]);
    const local = localTimeColumns(t, 'America/Chicago');
    expect([...local.hourOfWeek]).toEqual([...intlHourOfWeek(t, 'America/Chicago')]);
    expect([...local.day]).toEqual(intlDays(t, 'America/Chicago'));
    // Sunday 2025-03-09: 01:59 CST is followed by 03:00 CDT (no hour 2); on 2025-11-02 hour 1 comes twice.
    const sunday = 6 * 24;
    const springHours = localTimeColumns(Uint32Array.from({ length: 4 }, (_, h) => spring + h * 3600), 'America/Chicago').hourOfWeek;
    expect([...springHours]).toEqual([sunday, sunday + 1, sunday + 3, sunday + 4]);
    const autumnHours = localTimeColumns(Uint32Array.from({ length: 4 }, (_, h) => autumn + h * 3600), 'America/Chicago').hourOfWeek;
    expect([...autumnHours]).toEqual([sunday, sunday + 1, sunday + 1, sunday + 2]);
  });

  it('handles half-hour offsets and half-hour DST steps (Kolkata, Adelaide, Lord Howe)', () => {
    for (const zone of ['Asia/Kolkata', 'Australia/Adelaide', 'Australia/Lord_Howe']) {
      const t = instants(sec(Date.UTC(2022, 0, 1)), sec(Date.UTC(2026, 0, 1)), 10_000, 3);
      const local = localTimeColumns(t, zone);
      expect([...local.hourOfWeek], zone).toEqual([...intlHourOfWeek(t, zone)]);
    }
  });

  it('ZoneOffsets equals zoneOffsetMs at any instant (property)', () => {
    const zones = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Shanghai', 'America/Santiago'];
    const from = sec(Date.UTC(2015, 0, 1));
    const to = sec(Date.UTC(2027, 0, 1));
    const tables = new Map(zones.map((z) => [z, new ZoneOffsets(z, from, to)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, t) => {
        expect(tables.get(zone)!.offsetSec(t) * 1000).toBe(zoneOffsetMs(t * 1000, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the first day and day count, and local midnights and weekdays of day numbers', () => {
    const t = Uint32Array.of(sec(Date.UTC(2025, 0, 10, 20)), sec(Date.UTC(2025, 0, 3, 15, 59)), sec(Date.UTC(2025, 0, 3, 16)));
    const local = localTimeColumns(t, 'Asia/Shanghai');
    const jan3 = Date.UTC(2025, 0, 3) / 86_400_000;
    expect(local.firstDay).toBe(jan3); // 2025-01-03 23:59 local
    expect([...local.day]).toEqual([jan3 + 8, jan3, jan3 + 1]); // 01-11 04:00, 01-03 23:59, 01-04 00:00
    expect(local.dayCount).toBe(9);
    expect(weekdayOfDay(jan3)).toBe(4); // a Friday
    expect(localDayStartMs(jan3, 'Asia/Shanghai')).toBe(zonedToEpochMs('Asia/Shanghai', 2025, 1, 3));
    const empty = localTimeColumns(new Uint32Array(0), 'Asia/Shanghai');
    expect([empty.firstDay, empty.dayCount]).toEqual([0, 0]);
    expect(() => localTimeColumns(t, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('is computed once, at build, in the dataset zone', () => {
    const cols = randomIncidents(3_000, 4);
    const china = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });
    const chicago = buildIncidentIndex(cols, { timeZone: 'America/Chicago' });
    expect(china.time.timeZone).toBe('Asia/Shanghai');
    const rowsHow = (zone: string, index: typeof china) => {
      const input = intlHourOfWeek(cols.timeSec, zone);
      return [...index.order].map((i) => input[i]);
    };
    expect([...china.time.hourOfWeek]).toEqual(rowsHow('Asia/Shanghai', china));
    expect([...chicago.time.hourOfWeek]).toEqual(rowsHow('America/Chicago', chicago));
  });

  it('hourOfWeekMask keeps the hours given', () => {
    const m = hourOfWeekMask([0, 23, 167, 168, -1]);
    expect(m.length).toBe(168);
    expect([...m.keys()].filter((h) => m[h])).toEqual([0, 23, 167]);
  });
});
