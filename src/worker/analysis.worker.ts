// Worker entry: exposes one analysis API instance over comlink. All state lives in the API. The
// cell workers start at once, so that they have loaded and warmed up by the time the incidents
// arrive.
import { expose } from 'comlink';
import { createAnalysisApi } from './analysis-api';
import { spawnWebCellPool } from './cell-pool';

expose(createAnalysisApi({ cellPool: spawnWebCellPool() }));
