import { beforeEach, describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../src/model';
import { persistFilters, useFilters } from '../../src/state/filters';

const square: PolygonGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

describe('filter choices', () => {
  beforeEach(() => useFilters.setState({ hiddenKinds: [], townId: null, gridId: null, drawnArea: null }));

  it('a class checkbox hides all its kinds, and shows them all when any is hidden', () => {
    const { toggleKinds } = useFilters.getState();
    toggleKinds(['a', 'b']);
    expect(useFilters.getState().hiddenKinds).toEqual(['a', 'b']);
    toggleKinds(['b']);
    expect(useFilters.getState().hiddenKinds).toEqual(['a']);
    toggleKinds(['a', 'b']);
    expect(useFilters.getState().hiddenKinds).toEqual([]);
  });

  it('town, grid and drawn area are one area: a new choice clears the others', () => {
    const s = useFilters.getState();
    s.setTown('t1');
    s.setGrid('g1');
    expect(useFilters.getState()).toMatchObject({ townId: 't1', gridId: 'g1', drawnArea: null });
    s.setDrawnArea(square);
    expect(useFilters.getState()).toMatchObject({ townId: null, gridId: null, drawnArea: square });
    s.setTown('t2');
    expect(useFilters.getState()).toMatchObject({ townId: 't2', gridId: null, drawnArea: null });
  });
});

describe('remembered filter choices', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const ids = { town: (id: string) => id === 't1', grid: (id: string) => id === 'g1', kind: (id: string) => id === 'burglary' };

  it('restores what still exists in the dataset and saves each change as it is made', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    store.set(
      'one-map.filters:demo',
      JSON.stringify({ timeRange: [10, 20], hiddenKinds: ['burglary', 'gone'], hoursOfWeek: [3, 999], townId: 'gone', gridId: 'g1', drawnArea: square }),
    );
    persistFilters('demo', ids);
    expect(useFilters.getState()).toMatchObject({ timeRange: [10, 20], hiddenKinds: ['burglary'], hoursOfWeek: [3], townId: null, gridId: 'g1', drawnArea: square });
    useFilters.getState().setDrawnArea(null);
    expect(JSON.parse(store.get('one-map.filters:demo')!)).toMatchObject({ drawnArea: null, gridId: 'g1' });
    // Another dataset starts from its own choices, not this one's.
    persistFilters('other', ids);
    useFilters.getState().setTimeRange([1, 2]);
    expect(JSON.parse(store.get('one-map.filters:demo')!).timeRange).toEqual([10, 20]);
    expect(JSON.parse(store.get('one-map.filters:other')!).timeRange).toEqual([1, 2]);
  });

  it('takes a saved preset again for today, and keeps the dates of one that no longer exists', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    const period = (id: string) => (id === 'last30' ? ([100, 200] as [number, number]) : id === 'all' ? null : undefined);
    store.set('one-map.filters:rolling', JSON.stringify({ timeRange: [10, 20], periodPreset: 'last30' }));
    persistFilters('rolling', { ...ids, period });
    expect(useFilters.getState()).toMatchObject({ timeRange: [100, 200], periodPreset: 'last30' });
    store.set('one-map.filters:old', JSON.stringify({ timeRange: [10, 20], periodPreset: 'y2025' }));
    persistFilters('old', { ...ids, period });
    expect(useFilters.getState()).toMatchObject({ timeRange: [10, 20], periodPreset: null });
    // A brushed range is not a preset: the saved choice says so.
    useFilters.getState().setTimeRange([30, 40]);
    expect(JSON.parse(store.get('one-map.filters:old')!)).toMatchObject({ timeRange: [30, 40], periodPreset: null });
    useFilters.getState().setTimeRange([100, 200], 'last30');
    expect(JSON.parse(store.get('one-map.filters:old')!)).toMatchObject({ periodPreset: 'last30' });
  });

  it('ignores a damaged saved value', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    store.set('one-map.filters:broken', '{not json');
    useFilters.setState({ timeRange: null });
    expect(() => persistFilters('broken', ids)).not.toThrow();
    expect(useFilters.getState().timeRange).toBeNull();
  });
});
