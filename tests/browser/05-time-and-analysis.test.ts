// 5. The incident engine seen by a user: the time brush, the weekday × hour matrix, the town
//    filter, offence kinds, a drawn area, period comparison (环比/同比) and Gi* hot spots each
//    change the figures and the map.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { diffImages } from './pixels';
import { assertNotBlank, manifest, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('analysis');

async function incidentTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('figure-incidents').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

describe('time views and analysis', () => {
  let allIncidents = 0;

  test('the trend and the weekday × hour matrix are drawn', async () => {
    const { page } = session();
    await page.getByTestId('trend-chart').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('hour-week-matrix').waitFor({ state: 'visible', timeout: 60_000 });
    allIncidents = await incidentTotal(page);
    expect(allIncidents).toBeGreaterThan(100_000);
    const bars = await page.locator('[data-testid="trend-chart"] path.trend-bars').getAttribute('d');
    expect(bars?.length ?? 0, 'trend bars path').toBeGreaterThan(1000);
  });

  test('the trend switches between days and weeks, with the same total', async () => {
    const { page } = session();
    const path = () => page.locator('[data-testid="trend-chart"] path.trend-bars').getAttribute('d');
    const steps = (d: string | null) => (d?.match(/L/g) ?? []).length;
    const daily = await path();
    await settle(page, () => page.getByTestId('trend-bucket-week').click());
    await expect.poll(path, { timeout: 30_000 }).not.toBe(daily);
    const weekly = await path();
    console.log(`trend steps: daily ${steps(daily)}, weekly ${steps(weekly)}`);
    expect(steps(weekly)).toBeLessThan(steps(daily) / 4);
    expect(steps(weekly)).toBeGreaterThan(104); // two years of weeks, each up and across
    expect(await incidentTotal(page)).toBe(allIncidents);
    await settle(page, () => page.getByTestId('trend-bucket-day').click());
    await expect.poll(path, { timeout: 30_000 }).toBe(daily);
  });

  test('brushing a period on the trend filters the map and the figures', async () => {
    const { page } = session();
    const before = await snap(page, 'analysis-1-before-brush');
    const box = (await page.getByTestId('trend-brush').boundingBox())!;
    const y = box.y + box.height / 2;
    await settle(page, async () => {
      await page.mouse.move(box.x + box.width * 0.6, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.68, y, { steps: 5 });
      await page.mouse.up();
    });
    const range = await page.getByTestId('time-range').innerText();
    expect(range, 'chosen period shown').toMatch(/\d{4}-\d{2}-\d{2} — \d{4}-\d{2}-\d{2}/);
    const total = await incidentTotal(page);
    console.log(`brushed ${range}: ${total} of ${allIncidents} incidents`);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(allIncidents * 0.2);
    const after = await snap(page, 'analysis-2-after-brush');
    assertNotBlank(after);
    expect(diffImages(before.map, after.map).changedShare, 'the hexagons follow the brush').toBeGreaterThan(0.01);
  });

  test('clicking a weekday in the matrix keeps only that weekday', async () => {
    const { page } = session();
    const before = await incidentTotal(page);
    await settle(page, () => page.locator('[data-testid="hour-week-matrix"] text.clickable', { hasText: /一|Mon/ }).first().click());
    const monday = await incidentTotal(page);
    console.log(`Mondays only: ${monday} of ${before}`);
    expect(monday).toBeGreaterThan(before * 0.05);
    expect(monday).toBeLessThan(before * 0.3);
    await settle(page, () => page.getByTestId('clear-hours').click());
    expect(await incidentTotal(page)).toBe(before);
  });

  test('comparing with the same period last year shows both totals and colours the change', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('incident-measure-vsLastYear').click());
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await summary.innerText();
    console.log(`comparison: ${JSON.stringify(text)}`);
    expect(text).toMatch(/%/);
    assertNotBlank(await snap(page, 'analysis-3-vs-last-year'));
    await settle(page, () => page.getByTestId('incident-measure-count').click());
  });

  test('presets follow the demo\'s date, typed dates set a period, and 环比 compares calendar periods with their dates shown', async () => {
    const { page } = session();
    // The demo is judged as of its asOf (2025-12-31), and the header says so.
    expect(await page.getByTestId('synthetic-badge').innerText()).toContain('2025-12-31');
    // The last day (its asOf is 23:59) and the last week (Mon 12-29 … Wed 12-31) are incomplete.
    expect(await page.getByTestId('trend-partial').count(), 'partial buckets marked').toBeGreaterThan(0);
    await settle(page, () => page.getByTestId('filter-period').selectOption('lastMonth'));
    expect(await page.getByTestId('period-from').inputValue()).toBe('2025-11-01');
    expect(await page.getByTestId('period-to').inputValue()).toBe('2025-11-30');
    await settle(page, () => page.getByTestId('incident-measure-vsPrevious').click());
    const previous = page.getByTestId('compare-previous-dates');
    await previous.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await previous.innerText()).toBe('2025-10-01 – 2025-10-31');
    await settle(page, () => page.getByTestId('period-from').fill('2025-06-01'));
    await settle(page, () => page.getByTestId('period-to').fill('2025-06-30'));
    expect(await page.getByTestId('time-range').innerText()).toMatch(/^2025-06-01 — 2025-06-30 \(30/);
    await expect.poll(() => previous.innerText(), { timeout: 30_000 }).toBe('2025-05-01 – 2025-05-31');
    console.log(`June vs May: ${JSON.stringify(await page.getByTestId('compare-summary').innerText())}`);
    await settle(page, () => page.getByTestId('incident-measure-count').click());
    await settle(page, () => page.getByTestId('filter-period').selectOption('all'));
    expect(await incidentTotal(page)).toBe(allIncidents);
  });

  test('a town filter keeps only that town', async () => {
    const { page } = session();
    const before = await incidentTotal(page);
    const select = page.getByTestId('filter-town');
    const town = await select.locator('option').nth(1).getAttribute('value');
    await settle(page, () => select.selectOption(town!));
    const inTown = await incidentTotal(page);
    console.log(`town ${town}: ${inTown} of ${before}`);
    expect(inTown).toBeGreaterThan(0);
    expect(inTown).toBeLessThan(before);
    await settle(page, () => select.selectOption(''));
    expect(await incidentTotal(page)).toBe(before);
  });

  test('Gi* hot spots: the layer draws and the ranked list names them', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('filter-period').selectOption('all'));
    const before = await snap(page, 'analysis-4-before-gistar');
    await settle(page, () => page.getByTestId('layer-toggle-gistar').check());
    const list = page.getByTestId('gistar-list');
    await list.waitFor({ state: 'visible', timeout: 60_000 });
    const items = await list.locator('li').count();
    console.log(`Gi* ranked list: ${items} entries; first: ${JSON.stringify(await list.locator('li').first().innerText())}`);
    expect(items).toBeGreaterThan(0);
    const after = await snap(page, 'analysis-5-gistar');
    expect(diffImages(before.map, after.map).changedShare, 'Gi* layer visible').toBeGreaterThan(0.005);
    // A wider neighbourhood (k = 2) smooths more: the classes change.
    const classes = () => page.getByTestId('legend-gistar').locator('ul.bins').first().innerText();
    const k1 = await classes();
    await settle(page, () => page.getByTestId('gistar-k-2').click());
    await expect.poll(classes, { timeout: 60_000 }).not.toBe(k1);
    console.log(`Gi* classes k=1 ${JSON.stringify(k1)}; k=2 ${JSON.stringify(await classes())}`);
    await settle(page, () => page.getByTestId('gistar-k-1').click());
    await expect.poll(classes, { timeout: 60_000 }).toBe(k1);
  });

  test('the hot-spot trend over 24 months puts cells in categories and draws them', async () => {
    const { page } = session();
    const before = await snap(page, 'analysis-5-gistar');
    await settle(page, () => page.getByTestId('gistar-view-emerging').click());
    await page.getByTestId('emerging-legend').waitFor({ state: 'visible', timeout: 60_000 });
    const periods = await page.getByTestId('emerging-periods').innerText();
    console.log(`emerging: ${periods}; legend ${JSON.stringify(await page.getByTestId('emerging-legend').innerText())}`);
    expect(periods).toMatch(/24/);
    const legend = await page.getByTestId('emerging-legend').locator('li .count').allInnerTexts();
    const categorised = legend.map((x) => Number(x.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0);
    expect(categorised, 'cells with a hot-spot trend').toBeGreaterThan(0);
    const after = await snap(page, 'analysis-5b-emerging');
    assertNotBlank(after);
    expect(diffImages(before.map, after.map).changedShare, 'the trend layer replaces the significance layer').toBeGreaterThan(0.002);
    await settle(page, () => page.getByTestId('gistar-view-significance').click());
    await settle(page, () => page.getByTestId('layer-toggle-gistar').uncheck());
  });

  test('hiding one offence kind removes only its incidents, and the class shows it is partial', async () => {
    const { page } = session();
    const before = await incidentTotal(page);
    const kinds = (await manifest(page)).offenceKinds as { id: string; caseClass: string }[];
    const kind = kinds[0];
    await page.locator('details.case-class', { has: page.getByTestId(`filter-class-${kind.caseClass}`) }).locator('summary').click();
    await settle(page, () => page.getByTestId(`filter-kind-${kind.id}`).uncheck());
    const without = await incidentTotal(page);
    console.log(`without ${kind.id}: ${without} of ${before}`);
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(before);
    const classBox = page.getByTestId(`filter-class-${kind.caseClass}`);
    expect(await classBox.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await settle(page, () => classBox.click()); // a partial class shows all its kinds again
    expect(await incidentTotal(page)).toBe(before);
  });

  test('an area drawn on the map keeps only the incidents inside it, and clearing it restores all', async () => {
    const { page } = session();
    const before = await incidentTotal(page);
    const [lng, lat] = (await manifest(page)).center;
    const d = 0.05;
    const corners: [number, number][] = [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
    ];
    await settle(page, () => page.getByTestId('draw-area').click());
    const drawingShot = await snap(page, 'analysis-6-drawing');
    assertNotBlank(drawingShot);
    const points: { x: number; y: number }[] = [];
    for (const c of corners) points.push(await pagePoint(page, c));
    await settle(page, async () => {
      for (const p of points) {
        await page.mouse.move(p.x, p.y, { steps: 3 });
        await page.mouse.click(p.x, p.y);
      }
      await page.mouse.move(points[0].x, points[0].y, { steps: 3 });
      await page.mouse.click(points[0].x, points[0].y); // on the first corner: closes the area
    });
    await page.getByTestId('filter-drawn').waitFor({ state: 'visible', timeout: 30_000 });
    const inside = await incidentTotal(page);
    console.log(`inside the drawn area: ${inside} of ${before}`);
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(before);
    const drawn = await snap(page, 'analysis-7-drawn-area');
    expect(diffImages(drawingShot.map, drawn.map).changedShare, 'the map shows the area').toBeGreaterThan(0.01);
    // The drawn area is the user's work: a reload (or a crash) keeps it, and the same count.
    await page.reload();
    await waitIdle(page);
    await page.getByTestId('filter-drawn').waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => incidentTotal(page), { timeout: 30_000 }).toBe(inside);
    await settle(page, () => page.getByTestId('filter-drawn').getByRole('button').click());
    expect(await incidentTotal(page)).toBe(before);
  });

  test('clicking a hexagon shows what it holds: count, main kinds, busiest time and its months', async () => {
    const { page } = session();
    const overlays = ['grids', 'cameras', 'hotspots'];
    for (const id of overlays) await settle(page, () => page.getByTestId(`layer-toggle-${id}`).uncheck());
    const centre = await pagePoint(page, (await manifest(page)).center); // the county seat: busy hexagons
    await settle(page, () => page.mouse.click(centre.x, centre.y));
    const profile = page.getByTestId('cell-profile');
    await profile.waitFor({ state: 'visible', timeout: 30_000 });
    const count = Number((await page.getByTestId('cell-count').innerText()).split(/\s/)[0].replace(/[^\d]/g, ''));
    const kinds = await page.getByTestId('cell-kinds').locator('li').allInnerTexts();
    const months = await page.getByTestId('cell-months').locator('rect').count();
    console.log(`hexagon: ${count} incidents; kinds ${JSON.stringify(kinds)}; ${await page.getByTestId('cell-peak').innerText()}; ${months} months`);
    expect(count).toBeGreaterThan(0);
    expect(kinds.length).toBeGreaterThan(0);
    const kindTotal = kinds.map((k) => Number(k.split(/\s/).pop()!.replace(/[^\d]/g, ''))).reduce((a, b) => a + b, 0);
    expect(kindTotal).toBeLessThanOrEqual(count);
    expect(months).toBe(24);
    await snap(page, 'analysis-8-cell-profile');
    await settle(page, () => page.getByTestId('detail-close').click());
    for (const id of overlays) await settle(page, () => page.getByTestId(`layer-toggle-${id}`).check());
  });
});
