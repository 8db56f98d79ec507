// Analysis (PURE): exact membership of a point in a camera's field-of-view sector, on the sphere.
// Imports nothing; no DOM, maplibre or deck.gl.

/** Mean earth radius, metres — the one turf and camera-sector.ts use. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Slack of the tests, so that a point built exactly at the range or on a bearing limit (by a
 * great-circle destination, rounded to doubles) is not lost to floating-point rounding: 0.1 mm,
 * along the range and across a bearing limit (an angle that shrinks with the distance — the
 * rounding of the coordinates is a fixed length, so its angle grows close to the apex).
 */
const SLACK_M = 1e-4;

/** What decides a camera's sector: position (WGS-84 degrees) and view. */
export interface SectorShape {
  lng: number;
  lat: number;
  /** View direction, degrees clockwise from north. */
  heading: number;
  /** Horizontal field of view, degrees; 360 or more sees every bearing. */
  fov: number;
  /** Range, metres (great-circle distance). */
  range: number;
}

/** Great-circle (haversine) distance in metres between two WGS-84 points. */
export function distanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial great-circle bearing from point 1 to point 2, degrees clockwise from north in [0, 360). */
export function bearingDeg(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const p1 = lat1 * RAD, p2 = lat2 * RAD, dl = (lng2 - lng1) * RAD;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const b = Math.atan2(y, x) / RAD;
  return b < 0 ? b + 360 : b;
}

/**
 * True when (lng, lat) lies in the camera's sector: great-circle distance ≤ range and the initial
 * bearing from the camera within heading ± fov/2 (limits included, wrap across north handled;
 * fov ≥ 360 takes any bearing). The apex itself always counts.
 */
export function inSector(camera: SectorShape, lng: number, lat: number): boolean {
  const d = distanceM(camera.lng, camera.lat, lng, lat);
  if (d > camera.range + SLACK_M) return false;
  if (d === 0 || camera.fov >= 360) return true;
  return bearingWithin(bearingDeg(camera.lng, camera.lat, lng, lat), camera.heading, camera.fov, SLACK_M / d / RAD);
}

/** True when `bearing` is within heading ± (fov/2 + slackDeg) (degrees), across north too. */
export function bearingWithin(bearing: number, heading: number, fov: number, slackDeg = 0): boolean {
  if (fov >= 360) return true;
  // Signed difference in [-180, 180): the shorter way round from heading to bearing.
  const diff = ((((bearing - heading) % 360) + 540) % 360) - 180;
  return Math.abs(diff) <= fov / 2 + slackDeg;
}
