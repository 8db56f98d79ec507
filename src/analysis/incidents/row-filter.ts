// Analysis (PURE): an IncidentFilter compiled against rows — the one per-row test every count
// runs. Imports only sibling pure modules; no DOM.
//
// Every loop keeps row i when `((timeSec[i] - from) >>> 0) < span` and `lut[src[i]]` is 1. With
// only categories, src is the category column and lut the category mask. Hours of the week and
// polygons are folded once into a byte per row (the "static" part, which a time brush does not
// change) and cached, so brushing costs one pass over time and one byte per row whatever else is
// filtered. src is always a Uint16Array (the category column, or the keep column of 0/1 made as
// wide on purpose): one shape, so the hot loops stay monomorphic. The category mask is sized to
// the codes the column holds (categoryCodeCount), so every lut read is in bounds.
import type { PolygonAssignment } from '../grids/grid-stats';
import { categoryCodeCount, compileFilter, normaliseHourMask, type IncidentFilter } from './incident-filter';

/** Polygon sets by name (as registered with assignPolygons), rows in the same order as the index. */
export type PolygonSets = ReadonlyMap<string, PolygonAssignment>;

/** The per-row columns a filter reads. */
export interface RowSource {
  timeSec: Uint32Array;
  category: Uint16Array;
  /** Local hour of week per row; needed only by filters with hourOfWeek. */
  hourOfWeek?: Uint8Array;
}

/** A compiled filter: keep row i when ((timeSec[i] − from) >>> 0) < span and lut[src[i]] === 1. */
export interface RowFilter {
  from: number;
  span: number;
  src: Uint16Array;
  lut: Uint8Array;
  /** Keeps every row: loops may count without testing. */
  all: boolean;
  /** Keeps no row. */
  none: boolean;
}

/** Parts of the filter to leave out (the trend ignores time, the week matrix its own hours). */
export interface RowFilterOptions {
  ignoreTime?: boolean;
  ignoreHourOfWeek?: boolean;
}

/** The lut of a keep column: its values are 0 or 1. */
const KEEP_ONE = Uint8Array.of(0, 1);
const CACHE_SIZE = 3;

interface StaticEntry {
  categories: Uint8Array;
  hours: Uint8Array | null;
  assignment: PolygonAssignment | null;
  polygons: Uint8Array | null;
  keep: Uint16Array;
}

/** Per category column (so per index): the last few static keeps, most recent first. */
const cache = new WeakMap<Uint16Array, StaticEntry[]>();

/**
 * Compiles `filter` for `rows`. Throws when it names a polygon set not in `polygons` (or one whose
 * assignment covers other rows), or filters hours on rows without an hourOfWeek column.
 */
export function compileRowFilter(rows: RowSource, filter: IncidentFilter | null | undefined, polygons?: PolygonSets, opts: RowFilterOptions = {}): RowFilter {
  const base = compileFilter(opts.ignoreTime ? { categories: filter?.categories } : filter, categoryCodeCount(rows.category));
  const hours = opts.ignoreHourOfWeek ? null : normaliseHourMask(filter?.hourOfWeek);
  const polygon = filter?.polygon ?? null;
  const from = base.from;
  const span = base.span;
  if (!hours && !polygon) {
    return { from, span, src: rows.category, lut: base.mask, all: base.all, none: base.none };
  }
  let assignment: PolygonAssignment | null = null;
  let polygonMask: Uint8Array | null = null;
  let none = base.none;
  if (hours && !hours.includes(1)) none = true;
  if (polygon) {
    const found = polygons?.get(polygon.set);
    if (!found) throw new Error(`no polygon set "${polygon.set}": call assignPolygons first (have: ${[...(polygons?.keys() ?? [])].join(', ') || 'none'})`);
    if (found.polygon.length !== rows.timeSec.length) {
      throw new RangeError(`polygon set "${polygon.set}" covers ${found.polygon.length} incidents, the rows ${rows.timeSec.length}`);
    }
    assignment = found;
    polygonMask = new Uint8Array(found.polygonCount);
    const m = Math.min(found.polygonCount, polygon.mask.length);
    let kept = 0;
    for (let k = 0; k < m; k++) if (polygon.mask[k] !== 0) (polygonMask[k] = 1), kept++;
    if (kept === 0) none = true;
  }
  if (hours && !rows.hourOfWeek) throw new Error('this filter selects hours of the week, but the rows have no hourOfWeek column');
  if (none) return { from, span, src: rows.category, lut: new Uint8Array(base.mask.length), all: false, none: true };
  const keep = staticKeep(rows, base.mask, hours, assignment, polygonMask);
  return { from, span, src: keep, lut: KEEP_ONE, all: false, none: false };
}

function staticKeep(rows: RowSource, categories: Uint8Array, hours: Uint8Array | null, assignment: PolygonAssignment | null, polygons: Uint8Array | null): Uint16Array {
  let entries = cache.get(rows.category);
  if (!entries) cache.set(rows.category, (entries = []));
  const hit = entries.findIndex(
    (e) => e.assignment === assignment && sameBytes(e.categories, categories) && sameBytes(e.hours, hours) && sameBytes(e.polygons, polygons),
  );
  if (hit >= 0) {
    const [e] = entries.splice(hit, 1);
    entries.unshift(e);
    return e.keep;
  }
  const n = rows.timeSec.length;
  const keep = new Uint16Array(n);
  const cat = rows.category;
  for (let i = 0; i < n; i++) keep[i] = categories[cat[i]];
  if (hours) {
    const how = rows.hourOfWeek!;
    for (let i = 0; i < n; i++) keep[i] &= hours[how[i]];
  }
  if (assignment && polygons) {
    const { polygon, polygonCount, also } = assignment;
    // Rows whose first polygon is not chosen but a further one is (overlapping sets): kept by
    // the category and hour parts alone, noted before the polygon part clears them.
    const alsoKept: number[] = [];
    if (also) for (let j = 0; j < also.row.length; j++) if (polygons[also.polygon[j]]) alsoKept.push(also.row[j], keep[also.row[j]]);
    if (polygon instanceof Uint16Array) {
      // 65,536 entries, so the "no polygon" sentinel 0xffff and every index read a 0 or 1.
      const lut = new Uint8Array(65_536);
      lut.set(polygons);
      for (let i = 0; i < n; i++) keep[i] &= lut[polygon[i]];
    } else {
      for (let i = 0; i < n; i++) {
        const k = polygon[i];
        keep[i] &= k < polygonCount ? polygons[k] : 0;
      }
    }
    for (let j = 0; j < alsoKept.length; j += 2) keep[alsoKept[j]] = alsoKept[j + 1];
  }
  entries.unshift({ categories: categories.slice(), hours, assignment, polygons, keep });
  if (entries.length > CACHE_SIZE) entries.length = CACHE_SIZE;
  return keep;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Rows kept by `f` among rows from…to−1 (one pass). */
export function countRows(time: Uint32Array, f: RowFilter, from: number, to: number): number {
  if (f.none) return 0;
  if (f.all) return to - from;
  const { from: t0, span, src, lut } = f;
  let s = 0;
  for (let i = from; i < to; i++) s += +(((time[i] - t0) >>> 0) < span) & lut[src[i]];
  return s;
}
