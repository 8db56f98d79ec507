// The siting planner against brute force: optimal where greedy provably is, ≥ 95 % of the optimum
// on random small instances, CELF = plain greedy, the budget rule, and the minimum spacing.
import { describe, expect, it } from 'vitest';
import { distanceM } from '../../src/analysis/cameras/in-sector';
import { siteCameras, siteCamerasPlainGreedy, type SiteCandidate } from '../../src/analysis/cameras/site-cameras';
import { mulberry32 as rng } from '../seeded-random';

/** Weight covered by a set of candidates (each cell once). */
function coverage(demand: Map<string, number>, cands: readonly SiteCandidate[], pick: readonly number[]): number {
  const cells = new Set<string>();
  for (const c of pick) for (const cell of cands[c].cells) cells.add(cell);
  let s = 0;
  for (const cell of cells) s += demand.get(cell) ?? 0;
  return s;
}

/** The best coverage over every set of at most k candidates (with an optional budget). */
function bruteForce(demand: Map<string, number>, cands: readonly SiteCandidate[], k: number, budget = Infinity): number {
  let best = 0;
  const rec = (from: number, pick: number[], cost: number): void => {
    best = Math.max(best, coverage(demand, cands, pick));
    if (pick.length === k) return;
    for (let c = from; c < cands.length; c++) {
      const cc = cands[c].cost ?? 1;
      if (cost + cc > budget) continue;
      pick.push(c);
      rec(c + 1, pick, cost + cc);
      pick.pop();
    }
  };
  rec(0, [], 0);
  return best;
}

function randomInstance(rand: () => number, nCand: number, nCells: number): { demand: Map<string, number>; cands: SiteCandidate[] } {
  const demand = new Map<string, number>();
  for (let i = 0; i < nCells; i++) if (rand() < 0.8) demand.set(`c${i}`, 1 + Math.floor(rand() * 20));
  const cands: SiteCandidate[] = [];
  for (let c = 0; c < nCand; c++) {
    const cells: string[] = [];
    const n = 1 + Math.floor(rand() * 8);
    for (let j = 0; j < n; j++) cells.push(`c${Math.floor(rand() * nCells)}`);
    cands.push({ id: `s${c}`, lng: 117 + rand() * 0.01, lat: 32 + rand() * 0.01, cost: 1 + Math.floor(rand() * 4), cells });
  }
  return { demand, cands };
}

/** Cells of a W × W grid with skewed counts; each candidate sees a disc of radius 1–2.5 cells. */
function discInstance(rand: () => number, nCand: number, w: number): { demand: Map<string, number>; cands: SiteCandidate[] } {
  const demand = new Map<string, number>();
  for (let x = 0; x < w; x++) for (let y = 0; y < w; y++) {
    const v = Math.floor(-Math.log(1 - rand()) * 5);
    if (v > 0) demand.set(`${x},${y}`, v);
  }
  const cands: SiteCandidate[] = [];
  for (let c = 0; c < nCand; c++) {
    const cx = rand() * w, cy = rand() * w, r = 1 + rand() * 1.5;
    const cells: string[] = [];
    for (let x = 0; x < w; x++) for (let y = 0; y < w; y++) if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) cells.push(`${x},${y}`);
    cands.push({ id: `s${c}`, lng: 0, lat: 0, cells });
  }
  return { demand, cands };
}

describe('siteCameras — greedy against brute force', () => {
  it('is optimal when the candidates see disjoint cells (the k heaviest)', () => {
    const rand = rng(7);
    for (let t = 0; t < 20; t++) {
      const demand = new Map<string, number>();
      const cands: SiteCandidate[] = [];
      for (let c = 0; c < 10; c++) {
        const cells = [0, 1, 2].map((j) => `d${c}-${j}`);
        for (const cell of cells) demand.set(cell, Math.floor(rand() * 50));
        cands.push({ id: `s${c}`, lng: 0, lat: 0, cells });
      }
      for (const k of [1, 2, 4]) {
        const r = siteCameras(demand, cands, { k });
        expect(r.sites.at(-1)?.cumulative ?? 0).toBe(bruteForce(demand, cands, k));
      }
    }
  });

  it('is optimal on nested sets (a chain: the largest one first, then nothing adds)', () => {
    const demand = new Map([['a', 5], ['b', 3], ['c', 2], ['d', 1]]);
    const cands: SiteCandidate[] = [
      { id: 'small', lng: 0, lat: 0, cells: ['a'] },
      { id: 'mid', lng: 0, lat: 0, cells: ['a', 'b'] },
      { id: 'big', lng: 0, lat: 0, cells: ['a', 'b', 'c', 'd'] },
    ];
    const r = siteCameras(demand, cands, { k: 2 });
    expect(r.sites.map((s) => s.id)).toEqual(['big']);
    expect(r.sites[0].cumulative).toBe(bruteForce(demand, cands, 2));
    expect(r.curve).toEqual([0, 11]);
  });

  // Greedy's guarantee is per instance only (1 − 1/e ≈ 63 %); on random instances it does far
  // better on average. The worst single instances seen are ~85–92 % (adversarial overlaps), so
  // the 95 % is asserted for the mean over the 200 instances, 1 − 1/e for each one.
  for (const [name, make] of [
    ['random cell sets', (rand: () => number) => randomInstance(rand, 12, 30)],
    ['discs on a grid of cells', (rand: () => number) => discInstance(rand, 12, 8)],
  ] as const) {
    it(`stays ≥ 95 % of the optimum on average over 200 random instances (${name}, 12 candidates, k = 3)`, () => {
      const rand = rng(20261202);
      let sum = 0;
      for (let t = 0; t < 200; t++) {
        const { demand, cands } = make(rand);
        const got = siteCameras(demand, cands, { k: 3 }).sites.at(-1)?.cumulative ?? 0;
        const opt = bruteForce(demand, cands, 3);
        expect(got).toBeLessThanOrEqual(opt);
        expect(got).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt);
        sum += opt > 0 ? got / opt : 1;
      }
      expect(sum / 200).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('CELF returns exactly plain greedy’s picks, gains and curve, with fewer evaluations', () => {
    const rand = rng(99);
    for (let t = 0; t < 50; t++) {
      const { demand, cands } = randomInstance(rand, 200, 300);
      for (const opts of [{ k: 10 }, { k: 25, minSpacingM: 150 }, { budget: 12 }, { k: 8, hotspot: { cells: ['c1', 'c2', 'c3', 'c50'], weight: 3 } }]) {
        const lazy = siteCameras(demand, cands, opts);
        const plain = siteCamerasPlainGreedy(demand, cands, opts);
        expect(lazy.sites).toEqual(plain.sites);
        expect(lazy.curve).toEqual(plain.curve);
        expect(lazy.rule).toBe(plain.rule);
      }
      const lazy = siteCameras(demand, cands, { k: 10 });
      expect(lazy.evaluations).toBeLessThan(siteCamerasPlainGreedy(demand, cands, { k: 10 }).evaluations);
    }
  });

  it('reports gains, cumulative and curve consistently, and stops when nothing more is gained', () => {
    const demand = { cells: ['a', 'b', 'c', 'a'], weights: [1, 2, 4, 1] };
    const cands: SiteCandidate[] = [
      { id: 'x', lng: 0, lat: 0, cells: ['a', 'a', 'b'] },
      { id: 'y', lng: 0, lat: 0, cells: ['c'] },
      { id: 'z', lng: 0, lat: 0, cells: ['b', 'zz'] },
    ];
    const r = siteCameras(demand, cands, { k: 5 });
    // x and y both gain 4 (x: a twice in the demand, b once; its own duplicate a counts once): the
    // tie goes to the earlier candidate; z then adds nothing (b is seen, zz has no demand).
    expect(r.sites.map((s) => [s.rank, s.id, s.gain, s.cumulative])).toEqual([[1, 'x', 4, 4], [2, 'y', 4, 8]]);
    expect(r.curve).toEqual([0, 4, 8]);
    expect(r.totalDemand).toBe(8);
  });
});

describe('siteCameras — budget, spacing and hotspot weight', () => {
  it('with a budget: never over it, takes the best single site when cost-effective greedy is worse, and ≥ (1 − 1/e)/2 of the optimum', () => {
    // Cheap small site and one expensive big one: gain/cost picks the small one first, then the
    // big one no longer fits; the best single affordable site is the big one.
    const demand = new Map([['a', 2], ['b', 15]]);
    const cands: SiteCandidate[] = [
      { id: 'cheap', lng: 0, lat: 0, cost: 1, cells: ['a'] },
      { id: 'big', lng: 0, lat: 0, cost: 10, cells: ['b'] },
    ];
    const r = siteCameras(demand, cands, { budget: 10 });
    expect(r.rule).toBe('best-single');
    expect(r.sites.map((s) => s.id)).toEqual(['big']);
    const rand = rng(5);
    for (let t = 0; t < 100; t++) {
      const { demand: d, cands: cs } = randomInstance(rand, 10, 25);
      const budget = 3 + Math.floor(rand() * 6);
      const got = siteCameras(d, cs, { budget });
      expect(got.sites.reduce((s, x) => s + x.cost, 0)).toBeLessThanOrEqual(budget);
      const opt = bruteForce(d, cs, Infinity, budget);
      expect(got.sites.at(-1)?.cumulative ?? 0).toBeGreaterThanOrEqual(((1 - 1 / Math.E) / 2) * opt - 1e-9);
    }
  });

  it('keeps new sites at least the minimum spacing apart, but not repairs', () => {
    const rand = rng(11);
    const demand = new Map<string, number>();
    const cands: SiteCandidate[] = [];
    for (let c = 0; c < 300; c++) {
      const cell = `c${c}`;
      demand.set(cell, 1 + Math.floor(rand() * 9));
      cands.push({ id: `s${c}`, lng: 117 + rand() * 0.02, lat: 32 + rand() * 0.02, cells: [cell], repair: c < 5 });
    }
    const r = siteCameras(demand, cands, { k: 40, minSpacingM: 300 });
    const fresh = r.sites.filter((s) => !cands[s.candidate].repair);
    for (let i = 0; i < fresh.length; i++) {
      for (let j = i + 1; j < fresh.length; j++) {
        const a = cands[fresh[i].candidate], b = cands[fresh[j].candidate];
        expect(distanceM(a.lng, a.lat, b.lng, b.lat)).toBeGreaterThanOrEqual(300);
      }
    }
    expect(r.sites.filter((s) => cands[s.candidate].repair).length).toBe(5);
  });

  it('counts demand in listed-hotspot cells several times', () => {
    const demand = new Map([['a', 5], ['h', 3]]);
    const cands: SiteCandidate[] = [
      { id: 'A', lng: 0, lat: 0, cells: ['a'] },
      { id: 'H', lng: 0, lat: 0, cells: ['h'] },
    ];
    expect(siteCameras(demand, cands, { k: 1 }).sites[0].id).toBe('A');
    const r = siteCameras(demand, cands, { k: 1, hotspot: { cells: ['h'], weight: 2 } });
    expect(r.sites[0]).toMatchObject({ id: 'H', gain: 6, incidents: 3 });
  });
});
