// Demo generator: the river (a polygon of real width, since it shapes the county town), its
// tributary streams (lines) and a reservoir. The river is drawn first: the town plans keep clear
// of it and the new district lies on its far bank.
import { type XY, chaikin, dist, distToLine, meander } from './geometry';
import type { Outline } from './county';
import type { Rng } from './random';

export interface WaterBody {
  kind: 'river' | 'lake' | 'stream';
  name: string;
  nameEn: string;
  /** Polygons: one closed ring (counter-clockwise); streams: a line. */
  polygon?: XY[];
  line?: XY[];
}

export const RIVER_HALF_WIDTH = 60;

/** The river's centre line: across the whole county, about 1 km south of the county town. */
export function riverLine(rng: Rng, outline: Outline, countyTown: XY): XY[] {
  const far = outline.rMax + 4000;
  const pass: XY = [countyTown[0], countyTown[1] - 1000];
  const ways: XY[] = [
    [-far, pass[1] + rng.range(-0.25, 0.25) * outline.rMean],
    [(-far + pass[0]) / 2, pass[1] + rng.range(-0.12, 0.12) * outline.rMean],
    [pass[0] - 1500, pass[1] + rng.range(-150, 150)],
    pass,
    [pass[0] + 1500, pass[1] + rng.range(-150, 150)],
    [(far + pass[0]) / 2, pass[1] + rng.range(-0.12, 0.12) * outline.rMean],
    [far, pass[1] + rng.range(-0.25, 0.25) * outline.rMean],
  ];
  const out: XY[] = [];
  for (let k = 1; k < ways.length; k++) {
    const near = k >= 3 && k <= 4; // keep the reach past the town calm
    const piece = meander(rng, ways[k - 1], ways[k], near ? 0.03 : 0.07, near ? 2 : 4);
    out.push(...(k === 1 ? piece : piece.slice(1)));
  }
  return chaikin(out, 1);
}

/** A band polygon around a centre line with half-width hw (metres). */
export function bandPolygon(line: XY[], hw: (t: number) => number): XY[] {
  const left: XY[] = [];
  const right: XY[] = [];
  for (let i = 0; i < line.length; i++) {
    const a = line[Math.max(0, i - 1)];
    const b = line[Math.min(line.length - 1, i + 1)];
    const len = dist(a, b) || 1;
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const w = hw(i / (line.length - 1));
    left.push([line[i][0] + nx * w, line[i][1] + ny * w]);
    right.push([line[i][0] - nx * w, line[i][1] - ny * w]);
  }
  return [...right, ...left.reverse()];
}

/** Streams flowing into the river and a reservoir in the quiet part of the county. */
export function smallWaters(rng: Rng, outline: Outline, river: XY[], settlements: XY[]): WaterBody[] {
  const out: WaterBody[] = [];
  const streamNames: [string, string][] = [
    ['小清河', 'Xiaoqing River'], ['白沙沟', 'Baisha Creek'], ['柳沟', 'Liugou Creek'],
    ['黄泥河', 'Huangni River'], ['青龙沟', 'Qinglong Creek'], ['芦沟', 'Lugou Creek'],
  ];
  let reservoir: XY | null = null;
  for (let tries = 0; tries < 400 && !reservoir; tries++) {
    const p: XY = [rng.range(-outline.rMax, outline.rMax), rng.range(-outline.rMax, outline.rMax)];
    if (!outline.contains(p) || outline.depth(p) < 0.2 || distToLine(p, river) < 6000) continue;
    if (settlements.some((s) => dist(s, p) < 4500)) continue;
    reservoir = p;
  }
  if (reservoir) {
    const ring: XY[] = [];
    const phases = [2, 3, 5].map((k) => ({ k, a: rng.range(0.08, 0.22), ph: rng.range(0, 7) }));
    for (let s = 0; s < 48; s++) {
      const th = (2 * Math.PI * s) / 48;
      let r = 850;
      for (const h of phases) r *= 1 + h.a * Math.sin(h.k * th + h.ph);
      ring.push([reservoir[0] + Math.cos(th) * r, reservoir[1] + Math.sin(th) * r]);
    }
    out.push({ kind: 'lake', name: '龙塘水库', nameEn: 'Longtang Reservoir', polygon: chaikin([...ring, ring[0]], 1).slice(0, -1) });
  }
  for (let s = 0; s < streamNames.length; s++) {
    let src: XY | null = s === 0 && reservoir ? reservoir : null;
    for (let tries = 0; tries < 300 && !src; tries++) {
      const p: XY = [rng.range(-outline.rMax, outline.rMax), rng.range(-outline.rMax, outline.rMax)];
      if (outline.contains(p) && outline.depth(p) > 0.1 && distToLine(p, river) > 5000) src = p;
    }
    if (!src) continue;
    let mouth = river[0];
    for (const q of river) if (dist(q, src) < dist(mouth, src)) mouth = q;
    out.push({ kind: 'stream', name: streamNames[s][0], nameEn: streamNames[s][1], line: meander(rng, src, mouth, 0.12, 5) });
  }
  return out;
}
