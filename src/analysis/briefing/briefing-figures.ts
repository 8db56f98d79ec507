// Analysis (PURE): the figures of a situation briefing (形势研判简报) for one period — incidents now,
// against the previous calendar period (环比) and the same dates last year (同比), criminal and
// public-order cases, the busiest cells and grids — each with its countChange verdict, so the
// page never shouts "+100 %" at a change that chance explains. Imports only sibling pure modules.
import type { OffenceKind, CaseClass } from '../../model/incident';
import { comparePeriods } from '../incidents/period-compare';
import { indexRows, levelCells } from '../incidents/aggregate-h3';
import type { IncidentFilter } from '../incidents/incident-filter';
import type { IncidentIndex } from '../incidents/incident-index';
import type { PolygonSets } from '../incidents/row-filter';
import { countByPolygon, type PolygonAssignment } from '../grids/grid-stats';
import { countChange, type CountChange } from '../stats/count-change';
import { previousCalendarPeriod, sameCalendarPeriodLastYear, type TimeRange } from '../time/calendar-periods';

/** The three periods of a briefing, [from, to) epoch ms in the dataset's zone. */
export interface BriefingPeriods {
  current: TimeRange;
  /** 环比: the previous natural period (June → May). */
  previous: TimeRange;
  /** 同比: the same calendar span one year earlier. */
  lastYear: TimeRange;
}

/** The periods a briefing of `current` compares: 环比 and 同比 as the map's comparison reads them. */
export function briefingPeriods(current: TimeRange, timeZone: string): BriefingPeriods {
  return { current, previous: previousCalendarPeriod(current, timeZone), lastYear: sameCalendarPeriodLastYear(current, timeZone) };
}

/** A count with its 环比 and 同比. */
export interface ComparedCount {
  current: number;
  vsPrevious: CountChange;
  vsLastYear: CountChange;
}

/** One row of a top list: the cell (H3) or the grid (index in feature order) and its counts. */
export interface TopRow extends ComparedCount {
  key: string;
}

export interface BriefingFigures {
  /** Incidents of the period under the rest of the filter. */
  incidents: ComparedCount;
  /** Criminal (刑事) and public-order (治安) cases: incidents of the kinds of that case class. */
  criminal: ComparedCount;
  publicOrder: ComparedCount;
  /** Cells of `resolution` with the most incidents this period, most first (ties by H3 index). */
  topCells: TopRow[];
  /** Grids (key = the grid's index in the set) with the most incidents this period. */
  topGrids: TopRow[];
  resolution: number;
}

export interface BriefingInput {
  index: IncidentIndex;
  /** The filter's other parts (kinds, hours, area); its own time window is replaced by the periods. */
  filter: IncidentFilter | null;
  /** The periods in epoch seconds, [from, to). */
  periodsSec: { current: [number, number]; previous: [number, number]; lastYear: [number, number] };
  offenceKinds: readonly OffenceKind[];
  resolution: number;
  /** The grids' assignment (for the top grids) and the polygon sets the filter may name. */
  grids: PolygonAssignment | null;
  polygons?: PolygonSets;
  /** Rows in the top lists. Default 10. */
  top?: number;
}

/** The filter's kind mask narrowed to the kinds of `caseClass`. */
export function classFilter(filter: IncidentFilter | null, kinds: readonly OffenceKind[], caseClass: CaseClass): IncidentFilter {
  const size = kinds.reduce((m, k) => Math.max(m, k.code + 1), filter?.categories?.length ?? 0);
  const categories = new Uint8Array(size);
  for (const k of kinds) {
    if (k.caseClass !== caseClass) continue;
    const kept = !filter?.categories || (filter.categories[k.code] ?? 0) !== 0;
    if (kept) categories[k.code] = 1;
  }
  return { ...filter, categories };
}

const compared = (current: number, previous: number, lastYear: number): ComparedCount => ({
  current,
  vsPrevious: countChange(current, previous),
  vsLastYear: countChange(current, lastYear),
});

/** The busiest `n` of `current` (non-zero only), most first, ties by key. */
function topRows(keys: readonly string[], current: ArrayLike<number>, previous: ArrayLike<number>, lastYear: ArrayLike<number>, n: number): TopRow[] {
  const order: number[] = [];
  for (let i = 0; i < current.length; i++) if (current[i] > 0) order.push(i);
  order.sort((a, b) => current[b] - current[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return order.slice(0, n).map((i) => ({ key: keys[i], ...compared(current[i], previous[i], lastYear[i]) }));
}

/**
 * Every figure of the briefing in a few passes over the rows: two period comparisons for all
 * incidents (they give the cells too), one each for the two case classes, and per grid three
 * counts. Counts are exact (each incident in the cell latLngToCell puts it in when the index has
 * an exact level for `resolution`).
 */
export function briefingFigures(input: BriefingInput): BriefingFigures {
  const { index, filter, periodsSec: p, offenceKinds, resolution, polygons } = input;
  const n = input.top ?? 10;
  const vsPrev = comparePeriods(index, filter, resolution, p.current, p.previous, polygons);
  const vsYear = comparePeriods(index, filter, resolution, p.current, p.lastYear, polygons);
  const byClass = (c: CaseClass) => {
    const f = classFilter(filter, offenceKinds, c);
    const a = comparePeriods(index, f, resolution, p.current, p.previous, polygons);
    const b = comparePeriods(index, f, resolution, p.current, p.lastYear, polygons);
    return compared(a.totalCurrent, a.totalPrevious, b.totalPrevious);
  };
  let topGrids: TopRow[] = [];
  if (input.grids) {
    const rows = indexRows(index);
    const at = ([fromSec, toSec]: [number, number]) => countByPolygon(input.grids!, rows, { ...filter, fromSec, toSec }, polygons).counts;
    const keys = Array.from({ length: input.grids.polygonCount }, (_, k) => String(k));
    topGrids = topRows(keys, at(p.current), at(p.previous), at(p.lastYear), n);
  }
  return {
    incidents: compared(vsPrev.totalCurrent, vsPrev.totalPrevious, vsYear.totalPrevious),
    criminal: byClass('criminal'),
    publicOrder: byClass('public-order'),
    topCells: topRows(levelCells(index, resolution), vsPrev.current, vsPrev.previous, vsYear.previous, n),
    topGrids,
    resolution,
  };
}
