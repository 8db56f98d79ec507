// The grid editor's pure kernels: codes, the standard, pro-rating, the edit operations with
// undo/redo, version diffs and snapping.
import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { AreaGeometry, LngLat } from '../../src/model';
import { nextFreeCode, parseGridCode, splitCodes } from '../../src/analysis/grids/grid-codes';
import { DEFAULT_GRID_STANDARD, standardFlag } from '../../src/analysis/grids/grid-standard';
import { prorateByArea } from '../../src/analysis/grids/grid-prorate';
import { applyChange, type LayoutGrid } from '../../src/analysis/grids/grid-layout';
import { historyReducer, replayHistory, startHistory } from '../../src/analysis/grids/layout-history';
import { addGrid, deleteGrid, mergeGrids, moveSharedVertex, reshapeGrid, setAttributes, splitGrid, type OpContext } from '../../src/analysis/grids/layout-ops';
import { diffLayouts } from '../../src/analysis/grids/layout-diff';
import { snapToRings } from '../../src/analysis/grids/snap-to-grids';

const rect = (x: number, y: number, w: number, h: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]],
});
const V = '349901-001-001';
function grid(seq: number, geometry: AreaGeometry, households = 300, population = 900): LayoutGrid {
  const code = `${V}-${String(seq).padStart(2, '0')}`;
  return {
    type: 'Feature',
    geometry,
    properties: { id: code, code, name: `网格${seq}`, nameEn: `Grid ${seq}`, townId: '349901-001', villageId: V, kind: 'comprehensive', households, population, officer: '张三', officerPhone: '', setting: 'urban', level: 'grid', figures: 'survey' },
  };
}
// Two grids side by side sharing the edge x = 117.01.
const A = grid(1, rect(117, 32, 0.01, 0.01), 300, 900);
const B = grid(2, rect(117.01, 32, 0.01, 0.01), 400, 1000);
const layout = [A, B];
const ctx = (grids: LayoutGrid[] = layout): OpContext => ({ sources: grids.map((g) => ({ ...g.properties, geometry: g.geometry })), takenCodes: grids.map((g) => g.properties.code) });

describe('codes in the parent scheme', () => {
  it('parses town · village · sequence and gives the next free sequence', () => {
    expect(parseGridCode('349901-001-001-06')).toEqual({ parent: '349901-001-001', sequence: 6 });
    expect(nextFreeCode(V, [`${V}-01`, `${V}-06`, '349901-001-002-09'])).toBe(`${V}-07`);
    expect(nextFreeCode('349901-002-003', [`${V}-01`])).toBe('349901-002-003-01');
    expect(nextFreeCode(V, [`${V}-99`])).toBe(`${V}-100`);
  });
  it('a split keeps the code and the other part takes the next', () => {
    expect(splitCodes(`${V}-02`, V, [`${V}-01`, `${V}-02`, `${V}-03`])).toEqual([`${V}-02`, `${V}-04`]);
  });
});

describe('the standard', () => {
  it('flags below 200 and above 400 by default, the bounds themselves within', () => {
    expect(DEFAULT_GRID_STANDARD.target).toBe(300);
    expect([199, 200, 300, 400, 401].map((h) => standardFlag(h))).toEqual(['below', 'within', 'within', 'within', 'above']);
    expect(standardFlag(250, { target: 500, min: 400, max: 600 })).toBe('below');
  });
});

describe('pro-rating by area', () => {
  it('takes each covered grid\'s figures by the share of its area inside the shape', () => {
    // Right half of A and left half of B: 150 + 200 households, 450 + 500 people.
    const p = prorateByArea(rect(117.005, 32, 0.01, 0.01), ctx().sources);
    expect(p.households).toBe(350);
    expect(p.population).toBe(950);
    expect(p.from.map((f) => f.code)).toEqual([A.properties.code, B.properties.code]);
    expect(p.from[0].share).toBeCloseTo(0.5, 3);
  });
  it('a neighbour that only shares an edge contributes nothing', () => {
    const p = prorateByArea(A.geometry, ctx().sources);
    expect(p.households).toBe(300);
    expect(p.from).toHaveLength(1);
  });
});

describe('operations and undo/redo', () => {
  it('add gives the next free code and pro-rated figures; undo and redo restore each state', () => {
    let h = startHistory(layout);
    const r = addGrid(rect(117.005, 32.002, 0.01, 0.005), { villageId: V, townId: '349901-001', name: '新网格' }, ctx());
    if (!r.ok) throw new Error(r.error);
    h = historyReducer(h, { type: 'do', change: r.change });
    expect(h.grids.map((g) => g.properties.code)).toEqual([`${V}-01`, `${V}-02`, `${V}-03`]);
    expect(h.grids[2].properties.figures).toBe('prorated');
    expect(h.grids[2].properties.households).toBe(Math.round(0.25 * 300 + 0.25 * 400));
    const afterAdd = h;
    h = historyReducer(h, { type: 'undo' });
    expect(h.grids).toEqual(layout);
    h = historyReducer(h, { type: 'redo' });
    expect(h.grids).toEqual(afterAdd.grids);
    expect(historyReducer(startHistory(layout), { type: 'undo' }).grids).toBe(layout);
  });

  it('reshape keeps the grid in its place; delete removes it; a new edit clears redo', () => {
    let h = startHistory(layout);
    const r = reshapeGrid(h.grids, A.properties.id, rect(117, 32, 0.01, 0.02), ctx());
    if (!r.ok) throw new Error(r.error);
    h = historyReducer(h, { type: 'do', change: r.change });
    expect(h.grids[0].properties.id).toBe(A.properties.id);
    expect(h.grids[0].geometry).toEqual(rect(117, 32, 0.01, 0.02));
    h = historyReducer(h, { type: 'undo' });
    const d = deleteGrid(h.grids, B.properties.id);
    if (!d.ok) throw new Error(d.error);
    h = historyReducer(h, { type: 'do', change: d.change });
    expect(h.grids).toEqual([A]);
    expect(h.undone).toEqual([]);
    expect(deleteGrid(h.grids, 'nope')).toEqual({ ok: false, error: 'not-found' });
  });

  it('typed-in figures are kept on reshaping', () => {
    const s = setAttributes(layout, A.properties.id, { households: 123, officer: '李四' });
    if (!s.ok) throw new Error(s.error);
    const grids = applyChange(layout, s.change);
    expect(grids[0].properties).toMatchObject({ households: 123, officer: '李四', figures: 'entered' });
    const r = reshapeGrid(grids, A.properties.id, rect(117, 32, 0.005, 0.01), ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.change.added[0].properties.households).toBe(123);
  });

  it('split along a line: two parts sharing the cut exactly, one keeps the code, figures add up', () => {
    const line: LngLat[] = [[117.005, 31.99], [117.005, 32.02]];
    const r = splitGrid(layout, A.properties.id, line, ctx());
    if (!r.ok) throw new Error(r.error);
    const [left, right] = r.change.added;
    expect(left.properties.code).toBe(A.properties.code);
    expect(right.properties.code).toBe(`${V}-03`);
    expect(area(left.geometry) + area(right.geometry)).toBeCloseTo(area(A.geometry), 0);
    expect(area(left.geometry)).toBeCloseTo(area(A.geometry) / 2, -1);
    expect(left.properties.households + right.properties.households).toBe(300);
    const vertsOnCut = (g: AreaGeometry) => (g.coordinates as LngLat[][])[0].filter((p) => Math.abs(p[0] - 117.005) < 1e-12).map((p) => p.join());
    expect(new Set(vertsOnCut(left.geometry))).toEqual(new Set(vertsOnCut(right.geometry)));
    // A line that does not cross the grid splits nothing.
    expect(splitGrid(layout, A.properties.id, [[117.1, 31.9], [117.1, 32.1]], ctx())).toEqual({ ok: false, error: 'line-does-not-split' });
  });

  it('merge of adjacent grids: one polygon, the first keeps its code, figures add; far apart refused', () => {
    const r = mergeGrids(layout, A.properties.id, B.properties.id);
    if (!r.ok) throw new Error(r.error);
    const m = r.change.added[0];
    expect(m.geometry.type).toBe('Polygon');
    expect(m.properties.code).toBe(A.properties.code);
    expect(m.properties.households).toBe(700);
    expect(area(m.geometry)).toBeCloseTo(area(A.geometry) + area(B.geometry), 0);
    const far = grid(3, rect(118, 32, 0.01, 0.01));
    expect(mergeGrids([A, far], A.properties.id, far.properties.id)).toEqual({ ok: false, error: 'not-adjacent' });
  });

  it('moving a shared vertex moves it in every grid that has it, as one undo step', () => {
    let h = startHistory(layout);
    const r = moveSharedVertex(h.grids, [117.01, 32.01], [117.012, 32.011]);
    if (!r.ok) throw new Error(r.error);
    expect(r.change.added).toHaveLength(2);
    h = historyReducer(h, { type: 'do', change: r.change });
    for (const g of h.grids) expect((g.geometry.coordinates as LngLat[][])[0]).toContainEqual([117.012, 32.011]);
    h = historyReducer(h, { type: 'undo' });
    expect(h.grids).toEqual(layout);
    expect(moveSharedVertex(layout, [0, 0], [1, 1]).ok).toBe(false);
  });

  it('a saved history replays to the same layout', () => {
    let h = startHistory(layout);
    for (const op of [addGrid(rect(117.02, 32, 0.01, 0.01), { villageId: V, townId: '349901-001' }, ctx()), deleteGrid(layout, A.properties.id)]) {
      if (!op.ok) throw new Error(op.error);
      h = historyReducer(h, { type: 'do', change: op.change });
    }
    h = historyReducer(h, { type: 'undo' });
    const saved = JSON.parse(JSON.stringify({ done: h.done, undone: h.undone }));
    expect(replayHistory(layout, saved.done, saved.undone)).toEqual(h);
  });
});

describe('comparing versions', () => {
  it('lists added, removed and changed grids by id', () => {
    const C = grid(3, rect(117.02, 32, 0.01, 0.01));
    const B2 = { ...B, properties: { ...B.properties, officer: '王五' } };
    expect(diffLayouts([A, B], [A, B2, C])).toEqual({ added: [C.properties.id], removed: [], changed: [B.properties.id], unchanged: 1 });
    expect(diffLayouts([A, B], [B])).toEqual({ added: [], removed: [A.properties.id], changed: [], unchanged: 1 });
  });
});

describe('snapping', () => {
  // A plain projection: 1° = 10,000 px.
  const project = (p: LngLat): [number, number] => [p[0] * 1e4, -p[1] * 1e4];
  const unproject = (xy: [number, number]): LngLat => [xy[0] / 1e4, -xy[1] / 1e4];
  const rings = [(A.geometry.coordinates as LngLat[][])[0]];
  it('snaps to a vertex within the tolerance, exactly', () => {
    expect(snapToRings(project([117.0101, 32.0099]), rings, project, unproject, 10)).toEqual([117.01, 32.01]);
  });
  it('else to the nearest point of an edge; nothing beyond the tolerance', () => {
    const s = snapToRings(project([117.0103, 32.005]), rings, project, unproject, 10)!;
    expect(s[0]).toBeCloseTo(117.01, 9);
    expect(s[1]).toBeCloseTo(32.005, 9);
    expect(snapToRings(project([117.0103, 32.005]), rings, project, unproject, 2)).toBeNull();
  });
  it('a vertex wins over a nearer edge inside the tolerance', () => {
    expect(snapToRings(project([117.0096, 32.0094]), rings, project, unproject, 10)).toEqual([117.01, 32.01]);
  });
});
