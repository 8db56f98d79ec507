// Map layer factory: every text label on the map — place names, listed hotspots, grid names —
// placed together so they never overlap (most important first), and drawn by deck.gl from the
// machine's own fonts (the offline style has no glyph server).
import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { pointOnFeature } from '@turf/turf';
import type { AreaGeometry, FeatureCollection, PlaceCollection } from '../../model';
import type { Lang } from '../../i18n';
import { placeLabels } from '../label-placement';
import { bearingAwareRenderer } from './label-glyphs';

/** System CJK fonts first (fonts-noto-cjk on Debian, YaHei/PingFang on office PCs). */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The lowest zoom at which places of each rank get a label. */
const PLACE_MIN_ZOOM = [0, 0, 9, 11, 13, 14];
const PLACE_SIZE = [0, 20, 16, 14, 12, 12];
export const HOTSPOT_LABEL_MIN_ZOOM = 12;
export const GRID_LABEL_MIN_ZOOM = 14;

interface Label {
  position: [number, number];
  zh: string;
  en: string;
  size: number;
  /** Lower wins a collision. */
  rank: number;
}

type Named = { name: string; nameEn: string };
const anchorCache = new WeakMap<object, [number, number][]>();

/**
 * One anchor per area at a point inside it (not the centroid, which can fall outside a
 * U-shaped area), in feature order; computed once per collection.
 */
export function areaAnchors(fc: FeatureCollection<AreaGeometry, Named>): [number, number][] {
  let anchors = anchorCache.get(fc);
  if (!anchors) {
    anchors = fc.features.map((f) => pointOnFeature(f as never).geometry.coordinates as [number, number]);
    anchorCache.set(fc, anchors);
  }
  return anchors;
}

function areaLabels(fc: FeatureCollection<AreaGeometry, Named>, size: number, rank: number): Label[] {
  const anchors = areaAnchors(fc);
  return fc.features.map((f, i) => ({ position: anchors[i], zh: f.properties.name, en: f.properties.nameEn, size, rank }));
}

const charCache = new WeakMap<object, Set<string>>();
/** Every character a collection's names use in either language, so its glyph atlas is built once. */
function characters(fc: FeatureCollection<unknown, Named>): Set<string> {
  let set = charCache.get(fc);
  if (!set) {
    set = new Set<string>();
    for (const f of fc.features) for (const ch of f.properties.name + f.properties.nameEn) set.add(ch);
    charCache.set(fc, set);
  }
  return set;
}

export interface LabelInput {
  places: PlaceCollection;
  hotspots: FeatureCollection<AreaGeometry, Named> | null;
  grids: FeatureCollection<AreaGeometry, Named> | null;
  zoom: number;
  lang: Lang;
  dark: boolean;
}

export function labelLayers(p: LabelInput): Layer[] {
  const placeLabelsAll: Label[] = p.places.features
    .filter((f) => p.zoom >= (PLACE_MIN_ZOOM[f.properties.rank] ?? 15))
    .map((f) => ({
      position: f.geometry.coordinates,
      zh: f.properties.name,
      en: f.properties.nameEn,
      size: PLACE_SIZE[f.properties.rank] ?? 12,
      rank: f.properties.rank,
    }));
  // Listed hotspots outrank every place but the county seat: they are what a briefing is about.
  const groups = [
    { id: 'place-labels', key: p.places, labels: placeLabelsAll, weight: 600 },
    { id: 'hotspot-labels', key: p.hotspots, labels: p.hotspots && p.zoom >= HOTSPOT_LABEL_MIN_ZOOM ? areaLabels(p.hotspots, 13, 1.5) : [], weight: 700 },
    { id: 'grid-labels', key: p.grids, labels: p.grids && p.zoom >= GRID_LABEL_MIN_ZOOM ? areaLabels(p.grids, 12, 6) : [], weight: 600 },
  ];
  const all = groups.flatMap((g, gi) => g.labels.map((l) => ({ ...l, text: p.lang === 'en' ? l.en : l.zh, group: gi })));
  const kept = placeLabels(all, p.zoom);
  const ink: [number, number, number, number] = p.dark ? [225, 232, 245, 255] : [30, 30, 30, 255];
  const halo: [number, number, number, number] = p.dark ? [11, 18, 32, 235] : [255, 255, 255, 235];
  return groups.map(
    (g, gi) =>
      new TextLayer<(typeof all)[number]>({
        id: g.id,
        data: kept.filter((i) => all[i].group === gi).map((i) => all[i]),
        getPosition: (d) => d.position,
        getText: (d) => d.text,
        getSize: (d) => d.size,
        getColor: gi === 2 ? (p.dark ? [190, 205, 225, 255] : [55, 65, 85, 255]) : ink,
        fontWeight: g.weight,
        outlineWidth: 5,
        outlineColor: halo,
        fontFamily: LABEL_FONT,
        characterSet: g.key ? characters(g.key) : [],
        // A wider buffer than the default 4: thin CJK strokes at the glyph's edge (the frame of 区) were clipped.
        fontSettings: { sdf: true, buffer: 10 },
        _getFontRenderer: bearingAwareRenderer,
      }),
  );
}
