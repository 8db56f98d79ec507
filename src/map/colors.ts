// Map: colour scales. Chosen to stay readable for colour-blind viewers and on a washed-out
// projector: sequential scales are monotone in lightness, categories use the Okabe–Ito palette.
import { interpolateYlOrRd, interpolateBlues, interpolateInferno, interpolateRdBu, rgb } from 'd3';
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
  // Dark red, not Okabe–Ito vermillion: vermillion beside the orange of "listed" merges for
  // deuteranopes (CIEDE2000 12.5). This one stays ≥ 25 apart from listed and rectifying under the
  // simulated deuteranopia, protanopia and tritanopia (tests/unit/map-hotspot-colours.test.ts).
  overdue: '#A50F15',
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

/**
 * Camera status colours. Online cameras are blue symbols tinted by kind; cameras that are not
 * online are drawn as filled badges (camera-icons.ts): offline a red disc with a white ×, faulty
 * an amber disc with a dark "!", so the two differ by shape of glyph as well as by colour.
 */
export const CAMERA_STATUS_COLORS: Record<CameraStatus, string> = {
  online: '#0072B2',
  offline: '#C8102E',
  faulty: '#F2A900',
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

const NICE_STEPS = [1, 2, 5];

/**
 * Class breaks for heavy-tailed counts (incidents concentrate: half of them in a few per cent
 * of the area): evenly spaced in log scale from 2 to the maximum, rounded to 1–2–5 numbers, so
 * the few cells that matter get the darkest colours instead of sharing them with the countryside.
 */
export function logBreaks(max: number, classes = 6): number[] {
  if (max < 2) return [1];
  const lo = Math.log(2);
  const hi = Math.log(max);
  const breaks: number[] = [];
  for (let i = 0; i < classes - 1; i++) {
    const target = Math.exp(lo + ((hi - lo) * i) / Math.max(1, classes - 1));
    const decade = 10 ** Math.floor(Math.log10(target));
    let best = decade;
    for (const m of [...NICE_STEPS.map((x) => x * decade), 10 * decade]) {
      if (Math.abs(Math.log(m / target)) < Math.abs(Math.log(best / target))) best = m;
    }
    if (best <= max && (breaks.length === 0 || best > breaks[breaks.length - 1])) breaks.push(best);
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

/**
 * `n` colours from light to dark along a ramp. With `alphaFrom`, opacity also rises from
 * `alphaFrom` to `alpha`, so sparse classes let the basemap show through.
 */
export function rampColors(ramp: Ramp, n: number, alpha = 255, alphaFrom = alpha): RGBA[] {
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 1 : i / (n - 1);
    return hexToRgba(rgb(RAMPS[ramp](t)).formatHex(), Math.round(alphaFrom + (alpha - alphaFrom) * t));
  });
}

/**
 * Colours of a diverging scale with `half` classes each side of a neutral middle: falls in blue,
 * rises in red (red–blue stays distinguishable for the common colour-vision deficiencies).
 */
export function divergingColors(half: number): RGBA[] {
  const out: RGBA[] = [];
  for (let k = -half; k <= half; k++) {
    if (k === 0) {
      out.push([200, 200, 200, 150]);
      continue;
    }
    const t = 0.5 - (0.46 * k) / half; // RdBu runs red (0) to blue (1)
    out.push(hexToRgba(rgb(interpolateRdBu(t)).formatHex(), 110 + Math.round((115 * Math.abs(k)) / half)));
  }
  return out;
}
