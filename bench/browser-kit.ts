// Benchmarks in Chromium: build the app once per run, serve dist/ with vite preview on a free
// port, and open headless Chromium (software WebGL) as the browser tests do. Shared by the brush
// and import benchmarks. Throws (no figure) when Chromium is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');

export function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

let built = false;
/** `vite build` into dist/, once per process (each benchmark adds its own data to dist/ after). */
export function buildOnce(): void {
  if (built) return;
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  built = true;
}

/** The Chromium the benchmark drives: CHROMIUM_PATH or the system one. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer in ${ms} ms`);
}

export interface BenchBrowser {
  /** The preview server's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Serves dist/ and opens Chromium on it (the caller builds first). Close it in a finally. */
export async function openBenchBrowser(viewport = { width: 1600, height: 1000 }): Promise<BenchBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: ROOT, detached: true, stdio: 'ignore' });
  const userDataDir = mkdtempSync(join(tmpdir(), 'one-map-bench-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForServer(`${origin}/`);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      ignoreDefaultArgs: ['--headless'],
      args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
      viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { origin, page, context, close };
  } catch (e) {
    await close();
    throw e;
  }
}
