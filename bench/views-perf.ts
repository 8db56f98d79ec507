// Benchmark (printed, no metric): build and aggregate a million uniformly drawn incidents in the
// county box at several resolutions, assign them to 1,600 grid squares and count per grid. Moved
// here from the unit tests, which must stay fast. Runnable alone: `npx tsx bench/views-perf.ts`
// (PERF_N sets the number of incidents).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aggregateDense, aggregateH3 } from '../src/analysis/incidents/aggregate-h3';
import { assignPolygons, countByPolygon } from '../src/analysis/grids/grid-stats';
import { categoryMask } from '../src/analysis/incidents/incident-filter';
import { buildIncidentIndex, indexMemory } from '../src/analysis/incidents/incident-index';
import { buildPolygonIndex } from '../src/analysis/areas/polygon-index';
import type { AreaGeometry, Feature, LngLat } from '../src/model/geo';
import { COUNTY_BOX, randomIncidents, T0 } from '../tests/unit/analysis-fixtures';

const N = Number(process.env.PERF_N ?? 1_000_000);

function best(runs: number, f: () => unknown): { min: number; median: number } {
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { min: t[0], median: t[Math.floor(runs / 2)] };
}

/** A 40 × 40 tiling of the county box by squares drawn as octagon-ish 9-vertex rings. */
function gridSquares(): Feature<AreaGeometry, null>[] {
  const b = COUNTY_BOX;
  const n = 40;
  const w = (b.east - b.west) / n;
  const h = (b.north - b.south) / n;
  const out: Feature<AreaGeometry, null>[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const x0 = b.west + i * w, y0 = b.south + j * h;
      const ring: LngLat[] = [
        [x0, y0], [x0 + w / 2, y0], [x0 + w, y0], [x0 + w, y0 + h / 2], [x0 + w, y0 + h],
        [x0 + w / 2, y0 + h], [x0, y0 + h], [x0, y0 + h / 2], [x0, y0],
      ];
      out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: null });
    }
  return out;
}

/** Prints the timings; returns no metric (the keyed figures are engine-bench's). */
export async function viewsPerf(): Promise<Record<string, never>> {
  const cols = randomIncidents(N, 42);
  const log = (s: string) => console.log(`views: ${s}`);

  let t0 = performance.now();
  const index = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });
  const buildMs = performance.now() - t0;
  const mem = indexMemory(index);
  log(`build index: ${buildMs.toFixed(0)} ms (${((buildMs * 1000) / N).toFixed(2)} µs an incident)`);
  log(`distinct cells: ${index.levels.map((l) => `r${l.resolution} ${l.size}`).join(', ')}`);
  log(`memory: ${(mem.totalBytes / 1e6).toFixed(1)} MB, ${mem.bytesPerIncident.toFixed(1)} bytes an incident (columns 21, order 4, local time 3, levels ${(mem.levelBytes / N).toFixed(1)})`);

  const year = { fromSec: T0 + 90 * 86_400, toSec: T0 + 270 * 86_400 };
  const cats = { ...year, categories: categoryMask([0, 2, 4, 6]) };
  for (const res of [7, 9, 10, 11]) {
    aggregateH3(index, null, res); // warm caches of cell strings
    const all = best(7, () => aggregateH3(index, null, res));
    const filtered = best(7, () => aggregateH3(index, cats, res));
    const dense = best(7, () => aggregateDense(index, cats, res));
    log(`aggregate r${res}: no filter ${all.median.toFixed(1)} ms (min ${all.min.toFixed(1)}), time+category filter ${filtered.median.toFixed(1)} ms, dense ${dense.median.toFixed(1)} ms`);
  }

  const polygons = buildPolygonIndex(gridSquares());
  t0 = performance.now();
  const assignment = assignPolygons(polygons, cols.lng, cols.lat);
  log(`assign to 1,600 grid polygons: ${(performance.now() - t0).toFixed(0)} ms (${assignment.outside} outside)`);
  const counts = best(7, () => countByPolygon(assignment, cols, cats));
  log(`countByPolygon with filter: ${counts.median.toFixed(1)} ms`);

  t0 = performance.now();
  buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai', exactResolutions: [7] });
  log(`build with one exact resolution: ${(performance.now() - t0).toFixed(0)} ms`);
  if (index.count !== N) throw new Error(`the index holds ${index.count} incidents, not ${N}`);
  return {};
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await viewsPerf();
}
