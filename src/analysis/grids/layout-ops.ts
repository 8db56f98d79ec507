// Analysis (PURE): the editor's operations, each turning the current layout and the user's
// gesture into one LayoutChange (grid-layout.ts) — add, reshape, delete, split along a line,
// merge two adjacent grids, move a vertex shared by several grids, change attributes. An
// operation that cannot be done returns an error code and changes nothing.
import { area, difference, feature, featureCollection, intersect, lineString, polygon, union, booleanCrosses, bbox } from '@turf/turf';
import type { AreaGeometry, LngLat, PolygonGeometry } from '../../model';
import type { LayoutChange, LayoutGrid, LayoutGridProps } from './grid-layout';
import { nextFreeCode, splitCodes } from './grid-codes';
import type { SourceGrid } from './grid-prorate';
import { figuresOfShape, type BuildingHouseholds } from './grid-figures';

export type OpResult = { ok: true; change: LayoutChange } | { ok: false; error: 'not-found' | 'line-does-not-split' | 'not-adjacent' | 'no-such-vertex' };

/** What new grids need: the surveyed grids figures are pro-rated from, and every code ever used. */
export interface OpContext {
  sources: readonly SourceGrid[];
  /** The dataset's buildings carrying households, when it has such (then a grid's households are theirs). */
  buildings?: BuildingHouseholds | null;
  /** Codes taken: the layout's and any the session retired (grid-codes.ts). */
  takenCodes: Iterable<string>;
}

const find = (grids: readonly LayoutGrid[], id: string) => grids.find((g) => g.properties.id === id);

/** Figures of a shape: from the buildings inside when they carry households, else from the surveyed grids it covers. */
function withFigures(props: LayoutGridProps, geometry: AreaGeometry, ctx: OpContext): LayoutGridProps {
  const f = figuresOfShape(geometry, ctx.sources, ctx.buildings ?? null);
  return { ...props, households: f.households, population: f.population, figures: f.householdsFrom };
}

/** A new grid in `parent` (a village/community id, the code's prefix); attributes may be filled in later. */
export function addGrid(geometry: AreaGeometry, attrs: Pick<LayoutGridProps, 'villageId' | 'townId'> & Partial<LayoutGridProps>, ctx: OpContext): OpResult {
  const code = attrs.code ?? nextFreeCode(attrs.villageId, ctx.takenCodes);
  const props: LayoutGridProps = {
    id: code,
    code,
    name: '',
    nameEn: '',
    kind: 'comprehensive',
    households: 0,
    population: 0,
    officer: '',
    officerPhone: '',
    setting: 'urban',
    level: 'grid',
    figures: 'prorated',
    ...attrs,
  };
  return { ok: true, change: { kind: 'add', removed: [], added: [{ type: 'Feature', geometry, properties: withFigures(props, geometry, ctx) }] } };
}

/** A grid's new shape; its figures are pro-rated again unless the user typed them in. */
export function reshapeGrid(grids: readonly LayoutGrid[], id: string, geometry: AreaGeometry, ctx: OpContext): OpResult {
  const g = find(grids, id);
  if (!g) return { ok: false, error: 'not-found' };
  const props = g.properties.figures === 'entered' ? g.properties : withFigures(g.properties, geometry, ctx);
  return { ok: true, change: { kind: 'reshape', removed: [g], added: [{ ...g, geometry, properties: props }] } };
}

export function deleteGrid(grids: readonly LayoutGrid[], id: string): OpResult {
  const g = find(grids, id);
  return g ? { ok: true, change: { kind: 'delete', removed: [g], added: [] } } : { ok: false, error: 'not-found' };
}

export function setAttributes(grids: readonly LayoutGrid[], id: string, attrs: Partial<LayoutGridProps>): OpResult {
  const g = find(grids, id);
  if (!g) return { ok: false, error: 'not-found' };
  // Typed-in figures are the user's and are no longer pro-rated on reshaping.
  const entered = attrs.households !== undefined || attrs.population !== undefined ? { figures: 'entered' as const } : {};
  return { ok: true, change: { kind: 'attributes', removed: [g], added: [{ ...g, properties: { ...g.properties, ...attrs, ...entered } }] } };
}

/**
 * Splits a grid along a polyline that crosses it from outside to outside. The part on the
 * line's left keeps the grid's id and code, the other takes the parent's next free code; the
 * two share the cut exactly (both are clipped by the same line). Figures are pro-rated from the
 * surveyed grids (so the halves add up to the whole).
 */
export function splitGrid(grids: readonly LayoutGrid[], id: string, line: LngLat[], ctx: OpContext): OpResult {
  const g = find(grids, id);
  if (!g) return { ok: false, error: 'not-found' };
  if (line.length < 2 || !booleanCrosses(lineString(line), feature(g.geometry))) return { ok: false, error: 'line-does-not-split' };
  const side = leftSide(line, bbox(g.geometry));
  const left = intersect(featureCollection([feature(g.geometry), feature(side)]));
  const right = difference(featureCollection([feature(g.geometry), feature(side)]));
  if (!left || !right || area(left) < 1 || area(right) < 1) return { ok: false, error: 'line-does-not-split' };
  const [keep, next] = splitCodes(g.properties.code, g.properties.villageId, ctx.takenCodes);
  const a: LayoutGrid = { type: 'Feature', geometry: left.geometry as AreaGeometry, properties: withFigures(g.properties, left.geometry as AreaGeometry, ctx) };
  const bProps = { ...g.properties, id: next, code: next, name: '', nameEn: '' };
  const b: LayoutGrid = { type: 'Feature', geometry: right.geometry as AreaGeometry, properties: withFigures(bProps, right.geometry as AreaGeometry, ctx) };
  a.properties.code = keep;
  return { ok: true, change: { kind: 'split', removed: [g], added: [a, b] } };
}

/**
 * The half-plane left of a polyline, as a polygon: the line extended well past `box` at both
 * ends, closed by two far points on its left.
 */
function leftSide(line: LngLat[], box: number[]): PolygonGeometry {
  const far = 4 * Math.max(box[2] - box[0], box[3] - box[1], 1e-6);
  const unit = (a: LngLat, b: LngLat): LngLat => {
    const d = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    return [(b[0] - a[0]) / d, (b[1] - a[1]) / d];
  };
  const u0 = unit(line[0], line[1]);
  const u1 = unit(line[line.length - 2], line[line.length - 1]);
  const start: LngLat = [line[0][0] - u0[0] * far, line[0][1] - u0[1] * far];
  const end: LngLat = [line[line.length - 1][0] + u1[0] * far, line[line.length - 1][1] + u1[1] * far];
  const leftOf = (p: LngLat, u: LngLat): LngLat => [p[0] - u[1] * far, p[1] + u[0] * far];
  const ring = [start, ...line, end, leftOf(end, u1), leftOf(start, u0), start];
  return polygon([ring]).geometry as PolygonGeometry;
}

/** Merges two grids that share an edge (or overlap) into the first, which keeps its id and code; figures add up. */
export function mergeGrids(grids: readonly LayoutGrid[], keepId: string, otherId: string): OpResult {
  const a = find(grids, keepId);
  const b = find(grids, otherId);
  if (!a || !b || a === b) return { ok: false, error: 'not-found' };
  const merged = union(featureCollection([feature(a.geometry), feature(b.geometry)]));
  if (!merged || merged.geometry.type !== 'Polygon') return { ok: false, error: 'not-adjacent' };
  const props: LayoutGridProps = { ...a.properties, households: a.properties.households + b.properties.households, population: a.properties.population + b.properties.population };
  return { ok: true, change: { kind: 'merge', removed: [a, b], added: [{ type: 'Feature', geometry: merged.geometry as PolygonGeometry, properties: props }] } };
}

/**
 * Moves the vertex at `from` to `to` in every grid that has it (within `epsDeg`, default
 * 1e-9° — shared edges share coordinates exactly), as one change: neighbours stay joined.
 * Figures stay as they were (a vertex drag is a small correction; the grid is no new survey).
 */
export function moveSharedVertex(grids: readonly LayoutGrid[], from: LngLat, to: LngLat, epsDeg = 1e-9): OpResult {
  const same = (p: LngLat) => Math.abs(p[0] - from[0]) <= epsDeg && Math.abs(p[1] - from[1]) <= epsDeg;
  const move = (ring: LngLat[]) => ring.map((p) => (same(p) ? ([to[0], to[1]] as LngLat) : p));
  const removed: LayoutGrid[] = [];
  const added: LayoutGrid[] = [];
  for (const g of grids) {
    const geom = g.geometry;
    const rings = geom.type === 'Polygon' ? geom.coordinates : geom.coordinates.flat();
    if (!rings.some((r) => r.some(same))) continue;
    const geometry: AreaGeometry =
      geom.type === 'Polygon' ? { type: 'Polygon', coordinates: geom.coordinates.map(move) } : { type: 'MultiPolygon', coordinates: geom.coordinates.map((p) => p.map(move)) };
    removed.push(g);
    added.push({ ...g, geometry });
  }
  return removed.length ? { ok: true, change: { kind: 'move-vertex', removed, added } } : { ok: false, error: 'no-such-vertex' };
}
