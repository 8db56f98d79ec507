// Demo generator: incidents. Each offence is drawn from typed sources (markets, stations,
// entertainment streets, urban villages, homes, roads …) in its own proportions, so incidents
// concentrate where crowds and opportunities are and thin out over the countryside by population.
// Times are drawn after places: inside a listed hotspot they follow that hotspot's course, so the
// data agrees with the hotspot records. Burglaries repeat near earlier ones (near-repeat), and a
// few burglary runs — a dozen homes within weeks — are planted as the county reports describe.
import type { IncidentColumns } from '../../src/model/incident';
import { type Atoms, atomAt, randomInCell } from './atoms';
import type { Facility } from './fabric';
import { type XY, lineLength, pointAlong, round6, toLat, toLng } from './geometry';
import { apportion } from './grids';
import type { HotspotIndex } from './hotspots';
import { AREA_RADIUS } from './hotspots';
import { OFFENCES, type SourceType } from './offences';
import { type Rng, WeightedTable } from './random';
import { AS_OF_MS, DAYS, baseDayWeights, dayStartSec, marketDays } from './timeline';
import type { Village } from './world';

interface Source {
  type: SourceType;
  pull: number;
  sample(rng: Rng): XY;
  /** Town markets meet every third day: the phase of their market days. */
  marketPhase?: number;
}

export interface IncidentInputs {
  atoms: Atoms;
  inCounty: Uint8Array;
  facilities: Facility[];
  atomHouseholds: Float64Array;
  villages: Village[];
  /** Main streets of the towns with a weight (county town heavier). */
  mainStreets: { line: XY[]; weight: number }[];
  /** Roads for traffic accidents, with a weight per metre by class. */
  roads: { line: XY[]; weight: number }[];
  hotspots: HotspotIndex;
}

/** Draws along polylines in proportion to weight × length. */
function lineSampler(lines: { line: XY[]; weight: number }[], lateral: number): (rng: Rng) => XY {
  const table = new WeightedTable(lines.map((l) => l.weight * lineLength(l.line)));
  return (rng) => {
    const l = lines[table.draw(rng.next())].line;
    const { p } = pointAlong(l, rng.range(0, lineLength(l)));
    return [p[0] + rng.normal() * lateral, p[1] + rng.normal() * lateral];
  };
}

function buildSources(inp: IncidentInputs): Source[] {
  const out: Source[] = [];
  const roles = new Set<string>(['market', 'station', 'entertainment', 'internet-cafe', 'school', 'hospital', 'urban-village', 'fringe', 'rental-housing']);
  for (const f of inp.facilities) {
    if (!roles.has(f.role)) continue;
    const type = f.role as SourceType;
    const sigma = ((AREA_RADIUS[f.role] ?? 180) * (f.plan > 0 ? 0.8 : 1)) / 2.3;
    let sample: (rng: Rng) => XY;
    if (f.blocks) {
      const blocks = f.blocks;
      sample = (rng) => {
        const b = rng.pick(blocks);
        const [a, c, , d] = b.corners;
        const s = rng.next(), t = rng.next();
        return [a[0] + (c[0] - a[0]) * s + (d[0] - a[0]) * t, a[1] + (c[1] - a[1]) * s + (d[1] - a[1]) * t];
      };
    } else if (f.line) {
      sample = lineSampler([{ line: f.line, weight: 1 }], 22);
    } else {
      sample = (rng) => [f.p[0] + rng.normal() * sigma, f.p[1] + rng.normal() * sigma];
    }
    out.push({ type, pull: f.pull, sample, marketPhase: f.role === 'market' && f.plan > 0 ? f.plan % 3 : undefined });
  }
  out.push({ type: 'main-street', pull: 1, sample: lineSampler(inp.mainStreets, 10) });
  out.push({ type: 'road', pull: 1, sample: lineSampler(inp.roads, 4) });
  const lattice: number[] = [];
  for (let i = 0; i < inp.atoms.n; i++) if (inp.atomHouseholds[i] > 0 && inp.inCounty[i]) lattice.push(i);
  const resTable = new WeightedTable(lattice.map((i) => inp.atomHouseholds[i]));
  out.push({ type: 'urban-res', pull: 1, sample: (rng) => randomInCell(inp.atoms, lattice[resTable.draw(rng.next())], rng) });
  const rural = inp.villages.filter((v) => v.kind === 'village');
  const ruralTable = new WeightedTable(rural.map((v) => v.population));
  out.push({
    type: 'rural-res',
    pull: 1,
    sample: (rng) => {
      const v = rural[ruralTable.draw(rng.next())];
      // Most rural incidents happen in the main hamlet, the rest anywhere in the village's land.
      if (rng.chance(0.7)) return [v.seat[0] + rng.normal() * 90, v.seat[1] + rng.normal() * 90];
      return randomInCell(inp.atoms, rng.pick(v.atoms), rng);
    },
  });
  return out;
}

const MARKET_SENSITIVE = new Set(['pickpocketing', 'street-fraud', 'other-theft', 'e-bike-theft', 'fighting', 'dispute']);

/** Generates `count` incidents (at least 1,000), sorted by time, in WGS-84 degrees. */
export function generateIncidents(rng: Rng, inp: IncidentInputs, count: number): { cols: IncidentColumns; runs: { at: XY; start: string; n: number }[] } {
  const sources = buildSources(inp);
  const byType = new Map<SourceType, { list: Source[]; table: WeightedTable }>();
  for (const s of sources) {
    const e = byType.get(s.type);
    if (e) e.list.push(s);
    else byType.set(s.type, { list: [s], table: new WeightedTable([]) });
  }
  for (const e of byType.values()) e.table = new WeightedTable(e.list.map((s) => s.pull));
  const inside = (p: XY, hint: number) => inp.inCounty[atomAt(inp.atoms, p, hint)] === 1;

  const dayTables = new Map<string, WeightedTable>();
  const base = OFFENCES.map((o) => baseDayWeights(o));
  const hourTables = OFFENCES.map((o) => new WeightedTable(o.hours));
  const market = [0, 1, 2].map((ph) => marketDays(ph));
  const asOfSec = AS_OF_MS / 1000;
  const timeAt = (code: number, hotspot: number, phase: number | undefined, dayOverride?: number): number => {
    let d = dayOverride;
    if (d === undefined) {
      const mk = phase !== undefined && MARKET_SENSITIVE.has(OFFENCES[code].id) ? phase : -1;
      const key = `${code}|${hotspot}|${mk}`;
      let t = dayTables.get(key);
      if (!t) {
        const w = Float64Array.from(base[code]);
        if (hotspot >= 0) for (let k = 0; k < DAYS; k++) w[k] *= inp.hotspots.curves[hotspot][k];
        if (mk >= 0) for (let k = 0; k < DAYS; k++) w[k] *= market[mk][k];
        dayTables.set(key, (t = new WeightedTable(w)));
      }
      d = t.draw(rng.next());
    }
    const h = hourTables[code].draw(rng.next());
    return Math.min(asOfSec, dayStartSec(d) + h * 3600 + Math.floor(rng.next() * 3600));
  };

  const lng: number[] = [];
  const lat: number[] = [];
  const time: number[] = [];
  const cat: number[] = [];
  const push = (p: XY, t: number, code: number) => {
    lng.push(p[0]);
    lat.push(p[1]);
    time.push(t);
    cat.push(code);
  };
  const perKind = apportion(count, OFFENCES.map((o) => o.share));
  const burglary = OFFENCES.findIndex((o) => o.id === 'burglary');
  const runsWanted = Math.max(2, Math.round((8 * count) / 150000));
  const runSizes = Array.from({ length: runsWanted }, () => rng.int(10, 15));
  const followUps = Math.round(perKind[burglary] * 0.3);
  let hint = 0;
  OFFENCES.forEach((o, code) => {
    let n = perKind[code];
    if (code === burglary) n -= followUps + runSizes.reduce((a, b) => a + b, 0);
    const types = Object.keys(o.sources) as SourceType[];
    const typeTable = new WeightedTable(types.map((t) => (byType.has(t) ? o.sources[t]! : 0)));
    for (let k = 0; k < n; k++) {
      const entry = byType.get(types[typeTable.draw(rng.next())])!;
      let src = entry.list[entry.table.draw(rng.next())];
      let p = src.sample(rng);
      for (let tries = 0; !inside(p, hint); tries++) {
        if (tries > 20) src = byType.get('urban-res')!.list[0];
        p = src.sample(rng);
      }
      hint = atomAt(inp.atoms, p, hint);
      push(p, timeAt(code, inp.hotspots.at(p), src.marketPhase), code);
    }
  });
  // Near-repeat: a burglary raises the risk to its neighbours for a few weeks, and a repeat can
  // itself be followed (a chain, as when one team works a neighbourhood).
  const parents: number[] = [];
  for (let k = 0; k < cat.length; k++) if (cat[k] === burglary) parents.push(k);
  for (let k = 0; k < followUps && parents.length > 0; k++) {
    const par = parents[Math.floor(rng.next() * parents.length)];
    const p: XY = [lng[par] + rng.normal() * 55, lat[par] + rng.normal() * 55];
    const d = Math.floor((time[par] - dayStartSec(0)) / 86400) + 1 + Math.floor(rng.exp(5));
    if (d >= DAYS || !inside(p, hint)) {
      k--;
      continue;
    }
    push(p, timeAt(burglary, -1, undefined, d), burglary);
    parents.push(cat.length - 1);
  }
  // Planted runs: in urban villages, town centres and villages, a dozen homes in a few weeks.
  const runs: { at: XY; start: string; n: number }[] = [];
  const homes = sources.filter((s) => s.type === 'urban-village' || s.type === 'urban-res' || s.type === 'rural-res');
  for (const size of runSizes) {
    let centre = rng.pick(homes).sample(rng);
    while (!inside(centre, hint)) centre = rng.pick(homes).sample(rng);
    const start = rng.int(0, DAYS - 45);
    for (let k = 0; k < size; k++) {
      let p: XY = [centre[0] + rng.normal() * 110, centre[1] + rng.normal() * 110];
      while (!inside(p, hint)) p = [centre[0] + rng.normal() * 110, centre[1] + rng.normal() * 110];
      push(p, timeAt(burglary, -1, undefined, start + rng.int(0, 34)), burglary);
    }
    runs.push({ at: centre, start: new Date((dayStartSec(start) + 8 * 3600) * 1000).toISOString().slice(0, 10), n: size });
  }
  // Sort by time (then by position, for a total order): the app reads runs of days quickly.
  const order = Array.from({ length: time.length }, (_, k) => k);
  order.sort((a, b) => time[a] - time[b] || lng[a] - lng[b] || lat[a] - lat[b] || cat[a] - cat[b]);
  const cols: IncidentColumns = {
    lng: new Float64Array(order.length),
    lat: new Float64Array(order.length),
    timeSec: new Uint32Array(order.length),
    category: new Uint16Array(order.length),
  };
  order.forEach((k, n) => {
    cols.lng[n] = round6(toLng(lng[k]));
    cols.lat[n] = round6(toLat(lat[k]));
    cols.timeSec[n] = time[k];
    cols.category[n] = cat[k];
  });
  return { cols, runs };
}
