// IO (pure): polygon layers — grids, hotspots, building footprints — from GeoJSON or Shapefile
// features. Each feature needs a Polygon or MultiPolygon; positions are converted to WGS-84.
// The file's properties are kept as they are, with id and name filled from the mapping, so the
// panels show them; missing model fields get neutral values, never invented figures.
import type { AreaGeometry, CoordinateSystem, LngLat } from '../../model/geo';
import { toWgs84 } from '../coordinates';
import type { ColumnMapping } from './mapping';
import type { ImportRejection } from './reasons';
import type { ImportGeometry, TableSource } from './table-source';

export interface AreaRecord {
  geometry: AreaGeometry;
  id: string;
  name: string;
  /** Every column of the file's record, by header name. */
  properties: Record<string, string>;
}

export interface AreaImport {
  areas: AreaRecord[];
  total: number;
  accepted: number;
  rejected: ImportRejection[];
}

export function importAreas(src: TableSource, mapping: ColumnMapping, crs: CoordinateSystem = 'WGS84'): AreaImport {
  const areas: AreaRecord[] = [];
  const rejected: ImportRejection[] = [];
  let total = 0;
  const all = src.header.map((_, i) => i);
  src.scan(all, {
    row(line, _n, texts, starts, ends) {
      total++;
      const cell = (k: number | undefined): string => (k === undefined || starts[k] < 0 ? '' : texts[k].slice(starts[k], ends[k]).trim());
      const g = src.geometryAt?.(line) ?? null;
      if (g === null) {
        rejected.push({ line, codes: ['missing-geometry'], detail: 'feature has no geometry' });
        return;
      }
      const geometry = toArea(g, crs);
      if (geometry === null) {
        rejected.push({ line, codes: ['not-a-polygon'], detail: `geometry is a ${g.type}, not a Polygon or MultiPolygon` });
        return;
      }
      const properties: Record<string, string> = {};
      src.header.forEach((h, k) => (properties[h] = cell(k)));
      const id = cell(mapping.id) || `import-${line}`;
      areas.push({ geometry, id, name: cell(mapping.name) || id, properties });
    },
    malformed(line, reason) {
      total++;
      rejected.push({ line, codes: ['malformed-quotes'], detail: reason });
    },
  });
  return { areas, total, accepted: areas.length, rejected };
}

/** A Polygon or MultiPolygon with finite positions, converted; null for anything else. */
function toArea(g: ImportGeometry, crs: CoordinateSystem): AreaGeometry | null {
  const ring = (r: unknown): LngLat[] | null => {
    if (!Array.isArray(r) || r.length < 4) return null;
    const out: LngLat[] = [];
    for (const p of r) {
      if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
      const [x, y] = toWgs84(p[0] as number, p[1] as number, crs);
      out.push([x, y]);
    }
    return out;
  };
  const poly = (rs: unknown): LngLat[][] | null => {
    if (!Array.isArray(rs) || rs.length === 0) return null;
    const out = rs.map(ring);
    return out.every((r): r is LngLat[] => r !== null) ? out : null;
  };
  if (g.type === 'Polygon') {
    const c = poly(g.coordinates);
    return c ? { type: 'Polygon', coordinates: c } : null;
  }
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) {
    const c = (g.coordinates as unknown[]).map(poly);
    return c.length > 0 && c.every((p): p is LngLat[][] => p !== null) ? { type: 'MultiPolygon', coordinates: c } : null;
  }
  return null;
}
