// Map layer factory: every text label on the map — place names, listed hotspots, grid names —
// placed together so they never overlap (most important first), and drawn by deck.gl from the
// machine's own fonts (the offline style has no glyph server).
import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { pointOnFeature } from '@turf/turf';
import type { AreaGeometry, FeatureCollection, PlaceCollection, RoadClass, RoadCollection } from '../../model';
import type { Lang } from '../../i18n';
import { placeLabels, textWidthPx, worldPx } from '../label-placement';
import { placeRoadLabels, type RoadLabel } from '../road-label-placement';
import { bearingAwareRenderer } from './label-glyphs';

/** System CJK fonts first (fonts-noto-cjk on Debian, YaHei/PingFang on office PCs). */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The lowest zoom at which places of each rank get a label. */
const PLACE_MIN_ZOOM = [0, 0, 9, 11, 13, 14];
const PLACE_SIZE = [0, 20, 16, 14, 12, 12];
export const HOTSPOT_LABEL_MIN_ZOOM = 12;
export const GRID_LABEL_MIN_ZOOM = 14;
/** Road names from street zoom on: below it the names would crowd out everything else. */
export const ROAD_LABEL_MIN_ZOOM = 15;
const ROAD_LABEL_SIZE = 13;
const ROAD_RANK: Record<RoadClass, number> = { expressway: 0, trunk: 1, primary: 2, street: 3, lane: 4, rural: 5 };

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
  /** The basemap's roads, named ones labelled along their lines at street zoom. */
  roads?: RoadCollection | null;
}

const roadCharCache = new WeakMap<RoadCollection, Set<string>>();
function roadCharacters(roads: RoadCollection): Set<string> {
  let set = roadCharCache.get(roads);
  if (!set) {
    set = new Set<string>();
    for (const f of roads.features) for (const ch of (f.properties.name ?? '') + (f.properties.nameEn ?? '')) set.add(ch);
    roadCharCache.set(roads, set);
  }
  return set;
}

let roadCache: { roads: RoadCollection; key: string; labels: RoadLabel[] } | null = null;

/**
 * Road names placed along their roads, clear of the area labels already kept (`obstacles`, world
 * pixel boxes). Placement takes a few hundred ms for a county at street zoom, so the last result
 * is kept while the zoom, language and the other labels shown stay the same.
 */
function roadLabels(roads: RoadCollection, zoom: number, lang: Lang, obstacles: [number, number, number, number][], key: string): RoadLabel[] {
  if (roadCache && roadCache.roads === roads && roadCache.key === key) return roadCache.labels;
  const input = roads.features
    .filter((f) => f.properties.name)
    .map((f) => ({
      line: f.geometry.coordinates as [number, number][],
      text: (lang === 'en' ? f.properties.nameEn : f.properties.name) ?? f.properties.name!,
      rank: ROAD_RANK[f.properties.class] ?? 6,
    }));
  const labels = placeRoadLabels(input, zoom, { size: ROAD_LABEL_SIZE, spacingPx: 320, repeatPx: 260, obstacles });
  roadCache = { roads, key, labels };
  return labels;
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
  const layers: Layer[] = [];
  // Road names: deck.gl text at the road's angle rather than a MapLibre symbol layer with
  // `symbol-placement: line`, because MapLibre draws text only from PBF glyph ranges served by a
  // glyph URL, and the offline style has none (no file to fetch, nothing downloaded); deck.gl
  // draws glyphs from the machine's own fonts, as for every other label here.
  if (p.roads && p.zoom >= ROAD_LABEL_MIN_ZOOM) {
    const obstacles = kept.map((i): [number, number, number, number] => {
      const [x, y] = worldPx(all[i].position, p.zoom);
      const w = textWidthPx(all[i].text, all[i].size) / 2;
      return [x - w, y - all[i].size / 2, x + w, y + all[i].size / 2];
    });
    const key = `${p.zoom.toFixed(3)}|${p.lang}|${kept.join(',')}`;
    layers.push(
      new TextLayer<RoadLabel>({
        id: 'road-labels',
        data: roadLabels(p.roads, p.zoom, p.lang, obstacles, key),
        getPosition: (d) => d.position,
        getText: (d) => d.text,
        getAngle: (d) => d.angle,
        getSize: ROAD_LABEL_SIZE,
        getColor: p.dark ? [205, 214, 230, 255] : [52, 45, 36, 255],
        fontWeight: 600,
        outlineWidth: 5,
        outlineColor: halo,
        fontFamily: LABEL_FONT,
        characterSet: roadCharacters(p.roads),
        fontSettings: { sdf: true, buffer: 10 },
        _getFontRenderer: bearingAwareRenderer,
      }),
    );
  }
  return layers.concat(groups.map(
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
  ));
}
