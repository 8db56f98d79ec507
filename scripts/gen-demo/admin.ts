// Demo generator: which atoms form the county, and how the county divides into the county town's
// three sub-districts (街道) and the rural towns (镇). Sub-districts follow the river and the main
// avenue, as real ones follow landmarks; rural towns grow from their seats over noisy costs, which
// gives the irregular but contiguous outlines of real township boundaries.
import { type Atoms, atomAt } from './atoms';
import type { Outline } from './county';
import { type XY, makeNoise } from './geometry';
import { cap, type NameBook, type NameStem } from './names';
import { type Plan, xyToUV } from './plan';
import type { Rng } from './random';
import { absorbOrphans, growLabels } from './regions';
import { COUNTY_CODE, type Town } from './world';

/** County membership: atoms inside the outline, its largest connected piece, holes filled. */
export function countyMembership(atoms: Atoms, outline: Outline): Uint8Array {
  const inside = new Uint8Array(atoms.n);
  for (let i = 0; i < atoms.n; i++) if (atoms.cell[i].length > 0 && outline.contains([atoms.x[i], atoms.y[i]])) inside[i] = 1;
  const comp = new Int32Array(atoms.n).fill(-1);
  const sizes: number[] = [];
  for (let s = 0; s < atoms.n; s++) {
    if (!inside[s] || comp[s] >= 0) continue;
    const id = sizes.length;
    let size = 0;
    const stack = [s];
    comp[s] = id;
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      for (const j of atoms.across[i]) if (inside[j] && comp[j] < 0) (comp[j] = id), stack.push(j);
    }
    sizes.push(size);
  }
  const main = sizes.indexOf(Math.max(...sizes));
  const county = new Uint8Array(atoms.n);
  for (let i = 0; i < atoms.n; i++) if (comp[i] === main) county[i] = 1;
  // Fill holes: outside atoms the far exterior cannot reach join the county.
  const reach = new Uint8Array(atoms.n);
  const stack: number[] = [];
  for (let i = 0; i < atoms.n; i++) if (atoms.cell[i].length === 0) (reach[i] = 1), stack.push(i);
  while (stack.length) {
    const i = stack.pop()!;
    const nbrs = atoms.cell[i].length === 0 ? atoms.delaunay.neighbors(i) : atoms.across[i];
    for (const j of nbrs) if (!county[j] && !reach[j]) (reach[j] = 1), stack.push(j);
  }
  for (let i = 0; i < atoms.n; i++) if (!county[i] && !reach[i]) county[i] = 1;
  return county;
}

/** True when p lies on the right-hand (south) bank of an eastward-flowing river line. */
export function southOfRiver(p: XY, river: XY[]): boolean {
  let best = Infinity;
  let side = 0;
  for (let k = 1; k < river.length; k++) {
    const a = river[k - 1];
    const b = river[k];
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    if (d < best) {
      best = d;
      side = dx * (p[1] - a[1]) - dy * (p[0] - a[0]);
    }
  }
  return side < 0;
}

const SUBDISTRICTS = [
  { zh: '城关', py: 'chengguan' },
  { zh: '东城', py: 'dongcheng' },
  { zh: '南城', py: 'nancheng' },
];

export interface TownSplit {
  towns: Town[];
  townOf: Int32Array;
}

/**
 * Splits the county: the county town's blocks go to 城关 (west of the main avenue), 东城 (east) or
 * 南城 (across the river); the fringe around them (about 2 km beyond the built-up edge) joins
 * the nearest of the three; the rest goes to the rural towns, each growing from its seat.
 */
export function splitTowns(rng: Rng, atoms: Atoms, county: Uint8Array, plans: Plan[], river: XY[], seats: XY[], stems: NameStem[], names: NameBook): TownSplit {
  const noise = makeNoise(rng, 5000);
  const cost = (i: number, j: number) => {
    const mx = (atoms.x[i] + atoms.x[j]) / 2, my = (atoms.y[i] + atoms.y[j]) / 2;
    return Math.hypot(atoms.x[i] - atoms.x[j], atoms.y[i] - atoms.y[j]) * (1 + 0.6 * noise(mx, my));
  };
  const townOf = new Int32Array(atoms.n).fill(-1);
  const city = plans[0];
  const seeds: { atom: number; label: number }[] = [];
  for (let i = 0; i < atoms.n; i++) {
    if (!county[i] || !atoms.block[i].startsWith('0:')) continue;
    const p: XY = [atoms.x[i], atoms.y[i]];
    const label = southOfRiver(p, river) ? 2 : xyToUV(city, p)[0] < 0 ? 0 : 1;
    seeds.push({ atom: i, label });
  }
  const cityArea = growLabels(atoms, (i) => county[i] === 1, seeds, cost, city.radius * 0.75);
  for (let i = 0; i < atoms.n; i++) if (cityArea[i] >= 0) townOf[i] = cityArea[i];
  const ruralSeeds = seats.map((s, k) => ({ atom: atomAt(atoms, s), label: 3 + k }));
  const rural = growLabels(atoms, (i) => county[i] === 1 && townOf[i] < 0, ruralSeeds, cost);
  for (let i = 0; i < atoms.n; i++) if (rural[i] >= 0) townOf[i] = rural[i];
  const members: number[] = [];
  for (let i = 0; i < atoms.n; i++) if (county[i]) members.push(i);
  absorbOrphans(atoms, members, townOf);

  const towns: Town[] = [];
  SUBDISTRICTS.forEach((stem, k) => {
    towns.push({
      index: k,
      id: `${COUNTY_CODE}-${String(k + 1).padStart(3, '0')}`,
      name: `${stem.zh}街道`,
      nameEn: `${cap(stem.py)} Subdistrict`,
      stem,
      kind: 'subdistrict',
      seat: [0, 0],
      plan: 0,
    });
    names.reserve(stem.zh);
  });
  seats.forEach((seat, k) => {
    const stem = stems[k];
    towns.push({
      index: 3 + k,
      id: `${COUNTY_CODE}-${String(4 + k).padStart(3, '0')}`,
      name: `${stem.zh}镇`,
      nameEn: `${cap(stem.py)} Town`,
      stem,
      kind: 'town',
      seat,
      plan: 1 + k,
    });
  });
  // A sub-district's seat (its office) is the centre of its share of the county town.
  for (let k = 0; k < 3; k++) {
    let sx = 0, sy = 0, n = 0;
    for (const s of seeds) if (s.label === k) (sx += atoms.x[s.atom]), (sy += atoms.y[s.atom]), n++;
    towns[k].seat = [sx / n, sy / n];
  }
  return { towns, townOf };
}
