// 2. Each layer toggle: turning the layer off changes the map noticeably and hides its legend;
//    turning it back on restores the picture and the legend. Screenshots per view, layer and
//    state, plus diff pictures (changed pixels in red).
import { beforeAll, describe, expect, test } from 'vitest';
import { diffImages, encodePng } from './pixels';
import {
  assertNotBlank,
  describeStats,
  jumpTo,
  manifest,
  settle,
  snap,
  useSession,
  writeArtifact,
} from './harness';

const session = useSession('layers');

type Layer = 'grids' | 'cameras' | 'incidents' | 'hotspots';

/**
 * Each toggle is checked in two views: the default county view and the county town at
 * zoom 14, where every layer is dense. `minChange` is the least share of the map's pixels
 * that must change when the layer goes off (measured values are about three times higher;
 * an unchanged picture differs by 0 %). Hotspots are small areas, a few hundred pixels in
 * the county view; the town view is where they must show clearly.
 */
const VIEWS: Array<{ id: string; label: string; zoom: number | null; minChange: Record<Layer, number> }> = [
  {
    id: 'county',
    label: 'default county view',
    zoom: null,
    minChange: { grids: 0.015, cameras: 0.002, incidents: 0.1, hotspots: 0.0002 },
  },
  {
    id: 'town',
    label: 'county town at zoom 14',
    zoom: 14,
    minChange: { grids: 0.025, cameras: 0.01, incidents: 0.15, hotspots: 0.015 },
  },
];

for (const view of VIEWS) {
  describe(`layer toggles, ${view.label}`, () => {
    beforeAll(async () => {
      if (view.zoom === null) return;
      const { page } = session();
      const m = await manifest(page);
      await jumpTo(page, m.center, view.zoom);
    });

    for (const layer of ['grids', 'cameras', 'incidents', 'hotspots'] as const) {
      test(`toggling ${layer} off changes the map and hides its legend; on restores both`, async () => {
        const { page } = session();
        const name = `layer-${view.id}-${layer}`;
        const toggle = page.getByTestId(`layer-toggle-${layer}`);
        const legend = page.getByTestId(`legend-${layer}`);
        expect(await toggle.count(), `[data-testid="layer-toggle-${layer}"] elements`).toBe(1);
        const initiallyOn = await toggle.isChecked();
        if (!initiallyOn) await settle(page, () => toggle.check());

        expect(await legend.isVisible(), `legend-${layer} visible while the layer is on`).toBe(true);
        const on = await snap(page, `${name}-1-on`);
        assertNotBlank(on);

        const sawBusyOff = await settle(page, () => toggle.uncheck());
        expect(await toggle.isChecked()).toBe(false);
        const off = await snap(page, `${name}-2-off`);
        expect(await legend.isVisible(), `legend-${layer} hidden while the layer is off`).toBe(false);
        const offDiff = diffImages(on.map, off.map);
        writeArtifact(`${name}-2-off-diff.png`, encodePng(offDiff.image));

        await settle(page, () => toggle.check());
        expect(await toggle.isChecked()).toBe(true);
        const back = await snap(page, `${name}-3-on-again`);
        expect(await legend.isVisible(), `legend-${layer} visible again`).toBe(true);
        const backDiff = diffImages(on.map, back.map);
        writeArtifact(`${name}-3-on-again-diff.png`, encodePng(backDiff.image));

        console.log(
          `${view.id}/${layer}: initially ${initiallyOn ? 'on' : 'off'}; off changes ${pct(offDiff.changedShare)} ` +
            `of the map (busy seen: ${sawBusyOff}); on again differs ${pct(backDiff.changedShare)} from before; ` +
            `on: ${describeStats(on.stats)}; off: ${describeStats(off.stats)}`,
        );
        expect(offDiff.changedShare, `share of map pixels changed by turning ${layer} off`).toBeGreaterThanOrEqual(
          view.minChange[layer],
        );
        expect(backDiff.changedShare, `turning ${layer} on again should restore the picture`).toBeLessThan(
          Math.max(0.002, offDiff.changedShare / 5),
        );

        if (!initiallyOn) await settle(page, () => toggle.uncheck());
      });
    }
  });
}

function pct(share: number): string {
  return `${(share * 100).toFixed(2)} %`;
}
