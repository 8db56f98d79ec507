import { expose } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateDense, aggregateH3, levelCells } from '../../src/analysis/incidents/aggregate-h3';
import { assignPolygons } from '../../src/analysis/grids/grid-stats';
import { hourOfWeekMask } from '../../src/analysis/time/hour-of-week';
import { comparePeriods } from '../../src/analysis/incidents/period-compare';
import { buildPolygonIndex } from '../../src/analysis/areas/polygon-index';
import { hourWeekMatrix, timeSeries } from '../../src/analysis/time/time-series';
import { concentrationCurve } from '../../src/analysis/evaluation/concentration';
import { giStar } from '../../src/analysis/stats/gi-star';
import { areaM2, paiForCells, paiForPolygons } from '../../src/analysis/evaluation/pai';
import { categoryMask } from '../../src/analysis/incidents/incident-filter';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { latLngToCell } from 'h3-js';
import type { AreaGeometry, CameraCollection, FeatureCollection, LngLat } from '../../src/model';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { createAnalysisClient } from '../../src/worker/analysis-client';
import { spawnNodeCellPool } from '../../src/worker/cell-pool-node';
import { COUNTY_BOX, randomIncidents, T0 } from './analysis-fixtures';

const copy = <T extends { slice(): T }>(a: T) => a.slice();
const copyCols = (c: ReturnType<typeof randomIncidents>) => ({ ...c, lng: c.lng.slice(), lat: c.lat.slice(), timeSec: c.timeSec.slice(), category: c.category.slice() });
const halves = (): FeatureCollection<AreaGeometry, { id: string }> => {
  const b = COUNTY_BOX;
  const mid = (b.west + b.east) / 2;
  const rect = (x0: number, x1: number): LngLat[] => [[x0, b.south], [x1, b.south], [x1, b.north], [x0, b.north], [x0, b.south]];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [rect(b.west, mid)] }, properties: { id: 'w' } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [rect(mid, b.east)] }, properties: { id: 'e' } },
    ],
  };
};

describe('analysis API (in-process)', () => {
  it('with exactOnDemand, counts each incident in the hexagon latLngToCell puts it in, at every resolution', async () => {
    const cols = randomIncidents(20_000, 11);
    const plain = (res: number) => {
      const m = new Map<string, number>();
      for (let i = 0; i < cols.lat.length; i++) {
        const c = latLngToCell(cols.lat[i], cols.lng[i], res);
        m.set(c, (m.get(c) ?? 0) + 1);
      }
      return m;
    };
    const asMap = (cells: string[], counts: ArrayLike<number>) => new Map(cells.map((c, i) => [c, counts[i]] as const).filter(([, n]) => n > 0));
    const exact = createAnalysisApi();
    await exact.loadIncidents(copyCols(cols), { timeZone: 'Asia/Shanghai', exactOnDemand: true });
    const rolledUp = createAnalysisApi();
    await rolledUp.loadIncidents(copyCols(cols), { timeZone: 'Asia/Shanghai' });
    for (const res of [6, 8, 10]) {
      const want = plain(res);
      const cells = exact.levelCells(res);
      expect(asMap(cells, exact.aggregateDense(null, res).counts), `res ${res}`).toEqual(want);
      const agg = exact.aggregate(null, res);
      expect(asMap(agg.cells, agg.counts)).toEqual(want);
      // By H3 parents instead, some incidents land in a neighbouring hexagon (H3 cells do not nest).
      expect(asMap(rolledUp.levelCells(res), rolledUp.aggregateDense(null, res).counts)).not.toEqual(want);
    }
    expect(exact.summary()!.memory.bytesPerIncident).toBeGreaterThan(rolledUp.summary()!.memory.bytesPerIncident);
  });

  it('loads, aggregates, assigns and counts, and says what is missing', async () => {
    const api = createAnalysisApi();
    expect(() => api.aggregate(null, 8)).toThrow(/loadIncidents/);
    const cols = randomIncidents(5_000, 3);
    const summary = await api.loadIncidents(cols, { timeZone: 'Asia/Shanghai' });
    expect(summary.count).toBe(5_000);
    expect(summary.resolutions).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(summary.memory.bytesPerIncident).toBeGreaterThan(25);
    expect(api.summary()).toEqual(summary);
    expect(api.aggregate(null, 8).total).toBe(5_000);
    expect(() => api.countByPolygon('grids', null)).toThrow(/assignPolygons/);
    expect(api.assignPolygons('grids', halves())).toMatchObject({ name: 'grids', polygonCount: 2, outside: 0 });
    const west = cols.lng.filter((x) => x < (COUNTY_BOX.west + COUNTY_BOX.east) / 2).length;
    expect([...api.countByPolygon('grids', null)]).toEqual([west, 5_000 - west]);
    expect(api.polygonCounts('grids', { fromSec: 0, toSec: 1 })).toEqual({ counts: Uint32Array.of(0, 0), outside: 0, total: 0 });
    expect(api.resolutionForZoom(3)).toBe(5);
    expect(api.resolutionForZoom(20)).toBe(11);
    expect(api.dropPolygons('grids')).toBe(true);
    expect(api.dropPolygons('grids')).toBe(false);
  });

  it('warms up without touching its state', async () => {
    const api = createAnalysisApi();
    expect(await api.warmUp()).toBeGreaterThan(0);
    expect(api.summary()).toBeNull();
    expect(() => api.levelCells(9)).toThrow(/loadIncidents/);
  });

  it('re-assigns registered polygon sets when new incidents are loaded', async () => {
    const api = createAnalysisApi();
    api.assignPolygons('grids', halves()); // before any incidents: fine
    await api.loadIncidents(randomIncidents(100, 1), { timeZone: 'Asia/Shanghai' });
    expect(api.polygonCounts('grids', null).total).toBe(100);
    await api.loadIncidents(randomIncidents(300, 2), { timeZone: 'Asia/Shanghai' });
    const counts = api.countByPolygon('grids', null);
    expect(counts[0] + counts[1]).toBe(300);
  });
});

describe('analysis client over a MessageChannel (as with the worker)', () => {
  const { port1, port2 } = new MessageChannel();
  expose(createAnalysisApi(), port1);
  const client = createAnalysisClient(port2);
  afterAll(() => {
    client.terminate();
    port1.close();
  });

  it('offers every method of the API', () => {
    for (const name of Object.keys(createAnalysisApi())) expect(typeof (client as unknown as Record<string, unknown>)[name], name).toBe('function');
  });

  it('transfers the incident columns instead of copying them, and returns the same results', async () => {
    const cols = randomIncidents(20_000, 9, { clustered: true });
    const kept = { lng: copy(cols.lng), lat: copy(cols.lat), timeSec: copy(cols.timeSec), category: copy(cols.category) };
    const summary = await client.loadIncidents(cols, { timeZone: 'Asia/Shanghai' });
    expect(summary.count).toBe(20_000);
    expect(cols.lng.byteLength).toBe(0); // detached: moved to the worker side
    expect(cols.category.byteLength).toBe(0);

    const filter = { fromSec: T0 + 50 * 86_400, toSec: T0 + 150 * 86_400, categories: categoryMask([1, 2, 3]) };
    const remote = await client.aggregate(filter, 9);
    const local = aggregateH3(buildIncidentIndex(kept, { timeZone: 'Asia/Shanghai' }), filter, 9);
    expect(remote.counts).toBeInstanceOf(Uint32Array);
    expect(remote).toEqual(local);
  });

  it('counts per polygon and camera stats across the channel', async () => {
    await client.assignPolygons('halves', halves());
    const counts = await client.countByPolygon('halves', null);
    expect(counts).toBeInstanceOf(Uint32Array);
    expect(counts[0] + counts[1]).toBe(20_000);
    const cameras: CameraCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [117.0, 32.9] },
          properties: { id: 'c1', name: '', kind: 'street-bullet', status: 'online', heading: 0, fov: 60, range: 80, townId: 't', installedYear: 2019 },
        },
      ],
    };
    const stats = await client.cameraStats('halves', cameras);
    expect([...stats.total]).toEqual([1, 0]);
    expect(stats.onlineRate[0]).toBe(1);
  });

  it('serves the map, the trend, the week matrix and the comparison, arrays transferred', async () => {
    const cols = randomIncidents(20_000, 9, { clustered: true });
    const index = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });
    const sets = new Map([['halves', assignPolygons(buildPolygonIndex(halves().features), index.cols.lng, index.cols.lat)]]);
    const filter = {
      fromSec: T0 + 50 * 86_400,
      toSec: T0 + 250 * 86_400,
      categories: categoryMask([0, 1, 2, 3, 4]),
      hourOfWeek: hourOfWeekMask([...Array(168).keys()].filter((h) => h % 24 < 8)),
      polygon: { set: 'halves', mask: Uint8Array.of(0, 1) },
    };
    expect(await client.levelCells(9)).toEqual(levelCells(index, 9));
    const dense = await client.aggregateDense(filter, 9);
    expect(dense.counts).toBeInstanceOf(Uint32Array);
    expect(dense).toEqual(aggregateDense(index, filter, 9, sets));
    expect(dense.total).toBeGreaterThan(0);
    const series = await client.timeSeries(filter, 'week');
    expect(series).toEqual(timeSeries(index, filter, 'week', sets));
    expect(await client.hourWeekMatrix(filter)).toEqual(hourWeekMatrix(index, filter, sets));
    const cur: [number, number] = [T0 + 200 * 86_400, T0 + 230 * 86_400];
    const prev: [number, number] = [T0 + 170 * 86_400, T0 + 200 * 86_400];
    expect(await client.comparePeriods(filter, 10, cur, prev)).toEqual(comparePeriods(index, filter, 10, cur, prev, sets));
  });

  it('runs Gi*, concentration and PAI on the filtered counts (thin wrappers)', async () => {
    const cols = randomIncidents(20_000, 9, { clustered: true });
    const index = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });
    const features = halves().features;
    const sets = new Map([['halves', assignPolygons(buildPolygonIndex(features), index.cols.lng, index.cols.lat)]]);
    const filter = { fromSec: T0 + 30 * 86_400, categories: categoryMask([2, 3, 4, 5]) };
    const dense = aggregateDense(index, filter, 9, sets);
    const cells = levelCells(index, 9);
    const gi = await client.hotspots(filter, 9, 1);
    expect(gi.z).toBeInstanceOf(Float64Array);
    expect(gi).toEqual(giStar(cells, dense.counts, { k: 1 }));
    expect(await client.concentration(filter, 9, { maxPoints: 50 })).toEqual(concentrationCurve(dense.counts, { maxPoints: 50 }));
    const county = features.reduce((a, f) => a + areaM2(f.geometry), 0);
    const top = cells.filter((_, c) => dense.counts[c] >= 6);
    expect(top.length).toBeGreaterThan(0);
    expect(await client.paiForCells(filter, 9, top, 'halves')).toEqual(paiForCells(top, { cells, counts: dense.counts }, dense.total, county));
    expect(await client.paiForCells(filter, 9, top, 1e9)).toEqual(paiForCells(top, { cells, counts: dense.counts }, dense.total, 1e9));
    const inside = aggregateDense(index, { ...filter, polygon: { set: 'halves', mask: Uint8Array.of(0, 1) } }, 5, sets).total;
    expect(await client.paiForPolygons(filter, 'halves', 'halves', Uint8Array.of(0, 1))).toEqual(paiForPolygons([features[1].geometry], [inside], dense.total, county));
  });

  it('reports errors from the worker side', async () => {
    await expect(client.countByPolygon('nope', null)).rejects.toThrow(/no polygon set "nope"/);
    await expect(client.aggregateDense({ polygon: { set: 'drawn', mask: Uint8Array.of(1) } }, 9)).rejects.toThrow(/no polygon set "drawn"/);
    await expect(client.levelCells(12)).rejects.toThrow(/not indexed/);
  });
});

describe('analysis API with cell workers', () => {
  const pool = spawnNodeCellPool(1);
  afterAll(() => pool.terminate());

  it('builds large loads on the pool, to the same index and results as one thread', async () => {
    const api = createAnalysisApi({ cellPool: pool, parallelFrom: 30_000 });
    const single = createAnalysisApi({ cellPool: pool });
    const cols = randomIncidents(40_000, 12, { clustered: true });
    const parallel = await api.loadIncidents(cols, { timeZone: 'America/Chicago' });
    expect(parallel.threads).toBe(2);
    const alone = await single.loadIncidents(cols, { timeZone: 'America/Chicago' });
    expect(alone.threads).toBe(1);
    expect({ ...parallel, buildMs: 0, threads: 0 }).toEqual({ ...alone, buildMs: 0, threads: 0 });
    const filter = { fromSec: T0 + 9 * 86_400, hourOfWeek: hourOfWeekMask([1, 2, 50, 100]) };
    expect(api.aggregateDense(filter, 10)).toEqual(single.aggregateDense(filter, 10));
    expect(api.timeSeries(filter, 'day')).toEqual(single.timeSeries(filter, 'day'));
    expect((await api.loadIncidents(randomIncidents(100, 1), { timeZone: 'Asia/Shanghai' })).threads).toBe(1); // small: one thread
  });
});

describe('analysis client', () => {
  it('stays itself when awaited (comlink proxies are thenable)', async () => {
    const { port1, port2 } = new MessageChannel();
    expose(createAnalysisApi(), port1);
    const client = createAnalysisClient(port2);
    const awaited = await Promise.resolve(client);
    expect(awaited).toBe(client);
    expect(typeof awaited.terminate).toBe('function');
    client.terminate();
    port1.close();
  });
});
