// Demo generator: villages (村) and communities (社区) inside each town, with households and
// population. Built-up blocks become communities of about 2,000 households; the fields around
// them become villages grown from scattered village seats. Households follow block density in
// town and village area in the country, at ~2.9 people per household in town and ~3.1 outside.
import { type Atoms } from './atoms';
import { type XY, makeNoise } from './geometry';
import type { NameBook } from './names';
import { cap } from './names';
import type { BlockType, Plan } from './plan';
import type { Rng } from './random';
import { absorbOrphans, balancedPartition, growLabels } from './regions';
import type { Town, Village } from './world';

/** Residents per square kilometre of block, by block type (county-town values). */
const DENSITY: Record<BlockType, number> = {
  'old-town': 9000,
  residential: 7500,
  commercial: 3600,
  'urban-village': 13000,
  industrial: 300,
  public: 700,
  park: 0,
  market: 1500,
  station: 200,
};

/** Households per lattice atom (half a block each); field atoms get 0 here. */
export function atomHouseholds(atoms: Atoms, plans: Plan[]): Float64Array {
  const hh = new Float64Array(atoms.n);
  for (let i = 0; i < atoms.n; i++) {
    const key = atoms.block[i];
    if (!key) continue;
    const [pi, ij] = key.split(':');
    const plan = plans[Number(pi)];
    const b = plan.blocks.get(ij)!;
    const scale = plan.kind === 'county-town' ? 1 : 0.8; // town centres are lower and sparser
    hh[i] = ((plan.bx * plan.by) / 2 / 1e6) * DENSITY[b.type] * scale / 2.9;
  }
  return hh;
}

function centroidAtom(atoms: Atoms, members: number[]): number {
  let cx = 0, cy = 0;
  for (const i of members) (cx += atoms.x[i]), (cy += atoms.y[i]);
  cx /= members.length;
  cy /= members.length;
  let best = members[0];
  for (const i of members) if (Math.hypot(atoms.x[i] - cx, atoms.y[i] - cy) < Math.hypot(atoms.x[best] - cx, atoms.y[best] - cy)) best = i;
  return best;
}

/** Village seats spread by best-candidate sampling over the given atoms. */
function spreadSeats(rng: Rng, atoms: Atoms, pool: number[], count: number, avoid: XY[]): number[] {
  const seeds: number[] = [];
  for (let s = 0; s < count; s++) {
    let best = -1;
    let bestD = -1;
    for (let c = 0; c < 20; c++) {
      const i = rng.pick(pool);
      let d = Infinity;
      for (const q of seeds) d = Math.min(d, Math.hypot(atoms.x[i] - atoms.x[q], atoms.y[i] - atoms.y[q]));
      for (const q of avoid) d = Math.min(d, 1.4 * Math.hypot(atoms.x[i] - q[0], atoms.y[i] - q[1]));
      if (d > bestD && !seeds.includes(i)) (bestD = d), (best = i);
    }
    seeds.push(best);
  }
  return seeds;
}

export interface VillageSplit {
  villages: Village[];
  villageOf: Int32Array;
}

/** Divides every town into communities and villages and counts their households. */
export function splitVillages(rng: Rng, atoms: Atoms, townOf: Int32Array, towns: Town[], hh: Float64Array, names: NameBook): VillageSplit {
  const noise = makeNoise(rng, 1800);
  const cost = (i: number, j: number) => {
    const mx = (atoms.x[i] + atoms.x[j]) / 2, my = (atoms.y[i] + atoms.y[j]) / 2;
    return Math.hypot(atoms.x[i] - atoms.x[j], atoms.y[i] - atoms.y[j]) * (1 + 0.5 * noise(mx, my));
  };
  const villageOf = new Int32Array(atoms.n).fill(-1);
  const villages: Village[] = [];
  const byTown: number[][] = towns.map(() => []);
  for (let i = 0; i < atoms.n; i++) if (townOf[i] >= 0) byTown[townOf[i]].push(i);

  for (const town of towns) {
    const members = byTown[town.index];
    const prefix = `${town.plan}:`;
    const built = members.filter((i) => atoms.block[i].startsWith(prefix));
    const fields = members.filter((i) => !atoms.block[i].startsWith(prefix));
    const label = new Int32Array(atoms.n).fill(-1);
    const builtHH = built.reduce((s, i) => s + hh[i], 0);
    const nComm = town.kind === 'subdistrict' ? Math.max(2, Math.round(builtHH / 2000)) : 1;
    const comm = balancedPartition(atoms, built, nComm, (i) => hh[i]);
    for (const i of built) label[i] = comm[i];
    const fieldArea = fields.reduce((s, i) => s + atoms.area[i], 0) / 1e6;
    const nVill = town.kind === 'subdistrict' ? Math.max(2, Math.round(fieldArea / 5)) : Math.max(3, Math.round(fieldArea / 6.5));
    const seeds = spreadSeats(rng, atoms, fields, nVill, [town.seat]);
    const grown = growLabels(atoms, (i) => townOf[i] === town.index && !atoms.block[i].startsWith(prefix), seeds.map((a, k) => ({ atom: a, label: nComm + k })), cost);
    for (const i of fields) label[i] = grown[i];
    absorbOrphans(atoms, members, label);

    const groups: number[][] = Array.from({ length: nComm + nVill }, () => []);
    for (const i of members) groups[label[i]].push(i);
    groups.forEach((group, g) => {
      if (group.length === 0) return;
      const isComm = g < nComm;
      const index = villages.length;
      const local = groups.slice(0, g).filter((x) => x.length > 0).length + 1;
      const area = group.reduce((s, i) => s + atoms.area[i], 0) / 1e6;
      let households: number;
      let stem: { zh: string; py: string };
      if (isComm) {
        households = Math.round(group.reduce((s, i) => s + hh[i], 0) * rng.range(0.96, 1.04));
        stem = town.kind === 'subdistrict' ? names.community() : town.stem;
      } else {
        const perKm2 = town.kind === 'subdistrict' ? 75 : 28;
        households = Math.round(area * perKm2 * Math.exp(0.3 * rng.normal()) + (town.kind === 'subdistrict' ? 220 : 110));
        stem = names.village();
      }
      const ratio = isComm ? rng.range(2.78, 3.0) : rng.range(2.98, 3.22);
      const seatAtom = isComm ? centroidAtom(atoms, group) : seeds[g - nComm];
      villages.push({
        index,
        id: `${town.id}-${String(local).padStart(3, '0')}`,
        name: `${stem.zh}${isComm ? '社区' : '村'}`,
        nameEn: `${cap(stem.py)} ${isComm ? 'Community' : 'Village'}`,
        kind: isComm ? 'community' : 'village',
        town: town.index,
        seat: [atoms.x[seatAtom], atoms.y[seatAtom]],
        atoms: group,
        households,
        population: Math.round(households * ratio),
      });
      for (const i of group) villageOf[i] = index;
    });
  }
  return { villages, villageOf };
}
