// Analysis (PURE): the points given to the cell locator — their WGS-84 check and the dense grid of
// tiles over their extent. No imports; no DOM. See cell-locator.ts for the why.

const MAX_DENSE_TILES = 1 << 20;

/** A dense tile-ordinal grid over the points' extent, or null when that extent is too large. */
export function denseTileGrid(lng: Float64Array, lat: Float64Array, from: number, to: number, inv: number) {
  if (to <= from) return null;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = from; i < to; i++) {
    const x = lng[i], y = lat[i];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const tx0 = Math.floor(x0 * inv), ty0 = Math.floor(y0 * inv);
  const nx = Math.floor(x1 * inv) - tx0 + 1;
  const ny = Math.floor(y1 * inv) - ty0 + 1;
  if (nx * ny > MAX_DENSE_TILES) return null;
  return { tx0, ty0, nx, tiles: new Int32Array(nx * ny).fill(-1) };
}

/** Throws a RangeError naming the first point from…to−1 (as rowBase + offset) that is no WGS-84 position. */
export function checkPoints(lng: Float64Array, lat: Float64Array, from: number, to: number, rowBase: number): void {
  if (lat.length < to || lng.length < to) throw new RangeError(`locate: points ${from}–${to} exceed lng ${lng.length} / lat ${lat.length}`);
  for (let i = from; i < to; i++) {
    const x = lng[i], y = lat[i];
    // Say which row is bad rather than h3-js's bare "outside of acceptable range".
    if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180)) {
      throw new RangeError(`incident ${rowBase + i - from} has no valid WGS-84 position (lng ${x}, lat ${y})`);
    }
  }
}
