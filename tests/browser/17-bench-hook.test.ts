// 17. The `?bench` hook (window.__bench, README "Benchmark hook") driven as the side-by-side
//     driver drives it, over the real Chicago 2017 crimes (264,995 rows, ../shared/data, not
//     committed) served from the page's own origin as one CSV: load through the app's import →
//     the map's hexagons are exactly the distinct H3 res-8 cells of the rows; the whole-range time
//     filter keeps them all; a month's filter leaves exactly the cells of that month's rows.
//     Expected values are computed here with a plain split and h3-js, independently of the app.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latLngToCell } from 'h3-js';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, describeStats, snap, useSession, type Shot } from './harness';

const DIR = resolve(process.cwd(), '../shared/data/chicago/crimes-2017');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort().map((f) => resolve(DIR, f)) : [];
const absent = FILES.length !== 12;
if (absent) console.warn(`17-bench-hook: SKIPPED — the 12 Chicago 2017 files (chicago-crimes-2017-MM.csv) are not in ${DIR}`);
const CSV_PATH = '/bench-data/chicago-crimes-2017.csv';

type Times = { parseMs: number; addToFrameMs: number; totalMs: number };
type Hooked = {
  __bench: {
    name: string;
    versions: Record<string, string>;
    ready: boolean;
    lastLoad: { total: number; accepted: number; rejected: number } | null;
    fetchData(o: { url: string }): Promise<void>;
    load(o: { layer: string }): Promise<Times>;
    addTimeFilter(): Promise<{ ms: number }>;
    setTimeFilter(o: { from: number; to: number }): Promise<{ ms: number }>;
    settle(): Promise<void>;
  };
  __oneMap: { layerCounts(): Record<string, number>; manifest: { counts: { incidents: number } } };
};

/** The 12 files as one CSV (the header once), and each row's local time text and res-8 cell. */
function chicago(): { csv: Buffer; times: string[]; cells: string[] } {
  const parts: string[] = [];
  const times: string[] = [];
  const cells: string[] = [];
  FILES.forEach((f, i) => {
    const text = readFileSync(f, 'utf8');
    const lines = text.split('\n');
    parts.push(i === 0 ? text : lines.slice(1).join('\n'));
    for (let k = 1; k < lines.length; k++) {
      if (!lines[k]) continue;
      const p = lines[k].split(',');
      times.push(p[2]);
      cells.push(latLngToCell(Number(p[p.length - 2]), Number(p[p.length - 1]), 8));
    }
  });
  return { csv: Buffer.from(parts.join('')), times, cells };
}

/** Distinct cells of the rows whose local time text t has from ≤ t < to. */
function cellsBetween(d: { times: string[]; cells: string[] }, from: string, to: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < d.times.length; i++) if (d.times[i] >= from && d.times[i] < to) out.add(d.cells[i]);
  return out;
}

/**
 * The demo's basemap has nothing in Chicago: the map is its plain background plus the hexagons,
 * so the usual blankness check does not apply. The hexagons must cover a fair share of the map,
 * in more than one colour class.
 */
function assertHexagonsDrawn(shot: Shot, minShare: number): void {
  console.log(`${shot.file}: ${describeStats(shot.stats)}`);
  expect(1 - shot.stats.dominantShare).toBeGreaterThan(minShare);
  expect(shot.stats.distinctColours).toBeGreaterThan(4);
}

const hexagons = (page: Page) => page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts()['incidents-hex'] ?? 0);
const shownIncidents = async (page: Page) => Number((await page.getByTestId('figure-incidents').innerText()).replace(/\D/g, ''));

describe.skipIf(absent)('the ?bench hook on Chicago 2017', () => {
  const session = useSession('bench-hook');
  const data = absent ? { csv: Buffer.alloc(0), times: [], cells: [] } : chicago();

  test('fetchData and load (hexbin) through the app’s import: every row, the exact res-8 cells on the map', async () => {
    const { page, origin } = session();
    await page.route(`${origin}${CSV_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: data.csv }));
    const url = new URL(baseUrl());
    url.searchParams.set('bench', '');
    await page.goto(url.href, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as Partial<Hooked>).__bench?.ready === true, undefined, { timeout: 180_000 });
    const about = await page.evaluate(() => ({ name: (window as unknown as Hooked).__bench.name, versions: (window as unknown as Hooked).__bench.versions }));
    console.log(`bench hook: ${JSON.stringify(about)}`);
    expect(about.name).toBe('Safety One-Map');
    expect(Object.keys(about.versions)).toEqual(expect.arrayContaining(['app', 'maplibre-gl', 'deck.gl', 'h3-js']));

    await page.evaluate((u) => (window as unknown as Hooked).__bench.fetchData({ url: u }), CSV_PATH);
    const times = await page.evaluate(() => (window as unknown as Hooked).__bench.load({ layer: 'hexbin' }), undefined);
    console.log(`load hexbin: ${JSON.stringify(times)}`);
    for (const v of [times.parseMs, times.addToFrameMs, times.totalMs]) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(times.totalMs).toBeCloseTo(times.parseMs + times.addToFrameMs, 6);

    const rows = data.times.length;
    expect(rows).toBe(264_995);
    expect(await page.evaluate(() => (window as unknown as Hooked).__bench.lastLoad)).toEqual({ total: rows, accepted: rows, rejected: 0 });
    expect(await page.evaluate(() => (window as unknown as Hooked).__oneMap.manifest.counts.incidents)).toBe(rows);
    const all = new Set(data.cells);
    console.log(`${rows} rows in ${all.size} distinct res-8 cells`);
    // The call resolved on the frame that shows the result: no further waiting before reading it.
    expect(await hexagons(page)).toBe(all.size);
    await expect.poll(() => shownIncidents(page), { timeout: 30_000 }).toBe(rows);
    assertHexagonsDrawn(await snap(page, 'bench-hook-chicago'), 0.3);
  });

  test('addTimeFilter keeps every cell; setTimeFilter shows exactly the cells of the rows in [from, to)', async () => {
    const { page } = session();
    const whole = await page.evaluate(() => (window as unknown as Hooked).__bench.addTimeFilter());
    console.log(`addTimeFilter: ${JSON.stringify(whole)}`);
    expect(Number.isFinite(whole.ms) && whole.ms > 0).toBe(true);
    expect(await hexagons(page)).toBe(new Set(data.cells).size);

    // Chicago's local midnights as epoch ms: CST is UTC−6, CDT (from 12 March 2017) UTC−5.
    const ranges: Array<[string, string, number, number]> = [
      ['2017-07-01T00:00:00', '2017-08-01T00:00:00', Date.UTC(2017, 6, 1, 5), Date.UTC(2017, 7, 1, 5)],
      ['2017-03-01T00:00:00', '2017-04-01T00:00:00', Date.UTC(2017, 2, 1, 6), Date.UTC(2017, 3, 1, 5)],
      ['2017-12-24T00:00:00', '2017-12-25T00:00:00', Date.UTC(2017, 11, 24, 6), Date.UTC(2017, 11, 25, 6)],
    ];
    for (const [fromText, toText, from, to] of ranges) {
      const r = await page.evaluate((o) => (window as unknown as Hooked).__bench.setTimeFilter(o), { from, to });
      const want = cellsBetween(data, fromText, toText);
      const inRange = data.times.filter((t) => t >= fromText && t < toText).length;
      console.log(`setTimeFilter ${fromText} … ${toText}: ${JSON.stringify(r)}; ${inRange} rows in ${want.size} cells`);
      expect(Number.isFinite(r.ms) && r.ms > 0).toBe(true);
      expect(want.size).toBeGreaterThan(100);
      expect(await hexagons(page)).toBe(want.size);
      await expect.poll(() => shownIncidents(page), { timeout: 30_000 }).toBe(inRange);
    }
    await page.evaluate(() => (window as unknown as Hooked).__bench.settle());
    assertHexagonsDrawn(await snap(page, 'bench-hook-christmas-eve'), 0.1);
  });

  test('load (h3) again replaces the data and shows every cell', async () => {
    const { page } = session();
    const times = await page.evaluate(() => (window as unknown as Hooked).__bench.load({ layer: 'h3' }));
    console.log(`load h3: ${JSON.stringify(times)}`);
    expect(Number.isFinite(times.totalMs) && times.totalMs > 0).toBe(true);
    expect(await hexagons(page)).toBe(new Set(data.cells).size);
    await expect(page.evaluate(() => (window as unknown as Hooked).__bench.load({ layer: 'grid' }))).rejects.toThrow(/layer must be one of hexbin, h3/);
  });
});
