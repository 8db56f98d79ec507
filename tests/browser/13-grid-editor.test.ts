// 13. The grid editor driven with the mouse: a village's grid deleted and drawn again by
//    clicking its corners (snapping makes them exact, so the gap closes with no overlap) and
//    closed on its first corner; its figures in grid-stats, camera coverage and blind spots
//    included (drawn on the map); a second grid overlapping existing ones listed in grid-issues;
//    undo; a reload keeps the redrawn grid; export-grids downloads valid GeoJSON holding it, and
//    export-grids-shp a Shapefile zip holding it with its Chinese name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import shp from 'shpjs';
import { assertNotBlank, pagePoint, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('grid-editor');
type LngLat = [number, number];
type Hooked = { __oneMap: { jumpTo(t: { center: LngLat; zoom: number }): void; layerCounts(): Record<string, number> } };
type GridFeature = { geometry: { type: 'Polygon'; coordinates: LngLat[][] }; properties: Record<string, string | number> };
const grids: { features: GridFeature[] } = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/grids.geojson'), 'utf8'));
// A rural grid (a whole village) whose corners lie at least 50 m apart: about 10 px apart at zoom 13.6.
const CODE = '349901-013-013-01';
const NEW_CODE = '349901-013-013-02';
const target = grids.features.find((f) => f.properties.code === CODE);

async function clickAt(page: Page, p: LngLat): Promise<void> {
  const xy = await pagePoint(page, p);
  await page.mouse.move(xy.x, xy.y);
  await page.mouse.click(xy.x, xy.y);
}
const issueCount = async (page: Page) => {
  const list = page.getByTestId('grid-issues');
  await expect.poll(() => list.getAttribute('data-checking'), { timeout: 60_000 }).toBe('false');
  return Number(await list.getAttribute('data-count'));
};
const summary = (page: Page) => page.getByTestId('grid-summary').innerText();

describe('grid editor', () => {
  test('delete a grid, redraw it by its corners, an overlapping one flagged, undo, reload, export', async () => {
    if (!target) throw new Error(`the demo has no grid ${CODE} (data/demo/grids.geojson changed?)`);
    const { page } = session();
    const ring = target.geometry.coordinates[0];
    const inside = pointOnFeature(target as never).geometry.coordinates as LngLat;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const centre: LngLat = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    // Software WebGL draws a frame a second under the incident hexagons, and every click waits for
    // one: the overlays the editor does not need are switched off.
    for (const id of ['incidents', 'cameras', 'hotspots']) await settle(page, () => page.getByTestId(`layer-toggle-${id}`).uncheck());
    await settle(page, () => page.evaluate((c) => (window as unknown as Hooked).__oneMap.jumpTo({ center: c, zoom: 13.6 }), centre));
    const box = (await page.getByTestId('map').boundingBox())!;
    for (const p of ring) {
      const xy = await pagePoint(page, p);
      expect(xy.x > box.x && xy.x < box.x + box.width && xy.y > box.y && xy.y < box.y + box.height, `corner ${p} on the map`).toBe(true);
    }

    // The app's code names no outside host for terra-draw's marker image (replaced at build).
    const code = await page.evaluate(async () => (await Promise.all([...document.querySelectorAll<HTMLScriptElement>('script[src]')].map(async (s) => (await fetch(s.src)).text()))).join('\n'));
    expect(code).toContain('TerraDraw');
    expect(code).not.toContain('raw.githubusercontent.com');

    // Open the editor and select the grid by clicking it.
    await settle(page, () => page.getByTestId('grid-editor-open').click());
    await settle(page, () => clickAt(page, inside));
    await expect.poll(() => page.getByTestId('grid-code').innerText(), { timeout: 30_000 }).toBe(CODE);
    const stats = page.getByTestId('grid-stats');
    expect(await stats.innerText()).toContain(String(target.properties.households));
    await snap(page, 'grid-editor-1-selected');

    // Delete it: the village is left empty, a gap.
    await settle(page, () => page.getByTestId('grid-delete').click());
    expect(await issueCount(page)).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('grid-issues').locator('li').first().getAttribute('data-kind')).toBe('gap');

    // Draw it again: click every corner, then the first one again to close it.
    await settle(page, () => page.getByTestId('tool-draw-grid').click());
    for (const p of ring.slice(0, -1)) await clickAt(page, p);
    await settle(page, () => clickAt(page, ring[0]));
    await expect.poll(() => page.getByTestId('grid-code').innerText(), { timeout: 30_000 }).toBe(NEW_CODE);
    await expect.poll(() => stats.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    const text = await stats.innerText();
    console.log(`figures of the redrawn grid:\n${text}`);
    // Households pro-rated by area from the grid it replaces: all of it.
    expect(await page.getByTestId('grid-stats-households').innerText()).toBe(Number(target.properties.households).toLocaleString('zh-CN'));
    expect(text).toContain(CODE);
    expect(Number((await page.getByTestId('grid-stats-incidents').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('grid-stats-area').innerText()).toMatch(/km²/);
    // Camera coverage inside it: shares of the same incidents, and its blind cells drawn on the map.
    const coverage = page.getByTestId('grid-stats-coverage');
    const covTotal = Number(await coverage.getAttribute('data-total'));
    const covered = Number(await coverage.getAttribute('data-covered'));
    expect(covTotal).toBe(Number((await page.getByTestId('grid-stats-incidents').innerText()).replace(/[^\d]/g, '')));
    expect(covered).toBeLessThanOrEqual(covTotal);
    expect(await coverage.innerText()).toMatch(/%/);
    expect(await page.getByTestId('grid-stats-coverage-area').innerText()).toMatch(/%/);
    const blind = page.getByTestId('grid-stats-blind');
    expect(Number(await blind.getAttribute('data-incidents'))).toBe(covTotal - covered);
    const blindCells = Number(await blind.getAttribute('data-cells'));
    expect(blindCells).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => (window as unknown as Hooked).__oneMap.layerCounts());
    expect(drawn['grid-edit-blind']).toBe(blindCells);
    // Snapped corners: the redrawn grid fills its village exactly — no gap, no overlap.
    expect(await issueCount(page)).toBe(0);
    assertNotBlank(await snap(page, 'grid-editor-2-redrawn'));

    // A second grid across the first one's corner overlaps it and its neighbours.
    const [x0, y0] = ring[0];
    const d = 0.004;
    await settle(page, () => page.getByTestId('tool-draw-grid').click());
    const tri: LngLat[] = [[x0 - d, y0 - d], [x0 + d, y0 - d], [x0, y0 + d]];
    for (const p of tri) await clickAt(page, p);
    await settle(page, () => clickAt(page, tri[0]));
    expect(await issueCount(page)).toBeGreaterThanOrEqual(1);
    const kinds = await page.getByTestId('grid-issues').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    console.log(`issues of the overlapping grid: ${kinds.join(', ')}`);
    expect(kinds).toContain('overlap');
    expect(await page.getByTestId('grid-issues').innerText()).toMatch(/重叠 [\d,]+ m²/);
    await settle(page, () => page.getByTestId('grid-issues').locator('li[data-kind="overlap"] button').first().click());
    assertNotBlank(await snap(page, 'grid-editor-3-overlap'));

    // Undo removes it: no issue left.
    await settle(page, () => page.getByTestId('grid-undo').click());
    expect(await issueCount(page)).toBe(0);
    expect(await summary(page)).toContain('本次改动 2 步');

    // A reload keeps the session: the redrawn grid is still there.
    await page.reload();
    await waitIdle(page);
    await settle(page, () => page.getByTestId('grid-editor-open').click());
    await expect.poll(() => summary(page), { timeout: 30_000 }).toContain('本次改动 2 步');
    // The link kept the camera of the overlap flown to; back to the village.
    await settle(page, () => page.evaluate((c) => (window as unknown as Hooked).__oneMap.jumpTo({ center: c, zoom: 13.6 }), centre));
    await settle(page, () => clickAt(page, inside));
    await expect.poll(() => page.getByTestId('grid-code').innerText(), { timeout: 30_000 }).toBe(NEW_CODE);
    assertNotBlank(await snap(page, 'grid-editor-4-after-reload'));

    // Export downloads the layout at once, as GeoJSON holding the redrawn grid with its corners.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-grids').click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.type).toBe('FeatureCollection');
    expect(file.features.length).toBe(grids.features.length);
    for (const f of file.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    const kept = file.features.find((f: GridFeature) => f.properties.code === NEW_CODE) as GridFeature;
    expect(kept, `${NEW_CODE} in the export`).toBeTruthy();
    expect(file.features.some((f: GridFeature) => f.properties.code === CODE)).toBe(false);
    expect(new Set(kept.geometry.coordinates[0].map((p) => p.join()))).toEqual(new Set(ring.map((p) => p.join())));
    expect(kept.properties).toMatchObject({ villageId: target.properties.villageId, households: target.properties.households, figures: 'prorated' });

    // The Shapefile zip beside it: the same grids, Chinese names intact (UTF-8 .dbf, .cpg), read back by shpjs.
    const [zipped] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-grids-shp').click()]);
    expect(zipped.suggestedFilename()).toMatch(/\.zip$/);
    const shpFc = (await shp(readFileSync((await zipped.path())!))) as { features: GridFeature[] };
    expect(shpFc.features.length).toBe(file.features.length);
    const keptShp = shpFc.features.find((f) => f.properties.code === NEW_CODE)!;
    expect(keptShp.properties.name).toBe(kept.properties.name);
    expect(String(keptShp.properties.name)).toMatch(/网格/);
    expect(keptShp.properties.households).toBe(target.properties.households);
    // A ceiling, not a timing: ~2 min on an idle 2-core machine, several times that when it is shared.
  }, 900_000);
});
