// Analysis (PURE): what one hexagon holds — the answer to a chief's click on a red cell: how
// many incidents, of which kinds, month by month, and at which hours. Reads only the cell's own
// rows (contiguous runs in the index), so it costs microseconds, not a pass over every incident.
// Imports only sibling pure modules; no DOM.
import { countLevel, indexRows, levelCells } from './aggregate-h3';
import { categoryCodeCount, type IncidentFilter } from './incident-filter';
import type { IncidentIndex } from './incident-index';
import { compileRowFilter, type PolygonSets } from './row-filter';

export interface CellProfile {
  cell: string;
  resolution: number;
  /** Incidents in the cell kept by the whole filter (what the hexagon shows). */
  count: number;
  /** Of those, per category code (1 + the largest code of the dataset's column entries). */
  byCategory: Uint32Array;
  /** Per local hour of week (weekday × 24 + hour, Monday = 0) of those. */
  byHourOfWeek: Uint32Array;
  /**
   * Per local calendar month over the whole dataset, the filter's time window left out (like the
   * trend): counts[k] is month first + k, a month numbered local year × 12 + month − 1.
   */
  months: { first: number; counts: Uint32Array };
}

/** Row ranges [start, end) of the index that lie in `cell`; empty when no incident does. */
export function cellRowRanges(index: IncidentIndex, resolution: number, cell: string): Array<[number, number]> {
  const cells = levelCells(index, resolution);
  const ord = sortedIndexOf(cells, cell);
  if (ord < 0) return [];
  const l = countLevel(index, resolution);
  if (l.kind === 'level') return [[l.level.rowStart[ord], l.level.rowStart[ord + 1]]];
  const { runStart, runOrd } = l.level;
  const ranges: Array<[number, number]> = [];
  for (let r = 0; r < runOrd.length; r++) if (runOrd[r] === ord) ranges.push([runStart[r], runStart[r + 1]]);
  return ranges;
}

/** The profile of `cell` (an H3 index at one of the index's resolutions) under `filter`. */
export function cellProfile(index: IncidentIndex, filter: IncidentFilter | null | undefined, cell: string, resolution: number, polygons?: PolygonSets): CellProfile {
  const rows = indexRows(index);
  const all = compileRowFilter(rows, filter, polygons);
  const untimed = compileRowFilter(rows, filter, polygons, { ignoreTime: true });
  const { firstDay, dayCount, day, hourOfWeek } = index.time;
  const monthOf = (d: number) => {
    const date = new Date(d * 86_400_000); // a local day number's UTC fields are its local date
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const firstMonth = dayCount > 0 ? monthOf(firstDay) : 0;
  const months = new Uint32Array(dayCount > 0 ? monthOf(firstDay + dayCount - 1) - firstMonth + 1 : 0);
  const monthOfDay = new Uint16Array(dayCount);
  for (let d = 0; d < dayCount; d++) monthOfDay[d] = monthOf(firstDay + d) - firstMonth;
  const byCategory = new Uint32Array(categoryCodeCount(index.cols.category));
  const byHourOfWeek = new Uint32Array(168);
  const time = index.cols.timeSec;
  const category = index.cols.category;
  let count = 0;
  for (const [start, end] of cellRowRanges(index, resolution, cell)) {
    for (let i = start; i < end; i++) {
      if (!all.none && ((time[i] - all.from) >>> 0) < all.span && all.lut[all.src[i]]) {
        count++;
        byCategory[category[i]]++;
        byHourOfWeek[hourOfWeek[i]]++;
      }
      if (!untimed.none && untimed.lut[untimed.src[i]]) months[monthOfDay[day[i] - firstDay]]++;
    }
  }
  return { cell, resolution, count, byCategory, byHourOfWeek, months: { first: firstMonth, counts: months } };
}

/** Position of `x` in the ascending `sorted`, or −1. H3 strings of one resolution sort as their numbers. */
function sortedIndexOf(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return mid;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
