// 12 (what-if). Editing a camera as a what-if: turning it changes the county coverage the panel
// and the camera's details show, the edit is marked as not the register's, survives a reload
// (saved through the user store), and "reset" restores the exact figure; dragging the camera on
// the map moves it. CAM-00080 (友谊路与育才路交叉口-1) looks north-north-west (340°) with a 61° view;
// turned to 160° it sees cells with more incidents (a plain recount in the worker's own API gives
// +140 incidents on the demo, so the figure must rise).
import { describe, expect, test } from 'vitest';
import { assertNotBlank, openApp, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('coverage-whatif');
const CAMERA = { id: 'CAM-00080', at: [117.221618, 32.94092] as [number, number], heading: 340 };
type Hooked = { __oneMap: { layerCounts(): Record<string, number> } };
type Page = import('playwright-core').Page;

/** Covered incidents in the county figures of the coverage panel and of the camera's details. */
async function covered(page: Page) {
  const panel = Number(await page.getByTestId('coverage-county').getAttribute('data-covered'));
  const details = Number(await page.getByTestId('camera-whatif-coverage').getAttribute('data-covered'));
  return { panel, details };
}

async function openCamera(page: Page) {
  await page.getByTestId('search').click();
  await page.keyboard.type(CAMERA.id, { delay: 20 });
  await page.getByTestId('search-results').waitFor({ state: 'visible', timeout: 10_000 });
  await settle(page, () => page.keyboard.press('Enter'));
  await page.getByTestId('camera-whatif').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('camera-whatif-coverage').waitFor({ state: 'visible', timeout: 60_000 });
}

describe('what-if camera editing', () => {
  test('turning a camera changes the coverage figures, marked as a what-if', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('layer-toggle-coverage').check());
    await page.getByTestId('coverage-county').waitFor({ state: 'visible', timeout: 60_000 });
    await openCamera(page);
    await waitIdle(page);
    const before = await covered(page);
    expect(before.details).toBe(before.panel);
    expect(await page.getByTestId('camera-whatif-heading').inputValue()).toBe(String(CAMERA.heading));
    expect(await page.getByTestId('camera-whatif').getAttribute('data-edited')).toBe('false');
    await settle(page, () => page.getByTestId('camera-whatif-heading').fill('160'));
    await expect.poll(async () => (await covered(page)).details, { timeout: 60_000 }).toBeGreaterThan(before.details);
    await expect.poll(async () => (await covered(page)).panel, { timeout: 60_000 }).toBeGreaterThan(before.panel);
    await waitIdle(page);
    const after = await covered(page);
    console.log(`CAM-00080 turned 340° → 160°: covered incidents ${before.panel} → ${after.panel}; ${await page.getByTestId('camera-whatif-coverage').innerText()}`);
    expect(after.details).toBe(after.panel);
    expect(await page.getByTestId('camera-whatif').getAttribute('data-edited')).toBe('true');
    expect(await page.getByTestId('camera-whatif-badge').isVisible()).toBe(true);
    expect(await page.getByTestId('camera-whatif-register').innerText()).toContain('340');
    const counts = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    expect(counts['whatif-cameras']).toBe(1);
    const shot = await snap(page, 'coverage-whatif-turned');
    assertNotBlank(shot);
  });

  test('the what-if survives a reload; reset restores the exact figure', async () => {
    const { page } = session();
    const edited = await covered(page);
    await page.reload();
    await openApp(page).catch(() => waitIdle(page));
    if (!(await page.getByTestId('layer-toggle-coverage').isChecked())) await settle(page, () => page.getByTestId('layer-toggle-coverage').check());
    await page.getByTestId('coverage-county').waitFor({ state: 'visible', timeout: 60_000 });
    await openCamera(page);
    expect(await page.getByTestId('camera-whatif-heading').inputValue()).toBe('160');
    await expect.poll(async () => (await covered(page)).panel, { timeout: 60_000 }).toBe(edited.panel);
    await settle(page, () => page.getByTestId('camera-whatif-reset').click());
    await expect.poll(async () => (await covered(page)).panel, { timeout: 60_000 }).toBeLessThan(edited.panel);
    await waitIdle(page);
    const reset = await covered(page);
    console.log(`after reset: ${reset.panel} covered (was ${edited.panel} with the what-if)`);
    expect(await page.getByTestId('camera-whatif-heading').inputValue()).toBe(String(CAMERA.heading));
    expect(await page.getByTestId('camera-whatif').getAttribute('data-edited')).toBe('false');
    expect(reset.details).toBe(reset.panel);
    // A reload on software WebGL loads the whole county again: as long as the other reload tests.
  }, 600_000);

  test('dragging the camera on the map moves it (a what-if), and the figures follow', async () => {
    const { page } = session();
    const before = await covered(page);
    await settle(page, () => page.getByTestId('camera-whatif-move').check());
    const p = await pagePoint(page, CAMERA.at);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(p.x - 10 * i, p.y + 6 * i);
    await settle(page, () => page.mouse.up());
    await expect.poll(async () => page.getByTestId('camera-whatif').getAttribute('data-edited'), { timeout: 10_000 }).toBe('true');
    await waitIdle(page);
    const moved = await page.getByTestId('camera-whatif-register').innerText();
    console.log(`dragged: ${moved}; covered ${before.panel} → ${(await covered(page)).panel}`);
    expect(moved).toMatch(/\d+/);
    const counts = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    expect(counts['whatif-moved']).toBe(1);
    // The details stay open on the camera: the release did not select what lay beneath.
    expect(await page.getByTestId('camera-whatif').isVisible()).toBe(true);
    const shot = await snap(page, 'coverage-whatif-dragged');
    assertNotBlank(shot);
    await settle(page, () => page.getByTestId('camera-whatif-reset').click());
    await expect.poll(async () => (await covered(page)).panel, { timeout: 60_000 }).toBe(before.panel);
  });
});
