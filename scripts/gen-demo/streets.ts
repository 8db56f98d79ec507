// Demo generator: streets of the county town and the town centres, drawn from their lattices, and
// the lanes (小巷) inside old-town and urban-village blocks — the places cameras do not reach.
import { type XY } from './geometry';
import { cap, surname } from './names';
import { type Plan, runLine, streetRuns, uvToXY } from './plan';
import type { Rng } from './random';
import type { Road, Town } from './world';

export type Named = readonly [zh: string, en: string];

/** County-town main streets by lattice line. */
const CITY_MAIN_I: Record<number, Named> = { [-6]: ['文化路', 'Wenhua Road'], 0: ['建设大道', 'Jianshe Avenue'], 6: ['胜利路', 'Shengli Road'] };
const CITY_MAIN_J: Record<number, Named> = { [-7]: ['淮河路', 'Huaihe Road'], 0: ['人民路', 'Renmin Road'], 7: ['解放路', 'Jiefang Road'] };

const CITY_I: Named[] = [
  ['和平路', 'Heping Road'], ['团结路', 'Tuanjie Road'], ['育才路', 'Yucai Road'], ['光明路', 'Guangming Road'],
  ['朝阳路', 'Chaoyang Road'], ['长江路', 'Changjiang Road'], ['黄河路', 'Huanghe Road'], ['东风路', 'Dongfeng Road'],
  ['兴华路', 'Xinghua Road'], ['文昌路', 'Wenchang Road'], ['鼓楼街', 'Gulou Street'], ['府前街', 'Fuqian Street'],
  ['复兴路', 'Fuxing Road'], ['振兴路', 'Zhenxing Road'],
];
const CITY_J: Named[] = [
  ['新华路', 'Xinhua Road'], ['健康路', 'Jiankang Road'], ['幸福路', 'Xingfu Road'], ['友谊路', 'Youyi Road'],
  ['民主路', 'Minzhu Road'], ['红旗路', 'Hongqi Road'], ['花园路', 'Huayuan Road'], ['青年路', 'Qingnian Road'],
  ['富民路', 'Fumin Road'], ['金桥路', 'Jinqiao Road'], ['春晖路', 'Chunhui Road'], ['紫薇路', 'Ziwei Road'],
  ['学府路', 'Xuefu Road'], ['工业路', 'Gongye Road'],
];
const SEAT_STREETS: Named[] = [
  ['新街', 'Xin Street'], ['东街', 'Dong Street'], ['西街', 'Xi Street'], ['南街', 'Nan Street'],
  ['北街', 'Bei Street'], ['建设路', 'Jianshe Road'], ['文化路', 'Wenhua Road'], ['兴业路', 'Xingye Road'],
];
const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
const NUMS_PY = ['yi', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu', 'shi', 'shiyi', 'shier', 'shisan', 'shisi', 'shiwu', 'shiliu'];

/**
 * Names the lattice lines ("i3", "j-2" → [zh, en]): mains first, then nearest the centre first;
 * far lines of the county town are 经/纬 N 路, as in many new districts.
 */
export function lineNames(plan: Plan, town: Town | null): Map<string, Named> {
  const runs = streetRuns(plan);
  const out = new Map<string, Named>();
  const lines = [...new Set(runs.map((r) => `${r.axis}${r.index}`))].map((k) => ({ axis: k[0] as 'i' | 'j', index: Number(k.slice(1)) }));
  lines.sort((a, b) => Math.abs(a.index) - Math.abs(b.index) || a.index - b.index || a.axis.localeCompare(b.axis));
  let ni = 0, nj = 0, ns = 0, jing = 0, wei = 0;
  for (const l of lines) {
    const key = `${l.axis}${l.index}`;
    if (town) {
      if (l.axis === 'j' && l.index === 0) out.set(key, [`${town.stem.zh}大街`, `${cap(town.stem.py)} Main Street`]);
      else if (l.axis === 'i' && l.index === 0) out.set(key, ['中心路', 'Zhongxin Road']);
      else if (ns < SEAT_STREETS.length) out.set(key, SEAT_STREETS[ns++]);
      continue;
    }
    const main = l.axis === 'i' ? CITY_MAIN_I[l.index] : CITY_MAIN_J[l.index];
    if (main) out.set(key, main);
    else if (l.axis === 'i' && ni < CITY_I.length) out.set(key, CITY_I[ni++]);
    else if (l.axis === 'j' && nj < CITY_J.length) out.set(key, CITY_J[nj++]);
    else if (l.axis === 'i' && jing < NUMS.length) out.set(key, [`经${NUMS[jing]}路`, `Jing${NUMS_PY[jing++]} Road`]);
    else if (l.axis === 'j' && wei < NUMS.length) out.set(key, [`纬${NUMS[wei]}路`, `Wei${NUMS_PY[wei++]} Road`]);
  }
  return out;
}

/** Streets of one plan as roads: main streets class 'primary', the rest 'street'. */
export function planStreets(plan: Plan, town: Town | null): Road[] {
  const runs = streetRuns(plan);
  const names = lineNames(plan, town);
  return runs.map((run) => {
    const n = names.get(`${run.axis}${run.index}`);
    const road: Road = { cls: run.main ? 'primary' : 'street', line: runLine(plan, run) };
    if (n) {
      road.name = n[0];
      road.nameEn = n[1];
    }
    return road;
  });
}

/** A lane crossing a block from one street to the opposite one, with a few kinks. */
function laneThrough(rng: Rng, plan: Plan, i: number, j: number, alongU: boolean, t: number): XY[] {
  const pts: XY[] = [];
  const steps = 4;
  for (let s = 0; s <= steps; s++) {
    const f = s / steps;
    const wob = s === 0 || s === steps ? 0 : rng.range(-0.08, 0.08);
    const u = alongU ? (i + f) * plan.bx : (i + t + wob) * plan.bx;
    const v = alongU ? (j + t + wob) * plan.by : (j + f) * plan.by;
    pts.push(uvToXY(plan, u, v));
  }
  return pts;
}

/**
 * Lanes in old-town blocks (one, sometimes) and urban-village blocks (a tangle of two or three),
 * also listed by block key ("plan:i,j") so buildings can keep off them.
 */
export function lanes(rng: Rng, plan: Plan): { roads: Road[]; byBlock: Map<string, XY[][]> } {
  const out: Road[] = [];
  const byBlock = new Map<string, XY[][]>();
  for (const b of plan.blocks.values()) {
    const pieces: XY[][] = [];
    if (b.type === 'urban-village') {
      pieces.push(laneThrough(rng, plan, b.i, b.j, true, rng.range(0.3, 0.45)));
      pieces.push(laneThrough(rng, plan, b.i, b.j, false, rng.range(0.35, 0.65)));
      if (rng.chance(0.6)) pieces.push(laneThrough(rng, plan, b.i, b.j, true, rng.range(0.6, 0.75)));
    } else if (b.type === 'old-town' && rng.chance(plan.kind === 'county-town' ? 0.7 : 0.35)) {
      pieces.push(laneThrough(rng, plan, b.i, b.j, rng.chance(0.6), rng.range(0.4, 0.6)));
    }
    if (pieces.length > 0) byBlock.set(`${plan.index}:${b.i},${b.j}`, pieces);
    for (const line of pieces) {
      const road: Road = { cls: 'lane', line };
      if (rng.chance(0.35)) {
        const s = surname(rng);
        road.name = `${s.zh}家巷`;
        road.nameEn = `${cap(s.py)}jia Lane`;
      }
      out.push(road);
    }
  }
  return { roads: out, byBlock };
}
