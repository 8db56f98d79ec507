// Map: where road names go at street level — along the road, turned to its direction and kept
// upright, where the road runs straight for the length of the name, thinned so that no two names
// overlap (nor the area labels placed before them) and one road's name repeats only every few
// hundred pixels. In Web Mercator world pixels at one zoom: pure, no map instance, testable in Node.
import { textWidthPx, worldPx } from './label-placement';

export interface RoadLabelInput {
  /** The road's line, [lng, lat] degrees. */
  line: readonly [number, number][];
  text: string;
  /** Lower is more important (wider road classes first). */
  rank: number;
}

export interface RoadLabel {
  position: [number, number];
  /** Counter-clockwise degrees on screen, as deck.gl's TextLayer getAngle takes it; within (−90, 90]. */
  angle: number;
  text: string;
}

export interface RoadLabelOptions {
  /** Font size, pixels. */
  size: number;
  /** Distance between two candidate places on one road, pixels. */
  spacingPx: number;
  /** Two labels of the same name at least this far apart, pixels. */
  repeatPx: number;
  /** Boxes (world pixels at the same zoom: [x0, y0, x1, y1]) already taken by other labels. */
  obstacles?: readonly [number, number, number, number][];
}

/**
 * Screen angle of a direction (dx, dy in screen pixels, y down) as a counter-clockwise angle in
 * degrees turned upright: text never reads upside down, so a westward road gets the same angle
 * as an eastward one. Result in (−90, 90].
 */
export function uprightAngle(dx: number, dy: number): number {
  let a = (-Math.atan2(dy, dx) * 180) / Math.PI;
  if (a > 90) a -= 180;
  else if (a <= -90) a += 180;
  return a;
}

/** A point along a polyline at distance `d` (pixels) from its start; `cum` holds cumulative lengths. */
function at(px: [number, number][], cum: number[], d: number): [number, number] {
  let i = 1;
  while (i < cum.length - 1 && cum[i] < d) i++;
  const seg = cum[i] - cum[i - 1];
  const t = seg > 0 ? Math.min(1, Math.max(0, (d - cum[i - 1]) / seg)) : 0;
  return [px[i - 1][0] + t * (px[i][0] - px[i - 1][0]), px[i - 1][1] + t * (px[i][1] - px[i - 1][1])];
}

/** Inverse of worldPx: [lng, lat] degrees of a world pixel at `zoom`. */
function lngLatOf([x, y]: [number, number], zoom: number): [number, number] {
  const scale = 512 * 2 ** zoom;
  const lng = (x / scale) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / scale;
  return [lng, (Math.atan(Math.sinh(n)) * 180) / Math.PI];
}

/**
 * Road name labels for `zoom`, most important roads first. A name is placed where the road,
 * over the name's length plus a margin, is nearly straight (chord ≥ 92 % of the path), so the
 * straight text lies on the road; its footprint is a chain of discs along the text, tested
 * against every label already placed and the obstacles.
 */
export function placeRoadLabels(roads: readonly RoadLabelInput[], zoom: number, o: RoadLabelOptions): RoadLabel[] {
  const order = roads.map((_, i) => i).sort((a, b) => roads[a].rank - roads[b].rank || a - b);
  const r = o.size * 0.75; // disc radius: half the line height plus a gap
  // Placed discs in a hash grid of cells 2r wide: a disc can only touch discs in the 3×3 cells around it.
  const cell = 2 * r;
  const grid = new Map<string, [number, number][]>();
  const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  const near = (cx: number, cy: number): [number, number][] => {
    const gx = Math.floor(cx / cell);
    const gy = Math.floor(cy / cell);
    const found: [number, number][] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) found.push(...(grid.get(`${gx + dx},${gy + dy}`) ?? []));
    return found;
  };
  const boxes = o.obstacles ?? [];
  const lastOf = new Map<string, [number, number][]>();
  const out: RoadLabel[] = [];
  const free = (cx: number, cy: number) =>
    near(cx, cy).every(([x, y]) => (x - cx) ** 2 + (y - cy) ** 2 >= (2 * r) ** 2) &&
    boxes.every((b) => cx + r <= b[0] || cx - r >= b[2] || cy + r <= b[1] || cy - r >= b[3]);
  for (const i of order) {
    const road = roads[i];
    if (!road.text || road.line.length < 2) continue;
    const px = road.line.map((p) => worldPx(p as [number, number], zoom));
    const cum = [0];
    for (let k = 1; k < px.length; k++) cum.push(cum[k - 1] + Math.hypot(px[k][0] - px[k - 1][0], px[k][1] - px[k - 1][1]));
    const length = cum[cum.length - 1];
    const half = textWidthPx(road.text, o.size) / 2 + o.size * 0.5;
    if (length < 2 * half) continue;
    const n = Math.max(1, Math.floor(length / o.spacingPx));
    for (let c = 0; c < n; c++) {
      const d = ((c + 0.5) * length) / n;
      const lo = Math.max(0, d - half);
      const hi = Math.min(length, d + half);
      if (hi - lo < 2 * half - 1) continue;
      const a = at(px, cum, lo);
      const b = at(px, cum, hi);
      const chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (chord < 0.92 * (hi - lo)) continue; // a bend under the name: the text would leave the road
      const centre = at(px, cum, d);
      const same = lastOf.get(road.text) ?? [];
      if (same.some(([x, y]) => Math.hypot(x - centre[0], y - centre[1]) < o.repeatPx)) continue;
      // Footprint: discs every `r` along the chord through the centre.
      const ux = (b[0] - a[0]) / chord;
      const uy = (b[1] - a[1]) / chord;
      const steps = Math.max(1, Math.ceil((2 * (half - o.size * 0.5)) / r));
      const foot: [number, number][] = [];
      for (let s = 0; s <= steps; s++) {
        const t = -half + o.size * 0.5 + (s * 2 * (half - o.size * 0.5)) / steps;
        foot.push([centre[0] + ux * t, centre[1] + uy * t]);
      }
      if (!foot.every(([x, y]) => free(x, y))) continue;
      for (const f of foot) {
        const k = key(f[0], f[1]);
        const list = grid.get(k);
        if (list) list.push(f);
        else grid.set(k, [f]);
      }
      same.push(centre);
      lastOf.set(road.text, same);
      out.push({ position: lngLatOf(centre, zoom), angle: uprightAngle(b[0] - a[0], b[1] - a[1]), text: road.text });
    }
  }
  return out;
}
