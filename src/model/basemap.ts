// Model: the dataset's own basemap layers (roads, water, buildings, place names). No logic.
import type { Feature, FeatureCollection, LngLat, PolygonGeometry } from './geo';
import type { PointGeometry } from './camera';
import type { PlaceKind, RoadClass } from './dataset';

export interface LineStringGeometry {
  type: 'LineString';
  coordinates: LngLat[];
}

export type RoadCollection = FeatureCollection<LineStringGeometry, { class: RoadClass; name?: string; nameEn?: string }>;
export type WaterCollection = FeatureCollection<
  PolygonGeometry | LineStringGeometry,
  { kind: 'river' | 'lake' | 'stream'; name?: string }
>;
/** Footprints with storeys; households (户数) and population when the dataset's buildings carry them (the demo's do not). */
export type BuildingCollection = FeatureCollection<PolygonGeometry, { levels: number; households?: number; population?: number }>;
export interface PlaceProps {
  name: string;
  nameEn: string;
  kind: PlaceKind;
  /** 1 shows first (county seat) … 5 last. */
  rank: number;
}
export type PlaceFeature = Feature<PointGeometry, PlaceProps>;
export type PlaceCollection = FeatureCollection<PointGeometry, PlaceProps>;
