// Demo generator: management grids (网格). Urban communities are split into contiguous grids of
// about 300 households each, the standard the county reports cite; a rural village is one grid.
// Grid households always add up to their village's, and populations likewise.
import type { Atoms } from './atoms';
import { fakePhone, personName } from './names';
import type { Rng } from './random';
import { balancedPartition } from './regions';
import type { Grid, Village } from './world';

/** Splits `total` into integer parts proportional to `shares`, keeping the sum exact. */
export function apportion(total: number, shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (total * s) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, k) => ({ k, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
  for (let n = 0; left > 0; n++, left--) out[order[n % order.length].k]++;
  return out;
}

/**
 * Values proportional to weights summing to `total`, each kept within [lo, hi] when the average
 * allows it: clamped values are fixed and the rest re-scaled, until nothing moves.
 */
export function bounded(total: number, weights: number[], lo: number, hi: number): number[] {
  const n = weights.length;
  const fixed: (number | null)[] = weights.map(() => null);
  for (let round = 0; round < n + 1; round++) {
    const free = weights.map((w, k) => (fixed[k] === null ? w : 0));
    const freeSum = free.reduce((a, b) => a + b, 0);
    const left = total - fixed.reduce<number>((a, b) => a + (b ?? 0), 0);
    let moved = false;
    for (let k = 0; k < n; k++) {
      if (fixed[k] !== null) continue;
      const v = freeSum > 0 ? (left * free[k]) / freeSum : left / n;
      if (v < lo || v > hi) {
        fixed[k] = v < lo ? lo : hi;
        moved = true;
      }
    }
    if (!moved) return weights.map((_, k) => fixed[k] ?? (freeSum > 0 ? (left * free[k]) / freeSum : 0));
  }
  return fixed.map((v) => v ?? 0);
}

const KINDS: Grid['kind'][] = ['comprehensive', 'party', 'safety', 'harmony'];

export function makeGrids(rng: Rng, atoms: Atoms, villages: Village[], hh: Float64Array): { grids: Grid[]; gridOf: Int32Array } {
  const grids: Grid[] = [];
  const gridOf = new Int32Array(atoms.n).fill(-1);
  for (const v of villages) {
    const urban = v.kind === 'community';
    const k = urban ? Math.max(1, Math.round(v.households / 300)) : 1;
    const label = balancedPartition(atoms, v.atoms, k, (i) => hh[i] + 1e-3 * atoms.area[i] / 1e4);
    const parts: number[][] = Array.from({ length: k }, () => []);
    for (const i of v.atoms) parts[label[i]].push(i);
    const nonEmpty = parts.filter((p) => p.length > 0);
    // Households follow the partition's weights, pulled halfway towards an even split: grids are
    // drawn to the 300-household standard, so real ones rarely stray far from it.
    const w = nonEmpty.map((p) => p.reduce((s, i) => s + hh[i], 0));
    const wSum = w.reduce((a, b) => a + b, 0) || 1;
    const shares = w.map((x) => 0.5 * (x / wSum) + 0.5 / nonEmpty.length);
    const households = apportion(v.households, urban ? bounded(v.households, shares, 225, 390) : shares);
    const population = apportion(v.population, households);
    nonEmpty.forEach((part, n) => {
      const index = grids.length;
      const kind = urban ? (rng.chance(0.85) ? 'comprehensive' : rng.pick(KINDS.slice(1))) : rng.chance(0.93) ? 'comprehensive' : 'safety';
      grids.push({
        index,
        id: `${v.id}-${String(n + 1).padStart(2, '0')}`,
        name: urban ? `${v.name}第${n + 1}网格` : `${v.name}网格`,
        nameEn: urban ? `${v.nameEn} Grid ${n + 1}` : `${v.nameEn} Grid`,
        town: v.town,
        village: v.index,
        atoms: part,
        households: households[n],
        population: population[n],
        officer: personName(rng),
        officerPhone: fakePhone(index + 1),
        kind,
        setting: urban ? 'urban' : 'rural',
      });
      for (const i of part) gridOf[i] = index;
    });
  }
  return { grids, gridOf };
}
