// The worker's siting planner on the committed demo: 50 sites by CELF over the incidents no online
// camera covers, in about a second; the gains add up to what the chosen views really cover.
import { beforeAll, describe, expect, it } from 'vitest';
import { cameraCells } from '../../src/analysis/cameras/coverage';
import { buildingIndex } from '../../src/analysis/cameras/visibility';
import { CAMERA_DEFAULTS } from '../../src/model/camera';
import type { AnalysisApi } from '../../src/worker/analysis-api';
import { demoAnalysisApi, demoLayers } from './demo-helpers';

const layers = demoLayers();
const { hotspots, buildings } = layers;
let api: AnalysisApi;

beforeAll(async () => {
  ({ api } = await demoAnalysisApi(layers));
  api.coverageCells(); // coverage itself is not what the planner's time is about
}, 60_000);

describe('siting planner on the demo county', () => {
  const bullet = CAMERA_DEFAULTS['street-bullet'];
  const dome = CAMERA_DEFAULTS['street-dome'];

  it('chooses 50 domes with falling gains whose views cover exactly the incidents claimed', () => {
    const plan = api.planSites(null, { k: 50, newCamera: { ...dome, cost: 1 } });
    console.log(`demo plan k=50 (dome): ${plan.ms.toFixed(0)} ms, ${plan.candidates} candidates, ${plan.evaluations} evaluations, +${plan.incidentsCurve.at(-1)} incidents over ${plan.coveredBefore} of ${plan.totalIncidents}`);
    expect(plan.sites).toHaveLength(50);
    expect(plan.sites.map((s) => s.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (let i = 1; i < plan.sites.length; i++) expect(plan.sites[i].incidents).toBeLessThanOrEqual(plan.sites[i - 1].incidents);
    expect(plan.incidentsCurve).toHaveLength(51);
    expect(plan.sites.at(-1)!.cumulativeIncidents).toBe(plan.incidentsCurve.at(-1));
    expect(plan.coveredBefore).toBe(api.coverageReport(null).county.coveredIncidents);
    // Recount: the demand cells the 50 views see hold the incidents the plan claims.
    const covered = new Set(api.coverageCells());
    const spots = api.blindSpotReport(null, { limit: 0 });
    const demand = new Map(spots.cells.map((c, i) => [c, spots.counts[i]]));
    const footprints = buildingIndex(buildings.features.map((f) => f.geometry));
    const seen = new Set<string>();
    for (const s of plan.sites) for (const c of cameraCells({ ...s, id: s.id, status: 'online' }, 11, footprints)) if (!covered.has(c) && demand.has(c)) seen.add(c);
    expect([...seen].reduce((n, c) => n + demand.get(c)!, 0)).toBe(plan.incidentsCurve.at(-1));
    expect(plan.addedCells).toEqual([...seen].sort());
    expect(plan.sites.every((s) => s.place.town !== null)).toBe(true);
  });

  it('keeps the minimum spacing, tries headings for bullets, and spends a budget with repairs', () => {
    const spaced = api.planSites(null, { k: 20, minSpacingM: 200, newCamera: { ...bullet, cost: 1 } });
    expect(spaced.sites).toHaveLength(20);
    const d = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) => {
      const R = 6_371_008.8, r = Math.PI / 180;
      const x = (b.lng - a.lng) * r * Math.cos(((a.lat + b.lat) / 2) * r), y = (b.lat - a.lat) * r;
      return R * Math.hypot(x, y);
    };
    for (let i = 0; i < spaced.sites.length; i++) for (let j = 0; j < i; j++) expect(d(spaced.sites[i], spaced.sites[j])).toBeGreaterThanOrEqual(199);
    expect(new Set(spaced.sites.map((s) => s.heading)).size).toBeGreaterThan(1);
    const budget = api.planSites(null, { budget: 30, newCamera: { ...dome, cost: 3 }, repairs: { cost: 1 } });
    expect(budget.sites.reduce((s, x) => s + x.cost, 0)).toBeLessThanOrEqual(30);
    expect(budget.sites.some((s) => s.source === 'repair')).toBe(true);
  });

  it('weights incidents in the chosen hotspots', () => {
    const mask = Uint8Array.from(hotspots.features, () => 1);
    const plain = api.planSites(null, { k: 10, newCamera: { ...dome, cost: 1 } });
    const weighted = api.planSites(null, { k: 10, newCamera: { ...dome, cost: 1 }, hotspots: { mask, weight: 5 } });
    expect(weighted.sites.map((s) => s.id)).not.toEqual(plain.sites.map((s) => s.id));
    expect(weighted.sites[0].gain).toBeGreaterThanOrEqual(weighted.sites[0].incidents);
  });
});
