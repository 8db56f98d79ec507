// Map layer factory: listed security hotspots, coloured by where they are in the rectification
// cycle; overdue areas get a heavy outline so they stand out on a projector.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { HotspotCollection, HotspotFeature } from '../../model';
import { hotspotStatus } from '../../analysis/hotspot-status';
import { HOTSPOT_STATUS_COLORS, hexToRgba } from '../colors';

export interface HotspotLayerInput {
  hotspots: HotspotCollection;
  asOf: number;
  visible: boolean;
  selectedId: string | null;
}

export function hotspotLayer(p: HotspotLayerInput): Layer {
  const status = (f: HotspotFeature) => hotspotStatus(f.properties, p.asOf);
  return new GeoJsonLayer({
    id: 'hotspots',
    data: p.hotspots as never,
    visible: p.visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 90],
    filled: true,
    stroked: true,
    getFillColor: ((f: HotspotFeature) => hexToRgba(HOTSPOT_STATUS_COLORS[status(f)], 70)) as never,
    getLineColor: ((f: HotspotFeature) => hexToRgba(HOTSPOT_STATUS_COLORS[status(f)], 255)) as never,
    getLineWidth: ((f: HotspotFeature) => (f.properties.id === p.selectedId ? 6 : status(f) === 'overdue' ? 4 : 2.5)) as never,
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineWidth: [p.selectedId, p.asOf], getFillColor: p.asOf, getLineColor: p.asOf },
  });
}
