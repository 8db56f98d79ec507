// Analysis (PURE): incidents per local day or week over the whole dataset, and per local hour of
// the week, under a filter. Imports only sibling pure modules; no DOM.
import { indexRows } from '../incidents/aggregate-h3';
import { localDayStartMs, weekdayOfDay } from './hour-of-week';
import type { IncidentFilter } from '../incidents/incident-filter';
import type { IncidentIndex } from '../incidents/incident-index';
import { compileRowFilter, type PolygonSets } from '../incidents/row-filter';

/** Incidents per local day or week (weeks start on Monday) in the dataset's zone. */
export interface TimeSeries {
  /** Epoch milliseconds of the first bucket's local start (midnight; a Monday for weeks); NaN if empty. */
  start: number;
  bucket: 'day' | 'week';
  /** counts[k] incidents in bucket k. */
  counts: Uint32Array;
  /**
   * Epoch milliseconds of each bucket's local start, plus the end of the last: counts.length + 1
   * entries. Not always 24 h apart where the zone has daylight saving time.
   */
  starts: Float64Array;
}

/**
 * Counts the incidents kept by `filter` per local day or week, covering every day from the
 * earliest incident to the latest. The filter's time window is ignored — a trend shows every day
 * and a brush on it selects the window — while categories, hours of the week and polygons apply.
 * One pass over the rows.
 */
export function timeSeries(index: IncidentIndex, filter: IncidentFilter | null | undefined, bucket: 'day' | 'week', polygons?: PolygonSets): TimeSeries {
  if (bucket !== 'day' && bucket !== 'week') throw new RangeError(`bucket must be 'day' or 'week', got ${String(bucket)}`);
  const { firstDay, dayCount, day, timeZone } = index.time;
  const f = compileRowFilter(indexRows(index), filter, polygons, { ignoreTime: true });
  const daily = new Uint32Array(dayCount);
  if (!f.none) {
    const { src, lut } = f;
    const n = index.count;
    for (let i = 0; i < n; i++) daily[day[i] - firstDay] += lut[src[i]];
  }
  if (bucket === 'day') {
    const starts = new Float64Array(dayCount + 1);
    for (let d = 0; d <= dayCount; d++) starts[d] = localDayStartMs(firstDay + d, timeZone);
    return { start: dayCount > 0 ? starts[0] : NaN, bucket, counts: daily, starts };
  }
  const lead = weekdayOfDay(firstDay); // days of the first week before the first incident's day
  const weeks = dayCount === 0 ? 0 : Math.ceil((lead + dayCount) / 7);
  const counts = new Uint32Array(weeks);
  for (let d = 0; d < dayCount; d++) counts[Math.floor((lead + d) / 7)] += daily[d];
  const starts = new Float64Array(weeks + 1);
  for (let w = 0; w <= weeks; w++) starts[w] = localDayStartMs(firstDay - lead + 7 * w, timeZone);
  return { start: weeks > 0 ? starts[0] : NaN, bucket, counts, starts };
}

/**
 * Counts the incidents kept by `filter` per local hour of the week: entry weekday × 24 + hour
 * (Monday = 0), 168 entries. The filter's own hours of the week are ignored, so the matrix keeps
 * showing the whole week while the map follows the hours picked on it. One pass over the rows.
 */
export function hourWeekMatrix(index: IncidentIndex, filter: IncidentFilter | null | undefined, polygons?: PolygonSets): Uint32Array {
  const f = compileRowFilter(indexRows(index), filter, polygons, { ignoreHourOfWeek: true });
  const counts = new Uint32Array(168);
  if (f.none) return counts;
  const { from, span, src, lut } = f;
  const how = index.time.hourOfWeek;
  const time = index.cols.timeSec;
  const n = index.count;
  for (let i = 0; i < n; i++) counts[how[i]] += +(((time[i] - from) >>> 0) < span) & lut[src[i]];
  return counts;
}

/**
 * Which buckets are partial (1) rather than complete (0): a bucket is complete only when it lies
 * wholly inside `covered` ([from, to) epoch ms: the local days the data spans, ended by "today"
 * where today is not over). A week with three days of data, or a day past the last incident, is
 * partial: its count is low because the data stops, not because incidents fell.
 *
 * @param starts each bucket's start plus the last one's end (epoch ms), as in {@link TimeSeries}
 */
export function partialBuckets(starts: Float64Array, covered: readonly [number, number]): Uint8Array {
  const n = Math.max(0, starts.length - 1);
  const partial = new Uint8Array(n);
  for (let k = 0; k < n; k++) partial[k] = starts[k] < covered[0] || starts[k + 1] > covered[1] ? 1 : 0;
  return partial;
}

/**
 * Centred moving average of `counts` over `window` buckets (odd windows are centred, even ones
 * lean one bucket back), from complete buckets only: partial ones are left out of every window
 * and get NaN themselves, so a short bucket at either end cannot pull the trend down. NaN where
 * the window holds no complete bucket.
 */
export function completeMovingAverage(counts: ArrayLike<number>, partial: ArrayLike<number> | null, window: number): Float64Array {
  const n = counts.length;
  const out = new Float64Array(n);
  const half = Math.floor(window / 2);
  for (let i = 0; i < n; i++) {
    if (partial?.[i]) {
      out[i] = NaN;
      continue;
    }
    let sum = 0;
    let m = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + window - 1 - half); j++) {
      if (partial?.[j]) continue;
      sum += counts[j];
      m++;
    }
    out[i] = m > 0 ? sum / m : NaN;
  }
  return out;
}
