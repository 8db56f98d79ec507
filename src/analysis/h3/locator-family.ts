// Analysis (PURE): the family offsets of the cell locator — where the 7³ descendants of an H3 cell
// sit on a tile's lattice, read from cellToLocalIj and checked. Imports only h3-js and sibling pure
// modules; no DOM. See cell-locator.ts for the why.
import { cellToLocalIj } from 'h3-js';
import { isPentagonBase } from './h3-frames';
import { h3ChildHi, h3ChildLo, h3Digit, h3ParentHi, h3ParentLo } from './h3-bits';

export const FAMILY_DEPTH = 3; // one latLngToCell teaches the 7³ descendants of the ancestor 3 levels up
export const FAMILY_SIZE = 7 ** FAMILY_DEPTH;
const FAMILY_STATE = 14 * FAMILY_DEPTH; // index of a family table's state
const NO_FAMILY = 0;
const FAMILY_OK = 1;
const CHECKS: ReadonlyArray<readonly number[]> = [[1, 1, 1], [6, 3, 2], [4, 5, 6]];


/**
 * The digit offsets of one locator (one resolution `res`), per tile and frame, read on first use
 * and kept. A tile's local IJ origin is passed in with each call.
 */
export class FamilyOffsets {
  /** Per (tile, base cell, pentagon sector): digit offsets of the last FAMILY_DEPTH resolutions. */
  private readonly tables = new Map<number, Int32Array>();

  constructor(private readonly res: number) {}

  /**
   * Lattice offsets of the 7 digits at each of the FAMILY_DEPTH resolutions above and at res
   * (14 entries a level; the state at FAMILY_STATE) for cells of this tile in the frame of (hi,
   * lo) — its base cell and, in a pentagon base cell, its leading non-zero digit (H3 rotates each
   * pentagon sector differently) — read once from cellToLocalIj and checked on three more cells;
   * null where they cannot be trusted.
   */
  offsets(tile: number, origin: [number, number], hi: number, lo: number): Int32Array | null {
    const top = this.res - FAMILY_DEPTH;
    if (top < 1) return null;
    const base = (hi >>> 13) & 0x7f;
    let sector = 0;
    if (isPentagonBase(base)) {
      // The ancestor must not be the pentagon itself, whose children lack a digit.
      for (let k = 1; k <= top && sector === 0; k++) sector = h3Digit(hi, lo, k);
      if (sector === 0) return null;
    }
    const key = (tile * 128 + base) * 8 + sector;
    let table = this.tables.get(key);
    if (!table) {
      table = new Int32Array(FAMILY_STATE + 1);
      this.tables.set(key, table);
      const aHi = h3ParentHi(hi, top);
      const aLo = h3ParentLo(lo, top);
      const digits = (level: number, d: number) => Array.from({ length: FAMILY_DEPTH }, (_, k) => (k === level - 1 ? d : 0));
      try {
        const zero = this.memberIj(origin, aHi, aLo, digits(1, 0));
        for (let level = 1; level <= FAMILY_DEPTH; level++) {
          for (let d = 0; d < 7; d++) {
            const p = this.memberIj(origin, aHi, aLo, digits(level, d));
            table[14 * (level - 1) + 2 * d] = p.i - zero.i;
            table[14 * (level - 1) + 2 * d + 1] = p.j - zero.j;
          }
        }
        let ok = true;
        for (const pick of CHECKS) {
          const ds = Array.from({ length: FAMILY_DEPTH }, (_, k) => pick[k % pick.length]);
          const p = this.memberIj(origin, aHi, aLo, ds);
          let i = zero.i;
          let j = zero.j;
          ds.forEach((d, k) => ((i += table![14 * k + 2 * d]), (j += table![14 * k + 2 * d + 1])));
          ok &&= p.i === i && p.j === j;
        }
        table[FAMILY_STATE] = ok ? FAMILY_OK : NO_FAMILY;
      } catch {
        table[FAMILY_STATE] = NO_FAMILY; // cellToLocalIj refuses some cells near pentagons
      }
    }
    return table[FAMILY_STATE] === FAMILY_OK ? table : null;
  }

  /**
   * Whether one more member of the family (digits unlike the learnt cell's) sits where the
   * offsets and the fitted position of the learnt cell put it: one cellToLocalIj per family, so
   * neither a wrong frame nor a wrong fit goes unnoticed.
   */
  agrees(origin: [number, number], aHi: number, aLo: number, bi: number, bj: number, off: Int32Array, hi: number, lo: number): boolean {
    const top = this.res - FAMILY_DEPTH;
    const digits: number[] = [];
    let i = bi;
    let j = bj;
    for (let level = 1; level <= FAMILY_DEPTH; level++) {
      const d = h3Digit(hi, lo, top + level) === 3 ? 5 : 3;
      digits.push(d);
      i += off[14 * (level - 1) + 2 * d];
      j += off[14 * (level - 1) + 2 * d + 1];
    }
    const p = this.memberIj(origin, aHi, aLo, digits);
    return p.i === i && p.j === j;
  }

  /** Local IJ (from the tile's origin) of the descendant `digits` of ancestor (aHi, aLo). */
  private memberIj(origin: [number, number], aHi: number, aLo: number, digits: readonly number[]): { i: number; j: number } {
    let hi = aHi;
    let lo = aLo;
    digits.forEach((d, k) => {
      const r = this.res - FAMILY_DEPTH + 1 + k;
      hi = h3ChildHi(hi, r, d);
      lo = h3ChildLo(lo, r, d);
    });
    return cellToLocalIj(origin, [lo, hi]);
  }
}
