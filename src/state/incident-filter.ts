// State: turns the filter panel's choices into the worker's filter (epoch seconds, category mask).
import type { DatasetManifest } from '../model';
import type { FilterState } from './filters';
import { zonedToEpochMs } from '../analysis/zoned-time';
import type { IncidentFilter } from '../analysis/incident-filter';

const DAY_MS = 86_400_000;

/** [from, to) in epoch ms for a period preset, in the dataset's zone; null bounds are open. */
export function periodRange(period: FilterState['period'], manifest: DatasetManifest): [number | null, number | null] {
  const tz = manifest.timeZone;
  switch (period) {
    case 'all':
      return [null, null];
    case 'y2024':
      return [zonedToEpochMs(tz, 2024, 1, 1), zonedToEpochMs(tz, 2025, 1, 1)];
    case 'y2025':
      return [zonedToEpochMs(tz, 2025, 1, 1), zonedToEpochMs(tz, 2026, 1, 1)];
    case 'last30':
      return [manifest.asOf - 30 * DAY_MS, manifest.asOf + 1];
    case 'last90':
      return [manifest.asOf - 90 * DAY_MS, manifest.asOf + 1];
  }
}

export function toIncidentFilter(filters: Pick<FilterState, 'period' | 'caseClasses'>, manifest: DatasetManifest): IncidentFilter {
  const [from, to] = periodRange(filters.period, manifest);
  const kinds = manifest.offenceKinds;
  const allClasses = kinds.every((k) => filters.caseClasses.includes(k.caseClass));
  let categories: Uint8Array | null = null;
  if (!allClasses) {
    categories = new Uint8Array(256);
    for (const k of kinds) if (filters.caseClasses.includes(k.caseClass)) categories[k.code] = 1;
  }
  return {
    fromSec: from === null ? undefined : Math.ceil(from / 1000),
    toSec: to === null ? undefined : Math.ceil(to / 1000),
    categories,
  };
}
