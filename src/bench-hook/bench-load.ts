// Bench hook: one timed load of a CSV — the app's own import (the import worker a dropped file
// goes through: open, detect the columns, read and check every row), then the incidents handed
// to the dataset as an import hands them, until the frame that shows their hexagons.
import { resolutionForZoom, zoomForResolution } from '../analysis/h3/zoom-resolution';
import type { IncidentColumns } from '../model';
import { replaceData, useDataset } from '../state/dataset';
import { useFilters } from '../state/filters';
import { useIncidentResults } from '../state/incident-results';
import { useLayers } from '../state/layers';
import { useSelection } from '../state/selection';
import { currentMapCamera, noteMapCamera } from '../state/url-sync';
import { startImportWorker } from '../worker/import-client';
import type { FrameWatch } from './frame-wait';

/** The resolution the contract's hexagons are drawn at. */
export const BENCH_RESOLUTION = 8;

export interface LoadTimes {
  parseMs: number;
  addToFrameMs: number;
  totalMs: number;
}

/** What the last load accepted, for the page's own checks. */
export interface LoadSummary {
  total: number;
  accepted: number;
  rejected: number;
}

/**
 * Imports `bytes` (a CSV of incidents with times in `timeZone`) and shows them as hexagons at
 * BENCH_RESOLUTION. Untimed first: filters cleared, incident hexagons shown by count, the zoom
 * set to one the app draws at that resolution, and the map let settle.
 */
export async function benchLoad(bytes: Uint8Array, timeZone: string, watch: FrameWatch): Promise<LoadTimes & { summary: LoadSummary }> {
  const data = useDataset.getState().data;
  if (!data) throw new Error('the app has no dataset yet: wait for __bench.ready');
  const zoom = zoomForResolution(BENCH_RESOLUTION, { latitude: data.manifest.center[1] });
  prepareView(zoom);
  await watch.settled();

  const t0 = performance.now();
  const worker = startImportWorker();
  let out;
  try {
    const preview = await worker.api.inspect('bench.csv', bytes, 'incidents');
    out = await worker.api.run({ kind: 'incidents', mapping: preview.mapping, crs: 'WGS84', timeZone, kinds: data.manifest.offenceKinds });
  } finally {
    worker.terminate();
  }
  if (out.kind !== 'incidents' || out.accepted === 0) throw new Error(`the import accepted ${out.accepted} of ${out.total} rows`);
  const t1 = performance.now();

  // The map made for the new data opens where the incidents are (a map made anew keeps the last camera).
  noteMapCamera({ center: middle(out.columns), zoom, bearing: 0, pitch: 0 });
  const before = useIncidentResults.getState().hexCounts;
  await replaceData({ incidents: { columns: out.columns, offenceKinds: out.kinds, timeZone } });
  const t2 = await watch.shownAfter(t1, () => {
    const hex = useIncidentResults.getState().hexCounts;
    return hex !== null && hex !== before;
  });
  const shown = useIncidentResults.getState().hexCounts!.resolution;
  if (shown !== BENCH_RESOLUTION) throw new Error(`the map shows hexagons at resolution ${shown}, not ${BENCH_RESOLUTION}`);
  return { parseMs: t1 - t0, addToFrameMs: t2 - t1, totalMs: t2 - t0, summary: { total: out.total, accepted: out.accepted, rejected: out.rejected.length } };
}

/** Every incident counted and drawn as hexagons by count; nothing selected. */
function prepareView(zoom: number): void {
  useFilters.setState({ timeRange: null, periodPreset: null, hiddenKinds: [], hoursOfWeek: [], townId: null, gridId: null, drawnArea: null });
  useSelection.getState().select(null);
  const layers = useLayers.getState();
  useLayers.setState({ visible: { ...layers.visible, incidents: true }, incidentMode: 'hex', incidentMeasure: 'count' });
  const here = currentMapCamera();
  if (!here || resolutionForZoom(here.zoom, { latitude: useDataset.getState().data!.manifest.center[1] }) !== BENCH_RESOLUTION) {
    window.__oneMap?.jumpTo({ center: here?.center ?? useDataset.getState().data!.manifest.center, zoom });
  }
}

/** The middle of the incidents' extent [lng, lat]. */
function middle(c: IncidentColumns): [number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < c.lng.length; i++) {
    const x = c.lng[i], y = c.lat[i];
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [(w + e) / 2, (s + n) / 2];
}
