import { describe, expect, it } from 'vitest';
import { zonedToEpochMs } from '../../src/analysis/time/zoned-time';
import {
  createDateTimeParser,
  DATE_EMPTY,
  DATE_INVALID,
  DATE_OUT_OF_RANGE,
  DATE_UNPARSEABLE,
  dateErrorReason,
  parseDateTime,
} from '../../src/io/parse-datetime';

/** Epoch seconds of a Beijing wall-clock time (UTC+8, no DST since 1991). */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi, s) / 1000;

describe('parseDateTime', () => {
  it.each([
    ['2024-05-08 14:30', bj(2024, 5, 8, 14, 30)],
    ['2024-05-08 14:30:15', bj(2024, 5, 8, 14, 30, 15)],
    ['2024-05-08T14:30', bj(2024, 5, 8, 14, 30)],
    ['2024-05-08T14:30:15', bj(2024, 5, 8, 14, 30, 15)],
    ['2024-05-08T14:30:15.999', bj(2024, 5, 8, 14, 30, 15)],
    ['2024-5-8 9:05', bj(2024, 5, 8, 9, 5)],
    ['2024-05-08', bj(2024, 5, 8)],
    ['2024/5/8', bj(2024, 5, 8)],
    ['2024/05/08 14:30', bj(2024, 5, 8, 14, 30)],
    ['2024/5/8 8:30:59', bj(2024, 5, 8, 8, 30, 59)],
    ['2024.5.8', bj(2024, 5, 8)],
    ['2024年5月8日', bj(2024, 5, 8)],
    ['2024年5月8日 14时30分', bj(2024, 5, 8, 14, 30)],
    ['2024年5月8日14时30分', bj(2024, 5, 8, 14, 30)],
    ['2024年05月08日 14时30分15秒', bj(2024, 5, 8, 14, 30, 15)],
    ['2024年5月8日 14时', bj(2024, 5, 8, 14)],
    ['2024年5月8日 14点30分', bj(2024, 5, 8, 14, 30)],
    ['2024年5月8号 14:30', bj(2024, 5, 8, 14, 30)],
    ['2024年5月8日\u300014:30', bj(2024, 5, 8, 14, 30)],
    ['  2024-05-08 14:30  ', bj(2024, 5, 8, 14, 30)],
    ['20240508', bj(2024, 5, 8)],
    ['202405081430', bj(2024, 5, 8, 14, 30)],
    ['20240508143015', bj(2024, 5, 8, 14, 30, 15)],
  ])('reads %j as Beijing time', (text, want) => {
    expect(parseDateTime(text)).toBe(want);
  });

  it.each([
    ['2024-05-08T14:30:00Z', Date.UTC(2024, 4, 8, 14, 30) / 1000],
    ['2024-05-08T14:30:00+08:00', bj(2024, 5, 8, 14, 30)],
    ['2024-05-08T14:30:00+0800', bj(2024, 5, 8, 14, 30)],
    ['2024-05-08T14:30+08', bj(2024, 5, 8, 14, 30)],
    ['2024-05-08T14:30:00-05:30', Date.UTC(2024, 4, 8, 20, 0) / 1000],
    ['2024-05-08 14:30:00.5 +08:00', bj(2024, 5, 8, 14, 30)],
  ])('honours the offset of %j in any zone', (text, want) => {
    expect(parseDateTime(text, 'America/Chicago')).toBe(want);
    expect(parseDateTime(text, 'Asia/Shanghai')).toBe(want);
  });

  it('reads Excel serial day numbers (1900 system) as local wall-clock time', () => {
    expect(parseDateTime('45420')).toBe(bj(2024, 5, 8));
    expect(parseDateTime('45420.5')).toBe(bj(2024, 5, 8, 12));
    // 14:30 is 0.6041666…; Excel writes it with 10–15 digits; rounding to the second absorbs that.
    expect(parseDateTime('45420.6041666667')).toBe(bj(2024, 5, 8, 14, 30));
    expect(parseDateTime('45420.604166666664')).toBe(bj(2024, 5, 8, 14, 30));
    expect(parseDateTime('43101', 'America/Chicago')).toBe(Date.UTC(2018, 0, 1, 6) / 1000);
  });

  it('reads times without an offset in the given zone, through DST', () => {
    expect(parseDateTime('2017-07-01T12:00:00', 'America/Chicago')).toBe(Date.UTC(2017, 6, 1, 17) / 1000);
    expect(parseDateTime('2017-01-01T12:00:00', 'America/Chicago')).toBe(Date.UTC(2017, 0, 1, 18) / 1000);
    expect(parseDateTime('2024-05-08 14:30', 'UTC')).toBe(Date.UTC(2024, 4, 8, 14, 30) / 1000);
  });

  it('agrees with zonedToEpochMs minute by minute over DST change days', () => {
    const days: [string, number, number, number][] = [
      ['America/Chicago', 2017, 3, 12],
      ['America/Chicago', 2017, 11, 5],
      ['Europe/London', 2024, 3, 31],
      ['Europe/London', 2024, 10, 27],
      ['Australia/Lord_Howe', 2024, 4, 7],
      ['Asia/Shanghai', 1991, 4, 14],
    ];
    for (const [tz, y, mo, d] of days) {
      const p = createDateTimeParser(tz);
      for (let m = 0; m < 24 * 60; m += 1) {
        const h = Math.floor(m / 60);
        const text = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:30`;
        expect(p.parse(text), `${tz} ${text}`).toBe(zonedToEpochMs(tz, y, mo, d, h, m % 60, 30) / 1000);
      }
    }
  });

  it('tells unreadable, impossible, out-of-range and empty dates apart', () => {
    const p = createDateTimeParser('Asia/Shanghai');
    for (const t of ['not a date', '5/8/2024', '2024-05', '2024-05-08 14', '2024-05-08 14:30 extra', '24-05-08', '2024/05-08', '2024-05-08T']) {
      expect(p.parse(t), t).toBe(DATE_UNPARSEABLE);
    }
    for (const t of ['2024-02-30', '2023-02-29 10:00', '2024-13-01', '2024年5月32日', '2024-05-08 24:00', '2024-05-08 14:60', '20241301']) {
      expect(p.parse(t), t).toBe(DATE_INVALID);
    }
    expect(p.parse('2024-02-29')).toBe(bj(2024, 2, 29));
    for (const t of ['1969-12-31 23:59', '1970-01-01 07:59:59', '2200-01-01', '20000', '1']) expect(p.parse(t), t).toBe(DATE_OUT_OF_RANGE);
    expect(p.parse('1970-01-01 08:00')).toBe(0);
    expect(p.parse('')).toBe(DATE_EMPTY);
    expect(p.parse('   ')).toBe(DATE_EMPTY);
    expect(parseDateTime('garbage')).toBeNaN();
    expect(dateErrorReason(DATE_INVALID, '2024-02-30')).toBe('invalid date "2024-02-30" (no such day or time)');
    expect(dateErrorReason(DATE_UNPARSEABLE, 'x')).toBe('unparseable date "x"');
  });

  it('parses a slice of a longer text in place', () => {
    const p = createDateTimeParser();
    const line = 'a,2024-05-08 14:30,b';
    expect(p.parse(line, 2, 18)).toBe(bj(2024, 5, 8, 14, 30));
  });

  it('rejects an unknown zone', () => {
    expect(() => createDateTimeParser('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
