// The worker API's fixed study area: Gi*, trends and predictive PAI over the boundary's cells,
// checked against the pure functions fed by a plain count.
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { giStar } from '../../src/analysis/stats/gi-star';
import { boundaryCells } from '../../src/analysis/h3/boundary-cells';
import { predictivePai } from '../../src/analysis/evaluation/predictive-pai';
import { areaM2 } from '../../src/analysis/evaluation/pai';
import { concentrationCurve } from '../../src/analysis/evaluation/concentration';
import type { AreaGeometry, LngLat } from '../../src/model';
import { COUNTY_BOX, randomIncidents, T0 } from './analysis-fixtures';

// The western 60 % of the box: a good share of the incidents lie outside it.
const b = COUNTY_BOX;
const x1 = b.west + 0.6 * (b.east - b.west);
const ring: LngLat[] = [[b.west, b.south], [x1, b.south], [x1, b.north], [b.west, b.north], [b.west, b.south]];
const AREA: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
const RES = 7;

function plainCounts(cols: ReturnType<typeof randomIncidents>, from: number, to: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < cols.lng.length; i++) {
    if (cols.timeSec[i] < from || cols.timeSec[i] >= to) continue;
    const c = latLngToCell(cols.lat[i], cols.lng[i], RES);
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}

describe('analysis API over a fixed study area', () => {
  const cols = randomIncidents(30_000, 5, { clustered: true });
  const copy = { ...cols, lng: cols.lng.slice(), lat: cols.lat.slice(), timeSec: cols.timeSec.slice(), category: cols.category.slice() };

  it('hotspots: every boundary cell, whatever the filter; incidents elsewhere counted outside', async () => {
    const api = createAnalysisApi();
    await api.loadIncidents(copy, { timeZone: 'Asia/Shanghai', exactOnDemand: true, parallel: false });
    expect(api.setStudyArea(AREA)).toBeCloseTo(areaM2(AREA), 6);
    const cells = boundaryCells([AREA], RES);
    const all = api.hotspots(null, RES, 1);
    expect(all.cells).toEqual(cells);
    const june = api.hotspots({ fromSec: T0 + 152 * 86_400, toSec: T0 + 182 * 86_400 }, RES, 2);
    expect(june.cells).toEqual(cells);
    const plain = plainCounts(cols, 0, 2 ** 32);
    const want = giStar([...plain.keys()], [...plain.values()], { k: 1, studyArea: cells });
    expect(Array.from(all.z)).toEqual(Array.from(want.z));
    expect(all.outside).toBe(want.outside);
    expect(all.outside).toBeGreaterThan(5_000);
    const em = api.emergingHotspots(null, RES, [[T0, T0 + 90 * 86_400], [T0 + 90 * 86_400, T0 + 180 * 86_400]], { k: 1 });
    expect(em.cells).toEqual(cells);
  });

  it('predictivePai: flagged on the previous period, scored on the current one', async () => {
    const api = createAnalysisApi();
    await api.loadIncidents(copy, { timeZone: 'Asia/Shanghai', exactOnDemand: true, parallel: false });
    api.setStudyArea(AREA);
    const cells = boundaryCells([AREA], RES);
    const prev: [number, number] = [T0, T0 + 91 * 86_400];
    const cur: [number, number] = [T0 + 91 * 86_400, T0 + 182 * 86_400];
    const r = api.predictivePai(null, RES, cur, prev, { k: 1 });
    const on = (m: Map<string, number>) => cells.map((c) => m.get(c) ?? 0);
    const want = predictivePai({
      cells,
      previous: on(plainCounts(cols, ...prev)),
      current: on(plainCounts(cols, ...cur)),
      studyAreaM2: areaM2(AREA),
      topK: Math.round(cells.length * 0.01),
      giK: 1,
      fixedArea: true,
    });
    expect(r.top).toEqual(want.top);
    expect(r.giHot).toEqual(want.giHot);
    expect(r.studyCells).toBe(cells.length);
    const curAll = plainCounts(cols, ...cur);
    expect(r.outside).toBe([...curAll].filter(([c]) => !cells.includes(c)).reduce((a, [, v]) => a + v, 0));
    // Clustered data: the busiest cells of one quarter still catch more than their share the next.
    expect(r.top.pai).toBeGreaterThan(1);
  });

  it('concentration: over the study area\'s cells, empty ones included, incidents outside left out', async () => {
    const api = createAnalysisApi();
    await api.loadIncidents(copy, { timeZone: 'Asia/Shanghai', exactOnDemand: true, parallel: false });
    api.setStudyArea(AREA);
    const cells = boundaryCells([AREA], RES);
    const plain = plainCounts(cols, 0, 2 ** 32);
    const want = concentrationCurve(cells.map((c) => plain.get(c) ?? 0), { studyAreaCells: cells.length });
    const got = api.concentration(null, RES);
    expect(got.cells).toBe(cells.length);
    expect(got.total).toBe(want.total);
    expect(got.shareHoldingHalf).toBe(want.shareHoldingHalf);
  });
});
