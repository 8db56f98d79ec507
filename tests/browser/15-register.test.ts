// 15. The hotspot register through the UI: an acceptance below 90 % is refused delisting and the
//     deadline extended; listing a delisted area again within a year shows the one-vote-veto
//     warning; both changes survive a reload (saved through userStore, applied over the data);
//     the evidence block shows before/after in countChange's words and the WDQ; Gi* candidates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { assertNotBlank, baseUrl, describeStats, openApp, settle, snap, useSession } from './harness';

const session = useSession('register');

type Hotspot = { properties: { id: string; name: string; state: string; deadline: string | null; history: Array<{ date: string; state: string }> } };
const hotspots: { features: Hotspot[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/hotspots.geojson'), 'utf8'));
const grids: { features: Array<{ properties: { id: string } }> } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/grids.geojson'), 'utf8'));
/** A grid of the county town, where incidents are many. */
const gridId = grids.features[0].properties.id;
const manifest: { asOf: number } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/manifest.json'), 'utf8'));
/** The demo's "today" in its zone (Asia/Shanghai, UTC+8). */
const today = new Date(manifest.asOf + 8 * 3_600_000).toISOString().slice(0, 10);
const dayMs = 86_400_000;
// An area in acceptance, and one delisted less than a year before the demo's today.
const accepting = hotspots.features.find((h) => h.properties.state === 'accepting')!.properties;
const delisted = hotspots.features.find((h) => {
  const p = h.properties;
  return p.state === 'delisted' && Date.parse(today) - Date.parse(p.history.at(-1)!.date) < 300 * dayMs;
})!.properties;

async function openRegister(page: Page) {
  const panel = page.getByTestId('hotspot-register');
  if (!(await panel.isVisible())) await page.getByTestId('register-toggle').click();
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

async function openHotspot(page: Page, id: string) {
  const panel = await openRegister(page);
  await settle(page, () => panel.locator(`[data-testid="register-row"][data-id="${id}"]`).click());
  const details = page.getByTestId('detail-panel');
  await details.waitFor({ state: 'visible', timeout: 30_000 });
  return details;
}

describe('hotspot register', () => {
  test('fixtures: the demo has an area in acceptance and one delisted within the year', () => {
    expect(accepting, 'no hotspot in acceptance in data/demo/hotspots.geojson').toBeTruthy();
    expect(delisted, 'no hotspot delisted within 300 days of the demo date').toBeTruthy();
  });

  test('every hotspot is listed with its state, deadline and overdue flag', async () => {
    const { page } = session();
    const panel = await openRegister(page);
    await expect(panel.getByTestId('register-row').count()).resolves.toBe(hotspots.features.length);
    const row = panel.locator(`[data-testid="register-row"][data-id="${accepting.id}"]`);
    expect(await row.innerText()).toContain(accepting.name);
    console.log(`register: ${(await panel.locator('p').first().innerText()).replace(/\s+/g, ' ')}`);
  });

  test('an acceptance at 85 % is refused delisting and the deadline is extended', async () => {
    const { page } = session();
    const details = await openHotspot(page, accepting.id);
    await details.getByTestId('register-satisfaction').fill('85');
    await details.getByTestId('register-action-accept').click();
    const msg = details.getByTestId('register-message');
    await msg.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await msg.innerText();
    console.log(`refusal: ${text}`);
    expect(await msg.getAttribute('data-kind')).toBe('warn');
    expect(text).toContain('低于 90%');
    expect(text).toContain('不予摘牌');
    const base = accepting.deadline! > today ? accepting.deadline! : today;
    const extended = new Date(Date.parse(base) + 30 * dayMs).toISOString().slice(0, 10);
    expect(text).toContain(extended);
    await expect.poll(() => details.locator('.fields').innerText()).toContain(extended);
    await expect.poll(() => details.locator('ol.history li').last().innerText()).toContain('85%');
    const row = page.locator(`[data-testid="register-row"][data-id="${accepting.id}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('rectifying');
    const shot = await snap(page, 'register-refused-delisting');
    console.log(`refused: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
  });

  test('listing a delisted area again within a year shows the one-vote-veto warning', async () => {
    const { page } = session();
    const details = await openHotspot(page, delisted.id);
    await details.getByTestId('register-action-relist').click();
    const msg = details.getByTestId('register-message');
    await msg.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await msg.innerText();
    console.log(`veto: ${text}`);
    expect(text).toContain('一票否决');
    expect(text).toContain(delisted.history.at(-1)!.date);
    await expect.poll(() => details.locator('.warn').first().innerText()).toContain('一票否决');
    await snap(page, 'register-veto');
  });

  test('the evidence block words the change and gives the WDQ with its definition', async () => {
    const { page } = session();
    const details = page.getByTestId('detail-panel');
    const evidence = details.getByTestId('hotspot-evidence');
    await evidence.getByTestId('evidence-wdq').waitFor({ state: 'visible', timeout: 30_000 });
    const change = await evidence.getByTestId('evidence-change').innerText();
    console.log(`evidence: ${(await evidence.innerText()).replace(/\s+/g, ' ').slice(0, 400)}`);
    expect(change).toMatch(/显著上升|显著下降|无明显变化/);
    expect(change).not.toMatch(/%/);
    expect(await evidence.innerText()).toContain('Bowers & Johnson');
    // Both periods are named; listed again today, the comparison is one day against one day and
    // the block says in plain words that this is too short to judge.
    const periods = await evidence.getByTestId('evidence-periods').innerText();
    console.log(`evidence periods: ${periods}`);
    expect(periods).toMatch(/挂牌前 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}，挂牌后 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    const short = evidence.getByTestId('evidence-short');
    await short.waitFor({ state: 'visible', timeout: 5_000 });
    console.log(`evidence short: ${await short.innerText()}`);
    expect(await short.innerText()).toContain('看不出整治成效');
  });

  test('the changes survive a reload', async () => {
    const { page } = session();
    await page.reload({ waitUntil: 'load', timeout: 60_000 });
    await openApp(page).catch(() => undefined); // waits for the map to be idle again
    const panel = await openRegister(page);
    await expect.poll(() => panel.locator(`[data-testid="register-row"][data-id="${accepting.id}"]`).getAttribute('data-status'), { timeout: 15_000 }).toBe('rectifying');
    await expect.poll(() => panel.locator(`[data-testid="register-row"][data-id="${delisted.id}"]`).getAttribute('data-status')).toBe('listed');
    const details = await openHotspot(page, delisted.id);
    expect(await details.innerText()).toContain('一票否决');
    const shot = await snap(page, 'register-after-reload');
    assertNotBlank(shot);
  });

  test('suggest candidates outlines Gi* hot areas on the map', async () => {
    const { page } = session();
    await page.getByTestId('detail-close').click();
    const panel = await openRegister(page);
    await settle(page, () => panel.getByTestId('register-suggest').click());
    const list = panel.getByTestId('register-candidates');
    await list.waitFor({ state: 'visible', timeout: 60_000 });
    const n = await list.locator('li').count();
    console.log(`candidates: ${n}; first: ${await list.locator('li').first().innerText()}`);
    expect(n).toBeGreaterThan(0);
    const counts = await page.evaluate(() => (window as unknown as { __oneMap: { layerCounts(): Record<string, number> } }).__oneMap.layerCounts());
    expect(counts['register-candidates']).toBe(n);
    const shot = await snap(page, 'register-candidates');
    assertNotBlank(shot);
  });

  test('a candidate registered as a station keeps that kind, and its incidents are counted with the others', async () => {
    const { page } = session();
    const panel = await openRegister(page);
    const rowsBefore = await panel.getByTestId('register-row').count();
    await panel.getByTestId('register-kind').selectOption('station');
    const first = panel.getByTestId('register-candidates').locator('li').first();
    const candidate = await first.innerText();
    await settle(page, () => first.getByTestId('register-candidate-add').click());
    await expect.poll(() => panel.getByTestId('register-row').count(), { timeout: 15_000 }).toBe(rowsBefore + 1);
    const details = page.getByTestId('detail-panel');
    await details.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await details.innerText()).toContain('车站');
    // The worker's 'hotspots' set now holds the new area too: it gets its own count.
    const inside = details.getByTestId('hotspot-incidents');
    await expect.poll(() => inside.innerText(), { timeout: 60_000 }).toMatch(/^[\d,]+$/);
    const n = Number((await inside.innerText()).replace(/,/g, ''));
    console.log(`registered ${candidate.replace(/\s+/g, ' ')} as a station: ${n} incidents inside under the current filter`);
    expect(n).toBeGreaterThan(0);
  });

  test('grid details give 同比 and 环比 with both periods and a verdict', async () => {
    const { page } = session();
    const url = new URL(baseUrl());
    url.search = `?sel=grid:${encodeURIComponent(gridId)}`;
    await page.goto(url.toString(), { waitUntil: 'load', timeout: 60_000 });
    const change = page.getByTestId('grid-change');
    await change.waitFor({ state: 'visible', timeout: 120_000 });
    console.log(`grid ${gridId}: ${(await change.innerText()).replace(/\s+/g, ' ')}`);
    for (const which of ['vs-last-year', 'vs-previous']) {
      const line = await change.getByTestId(`grid-change-${which}`).innerText();
      expect(line).toMatch(/显著上升|显著下降|无明显变化/);
      expect(line).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
      expect(line).not.toMatch(/%/);
    }
    expect(Number(await change.getAttribute('data-current'))).toBeGreaterThanOrEqual(0);
    await snap(page, 'grid-change');
  });
});
