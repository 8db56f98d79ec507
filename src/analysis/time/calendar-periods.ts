// Analysis (PURE): calendar periods in the dataset's IANA zone — the period presets ("this month",
// "last 30 days" …), the previous calendar period (环比) and the same period a year earlier (同比).
// Imports only a sibling pure module (Intl through zoned-time); no DOM.
//
// Every range is [from, to) in epoch milliseconds; calendar boundaries are local midnights in the
// zone given (never the viewer's machine zone), so a day is 23 or 25 hours where DST changes.
import { zonedToEpochMs, zoneOffsetMs } from './zoned-time';

/** [from, to) in epoch milliseconds. */
export type TimeRange = [number, number];

/** A local wall-clock time; month 1–12. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The period presets a filter offers, besides the whole dataset. */
export type CalendarPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'last7' | 'last30' | 'last90';
export const CALENDAR_PRESETS: readonly CalendarPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'last7', 'last30', 'last90'];

/** The local wall-clock time at `ms` (epoch milliseconds) in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const d = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/**
 * Epoch ms of local midnight of year-month-day in `timeZone`. Month and day may overflow or be
 * ≤ 0 (month 13 is January next year, day 0 the last day of the month before), as in Date.UTC.
 */
export function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  return zonedToEpochMs(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Local midnight starting the local day of `ms`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return localMidnight(timeZone, p.year, p.month, p.day);
}

/** Local midnight ending the local day of `ms` (the start of the next local day). */
export function endOfLocalDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return localMidnight(timeZone, p.year, p.month, p.day + 1);
}

/** Whether `ms` is a local midnight in `timeZone`. */
export function isLocalMidnight(ms: number, timeZone: string): boolean {
  const p = localParts(ms, timeZone);
  return p.hour === 0 && p.minute === 0 && p.second === 0 && p.millisecond === 0;
}

/**
 * The range of a preset on the local day of `nowMs` ("today") in `timeZone`. Periods that contain
 * today run to the end of today (month, quarter, year to date); "last n days" are n whole local
 * days ending with today; last month is the whole previous calendar month.
 */
export function calendarPresetRange(preset: CalendarPreset, nowMs: number, timeZone: string): TimeRange {
  const { year: y, month: m, day: d } = localParts(nowMs, timeZone);
  const at = (yy: number, mm: number, dd: number) => localMidnight(timeZone, yy, mm, dd);
  const tomorrow = at(y, m, d + 1);
  switch (preset) {
    case 'thisMonth':
      return [at(y, m, 1), tomorrow];
    case 'lastMonth':
      return [at(y, m - 1, 1), at(y, m, 1)];
    case 'thisQuarter':
      return [at(y, m - ((m - 1) % 3), 1), tomorrow];
    case 'thisYear':
      return [at(y, 1, 1), tomorrow];
    case 'last7':
      return [at(y, m, d - 6), tomorrow];
    case 'last30':
      return [at(y, m, d - 29), tomorrow];
    case 'last90':
      return [at(y, m, d - 89), tomorrow];
  }
}

/**
 * The period compared with `range` for 环比, in `timeZone`:
 * - whole calendar months (a month, a quarter, a year, or any run of n months) → the n months
 *   just before (June → May, Q1 → Q4 of the year before, 2025 → 2024);
 * - a month, quarter or year to date (from its first day, ending inside it) → the same days of
 *   the previous month, quarter or year (1–16 June → 1–16 May; 1–31 March → the whole of February);
 * - other whole local days (a week-aligned range, "last 30 days") → as many local days just before;
 * - anything not on local midnights → the same length just before.
 */
export function previousCalendarPeriod(range: TimeRange, timeZone: string): TimeRange {
  const [from, to] = range;
  if (!isLocalMidnight(from, timeZone) || !isLocalMidnight(to, timeZone)) return [from - (to - from), from];
  const a = localParts(from, timeZone);
  const b = localParts(to, timeZone);
  const at = (y: number, m: number, d: number) => localMidnight(timeZone, y, m, d);
  if (a.day === 1 && b.day === 1) {
    const months = (b.year - a.year) * 12 + (b.month - a.month);
    return [at(a.year, a.month - months, 1), from];
  }
  if (a.day === 1) {
    for (const unit of [1, 3, 12]) {
      if ((a.month - 1) % unit !== 0 || to > at(a.year, a.month + unit, 1)) continue;
      const last = shiftMonthsClamped(addDays(b, -1), -unit);
      return [at(a.year, a.month - unit, 1), Math.min(from, at(last.year, last.month, last.day + 1))];
    }
  }
  const days = Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
  return [at(a.year, a.month, a.day - days), from];
}

/**
 * The same calendar period one year earlier (同比), in `timeZone`: every local date a year back,
 * the time of day kept. 29 February becomes 28 February; a range ending on a local midnight keeps
 * its last whole day, so 1–29 February 2024 → 1–28 February 2023 (ending 1 March).
 */
export function sameCalendarPeriodLastYear(range: TimeRange, timeZone: string): TimeRange {
  const [from, to] = range;
  const back = (p: LocalParts) => {
    const q = shiftMonthsClamped(p, -12);
    return zonedToEpochMs(timeZone, q.year, q.month, q.day, p.hour, p.minute, p.second) + p.millisecond;
  };
  const end = localParts(to, timeZone);
  if (isLocalMidnight(to, timeZone)) {
    const last = shiftMonthsClamped(addDays(end, -1), -12);
    return [back(localParts(from, timeZone)), localMidnight(timeZone, last.year, last.month, last.day + 1)];
  }
  return [back(localParts(from, timeZone)), back(end)];
}

/** Days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local date `n` days from `p` (time of day dropped). */
function addDays(p: LocalParts, n: number): LocalParts {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return { ...p, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `p` moved by `n` months, its day clamped to the target month's length (31 March − 1 → 28/29 February). */
function shiftMonthsClamped(p: LocalParts, n: number): LocalParts {
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { ...p, year, month, day: Math.min(p.day, daysInMonth(year, month)) };
}
