// Analysis (PURE): the Mann–Kendall test for a monotone trend in a short series (e.g. monthly
// incident counts of one cell). Imports only sibling pure modules.
//
// Why this test: it is rank-based, so one exceptional month cannot make a trend, it needs no
// assumption about the shape of the trend or the distribution of counts, and it is what ArcGIS's
// emerging hot spot analysis uses. (Mann 1945; Kendall 1975, "Rank Correlation Methods".)
//
//   S      = Σ_{i<j} sign(x_j − x_i)
//   Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18      (t: size of each group of tied values)
//   Z      = (S − 1)/√Var(S) if S > 0,  0 if S = 0,  (S + 1)/√Var(S) if S < 0   (continuity)
//   p      = two-sided standard normal p-value of Z;  τ = S / (n(n−1)/2)  (Kendall's tau-a)
// The normal approximation is the usual one from n ≈ 8 up; below that p is only indicative.
import { twoSidedP } from './normal';

export type Trend = 'up' | 'down' | 'none';

export interface MannKendallResult {
  /** Number of values used (NaN values are left out as missing periods). */
  n: number;
  /** Mann–Kendall S: concordant minus discordant pairs. */
  s: number;
  /** Variance of S under no trend, corrected for ties. */
  varS: number;
  /** Standardised S with continuity correction (0 when varS is 0). */
  z: number;
  /** Two-sided p-value of z (1 when there is nothing to test). */
  p: number;
  /** Kendall's tau-a, S over the number of pairs, in [−1, 1] (0 when n < 2). */
  tau: number;
  /** 'up' or 'down' when p < alpha, else 'none'. */
  trend: Trend;
}

/**
 * Mann–Kendall trend test of a series in time order. `alpha` is the two-sided significance
 * level, default 0.05. Fewer than 3 values (after dropping NaN), or all of them equal, give
 * z 0, p 1 and trend 'none'.
 * Cost O(n²): fine for the tens of periods of a count series (52 weeks: ~1,300 pairs).
 */
export function mannKendall(series: ArrayLike<number>, alpha = 0.05): MannKendallResult {
  const xs: number[] = [];
  for (let i = 0; i < series.length; i++) if (!Number.isNaN(series[i])) xs.push(series[i]);
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = xs[i];
    for (let j = i + 1; j < n; j++) s += Math.sign(xs[j] - xi);
  }
  let ties = 0;
  const sorted = Float64Array.from(xs).sort();
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = varS > 0 && n >= 3 ? (s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0) : 0;
  const p = n >= 3 && varS > 0 ? twoSidedP(z) : 1;
  const tau = n >= 2 ? s / ((n * (n - 1)) / 2) : 0;
  const trend: Trend = p < alpha ? (s > 0 ? 'up' : 'down') : 'none';
  return { n, s, varS, z, p, tau, trend };
}
