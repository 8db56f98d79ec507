// Benchmark: the real Chicago 2017 crimes (264,995 rows; the 12 monthly files of ../shared/data
// joined into one CSV, header once — the import dialog takes one file) dropped on the map in
// headless Chromium, until the map's data-idle="true" with the incident hexagons drawn
// (browser_import_265k_ms). Two stretches are timed in the page with performance.now() and
// added: the drop → the preview with its detected columns on screen, and the click on 导入 (after
// the time zone is set to America/Chicago, untimed) → data-idle="true" after the new hexagon
// counts reached the layer and stayed idle QUIET_MS. Before each drop the map is moved (untimed)
// to Chicago at a zoom drawn at H3 resolution 8, so the hexagons are on screen. Median of TRIALS,
// each on a freshly loaded page. Throws (no figure) when Chromium or the data is missing.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { zoomForResolution } from '../src/analysis/h3/zoom-resolution';
import { buildOnce, openBenchBrowser, ROOT } from './browser-kit';

const DIR = resolve(ROOT, '../shared/data/chicago/crimes-2017');
const CSV_PATH = '/bench-data/chicago-crimes-2017.csv';
const ROWS = 264_995;
const TRIALS = 3;
const QUIET_MS = 500;
/** The middle of the crimes' extent (lon −87.93 … −87.52, lat 41.64 … 42.02). */
const CHICAGO: [number, number] = [-87.725, 41.83];

/** The 12 monthly files as one CSV, the header once. */
export function chicagoCsv(): Buffer {
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort() : [];
  if (files.length !== 12) throw new Error(`the 12 Chicago 2017 crime files (chicago-crimes-2017-MM.csv) are not in ${DIR}: the shared data is missing`);
  return Buffer.concat(files.map((f, i) => {
    const text = readFileSync(join(DIR, f));
    return i === 0 ? text : text.subarray(text.indexOf(0x0a) + 1);
  }));
}

type Win = {
  __file: File;
  __idle: Array<{ idle: boolean; t: number }>;
  __oneMap: { jumpTo(t: { center: [number, number]; zoom: number }): void; layerCounts(): Record<string, number>; manifest: { center: [number, number]; counts: { incidents: number } } };
};

async function trial(page: Page, origin: string): Promise<{ ms: number; previewMs: number; importMs: number; hexagons: number }> {
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 300_000 });
  const lat = await page.evaluate(() => (window as unknown as Win).__oneMap.manifest.center[1]);
  const zoom = zoomForResolution(8, { latitude: lat });
  await page.evaluate(({ center, zoom }) => (window as unknown as Win).__oneMap.jumpTo({ center, zoom }), { center: CHICAGO, zoom });
  await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 300_000 });
  // Untimed: the file in the page, as a File the drop carries; every data-idle change logged.
  await page.evaluate(async (url) => {
    const w = window as unknown as Win;
    w.__file = new File([await (await fetch(url)).blob()], 'chicago-crimes-2017.csv', { type: 'text/csv' });
    w.__idle = [];
    new MutationObserver((records) => {
      for (const r of records) if ((r.target as Element).matches('[data-testid="map"]')) w.__idle.push({ idle: (r.target as Element).getAttribute('data-idle') === 'true', t: performance.now() });
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-idle'] });
  }, CSV_PATH);

  const dropAt = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add((window as unknown as Win).__file);
    const map = document.querySelector('[data-testid="map"]')!;
    const t = performance.now();
    map.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return t;
  });
  const previewAt = (await (await page.waitForFunction(() => (document.querySelector('[data-testid="import-preview"]') ? performance.now() : null), undefined, { polling: 'raf', timeout: 300_000 })).jsonValue()) as number;
  for (const f of ['lat', 'lon', 'time', 'category']) {
    if ((await page.getByTestId(`import-map-${f}`).inputValue()) === '') throw new Error(`the import did not detect the ${f} column`);
  }
  await page.getByTestId('import-tz').fill('America/Chicago');
  const startAt = await page.evaluate(() => {
    const t = performance.now();
    (document.querySelector('[data-testid="import-start"]') as HTMLButtonElement).click();
    return t;
  });
  await page.getByTestId('import-report').waitFor({ state: 'visible', timeout: 600_000 });
  const accepted = Number(await page.getByTestId('import-accepted').getAttribute('data-value'));
  if (accepted !== ROWS) throw new Error(`the import accepted ${accepted} of ${ROWS} rows`);
  // Idle after the last new hexagon counts reached the layer, and still idle a moment later.
  let doneAt = NaN;
  while (Number.isNaN(doneAt)) {
    await page.waitForFunction(
      ({ since, rows }) => {
        const w = window as unknown as Win;
        const marks = performance.getEntriesByName('one-map:hex-data').filter((m) => m.startTime >= since);
        const hex = marks.length ? marks[marks.length - 1].startTime : Infinity;
        return w.__oneMap?.manifest.counts.incidents === rows && document.querySelector('[data-testid="map"]')?.getAttribute('data-idle') === 'true' && w.__idle.some((c) => c.idle && c.t > hex);
      },
      { since: startAt, rows: ROWS },
      { timeout: 600_000 },
    );
    const seen = await page.evaluate(() => (window as unknown as Win).__idle.length);
    await page.waitForTimeout(QUIET_MS);
    if ((await page.evaluate(() => (window as unknown as Win).__idle.length)) === seen) {
      doneAt = await page.evaluate(() => (window as unknown as Win).__idle.filter((c) => c.idle).pop()!.t);
    }
  }
  const hexagons = await page.evaluate(() => (window as unknown as Win).__oneMap.layerCounts()['incidents-hex'] ?? 0);
  if (hexagons === 0) throw new Error('no incident hexagons drawn after the import');
  const previewMs = previewAt - dropAt;
  const importMs = doneAt - startAt;
  return { ms: previewMs + importMs, previewMs, importMs, hexagons };
}

export async function importBrowserBench(): Promise<{ browser_import_265k_ms: number }> {
  const csv = chicagoCsv();
  buildOnce();
  const browser = await openBenchBrowser();
  const { page, origin } = browser;
  try {
    await page.route(`${origin}${CSV_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: csv }));
    const times: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const r = await trial(page, origin);
      console.log(`import 265k ${i + 1}/${TRIALS}: ${r.ms.toFixed(0)} ms (drop → preview ${r.previewMs.toFixed(0)} + 导入 → data-idle ${r.importMs.toFixed(0)}); ${r.hexagons} hexagons at res 8`);
      times.push(r.ms);
    }
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'bench/out/import-265k.png') });
    const median = [...times].sort((a, b) => a - b)[TRIALS >> 1];
    console.log(`browser_import_265k_ms ${median.toFixed(0)} (median of ${TRIALS}; software WebGL; screenshot bench/out/import-265k.png)`);
    return { browser_import_265k_ms: Math.round(median) };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await importBrowserBench());
