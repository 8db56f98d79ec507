// Worker client: starts the analysis worker and wraps it with comlink. Incident columns are sent
// transferred (the caller's arrays are detached afterwards); results come back transferred too.
import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { IncidentColumns } from '../model';
import type { AnalysisApi, IndexSummary, LoadOptions } from './analysis-api';

type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The analysis API seen from the main thread: every method returns a promise. */
export type AnalysisClient = { [K in keyof AnalysisApi]: Promised<AnalysisApi[K]> } & {
  /** The raw comlink proxy, for calls that need their own transfer lists. */
  remote: Remote<AnalysisApi>;
  /** Stops the worker (or closes the port) and releases the proxy. */
  terminate(): void;
};

/** Starts a new analysis worker (a module worker bundled by Vite). */
export function spawnAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Wraps an endpoint exposing the analysis API (the worker by default; a MessagePort in tests).
 * `loadIncidents` transfers the column buffers: the arrays passed are empty afterwards, so pass
 * copies if the main thread still needs them.
 */
export function createAnalysisClient(endpoint: Endpoint = spawnAnalysisWorker()): AnalysisClient {
  const remote = wrap<AnalysisApi>(endpoint);
  const call =
    <K extends keyof AnalysisApi>(k: K) =>
    (...args: unknown[]) =>
      (remote[k] as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
  return {
    remote,
    loadIncidents: (cols: IncidentColumns, opts?: LoadOptions): Promise<IndexSummary> =>
      remote.loadIncidents(transfer(cols, columnBuffers(cols)), opts),
    summary: call('summary'),
    warmUp: call('warmUp'),
    resolutionForZoom: call('resolutionForZoom'),
    levelCells: call('levelCells'),
    aggregateDense: call('aggregateDense'),
    aggregate: call('aggregate'),
    timeSeries: call('timeSeries'),
    hourWeekMatrix: call('hourWeekMatrix'),
    comparePeriods: call('comparePeriods'),
    assignPolygons: call('assignPolygons'),
    countByPolygon: call('countByPolygon'),
    polygonCounts: call('polygonCounts'),
    cameraStats: call('cameraStats'),
    hotspots: call('hotspots'),
    emergingHotspots: call('emergingHotspots'),
    concentration: call('concentration'),
    cellProfile: call('cellProfile'),
    paiForCells: call('paiForCells'),
    paiForPolygons: call('paiForPolygons'),
    dropPolygons: call('dropPolygons'),
    terminate() {
      remote[releaseProxy]();
      if ('terminate' in endpoint && typeof endpoint.terminate === 'function') endpoint.terminate();
      else if ('close' in endpoint && typeof endpoint.close === 'function') endpoint.close();
    },
  } as AnalysisClient;
}

let shared: AnalysisClient | null = null;

/** The app's one analysis client, started on first use. */
export function analysisClient(): AnalysisClient {
  shared ??= createAnalysisClient();
  return shared;
}

/** Distinct buffers behind the columns (a buffer listed twice would make postMessage throw). */
function columnBuffers(cols: IncidentColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of [cols.lng, cols.lat, cols.timeSec, cols.category]) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}
