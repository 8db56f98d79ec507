// 6. The heatmap is a kernel density surface in metres: switching to it draws a coloured surface
//    (not a blank or garbled map) with a legend in incidents per km²; zooming does not change it
//    (its legend, computed from the surface, stays the same); a wider bandwidth gives a smoother,
//    lower surface. Screenshots in test-artifacts/heat-*.png.
import { describe, expect, test } from 'vitest';
import { diffImages, encodePng } from './pixels';
import { assertNotBlank, jumpTo, manifest, settle, snap, useSession, writeArtifact } from './harness';

const session = useSession('heatmap');

describe('heatmap: kernel density in metres', () => {
  test('draws a surface in incidents per km², the same at every zoom, smoother with a wider bandwidth', async () => {
    const { page } = session();
    const legend = page.getByTestId('legend-density');
    const hex = await snap(page, 'heat-0-hexagons');

    await settle(page, () => page.getByTestId('incident-mode-heat').click());
    const heat = await snap(page, 'heat-1-county-200m');
    assertNotBlank(heat);
    const change = diffImages(hex.map, heat.map);
    writeArtifact('heat-1-county-200m-diff.png', encodePng(change.image));
    expect(change.changedShare, 'share of map pixels that differ between hexagons and the heatmap').toBeGreaterThan(0.02);
    expect(await legend.isVisible()).toBe(true);
    const legendAt200 = await page.getByTestId('legend-incidents').innerText();
    expect(legendAt200).toMatch(/km²/);
    expect(legendAt200).toMatch(/200/);

    // Zooming in neither recomputes nor reclassifies the surface: the legend stays as it was.
    const m = await manifest(page);
    await jumpTo(page, m.center, 14);
    const near = await snap(page, 'heat-2-town-zoom14-200m');
    assertNotBlank(near);
    expect(await page.getByTestId('legend-incidents').innerText()).toBe(legendAt200);

    await settle(page, () => page.getByTestId('heat-bandwidth-500').click());
    const wide = await snap(page, 'heat-3-town-zoom14-500m');
    assertNotBlank(wide);
    const legendAt500 = await page.getByTestId('legend-incidents').innerText();
    expect(legendAt500).toMatch(/500/);
    expect(legendAt500).not.toBe(legendAt200);
    expect(diffImages(near.map, wide.map).changedShare, 'a wider bandwidth changes the surface').toBeGreaterThan(0.02);

    await settle(page, () => page.getByTestId('heat-bandwidth-200').click());
    await settle(page, () => page.getByTestId('incident-mode-hex').click());
  });
});
