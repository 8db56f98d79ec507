// Demo generator: "atoms", the small Voronoi cells every admin unit and grid is built from. Because
// towns, villages and grids are all unions of the same cells, their boundaries share vertices
// exactly, so they tile their parents with no gaps or slivers at any level — the property the grid
// tools of the app check. Atoms are dense in towns (two per street block) and coarse in the fields.
import { Delaunay } from 'd3';
import { type XY, ringArea } from './geometry';
import { type Plan, uvToXY, blockAt } from './plan';
import type { Rng } from './random';

export interface Atoms {
  n: number;
  x: Float64Array;
  y: Float64Array;
  /** Block key "plan:i,j" for lattice atoms, '' for field atoms. */
  block: string[];
  delaunay: Delaunay<XY>;
  /** Voronoi vertices (one per Delaunay triangle), local metres. */
  vx: Float64Array;
  vy: Float64Array;
  /** Per atom: its cell's vertex ids counter-clockwise; empty for unbounded hull cells. */
  cell: Int32Array[];
  /** Per atom: the neighbour across cell edge k (from vertex k to vertex k+1). */
  across: Int32Array[];
  /** Cell area, square metres (0 for unbounded cells). */
  area: Float64Array;
}

/**
 * Places atoms: two per lattice block (±3 m jitter, so no four are exactly cocircular) and, away
 * from blocks, one per leaf of a quadtree whose leaves shrink to `spacing(p)` metres.
 */
export function placeAtoms(rng: Rng, plans: Plan[], halfExtent: number, spacing: (p: XY) => number): { x: number[]; y: number[]; block: string[] } {
  const x: number[] = [];
  const y: number[] = [];
  const block: string[] = [];
  const jit = () => rng.range(-3, 3);
  for (const plan of plans) {
    for (const b of plan.blocks.values()) {
      // Split the block across its longer side, a quarter in from each end.
      const along = plan.bx >= plan.by;
      for (const t of [0.25, 0.75]) {
        const u = along ? (b.i + t) * plan.bx : (b.i + 0.5) * plan.bx;
        const v = along ? (b.j + 0.5) * plan.by : (b.j + t) * plan.by;
        const p = uvToXY(plan, u, v);
        x.push(p[0] + jit());
        y.push(p[1] + jit());
        block.push(`${plan.index}:${b.i},${b.j}`);
      }
    }
  }
  const inBlock = (p: XY) => plans.some((plan) => blockAt(plan, p) !== undefined);
  const visit = (cx: number, cy: number, size: number) => {
    if (size > spacing([cx, cy]) && size > 90) {
      const h = size / 4;
      visit(cx - h, cy - h, size / 2);
      visit(cx + h, cy - h, size / 2);
      visit(cx - h, cy + h, size / 2);
      visit(cx + h, cy + h, size / 2);
      return;
    }
    const p: XY = [cx + rng.range(-0.35, 0.35) * size, cy + rng.range(-0.35, 0.35) * size];
    if (inBlock(p)) return;
    x.push(p[0]);
    y.push(p[1]);
    block.push('');
  };
  const root = 3200;
  const cells = Math.ceil(halfExtent / root);
  for (let gx = -cells; gx < cells; gx++) {
    for (let gy = -cells; gy < cells; gy++) visit((gx + 0.5) * root, (gy + 0.5) * root, root);
  }
  return { x, y, block };
}

/** Builds the Voronoi topology of the atoms from their Delaunay triangulation. */
export function buildAtoms(pts: { x: number[]; y: number[]; block: string[] }): Atoms {
  const n = pts.x.length;
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = pts.x[i];
    coords[2 * i + 1] = pts.y[i];
  }
  const delaunay = new Delaunay<XY>(coords);
  const { triangles, halfedges, inedges } = delaunay;
  const nt = triangles.length / 3;
  const vx = new Float64Array(nt);
  const vy = new Float64Array(nt);
  for (let t = 0; t < nt; t++) {
    const a = triangles[3 * t], b = triangles[3 * t + 1], c = triangles[3 * t + 2];
    const ax = coords[2 * a], ay = coords[2 * a + 1];
    const bx = coords[2 * b] - ax, by = coords[2 * b + 1] - ay;
    const cx = coords[2 * c] - ax, cy = coords[2 * c + 1] - ay;
    const d = 2 * (bx * cy - by * cx);
    const b2 = bx * bx + by * by;
    const c2 = cx * cx + cy * cy;
    vx[t] = ax + (cy * b2 - by * c2) / d;
    vy[t] = ay + (bx * c2 - cx * b2) / d;
  }
  const cell: Int32Array[] = [];
  const across: Int32Array[] = [];
  const area = new Float64Array(n);
  const next = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);
  for (let i = 0; i < n; i++) {
    const verts: number[] = [];
    const nbrs: number[] = [];
    const e0 = inedges[i];
    let closed = e0 !== -1;
    let e = e0;
    while (closed) {
      verts.push(Math.floor(e / 3));
      const out = next(e); // halfedge i → j inside the same triangle
      nbrs.push(triangles[next(out)]);
      e = halfedges[out];
      if (e === -1) closed = false;
      else if (e === e0) break;
    }
    if (!closed) {
      cell.push(new Int32Array(0));
      across.push(new Int32Array(0));
      continue;
    }
    const ring: XY[] = verts.map((t) => [vx[t], vy[t]]);
    let a = ringArea(ring);
    if (a < 0) {
      // Reverse to counter-clockwise; edge k of the reversed ring is old edge (m-2-k) mod m.
      const m = verts.length;
      const rv = verts.slice().reverse();
      const rn = rv.map((_, k) => nbrs[(((m - 2 - k) % m) + m) % m]);
      verts.splice(0, m, ...rv);
      nbrs.splice(0, m, ...rn);
      a = -a;
    }
    cell.push(Int32Array.from(verts));
    across.push(Int32Array.from(nbrs));
    area[i] = a;
  }
  return { n, x: Float64Array.from(pts.x), y: Float64Array.from(pts.y), block: pts.block, delaunay, vx, vy, cell, across, area };
}

/** Neighbours of atom i (atoms sharing a cell edge). */
export function neighbours(atoms: Atoms, i: number): Int32Array {
  return atoms.across[i];
}

/** The atom whose cell contains p (nearest seed), starting the walk from `hint`. */
export function atomAt(atoms: Atoms, p: XY, hint = 0): number {
  return atoms.delaunay.find(p[0], p[1], hint);
}

/** A point drawn uniformly from atom i's cell (fan triangulation from its first vertex). */
export function randomInCell(atoms: Atoms, i: number, rng: Rng): XY {
  const c = atoms.cell[i];
  const ox = atoms.vx[c[0]], oy = atoms.vy[c[0]];
  const w: number[] = [];
  for (let k = 1; k < c.length - 1; k++) {
    const ax = atoms.vx[c[k]] - ox, ay = atoms.vy[c[k]] - oy;
    const bx = atoms.vx[c[k + 1]] - ox, by = atoms.vy[c[k + 1]] - oy;
    w.push(Math.abs(ax * by - ay * bx));
  }
  const k = rng.weighted(w) + 1;
  let r1 = rng.next();
  let r2 = rng.next();
  if (r1 + r2 > 1) {
    r1 = 1 - r1;
    r2 = 1 - r2;
  }
  const ax = atoms.vx[c[k]] - ox, ay = atoms.vy[c[k]] - oy;
  const bx = atoms.vx[c[k + 1]] - ox, by = atoms.vy[c[k + 1]] - oy;
  return [ox + r1 * ax + r2 * bx, oy + r1 * ay + r2 * by];
}
