// Analysis (PURE): the displayed status of a listed security hotspot, derived from its dates.
// Imports only model types (and the standard Intl for time zones); no DOM, maplibre or deck.gl.
import type { HotspotEvent, HotspotProps, HotspotState } from '../../model/hotspot';

/** What the map shows: the lifecycle state, or 'overdue' (超期) derived from the deadline. */
export type HotspotDisplayStatus = HotspotState | 'overdue';

/** States in which the rectification deadline runs (DOMAIN.md: listed → rectify → accept). */
const DEADLINE_STATES: ReadonlySet<HotspotState> = new Set(['listed', 'rectifying', 'accepting']);

/**
 * The display status of a hotspot at `nowMs` (epoch milliseconds, the dataset's "today"):
 * 'overdue' when its state is listed, rectifying or accepting and the calendar date at `nowMs` in
 * `timeZone` is after the deadline date (the deadline day itself still counts as in time);
 * otherwise its state.
 *
 * @param timeZone IANA zone the deadline dates are written in: the dataset's (no default, so no
 *   caller silently judges another county's deadlines in Beijing time)
 */
export function hotspotStatus(
  props: Pick<HotspotProps, 'state' | 'deadline'>,
  nowMs: number,
  timeZone: string,
): HotspotDisplayStatus {
  if (!DEADLINE_STATES.has(props.state) || !props.deadline) return props.state;
  return localIsoDate(nowMs, timeZone) > props.deadline ? 'overdue' : props.state;
}

/**
 * Whole calendar days between the deadline date and the local date at `nowMs` in `timeZone`
 * (1 on the day after the deadline); 0 when not past it or without a deadline. Counted on dates,
 * not hours, so it agrees with `hotspotStatus` whatever the hour.
 */
export function daysPastDeadline(deadline: string | null, nowMs: number, timeZone: string): number {
  if (!deadline) return 0;
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.max(0, Math.round((day(localIsoDate(nowMs, timeZone)) - day(deadline)) / 86_400_000));
}

/** A delisting followed by a new listing within a year: grounds for the one-vote veto (一票否决). */
export interface Relisting {
  /** Date (ISO) of the accepted delisting. */
  delistedOn: string;
  /** Date (ISO) it was listed again. */
  relistedOn: string;
}

/**
 * The first time the history shows the area listed again within one calendar year of an
 * accepted delisting (the 'delisted' event that ends an acceptance), or null. "Within one year"
 * includes the anniversary day. Events are read oldest first, as stored.
 */
export function findRelistingWithinYear(history: readonly HotspotEvent[]): Relisting | null {
  let delistedOn: string | null = null;
  for (const e of history) {
    if (e.state === 'delisted') delistedOn = e.date;
    else if (e.state === 'listed' && delistedOn !== null) {
      if (e.date <= addOneYear(delistedOn)) return { delistedOn, relistedOn: e.date };
      delistedOn = null;
    }
  }
  return null;
}

/** Whether the area was listed again within one year of an accepted delisting. */
export function wasRelistedWithinYear(history: readonly HotspotEvent[]): boolean {
  return findRelistingWithinYear(history) !== null;
}

/** ISO date of one year later; ISO strings compare in date order, so 02-29 needs no fixing. */
function addOneYear(iso: string): string {
  const year = Number(iso.slice(0, 4));
  return `${String(year + 1).padStart(4, '0')}${iso.slice(4, 10)}`;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (yyyy-mm-dd) at `ms` epoch milliseconds in the IANA zone `timeZone`. */
export function localIsoDate(ms: number, timeZone: string): string {
  let fmt = FORMATTERS.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    FORMATTERS.set(timeZone, fmt);
  }
  let y = '', m = '', d = '';
  for (const p of fmt.formatToParts(ms)) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') m = p.value;
    else if (p.type === 'day') d = p.value;
  }
  return `${y.padStart(4, '0')}-${m}-${d}`;
}
