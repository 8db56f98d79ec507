// Analysis (PURE): local hour of week and local day of every incident, in the dataset's IANA
// zone. Imports only a sibling pure module (Intl through zoned-time); no DOM.
//
// Intl costs microseconds a call, so it is asked only every 12 hours of the data's span, with a
// binary search to the second wherever the offset changed (DST, zone reforms); each incident then
// reads its offset from a per-UTC-hour table: two loads and a compare.
import { zoneOffsetMs, zonedToEpochMs } from './zoned-time';

const HOUR = 3600;
const DAY = 86_400;
const PROBE_STEP = 12 * HOUR;
/** 1970-01-01 was a Thursday: weekday 3 when Monday is 0. */
const EPOCH_WEEKDAY = 3;

/**
 * UTC offsets of one zone over a span of time, per UTC hour. An hour in which the offset changes
 * keeps the second of the change and the offset after it. Assumes at most one change in any 12
 * hours (real zones change months apart; two changes within 12 hours would be missed).
 */
export class ZoneOffsets {
  readonly timeZone: string;
  /** First UTC hour covered (epoch seconds ÷ 3600). */
  readonly firstHour: number;
  /** Per hour: offset (seconds) before the hour's change, after it, and the change's second. */
  readonly before: Int32Array;
  readonly after: Int32Array;
  readonly change: Uint16Array;

  /** Offsets for every instant from fromSec to toSec (epoch seconds, inclusive). */
  constructor(timeZone: string, fromSec: number, toSec: number) {
    zoneOffsetMs(0, timeZone); // a RangeError naming the zone when it is not an IANA zone
    this.timeZone = timeZone;
    this.firstHour = Math.floor(fromSec / HOUR);
    const hours = Math.max(0, Math.floor(toSec / HOUR) - this.firstHour + 1);
    this.before = new Int32Array(hours);
    this.after = new Int32Array(hours);
    this.change = new Uint16Array(hours).fill(HOUR);
    const offsetAt = (sec: number) => Math.round(zoneOffsetMs(sec * 1000, timeZone) / 1000);
    const start = this.firstHour * HOUR;
    const end = (this.firstHour + hours) * HOUR;
    let t = start;
    let off = offsetAt(t);
    while (t < end) {
      const next = Math.min(t + PROBE_STEP, end);
      const offNext = offsetAt(next);
      let fill = next;
      if (offNext !== off) {
        // The first second with the new offset lies in (t, next]: binary search for it.
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (offsetAt(mid) === off) lo = mid;
          else hi = mid;
        }
        fill = hi;
      }
      for (let h = (t - start) / HOUR; h < (fill - start) / HOUR; h++) this.before[h] = this.after[h] = off;
      if (fill < next) {
        const h = Math.floor((fill - start) / HOUR);
        this.change[h] = fill - start - h * HOUR;
        this.after[h] = offNext;
        if (this.change[h] === 0) this.before[h] = offNext;
        for (let k = h + 1; k < (next - start) / HOUR; k++) this.before[k] = this.after[k] = offNext;
      }
      t = next;
      off = offNext;
    }
  }

  /** Offset from UTC in seconds at epoch second `sec` (within the span given). */
  offsetSec(sec: number): number {
    const h = Math.floor(sec / HOUR) - this.firstHour;
    return sec - (h + this.firstHour) * HOUR < this.change[h] ? this.before[h] : this.after[h];
  }
}

/** Hour of week and day of each row, and the day range they span. */
export interface LocalTimeColumns {
  timeZone: string;
  /** Per row: local weekday (0 = Monday … 6 = Sunday) × 24 + local hour (0–23). */
  hourOfWeek: Uint8Array;
  /** Per row: local day number, days since 1970-01-01 in local time (Uint16: to 2149). */
  day: Uint16Array;
  /** Local day number of the earliest incident; 0 if none. */
  firstDay: number;
  /** Local days from the earliest incident's to the latest's, both included; 0 if none. */
  dayCount: number;
}

/**
 * Computes the local hour-of-week and day columns of `timeSec` (epoch seconds) in `timeZone`:
 * one pass for the range, one for the columns; Intl only a few thousand times per decade.
 */
export function localTimeColumns(timeSec: Uint32Array, timeZone: string): LocalTimeColumns {
  const n = timeSec.length;
  const hourOfWeek = new Uint8Array(n);
  const day = new Uint16Array(n);
  const zone = zoneOffsetsFor(timeSec, 0, n, timeZone);
  const { firstDay, dayCount } = fillLocalTime(timeSec, zone, hourOfWeek, day, 0, n);
  return { timeZone, hourOfWeek, day, firstDay, dayCount };
}

/** The offsets of `timeZone` over the time range of rows from…to−1. */
export function zoneOffsetsFor(timeSec: Uint32Array, from: number, to: number, timeZone: string): ZoneOffsets {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const t = timeSec[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return to > from ? new ZoneOffsets(timeZone, min, max) : new ZoneOffsets(timeZone, 0, -1);
}

/**
 * Writes the local hour of week and local day number of rows from…to−1 into hourOfWeek[i − from]
 * and day[i − from]; `zone` must cover their times. Returns the first day and the day count.
 */
export function fillLocalTime(
  timeSec: Uint32Array,
  zone: ZoneOffsets,
  hourOfWeek: Uint8Array,
  day: Uint16Array,
  from: number,
  to: number,
): { firstDay: number; dayCount: number } {
  const { firstHour, before, after, change } = zone;
  let dMin = Infinity;
  let dMax = -Infinity;
  for (let i = from; i < to; i++) {
    const t = timeSec[i];
    const h = Math.floor(t / HOUR) - firstHour;
    const local = t + (t - (h + firstHour) * HOUR < change[h] ? before[h] : after[h]);
    const d = Math.floor(local / DAY);
    if (d < dMin) dMin = d;
    if (d > dMax) dMax = d;
    day[i - from] = d;
    hourOfWeek[i - from] = ((d + EPOCH_WEEKDAY) % 7) * 24 + Math.floor((local - d * DAY) / HOUR);
  }
  return to > from ? { firstDay: dMin, dayCount: dMax - dMin + 1 } : { firstDay: 0, dayCount: 0 };
}

/** Weekday (0 = Monday) of local day number `dayNumber` (days since 1970-01-01 local). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

/**
 * Epoch milliseconds of local midnight starting local day `dayNumber` in `timeZone` (where a
 * DST change skips midnight, the first instant of that day).
 */
export function localDayStartMs(dayNumber: number, timeZone: string): number {
  const d = new Date(dayNumber * DAY * 1000);
  return zonedToEpochMs(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A 168-entry hour-of-week mask keeping the given hours (weekday × 24 + hour, Monday = 0). */
export function hourOfWeekMask(hours: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(168);
  for (const h of hours) if (h >= 0 && h < 168) mask[h] = 1;
  return mask;
}
