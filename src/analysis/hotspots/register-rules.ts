// Analysis (PURE): the rules of the listed-hotspot register (治安重点地区挂牌督办) as a state machine
// over the rectification cycle of DOMAIN.md: discover → analyse → list (with a deadline) → rectify →
// acceptance meeting → delist, or the deadline extended; an area listed again within a year of its
// delisting raises the one-vote veto (一票否决). Each step returns the hotspot with one more dated
// history event, or a refusal the panel can put into words; nothing here reads a clock or storage.
import type { AreaGeometry } from '../../model/geo';
import type { HotspotEvent, HotspotFeature, HotspotKind, HotspotProps, HotspotState, RegisterActionKind } from '../../model/hotspot';
import { findRelistingWithinYear, type Relisting } from './hotspot-status';

/** Acceptance satisfaction needed to delist (DOMAIN.md: ≥ 90 % satisfied → delist). */
export const DELIST_SATISFACTION = 0.9;
/** Days a refused delisting extends the deadline by when the meeting names no new date. */
export const DEFAULT_EXTENSION_DAYS = 30;

/** One register action, dated (ISO yyyy-mm-dd, the dataset's zone) with an optional note. */
export type RegisterAction =
  | { kind: 'analyse'; date: string; note?: string }
  | { kind: 'list'; date: string; deadline: string; note?: string }
  | { kind: 'rectify'; date: string; note?: string }
  | { kind: 'submit'; date: string; note?: string }
  /** The acceptance meeting: satisfaction 0–1; below 90 % the deadline moves to `extendTo` (default +30 days). */
  | { kind: 'accept'; date: string; satisfaction: number; extendTo?: string; note?: string }
  | { kind: 'extend'; date: string; deadline: string; note?: string }
  | { kind: 'relist'; date: string; deadline: string; note?: string };

/** Why an action was not taken at all (the hotspot is unchanged). */
export type RegisterError =
  | { code: 'not-allowed'; action: RegisterActionKind; state: HotspotState }
  | { code: 'date-before-history'; date: string; last: string }
  | { code: 'deadline-not-after'; deadline: string; after: string }
  | { code: 'bad-date'; value: string }
  | { code: 'bad-satisfaction'; value: number };

export type RegisterOutcome =
  | {
      ok: true;
      hotspot: HotspotProps;
      /** The event added to the history. */
      event: HotspotEvent;
      /** Set when an acceptance below 90 % was refused delisting and the deadline extended instead. */
      delistRefused: { satisfaction: number; deadline: string } | null;
      /** Set when this listing comes within a year of an accepted delisting: the one-vote veto. */
      veto: Relisting | null;
    }
  | { ok: false; error: RegisterError };

/** The states each action may start from. */
const FROM: Record<RegisterActionKind, readonly HotspotState[]> = {
  analyse: ['discovered'],
  list: ['assessing'],
  rectify: ['listed'],
  submit: ['listed', 'rectifying'],
  accept: ['accepting'],
  extend: ['listed', 'rectifying', 'accepting'],
  relist: ['delisted'],
};

/** The actions open to a hotspot in `state`, in cycle order (for the panel's buttons). */
export function allowedActions(state: HotspotState): RegisterActionKind[] {
  return (Object.keys(FROM) as RegisterActionKind[]).filter((a) => FROM[a].includes(state));
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validIso = (s: string) => ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** ISO date `days` calendar days after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Applies `action` to `hotspot`. Refused when the state does not allow it, when it is dated
 * before the last history event, or when a deadline does not lie after the action's date (an
 * extension: after the current deadline). An acceptance below 90 % is not an error: the outcome
 * keeps the area in rectification with the extended deadline and says so in `delistRefused`.
 */
export function applyRegisterAction(hotspot: HotspotProps, action: RegisterAction): RegisterOutcome {
  const fail = (error: RegisterError): RegisterOutcome => ({ ok: false, error });
  if (!FROM[action.kind].includes(hotspot.state)) return fail({ code: 'not-allowed', action: action.kind, state: hotspot.state });
  if (!validIso(action.date)) return fail({ code: 'bad-date', value: action.date });
  const last = hotspot.history.at(-1)?.date;
  if (last && action.date < last) return fail({ code: 'date-before-history', date: action.date, last });
  const note = action.note?.trim() ?? '';
  const deadlineAfter = (deadline: string, after: string): RegisterError | null =>
    !validIso(deadline) ? { code: 'bad-date', value: deadline } : deadline <= after ? { code: 'deadline-not-after', deadline, after } : null;

  let state: HotspotState;
  let deadline = hotspot.deadline;
  let satisfaction: number | undefined;
  let recorded: RegisterActionKind = action.kind;
  let delistRefused: { satisfaction: number; deadline: string } | null = null;
  switch (action.kind) {
    case 'analyse':
      state = 'assessing';
      break;
    case 'rectify':
      state = 'rectifying';
      break;
    case 'submit':
      state = 'accepting';
      break;
    case 'list':
    case 'relist': {
      const err = deadlineAfter(action.deadline, action.date);
      if (err) return fail(err);
      state = 'listed';
      deadline = action.deadline;
      break;
    }
    case 'extend': {
      const err = deadlineAfter(action.deadline, maxIso(action.date, hotspot.deadline));
      if (err) return fail(err);
      state = hotspot.state;
      deadline = action.deadline;
      break;
    }
    case 'accept': {
      const s = action.satisfaction;
      if (!(s >= 0 && s <= 1)) return fail({ code: 'bad-satisfaction', value: s });
      satisfaction = s;
      if (s >= DELIST_SATISFACTION) {
        state = 'delisted';
      } else {
        // DOMAIN.md: below 90 % the area is not delisted; it goes back to rectification with a later deadline.
        const base = maxIso(action.date, hotspot.deadline);
        const to = action.extendTo ?? addDays(base, DEFAULT_EXTENSION_DAYS);
        const err = deadlineAfter(to, base);
        if (err) return fail(err);
        state = 'rectifying';
        deadline = to;
        recorded = 'extend';
        delistRefused = { satisfaction: s, deadline: to };
      }
      break;
    }
  }
  const event: HotspotEvent = { date: action.date, state, note, action: recorded };
  if (satisfaction !== undefined) event.satisfaction = satisfaction;
  // The event carries the deadline it set: a listing's, an extension's, a refused delisting's.
  if (deadline !== null && (deadline !== hotspot.deadline || action.kind === 'list' || action.kind === 'relist')) event.deadline = deadline;
  const history = [...hotspot.history, event];
  const veto = action.kind === 'relist' ? relistingAt(history, action.date) : null;
  return { ok: true, hotspot: { ...hotspot, state, deadline, history }, event, delistRefused, veto };
}

/** The relisting of the one-vote veto when it is the one dated `date`, else null. */
function relistingAt(history: readonly HotspotEvent[], date: string): Relisting | null {
  // Only the last delisting counts for this listing: read the history from its last delisting on.
  let start = 0;
  for (let i = history.length - 1; i >= 0; i--) if (history[i].state === 'delisted') (start = i), (i = -1);
  const found = findRelistingWithinYear(history.slice(start));
  return found && found.relistedOn === date ? found : null;
}

function maxIso(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

/** The satisfaction of the latest acceptance meeting (0–1), or null when none was held. */
export function latestSatisfaction(history: readonly HotspotEvent[]): number | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].satisfaction !== undefined) return history[i].satisfaction!;
  return null;
}

/** The date (ISO) the area was last listed (挂牌), or null when never listed. */
export function lastListedOn(history: readonly HotspotEvent[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].state === 'listed') return history[i].date;
  return null;
}

/** What a new hotspot needs: its area (drawn, or a Gi* candidate's) and who reported it. */
export interface NewHotspot {
  id: string;
  name: string;
  kind: HotspotKind;
  townId: string;
  geometry: AreaGeometry;
  /** Discovery date (ISO). */
  date: string;
  source?: HotspotProps['source'];
  note?: string;
}

/** A newly discovered hotspot (排查发现): no deadline yet, one history event. */
export function newHotspot(n: NewHotspot): HotspotFeature {
  return {
    type: 'Feature',
    geometry: n.geometry,
    properties: {
      id: n.id,
      name: n.name,
      nameEn: n.name,
      kind: n.kind,
      townId: n.townId,
      state: 'discovered',
      deadline: null,
      firstResponsible: '',
      directResponsible: '',
      source: n.source ?? 'department-visit',
      history: [{ date: n.date, state: 'discovered', note: n.note?.trim() ?? '' }],
      measures: [],
    },
  };
}

/**
 * The register over a dataset: each saved hotspot replaces the dataset's one of the same id, and
 * saved hotspots the dataset does not have (drawn, or from candidates) follow, in `saved` order.
 * The dataset's order is kept, so per-polygon counts of the dataset's hotspots stay aligned.
 */
export function applyRegister<C extends { features: HotspotFeature[] }>(base: C, saved: readonly HotspotFeature[]): C {
  if (saved.length === 0) return base;
  const byId = new Map(saved.map((f) => [f.properties.id, f]));
  const features = base.features.map((f) => byId.get(f.properties.id) ?? f);
  const known = new Set(base.features.map((f) => f.properties.id));
  for (const f of saved) if (!known.has(f.properties.id)) features.push(f);
  return { ...base, features };
}
