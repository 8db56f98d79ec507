// Benchmark: the incident engine on the generator's 1,000,000-incident demo county.
//   index_1m_ms        — loadIncidents as the app does it: cells on the cell-worker pool plus
//                        this thread, sort, scatter, levels, local times; pool and thread
//                        warmed up as at app start (median of 3 builds, each printed)
//   aggregate_1m_ms    — aggregateDense at resolution 9 (exact, as the app counts it) under a new
//                        time window and category set each run (median of 9), what a time-brush
//                        move costs in the worker
//   naive_1m_ms        — the same filters done the obvious way: test each row, latLngToCell per
//                        kept row into a Map (median of 2; cells only for kept rows, which
//                        favours the naive pass)
//   bytes_per_incident — the index plus the town and grid assignments the app registers, with the
//                        exact level of resolution 9 the app adds when the map first shows it
// The data is generated once into bench/out/demo-1m (gitignored). Runnable alone:
// `npx tsx bench/engine-bench.ts`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { latLngToCell } from 'h3-js';
import { categoryMask, type IncidentFilter } from '../src/analysis/incidents/incident-filter';
import { hourOfWeekMask } from '../src/analysis/time/hour-of-week';
import { decodeIncidentBin } from '../src/io/incident-bin';
import type { AdminCollection, DatasetManifest, GridCollection, IncidentColumns } from '../src/model';
import { createAnalysisApi } from '../src/worker/analysis-api';
import { spawnNodeCellPool } from '../src/worker/cell-pool-node';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(ROOT, 'bench/out/demo-1m');
const N = 1_000_000;
const RES = 9;
const DAY = 86_400;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** The demo county with a million incidents, generated on first use. */
function loadDemo(): { manifest: DatasetManifest; cols: () => IncidentColumns; towns: AdminCollection; grids: GridCollection } {
  if (!existsSync(resolve(DIR, 'manifest.json'))) {
    console.log(`engine: generating ${N.toLocaleString('en')} incidents into ${DIR} (about half a minute, once)`);
    execFileSync('npx', ['tsx', 'scripts/gen-demo/main.ts', '--incidents', String(N), '--out', DIR], { cwd: ROOT, stdio: 'inherit' });
  }
  const manifest = JSON.parse(readFileSync(resolve(DIR, 'manifest.json'), 'utf8')) as DatasetManifest;
  const bin = readFileSync(resolve(DIR, manifest.files.incidents));
  const admin = JSON.parse(readFileSync(resolve(DIR, manifest.files.admin), 'utf8')) as AdminCollection;
  return {
    manifest,
    // Fresh columns each time: the API may keep what it is given.
    cols: () => decodeIncidentBin(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest.counts.incidents),
    towns: { ...admin, features: admin.features.filter((f) => f.properties.level === 'town') },
    grids: JSON.parse(readFileSync(resolve(DIR, manifest.files.grids), 'utf8')) as GridCollection,
  };
}

/** Case-class choices of the filter panel, cycled through by the series of filters. */
const CLASS_SETS: ReadonlyArray<readonly string[]> = [
  ['criminal'],
  ['criminal', 'public-order'],
  ['public-order', 'dispute'],
  ['criminal', 'traffic'],
  ['criminal', 'public-order', 'dispute'],
  ['dispute', 'traffic', 'public-order'],
];

/**
 * Filter k of a varied series, as brushing and ticking case classes produce: a 90–365-day window
 * somewhere in the data and one of CLASS_SETS (about a third of the incidents kept on average).
 */
function filterNo(k: number, manifest: DatasetManifest): IncidentFilter {
  const [t0, t1] = manifest.timeRange.map((ms) => Math.floor(ms / 1000));
  const span = (90 + ((k * 97) % 276)) * DAY;
  const from = t0 + Math.floor(((k * 0.137) % 1) * (t1 - t0 - span));
  const classes = CLASS_SETS[k % CLASS_SETS.length];
  return { fromSec: from, toSec: from + span, categories: categoryMask(manifest.offenceKinds.filter((o) => classes.includes(o.caseClass)).map((o) => o.code)) };
}

export async function engineBench(): Promise<{ index_1m_ms: number; aggregate_1m_ms: number; naive_1m_ms: number; bytes_per_incident: number }> {
  const demo = loadDemo();
  const { manifest } = demo;
  const n = manifest.counts.incidents;
  // The app starts its cell workers with the analysis worker, while the data downloads.
  const spawned = performance.now();
  const pool = spawnNodeCellPool();
  await pool.ready();
  console.log(`engine: ${n.toLocaleString('en')} incidents; cell pool of ${pool.threads} threads ready in ${(performance.now() - spawned).toFixed(0)} ms`);

  const api = createAnalysisApi({ cellPool: pool });
  const warm = await api.warmUp();
  const builds: number[] = [];
  for (let b = 0; b < 3; b++) {
    const summary = await api.loadIncidents(demo.cols(), { timeZone: manifest.timeZone, exactOnDemand: true });
    builds.push(summary.buildMs);
  }
  const index_1m_ms = Math.round(median(builds));
  const single = createAnalysisApi();
  const singleMs = (await single.loadIncidents(demo.cols(), { timeZone: manifest.timeZone })).buildMs;
  console.log(
    `engine: index build ${builds.map((ms) => ms.toFixed(0)).join(', ')} ms on ${pool.threads} threads, after the analysis thread's ${warm.toFixed(0)} ms warm-up (as at app start); one thread ${singleMs.toFixed(0)} ms`,
  );

  const towns = api.assignPolygons('towns', demo.towns);
  const grids = api.assignPolygons('grids', demo.grids);
  // The map's first look at a resolution locates it exactly (once); the counts below are exact.
  const [, exactMs] = timed(() => api.levelCells(RES));
  console.log(`engine: exact level r${RES} located on first use in ${exactMs.toFixed(0)} ms`);
  const summary = api.summary()!;
  const assignmentBytes = 2 * 2 * n; // Uint16 per incident per set
  const bytes_per_incident = Math.round(((summary.memory.totalBytes + assignmentBytes) / n) * 10) / 10;
  console.log(
    `engine: memory ${summary.memory.bytesPerIncident.toFixed(1)} bytes an incident for the index (columns 21, order 4, local time 3, levels ${(summary.memory.levelBytes / n).toFixed(1)}) + 4 for towns and grids (assigned in ${towns.ms.toFixed(0)} + ${grids.ms.toFixed(0)} ms)`,
  );
  console.log(`engine: distinct cells ${summary.resolutions.map((r, k) => `r${r} ${summary.distinctCells[k]}`).join(', ')}`);

  api.aggregateDense(filterNo(0, manifest), RES); // warm
  const aggs: number[] = [];
  let kept = 0;
  for (let k = 1; k <= 9; k++) {
    const [dense, ms] = timed(() => api.aggregateDense(filterNo(k, manifest), RES));
    aggs.push(ms);
    kept += dense.total;
  }
  const aggregate_1m_ms = Math.round(median(aggs) * 100) / 100;
  console.log(`engine: aggregateDense r${RES} ${aggs.map((ms) => ms.toFixed(1)).join(', ')} ms (${Math.round(kept / 9).toLocaleString('en')} incidents kept on average)`);

  // The same filters done the obvious way.
  const cols = demo.cols();
  const naive: number[] = [];
  for (const k of [1, 2]) {
    const f = filterNo(k, manifest);
    const [map, ms] = timed(() => {
      const counts = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const t = cols.timeSec[i];
        if (t < f.fromSec! || t >= f.toSec! || !f.categories![cols.category[i]]) continue;
        const cell = latLngToCell(cols.lat[i], cols.lng[i], RES);
        counts.set(cell, (counts.get(cell) ?? 0) + 1);
      }
      return counts;
    });
    const dense = api.aggregateDense(f, RES);
    let sum = 0;
    for (const v of map.values()) sum += v;
    if (sum !== dense.total) throw new Error(`naive pass kept ${sum}, the engine ${dense.total}`);
    naive.push(ms);
    console.log(`engine: naive pass ${ms.toFixed(0)} ms for ${sum.toLocaleString('en')} kept rows (a latLngToCell each)`);
  }
  const naive_1m_ms = Math.round(median(naive));
  console.log(`engine: naive ${naive.map((ms) => ms.toFixed(0)).join(', ')} ms → ${(naive_1m_ms / aggregate_1m_ms).toFixed(0)} × the engine`);

  // The other views, for the record (not targets).
  const nights = hourOfWeekMask([...Array(168).keys()].filter((h) => h % 24 >= 20 || h % 24 < 6));
  const rich: IncidentFilter = { ...filterNo(3, manifest), hourOfWeek: nights, polygon: { set: 'towns', mask: Uint8Array.from({ length: towns.polygonCount }, (_, k) => k % 2) } };
  const views: Array<[string, () => unknown]> = [
    ['aggregateDense r7', () => api.aggregateDense(filterNo(4, manifest), 7)],
    ['aggregateDense r11', () => api.aggregateDense(filterNo(5, manifest), 11)],
    ['aggregateDense r9, hours + towns (cached fold)', () => api.aggregateDense({ ...rich, fromSec: rich.fromSec! + DAY }, RES)],
    ['timeSeries day', () => api.timeSeries(rich, 'day')],
    ['hourWeekMatrix', () => api.hourWeekMatrix(rich)],
    ['comparePeriods r9', () => api.comparePeriods(rich, RES, [rich.fromSec!, rich.toSec!], [2 * rich.fromSec! - rich.toSec!, rich.fromSec!])],
    ['countByPolygon grids', () => api.countByPolygon('grids', rich)],
  ];
  for (const [name, run] of views) {
    run();
    const ms = median([0, 1, 2, 3, 4].map(() => timed(run)[1]));
    console.log(`engine: ${name} ${ms.toFixed(1)} ms`);
  }
  pool.terminate();
  return { index_1m_ms, aggregate_1m_ms, naive_1m_ms, bytes_per_incident };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await engineBench());
}
