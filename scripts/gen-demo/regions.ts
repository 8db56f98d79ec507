// Demo generator: partitions of atoms into contiguous regions, and the regions' outlines. Regions
// grow over the atom adjacency graph, so each is connected; outlines are traced from cell edges
// whose two sides carry different labels, so neighbouring regions share their boundary exactly.
import type { Atoms } from './atoms';
import { type XY, pointInRing, ringArea } from './geometry';

/** A minimal binary min-heap keyed by cost. */
class Heap {
  private readonly cost: number[] = [];
  private readonly item: number[] = [];
  get size(): number {
    return this.cost.length;
  }
  push(c: number, it: number): void {
    const { cost, item } = this;
    let k = cost.length;
    cost.push(c);
    item.push(it);
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (cost[p] < c || (cost[p] === c && item[p] <= it)) break;
      cost[k] = cost[p];
      item[k] = item[p];
      k = p;
    }
    cost[k] = c;
    item[k] = it;
  }
  pop(): [number, number] {
    const { cost, item } = this;
    const top: [number, number] = [cost[0], item[0]];
    const lc = cost.pop()!;
    const li = item.pop()!;
    if (cost.length > 0) {
      let k = 0;
      for (;;) {
        let m = 2 * k + 1;
        if (m >= cost.length) break;
        if (m + 1 < cost.length && (cost[m + 1] < cost[m] || (cost[m + 1] === cost[m] && item[m + 1] < item[m]))) m++;
        if (cost[m] > lc || (cost[m] === lc && item[m] >= li)) break;
        cost[k] = cost[m];
        item[k] = item[m];
        k = m;
      }
      cost[k] = lc;
      item[k] = li;
    }
    return top;
  }
}

export interface Seed {
  atom: number;
  label: number;
  /** Cost multiplier: a larger one makes the region smaller. */
  mult?: number;
}

/**
 * Multi-source shortest-path growth restricted to `allowed` atoms: each atom takes the label of the
 * seed it is cheapest to reach. `edgeCost(i, j)` defaults to distance; noise in it makes the
 * boundaries irregular. Unreached allowed atoms keep -1.
 */
export function growLabels(
  atoms: Atoms,
  allowed: (i: number) => boolean,
  seeds: Seed[],
  edgeCost: (i: number, j: number) => number,
  maxCost = Infinity,
): Int32Array {
  const label = new Int32Array(atoms.n).fill(-1);
  const best = new Float64Array(atoms.n).fill(Infinity);
  const mult = new Float64Array(atoms.n).fill(1);
  const heap = new Heap();
  for (const s of seeds) {
    if (!allowed(s.atom)) continue;
    best[s.atom] = 0;
    label[s.atom] = s.label;
    mult[s.atom] = s.mult ?? 1;
    heap.push(0, s.atom);
  }
  const done = new Uint8Array(atoms.n);
  while (heap.size > 0) {
    const [c, i] = heap.pop();
    if (done[i] || c > best[i]) continue;
    done[i] = 1;
    for (const j of atoms.across[i]) {
      if (done[j] || !allowed(j)) continue;
      const nc = c + mult[i] * edgeCost(i, j);
      if (nc < best[j] && nc <= maxCost) {
        best[j] = nc;
        label[j] = label[i];
        mult[j] = mult[i];
        heap.push(nc, j);
      }
    }
  }
  return label;
}

/** Gives every unlabelled member the label of a labelled neighbour (repeatedly), so no atom is lost. */
export function absorbOrphans(atoms: Atoms, members: number[], label: Int32Array): void {
  let pending = members.filter((i) => label[i] < 0);
  while (pending.length > 0) {
    const still: number[] = [];
    const set = new Set(members);
    for (const i of pending) {
      let got = -1;
      for (const j of atoms.across[i]) if (set.has(j) && label[j] >= 0) got = got < 0 ? label[j] : Math.min(got, label[j]);
      if (got >= 0) label[i] = got;
      else still.push(i);
    }
    if (still.length === pending.length) throw new Error('orphan atoms not connected to any region');
    pending = still;
  }
}

/**
 * Splits `members` (a connected set) into k contiguous regions of about equal weight: seeds are
 * spread by farthest-point sampling, then the lightest region repeatedly claims its frontier atom
 * nearest its seed. Returns labels 0..k-1 for members (others untouched, -1).
 */
export function balancedPartition(atoms: Atoms, members: number[], k: number, weight: (i: number) => number): Int32Array {
  const label = new Int32Array(atoms.n).fill(-1);
  if (k <= 1) {
    for (const i of members) label[i] = 0;
    return label;
  }
  const inSet = new Set(members);
  let cx = 0, cy = 0;
  for (const i of members) {
    cx += atoms.x[i];
    cy += atoms.y[i];
  }
  cx /= members.length;
  cy /= members.length;
  const seeds: number[] = [];
  const dmin = new Float64Array(members.length).fill(Infinity);
  let first = 0;
  members.forEach((i, m) => {
    const d = Math.hypot(atoms.x[i] - cx, atoms.y[i] - cy);
    if (d > Math.hypot(atoms.x[members[first]] - cx, atoms.y[members[first]] - cy)) first = m;
  });
  seeds.push(members[first]);
  while (seeds.length < k) {
    const s = seeds[seeds.length - 1];
    let far = 0;
    members.forEach((i, m) => {
      dmin[m] = Math.min(dmin[m], Math.hypot(atoms.x[i] - atoms.x[s], atoms.y[i] - atoms.y[s]));
      if (dmin[m] > dmin[far]) far = m;
    });
    seeds.push(members[far]);
  }
  const load = new Float64Array(k);
  const frontier: Heap[] = seeds.map(() => new Heap());
  const claim = (r: number, i: number) => {
    label[i] = r;
    load[r] += weight(i);
    for (const j of atoms.across[i]) {
      if (inSet.has(j) && label[j] < 0) {
        frontier[r].push(Math.hypot(atoms.x[j] - atoms.x[seeds[r]], atoms.y[j] - atoms.y[seeds[r]]), j);
      }
    }
  };
  seeds.forEach((s, r) => claim(r, s));
  let left = members.length - k;
  while (left > 0) {
    let pick = -1;
    for (let r = 0; r < k; r++) {
      while (frontier[r].size > 0) {
        const [, j] = frontier[r].pop();
        if (label[j] < 0) {
          frontier[r].push(0, j); // still free: put it back at the front
          break;
        }
      }
      if (frontier[r].size > 0 && (pick < 0 || load[r] < load[pick])) pick = r;
    }
    if (pick < 0) break;
    const [, j] = frontier[pick].pop();
    claim(pick, j);
    left--;
  }
  absorbOrphans(atoms, members, label);
  return label;
}

/** A traced area: outer rings counter-clockwise, each with its holes (clockwise). */
export type RegionPolygon = { outer: number[]; holes: number[][] }[];

/**
 * Outlines of every label ≥ 0, as rings of Voronoi vertex ids. A cell edge is on the outline of its
 * atom's region when the atom across it has another label (or is outside, label -1).
 */
export function traceRegions(atoms: Atoms, label: Int32Array): Map<number, RegionPolygon> {
  const nextByRegion = new Map<number, Map<number, number>>();
  for (let i = 0; i < atoms.n; i++) {
    const r = label[i];
    if (r < 0) continue;
    const c = atoms.cell[i];
    if (c.length === 0) throw new Error(`atom ${i} of region ${r} has an unbounded cell`);
    let map = nextByRegion.get(r);
    if (!map) nextByRegion.set(r, (map = new Map()));
    for (let k = 0; k < c.length; k++) {
      if (label[atoms.across[i][k]] === r) continue;
      map.set(c[k], c[(k + 1) % c.length]);
    }
  }
  const out = new Map<number, RegionPolygon>();
  const ringXY = (ring: number[]): XY[] => ring.map((v) => [atoms.vx[v], atoms.vy[v]]);
  for (const [r, map] of [...nextByRegion.entries()].sort((a, b) => a[0] - b[0])) {
    const rings: number[][] = [];
    const seen = new Set<number>();
    for (const start of [...map.keys()].sort((a, b) => a - b)) {
      if (seen.has(start)) continue;
      const ring: number[] = [];
      let v = start;
      while (!seen.has(v)) {
        seen.add(v);
        ring.push(v);
        v = map.get(v)!;
      }
      rings.push(ring);
    }
    const outers: RegionPolygon = [];
    const holes: number[][] = [];
    for (const ring of rings) {
      if (ringArea(ringXY(ring)) > 0) outers.push({ outer: ring, holes: [] });
      else holes.push(ring);
    }
    for (const h of holes) {
      const p = ringXY(h)[0];
      const host = outers.find((o) => pointInRing(p, ringXY(o.outer))) ?? outers[0];
      host.holes.push(h);
    }
    out.set(r, outers);
  }
  return out;
}
