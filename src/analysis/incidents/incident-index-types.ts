// Analysis (PURE): the shapes of the columnar incident index — options, H3 levels, exact levels,
// memory and build plan. Types only; no DOM. See incident-index.ts for the layout and the why.
import type { IncidentColumns } from '../../model/incident';
import type { LocalTimeColumns } from '../time/hour-of-week';

/** Options of {@link buildIncidentIndex}. */
export interface IncidentIndexOptions {
  /** H3 resolution of the one cell computed per incident. Default 11 (edge ≈ 29 m). */
  fineResolution?: number;
  /**
   * Coarsest resolution to index; every resolution from it to the fine one is available. Default
   * 5 (edge ≈ 8.5 km), so 5–10 above the fine 11.
   */
  coarsestResolution?: number;
  /**
   * Resolutions to locate exactly, each with its own cell per incident (2–4 bytes an incident
   * each). Default none. H3 cells do not nest exactly: about 7 % of points lie outside the hexagon
   * of their fine cell's parent, next door to it. Parent counts are consistent across zoom levels
   * (children sum to parents); exact counts match the hexagon drawn. Must lie within
   * coarsestResolution…fineResolution − 1.
   */
  exactResolutions?: readonly number[];
  /** IANA zone the dataset's local times are read in (hour of week, days): the dataset's own, so required. */
  timeZone: string;
}

/**
 * The distinct cells of one resolution, sorted by H3 index. Cell c owns index rows
 * rowStart[c] … rowStart[c + 1] − 1.
 */
export interface H3Level {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /** size + 1 row offsets. */
  rowStart: Uint32Array;
}

/** A resolution located per incident with its own cell, exact rather than an H3 parent. */
export interface ExactLevel {
  resolution: number;
  /** Number of distinct cells. */
  size: number;
  /**
   * Rows in runs of one cell: run r holds rows runStart[r] … runStart[r + 1] − 1, all in cell
   * runOrd[r]. Rows are sorted by fine cell and most fine cells lie wholly inside one cell of a
   * coarser resolution, so there are about as many runs as fine cells, far fewer than rows:
   * counting is then a pass over contiguous rows, as for a parent level, plus one lookup a run.
   */
  runStart: Uint32Array;
  /** The cell ordinal of each run (Uint16 while there are at most 65,536 cells). */
  runOrd: Uint16Array | Uint32Array;
  /** Upper and lower 32 bits of each cell's H3 index, sorted by index. */
  hi: Uint32Array;
  lo: Uint32Array;
}

/** Incidents in columns, ordered by fine cell, with the H3 levels and local-time columns. */
export interface IncidentIndex {
  /** Number of incidents. */
  count: number;
  /** The incident columns in index order (copies; the columns given are left untouched). */
  cols: IncidentColumns;
  /** order[k]: the row of the columns given to the build that index row k holds. */
  order: Uint32Array;
  fineResolution: number;
  /** The distinct fine cells as split longs, sorted by H3 index (the last level's cells). */
  fineHi: Uint32Array;
  fineLo: Uint32Array;
  /** One level per resolution, coarsest first; the last is the fine resolution. */
  levels: H3Level[];
  /** Resolutions located exactly per incident (see IncidentIndexOptions.exactResolutions). */
  exact: ExactLevel[];
  /** Local hour of week and day of every row, in the dataset's zone. */
  time: LocalTimeColumns;
  /** Earliest and latest incident time, epoch seconds (0 and 0 when empty). */
  minSec: number;
  maxSec: number;
}

/** Bytes held by the typed arrays of an index. */
export interface IndexMemory {
  /** lng, lat (Float64), timeSec (Uint32), category (Uint16): 22 bytes an incident. */
  columnBytes: number;
  /** The input-row order: 4 bytes an incident. */
  orderBytes: number;
  /** Hour of week (Uint8) and day (Uint16): 3 bytes an incident. */
  localTimeBytes: number;
  /** Distinct cells and row offsets of every level, and exact levels if any. */
  levelBytes: number;
  totalBytes: number;
  /** totalBytes ÷ count; 0 for an empty index. */
  bytesPerIncident: number;
}

/** What a build needs settled before any work: the validated options. */
export interface IndexPlan {
  count: number;
  fineResolution: number;
  coarsestResolution: number;
  exactResolutions: number[];
  timeZone: string;
}

/** Local hour of week and day per input row, as the cell workers compute them with the cells. */
export type InputLocalTime = Pick<LocalTimeColumns, 'hourOfWeek' | 'day' | 'firstDay' | 'dayCount'>;
