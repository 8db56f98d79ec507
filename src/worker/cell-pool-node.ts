// Worker (Node only): a CellPool on node:worker_threads, for the CLI, the benchmarks and the
// tests. Kept apart from cell-pool.ts so that the browser bundle never sees a Node import.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CellPool, defaultCellWorkers, type CellWorkerMessage, type CellWorkerPort } from './cell-pool';

/**
 * Starts `workers` worker threads (default: one per core beyond this thread's, at most 3). Run
 * from TypeScript sources (tsx, vitest), each worker registers tsx's loader before loading its
 * entry — a `--import tsx` in execArgv does not reach a worker's own module loader on Node 20.
 */
export function spawnNodeCellPool(workers = defaultCellWorkers(availableParallelism()), opts: { local?: boolean } = {}): CellPool {
  const ports: CellWorkerPort[] = [];
  for (let k = 0; k < workers; k++) {
    const worker = startWorker();
    let stopped = false;
    worker.unref(); // an idle pool must not keep a CLI run alive
    ports.push({
      post: (task, transfer) => worker.postMessage(task, transfer as ArrayBuffer[]),
      listen: (onMessage, onError) => {
        worker.on('message', (m: CellWorkerMessage) => onMessage(m));
        worker.on('error', onError);
        worker.on('exit', (code) => !stopped && onError(new Error(`exited with code ${code}`)));
      },
      terminate: () => {
        stopped = true;
        void worker.terminate();
      },
      hold: (busy) => (busy ? worker.ref() : worker.unref()),
    });
  }
  return new CellPool(ports, opts);
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./cells.node-worker.js', import.meta.url));
  const entry = new URL('./cells.node-worker.ts', import.meta.url).href;
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}
