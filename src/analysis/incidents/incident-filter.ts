// Analysis (PURE): the incident filter shared by every count (time window, offence categories,
// local hours of the week, polygons). Imports nothing; no DOM.

/**
 * Which incidents to count. Every field is optional; an empty filter keeps every incident, and
 * the fields combine with AND. Times are epoch seconds like `IncidentColumns.timeSec`. A plain
 * object of numbers and typed arrays, so it crosses postMessage as it is.
 */
export interface IncidentFilter {
  /** First second kept (inclusive), epoch seconds. */
  fromSec?: number;
  /** First second no longer kept (exclusive), epoch seconds. */
  toSec?: number;
  /**
   * Offence categories kept: `categories[code]` non-zero keeps incidents of that code; codes past
   * the end of the mask are dropped. null or absent keeps every category.
   */
  categories?: Uint8Array | null;
  /**
   * Local hours of the week kept: `hourOfWeek[weekday × 24 + hour]` non-zero keeps incidents at
   * that local hour (weekday 0 = Monday, in the dataset's zone). 168 entries; missing entries
   * drop. null or absent keeps every hour.
   */
  hourOfWeek?: Uint8Array | null;
  /**
   * Polygons kept: incidents inside polygon k of the registered polygon set `set` (e.g. 'towns',
   * 'grids', a user-drawn 'drawn') are kept when `mask[k]` is non-zero; incidents in no polygon of
   * the set, or in one past the end of the mask, are dropped. null or absent keeps every incident.
   */
  polygon?: { set: string; mask: Uint8Array } | null;
}

/**
 * The time and category part of a filter in the form hot loops want: the test for incident i is
 * branch-free, `((timeSec[i] - from) >>> 0) < span` and `mask[category[i]]`. Hours of the week
 * and polygons are compiled against an index by row-filter.ts.
 */
export interface CompiledFilter {
  /** First second kept, a whole number in 0 … 2^32. */
  from: number;
  /** Seconds kept from `from` on: to − from, ≥ 0 (0 keeps nothing). */
  span: number;
  /** 256 entries, 1 = keep, 0 = drop. */
  mask: Uint8Array;
  /** True when the filter keeps every incident, so loops may skip the tests. */
  all: boolean;
  /** True when it keeps none (empty window or empty mask). */
  none: boolean;
}

const OPEN_END = 2 ** 32;
const KEEP_ALL = new Uint8Array(256).fill(1);

/**
 * Normalises a filter once per call. Times are whole seconds, so bounds are rounded up
 * (t ≥ 10.5 ⇔ t ≥ 11) and clamped to the Uint32 range, which keeps the unsigned-wrap window
 * test exact.
 */
export function compileFilter(filter: IncidentFilter | null | undefined): CompiledFilter {
  const rawFrom = filter?.fromSec ?? 0;
  const rawTo = filter?.toSec ?? OPEN_END;
  if (Number.isNaN(rawFrom) || Number.isNaN(rawTo)) throw new RangeError('incident filter: fromSec/toSec must be numbers');
  const from = clamp(Math.ceil(rawFrom), 0, OPEN_END);
  const to = clamp(Math.ceil(rawTo), from, OPEN_END);
  let mask = KEEP_ALL;
  let kept = 256;
  const given = filter?.categories;
  if (given) {
    mask = new Uint8Array(256);
    kept = 0;
    const n = Math.min(256, given.length);
    for (let c = 0; c < n; c++) if (given[c] !== 0) (mask[c] = 1), kept++;
  }
  const span = to - from;
  return { from, span, mask, all: from === 0 && to === OPEN_END && kept === 256, none: span === 0 || kept === 0 };
}

/** Builds a category mask keeping the given offence codes (0–255). */
export function categoryMask(codes: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(256);
  for (const c of codes) if (c >= 0 && c < 256) mask[c] = 1;
  return mask;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The hour-of-week mask of a filter as 168 entries of 0 or 1, or null when it keeps every hour
 * (absent, or all 168 set).
 */
export function normaliseHourMask(given: Uint8Array | null | undefined): Uint8Array | null {
  if (!given) return null;
  const mask = new Uint8Array(168);
  let kept = 0;
  const n = Math.min(168, given.length);
  for (let h = 0; h < n; h++) if (given[h] !== 0) (mask[h] = 1), kept++;
  return kept === 168 ? null : mask;
}
