// Analysis (PURE): a packed polygon set with a bounding-box bucket index, and exact point-in-
// polygon lookup. Imports only model types; no DOM, maplibre or deck.gl.
import type { AreaGeometry, Feature, LngLat } from '../../model/geo';

/**
 * Polygons (and multipolygons) flattened into typed arrays, with a uniform grid of buckets over
 * their extent listing the polygons whose bounding box touches each bucket. Feature k of the
 * input is polygon k.
 */
export interface PolygonIndex {
  /** Number of polygons (features given, including any without geometry). */
  count: number;
  /** Vertices of every ring, x (lng) and y (lat) interleaved, degrees. */
  coords: Float64Array;
  /** First vertex of ring r; ringStart[rings] = vertex count. */
  ringStart: Uint32Array;
  /** First ring of polygon k; polyRingStart[count] = ring count. */
  polyRingStart: Uint32Array;
  /** [minX, minY, maxX, maxY] of polygon k at 4k; inverted (never hit) for empty polygons. */
  bbox: Float64Array;
  /** Bucket grid over the extent of all polygons. */
  grid: BucketGrid;
  /** Bucket b lists polygons bucketItems[bucketStart[b] .. bucketStart[b + 1]), ascending. */
  bucketStart: Uint32Array;
  bucketItems: Uint32Array;
  /**
   * Per bucket that no polygon edge touches, the answer for every point in it: the polygon k, or
   * −1 for none. MIXED (−2) where an edge passes and points need the exact test.
   */
  bucketOwner: Int32Array;
}

/** bucketOwner value of a bucket that an edge passes through. */
export const MIXED = -2;

/** A uniform grid: extent [x0, y0, x1, y1] and bucket size in degrees, nx × ny buckets. */
export interface BucketGrid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cellW: number;
  cellH: number;
  nx: number;
  ny: number;
}

type AreaFeature = Feature<AreaGeometry | null, unknown>;

/**
 * Packs `features` (Polygon or MultiPolygon; null geometry allowed and never matched) and builds
 * the bucket grid: about 64 buckets a polygon, from 64 × 64 to 512 × 512. Buckets no edge touches
 * get their answer once (one exact test per connected run of them), so most points — all but
 * those near a boundary — are located by a lookup, however many vertices the polygons have.
 */
export function buildPolygonIndex(features: readonly AreaFeature[]): PolygonIndex {
  const count = features.length;
  const rings: LngLat[][] = [];
  const polyRingStart = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) {
    polyRingStart[k] = rings.length;
    const g = features[k].geometry;
    if (!g) continue;
    if (g.type === 'Polygon') rings.push(...g.coordinates);
    else if (g.type === 'MultiPolygon') for (const p of g.coordinates) rings.push(...p);
    else throw new TypeError(`polygon ${k}: geometry type ${(g as { type: string }).type} is not Polygon or MultiPolygon`);
  }
  polyRingStart[count] = rings.length;

  const ringStart = new Uint32Array(rings.length + 1);
  let vertices = 0;
  rings.forEach((r, i) => ((ringStart[i] = vertices), (vertices += r.length)));
  ringStart[rings.length] = vertices;
  const coords = new Float64Array(vertices * 2);
  let v = 0;
  for (const r of rings) for (const p of r) (coords[v++] = p[0]), (coords[v++] = p[1]);

  const bbox = new Float64Array(count * 4);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k < count; k++) {
    let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    for (let q = ringStart[polyRingStart[k]]; q < ringStart[polyRingStart[k + 1]]; q++) {
      const x = coords[2 * q], y = coords[2 * q + 1];
      if (x < a) a = x;
      if (x > c) c = x;
      if (y < b) b = y;
      if (y > d) d = y;
    }
    bbox.set([a, b, c, d], 4 * k);
    if (a <= c) (x0 = Math.min(x0, a)), (y0 = Math.min(y0, b)), (x1 = Math.max(x1, c)), (y1 = Math.max(y1, d));
  }
  if (!(x0 <= x1)) (x0 = y0 = 0), (x1 = y1 = 0);

  const target = Math.min(512 * 512, Math.max(64 * 64, count * 64));
  const w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9);
  const nx = Math.max(1, Math.min(512, Math.round(Math.sqrt((target * w) / h))));
  const ny = Math.max(1, Math.min(512, Math.round(Math.sqrt((target * h) / w))));
  const cellW = w / nx, cellH = h / ny;

  const grid = { x0, y0, x1, y1, cellW, cellH, nx, ny };
  const { bucketStart, bucketItems } = fillBuckets(bbox, count, grid);
  const index: PolygonIndex = { count, coords, ringStart, polyRingStart, bbox, grid, bucketStart, bucketItems, bucketOwner: new Int32Array(nx * ny).fill(MIXED) };
  index.bucketOwner = bucketOwners(index);
  return index;
}

/**
 * Marks the buckets an edge's bounding box touches (conservatively: every bucket the edge passes
 * through), then gives each 4-connected run of unmarked buckets the answer at one of its centres:
 * no edge separates two points of such a run, so no polygon's even–odd count differs between them.
 */
function bucketOwners(index: PolygonIndex): Int32Array {
  const g = index.grid;
  const { coords, ringStart } = index;
  const owner = new Int32Array(g.nx * g.ny).fill(MIXED);
  const marked = new Uint8Array(g.nx * g.ny);
  for (let r = 0; r < ringStart.length - 1; r++) {
    const start = ringStart[r], end = ringStart[r + 1];
    if (end - start < 3) continue;
    let px = coords[2 * (end - 1)], py = coords[2 * (end - 1) + 1];
    for (let q = start; q < end; q++) {
      const qx = coords[2 * q], qy = coords[2 * q + 1];
      const ia = bucketCol(g, Math.min(px, qx)), ib = bucketCol(g, Math.max(px, qx));
      const ja = bucketRow(g, Math.min(py, qy)), jb = bucketRow(g, Math.max(py, qy));
      for (let j = ja; j <= jb; j++) for (let i = ia; i <= ib; i++) marked[j * g.nx + i] = 1;
      px = qx;
      py = qy;
    }
  }
  const stack: number[] = [];
  for (let b0 = 0; b0 < owner.length; b0++) {
    if (marked[b0] || owner[b0] !== MIXED) continue;
    const i0 = b0 % g.nx, j0 = (b0 - i0) / g.nx;
    const answer = locateExact(index, g.x0 + (i0 + 0.5) * g.cellW, g.y0 + (j0 + 0.5) * g.cellH, b0);
    owner[b0] = answer;
    stack.push(b0);
    while (stack.length > 0) {
      const b = stack.pop()!;
      const i = b % g.nx, j = (b - i) / g.nx;
      for (const n of [i > 0 ? b - 1 : -1, i < g.nx - 1 ? b + 1 : -1, j > 0 ? b - g.nx : -1, j < g.ny - 1 ? b + g.nx : -1]) {
        if (n < 0 || marked[n] || owner[n] !== MIXED) continue;
        owner[n] = answer;
        stack.push(n);
      }
    }
  }
  return owner;
}

/** Counting sort of polygons into the buckets their bounding box touches (CSR layout). */
function fillBuckets(bbox: Float64Array, count: number, g: BucketGrid): { bucketStart: Uint32Array; bucketItems: Uint32Array } {
  const bucketStart = new Uint32Array(g.nx * g.ny + 1);
  forEachBucket(bbox, count, g, (b) => bucketStart[b + 1]++);
  for (let b = 0; b < g.nx * g.ny; b++) bucketStart[b + 1] += bucketStart[b];
  const next = bucketStart.slice(0, g.nx * g.ny);
  const bucketItems = new Uint32Array(bucketStart[g.nx * g.ny]);
  forEachBucket(bbox, count, g, (b, k) => (bucketItems[next[b]++] = k));
  return { bucketStart, bucketItems };
}

function forEachBucket(bbox: Float64Array, count: number, g: BucketGrid, visit: (bucket: number, k: number) => void): void {
  for (let k = 0; k < count; k++) {
    const o = 4 * k;
    if (!(bbox[o] <= bbox[o + 2])) continue;
    const ia = bucketCol(g, bbox[o]), ib = bucketCol(g, bbox[o + 2]);
    const ja = bucketRow(g, bbox[o + 1]), jb = bucketRow(g, bbox[o + 3]);
    for (let j = ja; j <= jb; j++) for (let i = ia; i <= ib; i++) visit(j * g.nx + i, k);
  }
}

// Point lookup and bucket filling use these same two functions, so a point inside a polygon's
// bounding box always lands in a bucket that lists the polygon, rounding included.
function bucketCol(g: BucketGrid, x: number): number {
  return clampInt((x - g.x0) / g.cellW, g.nx);
}
function bucketRow(g: BucketGrid, y: number): number {
  return clampInt((y - g.y0) / g.cellH, g.ny);
}

/**
 * The lowest-numbered polygon containing (x, y) in degrees, or −1. Even–odd rule over every
 * ring, so holes and multipolygon parts need no special case. A point on an edge shared by two
 * polygons falls in exactly one of them: each edge is evaluated bottom-up whichever polygon
 * owns it, so both see the same crossing.
 */
export function locatePoint(index: PolygonIndex, x: number, y: number): number {
  const g = index.grid;
  // The extent is the union of the bounding boxes: outside it (or NaN) no polygon can match.
  if (!(x >= g.x0 && x <= g.x1 && y >= g.y0 && y <= g.y1)) return -1;
  const b = bucketRow(g, y) * g.nx + bucketCol(g, x);
  const owner = index.bucketOwner[b];
  return owner === MIXED ? locateExact(index, x, y, b) : owner;
}

/**
 * Every polygon containing (x, y) in degrees, ascending, appended to `out`; returns how many.
 * For sets whose polygons may overlap (listed hotspots): the first one is locatePoint's answer.
 * A bucket's stored owner cannot be used here (it keeps one polygon), so each polygon the bucket
 * lists gets the exact test unless the bucket lists at most one.
 */
export function locateAll(index: PolygonIndex, x: number, y: number, out: number[]): number {
  const g = index.grid;
  if (!(x >= g.x0 && x <= g.x1 && y >= g.y0 && y <= g.y1)) return 0;
  const b = bucketRow(g, y) * g.nx + bucketCol(g, x);
  const { bucketItems, bbox, bucketStart } = index;
  const start = bucketStart[b], end = bucketStart[b + 1];
  const owner = index.bucketOwner[b];
  if (end - start <= 1 && owner !== MIXED) {
    if (owner < 0) return 0;
    out.push(owner);
    return 1;
  }
  let found = 0;
  for (let q = start; q < end; q++) {
    const k = bucketItems[q];
    const o = 4 * k;
    if (x < bbox[o] || x > bbox[o + 2] || y < bbox[o + 1] || y > bbox[o + 3]) continue;
    if (polygonContains(index, k, x, y)) out.push(k), found++;
  }
  return found;
}

/** The exact test against every polygon listed in bucket b. */
function locateExact(index: PolygonIndex, x: number, y: number, b: number): number {
  const { bucketItems, bbox } = index;
  for (let q = index.bucketStart[b], end = index.bucketStart[b + 1]; q < end; q++) {
    const k = bucketItems[q];
    const o = 4 * k;
    if (x < bbox[o] || x > bbox[o + 2] || y < bbox[o + 1] || y > bbox[o + 3]) continue;
    if (polygonContains(index, k, x, y)) return k;
  }
  return -1;
}

/** Whether polygon k contains (x, y), degrees (even–odd over all its rings). */
export function polygonContains(index: PolygonIndex, k: number, x: number, y: number): boolean {
  const { coords, ringStart } = index;
  let inside = false;
  for (let r = index.polyRingStart[k], rEnd = index.polyRingStart[k + 1]; r < rEnd; r++) {
    const start = ringStart[r], end = ringStart[r + 1];
    if (end - start < 3) continue;
    let px = coords[2 * (end - 1)], py = coords[2 * (end - 1) + 1];
    for (let q = start; q < end; q++) {
      const qx = coords[2 * q], qy = coords[2 * q + 1];
      if (qy > y !== py > y) {
        const xCross = qy < py ? qx + ((y - qy) * (px - qx)) / (py - qy) : px + ((y - py) * (qx - px)) / (qy - py);
        if (x < xCross) inside = !inside;
      }
      px = qx;
      py = qy;
    }
  }
  return inside;
}

function clampInt(v: number, n: number): number {
  const i = Math.floor(v);
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
