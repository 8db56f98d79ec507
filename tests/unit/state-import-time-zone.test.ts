// An incidents import read in the zone chosen in its mapping step makes that zone the dataset's:
// the worker bins hour of week and days in it, and the manifest (which the time axis, 同比/环比,
// presets and deadlines read) says it. Before, Chicago rows were binned in Asia/Shanghai.
import { describe, expect, it } from 'vitest';
import type { MapData } from '../../src/model';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { createImportApi } from '../../src/worker/import-api';
import { applyReplacement, staleResults } from '../../src/state/data-replacement';
import { previousCalendarPeriod } from '../../src/analysis/time/calendar-periods';
import { geojson, manifest } from './demo-helpers';

const m = manifest();
const empty = { type: 'FeatureCollection', features: [] };
const data = { manifest: m, admin: empty, grids: geojson('grids.geojson'), cameras: empty, hotspots: empty, roads: empty, water: empty, buildings: empty, places: empty } as unknown as MapData;

// Three thefts in Chicago, local times: Sunday 1 Jan 2017 00:30 and 23:10, Monday 2 Jan 08:00.
const CSV = 'Latitude,Longitude,Date,Primary Type\n41.88,-87.63,2017-01-01 00:30,THEFT\n41.89,-87.62,2017-01-01 23:10,THEFT\n41.87,-87.64,2017-01-02 08:00,THEFT\n';

async function importChicago(timeZone: string) {
  const api = createImportApi();
  const preview = await api.inspect('chicago.csv', new TextEncoder().encode(CSV), 'incidents');
  const out = await api.run({ kind: 'incidents', mapping: preview.mapping, crs: 'WGS84', timeZone, kinds: m.offenceKinds });
  if (out.kind !== 'incidents') throw new Error('not an incidents import');
  expect(out.accepted).toBe(3);
  return out;
}

describe('the time zone of an incidents import', () => {
  // The worker's API in-process: applyReplacement hands it the columns as it hands them to the worker.
  const client = createAnalysisApi();

  it('becomes the dataset zone: hour of week, days and calendar periods are read in it', async () => {
    expect(m.timeZone).toBe('Asia/Shanghai');
    const out = await importChicago('America/Chicago');
    const { data: next, resolutions } = await applyReplacement(client, data, { incidents: { columns: out.columns, offenceKinds: out.kinds, timeZone: 'America/Chicago' } });
    expect(next.manifest.timeZone).toBe('America/Chicago');
    expect(next.manifest.counts.incidents).toBe(3);
    expect(resolutions?.length).toBeGreaterThan(0);
    // First and last incident: 00:30 and next day 08:00 Chicago (UTC−6).
    expect(next.manifest.timeRange).toEqual([Date.parse('2017-01-01T06:30:00Z'), Date.parse('2017-01-02T14:00:00Z')]);
    // The demo is judged as of its asOf; with the user's incidents in it, as of their last one.
    expect(m.synthetic).toBe(true);
    expect(next.manifest.asOf).toBe(Date.parse('2017-01-02T14:00:00Z'));

    // Hour of week, Monday = 0: Sunday 00h and 23h, Monday 08h — in Shanghai they would be Sunday 14h, Monday 13h, Monday 22h.
    const matrix = client.hourWeekMatrix(null);
    const cells = [...matrix.keys()].filter((i) => matrix[i] > 0);
    expect(cells).toEqual([0 * 24 + 8, 6 * 24 + 0, 6 * 24 + 23]);

    // Daily trend buckets start at Chicago midnight; Sunday holds two, Monday one.
    const series = client.timeSeries(null, 'day');
    expect(series.start).toBe(Date.parse('2017-01-01T06:00:00Z'));
    expect([...series.counts]).toEqual([2, 1]);

    // 环比 of January (Chicago) is December from Chicago midnight — the manifest's zone is what the results read.
    const jan: [number, number] = [Date.parse('2017-01-01T06:00:00Z'), Date.parse('2017-02-01T06:00:00Z')];
    expect(previousCalendarPeriod(jan, next.manifest.timeZone)).toEqual([Date.parse('2016-12-01T06:00:00Z'), Date.parse('2017-01-01T06:00:00Z')]);
  });

  it('keeps the dataset zone when the import names none, and leaves it alone for layers', async () => {
    const out = await importChicago('Asia/Shanghai');
    const { data: next } = await applyReplacement(client, data, { incidents: { columns: out.columns, offenceKinds: out.kinds } });
    expect(next.manifest.timeZone).toBe('Asia/Shanghai');
    const matrix = client.hourWeekMatrix(null);
    expect([...matrix.keys()].filter((i) => matrix[i] > 0)).toEqual([0 * 24 + 8, 6 * 24 + 0, 6 * 24 + 23]);
    const cams = await applyReplacement(client, next, { cameras: { type: 'FeatureCollection', features: [] } as unknown as MapData['cameras'] });
    expect(cams.data.manifest.timeZone).toBe('Asia/Shanghai');
    expect(cams.data.manifest.counts.cameras).toBe(0);
  });

  it('empties the results a replacement makes wrong, before the new map draws', () => {
    expect(staleResults({ incidents: { columns: { lng: new Float64Array(), lat: new Float64Array(), timeSec: new Uint32Array(), category: new Uint8Array() } as never, offenceKinds: [] } })).toContain('hexCounts');
    expect(staleResults({ grids: data.grids })).toEqual(['gridIncidents']);
    expect(staleResults({ hotspots: empty as never })).toEqual(['hotspotIncidents', 'pai']);
    expect(staleResults({ cameras: empty as never })).toEqual([]);
  });
});
