import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cameraCells } from '../../src/analysis/cameras/coverage';
import { buildingIndex, visibilityFrom } from '../../src/analysis/cameras/visibility';
import type { LngLat, PolygonGeometry } from '../../src/model/geo';

const CAM: LngLat = [118.78, 32.04];
function at(bearing: number, metres: number, from: LngLat = CAM): LngLat {
  return destination(from, metres / 1000, bearing, { units: 'kilometers' }).geometry.coordinates as LngLat;
}
/** A square footprint `side` metres wide centred `metres` away at `bearing` from the camera. */
function square(bearing: number, metres: number, side: number): PolygonGeometry {
  const c = at(bearing, metres);
  const h = side / 2;
  const corners = [at(0, h, at(270, h, c)), at(0, h, at(90, h, c)), at(180, h, at(90, h, c)), at(180, h, at(270, h, c))];
  return { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
}

describe('visibility among buildings', () => {
  // A 10 m block 30 m east of the camera.
  const index = buildingIndex([square(90, 30, 10)]);
  const visible = visibilityFrom(index, CAM[0], CAM[1]);

  it('a building between camera and point hides it', () => {
    expect(visible(...at(90, 50))).toBe(false);
    expect(visible(...at(91, 70))).toBe(false);
  });

  it('a point beside the building, or before it, is seen', () => {
    expect(visible(...at(60, 50))).toBe(true);
    expect(visible(...at(120, 50))).toBe(true);
    expect(visible(...at(90, 20))).toBe(true);
    expect(visible(...at(270, 50))).toBe(true);
  });

  it('a point inside the building is not seen; from inside it, it is', () => {
    expect(visible(...at(90, 30))).toBe(false);
    const inside = at(90, 28);
    const fromInside = visibilityFrom(index, inside[0], inside[1]);
    expect(fromInside(...at(90, 31))).toBe(true);
    // The camera on the building looks out through its own wall.
    expect(fromInside(...at(90, 60))).toBe(true);
  });

  it('a building in a hole of a MultiPolygon and a far building do not matter', () => {
    const far = square(0, 500, 20);
    const idx = buildingIndex([{ type: 'MultiPolygon', coordinates: [far.coordinates] }]);
    expect(visibilityFrom(idx, CAM[0], CAM[1])(...at(0, 70))).toBe(true);
    expect(visibilityFrom(idx, CAM[0], CAM[1])(...at(0, 600))).toBe(false);
  });

  it('cameraCells drops the cells whose centre the building hides', () => {
    const cam = { id: 'a', lng: CAM[0], lat: CAM[1], heading: 90, fov: 90, range: 120, status: 'online' as const };
    const open = cameraCells(cam, 12);
    const big = buildingIndex([square(90, 40, 30)]);
    const cut = cameraCells(cam, 12, big);
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(open.length);
    for (const c of cut) expect(open).toContain(c);
  });
});
