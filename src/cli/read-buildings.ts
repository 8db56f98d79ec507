// CLI: reads --buildings FILE.geojson — a FeatureCollection (or one Feature or geometry) whose
// Polygon and MultiPolygon geometries are building footprints; other geometries are skipped.
import { readFileSync } from 'node:fs';
import type { AreaGeometry } from '../model/geo';
import { CliFileError, type CliIo } from './load-incidents';

/** The footprints of the file; the number skipped (not polygons) is said on standard error. */
export function readBuildings(path: string, io: CliIo): AreaGeometry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliFileError(`cannot read --buildings ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const type = (json as { type?: unknown } | null)?.type;
  let geometries: unknown[];
  if (type === 'FeatureCollection') {
    const features = (json as { features?: unknown }).features;
    if (!Array.isArray(features)) throw new CliFileError(`--buildings ${path}: a FeatureCollection without features`);
    geometries = features.map((f) => (f as { geometry?: unknown } | null)?.geometry);
  } else if (type === 'Feature') geometries = [(json as { geometry?: unknown }).geometry];
  else geometries = [json];
  const out: AreaGeometry[] = [];
  for (const g of geometries) {
    const t = (g as { type?: unknown } | null)?.type;
    if ((t === 'Polygon' || t === 'MultiPolygon') && Array.isArray((g as { coordinates?: unknown }).coordinates)) out.push(g as AreaGeometry);
  }
  const skipped = geometries.length - out.length;
  io.stderr(`${path}: ${out.length} building footprints${skipped > 0 ? `, ${skipped} features skipped (not Polygon or MultiPolygon)` : ''}\n`);
  return out;
}
