// Map layer factory: place names drawn by deck.gl from local fonts (the offline style has no
// glyph server), thinned by rank as the user zooms out.
import { TextLayer } from '@deck.gl/layers';
import { CollisionFilterExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { PlaceCollection, PlaceFeature } from '../../model';
import type { Lang } from '../../i18n';

/** System CJK fonts first (fonts-noto-cjk on Debian, YaHei/PingFang on office PCs). */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The lowest zoom at which places of each rank get a label. */
const MIN_ZOOM_BY_RANK = [0, 0, 9.5, 11.5, 13, 14.5];

export function placeLabelLayer(places: PlaceCollection, zoom: number, lang: Lang, dark: boolean): Layer {
  const shown = places.features.filter((f) => zoom >= (MIN_ZOOM_BY_RANK[f.properties.rank] ?? 15));
  return new TextLayer<PlaceFeature, Record<string, unknown>>({
    id: 'place-labels',
    data: shown,
    getPosition: (f) => f.geometry.coordinates,
    getText: (f) => (lang === 'en' ? f.properties.nameEn : f.properties.name),
    getSize: (f) => [0, 20, 16, 14, 12, 12][f.properties.rank] ?? 12,
    getColor: dark ? [225, 232, 245, 255] : [30, 30, 30, 255],
    fontWeight: 600,
    outlineWidth: 5,
    outlineColor: dark ? [11, 18, 32, 235] : [255, 255, 255, 235],
    fontFamily: LABEL_FONT,
    characterSet: 'auto',
    fontSettings: { sdf: true },
    // Where labels would overlap, the higher-ranked place keeps its label.
    extensions: [new CollisionFilterExtension()],
    getCollisionPriority: (f: PlaceFeature) => -f.properties.rank,
    collisionTestProps: { sizeScale: 1.2 },
    updateTriggers: { getText: lang },
  });
}
