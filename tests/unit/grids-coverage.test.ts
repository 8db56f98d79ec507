// The grid editor's live coverage of a shape (worker shapeFigures → grids/grid-coverage.ts) on the
// committed demo: the same figures the coverage panel gives for a dataset grid, and a plain
// recount of the incidents inside (point in polygon, latLngToCell at res 11, covered or not).
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import type { AnalysisApi } from '../../src/worker/analysis-api';
import { categoryMask } from '../../src/analysis/incidents/incident-filter';
import type { IncidentColumns } from '../../src/model';
import { demoAnalysisApi, demoLayers, manifest } from './demo-helpers';

const m = manifest();
const layers = demoLayers();
const { grids } = layers;
let api: AnalysisApi;
let cols: IncidentColumns;

beforeAll(async () => {
  ({ api, cols } = await demoAnalysisApi(layers));
}, 60_000);

describe('coverage inside a grid being edited', () => {
  it('is null-free once coverage data is set, and equals the panel’s figures for the same grid', () => {
    const report = api.coverageReport(null);
    // Grids with incidents, some covered and some not: where the figures say something.
    const k = report.grids.findIndex((g) => g.incidents > 200 && g.coveredIncidents > 0 && g.coveredIncidents < g.incidents);
    expect(k).toBeGreaterThanOrEqual(0);
    const fig = api.shapeFigures(grids.features[k].geometry, null);
    const cov = fig.coverage!;
    expect(cov).not.toBeNull();
    const panel = report.grids[k];
    expect(cov.incidents).toBe(panel.incidents);
    expect(cov.incidents).toBe(fig.incidents);
    expect(cov.coveredIncidents).toBe(panel.coveredIncidents);
    expect(cov.byIncidents).toBeCloseTo(panel.byIncidents, 12);
    expect(cov.coveredAreaM2).toBeCloseTo(panel.coveredAreaM2, 6);
    expect(cov.byArea).toBeCloseTo(panel.byArea, 9);
  });

  it('counts what a plain recount counts, blind cells included, under a category filter', () => {
    const covered = new Set(api.coverageCells());
    const hidden = new Set([12, 13]); // disputes and traffic accidents left out
    const filter = { categories: categoryMask(m.offenceKinds.map((k) => k.code).filter((c) => !hidden.has(c))) };
    // A shape of its own (not a grid): a square of ~1 km around the county town's centre.
    const [cx, cy] = m.center;
    const d = 0.005;
    const shape = { type: 'Polygon' as const, coordinates: [[[cx - d, cy - d], [cx + d, cy - d], [cx + d, cy + d], [cx - d, cy + d], [cx - d, cy - d]] as [number, number][]] };
    const cov = api.shapeFigures(shape, filter).coverage!;
    let total = 0;
    let inCovered = 0;
    const blind = new Map<string, number>();
    for (let i = 0; i < cols.lng.length; i++) {
      if (hidden.has(cols.category[i])) continue;
      if (!booleanPointInPolygon(point([cols.lng[i], cols.lat[i]]), shape)) continue;
      total++;
      const cell = latLngToCell(cols.lat[i], cols.lng[i], 11);
      if (covered.has(cell)) inCovered++;
      else blind.set(cell, (blind.get(cell) ?? 0) + 1);
    }
    expect(total).toBeGreaterThan(100);
    expect(cov.incidents).toBe(total);
    expect(cov.coveredIncidents).toBe(inCovered);
    expect(cov.blindIncidents).toBe(total - inCovered);
    expect(new Set(cov.blindCells)).toEqual(new Set(blind.keys()));
    cov.blindCells.forEach((c, i) => expect(cov.blindCounts[i]).toBe(blind.get(c)));
    // Heaviest first, and grouped into at least one area.
    for (let i = 1; i < cov.blindCounts.length; i++) expect(cov.blindCounts[i]).toBeLessThanOrEqual(cov.blindCounts[i - 1]);
    expect(cov.blindAreas).toBeGreaterThan(0);
    expect(cov.blindAreas).toBeLessThanOrEqual(cov.blindCells.length);
  });
});
