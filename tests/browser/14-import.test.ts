// 14. Import: a clerk's GBK incident sheet with Baidu (BD-09) coordinates and 37 bad rows, chosen
//     in the 导入 dialog — the preview and mapping, the report with the right counts and line
//     numbers, the map and the title bar showing the imported incidents; a camera whose name is
//     an HTML injection shown as text in the dialog and the detail panel; cancel leaves the data.
import { describe, expect, test } from 'vitest';
import { clerkSheet } from '../fixtures/import/clerk-sheet';
import { assertNotBlank, countyBounds, describeStats, jumpTo, manifest, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('import');
const INJECTION = '<img src=x onerror="window.__xss=1">';
type Hooked = { __xss?: number; __oneMap: { layerCounts(): Record<string, number>; manifest: { counts: { incidents: number; cameras: number } } } };

describe('import', () => {
  const sheet = clerkSheet(countyBounds(), 300, INJECTION);

  test('the dialog previews the GBK sheet, detects the columns and hints BD-09 or takes it', async () => {
    const { page } = session();
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByTestId('import-file').setInputFiles({ name: '去年警情.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet.gbk) });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await preview.innerText()).toContain('gbk');
    // 编号,报警时间,警情类别,经度,纬度,地址
    await expect(page.getByTestId('import-map-lat').inputValue()).resolves.toBe('4');
    await expect(page.getByTestId('import-map-lon').inputValue()).resolves.toBe('3');
    await expect(page.getByTestId('import-map-time').inputValue()).resolves.toBe('1');
    await expect(page.getByTestId('import-map-category').inputValue()).resolves.toBe('2');
    // The injection in the first row's address is a cell's text, not an element.
    await expect(preview.locator('td', { hasText: 'onerror' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid="import-dialog"] img').count()).resolves.toBe(0);
    await page.getByTestId('import-crs').selectOption('BD09');
    await snap(page, 'import-preview');
  });

  test('the report counts every row and lists the 37 to fix with their lines; the map shows the new incidents', async () => {
    const { page } = session();
    const before = (await manifest(page)).counts as { incidents: number };
    await settle(page, () => page.getByTestId('import-start').click());
    const report = page.getByTestId('import-report');
    await report.waitFor({ state: 'visible', timeout: 120_000 });
    await expect(page.getByTestId('import-total').getAttribute('data-value')).resolves.toBe(String(sheet.total));
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe(String(sheet.total - 37));
    await expect(page.getByTestId('import-rejected').getAttribute('data-value')).resolves.toBe('37');
    const rows = await page.locator('[data-testid="import-rejections"] tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('data-line')), tr.getAttribute('data-code')]));
    expect(rows).toEqual(sheet.bad.map((b) => [b.line, b.code]));
    expect(await report.innerText()).toContain('纬度与经度似乎填反了');
    expect(await page.getByTestId('import-other').innerText()).toContain('无人机扰民');
    await snap(page, 'import-report');
    await page.getByTestId('import-close').click();
    await waitIdle(page);
    const m = await manifest(page);
    console.log(`incidents: ${before.incidents} → ${(m.counts as { incidents: number }).incidents}`);
    expect((m.counts as { incidents: number }).incidents).toBe(sheet.total - 37);
    await expect.poll(() => page.getByTestId('figure-incidents').innerText(), { timeout: 60_000 }).toBe(String(sheet.total - 37));
    const hexes = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    console.log(`layers after import: ${JSON.stringify(hexes)}`);
    const shot = await snap(page, 'import-map');
    console.log(`map after import: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
  });

  test('a camera named with an HTML injection is text in the report, the tooltip and the detail panel', async () => {
    const { page } = session();
    const m = await manifest(page);
    const [lng, lat] = m.center;
    const csv = `设备编号,设备名称,纬度,经度,状态\nXSS1,${INJECTION.replace(/"/g, '""').replace(/^/, '"')}",${lat},${lng},在线\nBAD,无坐标,,${lng},在线\n`;
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-kind').selectOption('cameras');
    await page.getByTestId('import-file').setInputFiles({ name: 'cams.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 30_000 });
    await settle(page, () => page.getByTestId('import-start').click());
    await page.getByTestId('import-report').waitFor({ state: 'visible', timeout: 60_000 });
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe('1');
    await expect(page.locator('[data-testid="import-rejections"] tbody tr').getAttribute('data-line')).resolves.toBe('3');
    await page.getByTestId('import-close').click();
    await waitIdle(page);
    await jumpTo(page, [lng, lat], 17);
    const p = await pagePoint(page, [lng, lat]);
    await page.mouse.move(p.x, p.y);
    await settle(page, () => page.mouse.click(p.x, p.y));
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.innerText()).toContain(INJECTION);
    await expect(page.locator('[data-testid="detail-panel"] img, .maplibregl-popup img, [role="tooltip"] img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as Hooked).__xss)).resolves.toBeUndefined();
    await snap(page, 'import-camera-injection');
  });

  test('cancelling a large import stops it and leaves the incidents as they were', async () => {
    const { page } = session();
    const n0 = ((await manifest(page)).counts as { incidents: number }).incidents;
    const [w, s, e, nth] = countyBounds();
    const lines = ['lat,lon,time,category'];
    for (let i = 0; i < 600_000; i++) lines.push(`${(s + ((nth - s) * (i % 997)) / 997).toFixed(5)},${(w + ((e - w) * (i % 991)) / 991).toFixed(5)},2024-05-08 14:30,扒窃`);
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-kind').selectOption('incidents');
    await page.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-dialog').innerText()).resolves.toContain('已取消导入');
    await page.getByTestId('import-close').click();
    await waitIdle(page);
    expect(((await manifest(page)).counts as { incidents: number }).incidents).toBe(n0);
  });
});
