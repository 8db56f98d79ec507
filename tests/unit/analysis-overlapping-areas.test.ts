// Overlapping areas (two listed hotspots that share ground): every figure per area counts every
// incident inside that area, and figures over the areas together count each incident once —
// checked against a brute-force turf booleanPointInPolygon over every point.
import { describe, expect, it } from 'vitest';
import { area as turfArea, booleanPointInPolygon, intersect, feature, featureCollection, point } from '@turf/turf';
import { assignPolygons, cameraStatsByPolygon, countByPolygon, countInAny } from '../../src/analysis/grids/grid-stats';
import { buildPolygonIndex, locateAll, locatePoint } from '../../src/analysis/areas/polygon-index';
import { compileRowFilter, countRows } from '../../src/analysis/incidents/row-filter';
import { categoryMask, type IncidentFilter } from '../../src/analysis/incidents/incident-filter';
import { incidentCoverageByPolygon } from '../../src/analysis/cameras/coverage-measures';
import { paiForUnion, unionAreaM2 } from '../../src/analysis/evaluation/pai';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import type { AreaGeometry, CameraCollection, Feature, LngLat } from '../../src/model';
import { COUNTY_BOX, randomIncidents } from './analysis-fixtures';

const square = (x: number, y: number, w: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]] as LngLat[]] });
// Two squares of 0.2° that share a 0.1° × 0.1° corner, and a third apart from both.
const b = COUNTY_BOX;
const A = square(b.west + 0.1, b.south + 0.1, 0.2);
const B = square(b.west + 0.2, b.south + 0.2, 0.2);
const C = square(b.west + 0.45, b.south + 0.05, 0.1);
const areas = [A, B, C];
const features: Feature<AreaGeometry, { id: string }>[] = areas.map((geometry, k) => ({ type: 'Feature', geometry, properties: { id: `h${k}` } }));
const cols = randomIncidents(20_000, 7, { clustered: true });
const n = cols.lng.length;
const inside = (k: number, i: number) => booleanPointInPolygon(point([cols.lng[i], cols.lat[i]]), areas[k]);
const brute = areas.map((_, k) => Array.from({ length: n }, (_, i) => inside(k, i)));
const rows = { timeSec: cols.timeSec, category: cols.category };
const filter: IncidentFilter = { fromSec: cols.timeSec[0], toSec: cols.timeSec[0] + 120 * 86_400, categories: categoryMask([0, 2, 3, 5, 7]) };
const keptByFilter = (i: number) => cols.timeSec[i] >= filter.fromSec! && cols.timeSec[i] < filter.toSec! && [0, 2, 3, 5, 7].includes(cols.category[i]);
const count = (pred: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(pred).length;

describe('overlapping polygon sets', () => {
  const index = buildPolygonIndex(features);
  const a = assignPolygons(index, cols.lng, cols.lat, { overlapping: true });

  it('the fixture has incidents in the overlap, in each square alone and outside', () => {
    const both = count((i) => brute[0][i] && brute[1][i]);
    console.log(`A ${count((i) => brute[0][i])}, B ${count((i) => brute[1][i])}, both ${both}, C ${count((i) => brute[2][i])} of ${n}`);
    expect(both).toBeGreaterThan(20);
    expect(count((i) => brute[0][i] && !brute[1][i])).toBeGreaterThan(20);
    expect(count((i) => !brute[0][i] && brute[1][i])).toBeGreaterThan(20);
  });

  it('locateAll finds every polygon holding a point, the first being locatePoint’s', () => {
    const found: number[] = [];
    for (let i = 0; i < n; i++) {
      found.length = 0;
      locateAll(index, cols.lng[i], cols.lat[i], found);
      expect(found).toEqual([0, 1, 2].filter((k) => brute[k][i]));
      expect(locatePoint(index, cols.lng[i], cols.lat[i])).toBe(found[0] ?? -1);
    }
  });

  it('counts per polygon every incident inside it; the total and "outside" count each once', () => {
    for (const [f, kept] of [[null, () => true], [filter, keptByFilter]] as const) {
      const c = countByPolygon(a, rows, f);
      expect([...c.counts]).toEqual([0, 1, 2].map((k) => count((i) => kept(i) && brute[k][i])));
      expect(c.outside).toBe(count((i) => kept(i) && !brute[0][i] && !brute[1][i] && !brute[2][i]));
      expect(c.total).toBe(count(kept));
    }
    // The tiling fast path gives the overlap to the first square only: B's count comes out short.
    const fast = countByPolygon(assignPolygons(index, cols.lng, cols.lat), rows, null);
    expect(fast.counts[1]).toBe(count((i) => brute[1][i] && !brute[0][i]));
    expect(fast.counts[0]).toBe(count((i) => brute[0][i]));
  });

  it('counts several polygons together once (union), under a filter', () => {
    expect(countInAny(a, rows, [1, 1, 0])).toBe(count((i) => brute[0][i] || brute[1][i]));
    expect(countInAny(a, rows, [0, 1, 1], filter)).toBe(count((i) => keptByFilter(i) && (brute[1][i] || brute[2][i])));
    expect(countInAny(a, rows, [0, 1, 0], filter)).toBe(count((i) => keptByFilter(i) && brute[1][i]));
    expect(countInAny(a, rows, [1, 1, 1])).toBe(n - a.outside);
  });

  it('a polygon filter keeps every incident inside the chosen polygons, the overlap included', () => {
    const sets = new Map([['hot', a]]);
    for (const mask of [[0, 1, 0], [1, 0, 0], [0, 1, 1]]) {
      const f = compileRowFilter(rows, { ...filter, polygon: { set: 'hot', mask: Uint8Array.from(mask) } }, sets);
      expect(countRows(cols.timeSec, f, 0, n), `mask ${mask}`).toBe(count((i) => keptByFilter(i) && mask.some((m, k) => m === 1 && brute[k][i])));
    }
  });

  it('cameras and incident coverage count in every polygon holding them', () => {
    const cams: CameraCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 400 }, (_, j) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [cols.lng[j * 37], cols.lat[j * 37]] as LngLat },
        properties: { id: `c${j}`, name: '', kind: 'street-dome' as const, status: j % 3 === 0 ? ('offline' as const) : ('online' as const), heading: 0, fov: 360, range: 50, townId: 't', installedYear: 2020 },
      })),
    };
    const stats = cameraStatsByPolygon(index, cams);
    const camIn = (k: number) => cams.features.filter((c) => booleanPointInPolygon(point(c.geometry.coordinates), areas[k]));
    expect([...stats.total]).toEqual([0, 1, 2].map((k) => camIn(k).length));
    expect([...stats.online]).toEqual([0, 1, 2].map((k) => camIn(k).filter((c) => c.properties.status === 'online').length));
    // Each row its own "cell"; even rows covered.
    const rowCell = Uint32Array.from({ length: n }, (_, i) => i);
    const covered = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const cov = incidentCoverageByPolygon(a, { resolution: 9, cells: [], rowCell }, covered, cols.timeSec, compileRowFilter(rows, filter));
    expect([...cov.total]).toEqual([0, 1, 2].map((k) => count((i) => keptByFilter(i) && brute[k][i])));
    expect([...cov.covered]).toEqual([0, 1, 2].map((k) => count((i) => i % 2 === 0 && keptByFilter(i) && brute[k][i])));
  });

  it('the PAI of the areas together takes the union: overlap once in n and in a', () => {
    const overlap = intersect(featureCollection([feature(A), feature(B)]))!;
    const want = turfArea(A) + turfArea(B) - turfArea(overlap);
    expect(unionAreaM2([A, B])).toBeCloseTo(want, -1);
    expect(unionAreaM2([A, null, C])).toBeCloseTo(turfArea(A) + turfArea(C), -1);
    const caught = countInAny(a, rows, [1, 1, 0]);
    const r = paiForUnion([A, B], caught, n, 1e10);
    expect(r.caught).toBe(count((i) => brute[0][i] || brute[1][i]));
    expect(r.flaggedArea).toBeCloseTo(want, -1);
  });

  it('through the worker API: per-hotspot counts and the listed areas’ PAI', async () => {
    const api = createAnalysisApi();
    api.assignPolygons('hotspots', { type: 'FeatureCollection', features }, { overlapping: true }); // before the incidents: kept for them
    await api.loadIncidents({ ...cols, lng: cols.lng.slice(), lat: cols.lat.slice(), timeSec: cols.timeSec.slice(), category: cols.category.slice() }, { timeZone: 'Asia/Shanghai' });
    const counts = api.countByPolygon('hotspots', null);
    expect([...counts]).toEqual([0, 1, 2].map((k) => count((i) => brute[k][i])));
    const pai = api.paiForPolygons(null, 'hotspots', 1e10, Uint8Array.of(1, 1, 0));
    expect(pai.caught).toBe(count((i) => brute[0][i] || brute[1][i]));
    expect(pai.total).toBe(n);
  });
});
