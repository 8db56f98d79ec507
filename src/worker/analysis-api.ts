// Worker: the analysis API object. It holds the incident index and polygon assignments in the
// worker's memory and wraps the pure functions of src/analysis; typed-array results are marked
// for transfer (zero copy) back to the caller. Runs in Node tests as well as in the worker.
import { transfer } from 'comlink';
import type { AreaGeometry, CameraCollection, FeatureCollection, IncidentColumns } from '../model';
import { aggregateDense, aggregateH3, indexRows, levelCells, type DenseAggregate, type H3Aggregate } from '../analysis/incidents/aggregate-h3';
import { resolutionForZoom, type ZoomResolutionOptions } from '../analysis/h3/zoom-resolution';
import { assignPolygons, cameraStatsByPolygon, countByPolygon, type CameraStats, type PolygonAssignment, type PolygonCounts } from '../analysis/grids/grid-stats';
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
import { concentrationCurve, type ConcentrationCurve, type ConcentrationOptions } from '../analysis/evaluation/concentration';
import { cellProfile, type CellProfile } from '../analysis/incidents/cell-profile';
import { kernelDensity, pointsExtent, type KdeGrid, type LngLatBox } from '../analysis/stats/kde';
import { compileRowFilter } from '../analysis/incidents/row-filter';
import { getResolution } from 'h3-js';
import { emergingHotspots, type EmergingHotspotOptions, type EmergingHotspotResult } from '../analysis/stats/emerging-hotspots';
import { giStar, valuesOnArea, type GiStarResult } from '../analysis/stats/gi-star';
import { areaM2, paiForCells, paiForPolygons, type PaiResult } from '../analysis/evaluation/pai';
import { predictivePai, type FlaggedPai } from '../analysis/evaluation/predictive-pai';
import { boundaryCells } from '../analysis/h3/boundary-cells';
import { comparePeriods, type PeriodComparison } from '../analysis/incidents/period-compare';
import { buildPolygonIndex, type PolygonIndex } from '../analysis/areas/polygon-index';
import { hourWeekMatrix, timeSeries, type TimeSeries } from '../analysis/time/time-series';
import { warmUpColumns } from '../analysis/incidents/parallel-cells';
import { CellPool } from './cell-pool';
import { createRegisterApi } from './register-api';
import { createBriefingApi } from './briefing-api';
import { createCoverageApi } from './coverage-api';
import { createGridEditorApi } from './grid-editor-api';

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

interface PolygonSet {
  polygons: PolygonIndex;
  assignment: PolygonAssignment;
  /** The features' geometries, for areas (PAI). */
  geometries: (AreaGeometry | null)[];
  /** Sum of their geodesic areas, m², once asked for. */
  areaM2?: number;
}

/** A study area: its size in m², or the name of a registered polygon set whose areas add up to it. */
export type StudyArea = number | string;

/** Options of predictivePai. */
export interface PredictivePaiOptions {
  /** Share of the study area's cells flagged as "the busiest cells". Default 0.01. */
  topShare?: number;
  /** Gi* ring distance. Default 1. */
  k?: number;
  /** Listed hotspots scored on the current period: a polygon set and which of its polygons (mask). */
  listed?: { set: string; mask?: Uint8Array };
  /** A (m² or a polygon set). Default: the study boundary's area when set, else 'towns'. */
  studyArea?: StudyArea;
}

/** Predictive PAI rows (predictive-pai.ts) and what they were computed over. */
export interface PredictivePaiResult {
  top: FlaggedPai;
  giHot: FlaggedPai | null;
  /** Listed hotspots' PAI on the current period, when asked for. */
  listed: PaiResult | null;
  /** Cells of the study area at the resolution. */
  studyCells: number;
  /** Current-period incidents outside the study area's cells (not in N). */
  outside: number;
}

const DEFAULT_PARALLEL_FROM = 100_000;

/** Creates an API instance with its own state. The worker exposes one; tests make their own. */
export function createAnalysisApi(options: AnalysisApiOptions = {}) {
  let index: IncidentIndex | null = null;
  const sets = new Map<string, PolygonSet>();
  /** The assignments alone, as filters look them up by set name. */
  const assignments = new Map<string, PolygonAssignment>();
  let pool: CellPool | null = null;
  const getPool = (): CellPool | null => {
    if (!pool && options.cellPool) pool = typeof options.cellPool === 'function' ? options.cellPool() : options.cellPool;
    return pool;
  };

  const requireIndex = (): IncidentIndex => {
    if (!index) throw new Error('no incidents loaded: call loadIncidents first');
    return index;
  };
  let exactOnDemand = false;
  /** The index, with an exact level for `resolution` first when loaded with exactOnDemand. */
  const indexAt = (resolution: number): IncidentIndex => {
    const idx = requireIndex();
    if (exactOnDemand && resolution < idx.fineResolution && resolution >= idx.levels[0].resolution) addExactLevel(idx, resolution);
    return idx;
  };
  const requireSet = (name: string): PolygonSet => {
    const set = sets.get(name);
    if (!set) throw new Error(`no polygon set "${name}": call assignPolygons first (have: ${[...sets.keys()].join(', ') || 'none'})`);
    return set;
  };
  const register = (name: string, set: PolygonSet) => {
    sets.set(name, set);
    assignments.set(name, set.assignment);
  };
  let lastSummary: IndexSummary | null = null;
  /** Extent of every incident of the index, for density grids; found once per index. */
  let densityExtent: { index: IncidentIndex; box: LngLatBox | null } | null = null;
  /** The fixed study area of Gi*, trends and PAI (the county), and its cells per resolution. */
  let boundary: AreaGeometry | null = null;
  const boundaryCellsAt = new Map<number, string[]>();
  /** The study area's cells at `resolution`, or null when no boundary was set. */
  const studyCells = (resolution: number): string[] | null => {
    if (!boundary) return null;
    let cells = boundaryCellsAt.get(resolution);
    if (!cells) boundaryCellsAt.set(resolution, (cells = boundaryCells([boundary], resolution)));
    return cells;
  };
  const studyAreaM2 = (area: StudyArea): number => {
    if (typeof area === 'number') return area;
    const set = requireSet(area);
    set.areaM2 ??= set.geometries.reduce((sum, g) => sum + areaM2(g), 0);
    return set.areaM2;
  };

  return {
    ...createBriefingApi({ indexAt, assignments }),
    ...createRegisterApi({ indexAt: (res) => (res === undefined ? requireIndex() : indexAt(res)), assignments, studyCells, studyAreaM2: () => areaM2(boundary) }),
    ...createCoverageApi({ index: requireIndex, assignments, polygonSet: requireSet }),
    ...createGridEditorApi({ index: requireIndex, assignments }),

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
      for (const [name, set] of sets) register(name, { ...set, assignment: assignPolygons(set.polygons, idx.cols.lng, idx.cols.lat) });
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
     * before loadIncidents, which then does the locating.
     */
    assignPolygons(name: string, features: PolygonFeatures): PolygonSetSummary {
      const t0 = performance.now();
      const polygons = buildPolygonIndex(features.features);
      const cols = index?.cols ?? { lng: new Float64Array(0), lat: new Float64Array(0) };
      const assignment = assignPolygons(polygons, cols.lng, cols.lat);
      register(name, { polygons, assignment, geometries: features.features.map((f) => f.geometry) });
      return { name, polygonCount: polygons.count, outside: assignment.outside, ms: performance.now() - t0 };
    },

    /** Incidents kept by `filter` per polygon of set `name`, in feature order (transferred). */
    countByPolygon(name: string, filter: IncidentFilter | null): Uint32Array {
      const { counts } = countByPolygon(requireSet(name).assignment, indexRows(requireIndex()), filter, assignments);
      return transfer(counts, [counts.buffer]);
    },

    /** As countByPolygon, with the incidents outside every polygon and the total kept. */
    polygonCounts(name: string, filter: IncidentFilter | null): PolygonCounts {
      const result = countByPolygon(requireSet(name).assignment, indexRows(requireIndex()), filter, assignments);
      return transfer(result, [result.counts.buffer]);
    },

    /** Cameras and their online rate per polygon of set `name` (arrays transferred). */
    cameraStats(name: string, cameras: CameraCollection): CameraStats {
      const result = cameraStatsByPolygon(requireSet(name).polygons, cameras);
      return transfer(result, [result.total.buffer, result.online.buffer, result.onlineRate.buffer]);
    },

    /**
     * Fixes the study area of hotspots, emergingHotspots and predictivePai: the cells whose centres
     * lie inside `geometry` (the county) at each resolution asked for; null returns to the cells
     * within k rings of non-empty cells. Returns the boundary's area in m² (0 for null).
     */
    setStudyArea(geometry: AreaGeometry | null): number {
      boundary = geometry;
      boundaryCellsAt.clear();
      return areaM2(geometry);
    },

    /** The study area's cells at `resolution` (sorted), or null when no boundary is set. */
    studyAreaCells(resolution: number): string[] | null {
      return studyCells(resolution)?.slice() ?? null;
    },

    /**
     * Getis-Ord Gi* hot and cold spots of the filtered counts at `resolution`, over rings of `k`
     * cells (gi-star.ts), over the study area when one is set (`outside`: incidents in cells
     * outside it). Arrays transferred.
     */
    hotspots(filter: IncidentFilter | null, resolution: number, k = 1): GiStarResult {
      const idx = indexAt(resolution);
      const dense = aggregateDense(idx, filter, resolution, assignments);
      const result = giStar(levelCells(idx, resolution), dense.counts, { k, studyArea: studyCells(resolution) ?? undefined });
      return transfer(result, [result.counts.buffer, result.z.buffer, result.p.buffer, result.q.buffer]);
    },

    /**
     * Predictive PAI (predictive-pai.ts): the busiest cells and the Gi* hot cells of `previous`
     * ([fromSec, toSec)) scored on `current`, at `resolution`, over the study area when one is set,
     * under the rest of the filter; the listed hotspots scored on `current`. N is the current
     * period's incidents in the study area's cells.
     */
    predictivePai(filter: IncidentFilter | null, resolution: number, current: [number, number], previous: [number, number], opts: PredictivePaiOptions = {}): PredictivePaiResult {
      const idx = indexAt(resolution);
      const level = levelCells(idx, resolution);
      const fixed = studyCells(resolution);
      const cells = fixed ?? level;
      const countsIn = ([fromSec, toSec]: [number, number]) => valuesOnArea(cells, level, aggregateDense(idx, { ...filter, fromSec, toSec }, resolution, assignments).counts);
      const cur = countsIn(current);
      const prev = countsIn(previous);
      const areaM2Total = studyAreaM2(opts.studyArea ?? (boundary ? areaM2(boundary) : 'towns'));
      const topK = Math.max(1, Math.round(cells.length * (opts.topShare ?? 0.01)));
      const rows = predictivePai({ cells, previous: prev.x, current: cur.x, studyAreaM2: areaM2Total, topK, giK: opts.k ?? 1, fixedArea: fixed !== null });
      let listed: PaiResult | null = null;
      if (opts.listed) {
        const set = requireSet(opts.listed.set);
        const mask = opts.listed.mask;
        const inside = countByPolygon(set.assignment, indexRows(idx), { ...filter, fromSec: current[0], toSec: current[1] }, assignments).counts;
        const chosen = (k: number) => !mask || (mask[k] ?? 0) !== 0;
        listed = paiForPolygons(set.geometries.filter((_, k) => chosen(k)), inside.filter((_, k) => chosen(k)), rows.top.total, areaM2Total);
      }
      return { ...rows, listed, studyCells: cells.length, outside: cur.outside };
    },

    /**
     * Emerging hot-spot category per cell over consecutive periods ([fromSec, toSec) each, oldest
     * first) under the rest of the filter (emerging-hotspots.ts), over the study area when set.
     */
    emergingHotspots(filter: IncidentFilter | null, resolution: number, periods: Array<[number, number]>, opts?: EmergingHotspotOptions): EmergingHotspotResult {
      const idx = indexAt(resolution);
      const counts = periods.map(([fromSec, toSec]) => aggregateDense(idx, { ...filter, fromSec, toSec }, resolution, assignments).counts);
      return emergingHotspots(levelCells(idx, resolution), counts, { ...opts, studyArea: opts?.studyArea ?? studyCells(resolution) ?? undefined });
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

    /**
     * How concentrated the filtered incidents are over the cells of `resolution`: the curve and
     * the share of cells holding half of them (concentration.ts). With a study area set (and no
     * studyAreaCells given) the cells are the study area's, empty ones included, and incidents
     * outside it are left out (Weisburd's share is of the place's area, not of busy cells);
     * without one the denominator is studyAreaCells, or the cells holding any incident at all.
     * Arrays transferred.
     */
    concentration(filter: IncidentFilter | null, resolution: number, opts?: ConcentrationOptions): ConcentrationCurve {
      const idx = indexAt(resolution);
      const counts = aggregateDense(idx, filter, resolution, assignments).counts;
      const fixed = opts?.studyAreaCells === undefined ? studyCells(resolution) : null;
      const result = fixed
        ? concentrationCurve(valuesOnArea(fixed, levelCells(idx, resolution), counts).x, { ...opts, studyAreaCells: fixed.length })
        : concentrationCurve(counts, opts);
      return transfer(result, [result.cellShare.buffer, result.incidentShare.buffer]);
    },

    /**
     * PAI of the H3 cells `cells` (at `resolution`) for the filtered incidents: their share of
     * incidents over their share of `studyArea` (m², or a polygon set whose areas add up to it;
     * default 'towns').
     */
    paiForCells(filter: IncidentFilter | null, resolution: number, cells: string[], studyArea: StudyArea = 'towns'): PaiResult {
      const idx = indexAt(resolution);
      const dense = aggregateDense(idx, filter, resolution, assignments);
      return paiForCells(cells, { cells: levelCells(idx, resolution), counts: dense.counts }, dense.total, studyAreaM2(studyArea));
    },

    /**
     * PAI of the polygons of set `name` (those with mask[k] non-zero when a mask is given) for the
     * filtered incidents, against `studyArea` (m² or a polygon set; default 'towns').
     */
    paiForPolygons(filter: IncidentFilter | null, name: string, studyArea: StudyArea = 'towns', mask?: Uint8Array): PaiResult {
      const set = requireSet(name);
      const counts = countByPolygon(set.assignment, indexRows(requireIndex()), filter, assignments);
      const chosen = (k: number) => !mask || (mask[k] ?? 0) !== 0;
      const geometries = set.geometries.filter((_, k) => chosen(k));
      const inside = counts.counts.filter((_, k) => chosen(k));
      return paiForPolygons(geometries, inside, counts.total, studyAreaM2(studyArea));
    },

    /** Forgets polygon set `name`; true when it existed. */
    dropPolygons(name: string): boolean {
      assignments.delete(name);
      return sets.delete(name);
    },
  };
}

/** The API the analysis worker exposes. */
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
