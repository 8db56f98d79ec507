import { cellToParent, getHexagonEdgeLengthAvg, latLngToCell, UNITS } from 'h3-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateH3, type H3Aggregate } from '../../src/analysis/incidents/aggregate-h3';
import { H3_EDGE_M, resolutionForZoom, zoomForResolution } from '../../src/analysis/h3/zoom-resolution';
import { categoryMask, type IncidentFilter } from '../../src/analysis/incidents/incident-filter';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import type { IncidentColumns } from '../../src/model/incident';
import { randomIncidents, T0, YEAR_SEC } from './analysis-fixtures';

/**
 * The plain computation the index must agree with, row by row into a Map: latLngToCell at the
 * target resolution when `exact`, else the H3 parent of the row's fine cell (resolution 11).
 */
function plainCounts(cols: IncidentColumns, filter: IncidentFilter, res: number, exact = false): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < cols.lng.length; i++) {
    const t = cols.timeSec[i];
    if (filter.fromSec !== undefined && t < filter.fromSec) continue;
    if (filter.toSec !== undefined && t >= filter.toSec) continue;
    if (filter.categories && !filter.categories[cols.category[i]]) continue;
    const cell = exact ? latLngToCell(cols.lat[i], cols.lng[i], res) : cellToParent(latLngToCell(cols.lat[i], cols.lng[i], 11), res);
    out.set(cell, (out.get(cell) ?? 0) + 1);
  }
  return out;
}

function asMap(a: H3Aggregate): Map<string, number> {
  expect(a.cells.length).toBe(a.counts.length);
  return new Map(a.cells.map((c, k) => [c, a.counts[k]]));
}

describe('aggregateH3', () => {
  const cols = randomIncidents(3_000, 11, { clustered: true, categories: 6 });
  const index = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });
  const exactIndex = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai', exactResolutions: [5, 7, 10] });

  it('equals latLngToCell per row at the fine resolution, and its parents above', () => {
    expect(asMap(aggregateH3(index, {}, 11))).toEqual(plainCounts(cols, {}, 11, true));
    for (let res = 5; res <= 11; res++) {
      const agg = aggregateH3(index, {}, res);
      expect(agg.resolution).toBe(res);
      expect(asMap(agg)).toEqual(plainCounts(cols, {}, res));
      expect(agg.total).toBe(3_000);
      expect(agg.max).toBe(Math.max(...agg.counts));
      expect(agg.counts.every((c) => c > 0)).toBe(true);
    }
  });

  it('equals the plain computation under random time and category filters (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: T0 - 1000, max: T0 + YEAR_SEC }), { nil: undefined }),
        fc.option(fc.integer({ min: T0, max: T0 + YEAR_SEC + 1000 }), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }), { nil: undefined }),
        fc.integer({ min: 5, max: 11 }),
        fc.boolean(),
        (fromSec, toSec, codes, res, useExact) => {
          const filter: IncidentFilter = { fromSec, toSec, categories: codes ? categoryMask(codes) : null };
          const exact = useExact && [5, 7, 10].includes(res);
          const agg = aggregateH3(useExact ? exactIndex : index, filter, res);
          const plain = plainCounts(cols, filter, res, exact);
          expect(asMap(agg)).toEqual(plain);
          expect(agg.total).toBe([...plain.values()].reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('locates exact resolutions with latLngToCell per row; parents differ for a few % of rows', () => {
    for (const res of [5, 7, 10]) {
      expect(asMap(aggregateH3(exactIndex, {}, res))).toEqual(plainCounts(cols, {}, res, true));
    }
    // H3 does not nest exactly: measure how many rows the parent hexagon misplaces.
    const uniform = randomIncidents(20_000, 4);
    let moved = 0;
    for (let i = 0; i < uniform.lng.length; i++) {
      const fine = latLngToCell(uniform.lat[i], uniform.lng[i], 11);
      if (cellToParent(fine, 7) !== latLngToCell(uniform.lat[i], uniform.lng[i], 7)) moved++;
    }
    expect(moved / 20_000).toBeGreaterThan(0.02);
    expect(moved / 20_000).toBeLessThan(0.12);
    expect(exactIndex.exact.map((e) => e.runOrd.BYTES_PER_ELEMENT)).toEqual([2, 2, 2]);
    // Runs of one cell along the rows: no more than the rows, and at least the cells.
    for (const e of exactIndex.exact) {
      expect(e.runStart[0]).toBe(0);
      expect(e.runStart[e.runOrd.length]).toBe(exactIndex.count);
      expect(e.runOrd.length).toBeGreaterThanOrEqual(e.size);
      expect(e.runOrd.length).toBeLessThanOrEqual(exactIndex.count);
    }
  });

  it('combines filters as an intersection', () => {
    const time: IncidentFilter = { fromSec: T0 + 100 * 86_400, toSec: T0 + 200 * 86_400 };
    const cats: IncidentFilter = { categories: categoryMask([1, 3]) };
    const both = aggregateH3(index, { ...time, ...cats }, 8);
    let expected = 0;
    for (let i = 0; i < cols.lng.length; i++) {
      const t = cols.timeSec[i];
      if (t >= time.fromSec! && t < time.toSec! && (cols.category[i] === 1 || cols.category[i] === 3)) expected++;
    }
    expect(both.total).toBe(expected);
    expect(both.total).toBeLessThan(aggregateH3(index, time, 8).total);
    expect(both.total).toBeLessThan(aggregateH3(index, cats, 8).total);
  });

  it('treats the time window as [from, to)', () => {
    const t = cols.timeSec[0];
    const at = (f: IncidentFilter) => aggregateH3(index, f, 11).total;
    const sameSecond = cols.timeSec.filter((x) => x === t).length;
    expect(at({ fromSec: t, toSec: t + 1 })).toBe(sameSecond);
    expect(at({ fromSec: t, toSec: t })).toBe(0);
  });

  it('returns empty results for filters that keep nothing', () => {
    for (const f of [{ fromSec: T0 + 2 * YEAR_SEC }, { toSec: T0 - 1 }, { categories: new Uint8Array(256) }, { categories: categoryMask([200]) }]) {
      const agg = aggregateH3(index, f, 7);
      expect(agg).toEqual({ resolution: 7, cells: [], counts: new Uint32Array(0), total: 0, max: 0 });
    }
    const none = buildIncidentIndex(randomIncidents(0), { timeZone: 'Asia/Shanghai' });
    expect(aggregateH3(none, null, 9).total).toBe(0);
  });

  it('keeps every category when the mask keeps all 256, and drops codes past a short mask', () => {
    expect(aggregateH3(index, { categories: new Uint8Array(256).fill(1) }, 9).total).toBe(3_000);
    const short = aggregateH3(index, { categories: Uint8Array.of(1, 1) }, 9).total;
    expect(short).toBe(cols.category.filter((c) => c < 2).length);
  });

  it('rejects a resolution that is not indexed', () => {
    expect(() => aggregateH3(index, {}, 12)).toThrow(/not indexed/);
    expect(() => aggregateH3(index, {}, 4)).toThrow(/5, 6, 7, 8, 9, 10, 11/);
  });

  it('rolls up so that parents sum their children', () => {
    const fine = asMap(aggregateH3(index, {}, 11));
    const coarse = asMap(aggregateH3(index, {}, 6));
    const summed = new Map<string, number>();
    for (const [cell, n] of fine) summed.set(cellToParent(cell, 6), (summed.get(cellToParent(cell, 6)) ?? 0) + n);
    expect(coarse).toEqual(summed);
  });
});

describe('resolutionForZoom', () => {
  it('uses the edge lengths h3-js reports', () => {
    H3_EDGE_M.forEach((m, res) => expect(m).toBeCloseTo(getHexagonEdgeLengthAvg(res, UNITS.m), 5));
  });
  it('keeps hexagons about 10–30 px across with maplibre (512 px) tiles', () => {
    expect(resolutionForZoom(9)).toBe(7);
    expect(resolutionForZoom(12)).toBe(9);
    expect(resolutionForZoom(15)).toBe(11);
  });
  it('stays within the default index range (5–11) unless told otherwise', () => {
    expect(resolutionForZoom(0)).toBe(5);
    expect(resolutionForZoom(22)).toBe(11);
    expect(resolutionForZoom(22, { available: [12, 13, 14, 15] })).toBe(15);
  });
  it('matches the classic 256 px tile mapping', () => {
    expect(resolutionForZoom(9, { tileSize: 256 })).toBe(6);
    expect(resolutionForZoom(13, { tileSize: 256 })).toBe(9);
  });
  it('never decreases with zoom and clamps to the available resolutions', () => {
    const available = [5, 6, 7, 8, 9, 10, 11];
    let last = 0;
    for (let z = 0; z <= 22; z += 0.5) {
      const r = resolutionForZoom(z, { available });
      expect(r).toBeGreaterThanOrEqual(last);
      expect(available).toContain(r);
      last = r;
    }
    expect(resolutionForZoom(2, { available })).toBe(5);
    expect(resolutionForZoom(20, { available })).toBe(11);
  });
  it('zoomForResolution is a zoom inside the band that draws the resolution, away from its edges', () => {
    for (const latitude of [33, 41.8]) {
      for (const res of [6, 7, 8, 9, 10]) {
        const z = zoomForResolution(res, { latitude });
        expect(resolutionForZoom(z, { latitude })).toBe(res);
        expect(resolutionForZoom(z - 0.4, { latitude })).toBe(res);
        expect(resolutionForZoom(z + 0.4, { latitude })).toBe(res);
      }
    }
    expect(() => zoomForResolution(12)).toThrow(RangeError);
  });
});
