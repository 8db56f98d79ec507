// `npm run bench`: every benchmark, a table of figures and bench/results.json (metric → number).
// The keys are a stable contract other checks read; targets are from the issues.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { engineBench } from './engine-bench';
import { statsBench } from './stats-bench';
import { chicagoBench } from './chicago-bench';
import { brushBench } from './brush-bench';

const TARGETS: Record<string, string> = {
  index_1m_ms: '≤ 1000',
  aggregate_1m_ms: '≤ 10',
  naive_1m_ms: '≥ 50 × aggregate',
  gistar_50k_ms: '≤ 200',
  bytes_per_incident: '≤ 48',
  chicago_load_ms: '≤ 467 (kepler.gl 1,400 ÷ 3)',
  chicago_filter_ms: '≤ 64 (kepler.gl 640 ÷ 10)',
  brush_roundtrip_ms: '≤ 50',
};

const results: Record<string, number> = {};
const failed: string[] = [];
for (const [name, bench] of [
  ['engine', engineBench],
  ['stats', statsBench],
  ['chicago', chicagoBench],
  ['brush', brushBench],
] as const) {
  console.log(`\n== ${name} benchmark`);
  // One failing benchmark must not throw away the others' figures.
  try {
    Object.assign(results, await bench());
  } catch (e) {
    failed.push(name);
    console.error(`${name} benchmark FAILED:`, e);
  }
}

console.log('\nmetric                 value      target');
for (const [k, v] of Object.entries(results)) {
  console.log(`${k.padEnd(22)} ${String(v).padStart(9)}  ${TARGETS[k] ?? ''}`);
}
if (results.naive_1m_ms && results.aggregate_1m_ms) {
  console.log(`naive ÷ aggregate: ${(results.naive_1m_ms / results.aggregate_1m_ms).toFixed(0)} ×`);
}
const out = resolve(import.meta.dirname, 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out}`);
if (failed.length > 0) {
  console.error(`\nFAILED: ${failed.join(', ')} (their metrics are missing from results.json)`);
  process.exitCode = 1;
}
