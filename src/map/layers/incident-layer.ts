// Map layer factory: incident counts as H3 hexagons or as a heatmap. Pure: view slice → layers.
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import type { Layer } from '@deck.gl/core';
import type { CellCounts } from '../../model';
import { h3CellLayer } from './h3-cell-layer';
import { classOf, divergingColors, logBreaks, rampColors, type RGBA } from '../colors';

export interface IncidentLegend {
  breaks: number[];
  colors: RGBA[];
}

/** Colour classes for a set of cell counts; the legend shows the same classes. */
export function incidentLegend(counts: CellCounts, dark: boolean): IncidentLegend {
  const breaks = logBreaks(counts.max, 7);
  return { breaks, colors: rampColors(dark ? 'incidents-dark' : 'incidents', breaks.length + 1, 225, 110) };
}

/** Symmetric classes for a change in counts (current − previous), and their colours. */
export interface ChangeLegend {
  /** Ascending positive thresholds; classes mirror them below zero. */
  breaks: number[];
  /** Colours for −∞…−b[n−1], …, −b[0]…−1, 0, 1…b[0], …, ≥ b[n−1]. */
  colors: RGBA[];
}

export function changeLegend(comparison: PeriodComparisonLike): ChangeLegend {
  let maxAbs = 1;
  for (let i = 0; i < comparison.current.length; i++) {
    const d = Math.abs(comparison.current[i] - comparison.previous[i]);
    if (d > maxAbs) maxAbs = d;
  }
  const breaks = logBreaks(maxAbs, 4);
  return { breaks, colors: divergingColors(breaks.length + 1) };
}

/** The class of a change: 0 is "no change", ±k the k-th class of rise or fall. */
export function changeClass(delta: number, breaks: number[]): number {
  if (delta === 0) return 0;
  return Math.sign(delta) * (classOf(Math.abs(delta), breaks) + 1);
}

export interface PeriodComparisonLike {
  cells: string[];
  current: Uint32Array;
  previous: Uint32Array;
}

const TRANSPARENT: RGBA = [0, 0, 0, 0];
/** One id for every resolution, filter and measure: deck.gl keeps the layer and its buffers. */
const INCIDENT_HEX_ID = 'incidents-hex';

/** Hexagons coloured by incident count; cells without incidents in the filter are not drawn. */
export function hexagonLayer(counts: CellCounts, legend: IncidentLegend, visible: boolean, opacity = 1): Layer {
  const c = counts.counts;
  return h3CellLayer({
    id: INCIDENT_HEX_ID,
    cells: counts.cells,
    fill: (i) => (c[i] === 0 ? TRANSPARENT : legend.colors[classOf(c[i], legend.breaks)]),
    colourKey: [c, legend],
    visible,
    opacity,
  });
}

/** Hexagons coloured by the change against the comparison period (rising red, falling blue). */
export function changeLayer(cmp: PeriodComparisonLike, legend: ChangeLegend, visible: boolean, opacity = 1): Layer {
  const mid = legend.breaks.length + 1;
  return h3CellLayer({
    id: INCIDENT_HEX_ID,
    cells: cmp.cells,
    fill: (i) => {
      const cur = cmp.current[i];
      const prev = cmp.previous[i];
      if (cur === 0 && prev === 0) return TRANSPARENT;
      return legend.colors[mid + changeClass(cur - prev, legend.breaks)];
    },
    colourKey: [cmp, legend],
    visible,
    opacity,
  });
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
