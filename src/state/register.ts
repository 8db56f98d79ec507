// State: the hotspot register's saved edits — every hotspot the user moved through the cycle,
// edited or added (drawn, or from a Gi* candidate) — kept in userStore() collection 'register',
// one document per hotspot, written the moment the change is made. The hotspots the app shows are
// the dataset's with these applied over them (applyRegister); that collection is derived, never stored.
import { create } from 'zustand';
import { useMemo } from 'react';
import type { HotspotCollection, HotspotFeature, MapData } from '../model';
import { applyRegister } from '../analysis/hotspots/register-rules';
import { userStore } from '../storage';
import { useDataset } from './dataset';

/** A saved register document: the whole hotspot, for the dataset it belongs to. */
interface RegisterDocument {
  dataset: string;
  feature: HotspotFeature;
}

interface RegisterState {
  /** Which dataset the edits are for (its manifest name); null before loading. */
  dataset: string | null;
  /** Saved hotspots, oldest write first. */
  saved: HotspotFeature[];
  /** The last save failed: what the panel should say. */
  saveError: string | null;
}

export const useRegister = create<RegisterState>(() => ({ dataset: null, saved: [], saveError: null }));

const docId = (dataset: string, hotspotId: string) => `${dataset}|${hotspotId}`;

/** Loads the saved edits of each dataset as it loads (main.tsx starts it once). */
export function startRegister(): void {
  useDataset.subscribe((s, prev) => {
    if (s.data && s.data !== prev.data) void loadRegister(s.data.manifest.name);
  });
}

/** Reads the saved edits of `dataset`. */
async function loadRegister(dataset: string): Promise<void> {
  useRegister.setState({ dataset, saved: [], saveError: null });
  const docs = await (await userStore()).list<RegisterDocument>('register');
  // A later dataset load may have started meanwhile: keep only what is still asked for.
  if (useRegister.getState().dataset !== dataset) return;
  useRegister.setState({ saved: docs.filter((d) => d.value.dataset === dataset).map((d) => d.value.feature) });
}

/** Saves one hotspot's new version at once; the store follows only after the write is durable. */
export async function saveRegisterHotspot(feature: HotspotFeature): Promise<void> {
  const dataset = useRegister.getState().dataset;
  if (dataset === null) throw new Error('register not loaded');
  try {
    await (await userStore()).put<RegisterDocument>('register', docId(dataset, feature.properties.id), { dataset, feature });
  } catch (e) {
    useRegister.setState({ saveError: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  const { saved } = useRegister.getState();
  const id = feature.properties.id;
  useRegister.setState({ saved: [...saved.filter((f) => f.properties.id !== id), feature], saveError: null });
}

/** The dataset's hotspots with the register's edits applied (not a hook: for code outside React). */
export function registerHotspots(data: Pick<MapData, 'hotspots'>, saved: readonly HotspotFeature[]): HotspotCollection {
  return applyRegister(data.hotspots, saved);
}

/**
 * The hotspots with register edits applied — what every panel counts listed / overdue / delisted
 * on (the briefing, the wall screen, the register). Null before the dataset has loaded.
 */
export function useRegisterHotspots(): HotspotCollection | null {
  const data = useDataset((s) => s.data);
  const saved = useRegister((s) => s.saved);
  return useMemo(() => (data ? registerHotspots(data, saved) : null), [data, saved]);
}
