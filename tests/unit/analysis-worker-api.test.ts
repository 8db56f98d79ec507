import { expose } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateH3 } from '../../src/analysis/aggregate-h3';
import { categoryMask } from '../../src/analysis/incident-filter';
import { buildIncidentIndex } from '../../src/analysis/incident-index';
import type { AreaGeometry, CameraCollection, FeatureCollection, LngLat } from '../../src/model';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { createAnalysisClient } from '../../src/worker/analysis-client';
import { COUNTY_BOX, randomIncidents, T0 } from './analysis-fixtures';

const copy = <T extends { slice(): T }>(a: T) => a.slice();
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
  it('loads, aggregates, assigns and counts, and says what is missing', () => {
    const api = createAnalysisApi();
    expect(() => api.aggregate(null, 8)).toThrow(/loadIncidents/);
    const cols = randomIncidents(5_000, 3);
    const summary = api.loadIncidents(cols);
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

  it('re-assigns registered polygon sets when new incidents are loaded', () => {
    const api = createAnalysisApi();
    api.assignPolygons('grids', halves()); // before any incidents: fine
    api.loadIncidents(randomIncidents(100, 1));
    expect(api.polygonCounts('grids', null).total).toBe(100);
    api.loadIncidents(randomIncidents(300, 2));
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

  it('transfers the incident columns instead of copying them, and returns the same results', async () => {
    const cols = randomIncidents(20_000, 9, { clustered: true });
    const kept = { lng: copy(cols.lng), lat: copy(cols.lat), timeSec: copy(cols.timeSec), category: copy(cols.category) };
    const summary = await client.loadIncidents(cols);
    expect(summary.count).toBe(20_000);
    expect(cols.lng.byteLength).toBe(0); // detached: moved to the worker side
    expect(cols.category.byteLength).toBe(0);

    const filter = { fromSec: T0 + 50 * 86_400, toSec: T0 + 150 * 86_400, categories: categoryMask([1, 2, 3]) };
    const remote = await client.aggregate(filter, 9);
    const local = aggregateH3(buildIncidentIndex(kept), filter, 9);
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

  it('reports errors from the worker side', async () => {
    await expect(client.countByPolygon('nope', null)).rejects.toThrow(/no polygon set "nope"/);
  });
});
