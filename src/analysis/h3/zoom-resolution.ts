// Analysis (PURE): which H3 resolution suits a map zoom. Imports nothing (no h3-js, so the main
// thread can use it cheaply); no DOM, maplibre or deck.gl.

/** Options of {@link resolutionForZoom}. */
export interface ZoomResolutionOptions {
  /** Latitude the map is looking at, degrees; default 33 (the demo county). */
  latitude?: number;
  /** Pixel size of a map tile at zoom z; 512 for maplibre (default), 256 for classic web maps. */
  tileSize?: number;
  /** Hexagon width wanted on screen, pixels across the flats; default 20 (the 10–30 px band). */
  targetPx?: number;
  /** Resolutions to choose from (the index's); default 5–11, the default index range. */
  available?: readonly number[];
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/**
 * H3 resolution whose hexagons look about `targetPx` wide at map `zoom`: the available
 * resolution with the smallest ratio (either way) to the target. With maplibre's 512 px tiles at
 * 33° N: zoom 9 → 7, zoom 12 → 9, zoom 15 → 11; with 256 px tiles: zoom 9 → 6, zoom 13 → 9.
 */
export function resolutionForZoom(zoom: number, opts: ZoomResolutionOptions = {}): number {
  const latitude = opts.latitude ?? 33;
  const tileSize = opts.tileSize ?? 512;
  const targetPx = opts.targetPx ?? 20;
  const available = opts.available ?? DEFAULT_AVAILABLE;
  if (available.length === 0) throw new RangeError('resolutionForZoom: no resolution available');
  const metresPerPx = (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (tileSize * 2 ** zoom);
  let best = available[0];
  let bestMiss = Infinity;
  for (const res of available) {
    const widthPx = (Math.sqrt(3) * edgeMetres(res)) / metresPerPx;
    const miss = Math.abs(Math.log(widthPx / targetPx));
    if (miss < bestMiss) (bestMiss = miss), (best = res);
  }
  return best;
}

/** Resolutions a default incident index holds (see incident-index.ts). */
const DEFAULT_AVAILABLE: readonly number[] = [5, 6, 7, 8, 9, 10, 11];

/**
 * Average hexagon edge length per resolution 0–15, metres: H3's published table, the values of
 * h3-js getHexagonEdgeLengthAvg(res, 'm'). Written out so that the main thread can pick a
 * resolution without loading h3-js (≈ 200 kB).
 */
export const H3_EDGE_M: readonly number[] = [
  1281256.011, 483056.8391, 182512.9565, 68979.22179, 26071.75968, 9854.09099, 3724.532667, 1406.475763,
  531.4140101, 200.7861476, 75.86378287, 28.66389748, 10.83018784, 4.092010473, 1.546099657, 0.58416863,
];
function edgeMetres(res: number): number {
  return H3_EDGE_M[res];
}

/**
 * The middle of the zoom levels (to 0.01) at which {@link resolutionForZoom} gives `res`: where a
 * view must be for its hexagons to be drawn at that resolution. Throws when no zoom 0–22 does.
 */
export function zoomForResolution(res: number, opts: ZoomResolutionOptions = {}): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k <= 2200; k++) {
    if (resolutionForZoom(k / 100, opts) !== res) continue;
    lo = Math.min(lo, k);
    hi = Math.max(hi, k);
  }
  if (lo === Infinity) throw new RangeError(`zoomForResolution: no zoom draws resolution ${res}`);
  return Math.round((lo + hi) / 2) / 100;
}
