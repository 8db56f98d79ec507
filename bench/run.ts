// `npm run bench`: every benchmark, a table of figures and bench/results.json (metric → number,
// plus "machine": where they were measured). The keys are a stable contract other checks read;
// targets are from the issues. A metric that cannot be measured (Chromium or the shared Chicago
// data missing, a benchmark failing) is named with the reason, the others are still written, and
// the run exits non-zero.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brushBench } from './brush-bench';
import { chicagoBench } from './chicago-bench';
import { coverageBench } from './coverage-bench';
import { engineBench } from './engine-bench';
import { importBench } from './import-bench';
import { importBrowserBench } from './import-browser-bench';
import { machine } from './machine';
import { sitingBench } from './siting-bench';
import { statsBench } from './stats-bench';
import { viewsPerf } from './views-perf';
import { whatIfReportBench } from './whatif-report-bench';

const TARGETS: Record<string, string> = {
  index_1m_ms: '≤ 1000',
  aggregate_1m_ms: '≤ 10',
  simple_1m_ms: 'baseline: cells located once, one filtered pass',
  naive_1m_ms: 'baseline: latLngToCell at query time',
  first_level_1m_ms: 'first request at a level not located yet',
  gistar_50k_ms: '≤ 200',
  bytes_per_incident: '≤ 48',
  chicago_load_ms: '≤ 467 (kepler.gl 1,400 ÷ 3)',
  chicago_filter_ms: '≤ 64 (kepler.gl 640 ÷ 10)',
  brush_roundtrip_ms: '≤ 50 (brush change → data-idle="true")',
  site_k50_ms: '≤ 2000 (CELF: 50 sites, 20,000 candidates, 200,000 incidents)',
  coverage_10k_ms: '≤ 2000 (10,000 cameras, 50,000 buildings, res 11)',
  whatif_ms: '≤ 100 (one camera moved)',
  whatif_report_ms: '≤ 100 (one camera moved, then every coverage figure of the demo)',
  import_1m_rows_ms: '≤ 10000 (1,000,000-row CSV through the importer)',
  browser_import_265k_ms: 'Chicago 2017 CSV dropped on the map → hexagons drawn, data-idle="true"',
};

/** Each benchmark with the metrics it must deliver. */
const BENCHES: ReadonlyArray<readonly [string, () => Promise<object>, readonly string[]]> = [
  ['engine', engineBench, ['index_1m_ms', 'aggregate_1m_ms', 'simple_1m_ms', 'naive_1m_ms', 'first_level_1m_ms', 'bytes_per_incident']],
  ['views', viewsPerf, []],
  ['stats', statsBench, ['gistar_50k_ms']],
  ['chicago', chicagoBench, ['chicago_load_ms', 'chicago_filter_ms']],
  ['brush', brushBench, ['brush_roundtrip_ms']],
  ['siting', sitingBench, ['site_k50_ms']],
  ['coverage', coverageBench, ['coverage_10k_ms', 'whatif_ms']],
  ['whatif-report', whatIfReportBench, ['whatif_report_ms']],
  ['import', importBench, ['import_1m_rows_ms']],
  ['import-browser', importBrowserBench, ['browser_import_265k_ms']],
];

const results: Record<string, number> = {};
/** Metric → why it has no figure. */
const missing = new Map<string, string>();
for (const [name, bench, keys] of BENCHES) {
  console.log(`\n== ${name} benchmark`);
  // One failing benchmark must not throw away the others' figures.
  try {
    const got = (await bench()) as Record<string, number>;
    for (const k of keys) {
      if (Number.isFinite(got[k])) results[k] = got[k];
      else missing.set(k, `the ${name} benchmark returned ${got[k]}`);
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    console.error(`${name} benchmark FAILED:`, e);
    for (const k of keys) missing.set(k, `${name} benchmark failed: ${why}`);
    if (keys.length === 0) missing.set(`(${name})`, `${name} benchmark failed: ${why}`);
  }
}

console.log('\nmetric                 value      target');
for (const [k, v] of Object.entries(results)) {
  console.log(`${k.padEnd(22)} ${String(v).padStart(9)}  ${TARGETS[k] ?? ''}`);
}
if (results.simple_1m_ms && results.aggregate_1m_ms) {
  console.log(`aggregate ÷ simple (cells located once): ${(results.aggregate_1m_ms / results.simple_1m_ms).toFixed(2)} (below 1 the engine is faster)`);
}
if (results.naive_1m_ms && results.aggregate_1m_ms) {
  console.log(`naive (latLngToCell at query time) ÷ aggregate: ${(results.naive_1m_ms / results.aggregate_1m_ms).toFixed(0)} ×`);
}
const where = machine();
console.log(`machine: ${where.cores} × ${where.cpuModel}; Node ${where.node}; ${where.chromium}; ${where.os}; ${where.date}`);
const out = resolve(import.meta.dirname, 'results.json');
writeFileSync(out, `${JSON.stringify({ ...results, machine: where }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
if (missing.size > 0) {
  console.error('\nNOT MEASURED (missing from results.json):');
  for (const [k, why] of missing) console.error(`  ${k}: ${why}`);
  process.exitCode = 1;
}
