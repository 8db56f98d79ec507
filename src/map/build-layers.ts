// Map: assembles the deck.gl layer stack from data and view (its "today" included), bottom to top. Pure apart from
// the camera icon atlas (drawn once on a canvas).
import type { Layer } from '@deck.gl/core';
import type { MapData } from '../model';
import type { MapView } from './map-view';
import { gridFillLayer, gridLineLayer } from './layers/grid-layer';
import { changeLayer, densityLayer, hexagonLayer } from './layers/incident-layer';
import { giStarLayer, selectedCellLayer } from './layers/gistar-layer';
import { emergingLayer } from './layers/emerging-layer';
import { hotspotLayer, hotspotMarkerLayer } from './layers/hotspot-layer';
import { cameraLayers } from './layers/camera-layer';
import { labelLayers } from './layers/label-layer';
import { drawnAreaLayers } from './layers/drawn-area-layer';
import { gridEditLayers } from './layers/grid-edit-layer';
import { candidateLayer } from './layers/candidate-layer';
import { coverageLayers, planSiteLayers } from './layers/coverage-layer';
import { whatIfLayers } from './layers/whatif-layer';
import { changeLegendFor, densityLegendFor, gridFillFor, hexLegendFor } from './legends';

export function buildLayers(data: MapData, view: MapView, zoom: number): Layer[] {
  const dark = view.theme === 'dark';
  const sel = view.selection;
  const selectedId = (kind: string) => (sel && sel.kind === kind && 'id' in sel ? sel.id : null);
  const { values, legend } = gridFillFor(data.grids, view.gridMeasure, view.gridIncidents);
  const grid = { grids: data.grids, values, legend, selectedId: selectedId('grid'), visible: view.visible.grids && !view.gridEdit, dark };
  const showIncidents = view.visible.incidents;
  const hotspots = { hotspots: view.hotspots, now: view.now, timeZone: data.manifest.timeZone, visible: view.visible.hotspots, selectedId: selectedId('hotspot'), zoom };
  const layers: Layer[] = [gridFillLayer(grid)];
  const showHex = showIncidents && view.incidentMode === 'hex';
  // Under Gi* classes (and under coverage) the counts recede: both use reds, and significance (or
  // the blind spots) is what is being asked.
  // While an area is drawn the counts recede too, so terra-draw's outline (drawn by MapLibre,
  // beneath deck.gl) stays visible.
  const hexOpacity = view.drawing || view.gridEdit ? 0.25 : ((view.giStar || view.emerging) && view.visible.gistar) || view.visible.coverage ? 0.3 : 1;
  if (view.incidentMeasure !== 'count' && view.comparison) {
    layers.push(changeLayer(view.comparison, changeLegendFor(view.comparison), showHex, hexOpacity));
  } else if (view.hexCounts) {
    layers.push(hexagonLayer(view.hexCounts, hexLegendFor(view.hexCounts, dark), showHex, hexOpacity));
  }
  if (view.giStar) layers.push(giStarLayer(view.giStar, view.visible.gistar));
  if (view.emerging) layers.push(emergingLayer(view.emerging, view.visible.gistar));
  if (sel?.kind === 'cell') layers.push(selectedCellLayer(sel.h3, dark));
  if (view.density) {
    layers.push(densityLayer(view.density, densityLegendFor(view.density, dark), showIncidents && view.incidentMode === 'heat'));
  }
  if (view.coverage) layers.push(...coverageLayers(view.coverage, view.visible.coverage, dark, zoom));
  layers.push(
    gridLineLayer(grid),
    ...(view.gridEdit ? gridEditLayers(view.gridEdit) : []),
    hotspotLayer(hotspots),
    hotspotMarkerLayer(hotspots),
    ...candidateLayer(view.candidates),
    ...cameraLayers({ cameras: view.cameras, visible: view.visible.cameras, zoom, selectedId: selectedId('camera'), dark }),
    ...whatIfLayers(view.whatIf, view.visible.cameras),
    ...(view.coverage ? planSiteLayers(view.coverage, view.visible.coverage) : []),
    ...drawnAreaLayers(view.drawing ? null : view.drawnArea),
    ...labelLayers({
      places: data.places,
      hotspots: view.visible.hotspots ? view.hotspots : null,
      grids: view.visible.grids && !view.gridEdit ? data.grids : null,
      zoom,
      lang: view.lang,
      dark,
      roads: data.roads,
    }),
  );
  return layers;
}
