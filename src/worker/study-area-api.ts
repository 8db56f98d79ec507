// Worker: the study-area statistics of the analysis API — the fixed study area (the county), Gi*
// hot and cold spots, emerging hot spots, concentration and PAI. They read the incident index and
// the polygon sets that analysis-api.ts holds; the study area's cells are kept here per resolution
// because boundaryCells is the costly step and every one of these asks for them.
import { transfer } from 'comlink';
import type { AreaGeometry } from '../model';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import type { IncidentIndex } from '../analysis/incidents/incident-index';
import { aggregateDense, indexRows, levelCells } from '../analysis/incidents/aggregate-h3';
import { countByPolygon, countInAny } from '../analysis/grids/grid-stats';
import { concentrationCurve, type ConcentrationCurve, type ConcentrationOptions } from '../analysis/evaluation/concentration';
import { emergingHotspots, type EmergingHotspotOptions, type EmergingHotspotResult } from '../analysis/stats/emerging-hotspots';
import { giStar, valuesOnArea, type GiStarResult } from '../analysis/stats/gi-star';
import { areaM2, paiForCells, paiForUnion, type PaiResult } from '../analysis/evaluation/pai';
import { predictivePai, type FlaggedPai } from '../analysis/evaluation/predictive-pai';
import { boundaryCells } from '../analysis/h3/boundary-cells';
import type { PolygonRegistry, StudyArea } from './polygon-registry';

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

/** The fixed study area (null: none) and its cells per resolution. */
export interface StudyAreaState {
  geometry: AreaGeometry | null;
  cells: Map<number, string[]>;
}

export function createStudyArea(): StudyAreaState {
  return { geometry: null, cells: new Map() };
}

/** The study area's cells at `resolution`, or null when no boundary is set. */
export function studyAreaCellsAt(study: StudyAreaState, resolution: number): string[] | null {
  if (!study.geometry) return null;
  let cells = study.cells.get(resolution);
  if (!cells) study.cells.set(resolution, (cells = boundaryCells([study.geometry], resolution)));
  return cells;
}

interface StudyAreaApiContext {
  requireIndex: () => IncidentIndex;
  indexAt: (resolution: number) => IncidentIndex;
  sets: PolygonRegistry;
  study: StudyAreaState;
}

export function createStudyAreaApi({ requireIndex, indexAt, sets, study }: StudyAreaApiContext) {
  const { assignments } = sets;
  const studyCells = (resolution: number) => studyAreaCellsAt(study, resolution);
  return {
    /**
     * Fixes the study area of hotspots, emergingHotspots and predictivePai: the cells whose centres
     * lie inside `geometry` (the county) at each resolution asked for; null returns to the cells
     * within k rings of non-empty cells. Returns the boundary's area in m² (0 for null).
     */
    setStudyArea(geometry: AreaGeometry | null): number {
      study.geometry = geometry;
      study.cells.clear();
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
      const areaM2Total = sets.areaM2(opts.studyArea ?? (study.geometry ? areaM2(study.geometry) : 'towns'));
      const topK = Math.max(1, Math.round(cells.length * (opts.topShare ?? 0.01)));
      const rows = predictivePai({ cells, previous: prev.x, current: cur.x, studyAreaM2: areaM2Total, topK, giK: opts.k ?? 1, fixedArea: fixed !== null });
      let listed: PaiResult | null = null;
      if (opts.listed) {
        const set = sets.require(opts.listed.set);
        const mask = opts.listed.mask;
        const chosen = (k: number) => !mask || (mask[k] ?? 0) !== 0;
        // All listed areas together: each incident once, the union's area (areas may overlap).
        const caught = countInAny(set.assignment, indexRows(idx), chosenMask(set.assignment.polygonCount, chosen), { ...filter, fromSec: current[0], toSec: current[1] }, assignments);
        listed = paiForUnion(set.geometries.filter((_, k) => chosen(k)), caught, rows.top.total, areaM2Total);
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
      return paiForCells(cells, { cells: levelCells(idx, resolution), counts: dense.counts }, dense.total, sets.areaM2(studyArea));
    },

    /**
     * PAI of the polygons of set `name` (those with mask[k] non-zero when a mask is given) for the
     * filtered incidents, against `studyArea` (m² or a polygon set; default 'towns').
     */
    paiForPolygons(filter: IncidentFilter | null, name: string, studyArea: StudyArea = 'towns', mask?: Uint8Array): PaiResult {
      const set = sets.require(name);
      const rows = indexRows(requireIndex());
      const total = countByPolygon(set.assignment, rows, filter, assignments).total;
      const chosen = (k: number) => !mask || (mask[k] ?? 0) !== 0;
      // The chosen polygons together: each incident once, the union's area (they may overlap).
      const caught = countInAny(set.assignment, rows, chosenMask(set.assignment.polygonCount, chosen), filter, assignments);
      return paiForUnion(set.geometries.filter((_, k) => chosen(k)), caught, total, sets.areaM2(studyArea));
    },
  };
}

/** A 0/1 mask over `count` polygons from a predicate. */
function chosenMask(count: number, chosen: (k: number) => boolean): Uint8Array {
  const mask = new Uint8Array(count);
  for (let k = 0; k < count; k++) mask[k] = chosen(k) ? 1 : 0;
  return mask;
}
