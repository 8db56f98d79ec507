// Analysis (PURE): the evidence for one listed hotspot — incidents in equal periods before and
// after its listing, whether that change is larger than chance (countChange), and whether crime
// just moved next door: the weighted displacement quotient (Bowers & Johnson 2003, "Measuring the
// geographical displacement and diffusion of benefit effects of crime prevention activity",
// J. Quantitative Criminology 19:275–301) over a buffer ring round the area and a control area.
// Imports turf and sibling pure modules only.
import { buffer as turfBuffer, difference, feature, featureCollection } from '@turf/turf';
import type { AreaGeometry } from '../../model/geo';
import { localMidnight } from '../time/calendar-periods';
import { countChange, type CountChange } from '../stats/count-change';

/** Days before and after the listing compared, by default: a quarter each. */
export const DEFAULT_EVIDENCE_DAYS = 90;
/**
 * Fewer days than this either side of the listing say little about the clean-up (a few incidents
 * either way are chance): the evidence block says so in words instead of letting a verdict stand alone.
 */
export const MIN_EVIDENCE_DAYS = 30;
/** Width of the displacement buffer ring, metres, by default (about a street block or two). */
export const DEFAULT_BUFFER_M = 300;

/** Two equal periods, [from, to) epoch ms, either side of the listing day's local midnight. */
export interface EvidencePeriods {
  before: [number, number];
  after: [number, number];
  /** Whole days in each (fewer than asked when the listing is recent). */
  days: number;
}

/**
 * The `days` days from the listing day (local midnight in `timeZone`) and the `days` days before
 * it; when fewer than `days` whole-or-started days have passed by `nowMs`, both shrink to that
 * many, so the periods stay equal. Null before the listing day has begun.
 */
export function evidencePeriods(listedOn: string, days: number, nowMs: number, timeZone: string): EvidencePeriods | null {
  const [y, m, d] = listedOn.split('-').map(Number);
  const at = (offset: number) => localMidnight(timeZone, y, m, d + offset);
  const start = at(0);
  if (!(nowMs > start) || !(days >= 1)) return null;
  let n = Math.floor(days);
  // Shrink to the days begun by now: day k of the after period starts at at(k − 1).
  while (n > 1 && at(n - 1) > nowMs) n--;
  return { before: [at(-n), start], after: [start, at(n)], days: n };
}

/** The buffer ring round the area and the control area with both taken out. */
export interface DisplacementZones {
  /** The ring between the area's edge and `bufferM` metres out; null when it comes out empty. */
  buffer: AreaGeometry | null;
  /** The control (e.g. the rest of the town) minus the area and its ring; null when nothing is left. */
  control: AreaGeometry | null;
}

/** The zones of the displacement check: disjoint from the area and each other. */
export function displacementZones(area: AreaGeometry, bufferM: number, control: AreaGeometry | null): DisplacementZones {
  if (!(bufferM > 0)) throw new RangeError(`buffer width must be > 0 metres, got ${bufferM}`);
  const outer = turfBuffer(feature(area), bufferM, { units: 'meters' });
  const ring = outer ? difference(featureCollection([outer, feature(area)])) : null;
  const rest = control && outer ? difference(featureCollection([feature(control), outer])) : null;
  return { buffer: (ring?.geometry as AreaGeometry | undefined) ?? null, control: (rest?.geometry as AreaGeometry | undefined) ?? null };
}

/** Incidents of one zone before and after. */
export interface BeforeAfter {
  before: number;
  after: number;
}

/**
 * What the WDQ says (Bowers & Johnson's reading): 'no-effect' when the area did not improve
 * against the control (the quotient is then not read); otherwise by the quotient: above 1 the
 * benefit spread to the ring more than the area gained, (0, 1] some benefit spread, 0 nothing
 * moved, [−1, 0) some crime moved next door but less than was gained, below −1 more moved than was
 * gained. 'undefined' when a zone had no incidents before (its ratio does not exist).
 */
export type WdqVerdict = 'diffusion-more' | 'diffusion' | 'none' | 'displacement' | 'displacement-more' | 'no-effect' | 'undefined';

export interface Wdq {
  /** (Da/Db − Ca/Cb) / (Ra/Rb − Ca/Cb); null when not defined or not meaningful. */
  wdq: number | null;
  /** Ra/Rb − Ca/Cb: negative when the area fell relative to the control (the success measure). */
  success: number | null;
  /** Da/Db − Ca/Cb: the buffer's change relative to the control (the displacement measure). */
  displacement: number | null;
  verdict: WdqVerdict;
}

/** The weighted displacement quotient of area R, buffer ring D and control C. */
export function weightedDisplacementQuotient(area: BeforeAfter, ring: BeforeAfter, control: BeforeAfter): Wdq {
  if (area.before === 0 || ring.before === 0 || control.before === 0) return { wdq: null, success: null, displacement: null, verdict: 'undefined' };
  const c = control.after / control.before;
  const success = area.after / area.before - c;
  const displacement = ring.after / ring.before - c;
  if (!(success < 0)) return { wdq: null, success, displacement, verdict: 'no-effect' };
  const wdq = displacement / success;
  const verdict: WdqVerdict = wdq > 1 ? 'diffusion-more' : wdq > 0 ? 'diffusion' : wdq === 0 ? 'none' : wdq >= -1 ? 'displacement' : 'displacement-more';
  return { wdq, success, displacement, verdict };
}

/** The evidence block of one hotspot. */
export interface HotspotEvidence {
  periods: EvidencePeriods;
  area: BeforeAfter;
  ring: BeforeAfter;
  control: BeforeAfter;
  /** The area's change after against before, with its significance. */
  change: CountChange;
  wdq: Wdq;
}

/** Puts the counts of the three zones together. */
export function hotspotEvidence(periods: EvidencePeriods, area: BeforeAfter, ring: BeforeAfter, control: BeforeAfter): HotspotEvidence {
  return { periods, area, ring, control, change: countChange(area.after, area.before), wdq: weightedDisplacementQuotient(area, ring, control) };
}
