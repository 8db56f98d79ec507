// Model: coordinate and geometry types shared by every layer of the app. No logic.

/** A position as [longitude, latitude] in WGS-84 degrees — the only order used inside the app. */
export type LngLat = [number, number];

/** Bounding box [west, south, east, north] in WGS-84 degrees. */
export type BBox = [number, number, number, number];

/**
 * Coordinate systems data may arrive in (DOMAIN.md). Everything is converted to WGS-84 once,
 * at import; CGCS2000 differs from WGS-84 by centimetres and is treated as equal.
 */
export type CoordinateSystem = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: LngLat[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: LngLat[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface Feature<G, P> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}
