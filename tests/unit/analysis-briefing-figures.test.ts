// The briefing's figures on the committed demo against a brute force: every incident's local date
// (UTC+8) read straight off its time, its case class off the manifest, its cell from latLngToCell
// and its grid by turf point-in-polygon — exact counts, not approximations.
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import { briefingPeriods, classFilter } from '../../src/analysis/briefing/briefing-figures';
import { localMidnight } from '../../src/analysis/time/calendar-periods';
import { countChange } from '../../src/analysis/stats/count-change';
import { geojson, incidents, localDate, manifest } from './demo-helpers';

const m = manifest();
const tz = m.timeZone;
const cols = incidents(m);
const grids = geojson('grids.geojson');
const sec = (r: [number, number]): [number, number] => [Math.ceil(r[0] / 1000), Math.ceil(r[1] / 1000)];

async function api() {
  const a = createAnalysisApi();
  const copy = { lng: cols.lng.slice(), lat: cols.lat.slice(), timeSec: cols.timeSec.slice(), category: cols.category.slice() };
  await a.loadIncidents(copy, { timeZone: tz, exactOnDemand: true });
  a.assignPolygons('grids', grids);
  return a;
}

describe('briefing figures on the demo', () => {
  it('December 2025: 环比 is November 2025, 同比 December 2024 (local dates)', () => {
    const p = briefingPeriods([localMidnight(tz, 2025, 12, 1), localMidnight(tz, 2026, 1, 1)], tz);
    expect(p.previous).toEqual([localMidnight(tz, 2025, 11, 1), localMidnight(tz, 2025, 12, 1)]);
    expect(p.lastYear).toEqual([localMidnight(tz, 2024, 12, 1), localMidnight(tz, 2025, 1, 1)]);
  });

  it('counts, case classes, top cells and top grids equal a brute force, with or without a kind filter', async () => {
    const a = await api();
    const periods = briefingPeriods([localMidnight(tz, 2025, 12, 1), localMidnight(tz, 2026, 1, 1)], tz);
    const periodsSec = { current: sec(periods.current), previous: sec(periods.previous), lastYear: sec(periods.lastYear) };
    const kindClass = new Map(m.offenceKinds.map((k) => [k.code, k.caseClass] as const));
    const burglaryHidden = new Uint8Array(m.offenceKinds.length).fill(1);
    burglaryHidden[m.offenceKinds.find((k) => k.id === 'burglary')!.code] = 0;
    const resolution = 8;
    const boxes = grids.features.map((g) => bbox(g));
    const gridOf = (i: number): number => {
      const x = cols.lng[i], y = cols.lat[i];
      for (let k = 0; k < grids.features.length; k++) {
        const b = boxes[k];
        if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
        if (booleanPointInPolygon(point([x, y]), grids.features[k])) return k;
      }
      return -1;
    };
    for (const categories of [null, burglaryHidden]) {
      const got = a.briefingFigures({ categories }, periodsSec, m.offenceKinds, resolution, 10);
      // Brute force: which period (0 now, 1 环比, 2 同比) each kept incident falls in.
      const total = [0, 0, 0];
      const byClass = { criminal: [0, 0, 0], 'public-order': [0, 0, 0] } as Record<string, number[]>;
      const cells = new Map<string, number[]>();
      const gridCounts = new Map<number, number[]>();
      for (let i = 0; i < cols.lng.length; i++) {
        if (categories && !categories[cols.category[i]]) continue;
        const d = localDate(cols.timeSec[i]);
        const which = d >= '2025-12-01' && d <= '2025-12-31' ? 0 : d >= '2025-11-01' && d <= '2025-11-30' ? 1 : d >= '2024-12-01' && d <= '2024-12-31' ? 2 : -1;
        if (which < 0) continue;
        total[which]++;
        const cls = byClass[kindClass.get(cols.category[i])!];
        if (cls) cls[which]++;
        const c = latLngToCell(cols.lat[i], cols.lng[i], resolution);
        if (!cells.has(c)) cells.set(c, [0, 0, 0]);
        cells.get(c)![which]++;
        const g = gridOf(i);
        if (g >= 0) {
          if (!gridCounts.has(g)) gridCounts.set(g, [0, 0, 0]);
          gridCounts.get(g)![which]++;
        }
      }
      console.log(`briefing, Dec 2025 ${categories ? '(burglary hidden)' : ''}: ${total[0]} incidents, 环比 ${total[1]}, 同比 ${total[2]}; criminal ${byClass.criminal.join('/')}, public-order ${byClass['public-order'].join('/')}`);
      expect(total[0]).toBeGreaterThan(0);
      expect(got.incidents.current).toBe(total[0]);
      expect(got.incidents.vsPrevious).toEqual(countChange(total[0], total[1]));
      expect(got.incidents.vsLastYear).toEqual(countChange(total[0], total[2]));
      for (const [cls, key] of [['criminal', 'criminal'], ['public-order', 'publicOrder']] as const) {
        expect(got[key].current, cls).toBe(byClass[cls][0]);
        expect(got[key].vsPrevious.previous, cls).toBe(byClass[cls][1]);
        expect(got[key].vsLastYear.previous, cls).toBe(byClass[cls][2]);
      }
      const rank = <K,>(entries: Map<K, number[]>, key: (k: K) => string) =>
        [...entries].filter(([, v]) => v[0] > 0).sort((x, y) => y[1][0] - x[1][0] || (key(x[0]) < key(y[0]) ? -1 : 1)).slice(0, 10).map(([k, v]) => [key(k), ...v]);
      expect(got.topCells.map((r) => [r.key, r.current, r.vsPrevious.previous, r.vsLastYear.previous])).toEqual(rank(cells, (c) => c));
      // Grids are ranked by count; ties by key, which is the grid's index as a string.
      expect(got.topGrids.map((r) => [r.key, r.current, r.vsPrevious.previous, r.vsLastYear.previous])).toEqual(rank(gridCounts, (g) => String(g)));
    }
  }, 120_000);

  it('a case class keeps only its kinds that the filter keeps', () => {
    const kinds = m.offenceKinds;
    const f = classFilter({ categories: null }, kinds, 'criminal');
    expect([...f.categories!].reduce((s, x) => s + x, 0)).toBe(kinds.filter((k) => k.caseClass === 'criminal').length);
    const none = classFilter({ categories: new Uint8Array(kinds.length) }, kinds, 'criminal');
    expect([...none.categories!].every((x) => x === 0)).toBe(true);
  });
});

describe('hotspot tally on the demo', () => {
  it('counts listed (overdue included), overdue and delisted as the status rules judge them on asOf', async () => {
    const { hotspotTally } = await import('../../src/analysis/briefing/hotspot-tally');
    const { hotspotStatus } = await import('../../src/analysis/hotspots/hotspot-status');
    const props = geojson('hotspots.geojson').features.map((f) => f.properties);
    const got = hotspotTally(props, m.asOf, tz);
    const statuses = props.map((p) => hotspotStatus(p, m.asOf, tz));
    const n = (...s: string[]) => statuses.filter((x) => s.includes(x)).length;
    console.log(`hotspots on ${localDate(m.asOf / 1000)}: listed ${got.listed}, overdue ${got.overdue}, delisted ${got.delisted}`);
    expect(got.overdue).toBe(n('overdue'));
    expect(got.listed).toBe(n('overdue', 'listed', 'rectifying', 'accepting'));
    expect(got.delisted).toBe(n('delisted'));
    expect(got.listedIds.length).toBe(got.listed);
    expect(got.overdue).toBeGreaterThan(0);
  });
});
