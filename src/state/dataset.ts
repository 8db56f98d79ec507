// State: the loaded dataset. Loading hands the incident columns to the analysis worker
// (transferred, not copied) and keeps only the map's static data on the main thread.
import { create } from 'zustand';
import type { MapData } from '../model';
import { loadDemoBundle } from '../io/demo-loader';
import { DatasetLoadError, type LoadErrorDetail, type LoadErrorKind } from '../io/dataset-load-error';
import { analysisClient } from '../worker/analysis-client';
import { startIncidentResults } from './incident-results';
import { startCoverage } from './coverage';
import { persistFilters } from './filters';
import { startUrlSync } from './url-sync';
import { isPeriodPreset, presetRange } from './incident-filter';

/** Why loading failed, as plain data for the error panel; `file` is null when no file is at fault. */
export interface LoadFailure {
  file: string | null;
  kind: LoadErrorKind | 'other';
  detail: LoadErrorDetail;
  /** The technical message (English), shown under the explanation. */
  message: string;
}

interface DatasetState {
  data: MapData | null;
  error: LoadFailure | null;
  /** The folder being (or last) loaded, for a retry. */
  baseUrl: string | null;
}

export const useDataset = create<DatasetState>(() => ({ data: null, error: null, baseUrl: null }));

/** Stops the previous dataset's result wiring when another is loaded (the wall reloads its data). */
let stopResults: (() => void) | null = null;

/** Loads the bundle at `baseUrl` (a folder with manifest.json) and starts the analysis. */
export async function loadDataset(baseUrl: string): Promise<void> {
  useDataset.setState({ error: null, baseUrl });
  try {
    const { incidents, ...data } = await loadDemoBundle(baseUrl);
    const client = analysisClient();
    // Hour-of-week and day views are read in the county's own zone, not the browser's.
    // Exact counts per hexagon at every zoom: what the map draws is what lies inside it.
    const summary = await client.loadIncidents(incidents, { timeZone: data.manifest.timeZone, exactOnDemand: true });
    const towns = data.admin.features.filter((f) => f.properties.level === 'town');
    await client.assignPolygons('grids', data.grids);
    await client.assignPolygons('towns', { type: 'FeatureCollection', features: towns });
    await client.assignPolygons('hotspots', data.hotspots);
    // Gi*, the trend and PAI run over one fixed study area: the county's cells (centres inside).
    const county = data.admin.features.find((f) => f.properties.level === 'county');
    const studyAreaM2 = await client.setStudyArea(county?.geometry ?? null);
    const has = (list: Array<{ properties: { id: string } }>) => {
      const set = new Set(list.map((f) => f.properties.id));
      return (id: string) => set.has(id);
    };
    const kindIds = new Set(data.manifest.offenceKinds.map((k) => k.id));
    persistFilters(`${baseUrl}|${data.manifest.name}`, {
      town: has(towns),
      grid: has(data.grids.features),
      kind: (id) => kindIds.has(id),
      // A saved preset ("last 30 days") is taken again for today, in the dataset's clock.
      period: (id) => (isPeriodPreset(id) ? presetRange(id, data.manifest) : undefined),
    });
    // The page's link (its view, layers, filter) takes precedence over the saved choices.
    startUrlSync(data);
    useDataset.setState({ data, error: null });
    stopResults?.();
    const stops = [
      startIncidentResults(client, { manifest: data.manifest, towns, grids: data.grids, resolutions: summary.resolutions, studyAreaM2 }),
      startCoverage(client, data, towns),
    ];
    stopResults = () => stops.forEach((stop) => stop());
  } catch (e) {
    useDataset.setState({ error: loadFailure(e) });
  }
}

/** Loads the last folder again (the error panel's retry). */
export function retryLoadDataset(): void {
  const { baseUrl, data } = useDataset.getState();
  if (baseUrl !== null && data === null) void loadDataset(baseUrl);
}

function loadFailure(e: unknown): LoadFailure {
  if (e instanceof DatasetLoadError) return { file: e.file, kind: e.kind, detail: e.detail, message: e.message };
  return { file: null, kind: 'other', detail: {}, message: e instanceof Error ? e.message : String(e) };
}
