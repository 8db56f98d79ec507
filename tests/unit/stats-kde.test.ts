// Kernel density (quartic kernel, bandwidth in metres) against the formula and a brute-force sum.
import { describe, expect, it } from 'vitest';
import { kdeCellCentre, kernelDensity, quarticKernel } from '../../src/analysis/stats/kde';
import { compileRowFilter } from '../../src/analysis/incidents/row-filter';
import { categoryMask } from '../../src/analysis/incidents/incident-filter';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { COUNTY_BOX, randomIncidents } from './analysis-fixtures';
import { mulberry32 as rng } from '../seeded-random';

const box = { west: 117.19, south: 32.89, east: 117.21, north: 32.91 };

/** Great-circle distance, metres (the same Earth radius as kde.ts). */
function metres([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

describe('quartic kernel density', () => {
  it('is 3/(πh²)(1 − d²/h²)² around a single incident, per km², and zero from h on', () => {
    const h = 200;
    const probe = kernelDensity(new Float64Array(0), new Float64Array(0), { bandwidthM: h, extent: box });
    expect(probe.cellM).toBe(50);
    const [c, r] = [Math.floor(probe.width / 2), Math.floor(probe.height / 2)];
    const [lng, lat] = kdeCellCentre(probe, c, r);
    const g = kernelDensity(Float64Array.of(lng), Float64Array.of(lat), { bandwidthM: h, extent: box });
    expect(g.count).toBe(1);
    for (const [dc, dr] of [[0, 0], [1, 0], [0, 2], [3, 0], [2, 2], [4, 0], [5, 0]]) {
      const d = 50 * Math.hypot(dc, dr);
      expect(g.density[(r + dr) * g.width + c + dc]).toBeCloseTo(quarticKernel(d, h) * 1e6, 3);
    }
    expect(g.max).toBeCloseTo((3 / (Math.PI * h * h)) * 1e6, 3); // 23.87 per km² at the incident
    expect(quarticKernel(h, h)).toBe(0);
  });

  it('integrates to the number of incidents and matches a brute-force sum', () => {
    const r = rng(3);
    const n = 12;
    const lng = Float64Array.from({ length: n }, () => 117.197 + r() * 0.006);
    const lat = Float64Array.from({ length: n }, () => 32.897 + r() * 0.006);
    for (const h of [100, 300]) {
      const g = kernelDensity(lng, lat, { bandwidthM: h, extent: box });
      let sum = 0;
      for (const v of g.density) sum += v;
      expect((sum * g.cellM * g.cellM) / 1e6).toBeCloseTo(n, 1);
      let worst = 0;
      for (let row = 0; row < g.height; row += 3) {
        for (let col = 0; col < g.width; col += 3) {
          const at = kdeCellCentre(g, col, row);
          let exact = 0;
          for (let i = 0; i < n; i++) exact += quarticKernel(metres(at, [lng[i], lat[i]]), h) * 1e6;
          worst = Math.max(worst, Math.abs(g.density[row * g.width + col] - exact));
        }
      }
      // Linear binning at cells of h/4: within a few per cent of the peak.
      expect(worst).toBeLessThan(0.05 * g.max);
    }
  });

  it('counts only the incidents the filter keeps', () => {
    const cols = randomIncidents(5_000, 2, { clustered: true, categories: 4 });
    const f = compileRowFilter(cols, { categories: categoryMask([1]) });
    const g = kernelDensity(cols.lng, cols.lat, { bandwidthM: 500, extent: COUNTY_BOX }, { timeSec: cols.timeSec, filter: f });
    expect(g.count).toBe(cols.category.filter((c) => c === 1).length);
    const none = kernelDensity(cols.lng, cols.lat, { bandwidthM: 500, extent: COUNTY_BOX }, { timeSec: cols.timeSec, filter: compileRowFilter(cols, { fromSec: 0, toSec: 0 }) });
    expect(none.count).toBe(0);
    expect(none.max).toBe(0);
    expect(() => kernelDensity(cols.lng, cols.lat, { bandwidthM: 0 })).toThrow(/bandwidth/);
  });

  it('grids 150,000 incidents over a county at h = 200 m, every incident counted (its time is printed; speed belongs to the bench)', () => {
    const cols = randomIncidents(150_000, 5, { clustered: true });
    kernelDensity(cols.lng, cols.lat, { bandwidthM: 200 }); // warm up; the extent is the points'
    const t0 = performance.now();
    const g = kernelDensity(cols.lng, cols.lat, { bandwidthM: 200 });
    const ms = performance.now() - t0;
    console.log(`kde: 150k incidents, ${g.width}×${g.height} cells of ${g.cellM} m, ${ms.toFixed(0)} ms`);
    expect(g.count).toBe(150_000);
    expect(g.width * g.height).toBeGreaterThan(0);
  });

  it('the worker API filters like the other counts and keeps one grid whatever the filter', async () => {
    const api = createAnalysisApi();
    const cols = randomIncidents(20_000, 9, { clustered: true, categories: 5 });
    await api.loadIncidents(cols, { timeZone: 'Asia/Shanghai' });
    const filter = { categories: categoryMask([0, 3]) };
    const a = api.density(filter, 200);
    const b = api.density(null, 300);
    expect(a.count).toBe(api.aggregate(filter, 9).total);
    expect(b.count).toBe(20_000);
    // Both grids cover every incident's extent, padded by their bandwidth: 100 m apart at the west edge.
    const degreesPerMetre = 180 / (Math.PI * 6_371_008.8 * Math.cos((a.refLat * Math.PI) / 180));
    expect(a.refLat).toBe(b.refLat);
    expect(a.west - b.west).toBeCloseTo(100 * degreesPerMetre, 9);
    expect(a.cellM).toBe(50);
    expect(a.density.length).toBe(a.width * a.height);
  });
});
