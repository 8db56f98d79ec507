// Worker entry (browser): a cell worker of the analysis worker's pool — locates the H3 cells and
// local times of the chunks it is sent (see cell-pool.ts) and transfers the answers back.
import { cellWorkerHandler, type CellWorkerMessage } from './cell-pool';
import { warmUpCells, type CellTask } from '../analysis/incidents/parallel-cells';

const handle = cellWorkerHandler();
warmUpCells();
const scope = self as unknown as { postMessage(m: CellWorkerMessage, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<CellTask>) => void) | null };
scope.onmessage = (e) => {
  const { message, transfer } = handle(e.data);
  scope.postMessage(message, transfer);
};
scope.postMessage({ ready: true });
