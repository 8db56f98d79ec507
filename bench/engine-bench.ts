// Benchmark: the incident engine on the generator's 1,000,000-incident demo county.
//   index_1m_ms        — loadIncidents as the app does it: cells on the cell-worker pool plus
//                        this thread, sort, scatter, levels, local times; pool and thread
//                        warmed up as at app start (median of 3 builds, each printed)
//   aggregate_1m_ms    — aggregateDense at resolution 9 (exact, as the app counts it) under a new
//                        time window and category set each run (median of 9), what a time-brush
//                        move costs in the worker
//   simple_1m_ms       — the same 9 filters by a competent simple method (simple-baseline.ts):
//                        cells located once, untimed; one filtered pass over typed arrays
//                        counting into a typed array (median of 9; counts checked equal first)
//   naive_1m_ms        — the same filters with latLngToCell at query time: test each row, a
//                        latLngToCell per kept row into a Map (median of 2)
//   first_level_1m_ms  — the first request at a resolution not located yet (first-level-bench.ts)
//   bytes_per_incident — the index plus the town and grid assignments the app registers, with the
//                        exact level of resolution 9 the app adds when the map first shows it
// Runnable alone: `npx tsx bench/engine-bench.ts`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { latLngToCell } from 'h3-js';
import { buildPolygonIndex } from '../src/analysis/areas/polygon-index';
import { assignPolygons } from '../src/analysis/grids/grid-stats';
import type { IncidentFilter } from '../src/analysis/incidents/incident-filter';
import { hourOfWeekMask } from '../src/analysis/time/hour-of-week';
import { createAnalysisApi } from '../src/worker/analysis-api';
import type { CellPool } from '../src/worker/cell-pool';
import { spawnNodeCellPool } from '../src/worker/cell-pool-node';
import { DAY, filterNo, loadDemo, median, RES, timed } from './demo-1m';
import { firstLevelBench } from './first-level-bench';
import { checkSameCounts, locateOnce, simpleCount } from './simple-baseline';

/** The engine's metrics (see the top of this file). */
export interface EngineMetrics {
  index_1m_ms: number;
  aggregate_1m_ms: number;
  simple_1m_ms: number;
  naive_1m_ms: number;
  first_level_1m_ms: number;
  bytes_per_incident: number;
}

export async function engineBench(): Promise<EngineMetrics> {
  // The app starts its cell workers with the analysis worker, while the data downloads.
  const spawned = performance.now();
  const pool = spawnNodeCellPool();
  try {
    await pool.ready();
    console.log(`engine: cell pool of ${pool.threads} threads ready in ${(performance.now() - spawned).toFixed(0)} ms`);
    return await measure(pool);
  } finally {
    // A failure must not leave the worker threads holding the process open.
    pool.terminate();
  }
}

async function measure(pool: CellPool): Promise<EngineMetrics> {
  const demo = loadDemo();
  const { manifest } = demo;
  const n = manifest.counts.incidents;
  console.log(`engine: ${n.toLocaleString('en')} incidents`);

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

  // The same filters by a competent simple method: each incident located once (untimed), then
  // one filtered pass over typed arrays per filter. Same cells and counts, checked first.
  const cols = demo.cols();
  const located = locateOnce(cols, RES);
  const engineCells = api.levelCells(RES);
  let cellsChecked = 0;
  for (let k = 0; k <= 9; k++) {
    const f = filterNo(k, manifest);
    cellsChecked += checkSameCounts(located, simpleCount(cols, located, f), engineCells, api.aggregateDense(f, RES).counts);
  }
  const simples: number[] = [];
  for (let k = 1; k <= 9; k++) simples.push(timed(() => simpleCount(cols, located, filterNo(k, manifest)))[1]);
  const simple_1m_ms = Math.round(median(simples) * 100) / 100;
  console.log(
    `engine: simple baseline (latLngToCell once per incident, untimed: ${located.ms.toFixed(0)} ms; ${located.cells.length.toLocaleString('en')} cells; ` +
      `counts equal the engine's in all ${cellsChecked.toLocaleString('en')} non-empty cells of 10 filters): ${simples.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  );
  console.log(`engine: aggregate ÷ simple = ${(aggregate_1m_ms / simple_1m_ms).toFixed(2)} (${aggregate_1m_ms} ms against ${simple_1m_ms} ms; below 1 the engine is faster)`);
  // The polygon mask too (half the towns), for the record: both sides filter the same rows.
  const townAssignment = assignPolygons(buildPolygonIndex(demo.towns.features), cols.lng, cols.lat);
  const inTowns: IncidentFilter = { ...filterNo(3, manifest), polygon: { set: 'towns', mask: Uint8Array.from({ length: towns.polygonCount }, (_, k) => k % 2) } };
  checkSameCounts(located, simpleCount(cols, located, inTowns, townAssignment), engineCells, api.aggregateDense(inTowns, RES).counts);
  const townFilter = (k: number): IncidentFilter => ({ ...inTowns, fromSec: inTowns.fromSec! + k * DAY });
  const simpleTowns = median([1, 2, 3, 4, 5].map((k) => timed(() => simpleCount(cols, located, townFilter(k), townAssignment))[1]));
  const engineTowns = median([1, 2, 3, 4, 5].map((k) => timed(() => api.aggregateDense(townFilter(k), RES))[1]));
  console.log(`engine: with a mask of half the towns: engine ${engineTowns.toFixed(1)} ms, simple ${simpleTowns.toFixed(1)} ms (same counts)`);

  // The same filters with latLngToCell at query time.
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
    console.log(`engine: naive pass (latLngToCell at query time) ${ms.toFixed(0)} ms for ${sum.toLocaleString('en')} kept rows`);
  }
  const naive_1m_ms = Math.round(median(naive));
  console.log(`engine: naive (latLngToCell at query time) ${naive.map((ms) => ms.toFixed(0)).join(', ')} ms → ${(naive_1m_ms / aggregate_1m_ms).toFixed(0)} × the engine`);

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
  const { first_level_1m_ms } = await firstLevelBench(demo, pool);
  return { index_1m_ms, aggregate_1m_ms, simple_1m_ms, naive_1m_ms, first_level_1m_ms, bytes_per_incident };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await engineBench());
}
