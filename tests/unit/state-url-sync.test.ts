// The page's link against the stores: a complete link (with a camera) replaces the saved choices,
// a partial one changes only what it names, a saved drawn area equal to the link's to 1e-6° is
// kept exactly, and changes reach the URL through one debounced replaceState, never pushState.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapData } from '../../src/model';
import { useFilters } from '../../src/state/filters';
import { LAYER_DEFAULTS, useLayers } from '../../src/state/layers';
import { useSelection } from '../../src/state/selection';
import { useLang } from '../../src/i18n';
import { currentMapCamera, flushUrl, noteMapCamera, startUrlSync, useUrlNotices } from '../../src/state/url-sync';

const feature = (id: string, extra: Record<string, unknown> = {}) => ({ properties: { id, ...extra } });
const data = {
  manifest: { timeZone: 'Asia/Shanghai', synthetic: true, asOf: Date.UTC(2025, 11, 31, 12), offenceKinds: [{ id: 'theft' }, { id: 'fraud' }] },
  admin: { features: [feature('T1', { level: 'town' }), feature('T2', { level: 'town' })] },
  grids: { features: [feature('G1')] },
  cameras: { features: [feature('C1')] },
  hotspots: { features: [feature('H1')] },
} as unknown as MapData;

const ring: Array<[number, number]> = [[117.1000001, 32.9], [117.2, 32.9000004], [117.2, 33], [117.1000001, 32.9]];
let url: URL;
const history = { state: null, replaceState: vi.fn((_s: unknown, _t: string, next: string) => (url = new URL(next, url))), pushState: vi.fn() };

function open(search: string): void {
  url = new URL(`http://example.test/app/${search}`);
  vi.stubGlobal('location', {
    get search() {
      return url.search;
    },
    get pathname() {
      return url.pathname;
    },
    get hash() {
      return url.hash;
    },
  });
  vi.stubGlobal('history', history);
  startUrlSync(data);
}

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState.mockClear();
  // What this browser had saved: English, dark, cameras off, a town and a drawn area.
  useLang.setState({ lang: 'en' });
  useLayers.setState({ ...LAYER_DEFAULTS, theme: 'dark', visible: { ...LAYER_DEFAULTS.visible, cameras: false } });
  useFilters.setState({ timeRange: null, periodPreset: null, hiddenKinds: ['fraud'], hoursOfWeek: [], townId: null, gridId: null, drawnArea: { type: 'Polygon', coordinates: [ring] } });
  useSelection.setState({ selected: null });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startUrlSync', () => {
  it('a complete link replaces the saved choices; what it leaves out is the default', () => {
    open('?z=13&c=117.2,32.95&l=grids,cameras&town=T2&sel=camera:C1');
    expect(currentMapCamera()).toEqual({ center: [117.2, 32.95], zoom: 13, bearing: 0, pitch: 0 });
    expect(useLang.getState().lang).toBe('zh-CN');
    expect(useLayers.getState().theme).toBe('light');
    expect(useLayers.getState().visible).toEqual({ grids: true, cameras: true, incidents: false, hotspots: false, gistar: false, coverage: false });
    const f = useFilters.getState();
    expect([f.townId, f.drawnArea, f.hiddenKinds]).toEqual(['T2', null, []]);
    expect(useSelection.getState().selected).toEqual({ kind: 'camera', id: 'C1' });
    expect(useUrlNotices.getState().notices).toEqual([]);
  });

  it('a partial link changes only what it names and lists what it ignored', () => {
    open('?theme=light&town=nowhere&foo=1');
    expect(currentMapCamera()).toBeNull();
    expect(useLang.getState().lang).toBe('en');
    expect(useLayers.getState().theme).toBe('light');
    expect(useLayers.getState().visible.cameras).toBe(false);
    expect(useFilters.getState().hiddenKinds).toEqual(['fraud']);
    expect(useUrlNotices.getState().notices.map((n) => `${n.param}:${n.reason}`)).toEqual(['foo:unknown', 'town:stale']);
  });

  it('keeps the saved drawn area exactly when the link holds the same corners', () => {
    const saved = useFilters.getState().drawnArea;
    open(''); // no link: the saved area stays, and the map reports where it is
    noteMapCamera({ center: [117.2, 32.95], zoom: 13, bearing: 0, pitch: 0 });
    flushUrl();
    const search = url.search;
    expect(url.searchParams.get('area')).toBeTruthy();
    useFilters.setState({ drawnArea: saved });
    open(search);
    expect(useFilters.getState().drawnArea).toBe(saved);
  });

  it('rewrites the URL once per burst of changes with replaceState, keeping ?data=', () => {
    open('?data=data/county2/&foo=1');
    vi.advanceTimersByTime(400);
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      noteMapCamera({ center: [117 + i / 100, 33], zoom: 12, bearing: 0, pitch: 0 });
      useLayers.getState().toggle('grids');
      vi.advanceTimersByTime(50);
    }
    expect(history.replaceState).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300);
    expect(history.replaceState).toHaveBeenCalledTimes(2);
    expect(history.pushState).not.toHaveBeenCalled();
    const q = url.searchParams;
    expect([q.get('data'), q.get('z'), q.get('c'), q.has('foo')]).toEqual(['data/county2/', '12', '117.19,33', false]);
    expect(url.pathname).toBe('/app/');
  });
});
