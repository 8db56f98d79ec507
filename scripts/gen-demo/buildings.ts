// Demo generator: building footprints, enough for the county town and the town centres to be
// recognisable at street zoom: row houses along old-town streets, south-facing slab blocks in the
// newer compounds (Chinese flats face south for winter sun), dense small houses in urban villages,
// sheds in the industrial park, and a cluster of farmhouses at each village seat.
import { type XY, distToLine, rotatedRect } from './geometry';
import { type Block, type Plan, uvToXY } from './plan';
import type { Rng } from './random';
import type { Building, Village } from './world';

/** Row houses along the four sides of a block, set back from the streets. */
function perimeter(rng: Rng, plan: Plan, b: Block, depth: [number, number], width: [number, number], levels: () => number, out: Building[], keepOut: XY[][] = []): void {
  const setback = 7;
  const sides: { along: 'u' | 'v'; fixed: number; from: number; to: number; inward: number }[] = [
    { along: 'u', fixed: b.j * plan.by + setback, from: b.i * plan.bx, to: (b.i + 1) * plan.bx, inward: 1 },
    { along: 'u', fixed: (b.j + 1) * plan.by - setback, from: b.i * plan.bx, to: (b.i + 1) * plan.bx, inward: -1 },
    { along: 'v', fixed: b.i * plan.bx + setback, from: b.j * plan.by, to: (b.j + 1) * plan.by, inward: 1 },
    { along: 'v', fixed: (b.i + 1) * plan.bx - setback, from: b.j * plan.by, to: (b.j + 1) * plan.by, inward: -1 },
  ];
  for (const s of sides) {
    const d = rng.range(depth[0], depth[1]);
    // Corners are taken by the u-sides; v-sides start and end a building depth in.
    let pos = s.from + setback + (s.along === 'v' ? d + 3 : 0);
    const end = s.to - setback - (s.along === 'v' ? d + 3 : 0);
    while (pos < end - width[0]) {
      const w = Math.min(rng.range(width[0], width[1]), end - pos);
      const mid = pos + w / 2;
      const off = s.fixed + (s.inward * d) / 2;
      const c = s.along === 'u' ? uvToXY(plan, mid, off) : uvToXY(plan, off, mid);
      const ring = s.along === 'u' ? rotatedRect(c, w, d, plan.angle) : rotatedRect(c, d, w, plan.angle);
      if (keepOut.every((lane) => distToLine(c, lane) > Math.max(w, d) / 2 + 1.5)) out.push({ ring, levels: levels() });
      pos += w + rng.range(1, 4);
    }
  }
}

/** Buildings on a regular sub-grid of the block interior (slabs, houses, sheds). */
function rows(rng: Rng, plan: Plan, b: Block, w: [number, number], h: [number, number], gapU: number, gapV: number, margin: number, levels: () => number, out: Building[], keepOut: XY[][] = [], skip = 0): void {
  const u0 = b.i * plan.bx + margin, u1 = (b.i + 1) * plan.bx - margin;
  const v0 = b.j * plan.by + margin, v1 = (b.j + 1) * plan.by - margin;
  for (let v = v0; v < v1 - h[0]; ) {
    const hh = Math.min(rng.range(h[0], h[1]), v1 - v);
    for (let u = u0; u < u1 - w[0]; ) {
      const ww = Math.min(rng.range(w[0], w[1]), u1 - u);
      const c = uvToXY(plan, u + ww / 2, v + hh / 2);
      if (!rng.chance(skip) && keepOut.every((lane) => distToLine(c, lane) > Math.max(ww, hh) / 2 + 1.5)) {
        out.push({ ring: rotatedRect(c, ww, hh, plan.angle + rng.range(-0.03, 0.03)), levels: levels() });
      }
      u += ww + gapU;
    }
    v += hh + gapV;
  }
}

/** Footprints for every block of a plan; `laneLines` keeps houses off the lanes. */
export function planBuildings(rng: Rng, plan: Plan, laneLines: Map<string, XY[][]>): Building[] {
  const out: Building[] = [];
  const city = plan.kind === 'county-town';
  const lv = (a: number, b: number) => () => rng.int(a, b);
  for (const b of plan.blocks.values()) {
    const lanes = laneLines.get(`${plan.index}:${b.i},${b.j}`) ?? [];
    switch (b.type) {
      case 'old-town':
        perimeter(rng, plan, b, [9, 14], [10, 18], lv(2, city ? 5 : 3), out, lanes);
        if (city) rows(rng, plan, b, [10, 14], [9, 12], 4, 5, 32, lv(1, 3), out, lanes, 0.45);
        break;
      case 'residential':
        if (city) rows(rng, plan, b, [40, 62], [12, 14], 14, 30, 16, lv(6, 18), out);
        else rows(rng, plan, b, [24, 40], [11, 13], 12, 24, 14, lv(3, 6), out, [], 0.3);
        break;
      case 'commercial':
        perimeter(rng, plan, b, [14, 20], [18, 34], lv(3, 9), out);
        break;
      case 'urban-village':
        rows(rng, plan, b, [8, 12], [9, 12], 2.5, 2.5, 8, lv(2, 5), out, lanes, 0.05);
        break;
      case 'industrial':
        rows(rng, plan, b, [45, 80], [25, 40], 18, 18, 18, lv(1, 2), out);
        break;
      case 'public':
        rows(rng, plan, b, [30, 60], [14, 20], 25, 30, 25, lv(3, b.facility?.includes('医院') ? 12 : 6), out, [], 0.2);
        break;
      case 'market':
        out.push({ ring: rotatedRect(b.center, plan.bx * 0.45, plan.by * 0.4, plan.angle), levels: rng.int(1, 2) });
        perimeter(rng, plan, b, [10, 12], [8, 14], lv(2, 3), out);
        break;
      case 'station':
        out.push({ ring: rotatedRect(b.center, Math.min(70, plan.bx * 0.45), 22, plan.angle), levels: 2 });
        break;
      case 'park':
        break;
    }
  }
  return out;
}

/** A cluster of farmhouses on a loose row layout around each village seat, clear of the river. */
export function hamletBuildings(rng: Rng, villages: Village[], river: XY[], riverClearance: number): Building[] {
  const out: Building[] = [];
  for (const v of villages) {
    if (v.kind !== 'village') continue;
    const angle = rng.range(-0.3, 0.3);
    const ux = Math.cos(angle), uy = Math.sin(angle);
    for (let a = -3; a <= 3; a++) {
      for (let b = -1; b <= 1; b++) {
        if (!rng.chance(0.55)) continue;
        const du = a * 26 + rng.range(-3, 3);
        const dv = b * 24 + rng.range(-3, 3);
        const c: XY = [v.seat[0] + du * ux - dv * uy, v.seat[1] + du * uy + dv * ux];
        if (distToLine(c, river) < riverClearance) continue;
        out.push({ ring: rotatedRect(c, rng.range(11, 16), rng.range(8, 11), angle + rng.range(-0.05, 0.05)), levels: rng.int(1, 3) });
      }
    }
  }
  return out;
}
