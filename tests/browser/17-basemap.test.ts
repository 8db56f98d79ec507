// 17. Intranet basemap: config.json beside the app names a .pmtiles archive (read by range
//     requests from this origin), an .mbtiles file (read whole by sql.js) or a MapLibre style; a
//     style on an origin config.json does not allow is refused with a notice; a .pmtiles/.mbtiles
//     file picked in the import dialog becomes the basemap and comes back after a reload. Every
//     case: the basemap’s own colours are on screen (the Protomaps light flavour's land, or the
//     style's background), and no request leaves the origin (the harness fails any that does).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { PNG } from 'pngjs';
import { assertNotBlank, baseUrl, jumpTo, settle, snap, useSession, waitIdle } from './harness';

const session = useSession('basemap');
const FIX = 'tests/fixtures/basemap';
/** The Protomaps light flavour's land ("earth") and the fixture style's background. */
const EARTH: [number, number, number] = [0xe2, 0xdf, 0xda];
const STYLE_BG: [number, number, number] = [0xb7, 0xd7, 0xa8];
/** The dataset's own basemap: the county's fill. */
const DATASET_COUNTY: [number, number, number] = [0xf7, 0xf6, 0xf2];
const SEAT: [number, number] = [117.226685, 32.938875];

function share(png: PNG, rgb: [number, number, number], tol = 6): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - rgb[0]) <= tol && Math.abs(png.data[i + 1] - rgb[1]) <= tol && Math.abs(png.data[i + 2] - rgb[2]) <= tol) n++;
  }
  return n / (png.width * png.height);
}

const basemapKind = (page: Page) => page.evaluate(() => (window as unknown as { __oneMap: { basemap(): string } }).__oneMap.basemap());

/** Serves `config` as config.json (what the IT clerk writes), then opens the app with no overlays. */
async function openWithConfig(page: Page, config: unknown): Promise<void> {
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
  await page.goto(`${baseUrl()}?l=`, { waitUntil: 'load' });
  await waitIdle(page);
}

describe('intranet basemap', () => {
  test('with config.json naming no basemap (as shipped) the dataset’s own basemap is drawn', async () => {
    const { page } = session();
    expect(await basemapKind(page)).toBe('dataset');
  });

  test('config.json naming a .pmtiles draws its vector tiles (Protomaps schema) by range requests to this origin', async () => {
    const { page, requests } = session();
    const before = requests.length;
    await openWithConfig(page, { basemap: `${FIX}/demo-county.pmtiles` });
    expect(await basemapKind(page)).toBe('vector');
    const shot = await snap(page, 'basemap-pmtiles-county');
    assertNotBlank(shot);
    const earth = share(shot.map, EARTH);
    console.log(`pmtiles basemap: land ${(earth * 100).toFixed(1)} %, dataset county fill ${(share(shot.map, DATASET_COUNTY) * 100).toFixed(1)} %`);
    expect(earth).toBeGreaterThan(0.2);
    expect(share(shot.map, DATASET_COUNTY)).toBeLessThan(0.01);
    const archive = requests.slice(before).filter((r) => r.url.endsWith('demo-county.pmtiles'));
    expect(archive.length).toBeGreaterThan(1); // the header, then directory and tile ranges
    expect(archive.every((r) => r.sameOrigin)).toBe(true);
    // Street level: the streets are the archive's (overzoomed past its z13), white on its land.
    await jumpTo(page, SEAT, 14.5);
    const street = await snap(page, 'basemap-pmtiles-street');
    const roads = share(street.map, [255, 255, 255], 3);
    console.log(`pmtiles street level: land ${(share(street.map, EARTH) * 100).toFixed(1)} %, streets ${(roads * 100).toFixed(1)} %`);
    expect(share(street.map, EARTH)).toBeGreaterThan(0.3);
    expect(roads).toBeGreaterThan(0.01);
    expect(requests.slice(before).every((r) => r.sameOrigin)).toBe(true);
  });

  test('an intranet style named in config.json is drawn under the county outlines', async () => {
    const { page } = session();
    await openWithConfig(page, { basemap: `${FIX}/style.json` });
    expect(await basemapKind(page)).toBe('style');
    const shot = await snap(page, 'basemap-style');
    expect(share(shot.map, STYLE_BG)).toBeGreaterThan(0.3);
  });

  test('a style on an origin config.json does not allow is refused and said; a local .mbtiles then picked is drawn, kept across a reload, and can be dropped', async () => {
    const { page, requests } = session();
    const before = requests.length;
    await openWithConfig(page, { basemap: 'http://tiles.county.internal/styles/basic.json' });
    expect(await basemapKind(page)).toBe('dataset');
    const notice = page.getByTestId('basemap-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain('basemapOrigins');
    expect(requests.slice(before).some((r) => r.url.includes('tiles.county.internal'))).toBe(false);
    await snap(page, 'basemap-refused');

    // The .mbtiles is read by sql.js, whose WebAssembly the app serves itself.
    await page.getByTestId('import-button').click();
    await settle(page, () => page.getByTestId('basemap-file').setInputFiles(`${FIX}/demo-county.mbtiles`));
    await waitIdle(page);
    expect(await basemapKind(page)).toBe('vector');
    expect(requests.slice(before).some((r) => r.url.endsWith('.wasm') && r.sameOrigin)).toBe(true);
    const shot = await snap(page, 'basemap-local-mbtiles');
    assertNotBlank(shot);
    expect(share(shot.map, EARTH)).toBeGreaterThan(0.2);
    // Kept in this browser (IndexedDB): a reload draws it again.
    await page.reload({ waitUntil: 'load' });
    await waitIdle(page);
    expect(await basemapKind(page)).toBe('vector');
    const again = await snap(page, 'basemap-local-mbtiles-reloaded');
    expect(share(again.map, EARTH)).toBeGreaterThan(0.2);
    await page.getByTestId('import-button').click();
    expect(await page.getByTestId('basemap-current').innerText()).toContain('demo-county.mbtiles');
    await settle(page, () => page.getByTestId('basemap-clear').click());
    expect(await basemapKind(page)).toBe('dataset');
  }, 600_000);

  test('a file that is not a tile archive is refused with a reason and the basemap stays', async () => {
    const { page } = session();
    await page.getByTestId('basemap-file').setInputFiles({ name: 'broken.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a PMTiles archive at all') });
    const notice = page.getByTestId('basemap-notice');
    await notice.getByText('broken.pmtiles').waitFor({ state: 'visible' });
    console.log(`refused file: ${await notice.innerText()}`);
    await waitIdle(page);
    expect(await basemapKind(page)).toBe('dataset');
    // Not kept: the dialog says the dataset's own basemap is in use, with nothing to drop.
    await page.getByTestId('import-button').click();
    expect(await page.getByTestId('basemap-current').innerText()).not.toContain('broken.pmtiles');
    expect(await page.getByTestId('basemap-clear').count()).toBe(0);
    await page.getByTestId('import-close').click();
  });
});
