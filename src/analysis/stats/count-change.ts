// Analysis (PURE): is a change between two counts larger than chance? For Poisson counts the square root is
// variance-stabilising (Var √X ≈ 1/4), so z = 2(√c − √p) is about standard normal when nothing changed; crime
// analysts call a change significant when |z| > 2. Small counts therefore never "shout": 1 → 2 (+100 %) has
// z ≈ 0.83, "no clear change". Used by every 同比 / 环比 a leader sees (KPI cards, grids, hotspots).

export interface CountChange {
  /** Count in the current period (c). */
  current: number;
  /** Count in the period compared with (p). */
  previous: number;
  /** c − p. */
  difference: number;
  /** (c − p) / p, or null when p = 0 (a share of nothing is not a figure). */
  relative: number | null;
  /** 2(√c − √p). */
  z: number;
  /** |z| > 2. */
  significant: boolean;
  /** 'up' / 'down' when significant, otherwise 'none'. */
  direction: 'up' | 'down' | 'none';
}

/** The threshold on |2(√c − √p)|. */
export const COUNT_CHANGE_Z = 2;

export function countChange(current: number, previous: number): CountChange {
  if (!(current >= 0) || !(previous >= 0)) throw new RangeError(`counts must be ≥ 0 (got ${current}, ${previous})`);
  const z = 2 * (Math.sqrt(current) - Math.sqrt(previous));
  const significant = Math.abs(z) > COUNT_CHANGE_Z;
  return {
    current,
    previous,
    difference: current - previous,
    relative: previous > 0 ? (current - previous) / previous : null,
    z,
    significant,
    direction: significant ? (z > 0 ? 'up' : 'down') : 'none',
  };
}
