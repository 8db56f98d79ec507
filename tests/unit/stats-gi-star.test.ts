// Getis–Ord Gi*: a hand-worked example, symmetry, degenerate inputs and a brute-force
// reference straight from the formula in gi-star.ts.
import { gridDisk, gridDistance, gridRing, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { giStar, giStarOnNeighbourhood } from '../../src/analysis/stats/gi-star';
import { diskNeighbourhood } from '../../src/analysis/h3/h3-neighbours';
import { twoSidedP } from '../../src/analysis/stats/normal';

const C0 = latLngToCell(32.94, 117.23, 9); // a hexagon in the demo county

/** Gi* literally as written in the paper, with gridDisk: the reference to agree with. */
function bruteForce(cells: string[], counts: number[], k: number): Map<string, number> {
  const x = new Map<string, number>();
  cells.forEach((c, i) => {
    if (counts[i] !== 0) for (const d of gridDisk(c, k)) x.set(d, x.get(d) ?? 0);
  });
  cells.forEach((c, i) => {
    if (counts[i] !== 0) x.set(c, x.get(c)! + counts[i]);
  });
  const n = x.size;
  const vals = [...x.values()];
  const mean = vals.reduce((a, b) => a + b, 0) / n;
  const S = Math.sqrt(vals.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  const z = new Map<string, number>();
  for (const c of x.keys()) {
    const nb = gridDisk(c, k).filter((d) => x.has(d));
    const W = nb.length;
    const local = nb.reduce((a, d) => a + x.get(d)!, 0);
    z.set(c, (local - mean * W) / (S * Math.sqrt((n * W - W * W) / (n - 1))));
  }
  return z;
}

describe('giStar', () => {
  it('matches the hand-worked example: 8 in a cell, 2 in each of its six neighbours, k = 1', () => {
    // Non-empty: the centre (8) and ring 1 (2 each), so the analysed cells are gridDisk(C0, 2):
    // n = 19 (centre, 6 in ring 1, 12 in ring 2 counting 0).
    //   Σx = 8 + 6·2 = 20,  x̄ = 20/19,  Σx² = 64 + 6·4 = 88
    //   S² = Σx²/n − x̄² = 88/19 − 400/361 = (1672 − 400)/361 = 1272/361,  S = √1272 / 19
    // Weights (only analysed cells count): the centre and ring-1 cells have all 7 of their disk
    // in the area, W = 7. Ring 2 has 6 "corner" cells (1 ring-1 neighbour, 2 ring-2 neighbours:
    // W = 4 with itself) and 6 "edge" cells (2 ring-1, 2 ring-2: W = 5).
    // Denominator S·√((nW − W²)/(n − 1)):
    //   W = 7: √((133 − 49)/18) = √(14/3);  W = 4: √((76 − 16)/18) = √(10/3);
    //   W = 5: √((95 − 25)/18) = √(35/9)
    // Centre: Σwx = 8 + 6·2 = 20;  numerator = 20 − 7·20/19 = 240/19
    //   z = (240/19) / ((√1272/19)·√(14/3)) = 240/√(1272·14/3) = 240/√5936 ≈ 3.115
    // Ring 1: Σwx = 2 + 8 + 2 + 2 (two ring-1 neighbours) = 14;  numerator = 14 − 140/19 = 126/19
    //   z = 126/√5936 ≈ 1.635
    // Corner: Σwx = 2;  numerator = 2 − 80/19 = −42/19;  z = −42/√(1272·10/3) = −42/√4240 ≈ −0.645
    // Edge: Σwx = 4;  numerator = 4 − 100/19 = −24/19;  z = −24/√(1272·35/9) = −72/√44520 ≈ −0.341
    const ring1 = gridDisk(C0, 1).filter((c) => c !== C0);
    const gi = giStar([C0, ...ring1], [8, 2, 2, 2, 2, 2, 2], { k: 1 });
    expect(gi.cells).toEqual([...gridDisk(C0, 2)].sort());
    expect(gi.k).toBe(1);
    const at = (c: string) => gi.cells.indexOf(c);
    const area = new Set(gi.cells);
    const W = (c: string) => gridDisk(c, 1).filter((d) => area.has(d)).length;
    expect(gi.z[at(C0)]).toBeCloseTo(240 / Math.sqrt(5936), 9);
    expect(gi.counts[at(C0)]).toBe(8);
    for (const c of ring1) expect(gi.z[at(c)]).toBeCloseTo(126 / Math.sqrt(5936), 9);
    const ring2 = gi.cells.filter((c) => gridDistance(C0, c) === 2);
    expect(ring2.map(W).sort()).toEqual([4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5]);
    for (const c of ring2) {
      expect(gi.counts[at(c)]).toBe(0);
      expect(gi.z[at(c)]).toBeCloseTo(W(c) === 4 ? -42 / Math.sqrt(4240) : -72 / Math.sqrt(44520), 9);
    }
    // p two-sided; BH over 19 cells: the centre has the smallest p, and every later rank gives a
    // larger m·p/r, so q = 19·p there → 0.035: 'hot-95'. Ring 1: p ≈ 0.102 at ranks 2–7 →
    // q = 19·0.102/7 ≈ 0.277: not significant; the rest have p > 0.5.
    expect(gi.p[at(C0)]).toBe(twoSidedP(240 / Math.sqrt(5936)));
    expect(gi.q[at(C0)]).toBeCloseTo(19 * gi.p[at(C0)], 12);
    expect(gi.classes[at(C0)]).toBe('hot-95');
    expect(gi.q[at(ring1[0])]).toBeCloseTo((19 * twoSidedP(126 / Math.sqrt(5936))) / 7, 12);
    expect(gi.classes.filter((c) => c !== 'not-significant')).toEqual(['hot-95']);
  });

  it('gives equal z to cells placed symmetrically, and to two identical clusters', () => {
    const far = gridRing(C0, 40)[0]; // 40 rings away: the clusters do not touch
    const cells = [C0, far, ...gridDisk(C0, 1).slice(1), ...gridDisk(far, 1).slice(1)];
    const counts = [30, 30, ...Array(12).fill(10)];
    const gi = giStar(cells, counts);
    const z = (c: string) => gi.z[gi.cells.indexOf(c)];
    expect(z(far)).toBeCloseTo(z(C0), 12);
    const ring = gridDisk(C0, 1).slice(1).map(z);
    for (const v of ring) expect(v).toBeCloseTo(ring[0], 12);
    expect(gi.classes[gi.cells.indexOf(C0)]).toMatch(/^hot-/);
  });

  it('is not significant anywhere when all analysed values are equal', () => {
    // k = 0: the analysed cells are the non-empty cells themselves, all 5 → S = 0.
    const cells = gridDisk(C0, 3);
    const gi = giStar(cells, cells.map(() => 5), { k: 0 });
    expect(gi.cells.length).toBe(37);
    expect(Array.from(gi.z).every((v) => v === 0)).toBe(true);
    expect(Array.from(gi.p).every((v) => v === 1)).toBe(true);
    expect(gi.classes.every((c) => c === 'not-significant')).toBe(true);
    // Same with k = 1 over a prepared area where every cell holds 0.1 (mean rounds off 0.1).
    const nb = diskNeighbourhood(cells, 1);
    const flat = giStarOnNeighbourhood(nb, new Float64Array(nb.cells.length).fill(0.1));
    expect(flat.classes.every((c) => c === 'not-significant')).toBe(true);
  });

  it('handles degenerate inputs explicitly', () => {
    expect(giStar([], []).cells).toEqual([]);
    const one = giStar([C0], [4], { k: 0 }); // n = 1
    expect(Array.from(one.z)).toEqual([0]);
    expect(one.classes).toEqual(['not-significant']);
    // One non-empty cell, k = 1: its neighbourhood is the whole area (nW − W² = 0) → z 0.
    const lone = giStar([C0], [9]);
    expect(lone.z[lone.cells.indexOf(C0)]).toBe(0);
    expect(lone.p[lone.cells.indexOf(C0)]).toBe(1);
    // Zero-count cells far from any incident are not analysed; duplicate cells are summed.
    const far = gridRing(C0, 10)[0];
    const dup = giStar([C0, C0, far], [3, 4, 0]);
    expect(dup.cells.length).toBe(7);
    expect(dup.counts[dup.cells.indexOf(C0)]).toBe(7);
    expect(() => giStar([C0], [1, 2])).toThrow(RangeError);
    expect(() => giStar([C0], [NaN])).toThrow(RangeError);
    expect(() => giStar(['nope'], [1])).toThrow(RangeError);
  });

  it('agrees with the brute-force formula on random counts, k = 1 and 2 (property)', () => {
    const disk = gridDisk(C0, 6);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: disk.length - 1 }), fc.integer({ min: 0, max: 30 })), { minLength: 2, maxLength: 40 }),
        fc.constantFrom(1, 2),
        (picks, k) => {
          const cells = picks.map(([i]) => disk[i]);
          const counts = picks.map(([, v]) => v);
          const gi = giStar(cells, counts, { k });
          const ref = bruteForce(cells, counts, k);
          expect(gi.cells.length).toBe(ref.size);
          gi.cells.forEach((c, i) => {
            const want = ref.get(c)!;
            if (Number.isFinite(want)) expect(gi.z[i]).toBeCloseTo(want, 9);
            else expect(gi.z[i]).toBe(0); // 0/0 in the formula: S = 0 or nW = W²
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
