// Demo generator: the urban fabric on a plan's blocks — old town, compounds, urban villages, the
// industrial park — and the facilities (markets, stations, schools …) that draw crowds and hence
// incidents. Facilities are chosen here, once, so that places, cameras, incidents and hotspots
// all refer to the same markets and stations.
import type { PlaceKind } from '../../src/model/dataset';
import { type XY } from './geometry';
import { type Block, type Plan, hasBlock, uvToXY, xyToUV } from './plan';
import { cap, type NameBook } from './names';
import type { Rng } from './random';

/** What draws incidents to a facility; also the hotspot kind it can become. */
export type FacilityRole =
  | 'market'
  | 'station'
  | 'entertainment'
  | 'internet-cafe'
  | 'school'
  | 'hospital'
  | 'urban-village'
  | 'fringe'
  | 'rental-housing'
  | 'government'
  | 'police'
  | 'park';

export interface Facility {
  role: FacilityRole;
  name: string;
  nameEn: string;
  /** The place kind it is shown as, when it is shown in places.geojson. */
  placeKind?: PlaceKind;
  p: XY;
  plan: number;
  /** Entertainment streets: the street's centre line. */
  line?: XY[];
  /** Urban villages: the blocks of the patch. */
  blocks?: Block[];
  /** Relative pull on incidents (county-town market = 1). */
  pull: number;
}

/** The included block nearest to lattice position (i, j) that satisfies `ok`. */
function nearestBlock(plan: Plan, i: number, j: number, ok: (b: Block) => boolean): Block {
  let best: Block | undefined;
  let bd = Infinity;
  for (const b of plan.blocks.values()) {
    if (!ok(b)) continue;
    const d = Math.hypot(b.i - i, b.j - j);
    if (d < bd) {
      bd = d;
      best = b;
    }
  }
  if (!best) throw new Error(`no block for facility near ${i},${j} in plan ${plan.index}`);
  return best;
}

const isFree = (b: Block) => b.type === 'residential' || b.type === 'old-town' || b.type === 'commercial';

function polar(plan: Plan, b: Block): { r: number; theta: number } {
  const [u, v] = xyToUV(plan, b.center);
  return { r: Math.hypot(u, v) / plan.radius, theta: Math.atan2(v, u) };
}

function nearMain(plan: Plan, b: Block): boolean {
  return plan.mainI.some((i) => b.i === i || b.i === i - 1) || plan.mainJ.some((j) => b.j === j || b.j === j - 1);
}

/**
 * Types the county town's blocks and places its facilities; lattice positions assume the river
 * runs about 1 km south of the centre, with the new district (南城) on its far bank.
 */
export function furnishCountyTown(rng: Rng, plan: Plan, names: NameBook): Facility[] {
  const fac: Facility[] = [];
  const at = (role: FacilityRole, name: string, nameEn: string, placeKind: PlaceKind | undefined, i: number, j: number, pull: number, type: Block['type']) => {
    const b = nearestBlock(plan, i, j, isFree);
    b.type = type;
    b.facility = name;
    fac.push({ role, name, nameEn, placeKind, p: b.center, plan: plan.index, pull });
    return b;
  };
  for (const b of plan.blocks.values()) {
    const { r, theta } = polar(plan, b);
    if (r < 0.3) b.type = 'old-town';
    else if (r > 0.55 && Math.abs(theta) < 0.5) b.type = 'industrial';
    else if (r < 0.65 && nearMain(plan, b)) b.type = 'commercial';
  }
  // Urban villages: compact patches on the edge of the built-up area, old rural housing the town
  // grew around (城中村) — dense, rented out, unlit lanes, no cameras.
  for (const theta of [2.2, 1.2, -2.4]) {
    const ti = Math.round((Math.cos(theta) * plan.radius * 0.72) / plan.bx);
    const tj = Math.round((Math.sin(theta) * plan.radius * 0.72) / plan.by);
    const start = nearestBlock(plan, ti, tj, (b) => b.type === 'residential');
    const patch: Block[] = [start];
    start.type = 'urban-village';
    for (let k = 0; patch.length < 9 && k < patch.length; k++) {
      for (const [di, dj] of rng.shuffle([[1, 0], [-1, 0], [0, 1], [0, -1]] as const)) {
        const nb = plan.blocks.get(`${patch[k].i + di},${patch[k].j + dj}`);
        if (nb && nb.type === 'residential' && patch.length < 9) {
          nb.type = 'urban-village';
          patch.push(nb);
        }
      }
    }
    const stem = names.village();
    const cx = patch.reduce((s, b) => s + b.center[0], 0) / patch.length;
    const cy = patch.reduce((s, b) => s + b.center[1], 0) / patch.length;
    fac.push({ role: 'urban-village', name: `${stem.zh}城中村`, nameEn: `${cap(stem.py)} Urban Village`, p: [cx, cy], plan: plan.index, blocks: patch, pull: 0.6 });
  }
  at('government', '县人民政府', 'County Government', 'government', 1, 2, 0.05, 'public');
  at('police', '县公安局', 'County Public Security Bureau', 'police', -2, 2, 0.05, 'public');
  at('market', '东关农贸市场', 'Dongguan Farmers Market', 'market', 4, 1, 1.0, 'market');
  at('market', '西关菜市场', 'Xiguan Food Market', 'market', -5, -1, 0.8, 'market');
  at('market', '城南农贸市场', 'Chengnan Farmers Market', 'market', 1, -11, 0.7, 'market');
  at('school', '县第一中学', 'County No. 1 High School', 'school', -1, 6, 0.25, 'public');
  at('school', '实验小学', 'Experimental Primary School', 'school', -3, 0, 0.2, 'public');
  at('school', '县第二中学', 'County No. 2 High School', 'school', 5, 5, 0.2, 'public');
  at('school', '南城小学', 'Nancheng Primary School', 'school', -3, -12, 0.15, 'public');
  at('hospital', '县人民医院', "County People's Hospital", 'hospital', 3, 4, 0.45, 'public');
  at('hospital', '县中医院', 'County TCM Hospital', 'hospital', -6, 3, 0.3, 'public');
  at('park', '人民公园', "People's Park", undefined, 0, 4, 0, 'park');
  // The bus station sits at the east end of the main east–west street, where the trunk road comes in.
  const east = nearestBlock(plan, 40, 0, (b) => (isFree(b) || b.type === 'industrial') && b.j >= -1 && b.j <= 0);
  east.type = 'station';
  east.facility = '县汽车站';
  fac.push({ role: 'station', name: '县汽车站', nameEn: 'County Bus Station', placeKind: 'station', p: east.center, plan: plan.index, pull: 1.0 });
  // The railway station stands outside the town at the end of the main north–south avenue.
  let topJ = 0;
  for (const b of plan.blocks.values()) if (b.i === 0 || b.i === -1) topJ = Math.max(topJ, b.j);
  fac.push({ role: 'station', name: '县火车站', nameEn: 'County Railway Station', placeKind: 'station', p: uvToXY(plan, 0, (topJ + 4) * plan.by), plan: plan.index, pull: 0.6 });
  // Entertainment streets: night snacks, KTV and bars along a few blocks of one street each.
  const strip = (name: string, nameEn: string, j: number, i0: number, i1: number, pull: number) => {
    const line: XY[] = [uvToXY(plan, i0 * plan.bx, j * plan.by), uvToXY(plan, i1 * plan.bx, j * plan.by)];
    for (let i = i0; i < i1; i++) {
      for (const jj of [j - 1, j]) {
        const b = plan.blocks.get(`${i},${jj}`);
        if (b && b.type !== 'public' && b.type !== 'market') b.type = 'commercial';
      }
    }
    fac.push({ role: 'entertainment', name, nameEn, placeKind: 'entertainment', p: uvToXY(plan, ((i0 + i1) / 2) * plan.bx, j * plan.by), plan: plan.index, line, pull });
  };
  strip('鼓楼夜宵街', 'Gulou Night-Snack Street', 2, -4, -1, 1.0);
  strip('滨河KTV一条街', 'Binhe KTV Street', -4, 1, 5, 0.8);
  const cafe = nearestBlock(plan, 2, -1, isFree);
  cafe.type = 'commercial';
  fac.push({ role: 'internet-cafe', name: '人民路网吧集中区', nameEn: 'Renmin Road Internet Cafés', placeKind: 'entertainment', p: cafe.center, plan: plan.index, pull: 0.35 });
  // Rented rooms for the industrial park's workers.
  const rent = nearestBlock(plan, 12, -4, (b) => b.type === 'residential' || b.type === 'industrial');
  rent.type = 'urban-village';
  fac.push({ role: 'rental-housing', name: '城东工业园出租屋片区', nameEn: 'East Industrial Park Rental Housing', p: rent.center, plan: plan.index, pull: 0.4 });
  return fac;
}

/** Types a town centre's blocks and places its government, police station, market, school … */
export function furnishTownSeat(plan: Plan, town: { zh: string; py: string }, big: boolean): Facility[] {
  const fac: Facility[] = [];
  for (const b of plan.blocks.values()) if (polar(plan, b).r < 0.4) b.type = 'old-town';
  const at = (role: FacilityRole, name: string, nameEn: string, placeKind: PlaceKind, i: number, j: number, pull: number, type: Block['type']) => {
    const b = nearestBlock(plan, i, j, isFree);
    b.type = type;
    b.facility = name;
    fac.push({ role, name, nameEn, placeKind, p: b.center, plan: plan.index, pull });
  };
  const T = cap(town.py);
  at('government', `${town.zh}镇人民政府`, `${T} Town Government`, 'government', 0, 1, 0.02, 'public');
  at('police', `${town.zh}派出所`, `${T} Police Station`, 'police', -1, 1, 0.02, 'public');
  at('market', `${town.zh}集贸市场`, `${T} Market`, 'market', 1, -1, big ? 0.45 : 0.3, 'market');
  at('school', `${town.zh}中心学校`, `${T} Central School`, 'school', -2, -2, 0.06, 'public');
  at('hospital', `${town.zh}镇卫生院`, `${T} Health Centre`, 'hospital', 2, 2, 0.06, 'public');
  at('station', `${town.zh}汽车站`, `${T} Bus Stop`, 'station', 3, 0, 0.12, 'station');
  if (big && hasBlock(plan, -1, 0)) {
    const line: XY[] = [uvToXY(plan, -3 * plan.bx, 0), uvToXY(plan, 0, 0)];
    fac.push({ role: 'entertainment', name: `${town.zh}夜市`, nameEn: `${T} Night Market`, placeKind: 'entertainment', p: uvToXY(plan, -1.5 * plan.bx, 0), plan: plan.index, line, pull: 0.3 });
  }
  return fac;
}
