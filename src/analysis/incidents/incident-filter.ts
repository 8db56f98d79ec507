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
  /** `codeCount` entries (or more), 1 = keep, 0 = drop: every code of the column reads in bounds. */
  mask: Uint8Array;
  /** True when the filter keeps every incident, so loops may skip the tests. */
  all: boolean;
  /** True when it keeps none (empty window or empty mask). */
  none: boolean;
}

const OPEN_END = 2 ** 32;
/** Shared keep-every-code mask, grown (never per request) to the longest code list seen. */
let keepAll = new Uint8Array(256).fill(1);

/**
 * Normalises a filter once per call for a category column whose codes are all below
 * `codeCount` (see categoryCodeCount). Times are whole seconds, so bounds are rounded up
 * (t ≥ 10.5 ⇔ t ≥ 11) and clamped to the Uint32 range, which keeps the unsigned-wrap window
 * test exact. The mask is sized to the codes present, not to all 65,536 possible ones.
 */
export function compileFilter(filter: IncidentFilter | null | undefined, codeCount: number): CompiledFilter {
  const rawFrom = filter?.fromSec ?? 0;
  const rawTo = filter?.toSec ?? OPEN_END;
  if (Number.isNaN(rawFrom) || Number.isNaN(rawTo)) throw new RangeError('incident filter: fromSec/toSec must be numbers');
  const from = clamp(Math.ceil(rawFrom), 0, OPEN_END);
  const to = clamp(Math.ceil(rawTo), from, OPEN_END);
  if (keepAll.length < codeCount) keepAll = new Uint8Array(codeCount).fill(1);
  let mask = keepAll;
  let kept = codeCount;
  const given = filter?.categories;
  if (given) {
    mask = new Uint8Array(Math.max(1, codeCount));
    kept = 0;
    const n = Math.min(codeCount, given.length);
    for (let c = 0; c < n; c++) if (given[c] !== 0) (mask[c] = 1), kept++;
  }
  const span = to - from;
  return { from, span, mask, all: from === 0 && to === OPEN_END && kept === codeCount, none: span === 0 || (given != null && kept === 0) };
}

/** Largest offence code a category column can hold (Uint16). */
export const MAX_CATEGORY_CODE = 65_535;

/** Builds a category mask keeping the given offence codes (0–65,535), as long as the largest + 1. */
export function categoryMask(codes: Iterable<number>): Uint8Array {
  const kept = [...codes].filter((c) => Number.isInteger(c) && c >= 0 && c <= MAX_CATEGORY_CODE);
  const mask = new Uint8Array(kept.reduce((m, c) => Math.max(m, c + 1), 0));
  for (const c of kept) mask[c] = 1;
  return mask;
}

const codeCounts = new WeakMap<Uint16Array, number>();

/**
 * 1 + the largest code in a category column (0 when empty): how long masks and per-code counts
 * over it need to be. One pass, then cached per column.
 */
export function categoryCodeCount(category: Uint16Array): number {
  let count = codeCounts.get(category);
  if (count === undefined) {
    let max = -1;
    for (let i = 0; i < category.length; i++) if (category[i] > max) max = category[i];
    count = max + 1;
    codeCounts.set(category, count);
  }
  return count;
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
