// Worker entry: exposes one analysis API instance over comlink. All state lives in the API.
import { expose } from 'comlink';
import { createAnalysisApi } from './analysis-api';

expose(createAnalysisApi());
