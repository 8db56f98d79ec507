// Analysis (PURE): which town, community (village) and grid a point lies in — so that every cell
// the app lists can name its place. Imports only model types, h3-js and the sibling polygon index.
import { cellToLatLng } from 'h3-js';
import type { AdminCollection, AdminProps, GridCollection, GridProps } from '../../model/admin';
import type { AreaGeometry, Feature } from '../../model/geo';
import { buildPolygonIndex, locatePoint, type PolygonIndex } from './polygon-index';

/** The admin units and grid of a point; null where it lies in none of that level. */
export interface PlaceOfPoint {
  town: AdminProps | null;
  village: AdminProps | null;
  grid: GridProps | null;
}

/** Towns, villages and grids, each packed once for lookups. */
export interface PlaceIndex {
  towns: { index: PolygonIndex; props: AdminProps[] };
  villages: { index: PolygonIndex; props: AdminProps[] };
  grids: { index: PolygonIndex; props: GridProps[] };
}

/** Packs the admin features of level 'town' and 'village', and the grids. */
export function buildPlaceIndex(admin: AdminCollection, grids: GridCollection): PlaceIndex {
  const level = (l: AdminProps['level']) => admin.features.filter((f) => f.properties.level === l);
  const pack = <P,>(features: Feature<AreaGeometry, P>[]) => ({
    index: buildPolygonIndex(features),
    props: features.map((f) => f.properties),
  });
  return { towns: pack(level('town')), villages: pack(level('village')), grids: pack(grids.features) };
}

/** The town, village and grid containing (lng, lat) in degrees (exact point-in-polygon). */
export function placeOfPoint(places: PlaceIndex, lng: number, lat: number): PlaceOfPoint {
  const find = <P,>(set: { index: PolygonIndex; props: P[] }): P | null => {
    const k = locatePoint(set.index, lng, lat);
    return k >= 0 ? set.props[k] : null;
  };
  return { town: find(places.towns), village: find(places.villages), grid: find(places.grids) };
}

/** The place of an H3 cell's centre. */
export function placeOfCell(places: PlaceIndex, cell: string): PlaceOfPoint {
  const [lat, lng] = cellToLatLng(cell);
  return placeOfPoint(places, lng, lat);
}
