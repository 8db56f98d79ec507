// Analysis (PURE): counts per H3 cell in two periods at once (this period against the previous
// one, or the same dates last year). Imports only sibling pure modules; no DOM.
import { countLevel, indexRows } from './aggregate-h3';
import type { IncidentFilter } from './incident-filter';
import type { IncidentIndex } from './incident-index';
import { compileRowFilter, type PolygonSets } from './row-filter';

/** Dense counts of two periods over the same cells (those of levelCells at the resolution). */
export interface PeriodComparison {
  resolution: number;
  current: Uint32Array;
  previous: Uint32Array;
  totalCurrent: number;
  totalPrevious: number;
}

/**
 * Counts incidents per cell of `resolution` in `current` and in `previous` ([fromSec, toSec),
 * epoch seconds), both under the rest of `filter` (its own time window is replaced). One pass
 * over the rows computes both. Throws a RangeError when `resolution` is not indexed.
 */
export function comparePeriods(
  index: IncidentIndex,
  filter: IncidentFilter | null | undefined,
  resolution: number,
  current: readonly [number, number],
  previous: readonly [number, number],
  polygons?: PolygonSets,
): PeriodComparison {
  const l = countLevel(index, resolution);
  const rest = compileRowFilter(indexRows(index), filter, polygons, { ignoreTime: true });
  const a = compileRowFilter(indexRows(index), { fromSec: current[0], toSec: current[1] });
  const b = compileRowFilter(indexRows(index), { fromSec: previous[0], toSec: previous[1] });
  const size = l.level.size;
  const cur = new Uint32Array(size);
  const prev = new Uint32Array(size);
  const time = index.cols.timeSec;
  const { src, lut } = rest;
  const f1 = a.from, s1 = a.span, f2 = b.from, s2 = b.span;
  if (!rest.none) {
    // A parent level is runs of rows with run c in cell c; an exact level names each run's cell.
    const runStart = l.kind === 'level' ? l.level.rowStart : l.level.runStart;
    const runOrd = l.kind === 'level' ? null : l.level.runOrd;
    const runs = runOrd ? runOrd.length : size;
    let i = runStart[0];
    for (let r = 0; r < runs; r++) {
      const end = runStart[r + 1];
      let x = 0;
      let y = 0;
      for (; i < end; i++) {
        const keep = lut[src[i]];
        const t = time[i];
        x += +(((t - f1) >>> 0) < s1) & keep;
        y += +(((t - f2) >>> 0) < s2) & keep;
      }
      const c = runOrd ? runOrd[r] : r;
      cur[c] += x;
      prev[c] += y;
    }
  }
  let totalCurrent = 0;
  let totalPrevious = 0;
  for (let c = 0; c < size; c++) (totalCurrent += cur[c]), (totalPrevious += prev[c]);
  return { resolution, current: cur, previous: prev, totalCurrent, totalPrevious };
}
