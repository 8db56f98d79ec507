// Analysis (PURE): a time range moved or resized by whole local days — what the arrow keys do to
// the trend's brush, so that the keyboard reaches what a mouse drag does. Imports only a sibling
// pure module; no DOM.
import { localMidnight, localParts, startOfLocalDay } from './calendar-periods';

/** What a key asks of the range: move both ends, or move the end alone (resize). */
export type NudgeKind = 'move' | 'resize';

/**
 * The range [from, to) (epoch ms) moved by `steps` × `stepDays` local days ('move'), or with its
 * end moved by that much ('resize', never shorter than one step), kept inside `bounds`
 * (the data's whole days). Without a range, the last `stepDays` × 7 days of `bounds` are the
 * start, so the first key press selects a recent week (or seven weeks) to move from there.
 * Ends are local midnights in `timeZone`, so a day of 23 or 25 hours stays one day.
 */
export function nudgeRange(
  range: [number, number] | null,
  kind: NudgeKind,
  steps: number,
  stepDays: number,
  bounds: [number, number],
  timeZone: string,
): [number, number] {
  const addDays = (ms: number, days: number) => {
    const p = localParts(startOfLocalDay(ms, timeZone), timeZone);
    return localMidnight(timeZone, p.year, p.month, p.day + days);
  };
  const [lo, hi] = [startOfLocalDay(bounds[0], timeZone), bounds[1]];
  if (!range) return [Math.max(lo, addDays(hi, -7 * stepDays)), hi];
  let [from, to] = [startOfLocalDay(range[0], timeZone), range[1]];
  const delta = steps * stepDays;
  if (kind === 'resize') {
    to = Math.min(hi, Math.max(addDays(from, stepDays), addDays(to, delta)));
    return [from, to];
  }
  const length = Math.round((to - from) / 86_400_000);
  from = addDays(from, delta);
  to = addDays(from, length);
  if (from < lo) [from, to] = [lo, addDays(lo, length)];
  if (to > hi) [from, to] = [Math.max(lo, addDays(hi, -length)), hi];
  return [from, to];
}
