import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { bearingWithin, inSector } from '../../src/analysis/cameras/in-sector';

// Points placed by turf's great-circle destination (same sphere, R = 6,371,008.8 m), an
// independent construction of "d metres away at bearing b".
const CAM = { lng: 118.78, lat: 32.04, heading: 90, fov: 60, range: 80 };
function at(bearing: number, metres: number, from = CAM): [number, number] {
  const p = destination([from.lng, from.lat], metres / 1000, bearing, { units: 'kilometers' });
  return p.geometry.coordinates as [number, number];
}
const sees = (cam: typeof CAM, p: [number, number]) => inSector(cam, p[0], p[1]);

describe('inSector: exact at the edges', () => {
  it('exactly at the range is in, a centimetre beyond is out', () => {
    expect(sees(CAM, at(90, 80))).toBe(true);
    expect(sees(CAM, at(90, 80.01))).toBe(false);
    expect(sees(CAM, at(90, 79.99))).toBe(true);
  });

  it('both bearing limits are in, a hundredth of a degree outside is out', () => {
    expect(sees(CAM, at(60, 50))).toBe(true);
    expect(sees(CAM, at(120, 50))).toBe(true);
    expect(sees(CAM, at(59.99, 50))).toBe(false);
    expect(sees(CAM, at(120.01, 50))).toBe(false);
    expect(sees(CAM, at(270, 50))).toBe(false);
  });

  it('the corner of range and bearing limit is in', () => {
    expect(sees(CAM, at(120, 80))).toBe(true);
    expect(sees(CAM, at(60, 80))).toBe(true);
  });

  it('fov 360 sees every bearing within range', () => {
    const dome = { ...CAM, fov: 360, range: 60 };
    for (let b = 0; b < 360; b += 15) {
      expect(sees(dome, at(b, 60))).toBe(true);
      expect(sees(dome, at(b, 60.01))).toBe(false);
    }
  });

  it('a sector across north: heading 350, fov 40 holds bearings 330…10 only', () => {
    const north = { ...CAM, heading: 350, fov: 40 };
    expect(sees(north, at(5, 40))).toBe(true);
    expect(sees(north, at(0, 40))).toBe(true);
    expect(sees(north, at(335, 40))).toBe(true);
    expect(sees(north, at(10, 40))).toBe(true);
    expect(sees(north, at(330, 40))).toBe(true);
    expect(sees(north, at(15, 40))).toBe(false);
    expect(sees(north, at(325, 40))).toBe(false);
    expect(sees(north, at(170, 40))).toBe(false);
  });

  it('heading 10, fov 40 also wraps (330 + 20 = 350 in, 345 out)', () => {
    const cam = { ...CAM, heading: 10, fov: 40 };
    expect(sees(cam, at(350, 30))).toBe(true);
    expect(sees(cam, at(345, 30))).toBe(false);
    expect(bearingWithin(359.5, 0, 2)).toBe(true);
    expect(bearingWithin(358.5, 0, 2)).toBe(false);
    expect(bearingWithin(0, 360 + 350, 40)).toBe(true);
  });

  it('the apex counts, for any heading and range 0 too', () => {
    expect(inSector(CAM, CAM.lng, CAM.lat)).toBe(true);
    expect(inSector({ ...CAM, range: 0 }, CAM.lng, CAM.lat)).toBe(true);
    expect(sees({ ...CAM, range: 0 }, at(90, 0.5))).toBe(false);
  });
});
