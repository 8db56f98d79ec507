// Worker entry (Node worker_threads): the cell worker of cell-pool-node.ts, for the CLI, the
// benchmarks and the tests. Same handler as the browser's cells.worker.ts.
import { parentPort } from 'node:worker_threads';
import { cellWorkerHandler } from './cell-pool';
import { warmUpCells, type CellTask } from '../analysis/incidents/parallel-cells';

const port = parentPort;
if (!port) throw new Error('cells.node-worker.ts runs only as a worker thread');
const handle = cellWorkerHandler();
warmUpCells();
port.on('message', (task: CellTask) => {
  const { message, transfer } = handle(task);
  port.postMessage(message, transfer as ArrayBuffer[]);
});
port.postMessage({ ready: true });
