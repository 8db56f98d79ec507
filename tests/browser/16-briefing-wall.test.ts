// 16. The briefing and the wall screen: the 简报 button opens `?view=briefing` with key-figure
//     cards holding real figures (同比 / 环比 with both periods' counts and dates and a verdict),
//     the trend, the top cells and grids and a drawn map; the PDF exported in the browser holds
//     the figures of the screen as text, the PNG is an image of the sheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, assertNotBlank, describeStats, settle, snap, useSession, waitIdle } from './harness';
import { decodePng, imageStats } from './pixels';

const session = useSession('briefing-wall');
const VERDICTS = /显著上升|显著下降|无明显变化/;

/** The ASCII figure lines the page gives the PDF (hidden <pre>), as name → value. */
async function kpiLines(page: Page): Promise<string[]> {
  const text = await page.getByTestId('briefing-kpi-text').textContent();
  return (text ?? '').split('\n').filter(Boolean);
}

describe('briefing', () => {
  test('the 简报 button opens the briefing: every card holds a real figure with its definition', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await settle(page, () => page.getByTestId('open-briefing').click());
    const sheet = page.getByTestId('briefing');
    await expect.poll(() => sheet.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    expect(new URL(page.url()).searchParams.get('view')).toBe('briefing');
    await waitIdle(page);
    for (const name of ['incidents', 'criminal', 'public-order', 'coverage', 'camera-working', 'hotspots', 'blind-spots']) {
      const card = page.getByTestId(`kpi-${name}`);
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      console.log(`kpi-${name}: data-value=${await card.getAttribute('data-value')} · ${text.slice(0, 160)}`);
      expect(await card.locator('.kpi-def').innerText()).not.toBe('');
    }
    const lines = await kpiLines(page);
    const value = (key: string) => lines.find((l) => l.startsWith(`${key}: `))!.slice(key.length + 2);
    const incidents = Number(value('incidents'));
    expect(incidents).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-incidents').getAttribute('data-value')).toBe(String(incidents));
    expect((await page.getByTestId('kpi-incidents').locator('.kpi-value').innerText()).replace(/,/g, '')).toBe(String(incidents));
    for (const which of ['vs-last-year', 'vs-previous']) {
      const line = await page.getByTestId(`kpi-incidents-${which}`).innerText();
      expect(line).toMatch(VERDICTS);
      expect(line).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    }
    expect(Number(await page.getByTestId('kpi-criminal').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('kpi-public-order').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-camera-working').getAttribute('data-value')).toMatch(/^\d+\.\d%$/);
    expect(await page.getByTestId('kpi-hotspots').getAttribute('data-value')).toMatch(/^\d+\/\d+\/\d+$/);
    expect(await page.getByTestId('briefing-top-cells').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('briefing-top-grids').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('trend-chart').count()).toBe(1);
    const shot = await snap(page, 'briefing-1920x1080');
    console.log(`briefing map: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
    await page.screenshot({ path: join(ARTIFACTS, 'briefing-full.png'), fullPage: true });
  });

  test('the PDF (A4 landscape, made in the browser) holds the figures of the screen; the PNG is the sheet', async () => {
    const { page } = session();
    const lines = await kpiLines(page);
    const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-briefing-pdf').click()]);
    const pdfPath = join(ARTIFACTS, 'briefing.pdf');
    await pdfDownload.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath).toString('latin1');
    expect(pdf.slice(0, 5)).toBe('%PDF-');
    // A4 landscape: 841.89 × 595.28 pt.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    const missing = lines.filter((l) => !pdf.includes(`(${l}) Tj`));
    console.log(`PDF ${(pdf.length / 1024).toFixed(0)} KiB, ${lines.length} figure lines, missing: ${missing.length}\n  ${lines.join('\n  ')}`);
    expect(missing).toEqual([]);
    // The screen's cards hold the same figures the PDF carries.
    const onScreen = await page.getByTestId('kpi-incidents').getAttribute('data-value');
    expect(pdf.includes(`(incidents: ${onScreen}) Tj`), `the PDF holds "incidents: ${onScreen}"`).toBe(true);
    await expect(page.getByTestId('export-briefing-png').isEnabled()).resolves.toBe(true);
    const [pngDownload] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-briefing-png').click()]);
    const pngPath = join(ARTIFACTS, 'briefing-export.png');
    await pngDownload.saveAs(pngPath);
    const png = decodePng(readFileSync(pngPath));
    const stats = imageStats(png);
    console.log(`PNG ${png.width}×${png.height}: ${describeStats(stats)}`);
    expect(png.width).toBeGreaterThan(800);
    expect(stats.distinctColours).toBeGreaterThan(50);
  });
});
