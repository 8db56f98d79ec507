// Map: assembles the deck.gl layer stack from data and view, bottom to top. Pure apart from
// the camera icon atlas (drawn once on a canvas).
import type { Layer } from '@deck.gl/core';
import type { MapData, MapView } from './map-data';
import { gridFillLayer, gridLineLayer } from './layers/grid-layer';
import { changeLayer, hexagonLayer, heatmapLayer } from './layers/incident-layer';
import { giStarLayer } from './layers/gistar-layer';
import { hotspotLayer, hotspotMarkerLayer } from './layers/hotspot-layer';
import { cameraLayers } from './layers/camera-layer';
import { labelLayers } from './layers/label-layer';
import { changeLegendFor, gridFillFor, hexLegendFor } from './legends';

export function buildLayers(data: MapData, view: MapView, zoom: number): Layer[] {
  const dark = view.theme === 'dark';
  const sel = view.selection;
  const selectedId = (kind: string) => (sel && sel.kind === kind && 'id' in sel ? sel.id : null);
  const { values, legend } = gridFillFor(data.grids, view.gridMeasure, view.gridIncidents);
  const grid = { grids: data.grids, values, legend, selectedId: selectedId('grid'), visible: view.visible.grids, dark };
  const showIncidents = view.visible.incidents;
  const hotspots = { hotspots: data.hotspots, asOf: data.manifest.asOf, visible: view.visible.hotspots, selectedId: selectedId('hotspot'), zoom };
  const layers: Layer[] = [gridFillLayer(grid)];
  const showHex = showIncidents && view.incidentMode === 'hex';
  if (view.incidentMeasure !== 'count' && view.comparison) {
    layers.push(changeLayer(view.comparison, changeLegendFor(view.comparison), showHex));
  } else if (view.hexCounts) {
    layers.push(hexagonLayer(view.hexCounts, hexLegendFor(view.hexCounts, dark), showHex));
  }
  if (view.giStar) layers.push(giStarLayer(view.giStar, view.visible.gistar));
  if (view.heatCounts) {
    layers.push(heatmapLayer(view.heatCounts, showIncidents && view.incidentMode === 'heat', dark));
  }
  layers.push(
    gridLineLayer(grid),
    hotspotLayer(hotspots),
    hotspotMarkerLayer(hotspots),
    ...cameraLayers({ cameras: data.cameras, visible: view.visible.cameras, zoom, selectedId: selectedId('camera') }),
    ...labelLayers({
      places: data.places,
      hotspots: view.visible.hotspots ? data.hotspots : null,
      grids: view.visible.grids ? data.grids : null,
      zoom,
      lang: view.lang,
      dark,
    }),
  );
  return layers;
}
