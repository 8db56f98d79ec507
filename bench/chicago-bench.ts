// Benchmark: the real Chicago 2017 crimes (264,995 rows in 12 monthly CSVs, ../shared/data).
//   chicago_load_ms   — read the 12 files + decode + parse + build the incident index at the
//                       app's fine resolution 11, as the app does (median of LOAD_TRIALS);
//   chicago_filter_ms — aggregateH3 at resolution 8 under a one-month filter (median).
// For scale: kepler.gl takes about 1.4 s to load these files into a hexbin map.
// Runs alone with `npx tsx bench/chicago-bench.ts`; throws (no figures) when the data is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aggregateH3 } from '../src/analysis/incidents/aggregate-h3';
import { buildIncidentIndex, DEFAULT_FINE_RESOLUTION, type IncidentIndex } from '../src/analysis/incidents/incident-index';
import { zonedToEpochMs } from '../src/analysis/time/zoned-time';
import { importIncidentCsvFiles, type CsvIncidentImport } from '../src/io/csv-incidents';

const DIR = resolve(import.meta.dirname, '../../shared/data/chicago/crimes-2017');
const TZ = 'America/Chicago';
const LOAD_TRIALS = 5;
const FILTER_TRIALS = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function load(files: string[]): { data: CsvIncidentImport; index: IncidentIndex; ms: number; parts: string } {
  const t0 = performance.now();
  const inputs = files.map((f) => ({ name: f, data: readFileSync(f) }));
  const t1 = performance.now();
  const data = importIncidentCsvFiles(inputs, { timeZone: TZ });
  const t2 = performance.now();
  const index = buildIncidentIndex(data.columns, { fineResolution: DEFAULT_FINE_RESOLUTION, timeZone: TZ });
  const t3 = performance.now();
  const parts = `read ${(t1 - t0).toFixed(0)} + parse ${(t2 - t1).toFixed(0)} + index ${(t3 - t2).toFixed(0)} ms`;
  return { data, index, ms: t3 - t0, parts };
}

export async function chicagoBench(): Promise<{ chicago_load_ms: number; chicago_filter_ms: number }> {
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort().map((f) => resolve(DIR, f)) : [];
  if (files.length === 0) {
    throw new Error(`no Chicago 2017 crime files (chicago-crimes-2017-MM.csv) in ${DIR}: the shared data is missing`);
  }
  const loads: number[] = [];
  let last: ReturnType<typeof load> | undefined;
  for (let t = 0; t < LOAD_TRIALS; t++) {
    last = load(files);
    loads.push(last.ms);
    console.log(`chicago load ${t + 1}/${LOAD_TRIALS}: ${last.ms.toFixed(0)} ms (${last.parts})`);
  }
  const { data, index } = last!;
  console.log(
    `chicago: ${files.length} files, ${data.total} rows: ${data.accepted} accepted, ${data.rejected.length} rejected; ` +
      `${data.categories.length} categories; ${index.levels[index.levels.length - 1].size} cells at resolution ${index.fineResolution}`,
  );

  // July 2017, local Chicago time.
  const filter = { fromSec: zonedToEpochMs(TZ, 2017, 7, 1) / 1000, toSec: zonedToEpochMs(TZ, 2017, 8, 1) / 1000 };
  const times: number[] = [];
  let kept = 0;
  let cells = 0;
  for (let t = 0; t < FILTER_TRIALS; t++) {
    const t0 = performance.now();
    const agg = aggregateH3(index, filter, 8);
    times.push(performance.now() - t0);
    kept = agg.total;
    cells = agg.cells.length;
  }
  const chicago_load_ms = Math.round(median(loads));
  const chicago_filter_ms = Math.round(median(times) * 100) / 100;
  console.log(`chicago: July 2017 → ${kept} incidents in ${cells} cells at resolution 8; median ${chicago_filter_ms} ms`);
  console.log(`chicago_load_ms ${chicago_load_ms} (median of ${LOAD_TRIALS}; min ${Math.min(...loads).toFixed(0)}), chicago_filter_ms ${chicago_filter_ms}`);
  return { chicago_load_ms, chicago_filter_ms };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(await chicagoBench());
}
