// State: the wall screen (`?mode=wall`) — its scenes (overview → each listed hotspot → blind spots
// → trends), how long each shows (`sceneSeconds` in the URL, else the saved wall settings), and
// the scheduled reload of the data from its source, keeping the last good data when one fails.
import { create } from 'zustand';
import type { MapData } from '../model';
import { userStore } from '../storage';
import type { UserStore } from '../storage/user-store';
import { readPreference, removePreference } from '../storage/preferences';
import { hotspotTally } from '../analysis/briefing/hotspot-tally';
import { datasetNow } from './clock';
import { refreshBriefing } from './briefing';

/** A scene: its name (the root's data-scene) and, for a hotspot, which one. */
export type WallScene = { name: 'overview' | 'blind-spots' | 'trends' } | { name: `hotspot:${string}`; hotspotId: string };

/** Saved wall settings (the UserStore's 'settings' collection, id 'wall'); the URL's parameters win. */
export interface WallSettings {
  sceneSeconds: number;
  reloadSeconds: number;
}

export const WALL_DEFAULTS: WallSettings = { sceneSeconds: 20, reloadSeconds: 300 };
/** Shortest durations honoured: a soak test runs scenes at 0.2 s, a reload faster than 5 s is a mistake. */
const MIN_SCENE_S = 0.05;
const MIN_RELOAD_S = 5;
/** The settings' document in the UserStore, and the localStorage preference they lived in before. */
const SETTINGS_ID = 'wall';
const OLD_PREFERENCE = 'wall';

/** The settings for a query string: `sceneSeconds` / `reloadSeconds` when valid, else saved, else defaults. */
export function wallSettings(search: string, saved?: Partial<WallSettings>): WallSettings {
  const q = new URLSearchParams(search);
  const pick = (key: keyof WallSettings, min: number) => {
    for (const v of [Number(q.get(key) ?? NaN), Number(saved?.[key] ?? NaN)]) if (Number.isFinite(v) && v >= min) return v;
    return WALL_DEFAULTS[key];
  };
  return { sceneSeconds: pick('sceneSeconds', MIN_SCENE_S), reloadSeconds: pick('reloadSeconds', MIN_RELOAD_S) };
}

/**
 * The saved wall settings, from the UserStore like every other user edit. Settings an earlier
 * version kept in localStorage (preference 'wall') are moved into the store the first time and
 * the old copy removed, so they are read from one place only.
 */
export async function loadWallSettings(store?: UserStore): Promise<Partial<WallSettings> | undefined> {
  const s = store ?? (await userStore());
  const doc = await s.get<Partial<WallSettings>>('settings', SETTINGS_ID);
  const old = readPreference<Partial<WallSettings>>(OLD_PREFERENCE);
  if (!doc && old !== undefined) await s.put('settings', SETTINGS_ID, old);
  if (old !== undefined) removePreference(OLD_PREFERENCE);
  return doc?.value ?? old;
}

/** Saves the wall settings at once (each at least its minimum); false when the store refused (they then last for this page only). */
export async function saveWallSettings(settings: WallSettings, store?: UserStore): Promise<boolean> {
  try {
    const s = store ?? (await userStore());
    await s.put('settings', SETTINGS_ID, { sceneSeconds: Math.max(MIN_SCENE_S, settings.sceneSeconds), reloadSeconds: Math.max(MIN_RELOAD_S, settings.reloadSeconds) });
    return true;
  } catch (e) {
    console.warn('wall settings not saved:', e);
    return false;
  }
}

/** The carousel: the overview, every listed hotspot (overdue first), the blind spots, the trends. */
export function wallScenes(data: MapData, hotspots: MapData['hotspots'] = data.hotspots): WallScene[] {
  const tally = hotspotTally(hotspots.features.map((h) => h.properties), datasetNow(data.manifest), data.manifest.timeZone);
  return [
    { name: 'overview' },
    ...tally.listedIds.map((id): WallScene => ({ name: `hotspot:${id}`, hotspotId: id })),
    { name: 'blind-spots' },
    { name: 'trends' },
  ];
}

interface WallState {
  /** Scene changes since the wall started (the scene shown is changes mod the number of scenes). */
  changes: number;
  /** Last successful reload (epoch ms) — the age of the data on screen. */
  loadedAt: number;
  /** The last reload failed: the screen shows the last good data, marked stale. */
  stale: boolean;
  failedAt: number | null;
  next(): void;
}

export const useWall = create<WallState>((set) => ({
  changes: 0,
  loadedAt: Date.now(),
  stale: false,
  failedAt: null,
  next() {
    set((s) => ({ changes: s.changes + 1 }));
  },
}));

/**
 * Every `reloadSeconds`: reads the dataset's manifest again from its source (no cache); when it
 * is readable the figures are computed afresh and the data's age starts again; when the
 * manifest says the data changed, `reloadData` loads the whole dataset anew (without reloading
 * the page). A failed read keeps what is shown and marks it stale. Returns the stop function.
 */
export function startWallReload(data: MapData, baseUrl: string, reloadSeconds: number, reloadData: () => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const res = await fetch(`${baseUrl}manifest.json`, { cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const m = (await res.json()) as Partial<MapData['manifest']>;
      const changed = m.asOf !== data.manifest.asOf || m.counts?.incidents !== data.manifest.counts.incidents || m.timeRange?.[1] !== data.manifest.timeRange[1];
      if (changed) reloadData();
      else await refreshBriefing(data);
      useWall.setState({ loadedAt: Date.now(), stale: false, failedAt: null });
    } catch (e) {
      // Not an error on the console: the wall says so on screen and tries again at the next tick.
      console.warn('wall: data reload failed, showing the last good data:', e);
      useWall.setState({ stale: true, failedAt: Date.now() });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), reloadSeconds * 1000);
  return () => clearInterval(timer);
}
