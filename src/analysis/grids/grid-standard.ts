// Analysis (PURE): the grid standard — about 300 households per grid (DOMAIN.md); a grid is
// flagged below 200 or above 400. Both bounds and the target are settings.

export interface GridStandard {
  /** Target households per grid. Default 300. */
  target: number;
  /** Flagged below this many households. Default 200. */
  min: number;
  /** Flagged above this many households. Default 400. */
  max: number;
}

export const DEFAULT_GRID_STANDARD: GridStandard = { target: 300, min: 200, max: 400 };

export type StandardFlag = 'below' | 'within' | 'above';

/** Where a grid's households stand against the standard (the bounds themselves are within). */
export function standardFlag(households: number, standard: GridStandard = DEFAULT_GRID_STANDARD): StandardFlag {
  return households < standard.min ? 'below' : households > standard.max ? 'above' : 'within';
}
