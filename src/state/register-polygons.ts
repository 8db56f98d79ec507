// State: keeps the analysis worker's 'hotspots' polygon set equal to the register's areas — the
// dataset's hotspots with their saved edits, then the areas registered in the app (drawn, or
// from Gi* candidates) — so every count over 'hotspots' (the details, the wall, the quality
// panel's PAI of listed hotspots) includes a new area as soon as it is saved. It is assigned
// again only when an area is added or its geometry changes, not on a change of state.
import type { HotspotCollection, MapData } from '../model';
import { analysisClient } from '../worker/analysis-client';
import { useDataset } from './dataset';
import { useIncidentResults } from './incident-results';
import { registerHotspots, useRegister } from './register';

const keyOf = (c: HotspotCollection) => JSON.stringify(c.features.map((f) => [f.properties.id, f.geometry]));

/** Starts following the register (once, at start-up). */
export function startRegisterPolygons(): void {
  let lastData: MapData | null = null;
  let assignedKey = '';
  let queue: Promise<unknown> = Promise.resolve();
  const sync = () => {
    const { data } = useDataset.getState();
    if (!data) return;
    // loadDataset and replaceData assign the dataset's own hotspots before they publish the data.
    if (data !== lastData) {
      lastData = data;
      assignedKey = keyOf(data.hotspots);
    }
    const { dataset, saved } = useRegister.getState();
    if (dataset !== data.manifest.name) return;
    const hotspots = registerHotspots(data, saved);
    const key = keyOf(hotspots);
    if (key === assignedKey) return;
    assignedKey = key;
    queue = queue
      .then(() => analysisClient().assignPolygons('hotspots', hotspots, { overlapping: true })) // register areas may overlap
      .then(() => useIncidentResults.setState((s) => ({ hotspotSetVersion: s.hotspotSetVersion + 1 })))
      .catch((e: unknown) => console.error('the register areas could not be counted:', e));
  };
  useRegister.subscribe(sync);
  useDataset.subscribe(sync);
}
