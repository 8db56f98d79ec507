// Worker entry: exposes one analysis API instance over comlink. All state lives in the API. The
// cell workers start at once, and this thread warms its own code up, so that both are ready by the
// time the incidents have downloaded.
import { expose } from 'comlink';
import { createAnalysisApi } from './analysis-api';
import { spawnWebCellPool } from './cell-pool';

const api = createAnalysisApi({ cellPool: spawnWebCellPool() });
expose(api);
void api.warmUp();
