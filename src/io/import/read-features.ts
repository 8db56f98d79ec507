// IO (pure): GeoJSON and zipped Shapefiles as TableSources — the properties as columns, point
// positions as 经度/纬度 columns, polygons kept per record. A record's "line" is its feature
// number (1-based). shpjs honours the .prj (reprojecting to WGS-84 longitude/latitude) and the
// .cpg (the .dbf's text encoding).
import shp from 'shpjs';
import { arraySource, cellText, type ImportGeometry, type TableSource } from './table-source';

interface GeoFeature {
  geometry?: ImportGeometry | null;
  properties?: Record<string, unknown> | null;
}

/** Thrown when the file is not GeoJSON or not a Shapefile zip. */
export class FeatureImportError extends Error {
  override name = 'FeatureImportError';
}

export const POINT_LON = '经度';
export const POINT_LAT = '纬度';

/** A GeoJSON FeatureCollection, Feature or array of features, as text. */
export function geojsonSource(text: string): TableSource {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FeatureImportError(`not valid JSON: ${(e as Error).message}`);
  }
  return featureSource('geojson', 'utf-8', featuresOf(doc));
}

/** The first layer of a zipped Shapefile (.shp, .dbf, optional .prj and .cpg). */
export async function shapefileSource(bytes: Uint8Array): Promise<TableSource> {
  let doc: unknown;
  try {
    doc = await shp(bytes);
  } catch (e) {
    throw new FeatureImportError(`not a readable Shapefile zip: ${(e as Error).message}`);
  }
  return featureSource('shapefile', 'dbf', featuresOf(Array.isArray(doc) ? doc[0] : doc));
}

function featuresOf(doc: unknown): GeoFeature[] {
  const d = doc as { type?: string; features?: unknown };
  if (Array.isArray(doc)) return doc as GeoFeature[];
  if (d && d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features as GeoFeature[];
  if (d && d.type === 'Feature') return [doc as GeoFeature];
  throw new FeatureImportError('expected a GeoJSON FeatureCollection');
}

function featureSource(format: 'geojson' | 'shapefile', encoding: string, features: GeoFeature[]): TableSource {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f?.properties ?? {})) if (!seen.has(k)) seen.add(k), keys.push(k);
  }
  const points = features.some((f) => f?.geometry?.type === 'Point');
  const header = points ? [...keys, POINT_LON, POINT_LAT] : keys;
  const rows = features.map((f) => {
    const p = f?.properties ?? {};
    const r = keys.map((k) => cellText(p[k]));
    if (points) {
      const c = f?.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
      r.push(cellText(c[0]), cellText(c[1]));
    }
    return r;
  });
  const lines = features.map((_, i) => i + 1);
  return arraySource(format, encoding, header, rows, lines, features.map((f) => f?.geometry ?? null));
}
