// Demo generator: listed security hotspots (治安重点地区) — their areas, drawn around the markets,
// stations, streets and urban villages that concentrate incidents, and their lifecycle records.
// Each hotspot also yields the time curve that incidents inside it follow (incidents.ts), and the
// cameras its rectification installed.
import { polygonHull } from 'd3';
import type { HotspotEvent, HotspotProps } from '../../src/model/hotspot';
import { type CameraBook } from './cameras';
import type { Facility, FacilityRole } from './fabric';
import { type XY, lineLength, pointAlong, pointInRing, ringArea } from './geometry';
import { personName } from './names';
import type { Rng } from './random';
import { SCENARIOS, foundNote, type Scenario } from './hotspot-scenarios';
import { knotCurve } from './timeline';
import { bandPolygon } from './water';
import type { Hotspot, Town } from './world';

/** Radius (metres) of a hotspot area around a point facility; kernels use about 1/2.3 of it. */
export const AREA_RADIUS: Partial<Record<FacilityRole, number>> = {
  market: 200,
  station: 220,
  hospital: 180,
  school: 170,
  'internet-cafe': 150,
  fringe: 230,
  'rental-housing': 230,
};

function pickSite(s: Scenario['site'], facilities: Facility[]): Facility {
  if ('name' in s) {
    const f = facilities.find((x) => x.name === s.name);
    if (!f) throw new Error(`no facility named ${s.name}`);
    return f;
  }
  const pool = facilities.filter((f) => f.role === s.role && (s.where === 'county-town' ? f.plan === 0 : f.plan > 0));
  pool.sort((a, b) => a.plan - b.plan);
  if (!pool[s.nth]) throw new Error(`no ${s.role} #${s.nth} in ${s.where}`);
  return pool[s.nth];
}

/** The area of a hotspot: a lobed disc, a band along a street, or the hull of an urban village. */
function areaRing(rng: Rng, f: Facility): XY[] {
  if (f.blocks) {
    const corners = f.blocks.flatMap((b) => b.corners);
    const hull = (polygonHull(corners) ?? corners) as XY[];
    const cx = hull.reduce((s, p) => s + p[0], 0) / hull.length;
    const cy = hull.reduce((s, p) => s + p[1], 0) / hull.length;
    const ring = hull.map((p): XY => {
      const d = Math.hypot(p[0] - cx, p[1] - cy);
      const k = (d + 20) / d;
      return [cx + (p[0] - cx) * k, cy + (p[1] - cy) * k];
    });
    return ringArea(ring) < 0 ? ring.reverse() : ring;
  }
  if (f.line) {
    const len = lineLength(f.line);
    const a = pointAlong(f.line, 0);
    const b = pointAlong(f.line, len);
    const ext: XY[] = [[a.p[0] - a.dir[0] * 50, a.p[1] - a.dir[1] * 50], ...f.line, [b.p[0] + b.dir[0] * 50, b.p[1] + b.dir[1] * 50]];
    return bandPolygon(ext, () => 75);
  }
  const r0 = (AREA_RADIUS[f.role] ?? 180) * (f.plan > 0 ? 0.8 : 1);
  const h = [2, 3].map((k) => ({ k, a: rng.range(0.05, 0.14), ph: rng.range(0, 7) }));
  const ring: XY[] = [];
  for (let s = 0; s < 20; s++) {
    const th = (2 * Math.PI * s) / 20;
    let r = r0;
    for (const x of h) r *= 1 + x.a * Math.sin(x.k * th + x.ph);
    ring.push([f.p[0] + Math.cos(th) * r, f.p[1] + Math.sin(th) * r]);
  }
  return ring;
}

function shrink(ring: XY[], c: XY, k: number): XY[] {
  return ring.map((p): XY => [c[0] + (p[0] - c[0]) * k, c[1] + (p[1] - c[1]) * k]);
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const o = (p: XY, q: XY, r: XY) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
}

/** True when two simple rings overlap (an edge crossing, or one inside the other). */
function ringsOverlap(a: XY[], b: XY[]): boolean {
  if (pointInRing(a[0], b) || pointInRing(b[0], a)) return true;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (segmentsCross(a[i], a[(i + 1) % a.length], b[j], b[(j + 1) % b.length])) return true;
    }
  }
  return false;
}

export interface HotspotIndex {
  hotspots: Hotspot[];
  /** Per hotspot: daily multiplier of incidents inside it (DAYS entries). */
  curves: Float64Array[];
  /** Index of the hotspot containing p, or -1. */
  at(p: XY): number;
}

/** Builds the hotspots, adds the cameras their rectification installed, and indexes them. */
export function makeHotspots(rng: Rng, facilities: Facility[], towns: Town[], townAt: (p: XY) => number, book: CameraBook): HotspotIndex {
  const secretaries = new Map<number, string>();
  const chiefs = new Map<number, string>();
  const hotspots: Hotspot[] = [];
  const curves: Float64Array[] = [];
  SCENARIOS.forEach((sc, k) => {
    const f = pickSite(sc.site, facilities);
    const town = towns[townAt(f.p)];
    if (!secretaries.has(town.index)) secretaries.set(town.index, personName(rng));
    if (!chiefs.has(town.index)) chiefs.set(town.index, personName(rng));
    const station = `${town.stem.zh}派出所`;
    const unitHead = sc.kind === 'hospital-surroundings' ? '院长' : sc.kind === 'school-surroundings' ? '校长' : sc.kind === 'station' && f.plan === 0 ? '站长' : null;
    const first = unitHead ? `${f.name}${unitHead} ${personName(rng)}` : `${town.name}${town.kind === 'subdistrict' ? '党工委' : '党委'}书记 ${secretaries.get(town.index)}`;
    const place = f.plan > 0 ? f.name.replace(town.stem.zh, '') : f.name;
    const suffix = f.role === 'urban-village' || f.role === 'entertainment' || f.role === 'rental-housing' ? '' : f.role === 'fringe' ? '城乡结合部' : '周边';
    const name = `${town.name}${place}${suffix}`;
    const fill = (note: string) => (note.startsWith('#') ? foundNote(sc.source, note.slice(1)) : note).replaceAll('{town}', town.name);
    const history: HotspotEvent[] = sc.events.map(([date, state, note, extra]) => {
      const ev: HotspotEvent = { date, state, note: fill(note) };
      if (extra?.satisfaction !== undefined) ev.satisfaction = extra.satisfaction;
      if (extra?.deadline !== undefined) ev.deadline = extra.deadline;
      return ev;
    });
    let deadline: string | null = null;
    for (const ev of history) if (ev.deadline) deadline = ev.deadline;
    const props: HotspotProps = {
      id: `HS-${String(k + 1).padStart(2, '0')}`,
      name,
      nameEn: `${f.nameEn} area, ${town.nameEn}`,
      kind: sc.kind,
      townId: town.id,
      state: history[history.length - 1].state,
      deadline,
      firstResponsible: first,
      directResponsible: `${station}所长 ${chiefs.get(town.index)}`,
      source: sc.source,
      history,
      measures: sc.measures,
    };
    // Listed areas do not overlap: shrink a new area about its centre until it clears the others.
    let ring = areaRing(rng, f);
    for (let tries = 0; tries < 12 && hotspots.some((h) => ringsOverlap(h.ring, ring)); tries++) ring = shrink(ring, f.p, 0.9);
    if (hotspots.some((h) => ringsOverlap(h.ring, ring))) throw new Error(`hotspot ${name} overlaps another`);
    hotspots.push({ props, ring, facility: f });
    curves.push(knotCurve(sc.knots));
    if (sc.newCameras) {
      const start = history.find((e) => e.state === 'rectifying')!;
      const year = Number(start.date.slice(0, 4));
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      for (let n = 0; n < sc.newCameras; ) {
        const p: XY = [rng.range(Math.min(...xs), Math.max(...xs)), rng.range(Math.min(...ys), Math.max(...ys))];
        if (!pointInRing(p, ring)) continue;
        n++;
        book.add(n === 1 ? 'street-dome' : 'street-bullet', p, rng.range(0, 360), `${name}整治新建监控${n}`, year);
      }
    }
  });
  const boxes = hotspots.map((h) => {
    const xs = h.ring.map((p) => p[0]);
    const ys = h.ring.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  });
  const at = (p: XY) => {
    for (let k = 0; k < hotspots.length; k++) {
      const b = boxes[k];
      if (p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3] && pointInRing(p, hotspots[k].ring)) return k;
    }
    return -1;
  };
  return { hotspots, curves, at };
}
