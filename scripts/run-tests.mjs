#!/usr/bin/env node
// `npm test`: every test of the project, then one closing line "N passed, N failed".
//   1. TypeScript typecheck (tsc --noEmit -p tsconfig.json) — counts as one test;
//   2. unit tests (vitest run, config in vite.config.ts), counted from vitest's JSON report;
//   3. browser tests (scripts/run-browser-tests.mjs: build, vite preview, real Chromium).
// Every suite runs even when an earlier one failed; the exit code is non-zero if anything failed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, countVitestReport, killActiveGroups, runCommand } from './test-lib.mjs';

const UNIT_REPORT = join(ARTIFACTS, 'unit-results.json');
const BROWSER_SUMMARY = join(tmpdir(), `one-map-browser-summary-${process.pid}.json`);

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killActiveGroups('SIGTERM');
    process.exit(130);
  });
}

const suites = [];
const t0 = Date.now();
mkdirSync(ARTIFACTS, { recursive: true });

function banner(text) {
  console.log(`\n=== ${text} ${'='.repeat(Math.max(3, 70 - text.length))}`);
}

// 1. Typecheck.
banner('typecheck: tsc --noEmit -p tsconfig.json');
{
  const r = await runCommand('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], {
    timeoutMs: 5 * 60_000,
    label: 'typecheck',
  });
  const ok = r.code === 0;
  suites.push({
    name: 'typecheck',
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    failures: ok ? [] : [`typecheck: tsc exited ${r.timedOut ? 'by timeout' : (r.code ?? r.signal)}`],
    ms: r.ms,
  });
}

// 2. Unit tests.
banner('unit tests: vitest run');
{
  rmSync(UNIT_REPORT, { force: true });
  const r = await runCommand(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_REPORT}`],
    { timeoutMs: 10 * 60_000, label: 'unit tests' },
  );
  const counted = countVitestReport(UNIT_REPORT, { exitCode: r.code, suite: 'unit' });
  if (r.timedOut) {
    counted.failed += 1;
    counted.failures.push('unit: vitest timed out');
  }
  suites.push({ name: 'unit', ...counted, ms: r.ms });
}

// 3. Browser tests.
banner('browser tests: node scripts/run-browser-tests.mjs');
{
  rmSync(BROWSER_SUMMARY, { force: true });
  const r = await runCommand('node', ['scripts/run-browser-tests.mjs'], {
    env: { ONE_MAP_SUMMARY_FILE: BROWSER_SUMMARY },
    // Install, build and the browser run's own 35-minute limit, with room to spare.
    timeoutMs: 45 * 60_000,
    label: 'browser tests',
  });
  let counted;
  try {
    counted = JSON.parse(readFileSync(BROWSER_SUMMARY, 'utf8'));
  } catch {
    counted = {
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [`browser: the runner ended without a summary (exit ${r.timedOut ? 'by timeout' : (r.code ?? r.signal)})`],
    };
  }
  if (r.code !== 0 && counted.failed === 0) {
    counted.failed = 1;
    counted.failures.push(`browser: the runner exited ${r.code ?? r.signal} with nothing failed`);
  }
  rmSync(BROWSER_SUMMARY, { force: true });
  suites.push({ name: 'browser', ...counted, ms: r.ms });
}

// Summary.
banner('summary');
let passed = 0;
let failed = 0;
for (const s of suites) {
  passed += s.passed;
  failed += s.failed;
  const skipped = s.skipped ? `, ${s.skipped} skipped` : '';
  console.log(`${s.name.padEnd(10)} ${String(s.passed).padStart(4)} passed, ${String(s.failed).padStart(3)} failed${skipped}  (${(s.ms / 1000).toFixed(1)} s)`);
}
const failures = suites.flatMap((s) => s.failures);
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`\ntotal time ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots and reports in test-artifacts/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
