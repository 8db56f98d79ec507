// Plan export: GeoJSON and CSV of a camera plan, WGS-84 and GCJ-02.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { planCsv, planFileName, planGeoJson, PLAN_CSV_HEADER } from '../../src/io/plan-export';
import type { CameraPlan, NamedPlace } from '../../src/model/camera-plan';

const place = (town: string, road: string | null): NamedPlace => ({ townId: 't', town, townEn: town, village: '东关社区', villageEn: 'Dongguan', gridId: 'g', grid: '第3网格', gridEn: 'Grid 3', road, roadEn: road, roadDistanceM: road ? 12 : null });
const plan: CameraPlan = {
  id: 'p1',
  name: '方案 1 / k=2',
  createdAt: 0,
  settings: { k: 2, budget: null, kind: 'street-dome', fov: 360, range: 60, newCost: 1, repairCost: null, minSpacingM: 0, hotspotWeight: 1 },
  filterLabel: '全部',
  sites: [
    { rank: 1, id: 'junction:4', source: 'junction', lng: 117.2266851234, lat: 32.93887512, heading: 0, fov: 360, range: 60, cost: 1, incidents: 40, cumulativeIncidents: 40, place: place('城关街道', '人民路, "东段"') },
    { rank: 2, id: 'repair:CAM-1', source: 'repair', lng: 117.23, lat: 32.94, heading: 90, fov: 60, range: 80, cost: 0.5, incidents: 7, cumulativeIncidents: 47, place: place('城关街道', null) },
  ],
  incidentsCurve: [0, 40, 47],
  totalIncidents: 1000,
  coveredBefore: 100,
  resolution: 11,
  addedCells: [],
  computeMs: 900,
};

describe('plan export', () => {
  it('writes GeoJSON Points in rank order with the gains, in WGS-84', () => {
    const fc = JSON.parse(planGeoJson(plan));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.coordinateSystem).toBe('WGS84');
    expect(fc.features.map((f: any) => f.properties.rank)).toEqual([1, 2]);
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [117.2266851, 32.9388751] });
    expect(fc.features[0].properties).toMatchObject({ id: 'junction:4', gain: 40, cumulative: 40, town: '城关街道', road: '人民路, "东段"' });
    expect(fc.features[1].properties).toMatchObject({ source: 'repair', heading: 90, fov: 60, road: null });
  });

  it('shifts to GCJ-02 as gcoord does (a few hundred metres in China)', () => {
    const fc = JSON.parse(planGeoJson(plan, 'GCJ02'));
    const [x, y] = gcoord.transform([117.23, 32.94], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    expect(fc.features[1].geometry.coordinates[0]).toBeCloseTo(x, 6);
    expect(fc.features[1].geometry.coordinates[1]).toBeCloseTo(y, 6);
    expect(Math.abs(x - 117.23)).toBeGreaterThan(0.001);
    expect(fc.coordinateSystem).toBe('GCJ02');
  });

  it('writes CSV with a header, quoting where needed, one row per site', () => {
    const text = planCsv(plan, 'WGS84');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...PLAN_CSV_HEADER]);
    expect(rows.data).toHaveLength(2);
    expect(rows.data[0]).toMatchObject({ rank: '1', lng: '117.2266851', lat: '32.9388751', crs: 'WGS84', gain: '40', road: '人民路, "东段"' });
    expect(rows.data[1]).toMatchObject({ id: 'repair:CAM-1', road: '', cost: '0.5' });
    expect(text.split('\n')[1]).toContain('"人民路, ""东段"""');
    const gcj = Papa.parse<Record<string, string>>(planCsv(plan, 'GCJ02'), { header: true, skipEmptyLines: true });
    expect(gcj.data[0].crs).toBe('GCJ02');
    expect(Number(gcj.data[0].lng)).not.toBeCloseTo(117.2266851, 3);
  });

  it('with a hotspot weight: gain is the weighted gain the order follows, incidents the plain count', () => {
    const weighted: CameraPlan = {
      ...plan,
      settings: { ...plan.settings, hotspotWeight: 2 },
      // Site 1 newly covers 30 incidents, 20 of them in hotspots (30 + 20 = 50); site 2 covers 40, none in hotspots.
      sites: [
        { ...plan.sites[0], incidents: 30, gain: 50, cumulativeIncidents: 30 },
        { ...plan.sites[1], incidents: 40, gain: 40, cumulativeIncidents: 70 },
      ],
    };
    const fc = JSON.parse(planGeoJson(weighted));
    const props = fc.features.map((f: any) => f.properties);
    expect(props.map((p: any) => [p.gain, p.incidents, p.cumulative, p.hotspot_weight])).toEqual([[50, 30, 30, 2], [40, 40, 70, 2]]);
    // The order follows gain: non-increasing along the ranks (incidents alone is not).
    expect(props[0].gain).toBeGreaterThanOrEqual(props[1].gain);
    const rows = Papa.parse<Record<string, string>>(planCsv(weighted), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.gain, r.incidents, r.cumulative, r.hotspot_weight])).toEqual([['50', '30', '30', '2'], ['40', '40', '70', '2']]);
    // A plan saved before the weighted gain was recorded says it does not know it.
    const old = { ...weighted, sites: weighted.sites.map(({ gain: _, ...s }) => s) };
    expect(JSON.parse(planGeoJson(old)).features[0].properties.gain).toBeNull();
    expect(JSON.parse(planGeoJson(plan)).features[0].properties.gain).toBe(40);
  });

  it('names files safely', () => {
    expect(planFileName(plan, 'GCJ02', 'csv')).toBe('方案_1_k=2-GCJ02.csv');
  });
});
