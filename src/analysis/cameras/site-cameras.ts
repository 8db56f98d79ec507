// Analysis (PURE): the camera-siting planner — a maximal covering location problem solved by lazy
// greedy (CELF, Leskovec et al. 2007). Covered demand is a monotone submodular function of the set
// of sites, so greedy is within (1 − 1/e) of the optimum (Nemhauser et al. 1978), and CELF picks
// exactly what plain greedy picks while evaluating far fewer gains. Cells are interned to dense
// integer ids once, so the inner loops touch typed arrays only.
import { distanceM } from './in-sector';
import { IdMaxHeap } from './max-heap';

/** A place a camera could go (or an existing camera that could be repaired). */
export interface SiteCandidate {
  id: string;
  /** WGS-84 degrees. */
  lng: number;
  lat: number;
  /** Cost in the planner's unit (e.g. 10k yuan); default 1. Must be > 0 with a budget. */
  cost?: number;
  /** H3 cells the camera there would see (any resolution, the demand's). */
  cells: readonly string[];
  /** An existing camera to repair: the minimum spacing of new sites does not apply to it. */
  repair?: boolean;
}

/** Demand per cell: a Map, or parallel arrays (duplicated cells add up). */
export type CellDemand = ReadonlyMap<string, number> | { cells: readonly string[]; weights: ArrayLike<number> };

export interface SitingOptions {
  /** Largest number of sites; default unlimited with a budget, else 1. */
  k?: number;
  /** Largest total cost; cost-effective greedy (gain ÷ cost) or the best single site (Khuller et al. 1999). */
  budget?: number;
  /** Minimum great-circle distance between two chosen new (non-repair) sites, metres; default 0. */
  minSpacingM?: number;
  /** Demand in these cells (active listed hotspots) counts `weight` times. */
  hotspot?: { cells: Iterable<string>; weight: number };
}

/** One chosen site. */
export interface SitePick {
  /** 1-based order of choice. */
  rank: number;
  /** Index into the candidates array. */
  candidate: number;
  id: string;
  /** Weighted demand newly covered by this site (hotspot multiplier applied). */
  gain: number;
  /** Unweighted demand (incidents) newly covered by this site. */
  incidents: number;
  /** Weighted demand covered by the sites up to this one. */
  cumulative: number;
  cost: number;
}

export interface SitingResult {
  sites: SitePick[];
  /** The marginal-gain curve: curve[i] = weighted demand covered by the first i sites (curve[0] = 0). */
  curve: number[];
  /** All the weighted demand there is (what covering every cell would give). */
  totalDemand: number;
  /** Gains evaluated (a measure of the work; plain greedy evaluates every candidate every round). */
  evaluations: number;
  /** With a budget: which of the two Khuller plans won. */
  rule: 'greedy' | 'cost-effective' | 'best-single';
}

/** Everything the greedy loops need, as typed arrays. */
interface Problem {
  weight: Float64Array;
  raw: Float64Array;
  /** Candidate c sees cell ids cellIds[start[c] .. start[c+1]). */
  start: Int32Array;
  cellIds: Int32Array;
  cost: Float64Array;
  totalDemand: number;
}

/** Chooses sites by lazy greedy (CELF). See {@link SitingOptions}. */
export function siteCameras(demand: CellDemand, candidates: readonly SiteCandidate[], options: SitingOptions = {}): SitingResult {
  return solve(demand, candidates, options, true);
}

/** The same choice by plain greedy, re-evaluating every candidate each round: the reference and baseline. */
export function siteCamerasPlainGreedy(demand: CellDemand, candidates: readonly SiteCandidate[], options: SitingOptions = {}): SitingResult {
  return solve(demand, candidates, options, false);
}

function solve(demand: CellDemand, candidates: readonly SiteCandidate[], options: SitingOptions, lazy: boolean): SitingResult {
  const budget = options.budget;
  if (budget !== undefined && !(budget >= 0)) throw new RangeError(`siteCameras: budget must be ≥ 0, got ${budget}`);
  const k = options.k ?? (budget === undefined ? 1 : Infinity);
  const p = prepare(demand, candidates, options);
  if (budget !== undefined) {
    for (let c = 0; c < candidates.length; c++) if (!(p.cost[c] > 0)) throw new RangeError(`siteCameras: with a budget every cost must be > 0 (candidate ${candidates[c].id} costs ${p.cost[c]})`);
  }
  const run = lazy ? lazyGreedy : plainGreedy;
  const greedy = run(p, candidates, k, budget, options.minSpacingM ?? 0);
  if (budget === undefined) return finish(p, candidates, greedy.picks, greedy.evaluations, 'greedy');
  // Cost-effective greedy alone can be arbitrarily bad (one cheap tiny site crowding out the
  // one big affordable one); the better of it and the best single affordable site is not.
  const none = new Uint8Array(p.weight.length);
  let best = -1;
  let bestGain = 0;
  for (let c = 0; c < candidates.length && k >= 1; c++) {
    if (p.cost[c] > budget) continue;
    const g = gainOf(p, none, c);
    if (g > bestGain) {
      best = c;
      bestGain = g;
    }
  }
  const evaluations = greedy.evaluations + candidates.length;
  if (best >= 0 && bestGain > coveredBy(p, greedy.picks)) return finish(p, candidates, [best], evaluations, 'best-single');
  return finish(p, candidates, greedy.picks, evaluations, 'cost-effective');
}

function prepare(demand: CellDemand, candidates: readonly SiteCandidate[], options: SitingOptions): Problem {
  const ids = new Map<string, number>();
  const rawList: number[] = [];
  const add = (cell: string, w: number): void => {
    if (!(w > 0)) return;
    const id = ids.get(cell);
    if (id === undefined) {
      ids.set(cell, rawList.length);
      rawList.push(w);
    } else rawList[id] += w;
  };
  if (demand instanceof Map) for (const [cell, w] of demand) add(cell, w);
  else {
    const d = demand as { cells: readonly string[]; weights: ArrayLike<number> };
    for (let i = 0; i < d.cells.length; i++) add(d.cells[i], d.weights[i]);
  }
  const raw = Float64Array.from(rawList);
  const weight = Float64Array.from(rawList);
  if (options.hotspot) {
    const m = options.hotspot.weight;
    if (!(m >= 0)) throw new RangeError(`siteCameras: hotspot weight must be ≥ 0, got ${m}`);
    const seen = new Set<number>();
    for (const cell of options.hotspot.cells) {
      const id = ids.get(cell);
      if (id !== undefined && !seen.has(id)) {
        seen.add(id);
        weight[id] = raw[id] * m;
      }
    }
  }
  let totalDemand = 0;
  for (let i = 0; i < weight.length; i++) totalDemand += weight[i];
  const start = new Int32Array(candidates.length + 1);
  const list: number[] = [];
  // A candidate listing a cell twice must not count it twice: stamp each cell with the candidate.
  const stamp = new Int32Array(weight.length).fill(-1);
  const cost = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    for (const cell of candidates[c].cells) {
      const id = ids.get(cell);
      if (id !== undefined && stamp[id] !== c) {
        stamp[id] = c;
        list.push(id);
      }
    }
    start[c + 1] = list.length;
    cost[c] = candidates[c].cost ?? 1;
  }
  return { weight, raw, start, cellIds: Int32Array.from(list), cost, totalDemand };
}

/** Weighted (or raw) demand candidate c would newly cover, given the covered flags. */
function gainOf(p: Problem, covered: Uint8Array, c: number, raw = false): number {
  const w = raw ? p.raw : p.weight;
  let g = 0;
  for (let j = p.start[c], e = p.start[c + 1]; j < e; j++) {
    const id = p.cellIds[j];
    if (covered[id] === 0) g += w[id];
  }
  return g;
}

function coveredBy(p: Problem, picks: readonly number[]): number {
  const covered = new Uint8Array(p.weight.length);
  let total = 0;
  for (const c of picks) {
    total += gainOf(p, covered, c);
    cover(p, covered, c);
  }
  return total;
}

function cover(p: Problem, covered: Uint8Array, c: number): void {
  for (let j = p.start[c], e = p.start[c + 1]; j < e; j++) covered[p.cellIds[j]] = 1;
}

/** The greedy key: gain, or gain per unit cost with a budget. */
function keyOf(p: Problem, gain: number, c: number, budget: number | undefined): number {
  return budget === undefined || gain === 0 ? gain : gain / p.cost[c];
}

interface Picks {
  picks: number[];
  evaluations: number;
}

/**
 * Feasible now: affordable with what is left of the budget and, for a new site, at least the
 * minimum spacing from every new site chosen. Both only get stricter as sites are added, so an
 * infeasible candidate can be dropped for good.
 */
function feasible(c: number, cands: readonly SiteCandidate[], p: Problem, left: number, spacing: number, chosenNew: readonly number[]): boolean {
  if (p.cost[c] > left) return false;
  if (spacing > 0 && !cands[c].repair) {
    for (const s of chosenNew) if (distanceM(cands[c].lng, cands[c].lat, cands[s].lng, cands[s].lat) < spacing) return false;
  }
  return true;
}

function lazyGreedy(p: Problem, cands: readonly SiteCandidate[], k: number, budget: number | undefined, spacing: number): Picks {
  const covered = new Uint8Array(p.weight.length);
  const heap = new IdMaxHeap(cands.length);
  // fresh[c] = number of picks when c's key was computed; a key from the current round is exact.
  const fresh = new Int32Array(cands.length);
  for (let c = 0; c < cands.length; c++) heap.push(c, keyOf(p, gainOf(p, covered, c), c, budget));
  let evaluations = cands.length;
  const picks: number[] = [];
  const chosenNew: number[] = [];
  let left = budget ?? Infinity;
  while (picks.length < k && heap.size > 0) {
    const c = heap.peek();
    if (!feasible(c, cands, p, left, spacing, chosenNew)) {
      heap.pop();
      continue;
    }
    if (fresh[c] === picks.length) {
      // Exact and on top: every other key is an upper bound no larger (ties: a larger index).
      if (!(heap.key(c) > 0)) break;
      heap.pop();
      picks.push(c);
      if (!cands[c].repair) chosenNew.push(c);
      left -= p.cost[c];
      cover(p, covered, c);
      continue;
    }
    heap.replaceTopKey(keyOf(p, gainOf(p, covered, c), c, budget));
    fresh[c] = picks.length;
    evaluations++;
  }
  return { picks, evaluations };
}

function plainGreedy(p: Problem, cands: readonly SiteCandidate[], k: number, budget: number | undefined, spacing: number): Picks {
  const covered = new Uint8Array(p.weight.length);
  const alive = new Uint8Array(cands.length).fill(1);
  const picks: number[] = [];
  const chosenNew: number[] = [];
  let left = budget ?? Infinity;
  let evaluations = 0;
  while (picks.length < k) {
    let best = -1;
    let bestKey = 0;
    for (let c = 0; c < cands.length; c++) {
      if (alive[c] === 0) continue;
      if (!feasible(c, cands, p, left, spacing, chosenNew)) {
        alive[c] = 0;
        continue;
      }
      const key = keyOf(p, gainOf(p, covered, c), c, budget);
      evaluations++;
      if (key > bestKey) {
        best = c;
        bestKey = key;
      }
    }
    if (best < 0) break;
    alive[best] = 0;
    picks.push(best);
    if (!cands[best].repair) chosenNew.push(best);
    left -= p.cost[best];
    cover(p, covered, best);
  }
  return { picks, evaluations };
}

function finish(p: Problem, cands: readonly SiteCandidate[], picks: readonly number[], evaluations: number, rule: SitingResult['rule']): SitingResult {
  const covered = new Uint8Array(p.weight.length);
  const sites: SitePick[] = [];
  const curve = [0];
  let cumulative = 0;
  for (const c of picks) {
    const gain = gainOf(p, covered, c);
    const incidents = gainOf(p, covered, c, true);
    cover(p, covered, c);
    cumulative += gain;
    curve.push(cumulative);
    sites.push({ rank: sites.length + 1, candidate: c, id: cands[c].id, gain, incidents, cumulative, cost: p.cost[c] });
  }
  return { sites, curve, totalDemand: p.totalDemand, evaluations, rule };
}
