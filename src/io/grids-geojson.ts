// IO: grids as a GeoJSON FeatureCollection — written with every attribute the editor keeps, and
// read back (ours or another system's): every Polygon/MultiPolygon feature becomes a grid, with
// missing attributes defaulted and missing codes numbered in the parent's scheme; a feature that
// cannot be a grid (no geometry, a point) is listed with its index and reason, never dropped
// quietly. Invalid or overlapping shapes load as they are: the topology report says what is wrong.
import type { AreaGeometry, GridKind } from '../model';
import type { LayoutGrid, LayoutGridProps } from '../analysis/grids/grid-layout';
import { nextFreeCode } from '../analysis/grids/grid-codes';

/** The layout as GeoJSON text (one feature per grid, in layout order). */
export function writeGridsGeoJson(grids: readonly LayoutGrid[], meta: { name: string; savedAt: string; issues: number }): string {
  const fc = {
    type: 'FeatureCollection',
    // Not part of RFC 7946 but allowed ("foreign members"): what the file is and whether it has known problems (a draft).
    name: meta.name,
    savedAt: meta.savedAt,
    topologyIssues: meta.issues,
    features: grids.map((g) => ({ type: 'Feature', id: g.properties.id, geometry: g.geometry, properties: g.properties })),
  };
  return JSON.stringify(fc);
}

export interface GridsRead {
  grids: LayoutGrid[];
  rejected: Array<{ index: number; reason: string }>;
}

const KINDS: readonly GridKind[] = ['comprehensive', 'party', 'safety', 'harmony'];

/** Reads a grids file. Throws only when the text is not a GeoJSON FeatureCollection at all. */
export function readGridsGeoJson(text: string): GridsRead {
  const json = JSON.parse(text) as { type?: string; features?: unknown[] };
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('not a GeoJSON FeatureCollection');
  const grids: LayoutGrid[] = [];
  const rejected: GridsRead['rejected'] = [];
  const taken = new Set<string>();
  const pending: Array<{ props: Partial<LayoutGridProps>; geometry: AreaGeometry }> = [];
  json.features.forEach((raw, index) => {
    const f = raw as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') return rejected.push({ index, reason: `geometry ${type ?? 'missing'} is not a polygon` });
    if (!Array.isArray(f.geometry!.coordinates)) return rejected.push({ index, reason: 'geometry has no coordinates' });
    const p = f.properties ?? {};
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : typeof p[k] === 'number' ? String(p[k]) : undefined);
    const num = (k: string) => (typeof p[k] === 'number' && Number.isFinite(p[k]) ? (p[k] as number) : Number(p[k]) || 0);
    const code = str('code') ?? str('id');
    if (code) taken.add(code);
    const kind = str('kind') as GridKind | undefined;
    pending.push({
      geometry: f.geometry as AreaGeometry,
      props: {
        code,
        name: str('name') ?? '',
        nameEn: str('nameEn') ?? '',
        townId: str('townId') ?? '',
        villageId: str('villageId') ?? str('parentId') ?? '',
        kind: kind && KINDS.includes(kind) ? kind : 'comprehensive',
        households: num('households'),
        population: num('population'),
        officer: str('officer') ?? '',
        officerPhone: str('officerPhone') ?? '',
        setting: str('setting') === 'rural' ? 'rural' : 'urban',
        level: str('level') === 'micro' ? 'micro' : 'grid',
        figures: str('figures') === 'prorated' ? 'prorated' : str('figures') === 'entered' ? 'entered' : str('figures') === 'buildings' ? 'buildings' : 'survey',
      },
    });
  });
  const seen = new Set<string>();
  for (const { props, geometry } of pending) {
    // A missing or repeated code gets the next free one of its parent: two grids cannot share an id.
    let code = props.code;
    if (!code || seen.has(code)) {
      code = nextFreeCode(props.villageId || 'imported', taken);
      taken.add(code);
    }
    seen.add(code);
    grids.push({ type: 'Feature', geometry, properties: { ...(props as LayoutGridProps), id: code, code } });
  }
  return { grids, rejected };
}
