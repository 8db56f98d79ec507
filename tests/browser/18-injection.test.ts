// 18. Script and formula injection, on screen and in files: incidents, grids, cameras and hotspots
//     whose names (and categories, officers, responsible people) are HTML that would run a script
//     and whose ids are Excel formulas, imported through the 导入 dialog as a clerk would, then
//     shown everywhere a name appears — the import report, the search results, the register and
//     the overdue list, the legends, the hover tooltip, the detail panel — and exported (cameras,
//     grids, register; CSV, GeoJSON, XLSX; the import report's download). Each time: the text
//     reads literally (innerText), no element was made from it, window.__pwned stays undefined,
//     and the console stays clean (asserted by the harness after each test). Also checks that a
//     map rebuilt by each import leaves one tooltip, not one per map made (MapController.destroy),
//     and that the zone chosen for the incidents import becomes the one the app bins in.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { read } from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { jumpTo, manifest, pagePoint, settle, snap, useSession, waitIdle, type LngLat } from './harness';

const session = useSession('injection');
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '"><svg onload=window.__pwned=3>';
const FORMULA = '=HYPERLINK("http://evil.example/","点我")';
const PAYLOADS = [IMG, SCRIPT, SVG];

/** A CSV field, quoted (payloads hold quotes and commas). */
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const square = ([x, y]: LngLat, r: number): LngLat[] => [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]];
const polygons = (features: Array<{ ring: LngLat[]; props: Record<string, string> }>) =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [f.ring] }, properties: f.props })) });

/** Nothing ran, nothing was made from the text, and the page holds one map tooltip. */
async function assertInert(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    made: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
    tooltips: document.querySelectorAll('[data-testid="tooltip"]').length,
  }));
  expect(state, where).toEqual({ pwned: undefined, made: 0, scripts: 0, tooltips: 1 });
}

async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  await el.waitFor({ state: 'visible', timeout: 30_000 });
  return el.innerText();
}

/** Imports a file through the dialog; leaves the report open and returns its text. */
async function importFile(page: Page, kind: string, name: string, body: string, timeZone?: string): Promise<string> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-kind').selectOption(kind);
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
  await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 30_000 });
  if (timeZone) await page.getByTestId('import-tz').fill(timeZone);
  await settle(page, () => page.getByTestId('import-start').click());
  return textOf(page, 'import-report');
}

async function closeImport(page: Page): Promise<void> {
  await page.getByTestId('import-close').click();
  await waitIdle(page);
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  return readFileSync((await file.path())!);
}

async function exportFile(page: Page, what: string, format: 'csv' | 'geojson' | 'xlsx'): Promise<Buffer> {
  if (!(await page.getByTestId('export-popover').isVisible())) await page.getByTestId('export-menu').click();
  await page.getByTestId('export-what').selectOption(what);
  await page.getByTestId('export-format').selectOption(format);
  return download(page, () => page.getByTestId('export-save').click());
}

const csvRows = (bytes: Buffer) => {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
};

/** Hovers a point of the map and returns the tooltip's text once it shows `expected`. */
async function hover(page: Page, at: LngLat, expected: string): Promise<string> {
  const p = await pagePoint(page, at);
  await page.mouse.move(p.x - 4, p.y - 4);
  await page.mouse.move(p.x, p.y);
  const tip = page.getByTestId('tooltip');
  await expect.poll(async () => ((await tip.isVisible()) ? tip.innerText() : ''), { timeout: 30_000 }).toContain(expected);
  return tip.innerText();
}

describe('injection through every place a name appears', () => {
  let centre: LngLat = [0, 0];
  // Around the demo's centre: one grid (the import replaces the demo's), two cameras inside it,
  // incidents in its north part, and two hotspots east and west of it.
  const at = (dx: number, dy: number): LngLat => [centre[0] + dx, centre[1] + dy];

  test('the import dialog takes the files and reports their names as text', async () => {
    const { page } = session();
    centre = (await manifest(page)).center;
    await assertInert(page, 'first load');

    // Incidents: an unknown category that is a script (kept as 其他 and named in the report) and a
    // row whose time is an image tag (rejected, its value quoted in the report's detail). Their
    // times are read in the zone chosen in the mapping step (checked in the next test).
    const [lng, lat] = at(0, 0.003);
    const incidents = `纬度,经度,报警时间,警情类别\n${lat},${lng},2025-12-20 10:00,${q(SCRIPT)}\n${lat},${lng + 0.0004},2025-12-21 11:00,${q(SCRIPT)}\n${lat},${lng},${q(IMG)},盗窃\n`;
    const report = await importFile(page, 'incidents', 'incidents.csv', incidents, 'America/Chicago');
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe('2');
    expect(await textOf(page, 'import-time-zone')).toContain('America/Chicago');
    expect(await textOf(page, 'import-other')).toContain(SCRIPT);
    expect(report).toContain(SCRIPT);
    await snap(page, 'injection-import-report');
    await assertInert(page, 'incidents import report');
    const rejections = csvRows(await download(page, () => page.getByTestId('import-report-download').click()));
    expect(rejections.map((r) => r['行号 line'])).toEqual(['4']);
    // The technical detail quotes the value as a JSON string (its quotes escaped), text all the same.
    expect(rejections[0].detail).toContain(JSON.stringify(IMG));
    await closeImport(page);

    // One grid named with the script, its officer the attribute breaker, its code a formula.
    const grid = polygons([{ ring: square(centre, 0.004), props: { 网格编码: FORMULA, 网格名称: SCRIPT, 网格员: SVG, 户数: '120' } }]);
    await importFile(page, 'grids', 'grids.geojson', grid);
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe('1');
    await closeImport(page);

    // Two cameras: the image tag with a formula id, and the attribute breaker with an @ id.
    const [c1, c2] = [at(0, 0), at(0.0015, -0.0015)];
    const cameras = `设备编号,设备名称,纬度,经度,状态\n${q(FORMULA)},${q(IMG)},${c1[1]},${c1[0]},在线\n"@SUM(1+1)",${q(SVG)},${c2[1]},${c2[0]},离线\n`;
    await importFile(page, 'cameras', 'cameras.csv', cameras);
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe('2');
    await closeImport(page);

    // Two listed hotspots past their deadline (overdue), named and staffed with the payloads.
    const hotspots = polygons([
      { ring: square(at(0.007, 0), 0.001), props: { id: 'HS-IMG', name: IMG, 状态: '挂牌督办', 期限: '2025-06-30', 第一责任人: SVG, 直接责任人: FORMULA } },
      { ring: square(at(-0.007, 0), 0.001), props: { id: 'HS-SCRIPT', name: SCRIPT, 状态: '挂牌督办', 期限: '2025-06-30', 第一责任人: IMG, 直接责任人: SCRIPT } },
    ]);
    await importFile(page, 'hotspots', 'hotspots.geojson', hotspots);
    await expect(page.getByTestId('import-accepted').getAttribute('data-value')).resolves.toBe('2');
    await closeImport(page);
    const counts = (await manifest(page)).counts as Record<string, number>;
    expect(counts).toMatchObject({ incidents: 2, grids: 1, cameras: 2, hotspots: 2 });
    // Four maps were made (one per import): one tooltip is left, the others went with their maps.
    await assertInert(page, 'after four imports');
  });

  test("the incidents import's time zone became the dataset's: hour × weekday reads the times in it", async () => {
    const { page } = session();
    // Saturday 20 Dec 10:00 and Sunday 21 Dec 11:00 Chicago time (Monday = row 0). Read in the
    // demo's Asia/Shanghai they would fall on Sunday 00:00 and Monday 01:00.
    const count = async (k: number) => Number((await page.getByTestId(`how-${k}`).locator('title').textContent())?.split('·').pop());
    expect(await count(5 * 24 + 10)).toBe(1);
    expect(await count(6 * 24 + 11)).toBe(1);
    expect(await count(6 * 24 + 0)).toBe(0);
    expect(await count(0 * 24 + 1)).toBe(0);
  });

  test('search results show the names as text', async () => {
    const { page } = session();
    const box = page.getByTestId('search');
    for (const [query, expected] of [['onerror', [IMG]], ['script', [SCRIPT]], ['svg', [SVG]]] as const) {
      await box.fill(query);
      const text = await textOf(page, 'search-results');
      for (const e of expected) expect(text, `search "${query}"`).toContain(e);
      await assertInert(page, `search results for "${query}"`);
    }
    await box.fill('onerror');
    await snap(page, 'injection-search');
    await box.fill('');
  });

  test('the register, the overdue list and the legends show the names as text', async () => {
    const { page } = session();
    if (!(await page.getByTestId('hotspot-register').isVisible())) await page.getByTestId('register-toggle').click();
    const register = await textOf(page, 'hotspot-register');
    expect(register).toContain(IMG);
    expect(register).toContain(SCRIPT);
    await page.getByTestId('hotspot-register').scrollIntoViewIfNeeded();
    await snap(page, 'injection-register');
    await assertInert(page, 'register list');

    await page.getByTestId('header-overdue').click();
    const list = await textOf(page, 'hotspot-list');
    for (const p of [IMG, SCRIPT, SVG]) expect(list).toContain(p);
    expect(list).toContain(FORMULA);
    await snap(page, 'injection-overdue-list');
    await assertInert(page, 'overdue hotspot list');
    await page.getByTestId('hotspot-list-close').click();

    // The legends name classes and states, never an imported name; nothing in them came from one.
    const legends = await page.locator('[data-testid^="legend-"]').allInnerTexts();
    expect(legends.length).toBeGreaterThan(0);
    for (const p of PAYLOADS) expect(legends.join('\n')).not.toContain(p);
    await assertInert(page, 'legends');
  });

  test('the hover tooltip and the detail panel show the names as text', async () => {
    const { page } = session();
    await jumpTo(page, at(0, 0), 15);
    await snap(page, 'injection-map');

    expect(await hover(page, at(0.007, 0), IMG)).toContain(IMG);
    await snap(page, 'injection-tooltip-hotspot');
    await assertInert(page, 'hotspot tooltip');
    expect(await hover(page, at(-0.0025, -0.003), SCRIPT)).toContain(SCRIPT);
    await assertInert(page, 'grid tooltip');
    expect(await hover(page, at(0, 0), IMG)).toContain(IMG);
    await assertInert(page, 'camera tooltip');

    // A click on the camera: its panel.
    const p = await pagePoint(page, at(0, 0));
    await settle(page, () => page.mouse.click(p.x, p.y));
    const camera = await textOf(page, 'detail-panel');
    expect(camera).toContain(IMG);
    // The panel replaces the tooltip: it does not come back over the panel on the frame after the click.
    expect(await page.getByTestId('tooltip').isVisible()).toBe(false);
    await snap(page, 'injection-camera-panel');
    await assertInert(page, 'camera detail panel');

    // A click in the grid: its panel, with its officer.
    const g = await pagePoint(page, at(-0.0025, -0.003));
    await settle(page, () => page.mouse.click(g.x, g.y));
    await expect.poll(() => page.getByTestId('detail-panel').innerText(), { timeout: 30_000 }).toContain(SCRIPT);
    expect(await page.getByTestId('detail-panel').innerText()).toContain(SVG);
    await assertInert(page, 'grid detail panel');

    // The hotspot's panel, from the register row (it flies there), with its responsible people.
    await settle(page, () => page.locator('[data-testid="register-row"][data-id="HS-IMG"]').click());
    await expect.poll(() => page.getByTestId('detail-panel').innerText(), { timeout: 30_000 }).toContain(FORMULA);
    const hotspot = await page.getByTestId('detail-panel').innerText();
    expect(hotspot).toContain(IMG);
    expect(hotspot).toContain(SVG);
    await snap(page, 'injection-hotspot-panel');
    await assertInert(page, 'hotspot detail panel');
  });

  test('exports keep the names verbatim and defuse the formulas', async () => {
    const { page } = session();
    const cams = csvRows(await exportFile(page, 'cameras', 'csv'));
    expect(cams.map((r) => [r.id, r.name])).toEqual([[`'${FORMULA}`, IMG], ["'@SUM(1+1)", SVG]]);

    const gj = JSON.parse((await exportFile(page, 'cameras', 'geojson')).toString('utf8'));
    expect(gj.features.map((f: { properties: { id: string; name: string } }) => [f.properties.id, f.properties.name])).toEqual([[FORMULA, IMG], ['@SUM(1+1)', SVG]]);

    const wb = read(await exportFile(page, 'cameras', 'xlsx'), { type: 'buffer', cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    expect(ws.A2).toMatchObject({ t: 's', v: FORMULA, z: '@' });
    expect(ws.B2).toMatchObject({ t: 's', v: IMG });
    expect(ws.A3).toMatchObject({ t: 's', v: '@SUM(1+1)', z: '@' });
    for (const [ref, cell] of Object.entries(ws)) if (!ref.startsWith('!')) expect((cell as { f?: string }).f, ref).toBeUndefined();

    const grids = csvRows(await exportFile(page, 'grids', 'csv'));
    expect(grids).toHaveLength(1);
    expect(grids[0]).toMatchObject({ id: `'${FORMULA}`, name: SCRIPT, officer: SVG });

    const register = csvRows(await exportFile(page, 'register', 'csv'));
    expect(register.map((r) => [r.id, r.name, r.first_responsible, r.direct_responsible])).toEqual([
      ['HS-IMG', IMG, SVG, `'${FORMULA}`],
      ['HS-SCRIPT', SCRIPT, IMG, SCRIPT],
    ]);
    console.log(`exported: cameras ${cams.length}, grids ${grids.length}, register ${register.length} rows; ids ${cams.map((r) => r.id).join(' ; ')}`);
    await assertInert(page, 'after the exports');
  });
});
