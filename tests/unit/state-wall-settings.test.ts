// The wall screen's durations: saved from the settings panel (view preferences), used when the
// wall opens, and overridden by `sceneSeconds` / `reloadSeconds` in its link; nonsense falls back.
import { describe, expect, it } from 'vitest';
import { WALL_DEFAULTS, saveWallSettings, savedWallSettings, wallSettings } from '../../src/state/wall';

describe('wall settings', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };

  it('saves the settings, uses them without URL parameters, and lets the URL win', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    expect(savedWallSettings()).toEqual(WALL_DEFAULTS);
    expect(saveWallSettings({ sceneSeconds: 45, reloadSeconds: 600 })).toBe(true);
    expect(JSON.parse(store.get('one-map.wall')!)).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(savedWallSettings()).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall')).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall&sceneSeconds=0.2')).toEqual({ sceneSeconds: 0.2, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall&sceneSeconds=abc&reloadSeconds=2')).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
  });

  it('keeps the minimums: a reload faster than 5 s is saved as 5 s', () => {
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    saveWallSettings({ sceneSeconds: 10, reloadSeconds: 1 });
    expect(savedWallSettings()).toEqual({ sceneSeconds: 10, reloadSeconds: 5 });
  });
});
