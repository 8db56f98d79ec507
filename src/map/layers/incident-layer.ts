// Map layer factory: incident counts as H3 hexagons or as a heatmap. Pure: view slice → layers.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import type { Layer } from '@deck.gl/core';
import type { CellCounts } from '../map-data';
import { classOf, logBreaks, rampColors, type RGBA } from '../colors';

export interface IncidentLegend {
  breaks: number[];
  colors: RGBA[];
}

/** Colour classes for a set of cell counts; the legend shows the same classes. */
export function incidentLegend(counts: CellCounts, dark: boolean): IncidentLegend {
  const breaks = logBreaks(counts.max, 7);
  return { breaks, colors: rampColors(dark ? 'incidents-dark' : 'incidents', breaks.length + 1, 225, 110) };
}

/** Indexed data for deck.gl: no per-cell objects, accessors read the columns by index. */
interface CellData {
  length: number;
  counts: CellCounts;
}

const cellDataCache = new WeakMap<CellCounts, CellData>();
function cellData(counts: CellCounts): CellData {
  let d = cellDataCache.get(counts);
  if (!d) {
    d = { length: counts.cells.length, counts };
    cellDataCache.set(counts, d);
  }
  return d;
}

export function hexagonLayer(counts: CellCounts, legend: IncidentLegend, visible: boolean): Layer {
  return new H3HexagonLayer<unknown>({
    // One id for every resolution and filter: deck.gl keeps the layer and only updates buffers.
    id: 'incidents-hex',
    data: cellData(counts) as never,
    visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120],
    extruded: false,
    stroked: false,
    filled: true,
    getHexagon: (_: unknown, { index }: { index: number }) => counts.cells[index],
    getFillColor: (_: unknown, { index }: { index: number }) => legend.colors[classOf(counts.counts[index], legend.breaks)],
    updateTriggers: { getFillColor: [counts, legend], getHexagon: counts },
  } as never);
}

interface HeatData {
  length: number;
  attributes: { getPosition: { value: Float32Array; size: 2 }; getWeight: { value: Float32Array; size: 1 } };
}
const heatCache = new WeakMap<CellCounts, HeatData>();

/** Heat points at fine cell centres weighted by their counts (one point per cell, not per incident). */
function heatData(counts: CellCounts): HeatData {
  let d = heatCache.get(counts);
  if (!d) {
    const n = counts.cells.length;
    const pos = new Float32Array(n * 2);
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const [lat, lng] = cellToLatLng(counts.cells[i]);
      pos[2 * i] = lng;
      pos[2 * i + 1] = lat;
      w[i] = counts.counts[i];
    }
    d = { length: n, attributes: { getPosition: { value: pos, size: 2 }, getWeight: { value: w, size: 1 } } };
    heatCache.set(counts, d);
  }
  return d;
}

export function heatmapLayer(counts: CellCounts, visible: boolean, dark: boolean): Layer {
  return new HeatmapLayer({
    id: 'incidents-heat',
    data: heatData(counts) as never,
    visible,
    radiusPixels: 28,
    intensity: 1,
    threshold: 0.04,
    colorRange: rampColors(dark ? 'incidents-dark' : 'incidents', 6).map(([r, g, b]) => [r, g, b]) as never,
    aggregation: 'SUM',
  });
}
