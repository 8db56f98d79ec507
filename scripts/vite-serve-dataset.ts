// Vite plugin: serves a dataset folder at a URL path in dev and copies it into the build, so
// the deployed app reads `dist/data/demo/*` and an intranet operator can swap the files in place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.bin': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** Serves `dir` at `/${urlPath}/` and emits its files under `${urlPath}/` in the bundle. */
export function serveDataset(dir: string, urlPath: string): Plugin {
  const files = () => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile() && f !== 'README.md');
  return {
    name: 'serve-dataset',
    configureServer(server) {
      server.middlewares.use(`/${urlPath}/`, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
        if (!files().includes(name)) return next();
        res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `${urlPath}/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}
