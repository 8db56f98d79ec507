// 6. Render tests: the tiny fixed dataset (tests/fixtures/render-dataset, served only by the test
//    build) drawn one overlay at a time — grids, camera sectors, incident hexagons, heatmap,
//    listed hotspots, and the labels alone — each at a fixed view, compared with its expected PNG
//    in tests/render/expected/ within the tolerance stated in tests/render/compare.ts. Each
//    picture must also be non-blank, and turning its overlay off must change it visibly, so an
//    expectation of an empty map cannot pass. Regenerate: tests/render/README.md.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PNG } from 'pngjs';
import { decodePng, diffImages, encodePng, imageStats, NOT_BLANK, type ImageStats } from './pixels';
import {
  ARTIFACTS,
  baseUrl,
  describeStats,
  formatProblems,
  jumpTo,
  launchSession,
  manifest,
  settle,
  slug,
  waitIdle,
  writeArtifact,
  type LngLat,
  type Session,
} from './harness';
import { compareWithExpected, TOLERANCE, UPDATE } from '../render/compare';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE = 'tests/fixtures/render-dataset/';
const FIXTURE_NAME = '渲染测试县（合成数据）';
/**
 * The pictures are this part of the map, centred on the map element (and so on the view's
 * centre): a fixed size keeps the expectations valid when a panel beside the map changes size.
 */
const CLIP = { width: 720, height: 420 };
/** Bandwidth of the heatmap's kernel density, metres. */
const HEAT_BANDWIDTH_M = 200;
const OVERLAYS = ['grids', 'cameras', 'incidents', 'hotspots', 'gistar'] as const;
type Overlay = (typeof OVERLAYS)[number];

/** Metres east/north of the fixture's centre → [lng, lat] (as tests/render/make-fixture.ts lays it out). */
function at(center: LngLat, east: number, north: number): LngLat {
  const lat0 = (center[1] * Math.PI) / 180;
  return [center[0] + east / (111_320 * Math.cos(lat0)), center[1] + north / 110_574];
}

interface View {
  name: string;
  what: string;
  /** Offset of the view's centre from the fixture's centre, metres east and north. */
  offset: [number, number];
  zoom: number;
  overlay: Overlay | null;
  mode?: 'hex' | 'heat';
  /** Least share of the picture that must change when the overlay is turned off. */
  minOverlayShare: number;
}

/**
 * Zoom 14 shows every place and grid name (14.7 frames all three hotspots); 16 shows the cameras' fields of view (from 15); 13.5
 * gives hexagons about 24 px wide (resolution 10) over the whole county.
 */
const VIEWS: View[] = [
  { name: 'labels', what: 'place names only (every overlay off)', offset: [0, 0], zoom: 14, overlay: null, minOverlayShare: 0 },
  { name: 'grids', what: 'grid outlines and grid names', offset: [0, 0], zoom: 14, overlay: 'grids', minOverlayShare: 0.01 },
  { name: 'hotspots', what: 'listed hotspots by state (overdue, listed, delisted) and their names', offset: [350, 80], zoom: 14.7, overlay: 'hotspots', minOverlayShare: 0.03 },
  { name: 'cameras', what: 'camera symbols by kind and status, fields of view as sectors', offset: [-250, 100], zoom: 16, overlay: 'cameras', minOverlayShare: 0.03 },
  { name: 'incidents', what: 'incident hexagons coloured by count', offset: [0, 0], zoom: 13.5, overlay: 'incidents', mode: 'hex', minOverlayShare: 0.03 },
  { name: 'heatmap', what: 'incident heatmap (kernel density, 200 m bandwidth)', offset: [0, 0], zoom: 13.5, overlay: 'incidents', mode: 'heat', minOverlayShare: 0.05 },
];

/**
 * pixels.ts's NOT_BLANK, except that one colour may cover up to 80 % of a picture: the fixture's
 * county is mostly open land (its demo-scale 60 % limit would need a built-up county), and the
 * "overlay off" check below is what proves each overlay is drawn.
 */
const MAX_DOMINANT_SHARE = 0.8;
function blankness(s: ImageStats): string[] {
  const problems: string[] = [];
  if (s.distinctColours < NOT_BLANK.minDistinctColours) problems.push(`only ${s.distinctColours} distinct colours`);
  if (s.dominantShare > MAX_DOMINANT_SHARE) problems.push(`one colour covers ${(s.dominantShare * 100).toFixed(1)} %`);
  if (s.luminanceStdDev < NOT_BLANK.minLuminanceStdDev) problems.push(`luminance std-dev ${s.luminanceStdDev.toFixed(1)}`);
  return problems;
}

/**
 * A pixel counts as drawn by the overlay when a channel moved by more than this (0–255): low
 * enough to see the translucent fill of a camera's field of view (alpha 20 of 255).
 */
const OFF_CHANNEL_THRESHOLD = 16;

let session: Session | undefined;
const current = (): Session => {
  if (!session) throw new Error('browser session not started (beforeAll failed)');
  return session;
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  session = await launchSession();
  const { page } = session;
  await page.goto(`${baseUrl()}/?data=${FIXTURE}`, { waitUntil: 'load', timeout: 60_000 });
  await waitIdle(page);
});
afterEach(async (ctx) => {
  if (!session) return;
  const problems = session.problems.splice(0);
  if (ctx.task.result?.state === 'fail' || problems.length > 0) {
    await session.page.screenshot({ path: join(ARTIFACTS, `FAILED-render-${slug(ctx.task.name)}.png`), timeout: 60_000 }).catch(() => undefined);
  }
  if (problems.length > 0) throw new Error(`${problems.length} console/page/network error(s) during "${ctx.task.name}":\n${formatProblems(problems)}`);
});
afterAll(async () => {
  await session?.close();
});

/** Shows exactly `overlay` (none for null), with the incident mode given, in one settle. */
async function showOnly(page: Page, overlay: Overlay | null, mode?: 'hex' | 'heat'): Promise<void> {
  await settle(page, async () => {
    for (const id of OVERLAYS) {
      const toggle = page.getByTestId(`layer-toggle-${id}`);
      const want = id === overlay;
      if ((await toggle.isChecked()) !== want) await toggle.setChecked(want);
    }
    const choose = async (testId: string) => {
      const button = page.getByTestId(testId);
      if ((await button.getAttribute('aria-checked')) !== 'true') await button.click();
    };
    if (mode) await choose(`incident-mode-${mode}`);
    // The kernel density's bandwidth is fixed here (the default), whatever was chosen before.
    if (mode === 'heat') await choose(`heat-bandwidth-${HEAT_BANDWIDTH_M}`);
  });
}

/** The map's central CLIP-sized part, as a PNG. */
async function mapClip(page: Page): Promise<PNG> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map element is not visible');
  if (box.width < CLIP.width || box.height < CLIP.height) {
    throw new Error(`the map element is ${box.width}×${box.height}, smaller than the ${CLIP.width}×${CLIP.height} render clip`);
  }
  const clip = {
    x: Math.round(box.x + (box.width - CLIP.width) / 2),
    y: Math.round(box.y + (box.height - CLIP.height) / 2),
    ...CLIP,
  };
  return decodePng(await page.screenshot({ clip, timeout: 120_000 }));
}

describe('render tests on the fixed fixture', () => {
  test('the app loads the render fixture, not the demo', async () => {
    const m = await manifest(current().page);
    expect(m.name).toBe(FIXTURE_NAME);
    expect(m.synthetic).toBe(true);
  });

  for (const view of VIEWS) {
    test(`${view.name}: ${view.what} match tests/render/expected/${view.name}.png`, async () => {
      const { page } = current();
      const m = await manifest(page);
      await showOnly(page, view.overlay, view.mode);
      await jumpTo(page, at(m.center, ...view.offset), view.zoom);
      const zoom = await page.evaluate(() => (window as unknown as { __oneMap: { getZoom(): number } }).__oneMap.getZoom());
      expect(zoom).toBeCloseTo(view.zoom, 6);

      const actual = await mapClip(page);
      writeArtifact(`render-${view.name}.png`, encodePng(actual));
      const result = compareWithExpected(view.name, actual);
      if (result.diff) writeArtifact(`render-${view.name}-diff.png`, encodePng(result.diff));
      const stats = imageStats(result.expected);
      console.log(
        `render ${view.name}: ${result.outcome}, ${result.differing} px (${(result.share * 100).toFixed(3)} %) differ ` +
          `(allowed ${(TOLERANCE.maxDifferingShare * 100).toFixed(1)} % at threshold ${TOLERANCE.threshold}); expected: ${describeStats(stats)}`,
      );
      expect(blankness(stats), `${result.expectedFile} looks blank`).toEqual([]);

      if (view.overlay) {
        // The overlay must be what makes the picture: without it, the same view changes visibly.
        await showOnly(page, null);
        const without = await mapClip(page);
        const off = diffImages(actual, without, OFF_CHANNEL_THRESHOLD);
        writeArtifact(`render-${view.name}-without-overlay.png`, encodePng(without));
        console.log(`render ${view.name}: turning ${view.overlay} off changes ${(off.changedShare * 100).toFixed(2)} % of the picture`);
        expect(off.changedShare, `share of the picture drawn by ${view.overlay}`).toBeGreaterThanOrEqual(view.minOverlayShare);
      }
      expect(
        result.share,
        UPDATE ? 'updating' : `share of pixels differing from ${result.expectedFile}; actual and diff in test-artifacts/render-${view.name}*.png`,
      ).toBeLessThanOrEqual(TOLERANCE.maxDifferingShare);
    });
  }
});
