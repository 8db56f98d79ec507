// Map layer factory: emerging hot spots — each cell's hot-spot trend over consecutive periods
// (new, intensifying, persistent, diminishing, sporadic). Cells never hot are not drawn.
import { h3CellLayer } from './h3-cell-layer';
import type { Layer } from '@deck.gl/core';
import type { EmergingCategory, EmergingHotspotResult } from '../../analysis/stats/emerging-hotspots';
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

const NO_LINE: RGBA = [0, 0, 0, 0];
const LINE: RGBA = [40, 40, 40, 200];

export function emergingLayer(result: EmergingHotspotResult, visible: boolean): Layer {
  return h3CellLayer({
    id: 'emerging',
    cells: result.cells,
    fill: (i) => EMERGING_COLORS[result.categories[i]],
    line: (i) => (result.categories[i] === 'none' ? NO_LINE : LINE),
    colourKey: result,
    visible,
  });
}
