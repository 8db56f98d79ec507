import { describe, expect, it } from 'vitest';
import {
  calendarPresetRange,
  daysInMonth,
  endOfLocalDay,
  isLocalMidnight,
  localMidnight,
  previousCalendarPeriod,
  sameCalendarPeriodLastYear,
  startOfLocalDay,
} from '../../src/analysis/time/calendar-periods';

const SH = 'Asia/Shanghai';
const CHI = 'America/Chicago';
/** Local midnight of a date in Shanghai (UTC+8, no DST). */
const sh = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 8 * 3600_000;
/** ISO dates [first, last] (last inclusive) of a range in a zone, for readable expectations. */
const days = ([from, to]: [number, number], tz: string) => {
  const iso = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  return [iso(from), iso(to - 1)];
};

describe('local midnights', () => {
  it('are exact in Shanghai and roll over months like Date.UTC', () => {
    expect(localMidnight(SH, 2025, 6, 1)).toBe(sh(2025, 6, 1));
    expect(localMidnight(SH, 2025, 13, 1)).toBe(sh(2026, 1, 1));
    expect(localMidnight(SH, 2025, 3, 0)).toBe(sh(2025, 2, 28));
    expect(startOfLocalDay(sh(2025, 6, 1) + 5 * 3600_000, SH)).toBe(sh(2025, 6, 1));
    expect(endOfLocalDay(sh(2025, 6, 1) + 5 * 3600_000, SH)).toBe(sh(2025, 6, 2));
    expect(isLocalMidnight(sh(2025, 6, 1), SH)).toBe(true);
    expect(isLocalMidnight(sh(2025, 6, 1), 'UTC')).toBe(false);
  });
  it('in Chicago, a local day across the spring change is 23 hours', () => {
    // 2025-03-09: clocks go from 02:00 CST to 03:00 CDT.
    expect(localMidnight(CHI, 2025, 3, 9)).toBe(Date.UTC(2025, 2, 9, 6));
    expect(localMidnight(CHI, 2025, 3, 10) - localMidnight(CHI, 2025, 3, 9)).toBe(23 * 3600_000);
  });
  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('presets', () => {
  const now = sh(2025, 6, 16) + 10 * 3600_000; // 2025-06-16 10:00 local
  it('month, quarter and year run to the end of today; last month is whole', () => {
    expect(days(calendarPresetRange('thisMonth', now, SH), SH)).toEqual(['2025-06-01', '2025-06-16']);
    expect(days(calendarPresetRange('lastMonth', now, SH), SH)).toEqual(['2025-05-01', '2025-05-31']);
    expect(days(calendarPresetRange('thisQuarter', now, SH), SH)).toEqual(['2025-04-01', '2025-06-16']);
    expect(days(calendarPresetRange('thisYear', now, SH), SH)).toEqual(['2025-01-01', '2025-06-16']);
  });
  it('the last n days are n whole local days ending with today', () => {
    expect(days(calendarPresetRange('last7', now, SH), SH)).toEqual(['2025-06-10', '2025-06-16']);
    expect(days(calendarPresetRange('last30', now, SH), SH)).toEqual(['2025-05-18', '2025-06-16']);
    expect(days(calendarPresetRange('last90', now, SH), SH)).toEqual(['2025-03-19', '2025-06-16']);
  });
  it('last month in January is December of the year before', () => {
    expect(days(calendarPresetRange('lastMonth', sh(2025, 1, 5), SH), SH)).toEqual(['2024-12-01', '2024-12-31']);
  });
  it('today is the dataset zone\'s, not UTC\'s', () => {
    // 2025-06-30 20:00 UTC is 07-01 04:00 in Shanghai and 06-30 15:00 in Chicago.
    const t = Date.UTC(2025, 5, 30, 20);
    expect(days(calendarPresetRange('thisMonth', t, SH), SH)).toEqual(['2025-07-01', '2025-07-01']);
    expect(days(calendarPresetRange('thisMonth', t, CHI), CHI)).toEqual(['2025-06-01', '2025-06-30']);
  });
});

describe('环比: the previous calendar period', () => {
  const prev = (from: number, to: number, tz = SH) => days(previousCalendarPeriod([from, to], tz), tz);
  it('June 2025 → May 2025', () => {
    expect(previousCalendarPeriod([sh(2025, 6, 1), sh(2025, 7, 1)], SH)).toEqual([sh(2025, 5, 1), sh(2025, 6, 1)]);
  });
  it('March → February (shorter), Q1 → Q4 of the year before, a year → the year before', () => {
    expect(prev(sh(2024, 3, 1), sh(2024, 4, 1))).toEqual(['2024-02-01', '2024-02-29']);
    expect(prev(sh(2025, 1, 1), sh(2025, 4, 1))).toEqual(['2024-10-01', '2024-12-31']);
    expect(prev(sh(2025, 1, 1), sh(2026, 1, 1))).toEqual(['2024-01-01', '2024-12-31']);
  });
  it('a month, quarter or year to date → the same days of the one before', () => {
    expect(prev(sh(2025, 6, 1), sh(2025, 6, 17))).toEqual(['2025-05-01', '2025-05-16']);
    expect(prev(sh(2025, 3, 1), sh(2025, 3, 31))).toEqual(['2025-02-01', '2025-02-28']); // 1–30 March
    expect(prev(sh(2025, 4, 1), sh(2025, 6, 17))).toEqual(['2025-01-01', '2025-03-16']);
    expect(prev(sh(2025, 1, 1), sh(2025, 6, 17))).toEqual(['2024-01-01', '2024-06-16']);
  });
  it('a week-aligned range or any run of whole days → as many days just before', () => {
    // Monday 2025-06-09 … Sunday 06-22 (two weeks).
    expect(prev(sh(2025, 6, 9), sh(2025, 6, 23))).toEqual(['2025-05-26', '2025-06-08']);
    expect(prev(sh(2025, 6, 5), sh(2025, 6, 15))).toEqual(['2025-05-26', '2025-06-04']);
  });
  it('a range not on midnights → the same length just before', () => {
    expect(previousCalendarPeriod([sh(2025, 6, 5) + 3600_000, sh(2025, 6, 5) + 7200_000], SH)).toEqual([sh(2025, 6, 5), sh(2025, 6, 5) + 3600_000]);
  });
  it('in Chicago across DST: March 2025 → February at local midnights; a week spanning the change → the week before', () => {
    const march: [number, number] = [localMidnight(CHI, 2025, 3, 1), localMidnight(CHI, 2025, 4, 1)];
    expect(previousCalendarPeriod(march, CHI)).toEqual([Date.UTC(2025, 1, 1, 6), Date.UTC(2025, 2, 1, 6)]);
    // Monday 03-10 … Sunday 03-16 (CDT) compared with 03-03 … 03-09, whose last day is 23 h.
    const week: [number, number] = [localMidnight(CHI, 2025, 3, 10), localMidnight(CHI, 2025, 3, 17)];
    const before = previousCalendarPeriod(week, CHI);
    expect(before).toEqual([Date.UTC(2025, 2, 3, 6), Date.UTC(2025, 2, 10, 5)]);
    expect(before[1] - before[0]).toBe(7 * 86_400_000 - 3600_000);
  });
});

describe('同比: the same calendar period a year earlier', () => {
  const ly = (from: number, to: number, tz = SH) => days(sameCalendarPeriodLastYear([from, to], tz), tz);
  it('2024-02-01 … 2024-03-01 → 2023-02-01 … 2023-03-01', () => {
    expect(sameCalendarPeriodLastYear([sh(2024, 2, 1), sh(2024, 3, 1)], SH)).toEqual([sh(2023, 2, 1), sh(2023, 3, 1)]);
  });
  it('29 February becomes 28 February; a range ending on it keeps its last whole day', () => {
    expect(ly(sh(2024, 2, 29), sh(2024, 3, 1))).toEqual(['2023-02-28', '2023-02-28']);
    expect(ly(sh(2024, 2, 29), sh(2024, 3, 5))).toEqual(['2023-02-28', '2023-03-04']);
    expect(ly(sh(2024, 2, 1), sh(2024, 2, 29))).toEqual(['2023-02-01', '2023-02-28']);
    expect(ly(sh(2025, 3, 1), sh(2025, 4, 1))).toEqual(['2024-03-01', '2024-03-31']);
  });
  it('keeps the time of day of a range not on midnights', () => {
    const t = sh(2025, 6, 5) + 13.5 * 3600_000;
    expect(sameCalendarPeriodLastYear([t, t + 3600_000], SH)).toEqual([sh(2024, 6, 5) + 13.5 * 3600_000, sh(2024, 6, 5) + 14.5 * 3600_000]);
  });
  it('in Chicago: July (CDT) → July a year before, at local midnights', () => {
    const july: [number, number] = [localMidnight(CHI, 2025, 7, 1), localMidnight(CHI, 2025, 8, 1)];
    expect(sameCalendarPeriodLastYear(july, CHI)).toEqual([Date.UTC(2024, 6, 1, 5), Date.UTC(2024, 7, 1, 5)]);
  });
});
