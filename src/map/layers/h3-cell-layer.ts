// Map layer factory: H3 cells given as parallel arrays (cell ids and per-index colours), drawn
// without a JS object per cell. Shared by the incident, Gi* and emerging hot-spot layers.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { RGBA } from '../colors';

export interface H3CellLayerOptions {
  /** deck.gl id: the same id keeps the layer and its GPU buffers across updates. */
  id: string;
  cells: string[];
  fill(index: number): RGBA;
  /** Outline colour per cell; no outline when absent. */
  line?(index: number): RGBA;
  lineWidthPx?: number;
  /** Changes whenever the colours do (deck.gl recomputes colours only then). */
  colourKey: unknown;
  visible: boolean;
  opacity?: number;
  /** Default true; false lets clicks through to the layers beneath. */
  pickable?: boolean;
}

/**
 * Indexed data for deck.gl, keyed by the cell list: a list that stays the same object (one per
 * resolution in the incident layer) keeps its hexagon geometry whatever the filter.
 */
const cellDataCache = new WeakMap<string[], { length: number }>();
function cellData(cells: string[]): { length: number } {
  let d = cellDataCache.get(cells);
  if (!d) cellDataCache.set(cells, (d = { length: cells.length }));
  return d;
}

export function h3CellLayer(o: H3CellLayerOptions): Layer {
  const { cells, fill, line } = o;
  return new H3HexagonLayer<unknown>({
    id: o.id,
    data: cellData(cells) as never,
    visible: o.visible,
    // A uniform, not an attribute: dimming re-uploads nothing.
    opacity: o.opacity ?? 1,
    pickable: o.pickable ?? true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120],
    extruded: false,
    filled: true,
    stroked: Boolean(line),
    getHexagon: (_: unknown, { index }: { index: number }) => cells[index],
    getFillColor: (_: unknown, { index }: { index: number }) => fill(index),
    ...(line && {
      getLineColor: (_: unknown, { index }: { index: number }) => line(index),
      getLineWidth: o.lineWidthPx ?? 1,
      lineWidthUnits: 'pixels',
    }),
    updateTriggers: { getFillColor: o.colourKey, getLineColor: o.colourKey },
  } as never);
}
