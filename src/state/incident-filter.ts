// State: turns the filter panel's choices into the worker's filter (epoch seconds, masks), and
// names the period presets (relative to the dataset's today) and typed date ranges.
import type { DatasetManifest, GridCollection, AdminCollection } from '../model';
import type { FilterState } from './filters';
import { zonedToEpochMs, zoneOffsetMs } from '../analysis/time/zoned-time';
import {
  CALENDAR_PRESETS,
  calendarPresetRange,
  daysInMonth,
  endOfLocalDay,
  localMidnight,
  startOfLocalDay,
  type CalendarPreset,
} from '../analysis/time/calendar-periods';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from './clock';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';

const DAY_MS = 86_400_000;

/** A period preset: a calendar period relative to the dataset's "today", or the whole dataset. */
export type PeriodPreset = 'all' | CalendarPreset;
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['all', ...CALENDAR_PRESETS];

/** Whether `id` names a preset offered today (an id saved by an older version may not). */
export function isPeriodPreset(id: unknown): id is PeriodPreset {
  return typeof id === 'string' && (PERIOD_PRESETS as readonly string[]).includes(id);
}

/**
 * [from, to) in epoch ms for a preset, in the dataset's zone and relative to its "today"
 * (datasetNow: the real clock, or the demo's asOf); null for the whole dataset.
 */
export function presetRange(preset: PeriodPreset, manifest: DatasetManifest, now: number = datasetNow(manifest)): [number, number] | null {
  return preset === 'all' ? null : calendarPresetRange(preset, now, manifest.timeZone);
}

/** The preset a range equals, or 'custom' (brushed or typed). */
export function presetOf(range: [number, number] | null, manifest: DatasetManifest, now: number = datasetNow(manifest)): PeriodPreset | 'custom' {
  for (const p of PERIOD_PRESETS) {
    const r = presetRange(p, manifest, now);
    if (r === range || (r && range && r[0] === range[0] && r[1] === range[1])) return p;
  }
  return 'custom';
}

/**
 * The range of two typed dates (yyyy-mm-dd, as an <input type="date"> gives them): from the first
 * date's local midnight to the midnight after the second, which the user means inclusively.
 * Null when either is not a date or the second comes before the first.
 */
export function rangeOfDates(fromIso: string, toIsoInclusive: string, tz: string): [number, number] | null {
  const a = parseIsoDate(fromIso);
  const b = parseIsoDate(toIsoInclusive);
  if (!a || !b) return null;
  const range: [number, number] = [localMidnight(tz, a[0], a[1], a[2]), localMidnight(tz, b[0], b[1], b[2] + 1)];
  return range[0] < range[1] ? range : null;
}

/** The dates (yyyy-mm-dd) a range shows in the from/to inputs: its first day and its last (inclusive). */
export function datesOfRange([from, to]: [number, number], tz: string): [string, string] {
  return [localIsoDate(from, tz), localIsoDate(to - 1, tz)];
}

function parseIsoDate(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : null;
}

/** [from, to) widened to whole local days: from's midnight to the midnight after to − 1 ms. */
export function wholeDays([from, to]: [number, number], tz: string): [number, number] {
  return [startOfLocalDay(from, tz), endOfLocalDay(to - 1, tz)];
}

/**
 * Consecutive periods splitting [from, to) for the hot-spot trend, oldest first: calendar months
 * in the dataset's zone when the range spans four months or more, else weeks back from `to`. Only
 * whole periods are kept — a half month would look like a fall. At most `max` (the latest).
 */
export function trendPeriods([from, to]: [number, number], tz: string, max = 24): Array<[number, number]> {
  const periods: Array<[number, number]> = [];
  if (to - from >= 120 * DAY_MS) {
    const first = new Date(from + zoneOffsetMs(from, tz));
    let y = first.getUTCFullYear();
    let m = first.getUTCMonth() + 1;
    let start = zonedToEpochMs(tz, y, m, 1);
    if (start < from) start = zonedToEpochMs(tz, y, ++m, 1); // months roll over in Date.UTC
    for (;;) {
      const end = zonedToEpochMs(tz, y, m + 1, 1);
      if (end > to) break;
      periods.push([start, end]);
      start = end;
      m++;
    }
  } else {
    for (let end = to; end - 7 * DAY_MS >= from; end -= 7 * DAY_MS) periods.unshift([end - 7 * DAY_MS, end]);
  }
  return periods.slice(-max);
}

/** The worker's polygon set holding the drawn area (see incident-results). */
export const DRAWN_SET = 'drawn';

export interface FilterContext {
  manifest: DatasetManifest;
  towns: AdminCollection['features'];
  grids: GridCollection;
}

/** The worker filter for the current choices; `timeRange` overrides the chosen range when given. */
export function toIncidentFilter(
  f: Pick<FilterState, 'timeRange' | 'hiddenKinds' | 'hoursOfWeek' | 'townId' | 'gridId' | 'drawnArea'>,
  ctx: FilterContext,
  timeRange: [number, number] | null = f.timeRange,
): IncidentFilter {
  const kinds = ctx.manifest.offenceKinds;
  let categories: Uint8Array | null = null;
  if (kinds.some((k) => f.hiddenKinds.includes(k.id))) {
    categories = new Uint8Array(kinds.reduce((m, k) => Math.max(m, k.code + 1), 0)); // as long as the code list, up to 65,536
    for (const k of kinds) if (!f.hiddenKinds.includes(k.id)) categories[k.code] = 1;
  }
  let hourOfWeek: Uint8Array | undefined;
  if (f.hoursOfWeek.length > 0) {
    hourOfWeek = new Uint8Array(168);
    for (const h of f.hoursOfWeek) hourOfWeek[h] = 1;
  }
  let polygon: IncidentFilter['polygon'];
  if (f.drawnArea) {
    // The drawn polygon is registered with the worker as the one-polygon set DRAWN_SET.
    polygon = { set: DRAWN_SET, mask: Uint8Array.of(1) };
  } else if (f.gridId) {
    const mask = new Uint8Array(ctx.grids.features.length);
    mask[ctx.grids.features.findIndex((g) => g.properties.id === f.gridId)] = 1;
    polygon = { set: 'grids', mask };
  } else if (f.townId) {
    const mask = Uint8Array.from(ctx.towns, (t) => (t.properties.id === f.townId ? 1 : 0));
    polygon = { set: 'towns', mask };
  }
  return {
    fromSec: timeRange ? Math.ceil(timeRange[0] / 1000) : undefined,
    toSec: timeRange ? Math.ceil(timeRange[1] / 1000) : undefined,
    categories,
    hourOfWeek,
    polygon,
  };
}
