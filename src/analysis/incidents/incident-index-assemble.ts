// Analysis (PURE): puts the incident index together from located cells — rows sorted by fine cell,
// the coarser H3 levels and the exact levels. Imports only model types and sibling pure modules.
import type { IncidentColumns } from '../../model/incident';
import type { LocatedCells } from '../h3/cell-locator';
import { h3ParentHi, h3ParentLo } from '../h3/h3-bits';
import { localTimeColumns } from '../time/hour-of-week';
import type { ExactLevel, H3Level, IncidentIndex, IndexPlan, InputLocalTime } from './incident-index-types';
import { sortSplitLongs } from '../h3/split-long-sort';

/**
 * Puts an index together from located cells (fine, and one per exact resolution in plan order)
 * and, if already computed, the local time of every input row: sorts the distinct fine cells by
 * H3 index, moves every row to its place in one scatter pass (sequential reads, so a million rows
 * take ~60 ms where a gather takes three times that) and derives the coarser levels.
 */
export function assembleIndex(
  cols: IncidentColumns,
  plan: IndexPlan,
  fine: LocatedCells,
  exact: readonly LocatedCells[],
  inputTime?: InputLocalTime,
): IncidentIndex {
  const n = plan.count;
  if (fine.ord.length !== n) throw new RangeError(`located ${fine.ord.length} cells for ${n} incidents`);
  const local = inputTime ?? localTimeColumns(cols.timeSec, plan.timeZone);
  const fineOrder = sortSplitLongs(fine.hi, fine.lo);
  const size = fineOrder.length;
  const rank = new Uint32Array(size);
  for (let k = 0; k < size; k++) rank[fineOrder[k]] = k;
  const fineHi = new Uint32Array(size);
  const fineLo = new Uint32Array(size);
  for (let k = 0; k < size; k++) (fineHi[k] = fine.hi[fineOrder[k]]), (fineLo[k] = fine.lo[fineOrder[k]]);

  // Counting sort of the rows by fine cell (stable: input order within a cell).
  const rowStart = new Uint32Array(size + 1);
  const ord = fine.ord;
  for (let i = 0; i < n; i++) rowStart[rank[ord[i]] + 1]++;
  for (let c = 0; c < size; c++) rowStart[c + 1] += rowStart[c];
  const next = rowStart.slice(0, size);
  const order = new Uint32Array(n);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const timeSec = new Uint32Array(n);
  const category = new Uint16Array(n);
  const hourOfWeek = new Uint8Array(n);
  const day = new Uint16Array(n);
  const { lng: x, lat: y, timeSec: t, category: k } = cols;
  const { hourOfWeek: h, day: d } = local;
  let minSec = n > 0 ? Infinity : 0;
  let maxSec = n > 0 ? -Infinity : 0;
  for (let i = 0; i < n; i++) {
    const p = next[rank[ord[i]]]++;
    const ti = t[i];
    order[p] = i;
    lng[p] = x[i];
    lat[p] = y[i];
    timeSec[p] = ti;
    category[p] = k[i];
    hourOfWeek[p] = h[i];
    day[p] = d[i];
    if (ti < minSec) minSec = ti;
    if (ti > maxSec) maxSec = ti;
  }
  return {
    count: n,
    cols: { lng, lat, timeSec, category },
    order,
    fineResolution: plan.fineResolution,
    fineHi,
    fineLo,
    levels: coarserLevels(fineHi, fineLo, rowStart, plan.fineResolution, plan.coarsestResolution),
    exact: exact.map((located, e) => exactLevel(plan.exactResolutions[e], located, order)),
    time: { timeZone: plan.timeZone, hourOfWeek, day, firstDay: local.firstDay, dayCount: local.dayCount },
    minSec,
    maxSec,
  };
}

/** The fine level and every coarser one down to `coarsest`, each derived from the next finer. */
function coarserLevels(fineHi: Uint32Array, fineLo: Uint32Array, rowStart: Uint32Array, fineRes: number, coarsest: number): H3Level[] {
  const size = fineHi.length;
  const levels: H3Level[] = [{ resolution: fineRes, size, rowStart }];
  // First fine cell of each cell of the finer level (a cell's H3 parent is its first child's).
  let reps = new Uint32Array(size + 1);
  for (let c = 0; c <= size; c++) reps[c] = c;
  for (let res = fineRes - 1; res >= coarsest; res--) {
    const finer = reps.length - 1;
    const starts = new Uint32Array(finer + 1);
    let count = 0;
    let lastHi = -1;
    let lastLo = -1;
    for (let c = 0; c < finer; c++) {
      const f = reps[c];
      const hi = h3ParentHi(fineHi[f], res);
      const lo = h3ParentLo(fineLo[f], res);
      if (hi !== lastHi || lo !== lastLo) {
        starts[count++] = f;
        lastHi = hi;
        lastLo = lo;
      }
    }
    starts[count] = size;
    reps = starts.slice(0, count + 1);
    const rows = new Uint32Array(count + 1);
    for (let c = 0; c <= count; c++) rows[c] = rowStart[reps[c]];
    levels.push({ resolution: res, size: count, rowStart: rows });
  }
  return levels.reverse();
}

/** An exact level from cells located per input row; `order[k]` is the input row of index row k. */
export function exactLevel(resolution: number, located: LocatedCells, order: Uint32Array): ExactLevel {
  const perm = sortSplitLongs(located.hi, located.lo);
  const size = perm.length;
  const rank = new Uint32Array(size);
  for (let k = 0; k < size; k++) rank[perm[k]] = k;
  const n = order.length;
  let runs = 0;
  for (let k = 0, prev = -1; k < n; k++) {
    const c = rank[located.ord[order[k]]];
    if (c !== prev) (runs++, (prev = c));
  }
  const runStart = new Uint32Array(runs + 1);
  const runOrd = size <= 0x10000 ? new Uint16Array(runs) : new Uint32Array(runs);
  for (let k = 0, r = -1, prev = -1; k < n; k++) {
    const c = rank[located.ord[order[k]]];
    if (c !== prev) ((runStart[++r] = k), (runOrd[r] = c), (prev = c));
  }
  runStart[runs] = n;
  const hi = new Uint32Array(size);
  const lo = new Uint32Array(size);
  for (let k = 0; k < size; k++) (hi[k] = located.hi[perm[k]]), (lo[k] = located.lo[perm[k]]);
  return { resolution, size, runStart, runOrd, hi, lo };
}
