// Evidence per hotspot: equal periods round the listing, the WDQ of Bowers & Johnson (2003),
// the zones of the displacement check, and the worker method counting them.
import { describe, expect, it } from 'vitest';
import { area as turfArea, booleanPointInPolygon } from '@turf/turf';
import { displacementZones, evidencePeriods, hotspotEvidence, weightedDisplacementQuotient } from '../../src/analysis/hotspots/hotspot-evidence';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import type { IncidentColumns, LngLat, PolygonGeometry } from '../../src/model';

const rect = (x0: number, y0: number, x1: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]] as LngLat[]],
});
const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('evidencePeriods', () => {
  it('takes equal periods either side of the listing day, in the dataset zone', () => {
    const p = evidencePeriods('2025-06-01', 90, beijing('2025-12-31T12:00:00'), 'Asia/Shanghai')!;
    expect(p.days).toBe(90);
    expect(p.after).toEqual([beijing('2025-06-01T00:00:00'), beijing('2025-08-30T00:00:00')]);
    expect(p.before).toEqual([beijing('2025-03-03T00:00:00'), beijing('2025-06-01T00:00:00')]);
  });

  it('shrinks both periods when the listing is recent, and is null before it', () => {
    const p = evidencePeriods('2025-12-26', 90, beijing('2025-12-31T12:00:00'), 'Asia/Shanghai')!;
    expect(p.days).toBe(6);
    expect(p.after[1] - p.after[0]).toBe(p.before[1] - p.before[0]);
    expect(evidencePeriods('2026-01-05', 90, beijing('2025-12-31T12:00:00'), 'Asia/Shanghai')).toBeNull();
  });
});

describe('weightedDisplacementQuotient', () => {
  it('follows Bowers & Johnson: success and displacement measures against the control', () => {
    // R 100 → 50, D 80 → 96, C 1000 → 1000: success −0.5, displacement +0.2, WDQ −0.4.
    const w = weightedDisplacementQuotient({ before: 100, after: 50 }, { before: 80, after: 96 }, { before: 1000, after: 1000 });
    expect(w.success).toBeCloseTo(-0.5);
    expect(w.displacement).toBeCloseTo(0.2);
    expect(w.wdq).toBeCloseTo(-0.4);
    expect(w.verdict).toBe('displacement');
    expect(weightedDisplacementQuotient({ before: 100, after: 50 }, { before: 80, after: 40 }, { before: 1000, after: 1000 }).verdict).toBe('diffusion');
    expect(weightedDisplacementQuotient({ before: 100, after: 80 }, { before: 50, after: 80 }, { before: 100, after: 100 }).verdict).toBe('displacement-more');
    expect(weightedDisplacementQuotient({ before: 100, after: 90 }, { before: 50, after: 10 }, { before: 100, after: 100 }).verdict).toBe('diffusion-more');
  });

  it('is not read when the area did not improve against the control, and undefined without a before', () => {
    expect(weightedDisplacementQuotient({ before: 10, after: 12 }, { before: 10, after: 5 }, { before: 100, after: 100 })).toMatchObject({ wdq: null, verdict: 'no-effect' });
    expect(weightedDisplacementQuotient({ before: 10, after: 5 }, { before: 0, after: 5 }, { before: 100, after: 100 }).verdict).toBe('undefined');
  });

  it('words small changes with countChange, never as a percentage shout', () => {
    const p = evidencePeriods('2025-06-01', 30, beijing('2025-12-31T12:00:00'), 'Asia/Shanghai')!;
    expect(hotspotEvidence(p, { before: 3, after: 6 }, { before: 1, after: 1 }, { before: 9, after: 9 }).change).toMatchObject({ significant: false, direction: 'none' });
    expect(hotspotEvidence(p, { before: 60, after: 20 }, { before: 1, after: 1 }, { before: 9, after: 9 }).change).toMatchObject({ significant: true, direction: 'down' });
  });
});

describe('displacementZones', () => {
  it('makes a ring round the area and a control without either', () => {
    const area = rect(117.2, 32.9, 117.21, 32.91);
    const town = rect(117.1, 32.8, 117.3, 33.0);
    const z = displacementZones(area, 300, town);
    const inRing = (p: LngLat) => booleanPointInPolygon(p, z.buffer!);
    expect(inRing([117.205, 32.905])).toBe(false); // inside the area
    expect(inRing([117.2115, 32.905])).toBe(true); // ~140 m east of it
    expect(inRing([117.22, 32.905])).toBe(false); // ~930 m east
    expect(booleanPointInPolygon([117.2115, 32.905], z.control!)).toBe(false);
    expect(booleanPointInPolygon([117.25, 32.95], z.control!)).toBe(true);
    expect(turfArea(z.control!)).toBeLessThan(turfArea(town) - turfArea(area));
  });
});

describe('register API in the analysis worker', () => {
  it('counts area, ring and control before and after the listing, with PAI and WDQ', async () => {
    const api = createAnalysisApi();
    const listed = beijing('2025-06-01T00:00:00') / 1000;
    const pts: Array<[number, number, number]> = [];
    const day = 86_400;
    // Area: 40 incidents before, 10 after; ring (≈140 m east): 10 → 10; control: 100 → 100.
    for (let i = 0; i < 40; i++) pts.push([117.205, 32.905, listed - day * (1 + (i % 80))]);
    for (let i = 0; i < 10; i++) pts.push([117.205, 32.905, listed + day * (1 + (i % 80))]);
    for (let i = 0; i < 10; i++) pts.push([117.2115, 32.905, listed - day * 5], [117.2115, 32.905, listed + day * 5]);
    for (let i = 0; i < 100; i++) pts.push([117.25, 32.95, listed - day * 10], [117.25, 32.95, listed + day * 10]);
    const cols: IncidentColumns = {
      lng: Float64Array.from(pts, (p) => p[0]),
      lat: Float64Array.from(pts, (p) => p[1]),
      timeSec: Uint32Array.from(pts, (p) => p[2]),
      category: new Uint16Array(pts.length),
    };
    await api.loadIncidents(cols, { timeZone: 'Asia/Shanghai', parallel: false });
    const town = rect(117.1, 32.8, 117.3, 33.0);
    api.setStudyArea(town);
    const ev = api.hotspotEvidence(null, rect(117.2, 32.9, 117.21, 32.91), town, { listedOn: '2025-06-01', nowMs: beijing('2025-12-31T12:00:00'), timeZone: 'Asia/Shanghai' })!;
    expect(ev.periods.days).toBe(90);
    expect([ev.area, ev.ring, ev.control]).toEqual([{ before: 40, after: 10 }, { before: 10, after: 10 }, { before: 100, after: 100 }]);
    expect(ev.change).toMatchObject({ direction: 'down', significant: true });
    // success 0.25 − 1 = −0.75, displacement 0 → WDQ 0: nothing moved next door.
    expect(ev.wdq.wdq).toBeCloseTo(0);
    expect(ev.pai.caught).toBe(10);
    expect(ev.pai.total).toBe(120);
    expect(ev.pai.pai).toBeGreaterThan(10);
  });
});
