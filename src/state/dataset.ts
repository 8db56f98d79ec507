// State: the loaded dataset. Loading hands the incident columns to the analysis worker
// (transferred, not copied) and keeps only the map's static data on the main thread.
import { create } from 'zustand';
import type { MapData } from '../model';
import { loadDemoBundle } from '../io/demo-loader';
import { DatasetLoadError, type LoadErrorDetail, type LoadErrorKind } from '../io/dataset-load-error';
import { analysisClient } from '../worker/analysis-client';
import { forgetIncidentResults, startIncidentResults } from './incident-results';
import { applyReplacement, staleResults, type DataReplacement } from './data-replacement';
import { startGridChange } from './grid-change';
import { startCoverage } from './coverage';
import { persistFilters } from './filters';
import { startUrlSync } from './url-sync';
import { isPeriodPreset, presetRange } from './incident-filter';
import { adoptImport, startGridEditor } from './grid-editor';
import { startGridEditorResults } from './grid-editor-results';

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
    // Listed hotspots may overlap: each counts every incident inside it.
    await client.assignPolygons('hotspots', data.hotspots, { overlapping: true });
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
    // A dataset loaded again (the wall's scheduled reload) replaces the previous one's wiring.
    running?.stop();
    running = { resolutions: summary.resolutions, studyAreaM2, stop: () => {} };
    startResults(client, data);
    void startGridEditor(data).then(() => startGridEditorResults(client, data));
  } catch (e) {
    useDataset.setState({ error: loadFailure(e) });
  }
}

/** The incident results running for the loaded dataset, to restart them when data is replaced. */
let running: { resolutions: number[]; studyAreaM2: number; stop: () => void } | null = null;

/**
 * Replaces parts of the loaded dataset (an import): the worker gets them first (incidents in the
 * import's time zone, which becomes the dataset's), then results they make wrong are emptied so
 * the new map never draws the previous counts, and every incident result is computed afresh.
 */
export async function replaceData(r: DataReplacement): Promise<void> {
  const { data } = useDataset.getState();
  if (!data || !running) throw new Error('no dataset loaded');
  const client = analysisClient();
  const applied = await applyReplacement(client, data, r);
  const next = applied.data;
  if (applied.resolutions) running.resolutions = applied.resolutions;
  running.stop();
  forgetIncidentResults(staleResults(r));
  useDataset.setState({ data: next });
  startResults(client, next);
  // The grid editor works on imported grids (and buildings) from now on, and counts imported cameras.
  if (r.grids || r.buildings) adoptImport(next, { grids: Boolean(r.grids) });
  if (r.grids || r.cameras) startGridEditorResults(client, next);
}

/** Starts the incident results and the camera coverage of `data`, keeping how to stop them. */
function startResults(client: ReturnType<typeof analysisClient>, data: MapData): void {
  if (!running) return;
  const towns = data.admin.features.filter((f) => f.properties.level === 'town');
  const stopResults = startIncidentResults(client, { manifest: data.manifest, towns, grids: data.grids, resolutions: running.resolutions, studyAreaM2: running.studyAreaM2 });
  const stopCoverage = startCoverage(client, data, towns);
  const stopGridChange = startGridChange(client, data);
  running.stop = () => {
    stopResults();
    stopCoverage();
    stopGridChange();
  };
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
