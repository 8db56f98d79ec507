import { bearing, distance, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cameraSector, cameraSectorPolygon } from '../../src/analysis/cameras/camera-sector';
import type { LngLat } from '../../src/model/geo';

const apex: LngLat = [117.2, 32.9];
const metres = (a: LngLat, b: LngLat) => distance(point(a), point(b), { units: 'meters' });
const bearingOf = (p: LngLat) => (bearing(point(apex), point(p)) + 360) % 360;

describe('cameraSector', () => {
  it('starts and ends at the apex and keeps the arc at the range', () => {
    const ring = cameraSector(apex, 30, 60, 120);
    expect(ring[0]).toEqual(apex);
    expect(ring[ring.length - 1]).toEqual(apex);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBe(13); // 60° in 5° steps
    for (const p of arc) expect(metres(apex, p)).toBeCloseTo(120, 6);
    expect(bearingOf(arc[0])).toBeCloseTo(0, 6);
    expect(bearingOf(arc[arc.length - 1])).toBeCloseTo(60, 6);
  });

  it('points north for heading 0 and east for heading 90', () => {
    const north = cameraSector(apex, 0, 10, 100, 5);
    const mid = north[2]; // arc vertices at −5°, 0°, +5°
    expect(mid[0]).toBeCloseTo(apex[0], 9);
    expect(mid[1]).toBeGreaterThan(apex[1]);
    const east = cameraSector(apex, 90, 10, 100, 5)[2];
    expect(east[0]).toBeGreaterThan(apex[0]);
    expect(east[1]).toBeCloseTo(apex[1], 6);
    expect(bearingOf(east)).toBeCloseTo(90, 6);
  });

  it('spaces arc vertices evenly at most stepDeg apart', () => {
    const ring = cameraSector(apex, 200, 47, 80, 10);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBe(6); // ceil(47 / 10) = 5 segments
    for (let k = 1; k < arc.length; k++) {
      const d = (bearingOf(arc[k]) - bearingOf(arc[k - 1]) + 360) % 360;
      expect(d).toBeCloseTo(47 / 5, 6);
    }
  });

  it('gives a closed circle for a 360° dome, without the apex', () => {
    const ring = cameraSector(apex, 45, 360, 250);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length).toBe(73); // 72 vertices every 5°, closed
    for (const p of ring) expect(metres(apex, p)).toBeCloseTo(250, 6);
    expect(ring.some((p) => p[0] === apex[0] && p[1] === apex[1])).toBe(false);
    expect(bearingOf(ring[0])).toBeCloseTo(45, 6);
  });

  it('rejects a non-positive fov or range', () => {
    expect(() => cameraSector(apex, 0, 0, 100)).toThrow(RangeError);
    expect(() => cameraSector(apex, 0, 90, -1)).toThrow(RangeError);
    expect(() => cameraSector(apex, NaN, 90, 10)).toThrow(RangeError);
  });

  it('wraps a camera as a GeoJSON polygon', () => {
    const g = cameraSectorPolygon(apex, { heading: 10, fov: 90, range: 60 });
    expect(g.type).toBe('Polygon');
    expect(g.coordinates[0][0]).toEqual(apex);
  });
});
