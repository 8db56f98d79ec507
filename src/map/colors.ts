// Map: colour scales. Chosen to stay readable for colour-blind viewers and on a washed-out
// projector: sequential scales are monotone in lightness, categories use the Okabe–Ito palette.
import { interpolateYlOrRd, interpolateBlues, interpolateInferno, rgb } from 'd3';
import type { CameraStatus, HotspotState } from '../model';

export type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): RGBA {
  const c = rgb(hex);
  return [c.r, c.g, c.b, alpha];
}

/** Display status of a hotspot: a lifecycle state or "overdue" (derived from its deadline). */
export type HotspotDisplayStatus = HotspotState | 'overdue';

export const HOTSPOT_STATUS_COLORS: Record<HotspotDisplayStatus, string> = {
  discovered: '#56B4E9',
  assessing: '#0072B2',
  listed: '#E69F00',
  rectifying: '#CC79A7',
  accepting: '#009E73',
  delisted: '#999999',
  overdue: '#D55E00',
};
export const HOTSPOT_STATUS_ORDER: HotspotDisplayStatus[] = [
  'overdue',
  'listed',
  'rectifying',
  'accepting',
  'assessing',
  'discovered',
  'delisted',
];

export const CAMERA_STATUS_COLORS: Record<CameraStatus, string> = {
  online: '#0072B2',
  offline: '#8c8c8c',
  faulty: '#D55E00',
};

/**
 * Class breaks for skewed counts: quantiles of the non-empty values, made distinct and rounded,
 * so each colour class holds a similar number of cells and the legend shows whole numbers.
 */
export function countBreaks(values: ArrayLike<number>, classes = 6): number[] {
  const sorted = Float64Array.from(values).filter((v) => v > 0).sort();
  if (sorted.length === 0) return [1];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i / classes) * sorted.length))];
    const b = Math.max(1, Math.round(q));
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  return breaks;
}

/** Index of the class a value falls in, given ascending breaks (value < breaks[0] → 0). */
export function classOf(value: number, breaks: number[]): number {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

export type Ramp = 'incidents' | 'population' | 'incidents-dark';

const RAMPS: Record<Ramp, (t: number) => string> = {
  incidents: (t) => interpolateYlOrRd(0.12 + 0.88 * t),
  population: (t) => interpolateBlues(0.15 + 0.8 * t),
  'incidents-dark': (t) => interpolateInferno(0.25 + 0.75 * t),
};

/** `n` colours from light to dark along a ramp. */
export function rampColors(ramp: Ramp, n: number, alpha = 255): RGBA[] {
  return Array.from({ length: n }, (_, i) => hexToRgba(rgb(RAMPS[ramp](n === 1 ? 1 : i / (n - 1))).formatHex(), alpha));
}
