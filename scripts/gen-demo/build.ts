// Demo generator: builds the whole synthetic county in memory, stage by stage. Each stage draws
// from its own random stream (rngFor(seed, stage)), so the geography does not change when only
// the number of incidents does.
import type { IncidentColumns } from '../../src/model/incident';
import { countyMembership, splitTowns } from './admin';
import { atomAt, buildAtoms, placeAtoms } from './atoms';
import { hamletBuildings, planBuildings } from './buildings';
import { CameraBook, assignStatus, checkpointCameras, compass, planCameras, socialCameras, villageCameras } from './cameras';
import { makeOutline, placeCountyTown, placeTownSeats } from './county';
import { type Facility, furnishCountyTown, furnishTownSeat } from './fabric';
import { type XY, dist } from './geometry';
import { makeGrids } from './grids';
import { type HotspotIndex, makeHotspots } from './hotspots';
import { generateIncidents } from './incidents';
import { NameBook } from './names';
import { makePlaces } from './places';
import { type Plan, gateways, makePlan } from './plan';
import { rngFor } from './random';
import { borderCrossings, expresswayLine, interTownRoads, ruralRoads } from './roads';
import { lanes, lineNames, planStreets } from './streets';
import { atomHouseholds, splitVillages } from './villages';
import { RIVER_HALF_WIDTH, bandPolygon, riverLine, smallWaters } from './water';
import type { Road, World } from './world';

export const COUNTY_AREA_KM2 = 1300;
export const RURAL_TOWNS = 11;
export const CHECKPOINTS = 14;

export interface Built {
  world: World;
  incidents: IncidentColumns;
  runs: { at: XY; start: string; n: number }[];
  hotspotIndex: HotspotIndex;
}

/** The county town and town-centre street plans, with their facilities. */
function makePlans(seed: number, countyTown: XY, seats: XY[], river: XY[], names: NameBook, stems: { zh: string; py: string }[]): { plans: Plan[]; facilities: Facility[] } {
  const rng = rngFor(seed, 'plans');
  const avoid = [{ line: river, clearance: RIVER_HALF_WIDTH + 40 }];
  const city = makePlan(rng, 0, { kind: 'county-town', town: -1, origin: countyTown, angle: rng.range(-0.25, 0.25), bx: 200, by: 160, radius: 2600, roughness: 0.12, mainI: [-6, 0, 6], mainJ: [-7, 0, 7], avoid });
  const plans = [city];
  const facilities = furnishCountyTown(rng, city, names);
  const radii = seats.map(() => rng.range(420, 650));
  const bigCut = [...radii].sort((a, b) => b - a)[2];
  seats.forEach((s, k) => {
    // Streets run towards the county town; modulo 90° (a lattice turned a quarter is the same
    // lattice), so the long sides of flats still face roughly south.
    const toward = Math.atan2(countyTown[1] - s[1], countyTown[0] - s[0]);
    const angle = toward - (Math.PI / 2) * Math.round(toward / (Math.PI / 2));
    const plan = makePlan(rng, k + 1, { kind: 'town-seat', town: 3 + k, origin: s, angle, bx: 150, by: 120, radius: radii[k], roughness: 0.15, mainI: [0], mainJ: [0], avoid });
    plans.push(plan);
    facilities.push(...furnishTownSeat(plan, stems[k], radii[k] >= bigCut));
  });
  return { plans, facilities };
}

export function build(seed: number, incidentCount: number): Built {
  const outline = makeOutline(rngFor(seed, 'outline'), COUNTY_AREA_KM2);
  const countyTown = placeCountyTown(rngFor(seed, 'county-town'), outline);
  const river = riverLine(rngFor(seed, 'river'), outline, countyTown);
  const expressway = expresswayLine(rngFor(seed, 'expressway'), outline, countyTown);
  const seats = placeTownSeats(rngFor(seed, 'seats'), outline, countyTown, RURAL_TOWNS, [
    { line: river, clearance: 700 },
    { line: expressway, clearance: 2000 },
  ]);
  const names = new NameBook(rngFor(seed, 'names'));
  const stems = seats.map(() => names.town());
  const { plans, facilities } = makePlans(seed, countyTown, seats, river, names, stems);
  // The junction where the expressway link road leaves town: a fringe spot of roadside stalls.
  const north = gateways(plans[0]).reduce((a, b) => (dist(b, expressway[Math.floor(expressway.length / 2)]) < dist(a, expressway[Math.floor(expressway.length / 2)]) ? b : a));
  facilities.push({ role: 'fringe', name: '城北路口', nameEn: 'Chengbei Junction', p: north, plan: 0, pull: 0.45 });

  const spacing = (p: XY) => {
    let s = outline.contains(p) ? 420 : 900;
    for (const plan of plans) s = Math.min(s, 110 + Math.max(0, dist(p, plan.origin) - plan.radius * 1.1) * 0.3);
    return s;
  };
  const atoms = buildAtoms(placeAtoms(rngFor(seed, 'atoms'), plans, outline.rMax + 5000, spacing));
  const inCounty = countyMembership(atoms, outline);
  const { towns, townOf } = splitTowns(rngFor(seed, 'towns'), atoms, inCounty, plans, river, seats, stems, names);
  const hh = atomHouseholds(atoms, plans);
  const { villages, villageOf } = splitVillages(rngFor(seed, 'villages'), atoms, townOf, towns, hh, names);
  const { grids, gridOf } = makeGrids(rngFor(seed, 'grids'), atoms, villages, hh);
  const isIn = (p: XY) => inCounty[atomAt(atoms, p)] === 1;

  const roadRng = rngFor(seed, 'roads');
  const expresswayRoad: Road = { cls: 'expressway', name: 'S08沿淮高速', nameEn: 'S08 Yanhuai Expressway', line: expressway };
  const between = interTownRoads(roadRng, outline, plans, towns, isIn, CHECKPOINTS, expressway);
  const rural = ruralRoads(roadRng, towns, villages, plans);
  const streets: Road[] = [];
  const laneRoads: Road[] = [];
  const laneMap = new Map<string, XY[][]>();
  for (const plan of plans) {
    streets.push(...planStreets(plan, plan.index === 0 ? null : towns[plan.town]));
    const l = lanes(roadRng, plan);
    laneRoads.push(...l.roads);
    for (const [k, v] of l.byBlock) laneMap.set(k, v);
  }
  const roads = [expresswayRoad, ...between, ...streets, ...laneRoads, ...rural];

  const waterRng = rngFor(seed, 'water');
  const riverPolygon = bandPolygon(river, (t) => RIVER_HALF_WIDTH * (0.85 + 0.3 * Math.abs(Math.sin(t * 9))));
  const water = [{ kind: 'river' as const, name: '清河', nameEn: 'Qing River', polygon: riverPolygon }, ...smallWaters(waterRng, outline, river, [countyTown, ...seats])];

  const bRng = rngFor(seed, 'buildings');
  const buildingList = plans.flatMap((plan) => planBuildings(bRng, plan, laneMap));
  buildingList.push(...hamletBuildings(bRng, villages, river, RIVER_HALF_WIDTH + 15));

  const camRng = rngFor(seed, 'cameras');
  const book = new CameraBook(camRng, atoms, townOf, inCounty, towns.map((t) => t.id));
  for (const plan of plans) planCameras(book, camRng, plan, lineNames(plan, plan.index === 0 ? null : towns[plan.town]));
  const crossings = [expresswayRoad, ...between.filter((r) => r.cls !== 'rural' && r.name !== '高速连接线')].flatMap((r) =>
    borderCrossings(r.line, isIn).map((c) => ({ c, road: r.name ?? '' })),
  );
  checkpointCameras(book, crossings);
  socialCameras(book, camRng, facilities, plans);
  villageCameras(book, camRng, villages);
  for (const plan of plans.slice(1)) {
    for (const g of gateways(plan)) {
      if (camRng.chance(0.5)) book.add('street-bullet', g, compass(Math.atan2(g[1] - plan.origin[1], g[0] - plan.origin[0])), `${towns[plan.town].name}镇区入口`);
    }
  }
  const hotspotIndex = makeHotspots(rngFor(seed, 'hotspots'), facilities, towns, (p) => townOf[atomAt(atoms, p)], book);
  assignStatus(camRng, book.cameras, 2025);

  const mainStreets = streets.filter((r) => r.cls === 'primary').map((r) => ({ line: r.line, weight: 1 }));
  const trafficRoads = roads
    .filter((r) => r.cls !== 'lane' && r.cls !== 'expressway')
    .map((r) => ({ line: r.line, weight: { trunk: 3, primary: 2.2, street: 1.2, rural: 0.35, expressway: 0, lane: 0 }[r.cls] }));
  const { cols, runs } = generateIncidents(
    rngFor(seed, 'incidents'),
    { atoms, inCounty, facilities, atomHouseholds: hh, villages, mainStreets, roads: trafficRoads, hotspots: hotspotIndex },
    incidentCount,
  );

  const world: World = {
    seed, outline, countyTown, river, expressway, plans, facilities, atoms, inCounty, townOf, villageOf, gridOf,
    atomHouseholds: hh, towns, villages, grids, water, roads, buildings: buildingList,
    places: makePlaces(countyTown, towns, villages, facilities),
    cameras: book.cameras, hotspots: hotspotIndex.hotspots,
  };
  return { world, incidents: cols, runs, hotspotIndex };
}
