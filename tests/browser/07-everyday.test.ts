// 7. Everyday use: a grid found by typing its name in the search box (Enter flies there and
//    opens its details), Esc closing the details, a chip for the town filter whose × clears it,
//    and the home button fitting the whole county into the map at 1366×768.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assertNotBlank, describeStats, settle, snap, useSession, waitIdle, countyBounds } from './harness';
import { blanknessProblems, crop, imageStats } from './pixels';

const session = useSession('everyday');
/** The app's test hook (src/ui/MapView.tsx). */
type Hooked = { __oneMap: { getZoom(): number; project(p: [number, number]): [number, number] } };

type Feature = { geometry: { type: string; coordinates: unknown }; properties: Record<string, string> };
const admin: { features: Feature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/admin.geojson'), 'utf8'));
const grids: { features: Feature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/grids.geojson'), 'utf8'));

describe('everyday use: search, chips, Esc, home', () => {
  // A grid away from the county seat, so that finding it means the map really moved.
  const grid = grids.features[grids.features.length - 5].properties;

  test('typing a grid name in the search box and pressing Enter flies there and opens its details', async () => {
    const { page } = session();
    await page.locator('body').press('/'); // the shortcut focuses the box
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await page.keyboard.type(grid.name, { delay: 20 });
    const results = page.getByTestId('search-results');
    await results.waitFor({ state: 'visible', timeout: 10_000 });
    const first = (await results.locator('li').first().innerText()).replace(/\s+/g, ' ');
    console.log(`search "${grid.name}": first result ${JSON.stringify(first)}, ${await results.locator('li').count()} results`);
    expect(first).toContain(grid.name);
    await snap(page, 'everyday-search-results');
    const zoomBefore = await page.evaluate(() => (window as unknown as Hooked).__oneMap.getZoom());
    await settle(page, () => page.keyboard.press('Enter'));
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.locator('h3').innerText()).toBe(grid.name);
    const zoomAfter = await page.evaluate(() => (window as unknown as Hooked).__oneMap.getZoom());
    console.log(`zoom ${zoomBefore.toFixed(2)} → ${zoomAfter.toFixed(2)} after flying to the grid`);
    expect(zoomAfter).toBeGreaterThan(zoomBefore + 2);
    const shot = await snap(page, 'everyday-search-grid');
    console.log(`grid found: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
  });

  test('Esc closes the details', async () => {
    const { page } = session();
    await expect(page.getByTestId('detail-panel').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('detail-panel').waitFor({ state: 'detached', timeout: 5_000 });
  });

  test('choosing a town shows its chip and "of N" in the header; the chip\'s × clears the filter', async () => {
    const { page } = session();
    const town = admin.features.find((f) => f.properties.level === 'town')!.properties;
    await expect(page.getByTestId('filter-chips').count()).resolves.toBe(0);
    await settle(page, () => page.getByTestId('filter-town').selectOption(town.id));
    const chips = page.getByTestId('filter-chips');
    await chips.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await chips.innerText();
    console.log(`chips: ${JSON.stringify(text.replace(/\s+/g, ' '))}; header: ${JSON.stringify(await page.getByTestId('figure-incidents-of').innerText())}`);
    expect(text).toContain(town.name);
    await expect(page.getByTestId('filter-chip-town').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('filter-chips-clear').isVisible()).resolves.toBe(true);
    await snap(page, 'everyday-town-chip');
    await settle(page, () => page.getByTestId('filter-chip-town').click());
    await expect(page.getByTestId('filter-town').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('filter-chips').count()).resolves.toBe(0);
    await expect(page.getByTestId('figure-incidents-of').count()).resolves.toBe(0);
  });

  test('the keyboard reaches the trend brush (arrows move, shift-arrows resize) and the matrix', async () => {
    const { page } = session();
    await page.getByTestId('trend-chart').focus();
    await settle(page, () => page.keyboard.press('ArrowLeft'));
    const chip = page.getByTestId('filter-chip-period');
    await chip.waitFor({ state: 'visible', timeout: 10_000 });
    const read = () => Promise.all([page.getByTestId('period-from').inputValue(), page.getByTestId('period-to').inputValue()]);
    const [from1, to1] = await read();
    await settle(page, () => page.keyboard.press('ArrowLeft'));
    const [from2, to2] = await read();
    await settle(page, () => page.keyboard.press('Shift+ArrowRight'));
    const [from3, to3] = await read();
    console.log(`brush by keyboard: ${from1}…${to1} → ← ${from2}…${to2} → shift+→ ${from3}…${to3}`);
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(from2, from1)).toBe(1);
    expect(days(to2, to1)).toBe(1);
    expect(from3).toBe(from2);
    expect(days(to2, to3)).toBe(1);
    await page.getByTestId('hour-week-matrix').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('matrix-focus').waitFor({ state: 'visible', timeout: 5_000 });
    await settle(page, () => page.keyboard.press('Enter'));
    await page.getByTestId('clear-hours').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('filter-chip-hours').isVisible()).resolves.toBe(true);
    await settle(page, () => page.getByTestId('filter-chips-clear').click());
    await expect(page.getByTestId('filter-chips').count()).resolves.toBe(0);
  });

  test('at 1366×768 the home button fits the whole county into the map', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitIdle(page);
    await settle(page, () => page.getByTestId('map-home').click());
    const [w, s, e, n] = countyBounds();
    const corners: Array<[number, number]> = [[w, s], [e, s], [e, n], [w, n]];
    const size = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="map"]') as HTMLElement;
      return [el.clientWidth, el.clientHeight];
    });
    const projected = await page.evaluate((cs) => cs.map((c) => (window as unknown as Hooked).__oneMap.project(c)), corners);
    console.log(`map ${size[0]}×${size[1]}; county corners at ${projected.map(([x, y]) => `${x.toFixed(0)},${y.toFixed(0)}`).join(' ')}`);
    for (const [x, y] of projected) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(size[0]);
      expect(y).toBeLessThanOrEqual(size[1]);
    }
    // Not a tiny county in a big map either: it fills most of one dimension.
    const spanX = Math.abs(projected[1][0] - projected[0][0]) / size[0];
    const spanY = Math.abs(projected[0][1] - projected[3][1]) / size[1];
    expect(Math.max(spanX, spanY)).toBeGreaterThan(0.6);
    const shot = await snap(page, 'everyday-home-1366x768');
    // Around a long, narrow county the map is mostly empty background: judge the county's own box.
    const xs = projected.map((p) => p[0]);
    const ys = projected.map((p) => p[1]);
    const x0 = Math.min(...xs), y0 = Math.min(...ys);
    const county = crop(shot.full, { x: shot.mapBox.x + x0, y: shot.mapBox.y + y0, width: Math.max(...xs) - x0, height: Math.max(...ys) - y0 });
    const stats = imageStats(county);
    console.log(`the county's box: ${describeStats(stats)}; whole map: ${describeStats(shot.stats)}`);
    expect(blanknessProblems(stats)).toEqual([]);
  });
});
