// Worker client: starts the analysis worker and wraps it with comlink. Incident columns are sent
// transferred (the caller's arrays are detached afterwards); results come back transferred too.
import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { IncidentColumns } from '../model';
import type { AnalysisApi, IndexSummary, LoadOptions } from './analysis-api';

/**
 * The analysis API seen from the main thread: derived from the API object itself (every method
 * returns a promise), so a method added to the API is on the client without listing it here.
 */
export type AnalysisClient = Remote<AnalysisApi> & {
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
  const own = {
    remote,
    // The one call whose arguments are transferred rather than copied.
    loadIncidents: (cols: IncidentColumns, opts: LoadOptions): Promise<IndexSummary> =>
      remote.loadIncidents(transfer(cols, columnBuffers(cols)), opts),
    terminate() {
      remote[releaseProxy]();
      if ('terminate' in endpoint && typeof endpoint.terminate === 'function') endpoint.terminate();
      else if ('close' in endpoint && typeof endpoint.close === 'function') endpoint.close();
    },
  };
  // Every other property is the comlink proxy's method of that name — but not `then`: comlink's
  // root proxy is thenable, and an awaited client must stay this object, not become the proxy.
  return new Proxy(own, {
    get: (target, key) => {
      if (key in target) return target[key as keyof typeof own];
      return key === 'then' ? undefined : (remote as unknown as Record<PropertyKey, unknown>)[key];
    },
  }) as unknown as AnalysisClient;
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
