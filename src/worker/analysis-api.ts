// Worker: the analysis API object. It holds the incident index and polygon assignments in the
// worker's memory and wraps the pure functions of src/analysis; typed-array results are marked
// for transfer (zero copy) back to the caller. Runs in Node tests as well as in the worker.
import { transfer } from 'comlink';
import type { AreaGeometry, CameraCollection, FeatureCollection, IncidentColumns } from '../model';
import { aggregateH3, type H3Aggregate } from '../analysis/aggregate-h3';
import { resolutionForZoom, type ZoomResolutionOptions } from '../analysis/zoom-resolution';
import { assignPolygons, cameraStatsByPolygon, countByPolygon, type CameraStats, type PolygonAssignment, type PolygonCounts } from '../analysis/grid-stats';
import type { IncidentFilter } from '../analysis/incident-filter';
import { buildIncidentIndex, indexMemory, indexResolutions, type IncidentIndex, type IncidentIndexOptions, type IndexMemory } from '../analysis/incident-index';
import { buildPolygonIndex, type PolygonIndex } from '../analysis/polygon-index';

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
  /** Time the build took, milliseconds. */
  buildMs: number;
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

interface PolygonSet {
  polygons: PolygonIndex;
  assignment: PolygonAssignment;
}

/** Creates an API instance with its own state. The worker exposes one; tests make their own. */
export function createAnalysisApi() {
  let index: IncidentIndex | null = null;
  const sets = new Map<string, PolygonSet>();

  const requireIndex = (): IncidentIndex => {
    if (!index) throw new Error('no incidents loaded: call loadIncidents first');
    return index;
  };
  const requireSet = (name: string): PolygonSet => {
    const set = sets.get(name);
    if (!set) throw new Error(`no polygon set "${name}": call assignPolygons first (have: ${[...sets.keys()].join(', ') || 'none'})`);
    return set;
  };
  const summarise = (idx: IncidentIndex, buildMs: number): IndexSummary => ({
    count: idx.count,
    fineResolution: idx.fineResolution,
    resolutions: indexResolutions(idx),
    distinctCells: idx.levels.map((l) => l.size),
    memory: indexMemory(idx),
    buildMs,
  });
  let lastSummary: IndexSummary | null = null;

  return {
    /**
     * Indexes incident columns (send them transferred). Polygon sets already registered are
     * assigned again for the new incidents.
     */
    loadIncidents(cols: IncidentColumns, opts?: IncidentIndexOptions): IndexSummary {
      const t0 = performance.now();
      const idx = buildIncidentIndex(cols, opts);
      lastSummary = summarise(idx, performance.now() - t0);
      index = idx;
      for (const set of sets.values()) set.assignment = assignPolygons(set.polygons, idx.cols.lng, idx.cols.lat);
      return lastSummary;
    },

    /** The summary of the loaded index, or null before loadIncidents. */
    summary(): IndexSummary | null {
      return lastSummary;
    },

    /** The indexed H3 resolution that suits map `zoom` (see analysis/aggregate-h3). */
    resolutionForZoom(zoom: number, opts?: Omit<ZoomResolutionOptions, 'available'>): number {
      return resolutionForZoom(zoom, { ...opts, available: indexResolutions(requireIndex()) });
    },

    /** Incident counts per non-empty H3 cell at `resolution`; counts come back transferred. */
    aggregate(filter: IncidentFilter | null, resolution: number): H3Aggregate {
      const result = aggregateH3(requireIndex(), filter, resolution);
      return transfer(result, [result.counts.buffer]);
    },

    /**
     * Registers polygons under `name` (e.g. 'grids', 'towns', 'hotspots') and locates every
     * incident in them once; later counts under any filter are a single pass. May come before
     * loadIncidents, which then does the locating.
     */
    assignPolygons(name: string, features: PolygonFeatures): PolygonSetSummary {
      const t0 = performance.now();
      const polygons = buildPolygonIndex(features.features);
      const cols = index?.cols ?? { lng: new Float64Array(0), lat: new Float64Array(0) };
      const assignment = assignPolygons(polygons, cols.lng, cols.lat);
      sets.set(name, { polygons, assignment });
      return { name, polygonCount: polygons.count, outside: assignment.outside, ms: performance.now() - t0 };
    },

    /** Incidents kept by `filter` per polygon of set `name`, in feature order (transferred). */
    countByPolygon(name: string, filter: IncidentFilter | null): Uint32Array {
      const { counts } = countByPolygon(requireSet(name).assignment, requireIndex().cols, filter);
      return transfer(counts, [counts.buffer]);
    },

    /** As countByPolygon, with the incidents outside every polygon and the total kept. */
    polygonCounts(name: string, filter: IncidentFilter | null): PolygonCounts {
      const result = countByPolygon(requireSet(name).assignment, requireIndex().cols, filter);
      return transfer(result, [result.counts.buffer]);
    },

    /** Cameras and their online rate per polygon of set `name` (arrays transferred). */
    cameraStats(name: string, cameras: CameraCollection): CameraStats {
      const result = cameraStatsByPolygon(requireSet(name).polygons, cameras);
      return transfer(result, [result.total.buffer, result.online.buffer, result.onlineRate.buffer]);
    },

    /** Forgets polygon set `name`; true when it existed. */
    dropPolygons(name: string): boolean {
      return sets.delete(name);
    },
  };
}

/** The API the analysis worker exposes. */
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
