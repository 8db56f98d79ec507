// The trend (per local day or week), the hour × weekday matrix and the period comparison: each
// against a plain computation, and their totals against the filtered total they must add up to.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateDense, aggregateH3, levelCells } from '../../src/analysis/incidents/aggregate-h3';
import { assignPolygons } from '../../src/analysis/grids/grid-stats';
import { categoryMask, type IncidentFilter } from '../../src/analysis/incidents/incident-filter';
import { hourOfWeekMask, localDayStartMs } from '../../src/analysis/time/hour-of-week';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { comparePeriods } from '../../src/analysis/incidents/period-compare';
import { buildPolygonIndex } from '../../src/analysis/areas/polygon-index';
import { hourWeekMatrix, timeSeries } from '../../src/analysis/time/time-series';
import { zonedToEpochMs } from '../../src/analysis/time/zoned-time';
import { blocks, intlHourOfWeek, randomIncidents, T0, YEAR_SEC } from './analysis-fixtures';

const DAY = 86_400;

describe.each(['Asia/Shanghai', 'America/Chicago'])('time views in %s', (zone) => {
  const cols = randomIncidents(6_000, 31, { clustered: true, categories: 7 });
  const index = buildIncidentIndex(cols, { timeZone: zone, exactResolutions: [7] });
  const sets = new Map([['blocks', assignPolygons(buildPolygonIndex(blocks()), index.cols.lng, index.cols.lat)]]);
  const how = intlHourOfWeek(index.cols.timeSec, zone); // per index row
  const nights = hourOfWeekMask([...Array(168).keys()].filter((h) => h % 24 >= 19));
  const filter: IncidentFilter = {
    fromSec: T0 + 100 * DAY,
    toSec: T0 + 250 * DAY,
    categories: categoryMask([0, 2, 3, 6]),
    hourOfWeek: nights,
    polygon: { set: 'blocks', mask: Uint8Array.from({ length: 30 }, (_, k) => k % 3) },
  };
  const total = (f: IncidentFilter) => aggregateDense(index, f, 9, sets).total;
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dateOf = (sec: number) => local.format(new Date(sec * 1000));
  const midnightOf = (sec: number) => zonedToEpochMs(zone, ...(dateOf(sec).split('-').map(Number) as [number, number, number]));

  it('the daily trend covers every local day of the data, ignores the time window and adds up', () => {
    const s = timeSeries(index, filter, 'day', sets);
    expect(s.bucket).toBe('day');
    let min = Infinity, max = -Infinity;
    for (const t of cols.timeSec) (min = Math.min(min, t)), (max = Math.max(max, t));
    expect(s.start).toBe(midnightOf(min));
    expect(s.starts.length).toBe(s.counts.length + 1);
    expect(s.starts[s.counts.length - 1]).toBeLessThanOrEqual(max * 1000);
    expect(s.starts[s.counts.length]).toBeGreaterThan(max * 1000);
    const noTime = { ...filter, fromSec: undefined, toSec: undefined };
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(total(noTime));
    // Each day's count is the incidents kept whose local date starts at that bucket.
    const expected = new Uint32Array(s.counts.length);
    const kept = new Set<number>();
    const d = aggregateDense(index, noTime, 11, sets);
    expect(d.total).toBeGreaterThan(0);
    for (let k = 0; k < index.count; k++) {
      const t = index.cols.timeSec[k];
      const ok = filter.categories![index.cols.category[k]] && nights[how[k]] && sets.get('blocks')!.polygon[k] !== 0xffff && filter.polygon!.mask[sets.get('blocks')!.polygon[k]];
      if (!ok) continue;
      kept.add(k);
      const bucket = s.starts.indexOf(midnightOf(t));
      expect(bucket).toBeGreaterThanOrEqual(0);
      expected[bucket]++;
    }
    expect([...s.counts]).toEqual([...expected]);
    expect(kept.size).toBe(total(noTime));
  });

  it('the weekly trend starts on a local Monday midnight and sums the days', () => {
    const days = timeSeries(index, filter, 'day', sets);
    const weeks = timeSeries(index, filter, 'week', sets);
    expect(weeks.bucket).toBe('week');
    expect(new Date(weeks.start + 12 * 3600_000).getUTCDay()).toBe(1); // Monday (noon is safely that date)
    expect(weeks.starts.length).toBe(weeks.counts.length + 1);
    expect(weeks.start).toBeLessThanOrEqual(days.start);
    expect(weeks.start).toBeGreaterThan(days.start - 7 * DAY * 1000);
    for (let w = 0; w < weeks.counts.length; w++) {
      let sum = 0;
      for (let k = 0; k < days.counts.length; k++) if (days.starts[k] >= weeks.starts[w] && days.starts[k] < weeks.starts[w + 1]) sum += days.counts[k];
      expect(weeks.counts[w]).toBe(sum);
    }
    // In a DST zone some weeks are an hour short or long; the starts say so.
    const lengths = new Set(Array.from({ length: weeks.counts.length }, (_, w) => (weeks.starts[w + 1] - weeks.starts[w]) / 3600_000));
    expect([...lengths].sort()).toEqual(zone === 'America/Chicago' ? [167, 168, 169] : [168]);
  });

  it('the hour × weekday matrix ignores the hours picked, keeps the rest, and adds up', () => {
    const m = hourWeekMatrix(index, filter, sets);
    expect(m.length).toBe(168);
    const noHours = { ...filter, hourOfWeek: null };
    expect(m.reduce((a, b) => a + b, 0)).toBe(total(noHours));
    for (const h of [0, 19, 20, 100, 167]) expect(m[h]).toBe(total({ ...noHours, hourOfWeek: hourOfWeekMask([h]) }));
    // The picked hours' share of the matrix is the filtered total.
    let picked = 0;
    for (let h = 0; h < 168; h++) if (nights[h]) picked += m[h];
    expect(picked).toBe(total(filter));
  });

  it('compares two periods in one pass, equal to two dense aggregations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: T0 - DAY, max: T0 + YEAR_SEC }),
        fc.integer({ min: 0, max: 200 * DAY }),
        fc.integer({ min: T0 - DAY, max: T0 + YEAR_SEC }),
        fc.constantFrom(5, 7, 9, 11),
        (a, span, b, res) => {
          const c = comparePeriods(index, filter, res, [a, a + span], [b, b + span], sets);
          const cur = aggregateDense(index, { ...filter, fromSec: a, toSec: a + span }, res, sets);
          const prev = aggregateDense(index, { ...filter, fromSec: b, toSec: b + span }, res, sets);
          expect(c.current).toEqual(cur.counts);
          expect(c.previous).toEqual(prev.counts);
          expect([c.totalCurrent, c.totalPrevious]).toEqual([cur.total, prev.total]);
          expect(c.current.length).toBe(levelCells(index, res).length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('dense counts are the sparse ones with the zeros kept, over the same cells at every level', () => {
    for (const res of [5, 6, 7, 8, 9, 10, 11]) {
      const dense = aggregateDense(index, filter, res, sets);
      const sparse = aggregateH3(index, filter, res, sets);
      const cells = levelCells(index, res);
      expect(cells.length).toBe(res === 7 ? index.exact[0].size : index.levels.find((l) => l.resolution === res)!.size);
      expect(cells.every((c, k) => k === 0 || cells[k - 1] < c)).toBe(true);
      expect(sparse.cells).toEqual(cells.filter((_, c) => dense.counts[c] > 0));
      expect([...sparse.counts]).toEqual([...dense.counts].filter((v) => v > 0));
      expect([sparse.total, sparse.max]).toEqual([dense.total, dense.max]);
    }
    expect(levelCells(index, 9)).toBe(levelCells(index, 9)); // made once
  });

  it('an empty index gives empty views', () => {
    const empty = buildIncidentIndex(randomIncidents(0), { timeZone: zone });
    const s = timeSeries(empty, null, 'week');
    expect(s.counts.length).toBe(0);
    expect(Number.isNaN(s.start)).toBe(true);
    expect(hourWeekMatrix(empty, null).reduce((a, b) => a + b, 0)).toBe(0);
    expect(comparePeriods(empty, null, 9, [0, 1], [1, 2]).current.length).toBe(0);
  });
});

describe('localDayStartMs', () => {
  it('is local midnight in the zone', () => {
    const d = Date.UTC(2025, 2, 9) / 86_400_000;
    expect(localDayStartMs(d, 'America/Chicago')).toBe(Date.UTC(2025, 2, 9, 6));
    expect(localDayStartMs(d + 1, 'America/Chicago')).toBe(Date.UTC(2025, 2, 10, 5));
  });
});
