// Map: coverage cells made readable at low zoom. Resolution-11 cells (edge ≈ 25 m) are under a
// pixel at county zoom, so below street zoom the covered and blind cells are drawn as their
// parents at a coarser H3 resolution: a parent's covered share (covered children ÷ all its
// children, i.e. the share of its area covered) and its blind-spot incidents (the sum over its
// uncovered children). Memoised per cell list and resolution: a zoom back reuses the result.
import { cellToParent, getResolution } from 'h3-js';

/** The resolution coverage is drawn at for a zoom: coarser below street zoom, never finer than the data. */
export function coverageDrawResolution(zoom: number, dataRes: number): number {
  const res = zoom < 10 ? 7 : zoom < 12 ? 8 : zoom < 14 ? 9 : dataRes;
  return Math.min(res, dataRes);
}

export interface ParentCells {
  cells: string[];
  /** Per parent: covered share of its area (covered) or summed counts (blind). */
  values: Float64Array;
}

const shareMemo = new WeakMap<readonly string[], Map<number, ParentCells>>();
const sumMemo = new WeakMap<readonly string[], Map<number, ParentCells>>();

function memo(store: WeakMap<readonly string[], Map<number, ParentCells>>, cells: readonly string[], res: number, make: () => ParentCells): ParentCells {
  let byRes = store.get(cells);
  if (!byRes) store.set(cells, (byRes = new Map()));
  let r = byRes.get(res);
  if (!r) byRes.set(res, (r = make()));
  return r;
}

/** Parents at `res` of covered cells, each with the share of its children covered. */
export function coveredShareByParent(cells: readonly string[], res: number): ParentCells {
  return memo(shareMemo, cells, res, () => {
    if (cells.length === 0) return { cells: [], values: new Float64Array(0) };
    const children = 7 ** (getResolution(cells[0]) - res);
    const n = new Map<string, number>();
    for (const c of cells) {
      const p = cellToParent(c, res);
      n.set(p, (n.get(p) ?? 0) + 1);
    }
    return { cells: [...n.keys()], values: Float64Array.from(n.values(), (k) => Math.min(1, k / children)) };
  });
}

/** Parents at `res` of blind cells, each with the sum of its children's counts. */
export function countSumByParent(cells: readonly string[], counts: ArrayLike<number>, res: number): ParentCells {
  return memo(sumMemo, cells, res, () => {
    const n = new Map<string, number>();
    for (let i = 0; i < cells.length; i++) {
      const p = cellToParent(cells[i], res);
      n.set(p, (n.get(p) ?? 0) + counts[i]);
    }
    return { cells: [...n.keys()], values: Float64Array.from(n.values()) };
  });
}
