// Worker: what coverage and siting share in the analysis worker's memory — the dataset's cameras,
// buildings, places and roads, the covered cells (online cameras, and "if the faulty and offline
// ones were repaired") kept live so that one camera edited updates them, and each incident's cell
// at the coverage resolution. Everything is built on first use and rebuilt when its inputs change.
import { latLngToCell } from 'h3-js';
import type { AdminCollection, AreaGeometry, CameraCollection, GridCollection, RoadCollection } from '../model';
import type { NamedPlace } from '../model/camera-plan';
import type { CameraView } from '../analysis/cameras/coverage';
import { liveCoverage, type LiveCoverage } from '../analysis/cameras/live-coverage';
import { buildingIndex, type BuildingIndex } from '../analysis/cameras/visibility';
import { coveredFlags, type RowCells } from '../analysis/cameras/coverage-measures';
import { buildPlaceIndex, placeOfPoint, type PlaceIndex } from '../analysis/areas/place-of-point';
import { buildRoadIndex, nearestNamedRoad, type RoadIndex } from '../analysis/areas/nearest-road';
import { levelCells } from '../analysis/incidents/aggregate-h3';
import type { IncidentIndex } from '../analysis/incidents/incident-index';
import type { PolygonSets } from '../analysis/incidents/row-filter';
import type { PolygonAssignment } from '../analysis/grids/grid-stats';
import type { PolygonIndex } from '../analysis/areas/polygon-index';

/** What setCoverageData takes: the dataset's layers coverage needs (structured-cloned once). */
export interface CoverageDataInput {
  cameras: CameraCollection;
  /** Footprints that cut the cameras' views. */
  buildings?: { features: { geometry: AreaGeometry }[] };
  /** For naming the nearest road of blind spots and sites. */
  roads?: RoadCollection;
  /** For naming town · community · grid, and the county's area. */
  admin: AdminCollection;
  grids: GridCollection;
  /** H3 resolution of coverage; default 11 (edge ≈ 25 m). */
  resolution?: number;
}

/** A registered polygon set of the analysis API, as coverage reads it. */
export interface PolygonSetView {
  polygons: PolygonIndex;
  assignment: PolygonAssignment;
  geometries: (AreaGeometry | null)[];
}

/** What the coverage and siting APIs need from the analysis API. */
export interface CoverageApiContext {
  /** The incident index; throws before loadIncidents. */
  index(): IncidentIndex;
  /** Polygon assignments by set name, as filters resolve them. */
  assignments: PolygonSets;
  /** A registered polygon set ('towns', 'grids', 'hotspots', …); throws when missing. */
  polygonSet(name: string): PolygonSetView;
}

export const DEFAULT_COVERAGE_RESOLUTION = 11;

/** CameraView of a camera feature. */
export function cameraView(f: CameraCollection['features'][number]): CameraView {
  const p = f.properties;
  return { id: p.id, lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], heading: p.heading, fov: p.fov, range: p.range, status: p.status };
}

/** The shared coverage state of one analysis API instance. */
export function createCoverageState(ctx: CoverageApiContext) {
  let data: CoverageDataInput | null = null;
  /** The register's cameras, and the same with what-if edits applied (the array itself until the first edit). */
  let original: CameraView[] = [];
  let views: CameraView[] = [];
  /** The cameras as features with the what-if edits applied (per-polygon counts read these). */
  let features: CameraCollection = { type: 'FeatureCollection', features: [] };
  let resolution = DEFAULT_COVERAGE_RESOLUTION;
  let buildings: BuildingIndex | undefined;
  let places: PlaceIndex | null = null;
  let roads: RoadIndex | null = null;
  /**
   * Live coverage by kind: bit 1 "repaired", bit 2 "the register's cameras" (kept apart only once
   * a what-if edit exists; before that the edited coverage is the register's).
   */
  const live = new Map<number, LiveCoverage>();
  /** Covered cells as a set and sorted list, per kind, dropped on every change. */
  const coveredMemo = new Map<number, { set: Set<string>; list: string[] }>();
  let rowCellsMemo: { index: IncidentIndex; rows: RowCells } | null = null;
  const flagsMemo = new Map<number, { rows: RowCells; flags: Uint8Array }>();
  const kindOf = (repaired: boolean, official: boolean): number => (repaired ? 1 : 0) + (official && views !== original ? 2 : 0);

  const requireData = (): CoverageDataInput => {
    if (!data) throw new Error('no cameras: call setCoverageData first');
    return data;
  };
  const liveOf = (kind: number): LiveCoverage => {
    let l = live.get(kind);
    if (!l || l.res !== resolution) live.set(kind, (l = liveCoverage(kind & 2 ? original : views, resolution, { buildings, includeNotOnline: (kind & 1) === 1 })));
    return l;
  };
  const changed = () => {
    coveredMemo.clear();
    flagsMemo.clear();
  };

  const state = {
    set(input: CoverageDataInput) {
      data = input;
      original = views = input.cameras.features.map(cameraView);
      features = input.cameras;
      resolution = input.resolution ?? DEFAULT_COVERAGE_RESOLUTION;
      const footprints = input.buildings?.features.map((f) => f.geometry).filter((g) => g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) ?? [];
      buildings = footprints.length > 0 ? buildingIndex(footprints) : undefined;
      places = buildPlaceIndex(input.admin, input.grids);
      roads = buildRoadIndex(input.roads?.features ?? []);
      live.clear();
      rowCellsMemo = null;
      changed();
    },
    data: requireData,
    get resolution() {
      return resolution;
    },
    setResolution(res: number) {
      if (!Number.isInteger(res) || res < 0 || res > 15) throw new RangeError(`coverage resolution must be an integer 0–15, got ${res}`);
      if (res === resolution) return;
      resolution = res;
      live.clear();
      rowCellsMemo = null;
      changed();
    },
    cameras: (): readonly CameraView[] => views,
    /** The camera features as edited (a new collection after each edit, so memos keyed on it follow), or the register's. */
    cameraFeatures: (official = false): CameraCollection => (official ? requireData().cameras : features),
    buildings: (): BuildingIndex | undefined => buildings,
    /** Replaces one camera (what-if editing): both live coverages follow by its cells alone. */
    updateCamera(camera: CameraView) {
      requireData();
      const i = views.findIndex((v) => v.id === camera.id);
      if (i < 0) throw new Error(`no camera "${camera.id}"`);
      views = views.map((v, k) => (k === i ? camera : v));
      // A camera moved across a town or grid boundary moves between their online / total counts.
      features = {
        ...features,
        features: features.features.map((f) =>
          f.properties.id !== camera.id
            ? f
            : { ...f, geometry: { type: 'Point', coordinates: [camera.lng, camera.lat] }, properties: { ...f.properties, heading: camera.heading, fov: camera.fov, range: camera.range, status: camera.status } },
        ),
      };
      // The edited coverages follow by this camera's cells; the register's (bit 2) stay as they are.
      const deltas = [0, 1].map((k) => (live.has(k) ? liveOf(k).updateCamera(camera) : { added: [], removed: [] }));
      changed();
      return { online: deltas[0], repaired: deltas[1] };
    },
    /** The covered cells (sorted list and set), with the what-if edits or (`official`) the register's cameras. */
    covered(repaired: boolean, official = false) {
      requireData();
      const kind = kindOf(repaired, official);
      let c = coveredMemo.get(kind);
      if (!c) {
        const list = liveOf(kind).covered();
        coveredMemo.set(kind, (c = { list, set: new Set(list) }));
      }
      return c;
    },
    /** Each index row's cell at the coverage resolution. */
    rowCells(): RowCells {
      const idx = ctx.index();
      if (rowCellsMemo?.index === idx && rowCellsMemo.rows.resolution === resolution) return rowCellsMemo.rows;
      const rows = idx.fineResolution === resolution ? rowCellsFromLevel(idx) : locateRows(idx, resolution);
      rowCellsMemo = { index: idx, rows };
      flagsMemo.clear();
      return rows;
    },
    /** covered flag per cell ordinal of rowCells(). */
    cellFlags(repaired: boolean, official = false): Uint8Array {
      const rows = state.rowCells();
      const kind = kindOf(repaired, official);
      const memo = flagsMemo.get(kind);
      if (memo?.rows === rows) return memo.flags;
      const flags = coveredFlags(rows.cells, state.covered(repaired, official).set);
      flagsMemo.set(kind, { rows, flags });
      return flags;
    },
    /** Names the place of a point (town · community · grid, nearest named road). */
    placeName(lng: number, lat: number): NamedPlace {
      requireData();
      const p = placeOfPoint(places!, lng, lat);
      const road = nearestNamedRoad(roads!, lng, lat);
      return {
        townId: p.town?.id ?? null,
        town: p.town?.name ?? null,
        townEn: p.town?.nameEn ?? null,
        village: p.village?.name ?? null,
        villageEn: p.village?.nameEn ?? null,
        gridId: p.grid?.id ?? null,
        grid: p.grid?.name ?? null,
        gridEn: p.grid?.nameEn ?? null,
        road: road?.name ?? null,
        roadEn: road?.nameEn ?? null,
        roadDistanceM: road ? Math.round(road.distanceM) : null,
      };
    },
  };
  return state;
}

export type CoverageState = ReturnType<typeof createCoverageState>;

/** Rows are sorted by fine cell: the fine level gives every row's cell without locating it. */
function rowCellsFromLevel(idx: IncidentIndex): RowCells {
  const level = idx.levels[idx.levels.length - 1];
  const cells = levelCells(idx, idx.fineResolution).slice();
  const rowCell = new Uint32Array(idx.count);
  for (let c = 0; c < level.size; c++) rowCell.fill(c, level.rowStart[c], level.rowStart[c + 1]);
  return { resolution: idx.fineResolution, cells, rowCell };
}

/** Any other resolution: each row located exactly (about 1 µs a row). */
function locateRows(idx: IncidentIndex, res: number): RowCells {
  const ord = new Map<string, number>();
  const cells: string[] = [];
  const rowCell = new Uint32Array(idx.count);
  const { lng, lat } = idx.cols;
  for (let i = 0; i < idx.count; i++) {
    const cell = latLngToCell(lat[i], lng[i], res);
    let o = ord.get(cell);
    if (o === undefined) {
      ord.set(cell, (o = cells.length));
      cells.push(cell);
    }
    rowCell[i] = o;
  }
  return { resolution: res, cells, rowCell };
}
