// Analysis (PURE): false-discovery-rate control of many p-values at once (Benjamini–Hochberg).
// No imports; runs in Node tests, the worker and the CLI alike.
//
// Why: a Gi* map tests every cell. At 50,000 cells and p < 0.05, some 2,500 cells would look
// "hot" by chance alone; BH keeps the expected share of false hot spots among those flagged at
// the chosen level instead (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57:289–300).

/**
 * Benjamini–Hochberg adjusted p-values ("q-values"), in the input's order.
 *
 * With the m finite p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎:
 *   q₍ᵢ₎ = min over j ≥ i of ( m · p₍ⱼ₎ / j ),  capped at 1.
 * So q is monotone in p, q ≥ p, and rejecting every q < α is the BH step-up procedure at level α.
 * Tied p-values get equal q (that of the last of the tie). NaN p-values are left out of m and get
 * a NaN q. Cost: one native numeric sort, O(m log m).
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const q = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(p[i])) m++;
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < n; i++) if (!Number.isNaN(p[i])) sorted[k++] = p[i];
  sorted.sort(); // numeric for typed arrays, and far faster than sorting indices by a comparator

  // adj[r] = q of sorted rank r (0-based, so j = r + 1), by a running minimum from the top.
  const adj = new Float64Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const v = sorted[r] * (m / (r + 1)); // m/(r+1) ≥ 1 rounds to ≥ 1, so q ≥ p survives rounding
    if (v < running) running = v;
    adj[r] = running;
  }
  // q depends only on the p value: look up the last rank holding it (upper bound − 1), which
  // also gives every member of a tie the same q without sorting indices.
  for (let i = 0; i < n; i++) {
    const v = p[i];
    if (Number.isNaN(v)) {
      q[i] = NaN;
      continue;
    }
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    q[i] = adj[lo - 1];
  }
  return q;
}
