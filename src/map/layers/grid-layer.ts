// Map layer factory: management grids — outlines, optional fill by a measure, names when close.
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { pointOnFeature } from '@turf/turf';
import type { GridCollection, GridFeature } from '../../model';
import type { GridMeasure } from '../../state/layers';
import { classOf, countBreaks, rampColors, type RGBA } from '../colors';
import type { Lang } from '../../i18n';
import { LABEL_FONT } from './label-layer';

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
  const breaks = countBreaks(values, 5);
  const ramp = measure === 'households' || measure === 'population' ? 'population' : 'incidents';
  return { measure, breaks, colors: rampColors(ramp, breaks.length + 1, 150) };
}

export interface GridLayerInput {
  grids: GridCollection;
  values: Float64Array | null;
  legend: GridLegend | null;
  selectedId: string | null;
  visible: boolean;
  zoom: number;
  dark: boolean;
  lang: Lang;
}

const labelCache = new WeakMap<GridCollection, { position: [number, number]; f: GridFeature }[]>();
function labelPoints(grids: GridCollection) {
  let pts = labelCache.get(grids);
  if (!pts) {
    pts = grids.features.map((f) => ({ position: pointOnFeature(f as never).geometry.coordinates as [number, number], f }));
    labelCache.set(grids, pts);
  }
  return pts;
}

/** Grid names appear from this zoom on, when a grid is big enough on screen to hold one. */
export const GRID_LABEL_MIN_ZOOM = 14;

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

/** Grid outlines and names, drawn above the hexagons so boundaries stay readable. */
export function gridLineLayers(p: GridLayerInput): Layer[] {
  const line: RGBA = p.dark ? [150, 180, 220, 200] : [45, 55, 75, 200];
  const selected: RGBA = [0, 114, 178, 255];
  const layers: Layer[] = [
    new GeoJsonLayer({
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
    }),
  ];
  if (p.visible && p.zoom >= GRID_LABEL_MIN_ZOOM) {
    layers.push(
      new TextLayer({
        id: 'grid-labels',
        data: labelPoints(p.grids),
        getPosition: (d) => d.position,
        getText: (d) => (p.lang === 'en' ? d.f.properties.nameEn : d.f.properties.name),
        getSize: 12,
        getColor: p.dark ? [200, 215, 235, 255] : [40, 50, 70, 255],
        outlineWidth: 4,
        outlineColor: p.dark ? [11, 18, 32, 230] : [255, 255, 255, 230],
        fontFamily: LABEL_FONT,
        characterSet: 'auto',
        fontSettings: { sdf: true },
        updateTriggers: { getText: p.lang },
      }),
    );
  }
  return layers;
}
