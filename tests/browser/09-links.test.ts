// 9. Views are links: after a grid is selected, a layer turned off, a town chosen and the map
//    moved, the page's URL (what "copy link" copies) opened in a new page — with other choices
//    saved in its storage — shows the same picture, zoom, toggles, chips and details; a reload
//    keeps the view; an unknown parameter shows the url-notice and the map still loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { assertNotBlank, baseUrl, describeStats, jumpTo, manifest, settle, snap, useSession, waitIdle, writeArtifact } from './harness';

const session = useSession('links');
type Hooked = { __oneMap: { getZoom(): number; project(p: [number, number]): [number, number] } };
type Feature = { properties: Record<string, string> };
const admin: { features: Feature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/admin.geojson'), 'utf8'));
const grids: { features: Feature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/grids.geojson'), 'utf8'));
const OVERLAYS = ['grids', 'cameras', 'incidents', 'hotspots', 'gistar'];
/** Share of the map's pixels that may differ between the two pages (anti-aliasing, label placement). */
const MAX_DIFFERING = 0.02;

interface ViewState {
  zoom: number;
  /** Where a fixed point lies on the map, CSS px: the same centre puts it in the same place. */
  point: [number, number];
  toggles: boolean[];
  chips: string;
  details: string | null;
  lang: string | null;
}

async function viewState(page: Page, point: [number, number]): Promise<ViewState> {
  const [zoom, p] = await page.evaluate((pt) => {
    const hook = (window as unknown as Hooked).__oneMap;
    return [hook.getZoom(), hook.project(pt)] as const;
  }, point);
  const toggles = await Promise.all(OVERLAYS.map((id) => page.getByTestId(`layer-toggle-${id}`).isChecked()));
  const chips = (await page.getByTestId('filter-chips').count()) ? (await page.getByTestId('filter-chips').innerText()).replace(/\s+/g, ' ') : '';
  const details = (await page.getByTestId('detail-panel').count()) ? await page.getByTestId('detail-panel').locator('h3').innerText() : null;
  const lang = await page.evaluate(() => document.documentElement.lang);
  return { zoom, point: [p[0], p[1]], toggles, chips, details, lang };
}

function expectSameView(a: ViewState, b: ViewState): void {
  expect(Math.abs(a.zoom - b.zoom)).toBeLessThan(0.01);
  expect(Math.abs(a.point[0] - b.point[0])).toBeLessThan(1.5);
  expect(Math.abs(a.point[1] - b.point[1])).toBeLessThan(1.5);
  expect(b.toggles).toEqual(a.toggles);
  expect(b.chips).toBe(a.chips);
  expect(b.details).toBe(a.details);
  expect(b.lang).toBe(a.lang);
}

/** Waits until the debounced URL has caught up with the map (its zoom written with 2 decimals). */
async function urlWithZoom(page: Page, zoom: number): Promise<string> {
  await expect.poll(() => new URL(page.url()).searchParams.get('z'), { timeout: 10_000 }).toBe(String(Number(zoom.toFixed(2))));
  return page.url();
}

describe('views are links', () => {
  const grid = grids.features[grids.features.length - 5].properties;
  const town = admin.features.filter((f) => f.properties.level === 'town')[1].properties;
  let link = '';
  let before: ViewState;
  let point: [number, number];
  const zoom = 12.3;

  test('a link copied after changing the selection, layers, filter and view reopens the same picture in a new page', async () => {
    const { page, context, origin } = session();
    const m = await manifest(page);
    point = m.center;
    expect(new URL(page.url()).searchParams.get('z')).not.toBeNull(); // the URL follows the map from the start
    // Selection: a grid found by name; layer: cameras off; filter: a town and a period preset.
    await page.locator('body').press('/');
    await page.keyboard.type(grid.name, { delay: 20 });
    await page.getByTestId('search-results').waitFor({ state: 'visible', timeout: 10_000 });
    await settle(page, () => page.keyboard.press('Enter'));
    await page.getByTestId('detail-panel').waitFor({ state: 'visible', timeout: 30_000 });
    await settle(page, () => page.getByTestId('layer-toggle-cameras').click());
    await settle(page, () => page.getByTestId('filter-town').selectOption(town.id));
    await settle(page, () => page.getByTestId('filter-period').selectOption('last90'));
    const c: [number, number] = [m.center[0] + 0.02, m.center[1] - 0.01];
    await jumpTo(page, c, zoom);
    link = await urlWithZoom(page, zoom);
    console.log(`link: ${link.slice(origin.length)} (${link.length} characters)`);
    const q = new URL(link).searchParams;
    expect(q.get('town')).toBe(town.id);
    expect(q.get('t')).toBe('last90');
    expect(q.get('sel')).toBe(`grid:${grid.id}`);
    expect(q.get('l')).toBe('grids,incidents,hotspots');
    expect(page.url().length).toBeLessThan(300);

    // The button copies exactly this URL (the clipboard when allowed, else a selected field).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByTestId('copy-link').click();
    const field = page.getByTestId('copy-link-field');
    await expect.poll(async () => (await field.count()) > 0 || (await page.getByTestId('copy-link').innerText()) === '已复制').toBe(true);
    const copied = (await field.count()) ? await field.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
    console.log(`copy link: ${(await field.count()) ? 'a selected field' : 'the clipboard, "已复制" shown'}`);
    expect(copied).toBe(link);

    before = await viewState(page, point);
    const shotA = await snap(page, 'links-sender');
    assertNotBlank(shotA);

    // The new page has other choices saved (every layer on, English, no filter): the link wins.
    const other = await context.newPage();
    try {
      await other.addInitScript(() => {
        localStorage.clear();
        localStorage.setItem('one-map.lang', JSON.stringify('en'));
        localStorage.setItem('one-map.layers', JSON.stringify({ visible: { grids: true, cameras: true, incidents: true, hotspots: true, gistar: true } }));
      });
      await other.goto(copied, { waitUntil: 'load', timeout: 60_000 });
      await waitIdle(other);
      const after = await viewState(other, point);
      console.log(`sender: ${JSON.stringify(before)}\nopener: ${JSON.stringify(after)}`);
      expectSameView(before, after);
      await expect(other.getByTestId('url-notice').count()).resolves.toBe(0);
      const shotB = await snap(other, 'links-opener');
      assertNotBlank(shotB);
      const { width, height } = shotA.map;
      expect([shotB.map.width, shotB.map.height]).toEqual([width, height]);
      const diff = new PNG({ width, height });
      const differing = pixelmatch(shotA.map.data, shotB.map.data, diff.data, width, height, { threshold: 0.1 });
      const share = differing / (width * height);
      writeArtifact('links-diff.png', PNG.sync.write(diff));
      console.log(`map pictures: ${differing} of ${width * height} pixels differ (${(share * 100).toFixed(2)} %); ${describeStats(shotB.stats)}`);
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    } finally {
      await other.close();
    }
  });

  test('a reload keeps the view', async () => {
    const { page } = session();
    await page.reload({ waitUntil: 'load', timeout: 60_000 });
    await waitIdle(page);
    const after = await viewState(page, point);
    expectSameView(before, after);
    expect(page.url()).toBe(link);
    await snap(page, 'links-reloaded');
  });

  test('an unknown parameter and a town not in the dataset show the url-notice; the map still loads', async () => {
    const { context } = session();
    const page = await context.newPage();
    try {
      await page.addInitScript(() => localStorage.clear()); // no saved filter: the stale town must filter nothing
      await page.goto(`${baseUrl()}?foo=1&town=no-such-town`, { waitUntil: 'load', timeout: 60_000 });
      await waitIdle(page);
      const notice = page.getByTestId('url-notice');
      await notice.waitFor({ state: 'visible', timeout: 10_000 });
      const text = (await notice.innerText()).replace(/\s+/g, ' ');
      console.log(`url-notice: ${JSON.stringify(text)}`);
      expect(text).toContain('foo=1');
      expect(text).toContain('town=no-such-town');
      const shot = await snap(page, 'links-unknown-parameter');
      assertNotBlank(shot);
      await expect(page.getByTestId('filter-chips').count()).resolves.toBe(0); // the stale town filters nothing
      await page.getByTestId('url-notice-close').click();
      await notice.waitFor({ state: 'detached', timeout: 5_000 });
      // The ignored parameters leave the URL once the app rewrites it.
      await expect.poll(() => new URL(page.url()).searchParams.has('foo'), { timeout: 10_000 }).toBe(false);
    } finally {
      await page.close();
    }
  });
});
