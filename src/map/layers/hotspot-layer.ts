// Map layer factory: listed security hotspots, coloured by where they are in the rectification
// cycle; overdue areas get a heavy outline so they stand out on a projector.
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { pointOnFeature } from '@turf/turf';
import type { HotspotCollection, HotspotFeature } from '../../model';
import { hotspotStatus } from '../../analysis/hotspot-status';
import { HOTSPOT_STATUS_COLORS, hexToRgba } from '../colors';
import type { Lang } from '../../i18n';
import { LABEL_FONT } from './label-layer';

export interface HotspotLayerInput {
  hotspots: HotspotCollection;
  asOf: number;
  visible: boolean;
  zoom: number;
  selectedId: string | null;
  lang: Lang;
  dark: boolean;
}

const labelCache = new WeakMap<HotspotCollection, { position: [number, number]; f: HotspotFeature }[]>();
function labelPoints(h: HotspotCollection) {
  let pts = labelCache.get(h);
  if (!pts) {
    pts = h.features.map((f) => ({ position: pointOnFeature(f as never).geometry.coordinates as [number, number], f }));
    labelCache.set(h, pts);
  }
  return pts;
}

export function hotspotLayers(p: HotspotLayerInput): Layer[] {
  const color = (f: HotspotFeature) => HOTSPOT_STATUS_COLORS[hotspotStatus(f.properties, p.asOf)];
  const layers: Layer[] = [
    new GeoJsonLayer({
      id: 'hotspots',
      data: p.hotspots as never,
      visible: p.visible,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      filled: true,
      stroked: true,
      getFillColor: ((f: HotspotFeature) => hexToRgba(color(f), 70)) as never,
      getLineColor: ((f: HotspotFeature) => hexToRgba(color(f), 255)) as never,
      getLineWidth: ((f: HotspotFeature) =>
        f.properties.id === p.selectedId ? 6 : hotspotStatus(f.properties, p.asOf) === 'overdue' ? 4 : 2.5) as never,
      lineWidthUnits: 'pixels',
      updateTriggers: { getLineWidth: [p.selectedId, p.asOf], getFillColor: p.asOf, getLineColor: p.asOf },
    }),
  ];
  if (p.visible && p.zoom >= 12) {
    layers.push(
      new TextLayer({
        id: 'hotspot-labels',
        data: labelPoints(p.hotspots),
        getPosition: (d) => d.position,
        getText: (d) => (p.lang === 'en' ? d.f.properties.nameEn : d.f.properties.name),
        getSize: 13,
        getColor: (d) => hexToRgba(color(d.f), 255),
        fontWeight: 700,
        outlineWidth: 5,
        outlineColor: p.dark ? [11, 18, 32, 240] : [255, 255, 255, 240],
        fontFamily: LABEL_FONT,
        characterSet: 'auto',
        fontSettings: { sdf: true },
        getPixelOffset: [0, -14],
        updateTriggers: { getText: p.lang, getColor: p.asOf },
      }),
    );
  }
  return layers;
}
