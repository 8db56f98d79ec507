// The worker's coverage API on the committed demo: figures checked against a plain recount from
// the pure coverage functions (each incident's res-11 cell looked up in coveredCells).
import { cellToParent, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { coveredCells } from '../../src/analysis/cameras/coverage';
import { buildingIndex } from '../../src/analysis/cameras/visibility';
import { buildRoadIndex, nearestNamedRoad } from '../../src/analysis/areas/nearest-road';
import { categoryMask } from '../../src/analysis/incidents/incident-filter';
import { cameraView } from '../../src/worker/coverage-state';
import type { IncidentColumns } from '../../src/model';
import type { AnalysisApi } from '../../src/worker/analysis-api';
import { demoAnalysisApi, demoLayers, manifest } from './demo-helpers';

const m = manifest();
const layers = demoLayers();
const { cameras, grids, hotspots, buildings, towns } = layers;
let api: AnalysisApi;
let cols: IncidentColumns;

beforeAll(async () => {
  ({ api, cols } = await demoAnalysisApi(layers));
}, 60_000);

/** Incidents (all, or those `keep` keeps) and how many lie in `covered`, by a plain recount. */
function recount(covered: Set<string>, keep: (i: number) => boolean = () => true) {
  let total = 0, inside = 0;
  for (let i = 0; i < cols.lng.length; i++) {
    if (!keep(i)) continue;
    total++;
    if (covered.has(latLngToCell(cols.lat[i], cols.lng[i], 11))) inside++;
  }
  return { total, inside };
}

describe('coverage API on the demo county', () => {
  const footprints = buildingIndex(buildings.features.map((f) => f.geometry));
  const views = cameras.features.map(cameraView);

  it('covers the cells coveredCells gives, online only and "repaired"', () => {
    expect(api.coverageCells()).toEqual(coveredCells(views, 11, { buildings: footprints }));
    expect(api.coverageCells({ repaired: true })).toEqual(coveredCells(views, 11, { buildings: footprints, includeNotOnline: true }));
    expect(api.coverageCells().length).toBeGreaterThan(1000);
  });

  it('county coverage by incidents equals a recount, and repairing only adds', () => {
    const report = api.coverageReport(null);
    const want = recount(new Set(api.coverageCells()));
    expect(report.county.incidents).toBe(m.counts.incidents);
    expect(report.county.coveredIncidents).toBe(want.inside);
    expect(report.county.byIncidents).toBeCloseTo(want.inside / want.total, 12);
    expect(report.county.byIncidents).toBeGreaterThan(0.01);
    const repaired = api.coverageReport(null, { repaired: true });
    expect(repaired.county.coveredIncidents).toBeGreaterThan(report.county.coveredIncidents);
    expect(repaired.county.byArea).toBeGreaterThan(report.county.byArea);
    expect(report.county.byArea).toBeGreaterThan(0);
    expect(report.county.byArea).toBeLessThan(report.county.byIncidents); // cameras watch where incidents are
    console.log(`demo coverage at res 11: ${(100 * report.county.byIncidents).toFixed(1)} % of incidents, ${(100 * report.county.byArea).toFixed(2)} % of the area; repaired ${(100 * repaired.county.byIncidents).toFixed(1)} %`);
  });

  it('per town: incidents add up, working rate is online ÷ cameras, and the town filter narrows the county to the town', () => {
    const report = api.coverageReport(null);
    expect(report.towns).toHaveLength(towns.features.length);
    const sum = report.towns.reduce((s, t) => s + t.incidents, 0);
    expect(sum).toBeLessThanOrEqual(report.county.incidents);
    expect(report.towns.reduce((s, t) => s + t.cameras, 0)).toBeLessThanOrEqual(cameras.features.length);
    for (const t of report.towns) if (t.cameras > 0) expect(t.workingRate).toBeCloseTo(t.online / t.cameras, 12);
    expect(report.county.workingRate).toBeCloseTo(cameras.features.filter((c) => c.properties.status === 'online').length / cameras.features.length, 12);
    const k = report.towns.reduce((b, t) => (t.incidents > report.towns[b].incidents ? t.index : b), 0);
    const mask = Uint8Array.from(towns.features, (_, j) => (j === k ? 1 : 0));
    const narrowed = api.coverageReport({ polygon: { set: 'towns', mask } });
    expect(narrowed.county.incidents).toBe(report.towns[k].incidents);
    expect(narrowed.county.coveredIncidents).toBe(report.towns[k].coveredIncidents);
    expect(narrowed.towns.filter((t, j) => j !== k).every((t) => t.incidents === 0)).toBe(true);
    expect(report.grids).toHaveLength(grids.features.length);
    expect(report.hotspots).toHaveLength(hotspots.features.length);
  });

  it('follows the category and time filters', () => {
    const from = Math.floor(m.timeRange[0] / 1000) + 200 * 86_400;
    const to = from + 90 * 86_400;
    const filter = { categories: categoryMask([1, 2]), fromSec: from, toSec: to };
    const report = api.coverageReport(filter);
    const want = recount(new Set(api.coverageCells()), (i) => (cols.category[i] === 1 || cols.category[i] === 2) && cols.timeSec[i] >= from && cols.timeSec[i] < to);
    expect(report.county.incidents).toBe(want.total);
    expect(report.county.coveredIncidents).toBe(want.inside);
    expect(want.total).toBeGreaterThan(100);
  });

  it('ranks blind spots by their filtered incidents and names their place', () => {
    const covered = new Set(api.coverageCells());
    const spots = api.blindSpotReport(null, { limit: 5 });
    expect(spots.totalIncidents).toBe(m.counts.incidents);
    expect(spots.uncoveredIncidents).toBe(m.counts.incidents - api.coverageReport(null).county.coveredIncidents);
    expect(spots.areas).toHaveLength(5);
    expect(spots.areaCount).toBeGreaterThan(5);
    for (let i = 1; i < spots.areas.length; i++) expect(spots.areas[i].weight).toBeLessThanOrEqual(spots.areas[i - 1].weight);
    for (const a of spots.areas) {
      expect(a.cells.some((c) => covered.has(c))).toBe(false);
      expect(new Set(a.cells.map((c) => cellToParent(c, 9))).size).toBe(1); // areas stay within a block
      expect(a.count).toBeGreaterThan(0);
      expect(a.place.town).not.toBeNull();
      expect(a.place.grid).not.toBeNull();
      const [w, s, e, n] = a.bbox;
      expect(a.centroid[0]).toBeGreaterThanOrEqual(w - 1e-9);
      expect(a.centroid[0]).toBeLessThanOrEqual(e + 1e-9);
      expect(a.centroid[1]).toBeGreaterThanOrEqual(s - 1e-9);
      expect(a.centroid[1]).toBeLessThanOrEqual(n + 1e-9);
    }
    expect(spots.areas.some((a) => a.place.road !== null)).toBe(true);
    expect(spots.cells.length).toBe(spots.counts.length);
    expect(spots.counts.reduce((s, c) => s + c, 0)).toBe(spots.uncoveredIncidents);
  });

  it('what-if: widening one camera to 360° and 150 m covers at least as much, and the report follows', () => {
    const before = api.coverageReport(null).county.coveredIncidents;
    const cam = views.find((v) => v.status === 'online' && v.fov < 360)!;
    const delta = api.updateCoverageCamera({ ...cam, fov: 360, range: 150 });
    expect(delta.online.added.length).toBeGreaterThan(0);
    expect(delta.online.removed).toEqual([]);
    const after = api.coverageReport(null).county.coveredIncidents;
    expect(after).toBeGreaterThan(before);
    // The register's figures (the briefing's) leave the what-if out.
    expect(api.coverageReport(null, { official: true }).county.coveredIncidents).toBe(before);
    expect(api.coverageCells({ official: true })).toEqual(coveredCells(views, 11, { buildings: footprints }));
    expect(api.blindSpotReport(null, { official: true }).uncoveredIncidents).toBe(m.counts.incidents - before);
    expect(api.blindSpotReport(null).uncoveredIncidents).toBe(m.counts.incidents - after);
    api.updateCoverageCamera(cam);
    expect(api.coverageReport(null).county.coveredIncidents).toBe(before);
  });

  it('what-if: a camera moved into another town moves between the towns\' online / total counts, and back', () => {
    const before = api.coverageReport(null);
    const cam = views.find((v) => v.status === 'online')!;
    const from = before.towns.findIndex((_, k) => towns.features[k].properties.id === cameras.features.find((f) => f.properties.id === cam.id)!.properties.townId);
    // Another town's own camera gives a point inside it.
    const other = cameras.features.find((f) => f.properties.townId !== towns.features[from].properties.id && f.properties.townId !== '')!;
    const to = towns.features.findIndex((t) => t.properties.id === other.properties.townId);
    const [lng, lat] = other.geometry.coordinates;
    const unknown = api.updateCoverageCameras([{ ...cam, lng, lat }, { ...cam, id: 'no-such-camera' }]);
    expect(unknown).toEqual(['no-such-camera']);
    const moved = api.coverageReport(null);
    expect(api.coverageReport(null, { official: true }).towns.map((t) => t.cameras)).toEqual(before.towns.map((t) => t.cameras));
    expect(moved.towns[from].cameras).toBe(before.towns[from].cameras - 1);
    expect(moved.towns[from].online).toBe(before.towns[from].online - 1);
    expect(moved.towns[to].cameras).toBe(before.towns[to].cameras + 1);
    expect(moved.towns[to].online).toBe(before.towns[to].online + 1);
    expect(moved.county.cameras).toBe(before.county.cameras);
    api.updateCoverageCameras([cam]);
    const back = api.coverageReport(null);
    expect(back.towns.map((t) => [t.cameras, t.online, t.coveredIncidents])).toEqual(before.towns.map((t) => [t.cameras, t.online, t.coveredIncidents]));
  });
});

describe('nearest named road', () => {
  const line = (name: string, coords: [number, number][]) => ({ geometry: { type: 'LineString' as const, coordinates: coords }, properties: { name, nameEn: `${name} Rd` } });
  const index = buildRoadIndex([
    line('东路', [[117, 33], [117.01, 33]]),
    line('北路', [[117, 33.002], [117.01, 33.002]]),
    { geometry: { type: 'LineString' as const, coordinates: [[117, 33.0005], [117.01, 33.0005]] as [number, number][] }, properties: {} },
  ]);
  it('finds the nearer named road, ignores unnamed ones and says the distance', () => {
    const r = nearestNamedRoad(index, 117.005, 33.0006)!;
    expect(r.name).toBe('东路');
    expect(r.nameEn).toBe('东路 Rd');
    expect(r.distanceM).toBeGreaterThan(60);
    expect(r.distanceM).toBeLessThan(70); // 0.0006° of latitude ≈ 66.7 m
    expect(nearestNamedRoad(index, 117.005, 33.0015)!.name).toBe('北路');
  });
  it('says null beyond the limit, and measures to a segment end past it', () => {
    expect(nearestNamedRoad(index, 117.005, 33.02, 500)).toBeNull();
    const r = nearestNamedRoad(index, 117.011, 33, 500)!;
    expect(r.distanceM).toBeGreaterThan(90);
    expect(r.distanceM).toBeLessThan(96); // 0.001° of longitude at 33° ≈ 93.3 m
  });
});
