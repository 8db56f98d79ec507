// Analysis (PURE): where the siting planner may put cameras — road junctions (vertices shared by
// two or more roads), vertices of lanes, centres of blind-spot cells, points the user gave, and
// "repair this camera" for each faulty or offline one — deduplicated by distance, and turned
// into planner candidates with the cells each would see.
import { cellToLatLng } from 'h3-js';
import type { LngLat } from '../../model/geo';
import { cameraCells, type CameraView } from './coverage';
import { distanceM } from './in-sector';
import type { SiteCandidate } from './site-cameras';
import type { BuildingIndex } from './visibility';

export type CandidateSource = 'repair' | 'user' | 'junction' | 'lane' | 'blind-spot';

/** A place a camera could go, with the view it would have. */
export interface CandidateSite {
  id: string;
  source: CandidateSource;
  lng: number;
  lat: number;
  heading: number;
  fov: number;
  range: number;
  cost: number;
}

export interface CandidateInput {
  /** Road lines; a vertex shared by ≥ 2 roads is a junction; every vertex of a `lane` is a candidate. */
  roads?: readonly { geometry: { type: 'LineString'; coordinates: readonly LngLat[] }; properties?: { class?: string } | null }[];
  /** Cells of blind spots: their centres. */
  blindSpotCells?: readonly string[];
  /** Points the user gave (clicks); kept even when close to another candidate. */
  userPoints?: readonly { id?: string; lng: number; lat: number }[];
  /** Existing cameras: the faulty and offline ones become repair candidates with their own view. */
  cameras?: readonly CameraView[];
  /** View and cost of a new camera (heading degrees clockwise from north, fov degrees, range metres). */
  newCamera: { heading: number; fov: number; range: number; cost: number };
  /** Cost of repairing a camera, in the same unit as the new camera's. */
  repairCost: number;
  /** Candidates closer than this to an earlier one are dropped (not repairs or user points), metres; default 20. */
  dedupeM?: number;
}

const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
const RAD = Math.PI / 180;

/**
 * Every candidate, in priority order: repairs, user points, junctions, blind-spot centres, lane
 * vertices. Dedupe keeps the first of two candidates closer than `dedupeM` (great-circle), so a
 * junction wins over a lane vertex beside it. Ids: `repair:<camera id>`, `user:<id or n>`,
 * `junction:<n>`, `cell:<h3>`, `lane:<n>`.
 */
export function siteCandidates(input: CandidateInput): CandidateSite[] {
  const dedupe = input.dedupeM ?? 20;
  const out: CandidateSite[] = [];
  const view = input.newCamera;
  for (const c of input.cameras ?? []) {
    if (c.status === 'online') continue;
    out.push({ id: `repair:${c.id}`, source: 'repair', lng: c.lng, lat: c.lat, heading: c.heading, fov: c.fov, range: c.range, cost: input.repairCost });
  }
  const grid = new PointGrid(dedupe);
  const add = (id: string, source: CandidateSource, lng: number, lat: number, force = false): void => {
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
    if (!force && grid.near(lng, lat)) return;
    grid.add(lng, lat);
    out.push({ id, source, lng, lat, heading: view.heading, fov: view.fov, range: view.range, cost: view.cost });
  };
  (input.userPoints ?? []).forEach((p, i) => add(`user:${p.id ?? i + 1}`, 'user', p.lng, p.lat, true));
  const { junctions, laneVertices } = roadVertices(input.roads ?? []);
  junctions.forEach(([lng, lat], i) => add(`junction:${i + 1}`, 'junction', lng, lat));
  for (const cell of input.blindSpotCells ?? []) {
    const [lat, lng] = cellToLatLng(cell);
    add(`cell:${cell}`, 'blind-spot', lng, lat);
  }
  laneVertices.forEach(([lng, lat], i) => add(`lane:${i + 1}`, 'lane', lng, lat));
  return out;
}

/**
 * Junctions (vertices used by two or more different roads, matched to 1e-7°, about 1 cm) and
 * lane vertices, each once, in the order first met.
 */
export function roadVertices(roads: NonNullable<CandidateInput['roads']>): { junctions: LngLat[]; laneVertices: LngLat[] } {
  const users = new Map<string, { at: LngLat; first: number; shared: boolean }>();
  const lanes = new Map<string, LngLat>();
  roads.forEach((road, r) => {
    const isLane = road.properties?.class === 'lane';
    for (const p of road.geometry.coordinates) {
      const key = `${Math.round(p[0] * 1e7)},${Math.round(p[1] * 1e7)}`;
      const u = users.get(key);
      if (!u) users.set(key, { at: [p[0], p[1]], first: r, shared: false });
      else if (u.first !== r) u.shared = true;
      if (isLane && !lanes.has(key)) lanes.set(key, [p[0], p[1]]);
    }
  });
  const junctions: LngLat[] = [];
  for (const u of users.values()) if (u.shared) junctions.push(u.at);
  return { junctions, laneVertices: [...lanes.values()] };
}

/** Planner candidates: each site with the cells (at `res`) a camera there would see. */
export function toSiteCandidates(sites: readonly CandidateSite[], res: number, buildings?: BuildingIndex): SiteCandidate[] {
  return sites.map((s) => ({
    id: s.id,
    lng: s.lng,
    lat: s.lat,
    cost: s.cost,
    repair: s.source === 'repair',
    cells: cameraCells({ id: s.id, lng: s.lng, lat: s.lat, heading: s.heading, fov: s.fov, range: s.range, status: 'online' }, res, buildings),
  }));
}

/** Points in square buckets of about `sizeM` metres, for "is one within sizeM?" in O(1). */
class PointGrid {
  private readonly buckets = new Map<string, LngLat[]>();
  constructor(private readonly sizeM: number) {}

  private key(i: number, j: number): string {
    return `${i},${j}`;
  }

  /** Bucket indices: metres north and (at the point's latitude) metres east, over the size. */
  private cell(lng: number, lat: number): [number, number] {
    const s = this.sizeM;
    return [Math.floor((lng * M_PER_DEG * Math.cos(lat * RAD)) / s), Math.floor((lat * M_PER_DEG) / s)];
  }

  near(lng: number, lat: number): boolean {
    if (!(this.sizeM > 0)) return false;
    const [i, j] = this.cell(lng, lat);
    // Two rings of buckets: east–west bucket widths drift with latitude, one extra ring absorbs it.
    for (let di = -2; di <= 2; di++) {
      for (let dj = -2; dj <= 2; dj++) {
        for (const p of this.buckets.get(this.key(i + di, j + dj)) ?? []) if (distanceM(lng, lat, p[0], p[1]) < this.sizeM) return true;
      }
    }
    return false;
  }

  add(lng: number, lat: number): void {
    if (!(this.sizeM > 0)) return;
    const k = this.key(...this.cell(lng, lat));
    const list = this.buckets.get(k);
    if (list) list.push([lng, lat]);
    else this.buckets.set(k, [[lng, lat]]);
  }
}
