// One hexagon's profile against a plain computation over every incident: the count the map shows,
// its kinds, its hours and its months — at a parent level and at an exact level.
import { describe, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import { aggregateDense, levelCells } from '../../src/analysis/incidents/aggregate-h3';
import { cellProfile, cellRowRanges } from '../../src/analysis/incidents/cell-profile';
import { categoryMask, type IncidentFilter } from '../../src/analysis/incidents/incident-filter';
import { hourOfWeekMask } from '../../src/analysis/time/hour-of-week';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { intlHourOfWeek, randomIncidents, T0 } from './analysis-fixtures';

const TZ = 'Asia/Shanghai';
const DAY = 86_400;
const cols = randomIncidents(8_000, 5, { clustered: true, categories: 6 });
const filter: IncidentFilter = {
  fromSec: T0 + 60 * DAY,
  toSec: T0 + 400 * DAY,
  categories: categoryMask([0, 1, 4]),
  hourOfWeek: hourOfWeekMask([...Array(168).keys()].filter((h) => h % 24 >= 8)),
};
const how = intlHourOfWeek(cols.timeSec, TZ); // per input row
const monthOf = (sec: number) => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(new Date(sec * 1000)).split('-').map(Number);
  return y * 12 + m - 1;
};

describe.each([
  ['a parent level', [] as number[], (i: number) => cellToParent(latLngToCell(cols.lat[i], cols.lng[i], 11), 8)],
  ['an exact level', [8], (i: number) => latLngToCell(cols.lat[i], cols.lng[i], 8)],
])('cell profile at %s', (_, exactResolutions, cellOf) => {
  const index = buildIncidentIndex(cols, { timeZone: TZ, exactResolutions });
  const dense = aggregateDense(index, filter, 8);
  const cells = levelCells(index, 8);
  // The busiest cell under the filter, and a quiet one.
  const busiest = cells[dense.counts.indexOf(dense.max)];

  it('counts what the hexagon shows, by kind, hour and month, as a plain pass over every incident does', () => {
    const p = cellProfile(index, filter, busiest, 8);
    expect(p.count).toBe(dense.max);
    const byCategory = new Uint32Array(Math.max(...cols.category) + 1) // one entry per code the data holds;
    const byHour = new Uint32Array(168);
    const months = new Map<number, number>();
    for (let i = 0; i < cols.lat.length; i++) {
      if (cellOf(i) !== busiest) continue;
      const t = cols.timeSec[i];
      const kept = filter.categories![cols.category[i]] === 1 && filter.hourOfWeek![how[i]] === 1;
      if (kept) months.set(monthOf(t), (months.get(monthOf(t)) ?? 0) + 1);
      if (kept && t >= filter.fromSec! && t < filter.toSec!) (byCategory[cols.category[i]]++, byHour[how[i]]++);
    }
    expect(p.byCategory).toEqual(byCategory);
    expect(p.byHourOfWeek).toEqual(byHour);
    const got = new Map<number, number>();
    p.months.counts.forEach((n, k) => n > 0 && got.set(p.months.first + k, n));
    expect(got).toEqual(months);
    // Months span the data: 2024-01 to the last incident's month.
    expect(p.months.first).toBe(2024 * 12);
  });

  it('a cell without incidents has an empty profile; row ranges cover each cell once', () => {
    const empty = cellProfile(index, filter, '8831aa0001fffff', 8);
    expect(empty.count).toBe(0);
    expect(empty.months.counts.reduce((a, b) => a + b, 0)).toBe(0);
    let rows = 0;
    for (const c of cells) for (const [s, e] of cellRowRanges(index, 8, c)) rows += e - s;
    expect(rows).toBe(index.count);
  });
});
