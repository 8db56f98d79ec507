// Demo generator: the calendar of the demo (2024-01-01 to 2025-12-31, Asia/Shanghai) and the daily
// intensity of each offence: weekday rhythm, mild seasons, Spring Festival, the 2025 decline, and
// (per location) the course of a listed hotspot. Shanghai time has been UTC+8 without daylight
// saving since 1991, so local ↔ epoch conversion is a fixed offset.
import type { OffenceDef } from './offences';

export const DAYS = 731; // 2024 is a leap year
const OFFSET_MS = 8 * 3600 * 1000;
const START_UTC = Date.UTC(2024, 0, 1);

/** Epoch milliseconds of a local wall-clock time in Asia/Shanghai. */
export function localToEpochMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
}

/** "Today" of the dataset: 2025-12-31 23:59 local. */
export const AS_OF_MS = localToEpochMs(2025, 12, 31, 23, 59);

/** Epoch seconds of local midnight starting day index d (0 = 2024-01-01). */
export function dayStartSec(d: number): number {
  return (START_UTC - OFFSET_MS) / 1000 + d * 86400;
}

/** Day index of an ISO local date "yyyy-mm-dd". */
export function dayIndex(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - START_UTC) / 86400000);
}

/** Local "YYYY-MM-DD HH:mm:ss" of an epoch-seconds instant. */
export function localDateTime(sec: number): string {
  return new Date(sec * 1000 + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** ISO local date of day index d. */
export function isoOfDay(d: number): string {
  return new Date(START_UTC + d * 86400000).toISOString().slice(0, 10);
}

const SPRING_FESTIVAL = [dayIndex('2024-02-10'), dayIndex('2025-01-29')];

/** Multiplier for an offence around Spring Festival (k = days from the festival). */
function festival(o: OffenceDef, d: number): number {
  let f = 1;
  for (const sf of SPRING_FESTIVAL) {
    const k = d - sf;
    if (k < -25 || k > 15) continue;
    if (o.id === 'gambling' && k >= -10 && k <= 10) f *= 3;
    else if (o.id === 'burglary' && k >= -20 && k < 0) f *= 1.35; // homes emptied by travel, cash at hand
    else if (o.id === 'pickpocketing' && k >= -15 && k < 0) f *= 1.4; // New Year shopping crowds
    else if (o.id === 'dispute' && k >= -7 && k <= 10) f *= 1.3; // families together
    else if (o.id === 'fighting' && k >= 0 && k <= 7) f *= 1.25;
    else if (k >= 0 && k <= 6 && o.caseClass !== 'traffic') f *= 0.8; // the town empties
  }
  return f;
}

/** Base daily intensity of an offence across the whole period (before any hotspot effect). */
export function baseDayWeights(o: OffenceDef): Float64Array {
  const w = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const dow = d % 7; // 2024-01-01 was a Monday
    const doy = d < 366 ? d : d - 366;
    const season = 1 + o.season[0] * Math.cos((2 * Math.PI * (doy - o.season[1])) / 365);
    // Flat through 2024, then a steady fall through 2025 (campaigns and rectification take hold).
    const trend = d < 366 ? 1 : 1 + (o.end2025 - 1) * ((d - 366) / (DAYS - 1 - 366));
    w[d] = o.weekday[dow] * season * trend * festival(o, d);
  }
  return w;
}

/** A piecewise-linear multiplier through (iso date, factor) knots, flat beyond the ends. */
export function knotCurve(knots: [string, number][]): Float64Array {
  const pts = knots.map(([iso, f]) => [dayIndex(iso), f] as const);
  const out = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    if (d <= pts[0][0]) out[d] = pts[0][1];
    else if (d >= pts[pts.length - 1][0]) out[d] = pts[pts.length - 1][1];
    else {
      let k = 1;
      while (pts[k][0] < d) k++;
      const [d0, f0] = pts[k - 1];
      const [d1, f1] = pts[k];
      out[d] = f0 + ((f1 - f0) * (d - d0)) / (d1 - d0);
    }
  }
  return out;
}

/** Market-day multiplier: town markets (集) meet every third day; busier then. */
export function marketDays(phase: number): Float64Array {
  const out = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d++) {
    const dom = new Date(START_UTC + d * 86400000).getUTCDate();
    out[d] = dom % 3 === phase ? 2.2 : 0.6;
  }
  return out;
}
