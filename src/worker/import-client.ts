// Worker client: starts an import worker (import.worker.ts) and wraps it with comlink. One file
// per worker; terminating it is how an import is cancelled, even in the middle of a parse. The
// import dialog and the `?bench` hook both import through here, so they take the same path.
import { wrap, type Remote } from 'comlink';
import type { ImportApi } from './import-api';

export interface ImportWorker {
  api: Remote<ImportApi>;
  /** Stops the worker: a running import ends there and nothing of it is delivered. */
  terminate(): void;
}

export function startImportWorker(): ImportWorker {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<ImportApi>(worker), terminate: () => worker.terminate() };
}
