// CLI: reads --boundary FILE.geojson — a Polygon, a MultiPolygon, a Feature of one, or a
// FeatureCollection of them — as the geometries whose cells make the Gi* study area.
import { readFileSync } from 'node:fs';
import type { AreaGeometry } from '../model/geo';
import { CliFileError } from './load-incidents';

/** The boundary's polygons. A file that cannot be read or is not such GeoJSON: CliFileError. */
export function readBoundary(path: string): AreaGeometry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliFileError(`cannot read --boundary ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const out: AreaGeometry[] = [];
  const take = (g: unknown, where: string) => {
    const type = (g as { type?: unknown } | null)?.type;
    if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray((g as { coordinates?: unknown }).coordinates)) out.push(g as AreaGeometry);
    else throw new CliFileError(`--boundary ${path}: ${where} is ${String(type ?? 'not a geometry')}, not a Polygon or MultiPolygon`);
  };
  const type = (json as { type?: unknown } | null)?.type;
  if (type === 'FeatureCollection') {
    const features = (json as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new CliFileError(`--boundary ${path}: a FeatureCollection without features`);
    features.forEach((f, i) => take((f as { geometry?: unknown } | null)?.geometry, `feature ${i}`));
  } else if (type === 'Feature') {
    take((json as { geometry?: unknown }).geometry, 'the feature');
  } else {
    take(json, 'the file');
  }
  if (out.length === 0) throw new CliFileError(`--boundary ${path}: no polygons`);
  return out;
}
