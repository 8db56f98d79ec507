// Map layer factory: Getis–Ord Gi* significance per hexagon — hot and cold spots that are not
// chance (after false-discovery-rate correction). Non-significant cells are not drawn.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { h3CellLayer } from './h3-cell-layer';
import type { Layer } from '@deck.gl/core';
import type { GiClass, GiStarResult } from '../../analysis/stats/gi-star';
import type { RGBA } from '../colors';

/** Hot in reds, cold in blues, darker for higher confidence (the ArcGIS convention planners know). */
export const GI_CLASS_COLORS: Record<GiClass, RGBA> = {
  'hot-99': [178, 24, 43, 220],
  'hot-95': [239, 138, 98, 210],
  'hot-90': [253, 219, 199, 200],
  'not-significant': [0, 0, 0, 0],
  'cold-90': [209, 229, 240, 200],
  'cold-95': [103, 169, 207, 210],
  'cold-99': [33, 102, 172, 220],
};
export const GI_CLASSES_SHOWN: GiClass[] = ['hot-99', 'hot-95', 'hot-90', 'cold-90', 'cold-95', 'cold-99'];

const NO_LINE: RGBA = [0, 0, 0, 0];

export function giStarLayer(result: GiStarResult, visible: boolean): Layer {
  return h3CellLayer({
    id: 'gistar',
    cells: result.cells,
    fill: (i) => GI_CLASS_COLORS[result.classes[i]],
    // Outlines keep adjacent significant cells readable as one cluster against the basemap.
    line: (i) => {
      const cls = result.classes[i];
      return cls.startsWith('hot') ? [103, 0, 13, 255] : cls.startsWith('cold') ? [8, 48, 107, 255] : NO_LINE;
    },
    lineWidthPx: 1.5,
    colourKey: result,
    visible,
  });
}

/**
 * The selected cell (a ranked Gi* or trend cell that was clicked, or any clicked hexagon) outlined
 * on top, so the eye finds it after the map flies there. Not pickable: hover and clicks go to the
 * layers beneath.
 */
export function selectedCellLayer(cell: string, dark: boolean): Layer {
  return new H3HexagonLayer<string>({
    id: 'selected-cell',
    data: [cell],
    pickable: false,
    extruded: false,
    filled: false,
    stroked: true,
    getHexagon: (c: string) => c,
    getLineColor: dark ? [255, 255, 255, 255] : [20, 20, 20, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
  } as never);
}
