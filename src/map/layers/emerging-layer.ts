// Map layer factory: emerging hot spots — each cell's hot-spot trend over consecutive periods
// (new, intensifying, persistent, diminishing, sporadic). Cells never hot are not drawn.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { EmergingCategory, EmergingHotspotResult } from '../../analysis/emerging-hotspots';
import type { RGBA } from '../colors';

/**
 * Rising reds for what needs action (new in magenta so it is not mistaken for a level of red),
 * blue for diminishing, pale for on-and-off. Distinct in lightness as well as hue, so they
 * survive colour-blindness and a washed-out projector.
 */
export const EMERGING_COLORS: Record<EmergingCategory, RGBA> = {
  new: [197, 27, 125, 225],
  intensifying: [165, 0, 38, 225],
  persistent: [244, 109, 67, 215],
  diminishing: [69, 117, 180, 215],
  sporadic: [254, 224, 144, 200],
  none: [0, 0, 0, 0],
};
export const EMERGING_SHOWN: EmergingCategory[] = ['new', 'intensifying', 'persistent', 'diminishing', 'sporadic'];

export function emergingLayer(result: EmergingHotspotResult, visible: boolean): Layer {
  return new H3HexagonLayer<unknown>({
    id: 'emerging',
    data: { length: result.cells.length } as never,
    visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120],
    extruded: false,
    stroked: true,
    getLineColor: (_: unknown, { index }: { index: number }) =>
      result.categories[index] === 'none' ? [0, 0, 0, 0] : [40, 40, 40, 200],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    getHexagon: (_: unknown, { index }: { index: number }) => result.cells[index],
    getFillColor: (_: unknown, { index }: { index: number }) => EMERGING_COLORS[result.categories[index]],
    updateTriggers: { getFillColor: result, getHexagon: result, getLineColor: result },
  } as never);
}
