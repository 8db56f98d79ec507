// The standard normal distribution and Benjamini–Hochberg q-values, against values worked out by
// hand or computed to 50 digits with mpmath (mp.ncdf, mp.dps = 50).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg } from '../../src/analysis/stats/fdr';
import { normalCdf, normalPdf, normalSf, twoSidedP } from '../../src/analysis/stats/normal';

// [z, Φ(z), 2·(1 − Φ(|z|)), 1 − Φ(z)] from mpmath, 17 significant digits.
const MPMATH: [number, number, number, number][] = [
  [0, 0.5, 1, 0.5],
  [0.5, 0.6914624612740131, 0.61707507745197379, 0.3085375387259869],
  [1, 0.84134474606854295, 0.3173105078629141, 0.15865525393145705],
  [1.6448536269514722, 0.94999999999999995, 0.10000000000000011, 0.050000000000000054],
  [1.96, 0.97500210485177956, 0.049995790296440872, 0.024997895148220436],
  [2.5758293035489004, 0.99499999999999999, 0.010000000000000011, 0.0050000000000000054],
  [3, 0.99865010196836991, 0.0026997960632601891, 0.0013498980316300945],
  [-3, 0.0013498980316300945, 0.0026997960632601891, 0.99865010196836991],
  [3.5, 0.99976737092096447, 0.00046525815807105007, 0.00023262907903552504],
  [5, 0.99999971334842812, 5.7330314375838782e-7, 2.8665157187919391e-7],
  [-6, 9.8658764503769814e-10, 1.9731752900753963e-9, 0.99999999901341235],
  [8, 0.99999999999999938, 1.2441921148543568e-15, 6.2209605742717841e-16],
  [-8, 6.2209605742717841e-16, 1.2441921148543568e-15, 0.99999999999999938],
  [10, 1, 1.5239706048321052e-23, 7.6198530241605261e-24],
  [-10, 7.6198530241605261e-24, 1.5239706048321052e-23, 1],
  [20, 1, 5.5072482372124674e-89, 2.7536241186062337e-89],
  [37.5, 1, 9.2107060191639097e-308, 4.6053530095819548e-308],
];

describe('standard normal', () => {
  it('gives Φ(1.96) = 0.9750021048517795 and Φ(−3) = 0.0013498980316300946', () => {
    expect(Math.abs(normalCdf(1.96) - 0.9750021048517795)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-3) - 0.0013498980316300946)).toBeLessThan(1e-17);
  });

  it.each(MPMATH)('at z = %d matches mpmath: absolute error < 1e-15, tail relative < 1e-12', (z, cdf, p, sf) => {
    expect(Math.abs(normalCdf(z) - cdf)).toBeLessThan(1e-15);
    expect(Math.abs(twoSidedP(z) - p)).toBeLessThan(1e-15);
    expect(Math.abs(normalSf(z) - sf)).toBeLessThan(1e-15);
    // Upper tail and p stay accurate in relative terms, where 1 − Φ would round to 0.
    expect(Math.abs(twoSidedP(z) - p) / p).toBeLessThan(1e-12);
    if (z > 0) expect(Math.abs(normalSf(z) - sf) / sf).toBeLessThan(1e-12);
  });

  it('is continuous across the switch from series to continued fraction at |z| = 3', () => {
    for (const z of [3 - 1e-12, 3, 3 + 1e-12, -3 - 1e-12, -3 + 1e-12]) {
      expect(Math.abs(normalCdf(z) - normalCdf(Math.sign(z) * 3))).toBeLessThan(1e-14);
    }
  });

  it('handles infinities and NaN', () => {
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(twoSidedP(Infinity)).toBe(0);
    expect(twoSidedP(-Infinity)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
    expect(twoSidedP(NaN)).toBeNaN();
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });

  it('is monotone, symmetric, and p is two tails (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (z, d) => {
        expect(normalCdf(z + d)).toBeGreaterThanOrEqual(normalCdf(z));
        expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
        expect(Math.abs(twoSidedP(z) - 2 * Math.min(normalCdf(z), normalCdf(-z)))).toBeLessThan(1e-15);
        expect(twoSidedP(z)).toBeGreaterThanOrEqual(0);
        expect(twoSidedP(z)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('Benjamini–Hochberg', () => {
  it('matches the worked example p = [0.01, 0.04, 0.03, 0.005]', () => {
    // m = 4. Sorted: p(1) = 0.005, p(2) = 0.01, p(3) = 0.03, p(4) = 0.04.
    // m·p(j)/j: 4·0.005/1 = 0.02, 4·0.01/2 = 0.02, 4·0.03/3 = 0.04, 4·0.04/4 = 0.04.
    // Running minimum from the largest: q(4) = 0.04, q(3) = min(0.04, 0.04) = 0.04,
    // q(2) = min(0.02, 0.04) = 0.02, q(1) = min(0.02, 0.02) = 0.02.
    // Back in input order: [0.02, 0.04, 0.04, 0.02].
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(Array.from(q).map((v) => +v.toFixed(15))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('applies the running minimum and the cap at 1', () => {
    // m = 3, sorted 0.02, 0.03, 0.9: 3·0.02/1 = 0.06, 3·0.03/2 = 0.045, 3·0.9/3 = 0.9;
    // q(2) = 0.045, q(1) = min(0.06, 0.045) = 0.045 (step-up), q(3) = 0.9.
    expect(Array.from(benjaminiHochberg([0.9, 0.02, 0.03])).map((v) => +v.toFixed(15))).toEqual([0.9, 0.045, 0.045]);
    expect(Array.from(benjaminiHochberg([1, 1, 0.8]))).toEqual([1, 1, 1]);
  });

  it('gives ties one q, leaves NaN out of m, and copes with empty input', () => {
    // m = 3 (NaN left out): sorted 0.01, 0.01, 0.5 → 3·0.01/2 = 0.015 for both ties.
    const q = benjaminiHochberg([0.01, NaN, 0.01, 0.5]);
    expect(q[0]).toBeCloseTo(0.015, 15);
    expect(q[2]).toBe(q[0]);
    expect(q[1]).toBeNaN();
    expect(q[3]).toBeCloseTo(0.5, 15);
    expect(benjaminiHochberg([]).length).toBe(0);
  });

  it('is monotone in p, ≥ p and ≤ 1, and equals the textbook formula (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const q = benjaminiHochberg(p);
        const m = p.length;
        const sorted = [...p].sort((a, b) => a - b);
        for (let i = 0; i < m; i++) {
          expect(q[i]).toBeGreaterThanOrEqual(p[i]);
          expect(q[i]).toBeLessThanOrEqual(1);
          for (let j = 0; j < m; j++) if (p[i] < p[j]) expect(q[i]).toBeLessThanOrEqual(q[j]);
          // q_i = min over ranks r with p(r) ≥ p_i of m·p(r)/r, capped at 1
          let want = 1;
          for (let r = 1; r <= m; r++) if (sorted[r - 1] >= p[i]) want = Math.min(want, (m * sorted[r - 1]) / r);
          expect(q[i]).toBeCloseTo(want, 14);
        }
      }),
    );
  });
});
