// Analysis (PURE): H3 cells of many points, exactly as h3-js latLngToCell gives them but mostly
// without calling it. Imports only h3-js and sibling pure modules; no DOM, no workers.
//
// Why: latLngToCell costs 1–2 µs a call here, so a million incidents take seconds. Inside one
// icosahedron face the cells of a resolution are the hexagons of a regular lattice in H3's face
// plane, and over a few kilometres the map from degrees to that plane is smooth: a quadratic
// fitted per tile to a few dozen cell centres (cellToLatLng, cellToLocalIj) predicts a point's
// lattice position to ~1e-5 of a cell. A point clear of every hexagon edge by more than 20 × the
// fit's residual (and ≥ 1e-6 cell) lies in the hexagon the prediction rounds to. The H3 index of
// that hexagon is learnt from latLngToCell for the first point in it, together with the 342 other
// descendants of its ancestor three resolutions up: a cell's lattice position is the ancestor's
// centre descendant's plus one fixed offset per digit (an aperture-7 child is a linear map of its
// parent plus a unit step), offsets read once per tile and frame from cellToLocalIj and checked
// with one more cellToLocalIj per family. Points near an edge, tiles touched by a face edge, poor
// fits and coarse resolutions fall back to latLngToCell per point.
//
// The tile fit lives in locator-tile.ts, the family offsets in locator-family.ts and the point
// checks in locator-points.ts.
import { getIcosahedronFaces, latLngToCell } from 'h3-js';
import { h3ChildHi, h3ChildLo, h3Digit, h3ParentHi, h3ParentLo, h3ToString, parseH3Into } from './h3-bits';
import { SplitLongDict } from './split-long-dict';
import { FAMILY_DEPTH, FAMILY_SIZE, FamilyOffsets } from './locator-family';
import { checkPoints, denseTileGrid } from './locator-points';
import { fitTile, locatorTileDegrees, NEAR_EDGE, nearestHex } from './locator-tile';

export { checkPoints } from './locator-points';
export { locatorTileDegrees } from './locator-tile';

/** Per point: the ordinal of its cell; per distinct cell: its H3 index as split long. */
export interface LocatedCells {
  /** ord[i]: ordinal of point i's cell in hi/lo. */
  ord: Uint32Array;
  /** Upper and lower 32 bits of each distinct cell's H3 index, by ordinal (first seen first). */
  hi: Uint32Array;
  lo: Uint32Array;
}

/** What a locator did: how many points took the fast path, how many asked h3-js. */
export interface LocatorStats {
  points: number;
  /** latLngToCell calls for single points (near an edge, in a slow tile, first in a family). */
  oracleCalls: number;
  /** Tiles fitted, and those that fell back to latLngToCell for every point. */
  tiles: number;
  slowTiles: number;
  /** Hexagons learnt through a relative's latLngToCell. */
  inferred: number;
}

const TILE_FAST = 1;
const TILE_SLOW = 2;

/**
 * Locates points in H3 cells of one resolution, interning each distinct cell to an ordinal.
 * Keep one locator per thread and resolution across calls: its fitted tiles and learnt hexagons
 * are reused. Results equal latLngToCell exactly (see the file header for why).
 */
export class CellLocator {
  readonly res: number;
  /** Distinct cells that hold at least one located point, (hi, lo) → ordinal. */
  readonly cells: SplitLongDict;
  readonly stats: LocatorStats = { points: 0, oracleCalls: 0, tiles: 0, slowTiles: 0, inferred: 0 };
  private readonly tileDeg: number;
  private readonly tileKeys = new SplitLongDict(256);
  private tileCoef = new Float64Array(12 * 256);
  private tileMargin = new Float64Array(256);
  private tileState = new Uint8Array(256);
  private tileFace = new Int8Array(256);
  /** Per tile: first lattice i and j of its hexagon map, and the map's extent in j. */
  private tileBox = new Int32Array(4 * 256);
  private readonly tileOrigin: Array<[number, number]> = [];
  /**
   * Per tile, over its lattice box: 0 = hexagon not learnt; v > 0 = cell ordinal v − 1;
   * v < 0 = member (−v − 1) % 7^D of family ⌊(−v − 1) / 7^D⌋, not yet interned.
   */
  private readonly tileMap: Array<Int32Array | null> = [];
  /** Digit offsets of the last FAMILY_DEPTH resolutions, per tile and frame. */
  private readonly families: FamilyOffsets;
  /** Ancestors of learnt families as split longs. */
  private famHi = new Uint32Array(1024);
  private famLo = new Uint32Array(1024);
  private famCount = 0;
  private readonly split = new Uint32Array(2);

  /** @param cells dictionary to intern into (share one to get ordinals of your own). */
  constructor(res: number, cells: SplitLongDict = new SplitLongDict(1 << 12)) {
    if (!Number.isInteger(res) || res < 0 || res > 15) throw new RangeError(`H3 resolution must be an integer 0–15, got ${res}`);
    this.res = res;
    this.cells = cells;
    this.tileDeg = locatorTileDegrees(res);
    this.families = new FamilyOffsets(res);
  }

  /**
   * Writes the cell ordinal of points from…to−1 to out[outOffset …]. Throws a RangeError naming
   * the point (rowBase + its position in from…to) when it is not a valid WGS-84 coordinate.
   */
  locate(lng: Float64Array, lat: Float64Array, from: number, to: number, out: Uint32Array, outOffset = 0, rowBase = 0): void {
    checkPoints(lng, lat, from, to, rowBase);
    this.stats.points += to - from;
    if (this.tileDeg === 0) {
      for (let i = from; i < to; i++) out[outOffset + i - from] = this.oracleOrd(lng[i], lat[i]);
      return;
    }
    const inv = 1 / this.tileDeg;
    const grid = denseTileGrid(lng, lat, from, to, inv);
    for (let p = from; p < to; p++) {
      const x = lng[p];
      const y = lat[p];
      const tx = Math.floor(x * inv);
      const ty = Math.floor(y * inv);
      let tile: number;
      if (grid) {
        const g = (ty - grid.ty0) * grid.nx + (tx - grid.tx0);
        tile = grid.tiles[g];
        if (tile < 0) tile = grid.tiles[g] = this.tile(tx, ty);
      } else {
        tile = this.tile(tx, ty);
      }
      if (this.tileState[tile] !== TILE_FAST) {
        out[outOffset + p - from] = this.oracleOrd(x, y);
        continue;
      }
      const c = this.tileCoef; // read after tile(): fitting may have grown it
      const o = 12 * tile;
      const u = x * inv - tx - 0.5;
      const v = y * inv - ty - 0.5;
      const X = c[o] + u * (c[o + 1] + u * c[o + 3] + v * c[o + 4]) + v * (c[o + 2] + v * c[o + 5]);
      const Y = c[o + 6] + u * (c[o + 7] + u * c[o + 9] + v * c[o + 10]) + v * (c[o + 8] + v * c[o + 11]);
      const hex = nearestHex(X, Y, this.tileMargin[tile]);
      const box = this.tileBox;
      const di = (hex >>> 16) - 32768 - box[4 * tile];
      const dj = (hex & 0xffff) - 32768 - box[4 * tile + 1];
      if (hex === NEAR_EDGE || di < 0 || dj < 0 || di >= box[4 * tile + 2] || dj >= box[4 * tile + 3]) {
        out[outOffset + p - from] = this.oracleOrd(x, y);
        continue;
      }
      const map = this.tileMap[tile] ?? this.newMap(tile);
      const slot = di * box[4 * tile + 3] + dj;
      let val = map[slot];
      if (val === 0) val = this.learn(tile, map, slot, hex, x, y);
      if (val < 0) val = map[slot] = this.internMember(-val - 1) + 1;
      out[outOffset + p - from] = val - 1;
    }
  }

  /** latLngToCell of one point, as split long in this.split. */
  private oracle(x: number, y: number): void {
    this.stats.oracleCalls++;
    parseH3Into(latLngToCell(y, x, this.res), this.split);
  }

  private oracleOrd(x: number, y: number): number {
    this.oracle(x, y);
    return this.cells.intern(this.split[0], this.split[1]);
  }

  private newMap(tile: number): Int32Array {
    const map = new Int32Array(this.tileBox[4 * tile + 2] * this.tileBox[4 * tile + 3]);
    this.tileMap[tile] = map;
    return map;
  }

  /** Ordinal of family member `code` (family × 7^D + its digits read as base 7), interned. */
  private internMember(code: number): number {
    const f = Math.floor(code / FAMILY_SIZE);
    let hi = this.famHi[f];
    let lo = this.famLo[f];
    let rest = code - f * FAMILY_SIZE;
    for (let level = 1, scale = FAMILY_SIZE / 7; level <= FAMILY_DEPTH; level++, scale /= 7) {
      const d = Math.floor(rest / scale);
      rest -= d * scale;
      const r = this.res - FAMILY_DEPTH + level;
      hi = h3ChildHi(hi, r, d);
      lo = h3ChildLo(lo, r, d);
    }
    return this.cells.intern(hi, lo);
  }

  /**
   * Learns the cell of hexagon `hex` (map slot `slot`) from point (x, y) inside it, with its
   * relatives under the same ancestor FAMILY_DEPTH resolutions up when the tile's family offsets
   * allow. Returns the slot's new value.
   */
  private learn(tile: number, map: Int32Array, slot: number, hex: number, x: number, y: number): number {
    this.oracle(x, y);
    const hi = this.split[0];
    const lo = this.split[1];
    const offsets = this.families.offsets(tile, this.tileOrigin[tile], hi, lo);
    if (offsets) {
      const top = this.res - FAMILY_DEPTH;
      const aHi = h3ParentHi(hi, top);
      const aLo = h3ParentLo(lo, top);
      // Lattice position of the ancestor's centre descendant (all digits 0), from this cell's.
      let bi = (hex >>> 16) - 32768;
      let bj = (hex & 0xffff) - 32768;
      for (let level = 1; level <= FAMILY_DEPTH; level++) {
        const d = h3Digit(hi, lo, top + level);
        bi -= offsets[14 * (level - 1) + 2 * d];
        bj -= offsets[14 * (level - 1) + 2 * d + 1];
      }
      const faces = getIcosahedronFaces([aLo, aHi]);
      if (faces.length === 1 && faces[0] === this.tileFace[tile] && this.families.agrees(this.tileOrigin[tile], aHi, aLo, bi, bj, offsets, hi, lo)) {
        const f = this.famCount++;
        if (f >= this.famHi.length) {
          this.famHi = grow(this.famHi);
          this.famLo = grow(this.famLo);
        }
        this.famHi[f] = aHi;
        this.famLo[f] = aLo;
        const box = this.tileBox;
        const i0 = box[4 * tile], j0 = box[4 * tile + 1], ni = box[4 * tile + 2], nj = box[4 * tile + 3];
        for (let m = 0; m < FAMILY_SIZE; m++) {
          let di = bi - i0;
          let dj = bj - j0;
          for (let level = FAMILY_DEPTH, rest = m; level >= 1; level--, rest = Math.floor(rest / 7)) {
            const d = rest % 7;
            di += offsets[14 * (level - 1) + 2 * d];
            dj += offsets[14 * (level - 1) + 2 * d + 1];
          }
          if (di < 0 || dj < 0 || di >= ni || dj >= nj || map[di * nj + dj] !== 0) continue;
          map[di * nj + dj] = -(f * FAMILY_SIZE + m) - 1;
          this.stats.inferred++;
        }
        if (map[slot] !== 0) {
          this.stats.inferred--; // the cell asked for was learnt, not inferred
          return map[slot];
        }
      }
    }
    return (map[slot] = this.cells.intern(hi, lo) + 1);
  }

  /** Ordinal of tile (tx, ty), fitting it on first use. */
  private tile(tx: number, ty: number): number {
    const before = this.tileKeys.size;
    const t = this.tileKeys.intern(tx >>> 0, ty >>> 0);
    if (t === before) {
      if (t >= this.tileState.length) {
        this.tileState = grow(this.tileState);
        this.tileMargin = grow(this.tileMargin);
        this.tileCoef = grow(this.tileCoef);
        this.tileFace = grow(this.tileFace);
        this.tileBox = grow(this.tileBox);
      }
      this.tileMap[t] = null;
      this.stats.tiles++;
      const fit = fitTile(this.res, this.tileDeg, tx, ty, this.tileCoef, 12 * t);
      this.tileOrigin[t] = fit?.origin ?? [0, 0];
      if (!fit) {
        this.tileState[t] = TILE_SLOW;
        this.stats.slowTiles++;
      } else {
        this.tileState[t] = TILE_FAST;
        this.tileMargin[t] = fit.margin;
        this.tileFace[t] = fit.face;
        this.tileBox.set(fit.box, 4 * t);
      }
    }
    return t;
  }
}

function grow<T extends Uint8Array | Int8Array | Int32Array | Uint32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Cells of points from…to−1 at resolution `res` as split longs, one pair per point: the pure
 * unit of work that the cell workers run on their share. Equal to latLngToCell point by point.
 */
export function computeCells(lng: Float64Array, lat: Float64Array, res: number, from = 0, to = lng.length): { hi: Uint32Array; lo: Uint32Array } {
  const located = locateCells(lng, lat, res, from, to);
  const n = to - from;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const c = located.ord[k];
    hi[k] = located.hi[c];
    lo[k] = located.lo[c];
  }
  return { hi, lo };
}

/** Cells of points from…to−1 as ordinals into their distinct cells (first seen first). */
export function locateCells(lng: Float64Array, lat: Float64Array, res: number, from = 0, to = lng.length, rowBase = from): LocatedCells {
  const locator = new CellLocator(res, new SplitLongDict(Math.min(Math.max(16, (to - from) >> 3), 1 << 16)));
  const ord = new Uint32Array(to - from);
  locator.locate(lng, lat, from, to, ord, 0, rowBase);
  return { ord, hi: locator.cells.keysHi(), lo: locator.cells.keysLo() };
}

/** H3 index string of a located cell (for messages and tests). */
export function locatedCellId(cells: LocatedCells, ord: number): string {
  return h3ToString(cells.hi[ord], cells.lo[ord]);
}
