// Analysis (PURE): the H3 cells a camera covers (cell centre in its view, cut by buildings) and
// the cells a set of cameras covers. Imports only model types, h3-js and sibling files.
import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { CameraStatus } from '../../model/camera';
import { distanceM, inSector } from './in-sector';
import { visibilityFrom, type BuildingIndex } from './visibility';

/** A camera as coverage needs it: position (WGS-84 degrees), view and status. */
export interface CameraView {
  id: string;
  lng: number;
  lat: number;
  /** Degrees clockwise from north. */
  heading: number;
  /** Horizontal field of view, degrees (≥ 360: all round). */
  fov: number;
  /** Metres, great-circle. */
  range: number;
  status: CameraStatus;
}

/**
 * The cells of resolution `res` whose centre the camera sees: inside its sector (see
 * {@link inSector}) and, with `buildings`, not hidden behind (or inside) a footprint. Sorted.
 * Ignores the status — callers choose which cameras count.
 *
 * Candidates are the cells within k rings of the camera's cell, k taken from the range and the
 * local cell size with a ring of margin, so that every centre within range is tried.
 */
export function cameraCells(camera: CameraView, res: number, buildings?: BuildingIndex): string[] {
  if (!(camera.range >= 0) || !Number.isFinite(camera.lng) || !Number.isFinite(camera.lat)) return [];
  const home = latLngToCell(camera.lat, camera.lng, res);
  const [clat, clng] = cellToLatLng(home);
  const [vlat, vlng] = cellToBoundary(home)[0];
  // Circumradius of the home cell; adjacent centres are ≈ √3·r apart, a ring adds ≥ 1.5·r
  // outward; 1.3·r and one more ring leave room for the cells' change of size across the disk.
  const r = distanceM(clng, clat, vlng, vlat);
  const k = Math.ceil((camera.range + r) / (1.3 * r)) + 1;
  const visible = buildings ? visibilityFrom(buildings, camera.lng, camera.lat) : undefined;
  const out: string[] = [];
  for (const cell of gridDisk(home, k)) {
    const [lat, lng] = cellToLatLng(cell);
    if (!inSector(camera, lng, lat)) continue;
    if (visible && !visible(lng, lat)) continue;
    out.push(cell);
  }
  return out.sort();
}

/** Options of {@link coveredCells}. */
export interface CoverageOptions {
  /** Footprints that cut the views. */
  buildings?: BuildingIndex;
  /** Count offline and faulty cameras too ("if they were repaired"); default only online ones. */
  includeNotOnline?: boolean;
}

/** True when the camera counts for coverage under the options. */
export function countsForCoverage(camera: CameraView, includeNotOnline = false): boolean {
  return includeNotOnline || camera.status === 'online';
}

/**
 * The cells of resolution `res` whose centre at least one counted camera sees (online ones, or
 * all with `includeNotOnline`), sorted and unique.
 */
export function coveredCells(cameras: readonly CameraView[], res: number, opts: CoverageOptions = {}): string[] {
  const set = new Set<string>();
  for (const c of cameras) {
    if (!countsForCoverage(c, opts.includeNotOnline)) continue;
    for (const cell of cameraCells(c, res, opts.buildings)) set.add(cell);
  }
  return [...set].sort();
}
