// 4. Zoomed into the county town (manifest.center, zoom 14), where grids, cameras and incidents
//    are dense: hovering a feature shows the tooltip, clicking it opens the detail panel.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { assertNotBlank, describeStats, jumpTo, manifest, pagePoint, snap, useSession } from './harness';

const session = useSession('interaction');

/** The centre, then rings of points around it: the first place where a feature is hovered wins. */
function candidates(cx: number, cy: number): Array<{ x: number; y: number }> {
  const points = [{ x: cx, y: cy }];
  for (const r of [24, 48, 96]) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      points.push({ x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) });
    }
  }
  return points;
}

async function tooltipVisibleWithin(page: Page, ms: number): Promise<boolean> {
  try {
    await page.getByTestId('tooltip').waitFor({ state: 'visible', timeout: ms });
    return true;
  } catch {
    return false;
  }
}

describe('hover and click on features in the county town', () => {
  let hit: { x: number; y: number } | undefined;

  test('zooms into the county town and draws it', async () => {
    const { page } = session();
    const m = await manifest(page);
    await jumpTo(page, m.center, 14);
    const shot = await snap(page, 'county-town-z14');
    console.log(`county town at z14 (${m.center.join(', ')}): ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
  });

  test('hovering a feature shows the tooltip', async () => {
    const { page } = session();
    const m = await manifest(page);
    const centre = await pagePoint(page, m.center);
    const box = await page.getByTestId('map').boundingBox();
    expect(box).not.toBeNull();
    const tried: string[] = [];
    for (const p of candidates(centre.x, centre.y)) {
      if (!box || p.x < box.x + 5 || p.y < box.y + 5 || p.x > box.x + box.width - 5 || p.y > box.y + box.height - 5) continue;
      // Arrive from a few pixels away so the map sees a real pointer move.
      await page.mouse.move(p.x - 3, p.y - 3);
      await page.mouse.move(p.x, p.y, { steps: 3 });
      tried.push(`${p.x},${p.y}`);
      if (await tooltipVisibleWithin(page, tried.length === 1 ? 8_000 : 2_500)) {
        hit = p;
        break;
      }
    }
    expect(hit, `no tooltip after hovering ${tried.length} points around the county town: ${tried.join(' ')}`).toBeDefined();
    const text = (await page.getByTestId('tooltip').innerText()).trim();
    console.log(`tooltip at ${hit?.x},${hit?.y}: ${JSON.stringify(text)}`);
    expect(text.length, 'tooltip text').toBeGreaterThan(0);
    await snap(page, 'hover-tooltip');
  });

  test('clicking the hovered feature opens the detail panel with its details', async () => {
    const { page } = session();
    expect(hit, 'needs the feature found by the hover test').toBeDefined();
    if (!hit) return;
    await page.mouse.click(hit.x, hit.y);
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await panel.innerText()).trim();
    console.log(`detail panel: ${JSON.stringify(text.slice(0, 400))}`);
    expect(text.replace(/\s+/g, '').length, 'detail panel text').toBeGreaterThan(3);
    await snap(page, 'detail-panel');
  });
});
