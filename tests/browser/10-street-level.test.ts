// 10. Street level: road names along the roads at zoom 16.5 in the county town, a click on a
//     faulty camera inside a hotspot's fill opens the camera (not the hotspot), and the header's
//     overdue count and the legend's overdue entry list the overdue hotspots, a row flying there.
import { describe, expect, test } from 'vitest';
import { assertNotBlank, describeStats, jumpTo, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('street-level');
type Hooked = { __oneMap: { layerCounts(): Record<string, number>; getZoom(): number } };

// CAM-01320 (县公安局社会面1, faulty) stands inside HS-03 城关街道鼓楼夜宵街 (rectifying), no other
// camera within 49 m; named streets cross nearby (data/demo/cameras.geojson, hotspots.geojson).
const CAMERA = { id: 'CAM-01320', name: '县公安局社会面1', at: [117.22285, 32.941508] as [number, number] };

describe('street level', () => {
  test('road names are drawn along the roads at zoom 16.5', async () => {
    const { page } = session();
    await jumpTo(page, CAMERA.at, 16.5);
    await waitIdle(page);
    const counts = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    console.log(`layers at zoom 16.5: ${JSON.stringify(counts)}`);
    expect(counts['road-labels'] ?? 0).toBeGreaterThan(20);
    expect(counts['camera-fov'] ?? 0).toBeGreaterThan(0);
    expect(counts['camera-fov-down'] ?? 0).toBeGreaterThan(0);
    const shot = await snap(page, 'street-level-16.5');
    console.log(`street level: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
  });

  test('road names and camera badges read on the dark theme too', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('theme-switch').click());
    await waitIdle(page);
    const shot = await snap(page, 'street-level-16.5-dark');
    console.log(`street level, dark: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
    await settle(page, () => page.getByTestId('theme-switch').click());
    await waitIdle(page);
  });

  test('a click on a camera inside a hotspot fill opens the camera, not the hotspot', async () => {
    const { page } = session();
    const p = await pagePoint(page, CAMERA.at);
    await page.mouse.move(p.x - 4, p.y - 4);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await tooltip.innerText();
    console.log(`tooltip over ${CAMERA.id}: ${JSON.stringify(text)}`);
    expect(text).toContain(CAMERA.name);
    await settle(page, () => page.mouse.click(p.x, p.y));
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await panel.locator('h3').innerText()).toBe(CAMERA.name);
    await snap(page, 'street-level-camera-in-hotspot');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: 5_000 });
  });

  test('the header\'s overdue count lists the overdue hotspots; a row flies there and opens it', async () => {
    const { page } = session();
    const button = page.getByTestId('header-overdue');
    const label = await button.innerText();
    const n = Number(label.replace(/\D+/g, ''));
    await button.click();
    const list = page.getByTestId('hotspot-list');
    await list.waitFor({ state: 'visible', timeout: 5_000 });
    const rows = list.getByTestId('hotspot-list-row');
    console.log(`header "${label}": ${await rows.count()} rows; first: ${JSON.stringify((await rows.first().innerText()).replace(/\s+/g, ' '))}`);
    expect(n).toBeGreaterThan(0);
    await expect(rows.count()).resolves.toBe(n);
    const first = await rows.first().innerText();
    expect(first).toMatch(/逾期 \d+ 天/);
    expect(first).toContain('第一责任人');
    const name = first.split('\n')[0].trim();
    const zoomBefore = await page.evaluate(() => (window as unknown as Hooked).__oneMap.getZoom());
    await settle(page, () => rows.first().click());
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await panel.locator('h3').innerText()).toBe(name);
    const zoomAfter = await page.evaluate(() => (window as unknown as Hooked).__oneMap.getZoom());
    console.log(`flew to ${name}: zoom ${zoomBefore.toFixed(2)} → ${zoomAfter.toFixed(2)}`);
    expect(Math.abs(zoomAfter - zoomBefore)).toBeGreaterThan(0.3);
    await expect(list.isVisible()).resolves.toBe(true); // the list stays for the next one
    const shot = await snap(page, 'street-level-overdue-list');
    assertNotBlank(shot);
    await page.getByTestId('hotspot-list-close').click();
    await list.waitFor({ state: 'detached', timeout: 5_000 });
  });

  test('the legend\'s overdue entry opens the same list', async () => {
    const { page } = session();
    const entry = page.getByTestId('legend-state-overdue');
    await entry.scrollIntoViewIfNeeded();
    await entry.click();
    const rows = page.getByTestId('hotspot-list').getByTestId('hotspot-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 5_000 });
    const n = Number((await page.getByTestId('header-overdue').innerText()).replace(/\D+/g, ''));
    await expect(rows.count()).resolves.toBe(n);
    await page.getByTestId('legend-state-listed').click();
    const title = await page.getByTestId('hotspot-list').locator('h3').innerText();
    console.log(`legend listed: ${JSON.stringify(title)}`);
    expect(title).toContain('挂牌督办');
  });
});
