// Benchmark: what-if editing as the app does it (whatif_report_ms) — in the analysis worker's API
// over the committed demo county (150,000 incidents, 1,974 cameras, buildings, res 11): one camera
// moved and turned (updateCoverageCamera) and then every figure the panel shows recomputed
// (coverageReport: county, 14 towns, 398 grids, 20 hotspots). whatif_ms (coverage-bench.ts)
// times the coverage update alone; this is the whole round a user waits for, minus messaging.
// Median of 40 moves after 5 warm-ups. Runnable alone: `npx tsx bench/whatif-report-bench.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnalysisApi } from '../src/worker/analysis-api';
import { cameraView } from '../src/worker/coverage-state';
import { decodeIncidentBin } from '../src/io/incident-bin';
import type { AdminCollection, CameraCollection, DatasetManifest, GridCollection, HotspotCollection, RoadCollection } from '../src/model';
import { median } from './demo-1m';
import { mulberry32 as rng } from '../tests/seeded-random';

const DEMO = resolve(import.meta.dirname, '..', 'data', 'demo');
const M_PER_DEG = 111_195;

export async function whatIfReportBench(): Promise<{ whatif_report_ms: number }> {
  const read = (f: string) => JSON.parse(readFileSync(resolve(DEMO, f), 'utf8'));
  const manifest = read('manifest.json') as DatasetManifest;
  const admin = read('admin.geojson') as AdminCollection;
  const grids = read('grids.geojson') as GridCollection;
  const cameras = read('cameras.geojson') as CameraCollection;
  const api = createAnalysisApi();
  const bin = readFileSync(resolve(DEMO, manifest.files.incidents));
  await api.loadIncidents(decodeIncidentBin(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest.counts.incidents), { timeZone: manifest.timeZone });
  api.assignPolygons('towns', { type: 'FeatureCollection', features: admin.features.filter((f) => f.properties.level === 'town') });
  api.assignPolygons('grids', grids);
  api.assignPolygons('hotspots', read('hotspots.geojson') as HotspotCollection);
  api.setCoverageData({ cameras, buildings: read('buildings.geojson'), roads: read('roads.geojson') as RoadCollection, admin, grids });
  api.coverageReport(null);
  const rand = rng(7);
  const online = cameras.features.map(cameraView).filter((v) => v.status === 'online');
  const times: number[] = [];
  for (let i = 0; i < 45; i++) {
    const c = online[Math.floor(rand() * online.length)];
    const moved = { ...c, lng: c.lng + ((rand() - 0.5) * 60) / M_PER_DEG, lat: c.lat + ((rand() - 0.5) * 60) / M_PER_DEG, heading: 360 * rand() };
    const t0 = performance.now();
    api.updateCoverageCamera(moved);
    api.coverageReport(null);
    times.push(performance.now() - t0);
    api.updateCoverageCamera(c);
  }
  const ms = median(times.slice(5));
  console.log(`what-if round on the demo (move + full coverage report): median ${ms.toFixed(1)} ms, max ${Math.max(...times.slice(5)).toFixed(1)} ms over 40 moves (target ≤ 100)`);
  return { whatif_report_ms: Math.round(ms * 10) / 10 };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await whatIfReportBench());
