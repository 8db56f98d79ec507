// Map layer factory: management grids — outlines and an optional fill by a measure.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { GridCollection, GridFeature, GridMeasure } from '../../model';
import { classOf, countBreaks, logBreaks, rampColors, type RGBA } from '../colors';

export interface GridLegend {
  measure: GridMeasure;
  breaks: number[];
  colors: RGBA[];
}

/** Value of the chosen measure for every grid, in feature order; null when there is no fill. */
export function gridValues(grids: GridCollection, measure: GridMeasure, incidents: Uint32Array | null): Float64Array | null {
  const n = grids.features.length;
  switch (measure) {
    case 'none':
      return null;
    case 'households':
      return Float64Array.from(grids.features, (f) => f.properties.households);
    case 'population':
      return Float64Array.from(grids.features, (f) => f.properties.population);
    case 'incidents':
      return incidents ? Float64Array.from(incidents.subarray(0, n)) : null;
    case 'incidentRate':
      return incidents
        ? Float64Array.from(grids.features, (f, i) => (f.properties.population > 0 ? (incidents[i] * 1000) / f.properties.population : 0))
        : null;
  }
}

export function gridLegend(measure: GridMeasure, values: Float64Array | null): GridLegend | null {
  if (!values) return null;
  const breaks = measure === 'incidents' ? logBreaks(Math.max(...values), 6) : countBreaks(values, 5);
  const ramp = measure === 'households' || measure === 'population' ? 'population' : 'incidents';
  return { measure, breaks, colors: rampColors(ramp, breaks.length + 1, 150) };
}

export interface GridLayerInput {
  grids: GridCollection;
  values: Float64Array | null;
  legend: GridLegend | null;
  selectedId: string | null;
  visible: boolean;
  dark: boolean;
}

const NO_FILL: RGBA = [0, 0, 0, 1]; // alpha 1, not 0: the grid must stay pickable without a fill

/** Grid fill, drawn under the incident hexagons; this is the layer that answers clicks. */
export function gridFillLayer(p: GridLayerInput): Layer {
  return new GeoJsonLayer({
    id: 'grids',
    data: p.grids as never,
    visible: p.visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [0, 114, 178, 70],
    filled: true,
    stroked: false,
    getFillColor: ((_: unknown, { index }: { index: number }) =>
      p.values && p.legend ? p.legend.colors[classOf(p.values[index], p.legend.breaks)] : NO_FILL) as never,
    updateTriggers: { getFillColor: [p.values, p.legend] },
  });
}

/** Grid outlines, drawn above the hexagons so boundaries stay readable. */
export function gridLineLayer(p: GridLayerInput): Layer {
  const line: RGBA = p.dark ? [150, 180, 220, 200] : [45, 55, 75, 200];
  const selected: RGBA = [0, 114, 178, 255];
  return new GeoJsonLayer({
    id: 'grid-lines',
    data: p.grids as never,
    visible: p.visible,
    pickable: false,
    filled: false,
    stroked: true,
    getLineColor: ((f: GridFeature) => (f.properties.id === p.selectedId ? selected : line)) as never,
    getLineWidth: ((f: GridFeature) => (f.properties.id === p.selectedId ? 4 : 1)) as never,
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineColor: [p.selectedId, p.dark], getLineWidth: p.selectedId },
  });
}
