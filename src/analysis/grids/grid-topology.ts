// Analysis (PURE): topology of a grid layout — grids that cross themselves, overlap each other
// (with the overlap's area in m²), leave gaps inside their parent unit (the village/community,
// else the town), or reach outside it. Reports only: nothing is fixed here (the user decides).
import { area, bbox, centroid, difference, feature, featureCollection, intersect, kinks, union } from '@turf/turf';
import type { AdminFeature, AreaGeometry, BBox, LngLat } from '../../model';
import type { LayoutGrid } from './grid-layout';
import { boxesMeet } from './grid-prorate';

export type TopologyKind = 'self-intersection' | 'overlap' | 'gap' | 'outside';

export interface TopologyIssue {
  kind: TopologyKind;
  /** The grids involved (one, or two for an overlap; for a gap, the parent's id is `parentId`). */
  gridIds: string[];
  parentId: string | null;
  /** Area of the overlap, gap or outside part in m²; 0 for a self-intersection. */
  areaM2: number;
  /** Where to look: a crossing point, or the centre of the problem area. */
  at: LngLat;
  bbox: BBox;
  /** The problem area to highlight; null for a self-intersection (a point). */
  geometry: AreaGeometry | null;
}

export interface TopologyOptions {
  /** Only these grids are checked (the ones edited), against all; default every grid. */
  subjectIds?: ReadonlySet<string>;
  /** Overlaps, gaps and outside parts smaller than this are float noise along shared edges. Default 1 m². */
  minAreaM2?: number;
}

/** The admin unit a grid belongs to for gaps and "outside": its village/community, else its town. */
export function parentOf(grid: LayoutGrid, admin: ReadonlyMap<string, AdminFeature>): AdminFeature | null {
  return admin.get(grid.properties.villageId) ?? admin.get(grid.properties.townId) ?? null;
}

export function gridTopology(grids: readonly LayoutGrid[], adminUnits: readonly AdminFeature[], opts: TopologyOptions = {}): TopologyIssue[] {
  const min = opts.minAreaM2 ?? 1;
  const admin = new Map(adminUnits.map((a) => [a.properties.id, a]));
  const isSubject = (g: LayoutGrid) => !opts.subjectIds || opts.subjectIds.has(g.properties.id);
  const boxes = grids.map((g) => bbox(g.geometry) as BBox);
  const issues: TopologyIssue[] = [];

  grids.forEach((g, i) => {
    if (!isSubject(g)) return;
    for (const k of kinks(feature(g.geometry)).features) {
      const at = k.geometry.coordinates as LngLat;
      issues.push({ kind: 'self-intersection', gridIds: [g.properties.id], parentId: null, areaM2: 0, at, bbox: boxes[i], geometry: null });
    }
  });

  // Overlaps: each pair once (a subject with any grid; two subjects only as i < j).
  for (let i = 0; i < grids.length; i++) {
    for (let j = 0; j < grids.length; j++) {
      if (i === j || !boxesMeet(boxes[i], boxes[j])) continue;
      const a = grids[i];
      const b = grids[j];
      if (!isSubject(a) || (isSubject(b) && j < i)) continue;
      const inter = safe(() => intersect(featureCollection([feature(a.geometry), feature(b.geometry)])));
      if (!inter) continue;
      const m2 = area(inter);
      if (m2 < min) continue;
      issues.push(areaIssue('overlap', [a.properties.id, b.properties.id], null, inter.geometry as AreaGeometry, m2));
    }
  }

  // Outside the parent, and gaps inside each parent of a subject grid.
  const byParent = new Map<string, LayoutGrid[]>();
  for (const g of grids) {
    const p = parentOf(g, admin);
    if (!p) continue;
    const list = byParent.get(p.properties.id) ?? [];
    list.push(g);
    byParent.set(p.properties.id, list);
    if (!isSubject(g)) continue;
    const out = safe(() => difference(featureCollection([feature(g.geometry), feature(p.geometry)])));
    for (const part of parts(out?.geometry as AreaGeometry | undefined)) {
      const m2 = area(part);
      if (m2 >= min) issues.push(areaIssue('outside', [g.properties.id], p.properties.id, part, m2));
    }
  }
  for (const [parentId, members] of byParent) {
    if (!members.some(isSubject)) continue;
    const covered = members.length === 1 ? feature(members[0].geometry) : safe(() => union(featureCollection(members.map((m) => feature(m.geometry)))));
    if (!covered) continue;
    const gap = safe(() => difference(featureCollection([feature(admin.get(parentId)!.geometry), covered])));
    for (const part of parts(gap?.geometry as AreaGeometry | undefined)) {
      const m2 = area(part);
      if (m2 >= min) issues.push(areaIssue('gap', [], parentId, part, m2));
    }
  }
  return issues;
}

function areaIssue(kind: TopologyKind, gridIds: string[], parentId: string | null, geometry: AreaGeometry, areaM2: number): TopologyIssue {
  return { kind, gridIds, parentId, areaM2, at: centroid(geometry).geometry.coordinates as LngLat, bbox: bbox(geometry) as BBox, geometry };
}

/** The polygons of an area, one by one (a MultiPolygon's parts are separate problems). */
function parts(g: AreaGeometry | undefined | null): AreaGeometry[] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

/**
 * Clipping throws on some degenerate input (a self-crossing ring); that grid's own
 * self-intersection issue already says what is wrong, so the pair is skipped rather than the list lost.
 */
function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
