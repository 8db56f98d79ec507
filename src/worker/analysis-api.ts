// Worker: the analysis API object. It holds the incident index and polygon assignments in the
// worker's memory and wraps the pure functions of src/analysis; typed-array results are marked
// for transfer (zero copy) back to the caller. Runs in Node tests as well as in the worker. The
// study-area statistics (Gi*, PAI, concentration) are in study-area-api.ts and each feature's
// queries in its own <feature>-api.ts; all are spread into the one object the worker exposes.
import { transfer } from 'comlink';
import type { AreaGeometry, CameraCollection, FeatureCollection, IncidentColumns } from '../model';
import { aggregateDense, aggregateH3, indexRows, levelCells, type DenseAggregate, type H3Aggregate } from '../analysis/incidents/aggregate-h3';
import { resolutionForZoom, type ZoomResolutionOptions } from '../analysis/h3/zoom-resolution';
import { assignPolygons, cameraStatsByPolygon, countByPolygon, type AssignOptions, type CameraStats, type PolygonCounts } from '../analysis/grids/grid-stats';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import {
  addExactLevel,
  buildIncidentIndex,
  buildIncidentIndexWith,
  indexMemory,
  indexResolutions,
  type IncidentIndex,
  type IncidentIndexOptions,
  type IndexMemory,
} from '../analysis/incidents/incident-index';
import { cellProfile, type CellProfile } from '../analysis/incidents/cell-profile';
import { kernelDensity, pointsExtent, type KdeGrid, type LngLatBox } from '../analysis/stats/kde';
import { compileRowFilter } from '../analysis/incidents/row-filter';
import { getResolution } from 'h3-js';
import { areaM2 } from '../analysis/evaluation/pai';
import { comparePeriods, type PeriodComparison } from '../analysis/incidents/period-compare';
import { buildPolygonIndex } from '../analysis/areas/polygon-index';
import { hourWeekMatrix, timeSeries, type TimeSeries } from '../analysis/time/time-series';
import { warmUpColumns } from '../analysis/incidents/parallel-cells';
import { CellPool } from './cell-pool';
import { createRegisterApi } from './register-api';
import { createBriefingApi } from './briefing-api';
import { createCoverageApi } from './coverage-api';
import { createCoverageState } from './coverage-state';
import { createGridEditorApi } from './grid-editor-api';
import { createPolygonRegistry } from './polygon-registry';
import { createStudyArea, createStudyAreaApi, studyAreaCellsAt } from './study-area-api';

/** What was indexed, returned by loadIncidents. */
export interface IndexSummary {
  /** Incidents indexed. */
  count: number;
  fineResolution: number;
  /** Resolutions available to aggregate, ascending. */
  resolutions: number[];
  /** Distinct cells per resolution, in the order of `resolutions`. */
  distinctCells: number[];
  memory: IndexMemory;
  /** IANA zone local times (hour of week, days) are read in. */
  timeZone: string;
  /** Earliest and latest incident, epoch seconds (0 when empty). */
  minSec: number;
  maxSec: number;
  /** Time the build took, milliseconds. */
  buildMs: number;
  /** Threads that located the cells (1: this one alone). */
  threads: number;
}

/** A polygon set registered under a name. */
export interface PolygonSetSummary {
  name: string;
  polygonCount: number;
  /** Incidents in no polygon of the set. */
  outside: number;
  /** Time the assignment took, milliseconds. */
  ms: number;
}

/** Polygon features as the API takes them: Polygon or MultiPolygon, any properties. */
export type PolygonFeatures = FeatureCollection<AreaGeometry | null, unknown>;

/** Options of loadIncidents: the index's, and whether to use the cell workers. */
export interface LoadOptions extends IncidentIndexOptions {
  /** Locate cells on the pool (default: when there is one and at least `parallelFrom` incidents). */
  parallel?: boolean;
  /**
   * Count every resolution coarser than the fine one exactly — each incident in the hexagon it
   * lies in, as latLngToCell would put it — locating that resolution the first time it is asked
   * for (about 0.1 µs an incident), instead of by the fine cell's H3 parent (~7 % of incidents
   * differ). What the map draws then counts exactly what lies inside it.
   */
  exactOnDemand?: boolean;
}

/** Options of {@link createAnalysisApi}. */
export interface AnalysisApiOptions {
  /** Cell workers for large loads, or a factory called on the first one. */
  cellPool?: CellPool | (() => CellPool) | null;
  /** Loads of at least this many incidents use the pool. Default 100,000. */
  parallelFrom?: number;
}

const DEFAULT_PARALLEL_FROM = 100_000;

/** Creates an API instance with its own state. The worker exposes one; tests make their own. */
export function createAnalysisApi(options: AnalysisApiOptions = {}) {
  let index: IncidentIndex | null = null;
  const sets = createPolygonRegistry();
  const { assignments } = sets;
  const study = createStudyArea();
  let pool: CellPool | null = null;
  const getPool = (): CellPool | null => {
    if (!pool && options.cellPool) pool = typeof options.cellPool === 'function' ? options.cellPool() : options.cellPool;
    return pool;
  };

  const requireIndex = (): IncidentIndex => {
    if (!index) throw new Error('no incidents loaded: call loadIncidents first');
    return index;
  };
  // One coverage state: the grid editor's live figures read the covered cells the panel computed.
  const coverageCtx = { index: requireIndex, assignments, polygonSet: sets.require };
  const coverage = createCoverageState(coverageCtx);
  let exactOnDemand = false;
  /** The index, with an exact level for `resolution` first when loaded with exactOnDemand. */
  const indexAt = (resolution: number): IncidentIndex => {
    const idx = requireIndex();
    if (exactOnDemand && resolution < idx.fineResolution && resolution >= idx.levels[0].resolution) addExactLevel(idx, resolution);
    return idx;
  };
  let lastSummary: IndexSummary | null = null;
  /** Extent of every incident of the index, for density grids; found once per index. */
  let densityExtent: { index: IncidentIndex; box: LngLatBox | null } | null = null;
  return {
    ...createBriefingApi({ indexAt, assignments }),
    ...createRegisterApi({ indexAt: (res) => (res === undefined ? requireIndex() : indexAt(res)), assignments, studyCells: (res) => studyAreaCellsAt(study, res), studyAreaM2: () => areaM2(study.geometry) }),
    ...createStudyAreaApi({ requireIndex, indexAt, sets, study }),
    ...createCoverageApi(coverageCtx, coverage),
    ...createGridEditorApi({ index: requireIndex, assignments, coverage }),

    /**
     * Indexes incident columns (send them transferred): on the cell workers for large loads,
     * else on this thread. Polygon sets already registered are assigned again for the new
     * incidents. The index keeps its own copies in its own row order.
     */
    async loadIncidents(cols: IncidentColumns, opts: LoadOptions): Promise<IndexSummary> {
      const t0 = performance.now();
      const { parallel, exactOnDemand: exact, ...indexOpts } = opts;
      const p = parallel === false ? null : getPool();
      const useParallel = p !== null && (parallel === true || cols.lng.length >= (options.parallelFrom ?? DEFAULT_PARALLEL_FROM));
      const idx = useParallel
        ? await buildIncidentIndexWith(cols, indexOpts, (lng, lat, res, time) => p.locate(lng, lat, res, time))
        : buildIncidentIndex(cols, indexOpts);
      const buildMs = performance.now() - t0;
      index = idx;
      exactOnDemand = exact ?? false;
      for (const [name, set] of sets.entries()) sets.register(name, { ...set, assignment: assignPolygons(set.polygons, idx.cols.lng, idx.cols.lat, set.options) });
      lastSummary = {
        count: idx.count,
        fineResolution: idx.fineResolution,
        resolutions: indexResolutions(idx),
        distinctCells: idx.levels.map((l) => l.size),
        memory: indexMemory(idx),
        timeZone: idx.time.timeZone,
        minSec: idx.minSec,
        maxSec: idx.maxSec,
        buildMs,
        threads: useParallel ? p.threads : 1,
      };
      return lastSummary;
    },

    /**
     * Runs every step of a load and of the common queries once on a small synthetic dataset,
     * leaving the API's state as it was, so that the first real load meets compiled code. The
     * analysis worker calls it at start, while the data downloads. Returns milliseconds.
     */
    async warmUp(): Promise<number> {
      const t0 = performance.now();
      const cols = warmUpColumns(60_000);
      const idx = await buildIncidentIndexWith(cols, { timeZone: 'Asia/Shanghai' }, (lng, lat, res, time) => new CellPool([]).locate(lng, lat, res, time));
      buildIncidentIndex(warmUpColumns(5_000), { timeZone: 'Asia/Shanghai' });
      const filter = { fromSec: idx.minSec + 1e6, toSec: idx.maxSec - 1e6, categories: Uint8Array.of(1, 0, 1, 1), hourOfWeek: new Uint8Array(168).fill(1, 30, 90) };
      for (const res of [7, 9, 11]) {
        aggregateDense(idx, filter, res);
        levelCells(idx, res);
        comparePeriods(idx, filter, res, [idx.minSec, idx.minSec + 1e6], [idx.minSec + 1e6, idx.minSec + 2e6]);
      }
      timeSeries(idx, filter, 'day');
      hourWeekMatrix(idx, filter);
      return performance.now() - t0;
    },

    /** The summary of the loaded index, or null before loadIncidents. */
    summary(): IndexSummary | null {
      // Memory grows as exact levels are added on demand.
      return lastSummary && index ? { ...lastSummary, memory: indexMemory(index) } : lastSummary;
    },

    /** The indexed H3 resolution that suits map `zoom` (see analysis/zoom-resolution). */
    resolutionForZoom(zoom: number, opts?: Omit<ZoomResolutionOptions, 'available'>): number {
      return resolutionForZoom(zoom, { ...opts, available: indexResolutions(requireIndex()) });
    },

    /**
     * Every cell of `resolution` that holds an incident, sorted by H3 index: the fixed data of
     * the hexagon layer. Ask once per resolution and keep it; aggregateDense counts follow it.
     */
    levelCells(resolution: number): string[] {
      return levelCells(indexAt(resolution), resolution).slice();
    },

    /**
     * Counts for every cell of levelCells(resolution), zeros included (counts transferred), so
     * that a filter change recolours the hexagons without changing the layer's data.
     */
    aggregateDense(filter: IncidentFilter | null, resolution: number): DenseAggregate {
      const result = aggregateDense(indexAt(resolution), filter, resolution, assignments);
      return transfer(result, [result.counts.buffer]);
    },

    /** Incident counts per non-empty H3 cell at `resolution`; counts come back transferred. */
    aggregate(filter: IncidentFilter | null, resolution: number): H3Aggregate {
      const result = aggregateH3(indexAt(resolution), filter, resolution, assignments);
      return transfer(result, [result.counts.buffer]);
    },

    /**
     * Incidents per local day or week over the dataset's whole span, under the filter's other
     * parts (its time window is ignored: the trend shows every day). Arrays transferred.
     */
    timeSeries(filter: IncidentFilter | null, bucket: 'day' | 'week'): TimeSeries {
      const result = timeSeries(requireIndex(), filter, bucket, assignments);
      return transfer(result, [result.counts.buffer, result.starts.buffer]);
    },

    /** Incidents per local hour of the week (weekday × 24 + hour), the filter's own hours ignored. */
    hourWeekMatrix(filter: IncidentFilter | null): Uint32Array {
      const result = hourWeekMatrix(requireIndex(), filter, assignments);
      return transfer(result, [result.buffer]);
    },

    /**
     * Dense counts over levelCells(resolution) in two periods ([fromSec, toSec) each) under the
     * rest of the filter, with their totals. Arrays transferred.
     */
    comparePeriods(filter: IncidentFilter | null, resolution: number, current: [number, number], previous: [number, number]): PeriodComparison {
      const result = comparePeriods(indexAt(resolution), filter, resolution, current, previous, assignments);
      return transfer(result, [result.current.buffer, result.previous.buffer]);
    },

    /**
     * Registers polygons under `name` (e.g. 'grids', 'towns', 'drawn') and locates every incident
     * in them once; later counts and polygon filters under any filter are a single pass. May come
     * before loadIncidents, which then does the locating. Sets whose polygons may overlap (listed
     * hotspots) say so in `options`: each incident then counts in every polygon it lies in.
     */
    assignPolygons(name: string, features: PolygonFeatures, options: AssignOptions = {}): PolygonSetSummary {
      const t0 = performance.now();
      const polygons = buildPolygonIndex(features.features);
      const cols = index?.cols ?? { lng: new Float64Array(0), lat: new Float64Array(0) };
      const assignment = assignPolygons(polygons, cols.lng, cols.lat, options);
      sets.register(name, { polygons, assignment, options, geometries: features.features.map((f) => f.geometry) });
      return { name, polygonCount: polygons.count, outside: assignment.outside, ms: performance.now() - t0 };
    },

    /** Incidents kept by `filter` per polygon of set `name`, in feature order (transferred). */
    countByPolygon(name: string, filter: IncidentFilter | null): Uint32Array {
      const { counts } = countByPolygon(sets.require(name).assignment, indexRows(requireIndex()), filter, assignments);
      return transfer(counts, [counts.buffer]);
    },

    /** As countByPolygon, with the incidents outside every polygon and the total kept. */
    polygonCounts(name: string, filter: IncidentFilter | null): PolygonCounts {
      const result = countByPolygon(sets.require(name).assignment, indexRows(requireIndex()), filter, assignments);
      return transfer(result, [result.counts.buffer]);
    },

    /** Cameras and their online rate per polygon of set `name` (arrays transferred). */
    cameraStats(name: string, cameras: CameraCollection): CameraStats {
      const result = cameraStatsByPolygon(sets.require(name).polygons, cameras);
      return transfer(result, [result.total.buffer, result.online.buffer, result.onlineRate.buffer]);
    },

    /** What one hexagon holds under `filter`: count, kinds, hours, months (cell-profile.ts). */
    cellProfile(filter: IncidentFilter | null, cell: string): CellProfile {
      const resolution = getResolution(cell);
      const result = cellProfile(indexAt(resolution), filter, cell, resolution, assignments);
      return transfer(result, [result.byCategory.buffer, result.byHourOfWeek.buffer, result.months.counts.buffer]);
    },

    /**
     * Kernel density of the filtered incidents (kde.ts): quartic kernel of `bandwidthM` metres, on
     * cells of bandwidthM / 4 over the extent of every incident (so the grid stays put while the
     * filter changes), in incidents per km². density transferred.
     */
    density(filter: IncidentFilter | null, bandwidthM: number): KdeGrid {
      const idx = requireIndex();
      if (densityExtent?.index !== idx) densityExtent = { index: idx, box: pointsExtent(idx.cols.lng, idx.cols.lat) };
      const rows = { timeSec: idx.cols.timeSec, filter: compileRowFilter(indexRows(idx), filter, assignments) };
      const result = kernelDensity(idx.cols.lng, idx.cols.lat, { bandwidthM, extent: densityExtent.box ?? undefined }, rows);
      return transfer(result, [result.density.buffer]);
    },

    /** Forgets polygon set `name`; true when it existed. */
    dropPolygons(name: string): boolean {
      return sets.drop(name);
    },
  };
}

/** The API the analysis worker exposes. */
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
