// Analysis (PURE): kernel density of incidents in metres — the surface the heatmap draws.
// Imports only a sibling analysis type; no DOM.
//
// What was chosen, and why:
// - The quartic (biweight) kernel K(d) = 3/(π h²)·(1 − d²/h²)² for d < h, 0 beyond — the kernel
//   of CrimeStat and of ArcGIS Kernel Density, the usual one in crime mapping: an incident weighs
//   only within h of itself, smoothly, and each incident integrates to exactly 1, so the surface
//   reads as incidents per km² and sums back to the incident count.
// - The bandwidth h is metres on the ground, so the surface means the same thing at every zoom
//   (a heatmap radius in pixels — 28 px was ~1.7 km at zoom 12 and ~100 m at zoom 16 — does not).
// - The grid lies in a local conformal projection: Web Mercator scaled by cos φ0 at the extent's
//   middle latitude. It is a plain rectangle in the map's own projection, so a bitmap stretched
//   between its corners lands exactly where it should, and its distances are true metres at φ0
//   (within 1 % for ±0.8° of latitude around it: a county or a city).
// - Cells of h/4: the surface holds no detail finer than h, and finer cells only cost memory.
// - Linear binning, then the kernel's footprint: each incident's weight is split over the four
//   nearest cell centres (bilinearly, so the total and the centre of mass stay put), then every
//   non-empty cell adds its weight times the precomputed footprint ((2⌈h/cell⌉ + 1)² cells, ~80).
//   The cost is one pass over the incidents plus ~80 operations per non-empty cell, whatever the
//   number of incidents; the difference from the exact sum is second order in cell/h (a few per
//   cent of the peak at h/4), and an incident on a cell centre gives exactly K(d) around it.
import type { RowFilter } from '../incidents/row-filter';

/** A box in WGS-84 degrees. */
export interface LngLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Options of {@link kernelDensity}. */
export interface KdeOptions {
  /** Bandwidth h, metres (> 0): the kernel's radius. */
  bandwidthM: number;
  /** Cell size, metres; default h / 4. Grown when the grid would exceed maxCells or maxSide. */
  cellM?: number;
  /** Area to cover (padded by h on every side); default the extent of the incidents kept. */
  extent?: LngLatBox;
  /** Most cells in the grid; default 4,000,000 (16 MB of Float32). */
  maxCells?: number;
  /** Most cells along a side (a texture's limit); default 4,096. */
  maxSide?: number;
}

/** A density surface on a regular grid: incidents per km² at each cell's centre. */
export interface KdeGrid extends LngLatBox {
  // west, south, east, north: the grid's outer edges (degrees); a bitmap drawn between them
  // (in Web Mercator, as the map is) is georeferenced.
  /** Latitude (degrees) where the grid's metres are true: the middle of the extent asked for. */
  refLat: number;
  /** Cells across (west → east) and down (north → south). */
  width: number;
  height: number;
  /** Cell size and bandwidth, metres. */
  cellM: number;
  bandwidthM: number;
  /** Incidents per km², row-major, row 0 at the north edge: density[row × width + col]. */
  density: Float32Array;
  /** Largest value of density, incidents per km². */
  max: number;
  /** Incidents summed (those kept by the filter). */
  count: number;
}

/** Mean Earth radius, metres. */
const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** The local projection of a grid: x, y in metres at the reference latitude. */
interface Projection {
  k: number;
}
const px = (p: Projection, lng: number) => R * p.k * lng * RAD;
const py = (p: Projection, lat: number) => R * p.k * Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
const invX = (p: Projection, x: number) => x / (R * p.k) / RAD;
const invY = (p: Projection, y: number) => (2 * Math.atan(Math.exp(y / (R * p.k))) - Math.PI / 2) / RAD;

/** The quartic kernel at distance d (metres) for bandwidth h (metres), per m². */
export function quarticKernel(d: number, h: number): number {
  if (d >= h) return 0;
  const u = 1 - (d * d) / (h * h);
  return (3 / (Math.PI * h * h)) * u * u;
}

/** Extent of the points (kept by `keep`, when given); null when none is. */
export function pointsExtent(lng: Float64Array, lat: Float64Array, keep?: KdeRows): LngLatBox | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (let i = 0; i < lng.length; i++) {
    if (keep && !kept(keep, i)) continue;
    if (lng[i] < west) west = lng[i];
    if (lng[i] > east) east = lng[i];
    if (lat[i] < south) south = lat[i];
    if (lat[i] > north) north = lat[i];
  }
  return west <= east ? { west, south, east, north } : null;
}

/** Which rows count: row i when ((timeSec[i] − from) >>> 0) < span and lut[src[i]] (row-filter.ts). */
export interface KdeRows {
  timeSec: Uint32Array;
  filter: RowFilter;
}

function kept(rows: KdeRows, i: number): boolean {
  const f = rows.filter;
  if (f.none) return false;
  if (f.all) return true;
  return ((rows.timeSec[i] - f.from) >>> 0) < f.span && f.lut[f.src[i]] === 1;
}

/** Centre of cell (col, row) of `grid`, [lng, lat] degrees. */
export function kdeCellCentre(grid: KdeGrid, col: number, row: number): [number, number] {
  const p = projectionAt(grid.refLat);
  const x0 = px(p, grid.west);
  const yTop = py(p, grid.north);
  return [invX(p, x0 + (col + 0.5) * grid.cellM), invY(p, yTop - (row + 0.5) * grid.cellM)];
}

function projectionAt(refLat: number): Projection {
  return { k: Math.cos(refLat * RAD) };
}

/**
 * Kernel density of the points (lng[i], lat[i]) kept by `rows` (all when absent), in incidents
 * per km², on a grid over `opts.extent` padded by the bandwidth. Throws on a bandwidth ≤ 0.
 */
export function kernelDensity(lng: Float64Array, lat: Float64Array, opts: KdeOptions, rows?: KdeRows): KdeGrid {
  const h = opts.bandwidthM;
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`kernel density: bandwidth must be a positive number of metres, got ${h}`);
  const extent = opts.extent ?? pointsExtent(lng, lat, rows) ?? { west: 0, south: 0, east: 0, north: 0 };
  const refLat = (extent.south + extent.north) / 2;
  const p = projectionAt(refLat);
  const x0 = px(p, extent.west) - h;
  const yTop = py(p, extent.north) + h;
  const spanX = px(p, extent.east) + h - x0;
  const spanY = yTop - (py(p, extent.south) - h);
  const maxCells = opts.maxCells ?? 4_000_000;
  const maxSide = opts.maxSide ?? 4_096;
  let cell = opts.cellM ?? h / 4;
  cell = Math.max(cell, Math.sqrt((spanX * spanY) / maxCells), spanX / maxSide, spanY / maxSide);
  const width = Math.max(1, Math.ceil(spanX / cell));
  const height = Math.max(1, Math.ceil(spanY / cell));

  // Linear binning onto cell centres: centre (c, r) sits at x0 + (c + ½)·cell, yTop − (r + ½)·cell.
  const bins = new Float64Array(width * height);
  let count = 0;
  const inv = 1 / cell;
  for (let i = 0; i < lng.length; i++) {
    if (rows && !kept(rows, i)) continue;
    const gx = (px(p, lng[i]) - x0) * inv - 0.5;
    const gy = (yTop - py(p, lat[i])) * inv - 0.5;
    if (!(gx > -1 && gy > -1 && gx < width && gy < height)) continue; // outside the extent
    count++;
    const c = Math.floor(gx);
    const r = Math.floor(gy);
    const fx = gx - c;
    const fy = gy - r;
    addBin(bins, width, height, c, r, (1 - fx) * (1 - fy));
    addBin(bins, width, height, c + 1, r, fx * (1 - fy));
    addBin(bins, width, height, c, r + 1, (1 - fx) * fy);
    addBin(bins, width, height, c + 1, r + 1, fx * fy);
  }

  // The kernel's footprint in cells, per km² (K is per m²).
  const reach = Math.floor(h / cell);
  const side = 2 * reach + 1;
  const foot = new Float64Array(side * side);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) foot[(dy + reach) * side + dx + reach] = quarticKernel(cell * Math.hypot(dx, dy), h) * 1e6;
  }
  const sum = new Float64Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const w = bins[r * width + c];
      if (w === 0) continue;
      const r0 = Math.max(0, r - reach), r1 = Math.min(height - 1, r + reach);
      const c0 = Math.max(0, c - reach), c1 = Math.min(width - 1, c + reach);
      for (let rr = r0; rr <= r1; rr++) {
        const f = (rr - r + reach) * side + reach - c;
        const o = rr * width;
        for (let cc = c0; cc <= c1; cc++) sum[o + cc] += w * foot[f + cc];
      }
    }
  }
  const density = Float32Array.from(sum);
  let max = 0;
  for (let k = 0; k < density.length; k++) if (density[k] > max) max = density[k];
  return {
    west: invX(p, x0),
    east: invX(p, x0 + width * cell),
    north: invY(p, yTop),
    south: invY(p, yTop - height * cell),
    refLat,
    width,
    height,
    cellM: cell,
    bandwidthM: h,
    density,
    max,
    count,
  };
}

function addBin(bins: Float64Array, width: number, height: number, c: number, r: number, w: number): void {
  // A point within half a cell of the edge gives the share beyond it to no cell; the padding of
  // h keeps real points far from the edge, so this only trims points given outside the extent.
  if (c >= 0 && r >= 0 && c < width && r < height && w > 0) bins[r * width + c] += w;
}
