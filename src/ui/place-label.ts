// UI: the place a cell names — town, community (village) and grid of its centre — as one line of
// plain text in the interface language. The lookup tables are built once per dataset.
import type { MapData } from '../model';
import { buildPlaceIndex, placeOfPoint, type PlaceIndex, type PlaceOfPoint } from '../analysis/areas/place-of-point';
import { cellToLatLng } from 'h3-js';
import { translate, type Lang } from '../i18n';

const indexes = new WeakMap<MapData, PlaceIndex>();

/** "城关街道 · 东关社区 · 东关社区第 3 网格", or "outside the county" when the centre is in no town. */
export function cellPlaceLabel(data: MapData, cell: string, lang: Lang): string {
  const [lat, lng] = cellToLatLng(cell);
  const place = placeAt(data, lng, lat);
  const name = (p: { name: string; nameEn: string } | null) => (p ? (lang === 'en' ? p.nameEn : p.name) : null);
  const parts = [name(place.town), name(place.village), name(place.grid)].filter((x): x is string => x !== null);
  return parts.length > 0 ? parts.join(' · ') : translate(lang, 'place.none');
}

/** The town, community and grid at a point (degrees), from the dataset's once-built index. */
export function placeAt(data: MapData, lng: number, lat: number): PlaceOfPoint {
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = buildPlaceIndex(data.admin, data.grids)));
  return placeOfPoint(index, lng, lat);
}
