// 3. The language switch: zh-CN by default, en after a click, zh-CN again after another;
//    <html lang> and the visible texts follow; the synthetic-data badge is there in both.
//    And the theme switch: the dark wall-screen look darkens map and panels, and is remembered.
import { describe, expect, test } from 'vitest';
import { assertNotBlank, settle, snap, useSession, waitIdle } from './harness';
import { imageStats } from './pixels';

const session = useSession('language');

const bodyText = (page: import('playwright-core').Page) => page.locator('body').innerText();
const cjkCount = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

/** The page does not scroll sideways and every title-bar control lies within the window (longer English labels included). */
async function expectFitsWidth(page: import('playwright-core').Page): Promise<void> {
  const fit = await page.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    scrollX: window.scrollX,
    beyond: [...document.querySelectorAll('header.header > *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.textContent),
  }));
  expect(fit.beyond, 'title-bar controls beyond the right edge').toEqual([]);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.width);
  expect(fit.scrollX).toBe(0);
}

describe('language switch', () => {
  let zhText = '';

  test('defaults to Chinese with the synthetic-data badge', async () => {
    const { page } = session();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    zhText = await bodyText(page);
    expect(zhText).toContain('平安一张图');
    const badge = page.getByTestId('synthetic-badge');
    expect(await badge.isVisible(), 'synthetic-badge visible').toBe(true);
    expect(await badge.innerText()).toContain('合成数据');
    await expectFitsWidth(page);
    assertNotBlank(await snap(page, 'lang-zh'));
  });

  test('switches to English: html lang, title, texts and badge change', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('lang-switch').click());
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('en');
    const enText = await bodyText(page);
    expect(enText).toContain('Safety One-Map');
    // Place names in the data may stay Chinese, but the interface itself must be translated.
    expect(cjkCount(enText), `Chinese characters left in the English UI:\n${enText}`).toBeLessThan(cjkCount(zhText) / 2);
    const badge = page.getByTestId('synthetic-badge');
    expect(await badge.isVisible(), 'synthetic-badge visible in English').toBe(true);
    const badgeText = await badge.innerText();
    expect(badgeText.toLowerCase()).toContain('synthetic');
    expect(badgeText).not.toContain('合成数据');
    await expectFitsWidth(page);
    assertNotBlank(await snap(page, 'lang-en'));
  });

  test('switches back to Chinese', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('lang-switch').click());
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('zh-CN');
    const text = await bodyText(page);
    expect(text).toContain('平安一张图');
    expect(cjkCount(text)).toBeGreaterThanOrEqual(cjkCount(zhText) * 0.8);
    expect(await page.getByTestId('synthetic-badge').innerText()).toContain('合成数据');
  });

  test('the dark wall-screen theme darkens the map and the panels, and survives a reload', async () => {
    const { page } = session();
    const light = await snap(page, 'theme-light');
    await settle(page, () => page.getByTestId('theme-switch').click());
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await snap(page, 'theme-dark');
    assertNotBlank(dark);
    const lum = (s: typeof light) => imageStats(s.map).luminanceMean;
    console.log(`map luminance: light ${lum(light).toFixed(0)}, dark ${lum(dark).toFixed(0)}`);
    expect(lum(dark), 'the dark map is darker').toBeLessThan(lum(light) * 0.6);
    const panel = await page.locator('nav.side').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(panel, 'panels follow').not.toBe('rgb(255, 255, 255)');
    await page.reload();
    await waitIdle(page);
    expect(await page.locator('html').getAttribute('data-theme'), 'remembered after a reload').toBe('dark');
    await settle(page, () => page.getByTestId('theme-switch').click());
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  });
});
