// Small helpers shared by scripts/run-tests.mjs and scripts/run-browser-tests.mjs:
// running a command in its own process group (so a timeout or a signal can end all of
// its children), and counting the individual tests in a vitest JSON report honestly.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal` to the whole process group led by `pid`; ignores groups that are gone. */
export function killGroup(pid, signal = 'SIGTERM') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Kills process group `group` when this process disappears without cleaning up (SIGKILL,
 * crash): a tiny detached node process that polls both once a second and exits by itself
 * once the group is gone. Returns its pid.
 */
export function startOrphanGuard(group) {
  const code = `
    const [parent, group] = process.argv.slice(1).map(Number);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    setInterval(() => {
      if (!alive(-group)) process.exit(0);
      if (!alive(parent)) {
        try { process.kill(-group, 'SIGTERM'); } catch {}
        setTimeout(() => { try { process.kill(-group, 'SIGKILL'); } catch {} process.exit(0); }, 3000);
      }
    }, 1000);`;
  const guard = spawn(process.execPath, ['-e', code, String(process.pid), String(group)], {
    detached: true,
    stdio: 'ignore',
  });
  guard.unref();
  return guard.pid;
}

/**
 * Runs `cmd args` in its own process group with inherited stdio. Resolves with
 * { code, signal, timedOut, ms }; never rejects. On timeout the whole group is killed.
 */
export function runCommand(cmd, args, { env, timeoutMs = 10 * 60_000, label = cmd } = {}) {
  return new Promise((resolvePromise) => {
    const t0 = Date.now();
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
      });
    } catch (err) {
      resolvePromise({ code: 127, signal: null, timedOut: false, ms: 0, error: err });
      return;
    }
    activeGroups.add(child.pid);
    startOrphanGuard(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[${label}] timed out after ${Math.round(timeoutMs / 1000)} s: killing it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      activeGroups.delete(child.pid);
      resolvePromise({ code: 127, signal: null, timedOut, ms: Date.now() - t0, error });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      activeGroups.delete(child.pid);
      resolvePromise({ code, signal, timedOut, ms: Date.now() - t0 });
    });
  });
}

// Process groups started by runCommand that are still running: ended if we are interrupted.
const activeGroups = new Set();
export function killActiveGroups(signal = 'SIGTERM') {
  for (const pid of activeGroups) killGroup(pid, signal);
}

/**
 * Counts a vitest JSON report (`--reporter=json`). Failed tests count as failed; so do
 * tests skipped because their file failed (a failing beforeAll skips them), and a file that
 * failed without any test (an import error) counts as one failed test. Tests skipped on
 * purpose in a passing file are reported apart and count neither way.
 * A non-zero exit with nothing failed in the report (an unhandled error) adds one failure.
 */
export function countVitestReport(reportPath, { exitCode, suite }) {
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (!existsSync(reportPath)) {
    result.failed = 1;
    result.failures.push(`${suite}: no test report was written (exit code ${exitCode})`);
    return result;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (err) {
    result.failed = 1;
    result.failures.push(`${suite}: unreadable test report ${reportPath}: ${err.message}`);
    return result;
  }
  for (const file of report.testResults ?? []) {
    const name = file.name.startsWith(ROOT) ? file.name.slice(ROOT.length + 1) : file.name;
    const tests = file.assertionResults ?? [];
    const fileFailed = file.status === 'failed';
    const anyTestFailed = tests.some((t) => t.status === 'failed');
    if (fileFailed && tests.length === 0) {
      result.failed += 1;
      result.failures.push(`${suite}: ${name}: ${firstLine(file.message) || 'file failed'}`);
      continue;
    }
    for (const t of tests) {
      const title = [...(t.ancestorTitles ?? []), t.title].join(' › ');
      if (t.status === 'passed') result.passed += 1;
      else if (t.status === 'failed') {
        result.failed += 1;
        result.failures.push(`${suite}: ${name}: ${title}`);
      } else if (fileFailed && !anyTestFailed) {
        result.failed += 1;
        result.failures.push(`${suite}: ${name}: ${title} (not run: ${firstLine(file.message) || 'its file failed'})`);
      } else result.skipped += 1;
    }
  }
  if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    result.failures.push(`${suite}: vitest exited with code ${exitCode} (unhandled error or no tests found)`);
  }
  return result;
}

function firstLine(text) {
  return String(text ?? '').trim().split('\n')[0].slice(0, 200);
}
