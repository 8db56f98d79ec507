// The search index: pinyin initials and full pinyin, grid codes and camera ids, exact > prefix >
// substring ranking with kinds as the tie-break, and targets (area bounds, points) — on a small
// hand-made dataset and on the committed demo.
import { describe, expect, it } from 'vitest';
import type { MapData } from '../../src/model';
import { bboxOf, buildSearchIndex, searchIndex } from '../../src/ui/search/search-index';
import { geojson } from './demo-helpers';

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]] as [number, number][]],
});

type Data = Pick<MapData, 'admin' | 'grids' | 'cameras' | 'hotspots' | 'places'>;
const fc = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
const admin = (id: string, level: 'county' | 'town' | 'village', name: string, nameEn: string, x: number) => ({
  type: 'Feature' as const,
  geometry: square(x, 30),
  properties: { id, level, name, nameEn, parentId: null, kind: level === 'village' ? ('community' as const) : level, households: 1, population: 1 },
});
const grid = (id: string, name: string, officer: string, x: number) => ({
  type: 'Feature' as const,
  geometry: square(x, 31, 0.002),
  properties: { id, code: id, name, nameEn: `${name} (en)`, townId: 't', villageId: 'v', kind: 'comprehensive' as const, households: 1, population: 1, officer, officerPhone: '', setting: 'urban' as const },
});

const tiny: Data = {
  admin: fc([
    admin('c', 'county', '示范县', 'Demo County', 0),
    admin('t1', 'town', '城关街道', 'Chengguan Subdistrict', 1),
    admin('v1', 'village', '鼓楼社区', 'Gulou Community', 2),
    admin('v2', 'village', '东关社区', 'Dongguan Community', 3),
  ]),
  grids: fc([grid('349901-001-005-01', '鼓楼社区第1网格', '马杰', 2), grid('349901-001-001-02', '东关社区第2网格', '鼓玲', 3)]),
  cameras: fc([
    { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [116.5, 33.2] as [number, number] }, properties: { id: 'CAM-00042', name: '鼓楼路口-1', kind: 'street-dome' as const, status: 'online' as const, heading: 0, fov: 360, range: 80, townId: 't1', installedYear: 2020 } },
  ]),
  hotspots: fc([]),
  places: fc([
    { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [116.4, 33.1] as [number, number] }, properties: { name: '鼓楼夜宵街', nameEn: 'Gulou Night Food Street', kind: 'entertainment' as const, rank: 3 } },
    // The same name as an admin unit: listed once, as the unit with its area.
    { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [116.4, 33.1] as [number, number] }, properties: { name: '鼓楼社区', nameEn: 'Gulou', kind: 'community' as const, rank: 4 } },
  ]),
} as Data;

describe('search index', () => {
  const index = buildSearchIndex(tiny);
  const names = (q: string) => searchIndex(index, q).map((r) => `${r.entry.kind}:${r.entry.name}`);

  it('finds a community by its pinyin initials, exact first, and its grids after it', () => {
    const r = searchIndex(index, 'glsq');
    expect(r[0].entry.name).toBe('鼓楼社区');
    expect(r[0].rank).toBe(0);
    expect(r[0].entry.kind).toBe('village');
    expect(names('glsq')).toEqual(['village:鼓楼社区', 'grid:鼓楼社区第1网格']);
  });

  it('finds by full pinyin and by English name, ignoring case and spaces', () => {
    expect(names('gulou')[0]).toBe('village:鼓楼社区');
    expect(names('Gu Lou Community')[0]).toBe('village:鼓楼社区');
    expect(names('chengguan')).toContain('town:城关街道');
  });

  it('ranks exact > prefix > substring, ties by kind (area before place before officer before camera)', () => {
    const r = searchIndex(index, '鼓楼');
    // All prefix matches (the officer 鼓玲 does not match): kinds order the ties.
    expect(r.map((x) => x.entry.kind)).toEqual(['village', 'grid', 'place', 'camera']);
    expect(r.every((x) => x.rank === 1)).toBe(true);
    const sub = searchIndex(index, '社区');
    expect(sub.map((x) => x.rank)).toEqual([2, 2, 2, 2]); // two communities and two grids, all substrings
    const mixed = searchIndex(index, 'gl');
    // 'gl' is exactly the officer 鼓玲's initials, so she comes first although officers rank after
    // areas; then the prefixes of gulou…, in kind order.
    expect(mixed.map((x) => `${x.rank}:${x.entry.kind}`)).toEqual(['0:officer', '1:village', '1:grid', '1:place', '1:camera']);
  });

  it('finds a grid by its code (whole or part) and a camera by its id, and an officer by name', () => {
    const byCode = searchIndex(index, '349901-001-005-01');
    expect(byCode[0].entry.name).toBe('鼓楼社区第1网格');
    expect(byCode[0].rank).toBe(0);
    expect(byCode[0].entry.selection).toEqual({ kind: 'grid', id: '349901-001-005-01' });
    expect(names('005-01')).toEqual(['grid:鼓楼社区第1网格']);
    expect(names('cam-00042')).toEqual(['camera:鼓楼路口-1']);
    const officer = searchIndex(index, '马杰')[0];
    expect(officer.entry.kind).toBe('officer');
    expect(officer.entry.detail).toBe('鼓楼社区第1网格');
    expect(officer.entry.selection).toEqual({ kind: 'grid', id: '349901-001-005-01' });
  });

  it('lists a place named like an admin unit once, leaves out the county, and matches nothing for blank', () => {
    expect(index.entries.filter((e) => e.name === '鼓楼社区')).toHaveLength(1);
    expect(index.entries.some((e) => e.name === '示范县')).toBe(false);
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, 'zzzz')).toEqual([]);
  });

  it('gives areas their bounds and points their position', () => {
    const v = searchIndex(index, '鼓楼社区')[0].entry;
    expect(v.target).toEqual({ bounds: bboxOf(square(2, 30)) });
    expect(bboxOf(square(2, 30))).toEqual([2, 30, 2.01, 30.01]);
    expect(searchIndex(index, 'CAM-00042')[0].entry.target).toEqual({ point: [116.5, 33.2] });
  });
});

describe('search index on the demo', () => {
  const demo = {
    admin: geojson('admin.geojson'),
    grids: geojson('grids.geojson'),
    cameras: geojson('cameras.geojson'),
    hotspots: geojson('hotspots.geojson'),
    places: geojson('places.geojson'),
  } as unknown as Data;
  const t0 = performance.now();
  const index = buildSearchIndex(demo);
  const buildMs = performance.now() - t0;

  it('"glsq" finds 鼓楼社区 first; a grid code finds that grid; a camera id finds that camera', () => {
    console.log(`demo index: ${index.entries.length} entries built in ${buildMs.toFixed(0)} ms`);
    expect(searchIndex(index, 'glsq')[0].entry.name).toBe('鼓楼社区');
    const g = demo.grids.features[17].properties;
    expect(searchIndex(index, g.code)[0].entry.selection).toEqual({ kind: 'grid', id: g.id });
    const c = demo.cameras.features[100].properties;
    expect(searchIndex(index, c.id)[0].entry.selection).toEqual({ kind: 'camera', id: c.id });
    const h = demo.hotspots.features[0].properties;
    expect(searchIndex(index, h.name)[0].entry.selection).toEqual({ kind: 'hotspot', id: h.id });
    const t = demo.admin.features.find((f) => f.properties.level === 'town')!.properties;
    expect(searchIndex(index, t.name)[0].entry).toMatchObject({ kind: 'town', name: t.name });
  });

  it('short queries over every entry return ranked matches (time per query is printed)', () => {
    const t = performance.now();
    let found = 0;
    for (let i = 0; i < 50; i++) found += searchIndex(index, i % 2 ? 'sq' : '路').length;
    const perQuery = (performance.now() - t) / 50;
    console.log(`demo query: ${perQuery.toFixed(2)} ms`);
    expect(searchIndex(index, 'sq').length).toBeGreaterThan(0);
    expect(searchIndex(index, '路').length).toBeGreaterThan(0);
    expect(found).toBe(25 * (searchIndex(index, 'sq').length + searchIndex(index, '路').length));
  });
});
