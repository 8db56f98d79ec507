// Demo generator: the road network outside the towns — an expressway across the county, two trunk
// roads (national and provincial) through the county town, county roads (县道) linking the town
// centres and leaving the county, and rural roads linking villages. Where roads cross the county
// border the police keep checkpoints (卡口), so border crossings are recorded here.
import { type XY, bearing, dist, meander } from './geometry';
import type { Outline } from './county';
import { type Plan, gateways } from './plan';
import type { Rng } from './random';
import type { Road, Town, Village } from './world';

/** The expressway: a long, gently curving line across the county a few kilometres from town. */
export function expresswayLine(rng: Rng, outline: Outline, countyTown: XY): XY[] {
  const th = rng.range(-0.4, 0.4);
  const d: XY = [Math.cos(th), Math.sin(th)];
  const n: XY = [-d[1], d[0]];
  // North of the town (the river is south of it), clear of the built-up area.
  const mid: XY = [countyTown[0] + n[0] * 5500, countyTown[1] + n[1] * 5500];
  const far = outline.rMax + 5000;
  return meander(rng, [mid[0] - d[0] * far, mid[1] - d[1] * far], [mid[0] + d[0] * far, mid[1] + d[1] * far], 0.015, 3);
}

function nearest(points: XY[], p: XY): XY {
  let best = points[0];
  for (const q of points) if (dist(q, p) < dist(best, p)) best = q;
  return best;
}

/** A road between two settlements, leaving and entering each by its gateway facing the other. */
function link(rng: Rng, a: XY[], b: XY[], amplitude: number): XY[] {
  let bestA = a[0], bestB = b[0], bd = Infinity;
  for (const p of a) for (const q of b) if (dist(p, q) < bd) (bd = dist(p, q)), (bestA = p), (bestB = q);
  return meander(rng, bestA, bestB, amplitude, 4);
}

export interface Network {
  roads: Road[];
}

/**
 * Trunk and county roads. Trunk roads run from beyond the border through the town centres near
 * their line into the county town and out the other side; county roads join every other centre
 * to its nearest connected neighbour, add a few loops, and lead out of the county from the
 * centres closest to the border until `exitsWanted` border crossings exist.
 */
export function interTownRoads(rng: Rng, outline: Outline, plans: Plan[], towns: Town[], inCounty: (p: XY) => boolean, exitsWanted: number, expressway: XY[]): Road[] {
  const roads: Road[] = [];
  const city = plans[0];
  const ct = city.origin;
  const gates = plans.map((p) => gateways(p));
  const rural = towns.filter((t) => t.kind === 'town');
  const far = outline.rMax + 4000;
  const linked = new Set<number>(); // plan indices on the network
  linked.add(0);
  const trunks: { name: string; nameEn: string; theta: number }[] = [
    { name: 'G345国道', nameEn: 'G345 National Road', theta: rng.range(-0.3, 0.3) },
    { name: 'S203省道', nameEn: 'S203 Provincial Road', theta: Math.PI / 2 + rng.range(-0.3, 0.3) },
  ];
  for (const t of trunks) {
    for (const sign of [1, -1]) {
      const dir: XY = [Math.cos(t.theta) * sign, Math.sin(t.theta) * sign];
      const end: XY = [ct[0] + dir[0] * far, ct[1] + dir[1] * far];
      // Town centres within 5 km of this arm of the route, nearest the county town first.
      const onWay = rural
        .filter((tw) => {
          const rel: XY = [tw.seat[0] - ct[0], tw.seat[1] - ct[1]];
          const along = rel[0] * dir[0] + rel[1] * dir[1];
          return along > 0 && Math.abs(rel[0] * dir[1] - rel[1] * dir[0]) < 5000 && !linked.has(tw.plan);
        })
        .sort((x, y) => dist(x.seat, ct) - dist(y.seat, ct));
      let from: XY[] = gates[0];
      for (const tw of onWay) {
        roads.push({ cls: 'trunk', name: t.name, nameEn: t.nameEn, line: link(rng, from, gates[tw.plan], 0.05) });
        linked.add(tw.plan);
        from = gates[tw.plan];
      }
      const start = nearest(from, end);
      roads.push({ cls: 'trunk', name: t.name, nameEn: t.nameEn, line: meander(rng, start, end, 0.04, 4) });
    }
  }
  // County roads: attach every unlinked centre to its nearest linked one (Prim's order).
  let county = 21;
  const countyRoad = (line: XY[]) => {
    roads.push({ cls: 'primary', name: `X0${county}县道`, nameEn: `X0${county} County Road`, line });
    county++;
  };
  for (;;) {
    let best: [number, number] | null = null;
    let bd = Infinity;
    for (const tw of rural) {
      if (linked.has(tw.plan)) continue;
      for (const p of linked) {
        const d = dist(tw.seat, plans[p].origin);
        if (d < bd) (bd = d), (best = [tw.plan, p]);
      }
    }
    if (!best) break;
    countyRoad(link(rng, gates[best[0]], gates[best[1]], 0.06));
    linked.add(best[0]);
  }
  // A few loops between neighbouring centres not yet joined directly.
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < rural.length; a++) for (let b = a + 1; b < rural.length; b++) pairs.push([rural[a].plan, rural[b].plan, dist(rural[a].seat, rural[b].seat)]);
  pairs.sort((x, y) => x[2] - y[2]);
  for (const [a, b] of pairs.slice(0, 3)) countyRoad(link(rng, gates[a], gates[b], 0.06));
  // Expressway link road from the county town's nearest gateway, to the toll station.
  const g = nearest(gates[0], expressway[Math.floor(expressway.length / 2)]);
  let toll = expressway[0];
  for (const q of expressway) if (dist(q, g) < dist(toll, g)) toll = q;
  roads.push({ cls: 'trunk', name: '高速连接线', nameEn: 'Expressway Link Road', line: meander(rng, g, toll, 0.03, 3) });
  // County roads out of the county from the centres nearest the border.
  const border = rural
    .map((tw) => ({ tw, depth: outline.depth(tw.seat) }))
    .sort((x, y) => x.depth - y.depth);
  let have = 0;
  for (const r of roads) if (r.cls === 'trunk' && r.name !== '高速连接线') have += borderCrossings(r.line, inCounty).length;
  have += borderCrossings(expressway, inCounty).length;
  for (const { tw } of border) {
    if (have >= exitsWanted) break;
    const th = Math.atan2(tw.seat[1], tw.seat[0]) + rng.range(-0.35, 0.35);
    const end: XY = [Math.cos(th) * far, Math.sin(th) * far];
    const line = meander(rng, nearest(gates[tw.plan], end), end, 0.05, 4);
    const n = borderCrossings(line, inCounty).length;
    if (n === 0) continue;
    countyRoad(line);
    have += n;
  }
  return roads;
}

/** Rural roads: within each town, a spanning tree over village seats and the town's gateways. */
export function ruralRoads(rng: Rng, towns: Town[], villages: Village[], plans: Plan[]): Road[] {
  const roads: Road[] = [];
  for (const town of towns) {
    const hubs = gateways(plans[town.plan]);
    const seats = villages.filter((v) => v.town === town.index && v.kind === 'village').map((v) => v.seat);
    const done: XY[] = [...hubs];
    const todo = seats.slice();
    while (todo.length > 0) {
      let bi = 0, bq: XY = done[0], bd = Infinity;
      todo.forEach((p, i) => {
        for (const q of done) if (dist(p, q) < bd) (bd = dist(p, q)), (bi = i), (bq = q);
      });
      const p = todo.splice(bi, 1)[0];
      roads.push({ cls: 'rural', line: meander(rng, bq, p, 0.1, 3) });
      done.push(p);
    }
    // Some villages also have a road to their second-nearest neighbour, closing loops.
    for (const p of seats) {
      if (!rng.chance(0.3)) continue;
      const others = seats.filter((q) => q !== p).sort((a, b) => dist(a, p) - dist(b, p));
      if (others.length > 1 && dist(others[1], p) < 5000) roads.push({ cls: 'rural', line: meander(rng, p, others[1], 0.1, 3) });
    }
  }
  return roads;
}

export interface Crossing {
  /** A point on the road just inside the county. */
  p: XY;
  /** Direction of travel out of the county, degrees from north. */
  heading: number;
}

/**
 * Places where a line leaves or enters the county, walking it in 20 m steps. A road running along
 * the zigzag border crosses it several times in a row; those count once (1 km apart at least).
 */
export function borderCrossings(line: XY[], inCounty: (p: XY) => boolean): Crossing[] {
  const out: Crossing[] = [];
  let prev: XY | null = null;
  let prevIn = false;
  for (let k = 1; k < line.length; k++) {
    const a = line[k - 1], b = line[k];
    const steps = Math.max(1, Math.ceil(dist(a, b) / 20));
    for (let s = 0; s <= steps; s++) {
      const p: XY = [a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps];
      const inside = inCounty(p);
      if (prev && inside !== prevIn) {
        const inner = inside ? p : prev;
        const outer = inside ? prev : p;
        if (out.every((c) => dist(c.p, inner) > 1000)) out.push({ p: inner, heading: bearing(inner, outer) });
      }
      prev = p;
      prevIn = inside;
    }
  }
  return out;
}
