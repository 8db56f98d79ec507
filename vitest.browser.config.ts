import { defineConfig } from 'vitest/config';

// Real-browser tests (tests/browser/**): one Chromium per file, files one after another,
// long timeouts because WebGL runs in software (SwiftShader) at about one frame a second.
// Run them through `npm run test:browser`, which builds the app and serves it first.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    sequence: { shuffle: false },
  },
});
