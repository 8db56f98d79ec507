// Shared harness of the browser tests: one real headless Chromium (system binary, software
// WebGL) per test file, with every request recorded and foreign ones blocked, every console
// error / page error / HTTP error collected and asserted empty after each test, helpers to wait
// for the map's `data-idle` contract, and screenshots kept in test-artifacts/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { blanknessProblems, crop, decodePng, imageStats, type Box, type ImageStats } from './pixels';

export const ARTIFACTS = resolve(process.cwd(), 'test-artifacts');
/** Software WebGL draws about one frame a second with many hexagons: be generous. */
export const IDLE_TIMEOUT_MS = Number(process.env.ONE_MAP_IDLE_TIMEOUT_MS ?? 180_000);
/** After an action, how long the map may take to report `data-idle="false"` before we accept "true". */
const BUSY_GRACE_MS = 2_000;
/** Once the page has reported an error, how much longer we wait for the map to go idle. */
const AFTER_ERROR_MS = 15_000;
/** How long after navigation the map container may take to appear. */
const MAP_MISSING_MS = 45_000;
const VIEWPORT = { width: 1280, height: 800 };
const MAP = '[data-testid="map"]';

export function baseUrl(): string {
  const url = process.env.ONE_MAP_BASE_URL;
  if (!url) {
    throw new Error(
      'ONE_MAP_BASE_URL is not set. Run the browser tests with `npm run test:browser` ' +
        '(scripts/run-browser-tests.mjs builds the app and serves it with vite preview).',
    );
  }
  return url;
}

export interface RequestRecord {
  url: string;
  type: string;
  sameOrigin: boolean;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every request of the whole session, in order (pages, workers, reloads). */
  requests: RequestRecord[];
  /** Console errors, page errors, crashes, HTTP errors, failed and foreign requests not yet asserted. */
  problems: string[];
  close(): Promise<void>;
}

function isAllowedUrl(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

const problemsOf = new WeakMap<Page, string[]>();

export async function launchSession(): Promise<Session> {
  const origin = new URL(baseUrl()).origin;
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const userDataDir = mkdtempSync(join(tmpdir(), 'one-map-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ignoreDefaultArgs: ['--headless'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // Second line of defence for the offline test: no host name resolves at all.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  const requests: RequestRecord[] = [];
  const problems: string[] = [];

  // Context-level events also cover dedicated workers (checked with playwright-core 1.65).
  context.on('request', (req) => {
    const sameOrigin = isAllowedUrl(req.url(), origin);
    requests.push({ url: req.url(), type: req.resourceType(), sameOrigin });
    // Offline is checked in every test, not only in the dedicated ones.
    if (!sameOrigin) problems.push(`request to another origin (the app must work offline): ${req.resourceType()} ${req.url()}`);
  });
  await context.route('**/*', async (route) => {
    if (isAllowedUrl(route.request().url(), origin)) await route.continue();
    else await route.abort('blockedbyclient');
  });
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    problems.push(`console.error: ${msg.text()}${where}`);
  });
  context.on('weberror', (err) => problems.push(`page error: ${err.error().stack ?? err.error().message}`));
  context.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  context.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'unknown';
    // An app (or a reload) may legitimately cancel its own requests.
    if (reason === 'net::ERR_ABORTED' && isAllowedUrl(req.url(), origin)) return;
    problems.push(`request failed: ${req.url()} (${reason})`);
  });

  const page = context.pages()[0] ?? (await context.newPage());
  problemsOf.set(page, problems);
  page.on('crash', () => problems.push('page crashed'));
  page.on('websocket', (ws) => {
    const sameOrigin = isAllowedUrl(ws.url().replace(/^ws/, 'http'), origin);
    requests.push({ url: ws.url(), type: 'websocket', sameOrigin });
    if (!sameOrigin) problems.push(`websocket to another origin: ${ws.url()}`);
  });

  return {
    context,
    page,
    origin,
    requests,
    problems,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the per-file lifecycle: one browser for the file (opened at `baseUrl()` and
 * waited to idle), "no console/page/HTTP errors" asserted after every test, a FAILED-*.png
 * screenshot when a test fails, and the browser closed at the end.
 */
export function useSession(fileLabel: string): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    session = await launchSession();
    try {
      await openApp(session.page);
    } catch (err) {
      await session.page
        .screenshot({ path: join(ARTIFACTS, `FAILED-${fileLabel}-first-load.png`), timeout: 60_000 })
        .catch(() => undefined);
      const problems = session.problems.splice(0);
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(
        message.includes('Page errors so far') || problems.length === 0
          ? message
          : `${message}\nPage errors:\n${formatProblems(problems)}`,
      );
    }
  });
  afterEach(async (ctx) => {
    if (!session) return;
    const problems = session.problems.splice(0);
    if (ctx.task.result?.state === 'fail' || problems.length > 0) {
      const name = `FAILED-${fileLabel}-${slug(ctx.task.name)}.png`;
      await session.page.screenshot({ path: join(ARTIFACTS, name), timeout: 60_000 }).catch(() => undefined);
    }
    if (problems.length > 0) {
      throw new Error(`${problems.length} console/page/network error(s) during "${ctx.task.name}":\n${formatProblems(problems)}`);
    }
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('browser session not started (beforeAll failed)');
    return session;
  };
}

/** Lists collected problems readably: identical ones once with a count, long stacks cut. */
export function formatProblems(problems: string[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const lines = p.split('\n');
    const short = lines.slice(0, 6).join('\n    ') + (lines.length > 6 ? '\n    …' : '');
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  const entries = [...counts].slice(0, 15).map(([p, n]) => `  ${n > 1 ? `(×${n}) ` : ''}${p}`);
  if (counts.size > 15) entries.push(`  … and ${counts.size - 15} more distinct problems`);
  return entries.join('\n');
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export async function openApp(page: Page): Promise<void> {
  await page.goto(baseUrl(), { waitUntil: 'load', timeout: 60_000 });
  await waitForMap(page, 'first load', (s) => s.idle === 'true', firstIdleTimeout());
  await nextFrames(page, 2);
}

// If one file's first load never went idle, the app is stuck: later files wait less for
// theirs (they still fail or pass on their own) so that the run stays within its budget.
const STUCK_MARKER = join(ARTIFACTS, 'app-never-idle.json');
function firstIdleTimeout(): number {
  return existsSync(STUCK_MARKER) ? 30_000 : IDLE_TIMEOUT_MS;
}

interface MapState {
  exists: boolean;
  idle: string | null;
  /** Since the last `settle` began: whether data-idle was seen "false". */
  sawBusy: boolean;
  /** Since the last `settle` began: whether the grace period has passed. */
  graceOver: boolean;
}

type IdleTrace = { values: string[]; t0: number; observer: MutationObserver | null };

async function readMapState(page: Page): Promise<MapState | null> {
  return page
    .evaluate(
      ({ sel, grace }) => {
        const el = document.querySelector(sel);
        const trace = (window as unknown as { __idleTrace?: IdleTrace }).__idleTrace;
        return {
          exists: el !== null,
          idle: el?.getAttribute('data-idle') ?? null,
          sawBusy: trace ? trace.values.includes('false') : false,
          graceOver: trace ? performance.now() - trace.t0 > grace : true,
        };
      },
      { sel: MAP, grace: BUSY_GRACE_MS },
    )
    .catch(() => null); // navigating: try again
}

/**
 * Polls the map's state until `accept` says yes. Fails early, with what the page shows,
 * when the map container never appears or when the page has reported errors (the test
 * would fail on them anyway): software WebGL needs long timeouts, a broken app should not.
 */
async function waitForMap(page: Page, what: string, accept: (s: MapState) => boolean, timeout: number): Promise<MapState> {
  const t0 = Date.now();
  let firstErrorAt: number | undefined;
  let last: MapState | null = null;
  for (;;) {
    const state = await readMapState(page);
    if (state) {
      last = state;
      if (accept(state)) return state;
    }
    const now = Date.now();
    const problems = problemsOf.get(page) ?? [];
    if (problems.length > 0 && firstErrorAt === undefined) firstErrorAt = now;
    let reason = '';
    if (now - t0 > timeout) reason = `not within ${timeout / 1000} s`;
    else if (firstErrorAt !== undefined && now - firstErrorAt > AFTER_ERROR_MS)
      reason = `gave up ${AFTER_ERROR_MS / 1000} s after the page reported errors`;
    else if (!last?.exists && now - t0 > MAP_MISSING_MS) reason = `no ${MAP} element after ${MAP_MISSING_MS / 1000} s`;
    if (reason) {
      if (now - t0 > timeout && what === 'first load') writeFileSync(STUCK_MARKER, JSON.stringify({ at: new Date().toISOString() }));
      const text = await page
        .locator('body')
        .innerText({ timeout: 5_000 })
        .catch(() => '(unreadable)');
      throw new Error(
        `${what}: the map did not report data-idle="true" — ${reason}. ` +
          `Map element: ${last?.exists ? `present, data-idle="${last.idle}"` : 'missing'}. ` +
          (problems.length ? `Page errors so far:\n${formatProblems(problems)}\n` : '') +
          `Visible text: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 400))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the map reports `data-idle="true"`, then lets two more frames pass. */
export async function waitIdle(page: Page, timeout = IDLE_TIMEOUT_MS): Promise<void> {
  await waitForMap(page, 'waiting for idle', (s) => s.idle === 'true', timeout);
  await nextFrames(page, 2);
}

export async function nextFrames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/**
 * Runs `action` and waits for the map to settle again without racing: we watch `data-idle`
 * with a MutationObserver installed before the action, and accept "true" only after having
 * seen "false", or after a grace period in which the map never reported being busy.
 * Returns whether the map was seen busy.
 */
export async function settle(page: Page, action: () => Promise<unknown>, timeout = IDLE_TIMEOUT_MS): Promise<boolean> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __idleTrace?: IdleTrace };
    w.__idleTrace?.observer?.disconnect();
    const el = document.querySelector(sel);
    const trace: IdleTrace = { values: [], t0: performance.now(), observer: null };
    if (el) {
      trace.observer = new MutationObserver(() => trace.values.push(String(el.getAttribute('data-idle'))));
      trace.observer.observe(el, { attributes: true, attributeFilter: ['data-idle'] });
    }
    w.__idleTrace = trace;
  }, MAP);
  await action();
  const state = await waitForMap(page, 'after the action', (s) => s.idle === 'true' && (s.sawBusy || s.graceOver), timeout);
  await page.evaluate(() => {
    const w = window as unknown as { __idleTrace?: IdleTrace };
    w.__idleTrace?.observer?.disconnect();
    delete w.__idleTrace;
  });
  await nextFrames(page, 2);
  return state.sawBusy;
}

export interface Shot {
  file: string;
  full: PNG;
  /** Only the map container's pixels. */
  map: PNG;
  mapBox: Box;
  stats: ImageStats;
  /**
   * The part of the map the dataset covers (its manifest bounds, projected, within the map), and
   * its stats — null when the data fills the map. A county fitted whole leaves empty land around
   * it; whether the map is blank is judged where the data is.
   */
  dataBox: Box | null;
  dataStats: ImageStats | null;
}

/** Screenshots the viewport to test-artifacts/<name>.png and crops out the map container. */
export async function snap(page: Page, name: string): Promise<Shot> {
  const file = join(ARTIFACTS, `${name}.png`);
  const buffer = await page.screenshot({ path: file, timeout: 120_000 });
  const box = await page.locator(MAP).boundingBox();
  if (!box) throw new Error(`${MAP} has no bounding box (not visible)`);
  const full = decodePng(buffer);
  const map = crop(full, box);
  const dataBox = await datasetBox(page, box);
  const dataStats = dataBox ? imageStats(crop(full, dataBox)) : null;
  return { file, full, map, mapBox: box, stats: imageStats(map), dataBox, dataStats };
}

/** The dataset's bounds on screen, clipped to the map; null when they cover (almost) all of it or cannot be read. */
async function datasetBox(page: Page, map: Box): Promise<Box | null> {
  const corners = await page.evaluate(() => {
    const hook = (window as unknown as { __oneMap?: { manifest?: { bounds?: number[] }; project(p: [number, number]): [number, number] } }).__oneMap;
    const b = hook?.manifest?.bounds;
    if (!hook || !Array.isArray(b) || b.length !== 4) return null;
    return [hook.project([b[0], b[1]]), hook.project([b[2], b[3]])];
  });
  if (!corners) return null;
  const x0 = Math.max(0, Math.min(corners[0][0], corners[1][0]));
  const x1 = Math.min(map.width, Math.max(corners[0][0], corners[1][0]));
  const y0 = Math.max(0, Math.min(corners[0][1], corners[1][1]));
  const y1 = Math.min(map.height, Math.max(corners[0][1], corners[1][1]));
  if (x1 - x0 < 50 || y1 - y0 < 50) return null;
  if ((x1 - x0) * (y1 - y0) > 0.9 * map.width * map.height) return null;
  return { x: Math.round(map.x + x0), y: Math.round(map.y + y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

export function describeStats(s: ImageStats): string {
  return `${s.distinctColours} colours, dominant ${(s.dominantShare * 100).toFixed(1)} %, luminance σ ${s.luminanceStdDev.toFixed(1)}`;
}

/** Throws when the map part of a shot — where the dataset lies, when it is smaller than the map — looks blank or near-uniform. */
export function assertNotBlank(shot: Shot): void {
  const problems = blanknessProblems(shot.dataStats ?? shot.stats);
  if (problems.length > 0) {
    const where = shot.dataStats ? `the dataset's part of the map (${shot.dataBox!.width}×${shot.dataBox!.height} px)` : 'the map';
    throw new Error(`${where} in ${shot.file} looks blank: ${problems.join('; ')}`);
  }
}

export function writeArtifact(name: string, data: Buffer | string): string {
  const file = join(ARTIFACTS, name);
  writeFileSync(file, data);
  return file;
}

// ---- the app's test hook (window.__oneMap) -------------------------------------------

export type LngLat = [number, number];
export interface Manifest {
  center: LngLat;
  bounds: unknown;
  [key: string]: unknown;
}

/** [west, south, east, north] of the demo county's outline (data/demo/admin.geojson). */
export function countyBounds(): [number, number, number, number] {
  const admin = JSON.parse(readFileSync(resolve(process.cwd(), 'data/demo/admin.geojson'), 'utf8')) as {
    features: Array<{ geometry: { coordinates: unknown }; properties: { level?: string } }>;
  };
  const county = admin.features.find((f) => f.properties.level === 'county');
  if (!county) throw new Error('the demo has no county');
  const flat = JSON.stringify(county.geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < flat.length; i += 2) {
    box[0] = Math.min(box[0], flat[i]);
    box[1] = Math.min(box[1], flat[i + 1]);
    box[2] = Math.max(box[2], flat[i]);
    box[3] = Math.max(box[3], flat[i + 1]);
  }
  return box;
}

export async function manifest(page: Page): Promise<Manifest> {
  const m = await page.evaluate(() => {
    const hook = (window as unknown as { __oneMap?: { manifest?: unknown } }).__oneMap;
    return hook ? JSON.parse(JSON.stringify(hook.manifest ?? null)) : undefined;
  });
  if (m === undefined) throw new Error('window.__oneMap (the test hook) is missing');
  if (!m || !Array.isArray(m.center) || m.center.length !== 2) {
    throw new Error(`window.__oneMap.manifest has no [lng, lat] center: ${JSON.stringify(m)?.slice(0, 300)}`);
  }
  return m as Manifest;
}

export async function jumpTo(page: Page, center: LngLat, zoom: number): Promise<void> {
  await settle(page, () =>
    page.evaluate(
      ({ c, z }) => {
        const hook = (window as unknown as { __oneMap?: { jumpTo(o: { center: [number, number]; zoom: number }): void } })
          .__oneMap;
        if (!hook) throw new Error('window.__oneMap is missing');
        hook.jumpTo({ center: c, zoom: z });
      },
      { c: center, z: zoom },
    ),
  );
}

/** Page coordinates (CSS pixels) of a [lng, lat], through __oneMap.project + the map's box. */
export async function pagePoint(page: Page, lngLat: LngLat): Promise<{ x: number; y: number }> {
  const [x, y] = await page.evaluate((p) => {
    const hook = (window as unknown as { __oneMap?: { project(p: [number, number]): [number, number] } }).__oneMap;
    if (!hook) throw new Error('window.__oneMap is missing');
    const r = hook.project(p);
    return [Number(r[0]), Number(r[1])];
  }, lngLat);
  const box = await page.locator(MAP).boundingBox();
  if (!box) throw new Error(`${MAP} is not visible`);
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`__oneMap.project(${lngLat}) gave ${x}, ${y}`);
  return { x: box.x + x, y: box.y + y };
}
