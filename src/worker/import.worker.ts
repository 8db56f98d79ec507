// Worker entry: one import at a time over comlink (import-api.ts); the page terminates it to cancel.
import { expose } from 'comlink';
import { createImportApi } from './import-api';

expose(createImportApi());
