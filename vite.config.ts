import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serveDataset } from './scripts/vite-serve-dataset.ts';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { offlineTerraDrawPlugin } from './scripts/vite-offline-terra-draw.ts';

// One port for dev and preview; PORT overrides it (README promises 5173 by default).
const port = Number(process.env.PORT ?? 5173);

// The browser tests' build (scripts/run-browser-tests.mjs sets ONE_MAP_TEST_DATASETS=1) also serves
// the render tests' tiny fixed dataset and the basemap fixtures; a production build ships only the demo.
const testDatasets = process.env.ONE_MAP_TEST_DATASETS === '1' ? [serveDataset('tests/fixtures/render-dataset', 'tests/fixtures/render-dataset'), serveDataset('tests/fixtures/basemap', 'tests/fixtures/basemap')] : [];

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineTerraDrawPlugin(), serveDataset('data/demo', 'data/demo'), ...testDatasets],
  // Emit real files rather than base64 inlines: easier to audit what an intranet build serves.
  build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 4000, sourcemap: false },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
