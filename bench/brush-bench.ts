// Benchmark: in headless Chromium, the median time from a time-brush change to the new
// aggregate handed to the hexagon layer, over 1,000,000 incidents (brush_roundtrip_ms).
// Builds the app, adds a 1M-incident bundle from the project's generator to dist/, serves it
// with vite preview and drags the brush; the app marks both moments with performance.mark.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'bench/out/bundle-1m');
const TRIALS = 15;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
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

export async function brushBench(): Promise<{ brush_roundtrip_ms?: number }> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`brush bench skipped: no Chromium at ${executablePath} (apt-get install -y chromium)`);
    return {};
  }
  if (!existsSync(join(BUNDLE, 'incidents.bin'))) {
    run('npx', ['tsx', 'scripts/gen-demo/main.ts', '--incidents', '1000000', '--out', BUNDLE]);
  }
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  cpSync(BUNDLE, join(ROOT, 'dist/data/bench-1m'), { recursive: true });

  const port = await freePort();
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: ROOT, detached: true, stdio: 'ignore' });
  const userDataDir = mkdtempSync(join(tmpdir(), 'one-map-bench-'));
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      ignoreDefaultArgs: ['--headless'],
      args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
      viewport: { width: 1600, height: 1000 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/?data=data/bench-1m/`);
    await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 300_000 });
    await page.waitForSelector('[data-testid="trend-brush"]', { timeout: 60_000 });
    console.log(`brush bench: 1M incidents loaded and drawn in ${Date.now() - t0} ms (software WebGL)`);
    const box = (await page.getByTestId('trend-brush').boundingBox())!;
    const samples: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      // Brushes of different widths at different places: a week to a few months.
      const a = box.x + box.width * (0.1 + 0.05 * (i % 10));
      const b = a + box.width * (0.01 + 0.02 * (i % 5));
      await page.evaluate(() => performance.clearMarks());
      await page.mouse.move(a, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(b, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      await page.waitForFunction(
        () => {
          const brush = performance.getEntriesByName('one-map:brush');
          const last = brush[brush.length - 1]?.startTime ?? Infinity;
          return performance.getEntriesByName('one-map:hex-data').some((m) => m.startTime >= last);
        },
        undefined,
        { timeout: 30_000 },
      );
      const ms = await page.evaluate(() => {
        const brush = performance.getEntriesByName('one-map:brush');
        const last = brush[brush.length - 1].startTime;
        const hex = performance.getEntriesByName('one-map:hex-data').find((m) => m.startTime >= last)!;
        return hex.startTime - last;
      });
      samples.push(ms);
      await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 120_000 });
    }
    await context.close();
    samples.sort((x, y) => x - y);
    const median = samples[Math.floor(samples.length / 2)];
    console.log(`brush bench: round trips ${samples.map((s) => s.toFixed(1)).join(', ')} ms; median ${median.toFixed(1)} ms`);
    return { brush_roundtrip_ms: Math.round(median * 10) / 10 };
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await brushBench());
}
