// State: "today" for a dataset. Real data is judged by the real clock, so a deployed county's map
// ages (deadlines fall overdue, "this month" moves on); only the synthetic demo, generated once,
// is judged as of its manifest's `asOf`, and the header says so.
import type { DatasetManifest } from '../model';
import { endOfLocalDay, startOfLocalDay } from '../analysis/time/calendar-periods';

/**
 * "Now" for the dataset, epoch ms: `manifest.asOf` for a synthetic dataset, `realNow` otherwise.
 *
 * @param realNow the real clock, epoch ms (a parameter so tests can fix it)
 */
export function datasetNow(manifest: Pick<DatasetManifest, 'synthetic' | 'asOf'>, realNow: number = Date.now()): number {
  return manifest.synthetic ? manifest.asOf : realNow;
}

/**
 * The span the data covers, [from, to) epoch ms: from local midnight of the first incident's day
 * to the end of the last incident's day, or to "now" when that day is not over yet. Trend buckets
 * outside it are partial.
 */
export function dataCoverage(manifest: Pick<DatasetManifest, 'synthetic' | 'asOf' | 'timeRange' | 'timeZone'>, realNow: number = Date.now()): [number, number] {
  const tz = manifest.timeZone;
  const [first, last] = manifest.timeRange;
  return [startOfLocalDay(first, tz), Math.min(endOfLocalDay(last, tz), Math.max(last, datasetNow(manifest, realNow)))];
}
