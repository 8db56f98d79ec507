// 18. Script and formula injection: cameras and a hotspot whose names (and responsible people)
//     are HTML with an onerror script, and whose ids are Excel formulas, imported through the 导入
//     dialog, then shown everywhere a name appears — the search results, the map tooltip, the
//     detail panel, the overdue hotspot list, the hotspot legend and filter panel — and exported as
//     CSV, GeoJSON and XLSX. The script never runs (window.__pwned stays undefined), no element is
//     made from the text (no <img src="x"> anywhere), the text reads literally on screen, and the
//     exported formulas are defused (CSV: a leading apostrophe; XLSX: a Text-format text cell).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { read } from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { jumpTo, manifest, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('injection');
const XSS = '<img src=x onerror=window.__pwned=1>';
const XSS2 = '"><svg onload=window.__pwned=2>';
const FORMULA = '=HYPERLINK("http://evil.example/","点我")';

/** Nothing ran and nothing was made from the text. */
async function assertInert(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    imgs: document.querySelectorAll('img[src="x"], svg[onload]').length,
  }));
  expect(state, where).toEqual({ pwned: undefined, imgs: 0 });
}

async function importFile(page: Page, kind: string, name: string, body: string): Promise<void> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-kind').selectOption(kind);
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
  await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 30_000 });
  await settle(page, () => page.getByTestId('import-start').click());
  await page.getByTestId('import-report').waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByTestId('import-close').click();
  await waitIdle(page);
}

async function exportCameras(page: Page, format: 'csv' | 'geojson' | 'xlsx'): Promise<Buffer> {
  if (!(await page.getByTestId('export-popover').isVisible())) await page.getByTestId('export-menu').click();
  await page.getByTestId('export-what').selectOption('cameras');
  await page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-save').click()]);
  return readFileSync((await file.path())!);
}

describe('injection through every place a name appears', () => {
  test('imported names are text in the search results, tooltip, detail panel, hotspot list and legends', async () => {
    const { page } = session();
    const [lng, lat] = (await manifest(page)).center;
    // Two cameras: a script name with a formula id, and an attribute-breaking name.
    const csv = `设备编号,设备名称,纬度,经度,状态\n"${FORMULA.replace(/"/g, '""')}",${XSS},${lat},${lng},在线\n"@SUM(1+1)","${XSS2.replace(/"/g, '""')}",${lat + 0.002},${lng + 0.002},离线\n`;
    await importFile(page, 'cameras', 'cams.csv', csv);
    await assertInert(page, 'after the camera import');
    // A listed hotspot, overdue, named and staffed with scripts, around the cameras.
    const d = 0.001;
    const ring = [[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]].map(([x, y]) => [x + 0.002, y]);
    const hotspots = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: 'HS-XSS', name: XSS, 状态: '挂牌督办', 期限: '2025-06-30', 第一责任人: XSS2, 直接责任人: FORMULA } }] };
    await importFile(page, 'hotspots', 'hotspots.geojson', JSON.stringify(hotspots));
    await assertInert(page, 'after the hotspot import');

    // Search results.
    await page.getByTestId('search').fill('onerror');
    const results = page.getByTestId('search-results');
    await results.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await results.innerText()).toContain(XSS);
    await assertInert(page, 'search results');
    await page.getByTestId('search').fill('');

    // The camera's detail panel (a click on it).
    await jumpTo(page, [lng, lat], 17);
    const p = await pagePoint(page, [lng, lat]);
    await page.mouse.move(p.x, p.y);
    await settle(page, () => page.mouse.click(p.x, p.y));
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.innerText()).toContain(XSS);
    await snap(page, 'injection-camera-panel');
    await assertInert(page, 'camera detail panel');

    // The map tooltip over the hotspot (east of the cameras), then the overdue list with its responsible people.
    const h = await pagePoint(page, [lng + 0.002 + d / 2, lat - d / 2]);
    await page.keyboard.press('Escape');
    await page.mouse.move(h.x - 3, h.y - 3);
    await page.mouse.move(h.x, h.y);
    await page.getByTestId('tooltip').filter({ hasText: 'onerror' }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByTestId('tooltip').innerText()).toContain(XSS);
    await assertInert(page, 'hotspot tooltip');
    await page.getByTestId('header-overdue').click();
    const list = page.getByTestId('hotspot-list');
    await list.waitFor({ state: 'visible', timeout: 10_000 });
    const listText = await list.innerText();
    expect(listText).toContain(XSS);
    expect(listText).toContain(XSS2);
    await snap(page, 'injection-hotspot-list');
    await assertInert(page, 'hotspot list');
    await settle(page, () => list.getByTestId('hotspot-list-row').filter({ hasText: 'onerror' }).click());
    expect(await page.getByTestId('detail-panel').innerText()).toContain(FORMULA);
    await assertInert(page, 'hotspot detail panel');
    // Legends and the filter panel hold no element made from imported text either.
    await expect(page.locator('[data-testid^="legend-"] img, .filter-panel img').count()).resolves.toBe(0);
    await assertInert(page, 'legends');
  }, 600_000);

  test('exported CSV, GeoJSON and XLSX keep the names literal and defuse the formulas', async () => {
    const { page } = session();
    const csv = (await exportCameras(page, 'csv')).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: `'${FORMULA}`, name: XSS });
    expect(rows[1]).toMatchObject({ id: "'@SUM(1+1)", name: XSS2 });

    const gj = JSON.parse((await exportCameras(page, 'geojson')).toString('utf8'));
    expect(gj.features.map((f: { properties: { id: string; name: string } }) => [f.properties.id, f.properties.name])).toEqual([[FORMULA, XSS], ['@SUM(1+1)', XSS2]]);

    const wb = read(await exportCameras(page, 'xlsx'), { type: 'buffer', cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    expect(ws.A2).toMatchObject({ t: 's', v: FORMULA, z: '@' });
    expect(ws.B2).toMatchObject({ t: 's', v: XSS });
    expect(ws.A3).toMatchObject({ t: 's', v: '@SUM(1+1)', z: '@' });
    for (const [ref, cell] of Object.entries(ws)) if (!ref.startsWith('!')) expect((cell as { f?: string }).f, ref).toBeUndefined();
    console.log(`exported: CSV ${rows.length} rows, ids ${rows.map((r) => r.id).join(' ; ')}`);
    await assertInert(page, 'after the exports');
  });
});
