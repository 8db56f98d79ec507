// The register's state machine (DOMAIN.md rectification cycle), candidates from Gi* hot cells,
// and a new hotspot from a drawn area.
import { describe, expect, it } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import { area as turfArea } from '@turf/turf';
import {
  allowedActions,
  applyRegister,
  applyRegisterAction,
  lastListedOn,
  latestSatisfaction,
  newHotspot,
  type RegisterAction,
} from '../../src/analysis/hotspots/register-rules';
import { hotspotCandidates } from '../../src/analysis/hotspots/hotspot-candidates';
import { hotspotStatus } from '../../src/analysis/hotspots/hotspot-status';
import type { GiClass } from '../../src/analysis/stats/gi-star';
import type { HotspotFeature, HotspotProps, PolygonGeometry } from '../../src/model';

const square: PolygonGeometry = { type: 'Polygon', coordinates: [[[117.2, 32.9], [117.21, 32.9], [117.21, 32.91], [117.2, 32.91], [117.2, 32.9]]] };
const fresh = (): HotspotProps => newHotspot({ id: 'N-1', name: '城东集贸市场', kind: 'market', townId: 'T1', geometry: square, date: '2025-01-02' }).properties;

/** Applies actions in order, failing the test on the first refusal. */
function run(h: HotspotProps, actions: RegisterAction[]): HotspotProps {
  for (const a of actions) {
    const out = applyRegisterAction(h, a);
    if (!out.ok) throw new Error(`${a.kind} refused: ${JSON.stringify(out.error)}`);
    h = out.hotspot;
  }
  return h;
}

const toAcceptance: RegisterAction[] = [
  { kind: 'analyse', date: '2025-01-10' },
  { kind: 'list', date: '2025-01-20', deadline: '2025-04-30', note: '联席会议决定挂牌督办' },
  { kind: 'rectify', date: '2025-01-25' },
  { kind: 'submit', date: '2025-04-20' },
];

describe('register state machine', () => {
  it('walks the cycle discovered → assessing → listed → rectifying → accepting → delisted with dated history', () => {
    const h = run(fresh(), [...toAcceptance, { kind: 'accept', date: '2025-04-25', satisfaction: 0.93 }]);
    expect(h.state).toBe('delisted');
    expect(h.history.map((e) => [e.date, e.state])).toEqual([
      ['2025-01-02', 'discovered'],
      ['2025-01-10', 'assessing'],
      ['2025-01-20', 'listed'],
      ['2025-01-25', 'rectifying'],
      ['2025-04-20', 'accepting'],
      ['2025-04-25', 'delisted'],
    ]);
    expect(h.history[2]).toMatchObject({ deadline: '2025-04-30', note: '联席会议决定挂牌督办', action: 'list' });
    expect(latestSatisfaction(h.history)).toBe(0.93);
    expect(lastListedOn(h.history)).toBe('2025-01-20');
  });

  it('delists at exactly 90 %', () => {
    const out = applyRegisterAction(run(fresh(), toAcceptance), { kind: 'accept', date: '2025-04-25', satisfaction: 0.9 });
    expect(out.ok && out.hotspot.state).toBe('delisted');
  });

  it('refuses delisting below 90 % and extends the deadline instead (default 30 days after the deadline)', () => {
    const before = run(fresh(), toAcceptance);
    const out = applyRegisterAction(before, { kind: 'accept', date: '2025-04-25', satisfaction: 0.85 });
    if (!out.ok) throw new Error('refused');
    expect(out.delistRefused).toEqual({ satisfaction: 0.85, deadline: '2025-05-30' });
    expect(out.hotspot.state).toBe('rectifying');
    expect(out.hotspot.deadline).toBe('2025-05-30');
    expect(out.event).toMatchObject({ date: '2025-04-25', state: 'rectifying', satisfaction: 0.85, deadline: '2025-05-30', action: 'extend' });
    expect(out.hotspot.history).toHaveLength(before.history.length + 1);
    // A meeting may name its own new date; it must lie after the old deadline.
    const named = applyRegisterAction(before, { kind: 'accept', date: '2025-04-25', satisfaction: 0.5, extendTo: '2025-07-31' });
    expect(named.ok && named.hotspot.deadline).toBe('2025-07-31');
    const early = applyRegisterAction(before, { kind: 'accept', date: '2025-04-25', satisfaction: 0.5, extendTo: '2025-04-01' });
    expect(early).toEqual({ ok: false, error: { code: 'deadline-not-after', deadline: '2025-04-01', after: '2025-04-30' } });
  });

  it('extends a deadline only to a later date, keeping the state', () => {
    const h = run(fresh(), toAcceptance.slice(0, 3));
    const out = applyRegisterAction(h, { kind: 'extend', date: '2025-04-01', deadline: '2025-06-30', note: '延期' });
    expect(out.ok && [out.hotspot.state, out.hotspot.deadline]).toEqual(['rectifying', '2025-06-30']);
    expect(applyRegisterAction(h, { kind: 'extend', date: '2025-04-01', deadline: '2025-04-30' }).ok).toBe(false);
  });

  it('refuses actions the state does not allow, dates before the history, bad dates and rates', () => {
    const h = fresh();
    expect(applyRegisterAction(h, { kind: 'list', date: '2025-01-05', deadline: '2025-03-01' })).toEqual({
      ok: false,
      error: { code: 'not-allowed', action: 'list', state: 'discovered' },
    });
    expect(applyRegisterAction(h, { kind: 'analyse', date: '2024-12-31' })).toEqual({ ok: false, error: { code: 'date-before-history', date: '2024-12-31', last: '2025-01-02' } });
    expect(applyRegisterAction(h, { kind: 'analyse', date: '2025-02-30' })).toEqual({ ok: false, error: { code: 'bad-date', value: '2025-02-30' } });
    const accepting = run(fresh(), toAcceptance);
    expect(applyRegisterAction(accepting, { kind: 'accept', date: '2025-04-25', satisfaction: 1.2 }).ok).toBe(false);
    expect(applyRegisterAction(accepting, { kind: 'list', date: '2025-04-25', deadline: '2025-09-01' }).ok).toBe(false);
  });

  it('offers the actions of each state', () => {
    expect(allowedActions('discovered')).toEqual(['analyse']);
    expect(allowedActions('rectifying')).toEqual(['submit', 'extend']);
    expect(allowedActions('accepting')).toEqual(['accept', 'extend']);
    expect(allowedActions('delisted')).toEqual(['relist']);
  });

  it('raises the one-vote veto when listed again within a year of delisting, not after', () => {
    const delisted = run(fresh(), [...toAcceptance, { kind: 'accept', date: '2025-04-25', satisfaction: 0.95 }]);
    const soon = applyRegisterAction(delisted, { kind: 'relist', date: '2025-11-01', deadline: '2026-01-31' });
    expect(soon.ok && soon.veto).toEqual({ delistedOn: '2025-04-25', relistedOn: '2025-11-01' });
    expect(soon.ok && soon.hotspot.state).toBe('listed');
    const anniversary = applyRegisterAction(delisted, { kind: 'relist', date: '2026-04-25', deadline: '2026-06-30' });
    expect(anniversary.ok && anniversary.veto).not.toBeNull();
    const later = applyRegisterAction(delisted, { kind: 'relist', date: '2026-04-26', deadline: '2026-06-30' });
    expect(later.ok && later.veto).toBeNull();
  });

  it('flags an overdue hotspot from its deadline', () => {
    const h = run(fresh(), toAcceptance.slice(0, 3));
    expect(hotspotStatus(h, Date.parse('2025-04-30T23:00:00+08:00'), 'Asia/Shanghai')).toBe('rectifying');
    expect(hotspotStatus(h, Date.parse('2025-05-01T08:00:00+08:00'), 'Asia/Shanghai')).toBe('overdue');
  });
});

describe('applyRegister', () => {
  it('replaces saved hotspots by id, keeps the dataset order and appends new ones', () => {
    const a = newHotspot({ id: 'A', name: 'A', kind: 'market', townId: 'T', geometry: square, date: '2025-01-01' });
    const b = newHotspot({ id: 'B', name: 'B', kind: 'station', townId: 'T', geometry: square, date: '2025-01-01' });
    const base = { type: 'FeatureCollection' as const, features: [a, b] };
    const edited: HotspotFeature = { ...a, properties: { ...a.properties, state: 'assessing' } };
    const drawn = newHotspot({ id: 'C', name: 'C', kind: 'urban-village', townId: 'T', geometry: square, date: '2025-02-01' });
    const out = applyRegister(base, [drawn, edited]);
    expect(out.features.map((f) => [f.properties.id, f.properties.state])).toEqual([['A', 'assessing'], ['B', 'discovered'], ['C', 'discovered']]);
    expect(applyRegister(base, [])).toBe(base);
  });
});

describe('newHotspot', () => {
  it('makes a discovered hotspot of a drawn area without a deadline', () => {
    const f = newHotspot({ id: 'D-1', name: '火车站广场', kind: 'station', townId: 'T2', geometry: square, date: '2025-03-03', note: '群众反映' });
    expect(f.geometry).toBe(square);
    expect(f.properties).toMatchObject({ state: 'discovered', deadline: null, history: [{ date: '2025-03-03', state: 'discovered', note: '群众反映' }] });
  });
});

describe('hotspotCandidates', () => {
  it('groups connected hot cells into polygons, ranked by incidents', () => {
    const a = latLngToCell(32.94, 117.23, 9);
    const b = latLngToCell(32.8, 117.0, 9);
    const ringA = gridDisk(a, 1); // 7 touching cells
    const cells = [...ringA, b, latLngToCell(32.6, 116.8, 9)];
    const classes: GiClass[] = [...ringA.map((): GiClass => 'hot-99'), 'hot-95', 'hot-90'];
    const counts = Float64Array.from(cells.map((_, i) => (i < 7 ? 5 : 40)));
    const z = Float64Array.from(cells.map((_, i) => 3 + i));
    const out = hotspotCandidates({ cells, counts, z, classes });
    // The 90 % cell is left out at the default 95 %; the lone cell holds more than the seven.
    expect(out.map((c) => [c.rank, c.cells.length, c.count])).toEqual([[1, 1, 40], [2, 7, 35]]);
    expect(out[1].geometry.type).toBe('Polygon');
    expect(out[1].maxZ).toBe(9);
    // The union of seven hexagons: about seven times one hexagon's area (0.105 km² at res 9).
    expect(turfArea(out[1].geometry) / turfArea(out[0].geometry)).toBeCloseTo(7, 1);
    expect(hotspotCandidates({ cells, counts, z, classes }, { minClass: 'hot-90' })).toHaveLength(3);
    expect(hotspotCandidates({ cells, counts, z, classes }, { minClass: 'hot-99' })).toHaveLength(1);
  });
});
