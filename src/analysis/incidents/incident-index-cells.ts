// Analysis (PURE): the H3 indexes of an incident index's cells, as split longs and as cached
// strings. Imports only sibling pure modules; no DOM.
import { h3ParentHi, h3ParentLo, h3ToString } from '../h3/h3-bits';
import type { ExactLevel, IncidentIndex } from './incident-index-types';

/**
 * Full split-long H3 indexes of every cell of level `position`, in the level's (H3) order: the
 * parent of the fine cell holding each cell's first row (found by binary search of the fine runs).
 */
export function levelSplitLongs(index: IncidentIndex, position: number): { hi: Uint32Array; lo: Uint32Array } {
  const fine = index.levels[index.levels.length - 1];
  if (position === index.levels.length - 1) return { hi: index.fineHi, lo: index.fineLo };
  const { rowStart, size, resolution } = index.levels[position];
  const hi = new Uint32Array(size);
  const lo = new Uint32Array(size);
  let f = 0;
  for (let c = 0; c < size; c++) {
    // Last fine cell starting at or before the row: cells ascend, so search from the previous.
    let a = f;
    let b = fine.size - 1;
    const row = rowStart[c];
    while (a < b) {
      const m = (a + b + 1) >>> 1;
      if (fine.rowStart[m] <= row) a = m;
      else b = m - 1;
    }
    f = a;
    hi[c] = h3ParentHi(index.fineHi[f], resolution);
    lo[c] = h3ParentLo(index.fineLo[f], resolution);
  }
  return { hi, lo };
}

const CELL_STRINGS = new WeakMap<object, string[]>();

/**
 * H3 index strings of the cells `ords` of level `position`. Strings are made on first request
 * and kept per cell (≈ 40 bytes each, not counted in indexMemory), so repeated aggregations at a
 * resolution cost no string work.
 */
export function levelCellIds(index: IncidentIndex, position: number, ords: ArrayLike<number>): string[] {
  return cellIds(index.levels[position], index.levels[position].size, () => levelSplitLongs(index, position), ords);
}

/** H3 index strings of the cells `ords` of an exact level (cached as for levelCellIds). */
export function exactCellIds(level: ExactLevel, ords: ArrayLike<number>): string[] {
  return cellIds(level, level.size, () => level, ords);
}

/** Every cell of level `position` as H3 strings, in ordinal order (cached: do not modify). */
export function allLevelCellIds(index: IncidentIndex, position: number): readonly string[] {
  const level = index.levels[position];
  return allCellIds(level, level.size, () => levelSplitLongs(index, position));
}

/** Every cell of an exact level as H3 strings, in ordinal order (cached: do not modify). */
export function allExactCellIds(level: ExactLevel): readonly string[] {
  return allCellIds(level, level.size, () => level);
}

function allCellIds(key: object, size: number, split: () => { hi: Uint32Array; lo: Uint32Array }): string[] {
  let cache = CELL_STRINGS.get(key);
  if (!cache) {
    cache = new Array<string>(size);
    CELL_STRINGS.set(key, cache);
  }
  let hiLo: { hi: Uint32Array; lo: Uint32Array } | null = null;
  for (let c = 0; c < size; c++) {
    if (cache[c] !== undefined) continue;
    hiLo ??= split();
    cache[c] = h3ToString(hiLo.hi[c], hiLo.lo[c]);
  }
  return cache;
}

function cellIds(key: object, size: number, split: () => { hi: Uint32Array; lo: Uint32Array }, ords: ArrayLike<number>): string[] {
  let cache = CELL_STRINGS.get(key);
  if (!cache) {
    cache = new Array<string>(size);
    CELL_STRINGS.set(key, cache);
  }
  const out = new Array<string>(ords.length);
  let hiLo: { hi: Uint32Array; lo: Uint32Array } | null = null;
  for (let k = 0; k < ords.length; k++) {
    const c = ords[k];
    let id = cache[c];
    if (id === undefined) {
      hiLo ??= split();
      id = cache[c] = h3ToString(hiLo.hi[c], hiLo.lo[c]);
    }
    out[k] = id;
  }
  return out;
}
