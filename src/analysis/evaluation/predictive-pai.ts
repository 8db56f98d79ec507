// Analysis (PURE): PAI used as criminologists define it — a predictive measure. Cells are chosen
// on one period (the busiest cells, or the Gi* hot cells) and scored on the NEXT period of equal
// length (Chainey, Tompson & Uhlig 2008): choosing and scoring on the same counts would make the
// busiest cells as good as they can be by construction. Imports only sibling analysis modules.
import { giStar } from '../stats/gi-star';
import { localMidnight } from '../time/calendar-periods';
import { zoneOffsetMs } from '../time/zoned-time';
import { paiForCells, topKCells, type PaiResult } from './pai';

const DAY_MS = 86_400_000;

/** Counts of one resolution's cells in the period cells are chosen on and the one they are scored on. */
export interface PredictivePaiInput {
  /** The study area's cells (or all cells counted), sorted; `previous` and `current` follow it. */
  cells: readonly string[];
  /** Counts per cell in the period the cells are chosen on. */
  previous: ArrayLike<number>;
  /** Counts per cell in the period they are scored on. N is their sum. */
  current: ArrayLike<number>;
  /** Study area A, m². */
  studyAreaM2: number;
  /** How many of the busiest cells to flag. */
  topK: number;
  /** Ring distance of the Gi* neighbourhood. */
  giK: number;
  /** Whether `cells` is a fixed study area (the Gi* of the previous period is computed over it). */
  fixedArea: boolean;
}

/** A PAI row and how many cells were flagged for it. */
export type FlaggedPai = PaiResult & { flaggedCells: number };

export interface PredictivePai {
  /** The topK busiest cells of `previous`, scored on `current`. */
  top: FlaggedPai;
  /** The Gi* hot cells (any confidence) of `previous`, scored on `current`; null when none are hot. */
  giHot: FlaggedPai | null;
}

/**
 * Predictive PAI of the busiest cells and of the Gi* hot cells: flagged on `previous`, scored on
 * `current` as (n/N) ÷ (a/A), a the flagged cells' h3 area in m². Throws a RangeError when the
 * arrays' lengths differ from `cells`.
 */
export function predictivePai(input: PredictivePaiInput): PredictivePai {
  const { cells, previous, current, studyAreaM2 } = input;
  if (previous.length !== cells.length || current.length !== cells.length) {
    throw new RangeError(`${cells.length} cells but ${previous.length} previous and ${current.length} current counts`);
  }
  let total = 0;
  for (let i = 0; i < current.length; i++) total += current[i];
  const scored = { cells, counts: current };
  const topCells = topKCells(cells, previous, input.topK);
  const top = { ...paiForCells(topCells, scored, total, studyAreaM2), flaggedCells: topCells.length };
  const gi = giStar(cells, previous, { k: input.giK, studyArea: input.fixedArea ? cells : undefined });
  const hot = gi.cells.filter((_, i) => gi.classes[i].startsWith('hot'));
  const giHot = hot.length > 0 ? { ...paiForCells(hot, scored, total, studyAreaM2), flaggedCells: hot.length } : null;
  return { top, giHot };
}

/** The period cells are scored on and the one before it they are chosen on, epoch ms [from, to). */
export interface PaiPeriods {
  current: [number, number];
  previous: [number, number];
  /** 'range': the chosen range and the one of equal length before it; 'halves': no range was chosen. */
  basis: 'range' | 'halves';
}

/**
 * The periods of a predictive PAI. With a chosen range [from, to): it is scored on, and the range
 * of equal length just before it is chosen on. Without one (the whole dataset): the dataset's
 * whole local days up to its last incident's day, split in two halves of ⌊D/2⌋ days — the later
 * half scored, the earlier one chosen on (the oldest day is dropped when D is odd). Every date
 * is a local midnight in `timeZone`. `dataRange` is the first and last incident, epoch ms.
 */
export function paiPeriods(range: [number, number] | null, dataRange: [number, number], timeZone: string): PaiPeriods {
  if (range) {
    const len = range[1] - range[0];
    return { current: [range[0], range[1]], previous: [range[0] - len, range[0]], basis: 'range' };
  }
  const last = new Date(dataRange[1] + zoneOffsetMs(dataRange[1], timeZone));
  const [y, m, d] = [last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()];
  const end = localMidnight(timeZone, y, m, d + 1);
  const first = new Date(dataRange[0] + zoneOffsetMs(dataRange[0], timeZone));
  const start = localMidnight(timeZone, first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate());
  // Whole local days; rounding absorbs a daylight-saving hour.
  const half = Math.max(1, Math.floor(Math.round((end - start) / DAY_MS) / 2));
  const mid = localMidnight(timeZone, y, m, d + 1 - half);
  return { current: [mid, end], previous: [localMidnight(timeZone, y, m, d + 1 - 2 * half), mid], basis: 'halves' };
}
