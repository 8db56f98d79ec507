// 17. The grid editor's operations driven with the mouse, in one community of the demo county:
//    merge two adjacent grids (a click on the neighbour), split the merged grid along a drawn
//    line, drag a vertex two grids share (both move, one undo step; undo and redo), and compare
//    two named versions on the map (added, removed, changed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { bbox, pointOnFeature } from '@turf/turf';
import { assertNotBlank, pagePoint, settle, snap, useSession } from './harness';

const session = useSession('grid-operations');
type LngLat = [number, number];
type Hooked = { __oneMap: { jumpTo(t: { center: LngLat; zoom: number }): void; layerCounts(): Record<string, number> } };
type GridFeature = { type: 'Feature'; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] }; properties: Record<string, string | number> };
const grids: { features: GridFeature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/grids.geojson'), 'utf8'));
const byCode = new Map(grids.features.map((f) => [String(f.properties.code), f]));
// 东关社区: grids 02 and 05 share an edge (merged, then split); 01 and 06 share one vertex that
// no other grid has, and touch neither 02 nor 05 (the vertex dragged).
const V = '349901-001-001';
const [A, B, C, D] = ['02', '05', '01', '06'].map((s) => `${V}-${s}`);
const NEXT = `${V}-07`; // the village's next free code (01–06 are taken, 05 retired by the merge)

const key = (p: number[]) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
const vertices = (f: GridFeature): Set<string> =>
  new Set((f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][]).flat()).flat().map(key));

async function clickAt(page: Page, p: LngLat): Promise<void> {
  const xy = await pagePoint(page, p);
  await page.mouse.move(xy.x, xy.y);
  await page.mouse.click(xy.x, xy.y);
}
const steps = async (page: Page) => (await page.getByTestId('grid-summary').innerText()).replace(/\s+/g, ' ');
async function exported(page: Page): Promise<Map<string, GridFeature>> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-grids').click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { features: GridFeature[] };
  return new Map(file.features.map((f) => [String(f.properties.code), f]));
}
async function saveVersion(page: Page, name: string): Promise<void> {
  await page.getByTestId('grid-version-name').fill(name);
  await page.getByTestId('grid-version-save').click();
  // A layout with topology problems is saved only as an explicit draft.
  if (await page.getByTestId('grid-version-draft').isVisible()) await page.getByTestId('grid-version-draft').click();
  await expect.poll(() => page.getByTestId('grid-version').evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))), { timeout: 30_000 }).toContain(name);
}

describe('grid operations', () => {
  test('merge, split along a line, drag a shared vertex (one undo step), compare two versions', async () => {
    for (const c of [A, B, C, D]) if (!byCode.get(c)) throw new Error(`the demo has no grid ${c} (data/demo/grids.geojson changed?)`);
    const shared = [...vertices(byCode.get(C)!)].filter((v) => vertices(byCode.get(D)!).has(v) && grids.features.filter((f) => vertices(f).has(v)).length === 2);
    expect(shared.length, `a vertex only ${C} and ${D} share`).toBe(1);
    const vertex = shared[0].split(',').map(Number) as LngLat;
    const inside = (code: string) => pointOnFeature(byCode.get(code) as never).geometry.coordinates as LngLat;

    const { page } = session();
    for (const id of ['incidents', 'cameras', 'hotspots']) await settle(page, () => page.getByTestId(`layer-toggle-${id}`).uncheck());
    const village = grids.features.filter((f) => String(f.properties.villageId) === V);
    const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: village } as never);
    await settle(page, () => page.evaluate((c) => (window as unknown as Hooked).__oneMap.jumpTo({ center: c, zoom: 15 }), [(w + e) / 2, (s + n) / 2] as LngLat));
    await settle(page, () => page.getByTestId('grid-editor-open').click());
    expect(await steps(page)).toContain('本次改动 0 步');
    await saveVersion(page, '调整前');

    // Merge: select 02, the merge tool, a click on its neighbour 05.
    await settle(page, () => clickAt(page, inside(A)));
    await expect.poll(() => page.getByTestId('grid-code').innerText(), { timeout: 30_000 }).toBe(A);
    await settle(page, () => page.getByTestId('tool-merge-grid').click());
    await settle(page, () => clickAt(page, inside(B)));
    await expect.poll(() => steps(page), { timeout: 30_000 }).toContain(`本方案 ${grids.features.length - 1} 个网格；本次改动 1 步`);
    expect(await page.getByTestId('grid-code').innerText()).toBe(A);
    const hh = Number(byCode.get(A)!.properties.households) + Number(byCode.get(B)!.properties.households);
    expect(await page.getByTestId('grid-stats-households').innerText()).toBe(hh.toLocaleString('zh-CN'));
    assertNotBlank(await snap(page, 'grid-ops-1-merged'));

    // Split the merged grid along a line drawn across it (west to east through an inner point,
    // ending outside it on both sides); the last point clicked again ends the line.
    let merged = (await exported(page)).get(A)!;
    const [mw, , me] = bbox(merged as never);
    const y = (pointOnFeature(merged as never).geometry.coordinates as LngLat)[1];
    const line: LngLat[] = [[mw - 0.0008, y], [me + 0.0008, y]];
    await settle(page, () => page.getByTestId('tool-split-grid').click());
    await clickAt(page, line[0]);
    await clickAt(page, line[1]);
    await settle(page, () => clickAt(page, line[1]));
    await expect.poll(() => steps(page), { timeout: 30_000 }).toContain(`本方案 ${grids.features.length} 个网格；本次改动 2 步`);
    let layout = await exported(page);
    expect(layout.has(NEXT), `the split's new grid ${NEXT}`).toBe(true);
    expect(layout.has(B)).toBe(false);
    // The two parts share the cut and add up to the merged grid's households.
    expect(Number(layout.get(A)!.properties.households) + Number(layout.get(NEXT)!.properties.households)).toBeCloseTo(hh, -1);
    assertNotBlank(await snap(page, 'grid-ops-2-split'));

    // Drag the vertex 01 and 06 share (snapping off, so it lands where dropped): both grids move, one step.
    await page.getByTestId('grid-snap-px').fill('0');
    await settle(page, () => clickAt(page, inside(C)));
    await expect.poll(() => page.getByTestId('grid-code').innerText(), { timeout: 30_000 }).toBe(C);
    const from = await pagePoint(page, vertex);
    const towards = await pagePoint(page, inside(C));
    const len = Math.hypot(towards.x - from.x, towards.y - from.y);
    const to = { x: from.x + ((towards.x - from.x) / len) * 30, y: from.y + ((towards.y - from.y) / len) * 30 };
    await settle(page, async () => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6);
      await page.mouse.up();
    });
    await expect.poll(() => steps(page), { timeout: 30_000 }).toContain('本次改动 3 步');
    layout = await exported(page);
    const moved = [...vertices(layout.get(C)!)].filter((v) => !vertices(byCode.get(C)!).has(v));
    expect(moved.length, 'one new vertex in 01').toBe(1);
    expect(vertices(layout.get(D)!).has(moved[0]), 'the same new vertex in 06').toBe(true);
    expect(vertices(layout.get(C)!).has(shared[0])).toBe(false);
    expect(vertices(layout.get(D)!).has(shared[0])).toBe(false);
    assertNotBlank(await snap(page, 'grid-ops-3-vertex-dragged'));

    // One undo puts the vertex back in both grids; redo moves it in both again.
    await settle(page, () => page.getByTestId('grid-undo').click());
    expect(await steps(page)).toContain('本次改动 2 步');
    layout = await exported(page);
    expect(vertices(layout.get(C)!).has(shared[0]) && vertices(layout.get(D)!).has(shared[0])).toBe(true);
    await settle(page, () => page.getByTestId('grid-redo').click());
    expect(await steps(page)).toContain('本次改动 3 步');
    layout = await exported(page);
    expect(vertices(layout.get(C)!).has(moved[0]) && vertices(layout.get(D)!).has(moved[0])).toBe(true);

    // Two named versions compared on the map: 07 added, 05 removed, 02, 01 and 06 changed.
    await saveVersion(page, '调整后');
    const ids = await page.getByTestId('grid-version').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-id')])));
    await page.getByTestId('grid-compare-a').selectOption(ids['调整前']!);
    await page.getByTestId('grid-compare-b').selectOption(ids['调整后']!);
    await settle(page, () => page.getByTestId('grid-compare-run').click());
    const cmp = page.getByTestId('grid-compare');
    expect([await cmp.getAttribute('data-added'), await cmp.getAttribute('data-removed'), await cmp.getAttribute('data-changed')]).toEqual(['1', '1', '3']);
    const drawn = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    expect(drawn['grid-edit-removed']).toBe(1);
    expect(drawn['grid-edit']).toBe(grids.features.length);
    merged = layout.get(A)!;
    expect(merged).toBeTruthy();
    assertNotBlank(await snap(page, 'grid-ops-4-compare'));
    // A ceiling, not a timing: ~2 min on an idle 2-core machine, several times that when it is shared.
  }, 900_000);
});
