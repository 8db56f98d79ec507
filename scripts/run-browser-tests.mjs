#!/usr/bin/env node
// Browser tests: ensure the system Chromium, build the app (vite build → dist/), serve it with
// `vite preview` on a free port, check the server is ours, alive and answering, run
// tests/browser/** with vitest (vitest.browser.config.ts), and always stop the server's
// whole process group afterwards — on failure, on Ctrl-C, and (through a small guard
// process) even if this script is killed outright.
//
// Arguments are passed on to vitest (`npm run test:browser -- language` runs one file).
// Standalone it ends with the line "N passed, N failed". With ONE_MAP_SUMMARY_FILE set
// (scripts/run-tests.mjs does) it writes { passed, failed, skipped, failures } there instead.
import { spawn } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import {
  ARTIFACTS,
  ROOT,
  countVitestReport,
  killActiveGroups,
  killGroup,
  runCommand,
  sleep,
  startOrphanGuard,
} from './test-lib.mjs';

const REPORT = join(ARTIFACTS, 'browser-results.json');
const SERVER_LOG = join(ARTIFACTS, 'preview-server.log');
const BUILD_TIMEOUT_MS = 5 * 60_000;
// Sixteen files of software-WebGL pages, one after another: about 12 min on an idle 2-core machine
// (the wall-screen soak and the editors add the most); the limit leaves room for a busy one.
const TESTS_TIMEOUT_MS = 35 * 60_000;

let server = null; // { pid, port, exited, guardPid }

// dist/ and test-artifacts/ belong to one run at a time: two runs in the same checkout
// would empty each other's build and screenshots. A second run waits for the first.
const LOCK = join(ARTIFACTS, '.browser-tests.lock');
const LOCK_WAIT_MS = 8 * 60_000;
let haveLock = false;

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquireLock() {
  const t0 = Date.now();
  let said = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      haveLock = true;
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      continue; // released in between
    }
    if (!Number.isInteger(holder) || !pidAlive(holder)) {
      rmSync(LOCK, { force: true }); // left by a run that died
      continue;
    }
    if (Date.now() - t0 > LOCK_WAIT_MS) {
      throw new Error(`another browser test run (pid ${holder}) has held ${LOCK} for ${LOCK_WAIT_MS / 60_000} min`);
    }
    if (!said) {
      console.error(`[browser-tests] waiting for the browser test run of pid ${holder} in this checkout to finish`);
      said = true;
    }
    await sleep(2_000);
  }
}

function releaseLock() {
  if (!haveLock) return;
  haveLock = false;
  try {
    if (Number(readFileSync(LOCK, 'utf8')) === process.pid) rmSync(LOCK, { force: true });
  } catch {
    // Already gone.
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

async function startPreview() {
  const expectedHtml = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const log = createWriteStream(SERVER_LOG, { flags: 'a' });
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    log.write(`\n--- attempt ${attempt}: npx vite preview --port ${port} --strictPort\n`);
    const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const state = { pid: child.pid, port, exited: null, guardPid: null };
    server = state;
    state.guardPid = startOrphanGuard(child.pid);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('exit', (code, signal) => {
      state.exited = { code, signal };
    });

    const deadline = Date.now() + 60_000;
    let lastError = '';
    while (Date.now() < deadline && !state.exited) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
        const body = await res.text();
        // Answering is not enough: it must be *our* server (still alive) serving *this* build.
        if (res.ok && body === expectedHtml && !state.exited) {
          console.error(`[browser-tests] vite preview (pid ${child.pid}) serves dist/ on port ${port}`);
          return state;
        }
        lastError = `HTTP ${res.status}, ${body === expectedHtml ? 'same' : 'different'} index.html`;
      } catch (err) {
        lastError = err.cause?.code ?? err.message;
      }
      await sleep(250);
    }
    console.error(
      `[browser-tests] vite preview on port ${port} not usable ` +
        `(${state.exited ? `exited ${JSON.stringify(state.exited)}` : 'no answer'}; last: ${lastError}); see ${SERVER_LOG}`,
    );
    await stopPreview();
  }
  throw new Error(`could not start vite preview (3 attempts); see ${SERVER_LOG}`);
}

async function stopPreview() {
  const s = server;
  if (!s) return;
  server = null;
  if (!s.exited) {
    killGroup(s.pid, 'SIGTERM');
    for (let i = 0; i < 50 && !s.exited; i++) await sleep(100);
    if (!s.exited) killGroup(s.pid, 'SIGKILL');
  }
  if (s.guardPid) {
    try {
      process.kill(s.guardPid, 'SIGTERM');
    } catch {
      // The guard already left.
    }
  }
}

function stopPreviewNow() {
  if (server) {
    killGroup(server.pid, 'SIGKILL');
    if (server.guardPid) {
      try {
        process.kill(server.guardPid, 'SIGTERM');
      } catch {
        // Gone.
      }
    }
    server = null;
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n[browser-tests] ${sig}: stopping the server and the tests`);
    killActiveGroups('SIGKILL');
    stopPreviewNow();
    releaseLock();
    process.exit(130);
  });
}
process.on('exit', () => {
  killActiveGroups('SIGKILL');
  stopPreviewNow();
  releaseLock();
});

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    await acquireLock();
  } catch (err) {
    return { passed: 0, failed: 1, skipped: 0, failures: [`browser: ${err.message}`] };
  }
  // Only this run's screenshots and reports stay in test-artifacts/.
  for (const f of readdirSync(ARTIFACTS)) {
    if (/\.(png|json|log)$/.test(f) && !f.startsWith('unit-')) rmSync(join(ARTIFACTS, f), { force: true });
  }
  const summary = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const setupFailed = (what) => {
    summary.failed += 1;
    summary.failures.push(`browser: ${what}`);
  };
  const t0 = Date.now();
  try {
    let executable;
    try {
      executable = ensureChromium();
    } catch (err) {
      console.error(`[browser-tests] ${err.message}`);
      setupFailed(`Chromium unavailable: ${err.message.split('\n')[0]}`);
      return summary;
    }

    console.error('[browser-tests] npx vite build (with the test datasets)');
    // ONE_MAP_TEST_DATASETS: vite.config.ts adds tests/fixtures/render-dataset to this build only.
    const build = await runCommand('npx', ['vite', 'build'], {
      env: { ONE_MAP_TEST_DATASETS: '1' },
      timeoutMs: BUILD_TIMEOUT_MS,
      label: 'vite build',
    });
    if (build.code !== 0) {
      setupFailed(`vite build failed (${build.timedOut ? 'timed out' : `exit ${build.code ?? build.signal}`})`);
      return summary;
    }
    console.error(`[browser-tests] build done in ${(build.ms / 1000).toFixed(1)} s`);

    let s;
    try {
      s = await startPreview();
    } catch (err) {
      setupFailed(err.message);
      return summary;
    }

    const run = await runCommand(
      'npx',
      [
        'vitest',
        'run',
        '-c',
        'vitest.browser.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${REPORT}`,
        // Extra arguments go to vitest, e.g. a file filter: npm run test:browser -- 02-layer
        ...process.argv.slice(2),
      ],
      {
        env: { ONE_MAP_BASE_URL: `http://127.0.0.1:${s.port}`, CHROMIUM_PATH: executable },
        timeoutMs: TESTS_TIMEOUT_MS,
        label: 'browser tests',
      },
    );
    const counted = countVitestReport(REPORT, { exitCode: run.code, suite: 'browser' });
    Object.assign(summary, counted);
    if (run.timedOut) {
      summary.failed += 1;
      summary.failures.push(`browser: vitest timed out after ${TESTS_TIMEOUT_MS / 60_000} min`);
    }
    if (s.exited) {
      summary.failed += 1;
      summary.failures.push(`browser: vite preview died during the tests (${JSON.stringify(s.exited)})`);
    }
    return summary;
  } finally {
    await stopPreview();
    releaseLock();
    console.error(`[browser-tests] finished in ${((Date.now() - t0) / 1000).toFixed(1)} s; artifacts in test-artifacts/`);
  }
}

const summary = await main();
const summaryFile = process.env.ONE_MAP_SUMMARY_FILE;
if (summaryFile) {
  writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
} else {
  for (const f of summary.failures) console.log(`FAILED ${f}`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
}
process.exit(summary.failed > 0 ? 1 : 0);
