// Analysis (PURE): the field-of-view sector of a camera as a polygon ring. Imports only model
// types; no DOM, maplibre or deck.gl.
import type { CameraProps } from '../../model/camera';
import type { LngLat, PolygonGeometry } from '../../model/geo';

/** Mean earth radius, metres — the one turf uses, so turf.distance reads the range back. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * The area a camera sees: a closed ring [lng, lat][] starting and ending at the apex, with arc
 * vertices every `stepDeg` (or closer, evenly spaced) from heading − fov/2 to heading + fov/2,
 * `rangeM` metres away along great circles. A fov of 360° or more gives a closed circle around
 * the apex instead (no apex vertex), starting at the heading.
 *
 * @param apex camera position, WGS-84 degrees
 * @param headingDeg view direction, degrees clockwise from north
 * @param fovDeg horizontal field of view, degrees (> 0)
 * @param rangeM recognition distance, metres (> 0)
 * @param stepDeg largest angle between arc vertices, degrees; default 5
 */
export function cameraSector(apex: LngLat, headingDeg: number, fovDeg: number, rangeM: number, stepDeg = 5): LngLat[] {
  if (!(fovDeg > 0) || !(rangeM > 0) || !(stepDeg > 0) || !Number.isFinite(headingDeg)) {
    throw new RangeError(`cameraSector: needs fov > 0, range > 0, step > 0 and a finite heading (got ${fovDeg}°, ${rangeM} m, ${stepDeg}°, ${headingDeg}°)`);
  }
  const along = destinationFrom(apex, rangeM);
  if (fovDeg >= 360) {
    const segments = Math.max(8, Math.ceil(360 / stepDeg));
    const ring: LngLat[] = [];
    for (let s = 0; s < segments; s++) ring.push(along(headingDeg + (360 * s) / segments));
    ring.push(ring[0]);
    return ring;
  }
  const segments = Math.max(1, Math.ceil(fovDeg / stepDeg));
  const start = headingDeg - fovDeg / 2;
  const ring: LngLat[] = [[apex[0], apex[1]]];
  for (let s = 0; s <= segments; s++) ring.push(along(start + (fovDeg * s) / segments));
  ring.push([apex[0], apex[1]]);
  return ring;
}

/** The sector of a camera's properties as a GeoJSON Polygon geometry (see {@link cameraSector}). */
export function cameraSectorPolygon(position: LngLat, camera: Pick<CameraProps, 'heading' | 'fov' | 'range'>, stepDeg = 5): PolygonGeometry {
  return { type: 'Polygon', coordinates: [cameraSector(position, camera.heading, camera.fov, camera.range, stepDeg)] };
}

/**
 * A function giving the point `distanceM` metres from `origin` at a bearing in degrees clockwise
 * from north, on a sphere (great-circle destination). Trigonometry of the origin and distance is
 * done once.
 */
function destinationFrom(origin: LngLat, distanceM: number): (bearingDeg: number) => LngLat {
  const lng1 = origin[0] * RAD;
  const lat1 = origin[1] * RAD;
  const delta = distanceM / EARTH_RADIUS_M;
  const sinLat1 = Math.sin(lat1), cosLat1 = Math.cos(lat1);
  const sinD = Math.sin(delta), cosD = Math.cos(delta);
  return (bearingDeg) => {
    const theta = bearingDeg * RAD;
    const sinLat2 = sinLat1 * cosD + cosLat1 * sinD * Math.cos(theta);
    const lat2 = Math.asin(sinLat2);
    const lng2 = lng1 + Math.atan2(Math.sin(theta) * sinD * cosLat1, cosD - sinLat1 * sinLat2);
    return [lng2 / RAD, lat2 / RAD];
  };
}
