// State: the loaded dataset. Loading hands the incident columns to the analysis worker
// (transferred, not copied) and keeps only the map's static data on the main thread.
import { create } from 'zustand';
import type { IncidentColumns, MapData, OffenceKind } from '../model';
import { loadDemoBundle } from '../io/demo-loader';
import { DatasetLoadError, type LoadErrorDetail, type LoadErrorKind } from '../io/dataset-load-error';
import { analysisClient } from '../worker/analysis-client';
import { startIncidentResults } from './incident-results';
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

/** What an import replaces: the incidents (with the offence kinds they are coded in) and/or layers. */
export interface DataReplacement {
  incidents?: { columns: IncidentColumns; offenceKinds: OffenceKind[] };
  cameras?: MapData['cameras'];
  grids?: MapData['grids'];
  hotspots?: MapData['hotspots'];
  buildings?: MapData['buildings'];
}

/**
 * Replaces parts of the loaded dataset (an import): incidents go to the worker (transferred) and
 * the manifest's offence kinds, time range and count follow them; grids and hotspots are
 * assigned again in the worker. Every incident result is then computed afresh.
 */
export async function replaceData(r: DataReplacement): Promise<void> {
  const { data } = useDataset.getState();
  if (!data || !running) throw new Error('no dataset loaded');
  const client = analysisClient();
  let manifest = data.manifest;
  if (r.incidents) {
    const summary = await client.loadIncidents(r.incidents.columns, { timeZone: manifest.timeZone, exactOnDemand: true });
    const timeRange: [number, number] = summary.count > 0 ? [summary.minSec * 1000, summary.maxSec * 1000] : manifest.timeRange;
    manifest = { ...manifest, offenceKinds: r.incidents.offenceKinds, timeRange, counts: { ...manifest.counts, incidents: summary.count } };
    running.resolutions = summary.resolutions;
  }
  if (r.grids) await client.assignPolygons('grids', r.grids);
  if (r.hotspots) await client.assignPolygons('hotspots', r.hotspots, { overlapping: true });
  const next: MapData = {
    ...data,
    manifest,
    cameras: r.cameras ?? data.cameras,
    grids: r.grids ?? data.grids,
    hotspots: r.hotspots ?? data.hotspots,
    buildings: r.buildings ?? data.buildings,
  };
  if (r.cameras) next.manifest = manifest = { ...manifest, counts: { ...manifest.counts, cameras: r.cameras.features.length } };
  if (r.grids) next.manifest = manifest = { ...manifest, counts: { ...manifest.counts, grids: r.grids.features.length } };
  if (r.hotspots) next.manifest = manifest = { ...manifest, counts: { ...manifest.counts, hotspots: r.hotspots.features.length } };
  running.stop();
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
