// Every filter — time, categories, hours of the week, polygons — alone and combined, against a
// plain row-by-row computation over the columns as given (Intl for local time, latLngToCell and
// cellToParent for cells): sparse and dense counts, per-polygon counts.
import { cellToParent, latLngToCell } from 'h3-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateDense, aggregateH3, indexRows, levelCells } from '../../src/analysis/incidents/aggregate-h3';
import { assignPolygons, countByPolygon, type PolygonAssignment } from '../../src/analysis/grids/grid-stats';
import { categoryMask, type IncidentFilter } from '../../src/analysis/incidents/incident-filter';
import { hourOfWeekMask } from '../../src/analysis/time/hour-of-week';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { buildPolygonIndex } from '../../src/analysis/areas/polygon-index';
import { compileRowFilter } from '../../src/analysis/incidents/row-filter';
import type { IncidentColumns } from '../../src/model/incident';
import { blocks, intlHourOfWeek, randomIncidents, T0, YEAR_SEC } from './analysis-fixtures';

const TZ = 'Asia/Shanghai';

/** Whether input row i passes `filter`, given its local hour of week and its polygon. */
function keeps(cols: IncidentColumns, how: Uint8Array, inPolygon: PolygonAssignment, filter: IncidentFilter, i: number): boolean {
  const t = cols.timeSec[i];
  if (filter.fromSec !== undefined && t < filter.fromSec) return false;
  if (filter.toSec !== undefined && t >= filter.toSec) return false;
  if (filter.categories && !filter.categories[cols.category[i]]) return false;
  if (filter.hourOfWeek && !filter.hourOfWeek[how[i]]) return false;
  if (filter.polygon) {
    const k = inPolygon.polygon[i];
    if (k === inPolygon.none || !filter.polygon.mask[k]) return false;
  }
  return true;
}

describe('filters against the plain computation', () => {
  const cols = randomIncidents(8_000, 21, { clustered: true, categories: 9 });
  const index = buildIncidentIndex(cols, { timeZone: TZ, exactResolutions: [8] });
  const polygons = buildPolygonIndex(blocks());
  const sets = new Map([['blocks', assignPolygons(polygons, index.cols.lng, index.cols.lat)]]);
  const inputPolygon = assignPolygons(polygons, cols.lng, cols.lat);
  const how = intlHourOfWeek(cols.timeSec, TZ);
  const fine = Array.from(cols.lng, (x, i) => latLngToCell(cols.lat[i], x, 11));
  const exact8 = Array.from(cols.lng, (x, i) => latLngToCell(cols.lat[i], x, 8));

  const plain = (filter: IncidentFilter, res: number, exact = false) => {
    const out = new Map<string, number>();
    for (let i = 0; i < cols.lng.length; i++) {
      if (!keeps(cols, how, inputPolygon, filter, i)) continue;
      const cell = exact ? exact8[i] : res === 11 ? fine[i] : cellToParent(fine[i], res);
      out.set(cell, (out.get(cell) ?? 0) + 1);
    }
    return out;
  };
  const denseMap = (filter: IncidentFilter, res: number) => {
    const d = aggregateDense(index, filter, res, sets);
    const cells = levelCells(index, res);
    expect(d.counts.length).toBe(cells.length);
    const out = new Map<string, number>();
    d.counts.forEach((v, c) => v > 0 && out.set(cells[c], v));
    return { map: out, total: d.total, max: d.max };
  };

  const weekendNights = hourOfWeekMask([...Array(168).keys()].filter((h) => h >= 5 * 24 || h % 24 >= 20 || h % 24 < 6));
  const someBlocks = Uint8Array.from({ length: 30 }, (_, k) => (k % 4 === 1 ? 1 : 0));
  const cases: Array<[string, IncidentFilter]> = [
    ['nothing', {}],
    ['time', { fromSec: T0 + 40 * 86_400, toSec: T0 + 200 * 86_400 }],
    ['categories', { categories: categoryMask([0, 3, 4, 8]) }],
    ['hours of the week', { hourOfWeek: weekendNights }],
    ['polygons', { polygon: { set: 'blocks', mask: someBlocks } }],
    ['all four', { fromSec: T0 + 40 * 86_400, toSec: T0 + 300 * 86_400, categories: categoryMask([1, 2, 3, 5]), hourOfWeek: weekendNights, polygon: { set: 'blocks', mask: someBlocks } }],
  ];

  it.each(cases)('%s: sparse and dense counts equal the plain ones at every resolution', (_, filter) => {
    for (const res of [5, 7, 9, 11]) {
      const expected = plain(filter, res);
      const sparse = aggregateH3(index, filter, res, sets);
      expect(new Map(sparse.cells.map((c, k) => [c, sparse.counts[k]]))).toEqual(expected);
      const dense = denseMap(filter, res);
      expect(dense.map).toEqual(expected);
      const total = [...expected.values()].reduce((a, b) => a + b, 0);
      expect(dense.total).toBe(total);
      expect(sparse.total).toBe(total);
      expect(dense.max).toBe(Math.max(0, ...expected.values()));
    }
    expect(denseMap(filter, 8).map).toEqual(plain(filter, 8, true)); // the exact level
  });

  it.each(cases)('%s: counts per polygon equal the plain ones', (_, filter) => {
    const expected = new Uint32Array(30);
    let outside = 0;
    for (let i = 0; i < cols.lng.length; i++) {
      if (!keeps(cols, how, inputPolygon, filter, i)) continue;
      const k = inputPolygon.polygon[i];
      if (k === inputPolygon.none) outside++;
      else expected[k]++;
    }
    const got = countByPolygon(sets.get('blocks')!, indexRows(index), filter, sets);
    expect([...got.counts]).toEqual([...expected]);
    expect(got.outside).toBe(outside);
  });

  it('equals the plain computation under random combined filters (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: T0 - 1000, max: T0 + YEAR_SEC }), { nil: undefined }),
        fc.option(fc.integer({ min: T0, max: T0 + YEAR_SEC + 1000 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 167 }), { maxLength: 168 }), { nil: undefined }),
        fc.option(fc.uint8Array({ minLength: 0, maxLength: 32, min: 0, max: 1 }), { nil: undefined }),
        fc.constantFrom(5, 6, 8, 10, 11),
        (fromSec, toSec, codes, hours, mask, res) => {
          const filter: IncidentFilter = {
            fromSec,
            toSec,
            categories: codes ? categoryMask(codes) : null,
            hourOfWeek: hours ? hourOfWeekMask(hours) : null,
            polygon: mask ? { set: 'blocks', mask } : null,
          };
          const expected = res === 8 ? plain(filter, 8, true) : plain(filter, res);
          expect(denseMap(filter, res).map).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says which polygon set is missing, and needs an hour column for hour filters', () => {
    expect(() => aggregateDense(index, { polygon: { set: 'towns', mask: Uint8Array.of(1) } }, 9, sets)).toThrow(/no polygon set "towns".*blocks/);
    expect(() => compileRowFilter({ timeSec: cols.timeSec, category: cols.category }, { hourOfWeek: weekendNights })).toThrow(/hourOfWeek/);
    // An hour mask keeping all 168 hours needs no column: it filters nothing.
    expect(compileRowFilter({ timeSec: cols.timeSec, category: cols.category }, { hourOfWeek: new Uint8Array(168).fill(1) }).all).toBe(true);
  });

  it('keeps nothing with an empty hour or polygon mask, and reuses the folded filter when a brush moves', () => {
    expect(aggregateDense(index, { hourOfWeek: new Uint8Array(168) }, 9, sets).total).toBe(0);
    expect(aggregateDense(index, { polygon: { set: 'blocks', mask: new Uint8Array(30) } }, 9, sets).total).toBe(0);
    const rows = indexRows(index);
    const a = compileRowFilter(rows, { fromSec: T0, hourOfWeek: weekendNights }, sets);
    const b = compileRowFilter(rows, { fromSec: T0 + 86_400, hourOfWeek: hourOfWeekMask([...weekendNights.keys()].filter((h) => weekendNights[h])) }, sets);
    expect(b.src).toBe(a.src);
    expect(b.from).toBe(T0 + 86_400);
  });

  it('survives postMessage: a filter is plain data', () => {
    const filter: IncidentFilter = { fromSec: T0, categories: categoryMask([1]), hourOfWeek: weekendNights, polygon: { set: 'blocks', mask: someBlocks } };
    const copy = structuredClone(filter);
    expect(aggregateDense(index, copy, 9, sets).counts).toEqual(aggregateDense(index, filter, 9, sets).counts);
  });
});
