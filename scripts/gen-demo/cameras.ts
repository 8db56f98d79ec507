// Demo generator: video cameras as the county reports describe them — the public network (天网)
// watches main streets and main junctions of the towns; side streets are thinly covered, lanes,
// urban villages and the countryside hardly at all; checkpoints (卡口) stand where roads cross the
// border; shops and units add their own cameras near markets and stations; villages have a few
// cheap alarm devices. Many cameras are old, and the old ones fail most.
import type { CameraKind } from '../../src/model/camera';
import { type Atoms, atomAt } from './atoms';
import type { Facility } from './fabric';
import { type XY, pointAlong, lineLength } from './geometry';
import { type Plan, hasBlock, uvToXY } from './plan';
import type { Rng } from './random';
import type { Crossing } from './roads';
import type { Named } from './streets';
import type { Camera, Village } from './world';

/** Compass bearing (degrees clockwise from north) of a direction given as a math angle (radians). */
export function compass(rad: number): number {
  return (((90 - (rad * 180) / Math.PI) % 360) + 360) % 360;
}

const YEARS: Record<CameraKind, [number, number, number]> = {
  // [first, peak, last]: the public network was mostly built in the 2016–2020 雪亮工程 drive.
  'street-bullet': [2012, 2017, 2025],
  'street-dome': [2012, 2018, 2025],
  checkpoint: [2013, 2017, 2023],
  traffic: [2014, 2019, 2025],
  social: [2016, 2021, 2025],
  'village-alarm': [2018, 2020, 2023],
};

export class CameraBook {
  readonly cameras: Camera[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly atoms: Atoms,
    private readonly townOf: Int32Array,
    private readonly inCounty: Uint8Array,
    private readonly townIds: string[],
  ) {}

  /** Triangular year distribution between a kind's first and last year, peaking at its peak. */
  private year(kind: CameraKind): number {
    const [a, m, b] = YEARS[kind];
    const u = this.rng.next();
    const f = (m - a) / (b - a);
    const t = u < f ? a + Math.sqrt(u * (b - a) * (m - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - m));
    return Math.round(t);
  }

  /** Adds a camera unless it falls outside the county; returns whether it was added. */
  add(kind: CameraKind, p: XY, heading: number, name: string, year?: number): boolean {
    const a = atomAt(this.atoms, p);
    if (!this.inCounty[a]) return false;
    const r = this.rng;
    const spec: Record<CameraKind, [number, number, number, number]> = {
      'street-bullet': [50, 90, 60, 150],
      'street-dome': [360, 360, 80, 200],
      checkpoint: [35, 55, 50, 90],
      traffic: [35, 60, 50, 100],
      social: [60, 100, 20, 50],
      'village-alarm': [70, 100, 25, 50],
    };
    const [f0, f1, r0, r1] = spec[kind];
    this.cameras.push({
      p,
      name,
      kind,
      status: 'online',
      heading: kind === 'street-dome' ? 0 : Math.round((((heading + r.range(-8, 8)) % 360) + 360) % 360) % 360,
      fov: Math.round(r.range(f0, f1)),
      range: Math.round(r.range(r0, r1)),
      townId: this.townIds[this.townOf[a]],
      installedYear: year ?? this.year(kind),
    });
    return true;
  }
}

/** Public street cameras and traffic cameras at the junctions and along the main streets of a plan. */
export function planCameras(book: CameraBook, rng: Rng, plan: Plan, names: Map<string, Named>): void {
  const city = plan.kind === 'county-town';
  const keys = [...plan.blocks.values()];
  const nodes = new Set<string>();
  for (const b of keys) for (const [di, dj] of [[0, 0], [1, 0], [0, 1], [1, 1]]) nodes.add(`${b.i + di},${b.j + dj}`);
  const nameOf = (axis: 'i' | 'j', k: number) => names.get(`${axis}${k}`)?.[0] ?? (axis === 'i' ? `经${k}路` : `纬${k}路`);
  const dirs = { up: plan.angle + Math.PI / 2, down: plan.angle - Math.PI / 2, left: plan.angle + Math.PI, right: plan.angle };
  for (const key of [...nodes].sort()) {
    const [i, j] = key.split(',').map(Number);
    const around = [plan.blocks.get(`${i - 1},${j - 1}`), plan.blocks.get(`${i},${j - 1}`), plan.blocks.get(`${i - 1},${j}`), plan.blocks.get(`${i},${j}`)];
    const arms: number[] = [];
    if (hasBlock(plan, i - 1, j) || hasBlock(plan, i, j)) arms.push(dirs.up);
    if (hasBlock(plan, i - 1, j - 1) || hasBlock(plan, i, j - 1)) arms.push(dirs.down);
    if (hasBlock(plan, i - 1, j - 1) || hasBlock(plan, i - 1, j)) arms.push(dirs.left);
    if (hasBlock(plan, i, j - 1) || hasBlock(plan, i, j)) arms.push(dirs.right);
    if (arms.length < 3) continue;
    const mainI = plan.mainI.includes(i);
    const mainJ = plan.mainJ.includes(j);
    const quiet = around.some((b) => b?.type === 'urban-village');
    const old = around.some((b) => b?.type === 'old-town');
    const corner = (): XY => uvToXY(plan, i * plan.bx + rng.pick([-9, 9]), j * plan.by + rng.pick([-9, 9]));
    const label = `${nameOf('j', j)}与${nameOf('i', i)}交叉口`;
    let n = 0;
    const put = (kind: CameraKind, heading: number) => book.add(kind, corner(), heading, `${label}-${++n}`);
    if (quiet && (mainI || mainJ)) {
      // Even main streets get little where they skirt an urban village: a blind spot reports name.
      if (rng.chance(0.4)) put('street-bullet', compass(rng.pick(arms)));
    } else if (mainI && mainJ) {
      put('street-dome', 0);
      for (const a of arms) put('street-bullet', compass(a));
      for (const a of arms) put('traffic', compass(a + Math.PI));
      if (!city) continue;
      for (const a of arms) if (rng.chance(0.5)) put('street-bullet', compass(a));
    } else if (mainI || mainJ) {
      const along = mainI ? [dirs.up, dirs.down] : [dirs.left, dirs.right];
      for (const a of along) if (rng.chance(city ? 0.9 : 0.6)) put('street-bullet', compass(a));
      if (rng.chance(city ? 0.5 : 0.25)) put('street-dome', 0);
      if (city && rng.chance(0.4)) put('traffic', compass(rng.pick(along) + Math.PI));
    } else if (!quiet && rng.chance(city ? (old ? 0.4 : 0.66) : 0.2)) {
      put('street-bullet', compass(rng.pick(arms)));
    }
  }
  // Mid-block cameras along the main streets, looking along the street.
  for (const i of plan.mainI) {
    for (let j = -40; j < 40; j++) {
      if (!(hasBlock(plan, i - 1, j) || hasBlock(plan, i, j)) || !rng.chance(city ? 0.75 : 0.3)) continue;
      if (plan.blocks.get(`${i - 1},${j}`)?.type === 'urban-village' || plan.blocks.get(`${i},${j}`)?.type === 'urban-village') continue;
      const p = uvToXY(plan, i * plan.bx + rng.pick([-8, 8]), (j + 0.5) * plan.by);
      book.add('street-bullet', p, compass(rng.pick([dirs.up, dirs.down])), `${nameOf('i', i)}${j + 41}号杆`);
    }
  }
  for (const j of plan.mainJ) {
    for (let i = -40; i < 40; i++) {
      if (!(hasBlock(plan, i, j - 1) || hasBlock(plan, i, j)) || !rng.chance(city ? 0.75 : 0.3)) continue;
      if (plan.blocks.get(`${i},${j - 1}`)?.type === 'urban-village' || plan.blocks.get(`${i},${j}`)?.type === 'urban-village') continue;
      const p = uvToXY(plan, (i + 0.5) * plan.bx, j * plan.by + rng.pick([-8, 8]));
      book.add('street-bullet', p, compass(rng.pick([dirs.left, dirs.right])), `${nameOf('j', j)}${i + 41}号杆`);
    }
  }
}

/** Checkpoints at border crossings of the main roads. */
export function checkpointCameras(book: CameraBook, crossings: { c: Crossing; road: string }[]): void {
  const side = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
  for (const { c, road } of crossings) {
    // Named by the road and the side of the county it leaves by, e.g. "G345国道西出县卡口".
    const dir = side[Math.round(c.heading / 45) % 8];
    book.add('checkpoint', c.p, (c.heading + 180) % 360, `${road}${dir}出县卡口`);
  }
}

/** Unit and shop cameras (社会面) around facilities and along commercial frontages. */
export function socialCameras(book: CameraBook, rng: Rng, facilities: Facility[], plans: Plan[]): void {
  const per: Partial<Record<Facility['role'], number>> = { market: 14, station: 8, hospital: 7, school: 4, entertainment: 12, 'internet-cafe': 5, government: 4, police: 3 };
  for (const f of facilities) {
    const town = f.plan > 0;
    const count = Math.round((per[f.role] ?? 0) * (town ? 0.45 : 1));
    for (let k = 0; k < count; k++) {
      let p: XY;
      if (f.line) {
        const { p: q } = pointAlong(f.line, rng.range(0, lineLength(f.line)));
        p = [q[0] + rng.normal() * 10, q[1] + rng.normal() * 10];
      } else {
        const r = rng.range(10, 70);
        const th = rng.range(0, 2 * Math.PI);
        p = [f.p[0] + Math.cos(th) * r, f.p[1] + Math.sin(th) * r];
      }
      book.add('social', p, rng.range(0, 360), `${f.name}社会面${k + 1}`);
    }
  }
  for (const plan of plans) {
    for (const b of plan.blocks.values()) {
      if (b.type !== 'commercial' || !rng.chance(plan.kind === 'county-town' ? 0.8 : 0.4)) continue;
      const n = rng.int(1, 3);
      for (let k = 0; k < n; k++) {
        const side = rng.int(0, 3);
        const t = rng.range(0.15, 0.85);
        const u = side < 2 ? (b.i + t) * plan.bx : (b.i + (side === 2 ? 0.06 : 0.94)) * plan.bx;
        const v = side < 2 ? (b.j + (side === 0 ? 0.06 : 0.94)) * plan.by : (b.j + t) * plan.by;
        const facing = plan.angle + [-Math.PI / 2, Math.PI / 2, Math.PI, 0][side];
        book.add('social', uvToXY(plan, u, v), compass(facing), `${b.facility ?? '沿街商铺'}监控${k + 1}`);
      }
    }
  }
}

/** Cheap alarm cameras (小技防) at the seats of some villages. */
export function villageCameras(book: CameraBook, rng: Rng, villages: Village[]): void {
  for (const v of villages) {
    if (v.kind !== 'village' || !rng.chance(0.38)) continue;
    const n = rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const p: XY = [v.seat[0] + rng.range(-60, 60), v.seat[1] + rng.range(-60, 60)];
      book.add('village-alarm', p, rng.range(0, 360), `${v.name}小技防${k + 1}`);
    }
  }
}

/**
 * Marks the cameras that are not working: 12.5 % of them, chosen by a propensity that grows with
 * age and is higher for cheap village devices — "old and often broken", as the reports say.
 */
export function assignStatus(rng: Rng, cameras: Camera[], asOfYear: number): void {
  const bias: Record<CameraKind, number> = { 'street-bullet': 0, 'street-dome': 0.1, checkpoint: -0.6, traffic: -0.4, social: 0.2, 'village-alarm': 0.9 };
  const score = cameras.map((c, k) => ({ k, s: 0.16 * (asOfYear - c.installedYear) + bias[c.kind] + 0.55 * rng.normal() }));
  score.sort((a, b) => b.s - a.s || a.k - b.k);
  const down = Math.round(cameras.length * 0.125);
  for (let n = 0; n < down; n++) cameras[score[n].k].status = rng.chance(0.6) ? 'offline' : 'faulty';
}
