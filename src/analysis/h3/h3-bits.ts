// Analysis (PURE): H3 index bit arithmetic on split longs. Imports only h3-js; no DOM, no map.
//
// An H3 cell index is 64 bits (H3 spec): 1 reserved, 4 mode, 3 reserved, 4 resolution, 7 base
// cell, then 15 digits of 3 bits, unused digits set to 7. JavaScript has no cheap 64-bit integer,
// so an index is held as two Uint32 halves, `hi` (bits 63..32) and `lo` (bits 31..0), the same
// "split long" h3-js uses. Parents are then pure bit operations, far cheaper than cellToParent.
import { splitLongToH3Index } from 'h3-js';

const RES_SHIFT = 20; // resolution field: bits 52..55 of the index = bits 20..23 of `hi`
const RES_MASK = 0xf << RES_SHIFT;

/** Resolution (0–15) of a cell given as split long. */
export function h3ResolutionOf(hi: number): number {
  return (hi & RES_MASK) >>> RES_SHIFT;
}

/**
 * Upper 32 bits of the parent of a cell at resolution `res` (≤ the cell's own): resolution
 * field replaced and digits res+1..15 set to 7.
 */
export function h3ParentHi(hi: number, res: number): number {
  const unusedBits = 45 - 3 * res; // digit bits below digit `res`
  let out = (hi & ~RES_MASK) | (res << RES_SHIFT);
  if (unusedBits > 32) out |= (1 << (unusedBits - 32)) - 1;
  return out >>> 0;
}

/** Lower 32 bits of the parent of a cell at resolution `res` (≤ the cell's own). */
export function h3ParentLo(lo: number, res: number): number {
  const unusedBits = 45 - 3 * res;
  if (unusedBits >= 32) return 0xffffffff;
  return (lo | ((1 << unusedBits) - 1)) >>> 0;
}

/**
 * Digit `res` (1–15, the step from the parent at res − 1) of a cell given as split long: 0–6,
 * or 7 when the cell is coarser than `res`.
 */
export function h3Digit(hi: number, lo: number, res: number): number {
  const p = 3 * (15 - res); // bit offset of the digit in the 64-bit index
  if (p >= 32) return (hi >>> (p - 32)) & 7;
  if (p <= 29) return (lo >>> p) & 7;
  return ((lo >>> p) | (hi << (32 - p))) & 7; // digit 5 straddles the halves
}

/** Upper 32 bits of the child at resolution `res` (parent at res − 1) with digit `digit`. */
export function h3ChildHi(parentHi: number, res: number, digit: number): number {
  const p = 3 * (15 - res);
  const out = (parentHi & ~RES_MASK) | (res << RES_SHIFT);
  if (p >= 32) return ((out & ~(7 << (p - 32))) | (digit << (p - 32))) >>> 0;
  if (p <= 29) return out >>> 0;
  return ((out & ~(7 >>> (32 - p))) | (digit >>> (32 - p))) >>> 0;
}

/** Lower 32 bits of the child at resolution `res` (parent at res − 1) with digit `digit`. */
export function h3ChildLo(parentLo: number, res: number, digit: number): number {
  const p = 3 * (15 - res);
  if (p >= 32) return parentLo >>> 0;
  return ((parentLo & ~(7 << p)) | (digit << p)) >>> 0;
}

/** H3 index string (15 hex digits for a cell) of a split long. */
export function h3ToString(hi: number, lo: number): string {
  return splitLongToH3Index(lo, hi);
}

/**
 * Parses the hex digits of an H3 index string into `out` as [hi, lo] without allocating.
 * The string must be a valid index as returned by h3-js (lower-case or upper-case hex).
 */
export function parseH3Into(s: string, out: Uint32Array): void {
  const len = s.length;
  const split = len - 8;
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < split; k++) hi = (hi << 4) | hexValue(s.charCodeAt(k));
  for (let k = split; k < len; k++) lo = (lo << 4) | hexValue(s.charCodeAt(k));
  out[0] = hi;
  out[1] = lo;
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}
