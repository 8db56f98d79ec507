// Map layer factory: listed security hotspots, coloured by where they are in the rectification
// cycle; overdue areas get a heavy outline so they stand out on a projector.
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { HotspotCollection, HotspotFeature } from '../../model';
import { hotspotStatus, localIsoDate } from '../../analysis/hotspots/hotspot-status';
import { HOTSPOT_STATUS_COLORS, hexToRgba } from '../colors';
import { areaAnchors, HOTSPOT_LABEL_MIN_ZOOM } from './label-layer';

export interface HotspotLayerInput {
  hotspots: HotspotCollection;
  /** The dataset's "today", epoch ms; deadlines are judged on its local date in `timeZone`. */
  now: number;
  /** The dataset's IANA zone. */
  timeZone: string;
  visible: boolean;
  selectedId: string | null;
  zoom: number;
}

export function hotspotLayer(p: HotspotLayerInput): Layer {
  const status = (f: HotspotFeature) => hotspotStatus(f.properties, p.now, p.timeZone);
  // Statuses change only when the local date does, not with every tick of the clock.
  const day = localIsoDate(p.now, p.timeZone);
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
    updateTriggers: { getLineWidth: [p.selectedId, day], getFillColor: day, getLineColor: day },
  });
}

/**
 * Below label zoom a listed area is a few pixels wide: a marker per area keeps every listed
 * hotspot visible at county scale, coloured by status, ringed heavier when overdue.
 */
export function hotspotMarkerLayer(p: HotspotLayerInput): Layer {
  const anchors = areaAnchors(p.hotspots);
  const status = (i: number) => hotspotStatus(p.hotspots.features[i].properties, p.now, p.timeZone);
  const day = localIsoDate(p.now, p.timeZone);
  return new ScatterplotLayer<[number, number]>({
    id: 'hotspot-markers',
    data: anchors,
    visible: p.visible && p.zoom < HOTSPOT_LABEL_MIN_ZOOM,
    getPosition: (d) => d,
    getRadius: 7,
    radiusUnits: 'pixels',
    stroked: true,
    getFillColor: (_, { index }) => hexToRgba(HOTSPOT_STATUS_COLORS[status(index)], 235),
    getLineColor: (_, { index }) => (status(index) === 'overdue' ? [35, 0, 0, 255] : [255, 255, 255, 255]),
    getLineWidth: (_, { index }) => (status(index) === 'overdue' ? 3 : 1.5),
    lineWidthUnits: 'pixels',
    pickable: false,
    updateTriggers: { getFillColor: day, getLineColor: day, getLineWidth: day },
  });
}
