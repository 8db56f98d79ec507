// A view as a link: what encodeLink writes, decodeLink reads back exactly (against the dataset's
// ids); whatever a link holds that cannot be used is left out with a notice, never thrown.
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { decodeHours, decodeLink, encodeHours, encodeLink, type LinkContext, type LinkState } from '../../src/state/url-view';
import { decodePolyline, encodePolyline } from '../../src/state/polyline';
import { LAYER_DEFAULTS } from '../../src/state/layers';
import { rangeOfDates } from '../../src/state/incident-filter';

const TZ = 'Asia/Shanghai';
const set = (...ids: string[]) => (id: string) => ids.includes(id);
const LAST30: [number, number] = [Date.UTC(2025, 11, 1, 16), Date.UTC(2025, 11, 31, 16)];
const ctx: LinkContext = {
  town: set('T1', 'T2'),
  grid: set('G1', 'G2'),
  kind: set('theft', 'fraud', 'fight'),
  period: (id) => (id === 'last30' ? LAST30 : id === 'all' ? null : undefined),
  camera: set('C1'),
  hotspot: set('H1'),
  timeZone: TZ,
};
const { theme: _theme, ...layerDefaults } = LAYER_DEFAULTS;
const noFilter = { timeRange: null, periodPreset: null, hiddenKinds: [], hoursOfWeek: [], townId: null, gridId: null, drawnArea: null };
const base: LinkState = {
  camera: { center: [117.23456, 32.94123], zoom: 12.5, bearing: 0, pitch: 0 },
  layers: { ...layerDefaults, visible: { ...LAYER_DEFAULTS.visible } },
  filters: noFilter,
  selection: null,
  lang: 'zh-CN',
  theme: 'light',
};

describe('encodeLink / decodeLink', () => {
  it('writes short readable parameters', () => {
    const q = encodeLink({ ...base, filters: { ...noFilter, timeRange: LAST30, periodPreset: 'last30', townId: 'T1' }, selection: { kind: 'grid', id: 'G1' }, lang: 'en', theme: 'dark' }, TZ);
    expect(q).toBe('z=12.5&c=117.23456,32.94123&l=grids,cameras,incidents,hotspots&t=last30&town=T1&sel=grid:G1&lang=en&theme=dark');
  });

  it('round-trips every part of a view', () => {
    const ring: Array<[number, number]> = [[117.1, 32.9], [117.200123, 32.9], [117.2, 33.000057], [117.1, 32.9]];
    const cell = latLngToCell(32.95, 117.2, 9);
    const state: LinkState = {
      camera: { center: [117.5, 33.1], zoom: 15.25, bearing: -30.5, pitch: 40 },
      layers: {
        visible: { grids: false, cameras: true, incidents: true, hotspots: false, gistar: true, coverage: true },
        gridMeasure: 'incidentRate',
        incidentMode: 'heat',
        incidentMeasure: 'vsLastYear',
        heatBandwidthM: 500,
        gistarView: 'emerging',
        gistarK: 2,
        gistarResolution: 9,
        trendBucket: 'week',
      },
      filters: { ...noFilter, timeRange: rangeOfDates('2025-06-01', '2025-06-30', TZ), hiddenKinds: ['fight', 'theft'], hoursOfWeek: [0, 1, 2, 3, 50, 167], drawnArea: { type: 'Polygon', coordinates: [ring] } },
      selection: { kind: 'cell', h3: cell, count: 0 },
      lang: 'en',
      theme: 'dark',
    };
    const q = encodeLink(state, TZ);
    expect(q).toContain('from=2025-06-01&to=2025-06-30');
    expect(q).toContain('h=0-3,50,167');
    const back = decodeLink(q, ctx);
    expect(back.notices).toEqual([]);
    expect(back.complete).toBe(true);
    expect(back.camera).toEqual(state.camera);
    expect(back.layers).toEqual(state.layers);
    expect(back.filters).toEqual({ timeRange: state.filters.timeRange, periodPreset: null, hiddenKinds: ['fight', 'theft'], hoursOfWeek: [0, 1, 2, 3, 50, 167], drawnArea: state.filters.drawnArea });
    expect(back.selection).toEqual(state.selection);
    expect([back.lang, back.theme]).toEqual(['en', 'dark']);
  });

  it('reads a preset as that preset today, and a town with its grid', () => {
    const q = encodeLink({ ...base, filters: { ...noFilter, timeRange: LAST30, periodPreset: 'last30', townId: 'T2', gridId: 'G2' } }, TZ);
    const back = decodeLink(q, ctx);
    expect(back.filters).toEqual({ timeRange: LAST30, periodPreset: 'last30', townId: 'T2', gridId: 'G2' });
  });

  it('leaves the default layer choices out and writes no layers as an empty list', () => {
    const none = { grids: false, cameras: false, incidents: false, hotspots: false, gistar: false, coverage: false };
    const q = encodeLink({ ...base, camera: null, layers: { ...base.layers, visible: none } }, TZ);
    expect(q).toBe('l=');
    const back = decodeLink(`?${q}`, ctx);
    expect(back.complete).toBe(false);
    expect(back.layers).toEqual({ visible: none });
  });

  it('keeps ?data= and the parameters reserved by other features, and warns about none of them', () => {
    const keep = new URLSearchParams('data=data/bench-1m/&foo=1&mode=scene&sceneSeconds=20&view=briefing');
    const q = encodeLink(base, TZ, keep);
    expect(q.startsWith('data=data%2Fbench-1m%2F&z=')).toBe(true);
    expect(new URLSearchParams(q).get('data')).toBe('data/bench-1m/');
    expect(q).toContain('view=briefing&mode=scene&sceneSeconds=20');
    expect(q).not.toContain('foo');
    expect(decodeLink(q, ctx).notices).toEqual([]);
  });

  it('ignores unknown parameters with a notice', () => {
    const back = decodeLink('?foo=1&z=10&c=117,33&l=grids,roads', ctx);
    expect(back.notices).toEqual([
      { param: 'foo', value: '1', reason: 'unknown' },
      { param: 'l', value: 'roads', reason: 'unknown' },
    ]);
    expect(back.camera?.zoom).toBe(10);
    expect(back.layers.visible?.grids).toBe(true);
    expect(back.layers.visible?.cameras).toBe(false);
  });

  it('ignores ids that are not in the dataset with a notice', () => {
    const back = decodeLink('town=T9&grid=G1&hide=theft,arson&sel=camera:C9', ctx);
    expect(back.filters).toEqual({ gridId: 'G1', hiddenKinds: ['theft'] });
    expect(back.selection).toBeUndefined();
    expect(back.notices).toEqual([
      { param: 'hide', value: 'arson', reason: 'stale' },
      { param: 'town', value: 'T9', reason: 'stale' },
      { param: 'sel', value: 'camera:C9', reason: 'stale' },
    ]);
  });

  it('ignores malformed numbers and values with a notice, keeping the rest of the link', () => {
    const cases: Array<[string, string]> = [
      ['z=12px&c=117,33', 'z'],
      ['z=30&c=117,33', 'z'],
      ['z=12&c=117', 'c'],
      ['z=12&c=abc,33', 'c'],
      ['z=12&c=117,95', 'c'],
      ['z=1e3&c=117,33', 'z'],
      ['z=12', 'z'],
    ];
    for (const [q, param] of cases) {
      const back = decodeLink(q, ctx);
      expect(back.camera, q).toBeUndefined();
      expect(back.notices.map((n) => n.param), q).toEqual([param]);
      expect(back.notices[0].reason).toBe('malformed');
    }
    const rest = decodeLink('z=12&c=117,33&b=north&p=120&bw=250&gr=12&t=someday&from=2025-13-01&to=2025-06-30&h=0-200&area=!!&sel=cell:nothex&lang=fr&theme=pink&town=T1', ctx);
    expect(rest.camera).toEqual({ center: [117, 33], zoom: 12, bearing: 0, pitch: 0 });
    expect(rest.filters).toEqual({ townId: 'T1' });
    expect(rest.layers).toEqual({});
    expect(rest.notices.map((n) => n.param)).toEqual(['b', 'p', 'bw', 'gr', 't', 'from', 'to', 'h', 'area', 'sel', 'lang', 'theme']);
    expect(rest.notices.every((n) => n.reason === 'malformed')).toBe(true);
  });

  it('shortens long ignored values in the notice', () => {
    const [n] = decodeLink(`foo=${'x'.repeat(100)}`, ctx).notices;
    expect(n.value.length).toBe(40);
  });

  it('normalises the bearing and closes an open ring', () => {
    const open = encodePolyline([[117.1, 32.9], [117.2, 32.9], [117.2, 33]]);
    const back = decodeLink(`z=3&c=0,0&b=270&area=${encodeURIComponent(open)}`, ctx);
    expect(back.camera?.bearing).toBe(-90);
    expect(back.filters.drawnArea?.coordinates[0]).toEqual([[117.1, 32.9], [117.2, 32.9], [117.2, 33], [117.1, 32.9]]);
    // Corners are kept to 1e-6° (about 0.1 m): closer than anyone draws.
    expect(decodePolyline(encodePolyline([[117.2001234, 33.0000567]]))).toEqual([[117.200123, 33.000057]]);
  });
});

describe('hours of the week and polylines', () => {
  it('writes runs and reads them back', () => {
    expect(encodeHours([5, 3, 4, 10, 12, 13])).toBe('3-5,10,12-13');
    expect(decodeHours('3-5,10,12-13')).toEqual([3, 4, 5, 10, 12, 13]);
    expect(decodeHours('5-3')).toBeNull();
    expect(decodeHours('1,,2')).toBeNull();
  });

  it('matches the published polyline example at precision 5', () => {
    // developers.google.com/maps/documentation/utilities/polylinealgorithm
    const points: Array<[number, number]> = [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]];
    expect(encodePolyline(points, 5)).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`@', 5)).toEqual(points);
    expect(decodePolyline('_p~iF~ps|U_', 5)).toBeNull();
  });
});
