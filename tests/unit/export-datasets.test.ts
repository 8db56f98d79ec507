// Every dataset and result as export features (src/io/export/datasets.ts) and camera plans
// (src/io/plan-export.ts), written as CSV, GeoJSON and XLSX: the demo's grids, cameras and hotspot
// register in full, blind spots as hexagon outlines, Gi* cells, and script- or formula-injection
// names kept as literal text — the CSV defuses formulas with an apostrophe, the XLSX stores them as
// text cells in the Text format, the GeoJSON keeps them as JSON strings.
import { readFileSync } from 'node:fs';
import { read, utils } from '@e965/xlsx';
import Papa from 'papaparse';
import { latLngToCell, gridDisk } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { CameraCollection, GridCollection, HotspotCollection } from '../../src/model';
import type { CameraPlan } from '../../src/model/camera-plan';
import { blindSpotFeatures, cameraFeatures, countCellFeatures, gridFeatures, registerFeatures } from '../../src/io/export/datasets';
import { exportFeatures } from '../../src/io/export/writers';
import { exportPlan, planCsv } from '../../src/io/plan-export';

const demo = <T,>(f: string) => JSON.parse(readFileSync(`data/demo/${f}`, 'utf8')) as T;
const grids = demo<GridCollection>('grids.geojson');
const cameras = demo<CameraCollection>('cameras.geojson');
const hotspots = demo<HotspotCollection>('hotspots.geojson');
const AS_OF = Date.UTC(2025, 11, 31, 15, 59); // the demo's asOf, 2025-12-31 23:59 in Asia/Shanghai
const XSS = '<img src=x onerror=window.__pwned=1>';
const FORMULA = '=HYPERLINK("http://evil.example","点我")';

const csvRows = (bytes: Uint8Array) => Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;
const sheetRows = (bytes: Uint8Array) => {
  const wb = read(bytes, { type: 'array', cellNF: true });
  return { ws: wb.Sheets[wb.SheetNames[0]], rows: utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]]) };
};

describe('export of every dataset', () => {
  it('grids and cameras: every feature, its properties, positions in the chosen datum', () => {
    const g = csvRows(exportFeatures(gridFeatures(grids), 'csv', 'WGS84').bytes);
    expect(g).toHaveLength(grids.features.length);
    expect(g[0]).toMatchObject({ id: grids.features[0].properties.id, officer: grids.features[0].properties.officer });
    const c = csvRows(exportFeatures(cameraFeatures(cameras), 'csv', 'GCJ02').bytes);
    expect(c).toHaveLength(cameras.features.length);
    expect(Object.keys(c[0])).toEqual(['id', 'name', 'kind', 'status', 'heading', 'fov', 'range_m', 'town_id', 'installed_year', 'height_m', 'lon', 'lat']);
    expect(Number(c[0].lon)).not.toBeCloseTo(cameras.features[0].geometry.coordinates[0], 3); // GCJ-02 shifts by hundreds of metres
  });

  it('the hotspot register: state, the overdue status and days, responsible people and the history', () => {
    const f = registerFeatures(hotspots, AS_OF, 'Asia/Shanghai');
    expect(f).toHaveLength(20);
    const overdue = f.filter((x) => x.properties.status === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    for (const o of overdue) expect(o.properties.days_overdue).toBeGreaterThan(0);
    for (const x of f.filter((y) => y.properties.status !== 'overdue')) expect(x.properties.days_overdue).toBe(0);
    const h = hotspots.features[0].properties;
    expect(f[0].properties).toMatchObject({ id: h.id, name: h.name, state: h.state, deadline: h.deadline, first_responsible: h.firstResponsible, direct_responsible: h.directResponsible, events: h.history.length });
    expect(String(f[0].properties.history).split(' | ')).toHaveLength(h.history.length);
    expect(String(f[0].properties.history)).toContain(h.history[0].note);
    const x = sheetRows(exportFeatures(f, 'xlsx', 'WGS84', '重点地区台账').bytes).rows;
    expect(x).toHaveLength(20);
    expect(x[0].first_responsible).toBe(h.firstResponsible);
  });

  it('blind spots: each area’s cells as one MultiPolygon with rank, incidents and place', () => {
    const cells = gridDisk(latLngToCell(32.9389, 117.2267, 11), 1);
    const f = blindSpotFeatures([{ rank: 1, count: 17, cells, centroid: [117.2267, 32.9389], peak: cells[0], place: { town: '城关街道', village: '鼓楼社区', grid: '第1网格', road: '人民路', roadDistanceM: 12.4 } }], 11);
    expect(f[0].geometry.type).toBe('MultiPolygon');
    expect(f[0].properties).toMatchObject({ rank: 1, incidents: 17, cells: 7, town: '城关街道', road: '人民路', road_distance_m: 12 });
    const gj = JSON.parse(new TextDecoder().decode(exportFeatures(f, 'geojson', 'WGS84').bytes));
    expect(gj.features[0].geometry.coordinates[0][0].length).toBeGreaterThan(7); // one outline around 7 cells
  });

  it('aggregated cells leave out empty ones', () => {
    expect(countCellFeatures({ cells: ['882a100d25fffff', '882a100d27fffff'], counts: Uint32Array.of(0, 4) }).map((c) => c.properties.h3)).toEqual(['882a100d27fffff']);
  });
});

describe('names that are scripts or formulas stay literal text in every format', () => {
  const evil: CameraCollection = {
    type: 'FeatureCollection',
    features: [
      { ...cameras.features[0], properties: { ...cameras.features[0].properties, id: FORMULA, name: XSS } },
      { ...cameras.features[1], properties: { ...cameras.features[1].properties, id: '@SUM(1+1)*cmd|"/C calc"!A0', name: '+1-2' } },
    ],
  };
  const features = cameraFeatures(evil);

  it('CSV: a leading apostrophe on formula-looking text, script text as it is', () => {
    const rows = csvRows(exportFeatures(features, 'csv', 'WGS84').bytes);
    expect(rows[0]).toMatchObject({ id: `'${FORMULA}`, name: XSS });
    expect(rows[1]).toMatchObject({ id: `'@SUM(1+1)*cmd|"/C calc"!A0`, name: "'+1-2" });
  });

  it('XLSX: text cells in the Text format, no formula anywhere', () => {
    const { ws, rows } = sheetRows(exportFeatures(features, 'xlsx', 'WGS84').bytes);
    expect(rows[0]).toMatchObject({ id: FORMULA, name: XSS });
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue;
      expect((cell as { f?: string }).f).toBeUndefined();
    }
    expect(ws.A2).toMatchObject({ t: 's', v: FORMULA, z: '@' });
    expect(ws.B3).toMatchObject({ t: 's', v: '+1-2', z: '@' });
  });

  it('GeoJSON: the strings as they are', () => {
    const gj = JSON.parse(new TextDecoder().decode(exportFeatures(features, 'geojson', 'WGS84').bytes));
    expect(gj.features[0].properties).toMatchObject({ id: FORMULA, name: XSS });
  });

  it('camera plans: the planner’s CSV and the menu’s XLSX defuse a road named like a formula', () => {
    const plan: CameraPlan = {
      id: 'p', name: '=方案', createdAt: 0, filterLabel: '', incidentsCurve: [0, 3], totalIncidents: 10, coveredBefore: 1, resolution: 11, addedCells: [], computeMs: 1,
      settings: { k: 1, budget: null, kind: 'street-dome', fov: 360, range: 60, newCost: 1, repairCost: null, minSpacingM: 0, hotspotWeight: 1 },
      sites: [{ rank: 1, id: 'cell:x', source: 'blind-spot', lng: 117.2, lat: 32.9, heading: 0, fov: 360, range: 60, cost: 1, incidents: 3, cumulativeIncidents: 3, place: { townId: null, town: XSS, townEn: null, village: null, villageEn: null, gridId: null, grid: null, gridEn: null, road: FORMULA, roadEn: null, roadDistanceM: null } }],
    };
    expect(csvRows(new TextEncoder().encode(planCsv(plan)))[0]).toMatchObject({ town: XSS, road: `'${FORMULA}` });
    const { ws } = sheetRows(exportPlan(plan, 'xlsx', 'GCJ02').bytes);
    expect(ws.P2).toMatchObject({ t: 's', v: FORMULA, z: '@' });
    expect(JSON.parse(new TextDecoder().decode(exportPlan(plan, 'geojson', 'WGS84').bytes)).features[0].properties.road).toBe(FORMULA);
  });
});
