// 2. Each layer toggle: turning the layer off changes the map noticeably and hides its legend;
//    turning it back on restores the picture and the legend. Screenshots per layer and state,
//    plus a diff picture (changed pixels in red).
import { describe, expect, test } from 'vitest';
import { diffImages, encodePng } from './pixels';
import { assertNotBlank, describeStats, settle, snap, useSession, writeArtifact } from './harness';

const session = useSession('layers');

/**
 * Least share of the map's pixels that must change when a layer is switched off, in the
 * default view. Grids cover the county with filled cells; the others are points or small
 * cells, but still visible at the default zoom.
 */
const MIN_CHANGE: Record<string, number> = {
  grids: 0.02,
  cameras: 0.002,
  incidents: 0.002,
  hotspots: 0.002,
};

describe('layer toggles', () => {
  for (const layer of ['grids', 'cameras', 'incidents', 'hotspots']) {
    test(`toggling ${layer} off changes the map and hides its legend; on restores both`, async () => {
      const { page } = session();
      const toggle = page.getByTestId(`layer-toggle-${layer}`);
      const legend = page.getByTestId(`legend-${layer}`);
      await expect.poll(() => toggle.count(), { message: `no [data-testid="layer-toggle-${layer}"]` }).toBe(1);
      const initiallyOn = await toggle.isChecked();
      if (!initiallyOn) await settle(page, () => toggle.check());

      expect(await legend.isVisible(), `legend-${layer} visible while the layer is on`).toBe(true);
      const on = await snap(page, `layer-${layer}-1-on`);
      assertNotBlank(on);

      const sawBusyOff = await settle(page, () => toggle.uncheck());
      expect(await toggle.isChecked()).toBe(false);
      const off = await snap(page, `layer-${layer}-2-off`);
      expect(await legend.isVisible(), `legend-${layer} hidden while the layer is off`).toBe(false);

      const offDiff = diffImages(on.map, off.map);
      writeArtifact(`layer-${layer}-2-off-diff.png`, encodePng(offDiff.image));

      await settle(page, () => toggle.check());
      expect(await toggle.isChecked()).toBe(true);
      const back = await snap(page, `layer-${layer}-3-on-again`);
      expect(await legend.isVisible(), `legend-${layer} visible again`).toBe(true);
      const backDiff = diffImages(on.map, back.map);
      writeArtifact(`layer-${layer}-3-on-again-diff.png`, encodePng(backDiff.image));

      console.log(
        `${layer}: initially ${initiallyOn ? 'on' : 'off'}; off changes ${(offDiff.changedShare * 100).toFixed(2)} % ` +
          `of the map (busy seen: ${sawBusyOff}); on again differs ${(backDiff.changedShare * 100).toFixed(2)} % ` +
          `from before; on: ${describeStats(on.stats)}; off: ${describeStats(off.stats)}`,
      );
      expect(offDiff.changedShare, `share of map pixels changed by turning ${layer} off`).toBeGreaterThanOrEqual(
        MIN_CHANGE[layer],
      );
      expect(backDiff.changedShare, `turning ${layer} on again should restore the picture`).toBeLessThan(
        Math.max(0.002, offDiff.changedShare / 5),
      );

      if (!initiallyOn) await settle(page, () => toggle.uncheck());
    });
  }
});
