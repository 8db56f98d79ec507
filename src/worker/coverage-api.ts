// Worker: camera coverage, its measures and blind spots, in the analysis worker. Spread into
// createAnalysisApi's object; reads its incident index, filters and polygon sets ('towns',
// 'grids', 'hotspots') through the context. A cell is covered when its centre lies in the view
// of at least one online camera (or of any camera, "repaired"); the measures are shares of the
// FILTERED incidents, so they follow the time, category and town filters.
import { cellToLatLng } from 'h3-js';
import type { CameraView } from '../analysis/cameras/coverage';
import { blindSpotAreas } from '../analysis/cameras/blind-spot-areas';
import { coveredAreaByPolygon, incidentCoverageByPolygon, keptPerCell, keptWeightPerCell, share, type AreaCoverage } from '../analysis/cameras/coverage-measures';
import { cameraStatsByPolygon, type CameraStats } from '../analysis/grids/grid-stats';
import type { NamedPlace } from '../model/camera-plan';
import type { CameraCollection } from '../model';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import { compileRowFilter } from '../analysis/incidents/row-filter';
import { indexRows } from '../analysis/incidents/aggregate-h3';
import { areaM2 } from '../analysis/evaluation/pai';
import { buildPolygonIndex } from '../analysis/areas/polygon-index';
import { createSitingApi } from './siting-api';
import { createCoverageState, type CoverageApiContext, type CoverageDataInput, type CoverageState } from './coverage-state';

/** Coverage figures of one area, with its cameras. */
export interface CoverageFigures extends AreaCoverage {
  /** Cameras inside the area, those online, and online ÷ total (完好率; NaN without cameras). */
  cameras: number;
  online: number;
  workingRate: number;
}

/** Figures of each polygon of a set, in the set's feature order. */
export interface UnitCoverage extends CoverageFigures {
  /** Position in the polygon set (the feature order it was registered in). */
  index: number;
}

export interface CoverageReport {
  resolution: number;
  repaired: boolean;
  /** Covered cells at the resolution. */
  coveredCells: number;
  county: CoverageFigures;
  towns: UnitCoverage[];
  grids: UnitCoverage[];
  hotspots: UnitCoverage[];
}

/** A blind-spot area, named by its heaviest cell's place. */
export interface NamedBlindSpot {
  rank: number;
  /** Filtered incidents in its cells (uncovered). */
  count: number;
  /** What it is ranked by: `count`, or its incidents weighted by severity. */
  weight: number;
  cellCount: number;
  /** Weighted centre, [lng, lat]. */
  centroid: [number, number];
  /** Its heaviest cell. */
  peak: string;
  /** [west, south, east, north] of its cell centres, degrees. */
  bbox: [number, number, number, number];
  /** Its cells, heaviest first. */
  cells: string[];
  place: NamedPlace;
}

export interface BlindSpotReport {
  resolution: number;
  repaired: boolean;
  /** Ranked by severity-weighted incidents (else by incidents). */
  bySeverity: boolean;
  /** Filtered incidents in uncovered cells, and all filtered incidents. */
  uncoveredIncidents: number;
  totalIncidents: number;
  /** Number of blind-spot areas (connected uncovered cells with incidents). */
  areaCount: number;
  /** The heaviest areas, at most `limit`. */
  areas: NamedBlindSpot[];
  /** Every uncovered cell with filtered incidents, heaviest first, and their counts. */
  cells: string[];
  counts: Uint32Array;
}

export interface CoverageOptions {
  /** Count faulty and offline cameras as if repaired. Default false. */
  repaired?: boolean;
  /**
   * The register's cameras, leaving out any what-if edits (updateCoverageCamera) — for figures a
   * leader reads as the county's (the briefing). Default false: what-if edits count.
   */
  official?: boolean;
}

/** The coverage methods and the siting planner's, over one shared coverage state. */
export function createCoverageApi(ctx: CoverageApiContext, state: CoverageState = createCoverageState(ctx)) {
  const statsMemo = new Map<string, { cameras: CameraCollection; stats: CameraStats; areas: Float64Array }>();
  /** Per polygon index: each covered cell's polygon and area, across reports (what-if edits change few cells). */
  const cellAreaMemo = new WeakMap<object, Map<string, readonly [number, number]>>();
  const areaMemoOf = (polygons: object) => {
    let m = cellAreaMemo.get(polygons);
    if (!m) cellAreaMemo.set(polygons, (m = new Map()));
    return m;
  };
  let countyMemo: { admin: CoverageDataInput['admin']; area: number; index: ReturnType<typeof buildPolygonIndex> } | null = null;

  /** Cameras per polygon and each polygon's area, once per set and camera list. */
  const setFacts = (name: string, official: boolean) => {
    const set = ctx.polygonSet(name);
    const cameras = state.cameraFeatures(official);
    const key = `${name}|${official}`;
    let m = statsMemo.get(key);
    if (!m || m.cameras !== cameras) {
      statsMemo.set(key, (m = { cameras, stats: cameraStatsByPolygon(set.polygons, cameras), areas: Float64Array.from(set.geometries, (g) => areaM2(g)) }));
    }
    return { set, ...m };
  };
  const unitFigures = (name: string, filter: IncidentFilter | null, repaired: boolean, official: boolean): UnitCoverage[] => {
    const { set, stats, areas } = setFacts(name, official);
    const idx = ctx.index();
    const rows = state.rowCells();
    const f = compileRowFilter(indexRows(idx), filter, ctx.assignments);
    const inc = incidentCoverageByPolygon(set.assignment, rows, state.cellFlags(repaired, official), idx.cols.timeSec, f);
    const area = coveredAreaByPolygon(set.polygons, state.covered(repaired, official).list, areaMemoOf(set.polygons));
    return Array.from(areas, (a, k) => ({
      index: k,
      incidents: inc.total[k],
      coveredIncidents: inc.covered[k],
      byIncidents: share(inc.covered[k], inc.total[k]),
      areaM2: a,
      coveredAreaM2: area[k],
      byArea: Math.min(1, share(area[k], a)),
      cameras: stats.total[k],
      online: stats.online[k],
      workingRate: stats.onlineRate[k],
    }));
  };

  return {
    ...createSitingApi(ctx, state),

    /**
     * Gives the worker the dataset's cameras, buildings, roads, admin units and grids (once per
     * dataset; the cameras' views are cut by the buildings). Returns the camera count.
     */
    setCoverageData(input: CoverageDataInput): { cameras: number; resolution: number } {
      state.set(input);
      statsMemo.clear();
      countyMemo = null;
      return { cameras: input.cameras.features.length, resolution: state.resolution };
    },

    /** Changes the H3 resolution of coverage (default 11). */
    setCoverageResolution(resolution: number): void {
      state.setResolution(resolution);
    },

    /** The covered cells, sorted (online cameras, or all with `repaired`). */
    coverageCells(opts: CoverageOptions = {}): string[] {
      return state.covered(opts.repaired ?? false, opts.official ?? false).list.slice();
    },

    /**
     * Coverage by incidents and by area, cameras online / total and the working rate (完好率),
     * for the county, per town, per grid and per listed hotspot (each in its set's feature order),
     * over the incidents `filter` keeps.
     */
    coverageReport(filter: IncidentFilter | null, opts: CoverageOptions = {}): CoverageReport {
      const repaired = opts.repaired ?? false;
      const official = opts.official ?? false;
      const data = state.data();
      const idx = ctx.index();
      const rows = state.rowCells();
      const flags = state.cellFlags(repaired, official);
      const counts = keptPerCell(rows, idx.cols.timeSec, compileRowFilter(indexRows(idx), filter, ctx.assignments));
      let incidents = 0;
      let covered = 0;
      for (let c = 0; c < counts.length; c++) {
        incidents += counts[c];
        covered += flags[c] * counts[c];
      }
      if (countyMemo?.admin !== data.admin) {
        const county = data.admin.features.filter((f) => f.properties.level === 'county');
        countyMemo = { admin: data.admin, area: county.reduce((s, f) => s + areaM2(f.geometry), 0), index: buildPolygonIndex(county) };
      }
      const cov = state.covered(repaired, official).list;
      const coveredArea = coveredAreaByPolygon(countyMemo.index, cov, areaMemoOf(countyMemo.index)).reduce((s, a) => s + a, 0);
      const edited = state.cameraFeatures(official).features;
      const online = edited.reduce((n, f) => n + (f.properties.status === 'online' ? 1 : 0), 0);
      const cameras = edited.length;
      return {
        resolution: state.resolution,
        repaired,
        coveredCells: cov.length,
        county: {
          incidents,
          coveredIncidents: covered,
          byIncidents: share(covered, incidents),
          areaM2: countyMemo.area,
          coveredAreaM2: coveredArea,
          byArea: Math.min(1, share(coveredArea, countyMemo.area)),
          cameras,
          online,
          workingRate: share(online, cameras),
        },
        towns: unitFigures('towns', filter, repaired, official),
        grids: unitFigures('grids', filter, repaired, official),
        hotspots: unitFigures('hotspots', filter, repaired, official),
      };
    },

    /**
     * Blind spots: the uncovered cells holding filtered incidents, heaviest first, grouped into
     * connected areas — within one cell of `areaResolution` (default 9, ≈ 0.1 km²; null: no
     * limit) — ranked by their incidents, or with `severity` (weight per category code, see
     * analysis/cameras/severity.ts) by their incidents so weighted; the first `limit` (default 20)
     * areas come named by place (town · community · grid and the nearest named road of their
     * heaviest cell).
     */
    blindSpotReport(
      filter: IncidentFilter | null,
      opts: CoverageOptions & { limit?: number; areaResolution?: number | null; severity?: ArrayLike<number> | null } = {},
    ): BlindSpotReport {
      const repaired = opts.repaired ?? false;
      const idx = ctx.index();
      const rows = state.rowCells();
      const f = compileRowFilter(indexRows(idx), filter, ctx.assignments);
      const counts = keptPerCell(rows, idx.cols.timeSec, f);
      const weights = opts.severity ? keptWeightPerCell(rows, idx.cols.timeSec, f, idx.cols.category, opts.severity) : undefined;
      const spots = blindSpotAreas({ cells: rows.cells, counts, weights, covered: state.covered(repaired, opts.official ?? false).set }, opts.areaResolution === undefined ? 9 : opts.areaResolution);
      const areas = spots.areas.slice(0, opts.limit ?? 20).map((a): NamedBlindSpot => {
        let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
        for (const c of a.cells) {
          const [lat, lng] = cellToLatLng(c.h3);
          w = Math.min(w, lng), e = Math.max(e, lng), s = Math.min(s, lat), n = Math.max(n, lat);
        }
        const [plat, plng] = cellToLatLng(a.peak);
        return { rank: a.rank, count: a.count, weight: a.weight, cellCount: a.cells.length, centroid: a.centroid, peak: a.peak, bbox: [w, s, e, n], cells: a.cells.map((c) => c.h3), place: state.placeName(plng, plat) };
      });
      return {
        resolution: state.resolution,
        repaired,
        bySeverity: Boolean(opts.severity),
        uncoveredIncidents: spots.uncoveredCount,
        totalIncidents: spots.totalCount,
        areaCount: spots.areas.length,
        areas,
        cells: spots.cells.map((c) => c.h3),
        counts: Uint32Array.from(spots.cells, (c) => c.count),
      };
    },

    /** Names the place of a point: town · community · grid and the nearest named road. */
    placeName(lng: number, lat: number): NamedPlace {
      return state.placeName(lng, lat);
    },

    /**
     * What-if: replaces one camera's view (same id) and returns the cells that changed in the
     * online and the repaired coverage; later reports use the edited camera.
     */
    updateCoverageCamera(camera: CameraView) {
      return state.updateCamera(camera);
    },

    /**
     * What-if edits of several cameras at once (restoring saved edits, a reset of all); returns
     * the ids it did not know (edits saved for cameras the dataset no longer has), which it skips.
     */
    updateCoverageCameras(cameras: CameraView[]): string[] {
      const known = new Set(state.cameras().map((v) => v.id));
      const unknown: string[] = [];
      for (const c of cameras) {
        if (known.has(c.id)) state.updateCamera(c);
        else unknown.push(c.id);
      }
      return unknown;
    },
  };
}
