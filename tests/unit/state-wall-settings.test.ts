// The wall screen's durations: saved from the settings panel through the UserStore (like every
// user edit), used when the wall opens, and overridden by `sceneSeconds` / `reloadSeconds` in its
// link; nonsense falls back; settings an earlier version kept in localStorage move into the store once.
import { describe, expect, it } from 'vitest';
import { WALL_DEFAULTS, loadWallSettings, saveWallSettings, wallSettings } from '../../src/state/wall';
import { MemoryStore } from '../../src/storage/memory-store';

function fakeLocalStorage(): Map<string, string> {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return store;
}

describe('wall settings', () => {
  it('saves the settings in the UserStore, uses them without URL parameters, and lets the URL win', async () => {
    const local = fakeLocalStorage();
    const store = new MemoryStore();
    expect(wallSettings('', await loadWallSettings(store))).toEqual(WALL_DEFAULTS);
    expect(await saveWallSettings({ sceneSeconds: 45, reloadSeconds: 600 }, store)).toBe(true);
    expect((await store.get('settings', 'wall'))?.value).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(local.size).toBe(0); // nothing in localStorage any more
    const saved = await loadWallSettings(store);
    expect(wallSettings('', saved)).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall', saved)).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall&sceneSeconds=0.2', saved)).toEqual({ sceneSeconds: 0.2, reloadSeconds: 600 });
    expect(wallSettings('?mode=wall&sceneSeconds=abc&reloadSeconds=2', saved)).toEqual({ sceneSeconds: 45, reloadSeconds: 600 });
  });

  it('keeps the minimums: a reload faster than 5 s is saved as 5 s', async () => {
    fakeLocalStorage();
    const store = new MemoryStore();
    await saveWallSettings({ sceneSeconds: 10, reloadSeconds: 1 }, store);
    expect(wallSettings('', await loadWallSettings(store))).toEqual({ sceneSeconds: 10, reloadSeconds: 5 });
  });

  it('moves settings kept in localStorage by an earlier version into the store, once', async () => {
    const local = fakeLocalStorage();
    local.set('one-map.wall', JSON.stringify({ sceneSeconds: 33, reloadSeconds: 120 }));
    const store = new MemoryStore();
    expect(await loadWallSettings(store)).toEqual({ sceneSeconds: 33, reloadSeconds: 120 });
    expect((await store.get('settings', 'wall'))?.value).toEqual({ sceneSeconds: 33, reloadSeconds: 120 });
    expect(local.has('one-map.wall')).toBe(false);
    // Later edits are the store's; an old copy appearing again does not override them.
    await saveWallSettings({ sceneSeconds: 12, reloadSeconds: 60 }, store);
    local.set('one-map.wall', JSON.stringify({ sceneSeconds: 99, reloadSeconds: 999 }));
    expect(await loadWallSettings(store)).toEqual({ sceneSeconds: 12, reloadSeconds: 60 });
    expect(local.has('one-map.wall')).toBe(false);
  });

  it('says when the store refuses a save', async () => {
    const store = new MemoryStore();
    store.put = () => Promise.reject(new Error('quota'));
    expect(await saveWallSettings({ sceneSeconds: 10, reloadSeconds: 60 }, store)).toBe(false);
  });
});
