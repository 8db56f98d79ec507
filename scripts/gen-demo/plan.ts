// Demo generator: street lattices of the county town and the town centres. Chinese county towns are
// laid out on a (slightly rotated) grid of streets; blocks between streets carry the buildings and
// the population. Two seed points per block later become the "atoms" of the admin tiling, placed
// symmetrically about the streets so that atom boundaries — and hence grid boundaries — run along
// streets, as real grid boundaries mostly do.
import { type XY, distToLine } from './geometry';
import type { Rng } from './random';

export type BlockType =
  | 'old-town'
  | 'residential'
  | 'commercial'
  | 'urban-village'
  | 'industrial'
  | 'public'
  | 'park'
  | 'market'
  | 'station';

export interface Block {
  plan: number;
  i: number;
  j: number;
  center: XY;
  /** Counter-clockwise corners. */
  corners: XY[];
  type: BlockType;
  /** Name of the facility on the block (school, hospital, market …) when there is one. */
  facility?: string;
}

export interface Plan {
  index: number;
  kind: 'county-town' | 'town-seat';
  /** Index of the town whose centre this is (-1 for the county town, which spans sub-districts). */
  town: number;
  origin: XY;
  /** Rotation of the lattice, radians (u axis = [cos, sin]). */
  angle: number;
  bx: number;
  by: number;
  /** Nominal footprint radius, metres. */
  radius: number;
  /** Blocks by "i,j" key; only included blocks are present. */
  blocks: Map<string, Block>;
  /** Indices of main streets: constant-u lines (i) and constant-v lines (j). */
  mainI: number[];
  mainJ: number[];
}

export function uvToXY(plan: Plan, u: number, v: number): XY {
  const c = Math.cos(plan.angle);
  const s = Math.sin(plan.angle);
  return [plan.origin[0] + u * c - v * s, plan.origin[1] + u * s + v * c];
}

export function xyToUV(plan: Plan, p: XY): [number, number] {
  const c = Math.cos(plan.angle);
  const s = Math.sin(plan.angle);
  const dx = p[0] - plan.origin[0];
  const dy = p[1] - plan.origin[1];
  return [dx * c + dy * s, -dx * s + dy * c];
}

/** The included block under point p, if any. */
export function blockAt(plan: Plan, p: XY): Block | undefined {
  const [u, v] = xyToUV(plan, p);
  return plan.blocks.get(`${Math.floor(u / plan.bx)},${Math.floor(v / plan.by)}`);
}

export interface PlanSpec {
  kind: Plan['kind'];
  town: number;
  origin: XY;
  angle: number;
  bx: number;
  by: number;
  radius: number;
  /** Irregularity of the footprint edge, share of the radius. */
  roughness: number;
  mainI: number[];
  mainJ: number[];
  /** Lines (e.g. the river) blocks must keep clear of, with the clearance in metres. */
  avoid: { line: XY[]; clearance: number }[];
}

/** Lays out a lattice and keeps the blocks inside a noisy round footprint and clear of water. */
export function makePlan(rng: Rng, index: number, spec: PlanSpec): Plan {
  const harmonics = [2, 3, 4, 5].map((k) => ({ k, a: rng.range(0.3, 1) * spec.roughness / Math.sqrt(k), ph: rng.range(0, 2 * Math.PI) }));
  const plan: Plan = {
    index,
    kind: spec.kind,
    town: spec.town,
    origin: spec.origin,
    angle: spec.angle,
    bx: spec.bx,
    by: spec.by,
    radius: spec.radius,
    blocks: new Map(),
    mainI: spec.mainI,
    mainJ: spec.mainJ,
  };
  const ni = Math.ceil((spec.radius * (1 + 2 * spec.roughness)) / spec.bx) + 1;
  const nj = Math.ceil((spec.radius * (1 + 2 * spec.roughness)) / spec.by) + 1;
  for (let i = -ni; i < ni; i++) {
    for (let j = -nj; j < nj; j++) {
      const u = (i + 0.5) * spec.bx;
      const v = (j + 0.5) * spec.by;
      const theta = Math.atan2(v, u);
      let r = 1;
      for (const h of harmonics) r += h.a * Math.sin(h.k * theta + h.ph);
      if (Math.hypot(u, v) > spec.radius * r) continue;
      const center = uvToXY(plan, u, v);
      const half = Math.max(spec.bx, spec.by) * 0.6;
      if (spec.avoid.some((a) => distToLine(center, a.line) < a.clearance + half)) continue;
      const corners = [
        uvToXY(plan, i * spec.bx, j * spec.by),
        uvToXY(plan, (i + 1) * spec.bx, j * spec.by),
        uvToXY(plan, (i + 1) * spec.bx, (j + 1) * spec.by),
        uvToXY(plan, i * spec.bx, (j + 1) * spec.by),
      ];
      plan.blocks.set(`${i},${j}`, { plan: index, i, j, center, corners, type: 'residential' });
    }
  }
  return plan;
}

export function hasBlock(plan: Plan, i: number, j: number): boolean {
  return plan.blocks.has(`${i},${j}`);
}

/** A street run: one lattice line between two junctions, as lattice indices. */
export interface StreetRun {
  /** 'i' runs along a constant-u line (index = i); 'j' along a constant-v line. */
  axis: 'i' | 'j';
  index: number;
  /** Junction range along the line, inclusive: from..to are the other axis' indices. */
  from: number;
  to: number;
  main: boolean;
}

/**
 * The streets of a plan: every lattice segment with a block on at least one side, merged into runs.
 * Main streets also bridge gaps (e.g. the river) between their first and last block.
 */
export function streetRuns(plan: Plan): StreetRun[] {
  let minI = Infinity, maxI = -Infinity, minJ = Infinity, maxJ = -Infinity;
  for (const b of plan.blocks.values()) {
    minI = Math.min(minI, b.i);
    maxI = Math.max(maxI, b.i);
    minJ = Math.min(minJ, b.j);
    maxJ = Math.max(maxJ, b.j);
  }
  const runs: StreetRun[] = [];
  const collect = (axis: 'i' | 'j', index: number, lo: number, hi: number, present: (k: number) => boolean) => {
    const main = (axis === 'i' ? plan.mainI : plan.mainJ).includes(index);
    const segs: number[] = [];
    for (let k = lo; k <= hi; k++) if (present(k)) segs.push(k);
    if (segs.length === 0) return;
    if (main) {
      runs.push({ axis, index, from: segs[0], to: segs[segs.length - 1] + 1, main });
      return;
    }
    let start = segs[0];
    for (let n = 1; n <= segs.length; n++) {
      if (n === segs.length || segs[n] !== segs[n - 1] + 1) {
        runs.push({ axis, index, from: start, to: segs[n - 1] + 1, main });
        if (n < segs.length) start = segs[n];
      }
    }
  };
  // A constant-u line at index i borders blocks (i-1, j) and (i, j) for segment j.
  for (let i = minI; i <= maxI + 1; i++) {
    collect('i', i, minJ, maxJ, (j) => hasBlock(plan, i - 1, j) || hasBlock(plan, i, j));
  }
  for (let j = minJ; j <= maxJ + 1; j++) {
    collect('j', j, minI, maxI, (i) => hasBlock(plan, i, j - 1) || hasBlock(plan, i, j));
  }
  return runs;
}

/** A run's polyline in local metres (straight, with a vertex at each junction). */
export function runLine(plan: Plan, run: StreetRun): XY[] {
  const out: XY[] = [];
  for (let k = run.from; k <= run.to; k++) {
    out.push(run.axis === 'i' ? uvToXY(plan, run.index * plan.bx, k * plan.by) : uvToXY(plan, k * plan.bx, run.index * plan.by));
  }
  return out;
}

/** Where the plan's main streets leave its footprint: the places roads from elsewhere arrive. */
export function gateways(plan: Plan): XY[] {
  const out: XY[] = [];
  for (const run of streetRuns(plan)) {
    if (!run.main) continue;
    const line = runLine(plan, run);
    out.push(line[0], line[line.length - 1]);
  }
  return out;
}
