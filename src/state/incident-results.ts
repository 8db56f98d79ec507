// State: incident aggregates for the current filter and zoom, computed in the analysis worker.
// Requests are latest-wins: a result that arrives after a newer request was made is dropped.
import { create } from 'zustand';
import type { DatasetManifest } from '../model';
import type { CellCounts } from '../map/map-data';
import type { AnalysisClient } from '../worker/analysis-client';
import { resolutionForZoom } from '../analysis/zoom-resolution';
import { useFilters } from './filters';
import { useLayers } from './layers';
import { toIncidentFilter } from './incident-filter';

/** Resolution of the heatmap's weighted points: fine enough to look smooth at street zoom. */
const HEAT_RESOLUTION = 10;

interface IncidentResults {
  zoom: number;
  hexCounts: CellCounts | null;
  heatCounts: CellCounts | null;
  gridIncidents: Uint32Array | null;
  /** Worker requests in flight. */
  pending: number;
  setZoom(zoom: number): void;
}

export const useIncidentResults = create<IncidentResults>((set) => ({
  zoom: 10,
  hexCounts: null,
  heatCounts: null,
  gridIncidents: null,
  pending: 0,
  setZoom(zoom) {
    set({ zoom });
  },
}));

/** Wires filters, zoom and display mode to worker requests. Call once, after loading. */
export function startIncidentResults(client: AnalysisClient, manifest: DatasetManifest, resolutions: number[]): () => void {
  const zoomOpts = { latitude: manifest.center[1], available: resolutions };
  const heatResolution = resolutions.includes(HEAT_RESOLUTION) ? HEAT_RESOLUTION : resolutions[resolutions.length - 1];
  // One generation counter per result, so a newer request for one never drops another's answer.
  const generation = { hexCounts: 0, heatCounts: 0, gridIncidents: 0 };
  const run = async <T,>(key: keyof typeof generation, job: () => Promise<T>) => {
    const gen = ++generation[key];
    useIncidentResults.setState((s) => ({ pending: s.pending + 1 }));
    try {
      const value = await job();
      if (gen === generation[key]) useIncidentResults.setState({ [key]: value } as Partial<IncidentResults>);
    } finally {
      useIncidentResults.setState((s) => ({ pending: s.pending - 1 }));
    }
  };

  let last = { filterKey: '', resolution: -1, mode: '' };
  const update = () => {
    const filters = useFilters.getState();
    const filter = toIncidentFilter(filters, manifest);
    const filterKey = JSON.stringify([filters.period, filters.caseClasses]);
    const resolution = resolutionForZoom(useIncidentResults.getState().zoom, zoomOpts);
    const mode = useLayers.getState().incidentMode;
    const filterChanged = filterKey !== last.filterKey;
    if (!filterChanged && resolution === last.resolution && mode === last.mode) return;
    // Record what is being computed before starting: the pending count below notifies
    // subscribers (this function among them) synchronously.
    const prev = last;
    last = { filterKey, resolution, mode };
    if (filterChanged || resolution !== prev.resolution) {
      void run('hexCounts', () => client.aggregate(filter, resolution));
    }
    if (mode === 'heat' && (filterChanged || mode !== prev.mode)) {
      void run('heatCounts', () => client.aggregate(filter, heatResolution));
    }
    if (filterChanged) void run('gridIncidents', () => client.countByPolygon('grids', filter));
  };

  const unsubscribers = [useFilters.subscribe(update), useLayers.subscribe(update), useIncidentResults.subscribe(update)];
  update();
  return () => unsubscribers.forEach((u) => u());
}
