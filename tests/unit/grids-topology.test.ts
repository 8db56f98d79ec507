// Topology of a grid layout: self-intersections, overlaps with their area, gaps inside the
// parent unit and parts outside it — on hand-made squares and on the demo's 398 grids (clean).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { AdminFeature, AreaGeometry } from '../../src/model';
import { layoutOfDataset, type LayoutGrid } from '../../src/analysis/grids/grid-layout';
import { gridTopology } from '../../src/analysis/grids/grid-topology';

const rect = (x: number, y: number, w: number, h: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
const V = 'V1';
const village: AdminFeature = { type: 'Feature', geometry: rect(117, 32, 0.02, 0.01), properties: { id: V, level: 'village', name: '村', nameEn: 'V', parentId: 'T', kind: 'village', households: 0, population: 0 } };
const g = (id: string, geometry: AreaGeometry): LayoutGrid => ({
  type: 'Feature',
  geometry,
  properties: { id, code: id, name: id, nameEn: id, townId: 'T', villageId: V, kind: 'comprehensive', households: 0, population: 0, officer: '', officerPhone: '', setting: 'urban', level: 'grid', figures: 'survey' },
});

describe('grid topology', () => {
  it('two grids tiling their village exactly have no issue', () => {
    expect(gridTopology([g('a', rect(117, 32, 0.01, 0.01)), g('b', rect(117.01, 32, 0.01, 0.01))], [village])).toEqual([]);
  });

  it('an overlap is reported once with its area in m², and the gap it leaves', () => {
    const a = g('a', rect(117, 32, 0.012, 0.01));
    const b = g('b', rect(117.01, 32, 0.008, 0.01)); // leaves 117.018–117.02 uncovered
    const issues = gridTopology([a, b], [village]);
    const overlap = issues.filter((i) => i.kind === 'overlap');
    expect(overlap).toHaveLength(1);
    expect(overlap[0].gridIds).toEqual(['a', 'b']);
    expect(overlap[0].areaM2).toBeCloseTo(area(rect(117.01, 32, 0.002, 0.01)), -1);
    const gap = issues.filter((i) => i.kind === 'gap');
    expect(gap).toHaveLength(1);
    expect(gap[0].parentId).toBe(V);
    expect(gap[0].areaM2).toBeCloseTo(area(rect(117.018, 32, 0.002, 0.01)), -1);
    expect(gap[0].at[0]).toBeCloseTo(117.019, 4);
  });

  it('a part outside the parent, and a self-crossing ring', () => {
    const out = g('o', rect(117.01, 32, 0.015, 0.01));
    const bow = g('x', { type: 'Polygon', coordinates: [[[117, 32], [117.01, 32.01], [117.01, 32], [117, 32.01], [117, 32]]] });
    const issues = gridTopology([out, bow], [village]);
    const outside = issues.find((i) => i.kind === 'outside')!;
    expect(outside.gridIds).toEqual(['o']);
    expect(outside.areaM2).toBeCloseTo(area(rect(117.02, 32, 0.005, 0.01)), -1);
    const kink = issues.find((i) => i.kind === 'self-intersection')!;
    expect(kink.gridIds).toEqual(['x']);
    expect(kink.at[0]).toBeCloseTo(117.005, 6);
  });

  it('with subjects given, only problems touching them are listed', () => {
    const a = g('a', rect(117, 32, 0.012, 0.01));
    const b = g('b', rect(117.01, 32, 0.01, 0.01));
    const c = g('c', rect(117.0, 32.0, 0.001, 0.001)); // inside a
    expect(gridTopology([a, b, c], [village], { subjectIds: new Set(['b']) }).map((i) => i.gridIds)).toEqual([['b', 'a']]);
  });

  it('the demo grids tile their parents: no issue for an edited demo grid and its neighbours', () => {
    const read = (f: string) => JSON.parse(readFileSync(join(process.cwd(), 'data/demo', f), 'utf8'));
    const grids = layoutOfDataset(read('grids.geojson'));
    const admin = read('admin.geojson').features as AdminFeature[];
    expect(grids.length).toBe(398);
    const subjects = new Set(grids.slice(0, 40).map((x) => x.properties.id));
    expect(gridTopology(grids, admin, { subjectIds: subjects })).toEqual([]);
  });
});
