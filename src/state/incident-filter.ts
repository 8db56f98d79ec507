// State: turns the filter panel's choices into the worker's filter (epoch seconds, masks), and
// names the periods a briefing compares: the previous period (环比) and last year's (同比).
import type { DatasetManifest, GridCollection, AdminCollection } from '../model';
import type { FilterState } from './filters';
import { zonedToEpochMs, zoneOffsetMs } from '../analysis/time/zoned-time';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';

const DAY_MS = 86_400_000;

export type PeriodPreset = 'all' | 'y2025' | 'y2024' | 'last90' | 'last30';
export const PERIOD_PRESETS: PeriodPreset[] = ['all', 'y2025', 'y2024', 'last90', 'last30'];

/** [from, to) in epoch ms for a preset, in the dataset's zone; null for the whole dataset. */
export function presetRange(preset: PeriodPreset, manifest: DatasetManifest): [number, number] | null {
  const tz = manifest.timeZone;
  const endOfAsOfDay = localMidnightAfter(manifest.asOf, tz);
  switch (preset) {
    case 'all':
      return null;
    case 'y2024':
      return [zonedToEpochMs(tz, 2024, 1, 1), zonedToEpochMs(tz, 2025, 1, 1)];
    case 'y2025':
      return [zonedToEpochMs(tz, 2025, 1, 1), zonedToEpochMs(tz, 2026, 1, 1)];
    case 'last30':
      return [endOfAsOfDay - 30 * DAY_MS, endOfAsOfDay];
    case 'last90':
      return [endOfAsOfDay - 90 * DAY_MS, endOfAsOfDay];
  }
}

/** The preset a range equals, or 'custom' (a brushed range). */
export function presetOf(range: [number, number] | null, manifest: DatasetManifest): PeriodPreset | 'custom' {
  for (const p of PERIOD_PRESETS) {
    const r = presetRange(p, manifest);
    if (r === range || (r && range && r[0] === range[0] && r[1] === range[1])) return p;
  }
  return 'custom';
}

/** [from, to) widened to whole local days: from's midnight to the midnight after to − 1 ms. */
export function wholeDays([from, to]: [number, number], tz: string): [number, number] {
  const d = new Date(from + zoneOffsetMs(from, tz));
  return [zonedToEpochMs(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), localMidnightAfter(to - 1, tz)];
}

function localMidnightAfter(ms: number, tz: string): number {
  const local = new Date(ms + zoneOffsetMs(ms, tz));
  return zonedToEpochMs(tz, local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate() + 1);
}

/** The same local dates one year earlier (同比). */
export function lastYear([from, to]: [number, number], tz: string): [number, number] {
  const shift = (ms: number) => {
    const d = new Date(ms + zoneOffsetMs(ms, tz));
    return zonedToEpochMs(tz, d.getUTCFullYear() - 1, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  };
  return [shift(from), shift(to)];
}

/** The period of equal length just before (环比). */
export function previousPeriod([from, to]: [number, number]): [number, number] {
  return [from - (to - from), from];
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
    categories = new Uint8Array(256);
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
