import { destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { cameraCells, coveredCells, type CameraView } from '../../src/analysis/cameras/coverage';
import { liveCoverage } from '../../src/analysis/cameras/live-coverage';
import { buildingIndex } from '../../src/analysis/cameras/visibility';
import type { LngLat, PolygonGeometry } from '../../src/model/geo';
import { mulberry32 as rng } from '../seeded-random';
import { bruteCoverage } from './cameras-brute';

// A 600 m box near Nanjing with random cameras and random square buildings; coverage against a
// brute force over every cell of the (enlarged) box (cameras-brute.ts).
const W = 118.78, S = 32.04, SIDE = 0.006;
const STATUSES = ['online', 'online', 'offline', 'faulty'] as const;

function cameras(seed: number, n: number): CameraView[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    lng: W + r() * SIDE,
    lat: S + r() * SIDE,
    heading: r() * 360,
    fov: r() < 0.3 ? 360 : 20 + r() * 120,
    range: 20 + r() * 80,
    status: STATUSES[i % 4],
  }));
}

function buildings(seed: number, n: number): PolygonGeometry[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const c: LngLat = [W + r() * SIDE, S + r() * SIDE];
    const h = (4 + r() * 12) / 1000;
    const p = (b: number, from: LngLat) => destination(from, h, b).geometry.coordinates as LngLat;
    const ring = [p(315, c), p(45, c), p(135, c), p(225, c)];
    return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] };
  });
}

/** The brute force over the box enlarged by 0.003° (≈ 300 m, beyond every range). */
function brute(cams: CameraView[], res: number, builds: PolygonGeometry[] = [], all = false): string[] {
  const m = 0.003;
  return bruteCoverage(cams, res, [W - m, S - m, W + SIDE + m, S + SIDE + m], builds, all);
}

describe('coverage on H3 against a brute force over every cell', () => {
  it.each([11, 12])('res %i, online cameras, and with the faulty and offline ones', (res) => {
    const cams = cameras(7, 40);
    const online = coveredCells(cams, res);
    expect(online.length).toBeGreaterThan(20);
    expect(online).toEqual(brute(cams, res));
    expect(coveredCells(cams, res, { includeNotOnline: true })).toEqual(brute(cams, res, [], true));
  });

  it('res 12 with buildings cutting the views', () => {
    const cams = cameras(11, 40);
    const builds = buildings(12, 60);
    const index = buildingIndex(builds);
    const cut = coveredCells(cams, 12, { buildings: index, includeNotOnline: true });
    expect(cut).toEqual(brute(cams, 12, builds, true));
    expect(cut.length).toBeLessThan(coveredCells(cams, 12, { includeNotOnline: true }).length);
  });

  it('cameraCells is sorted and unique; coveredCells is the union of the online cameras', () => {
    const cams = cameras(3, 10);
    const union = new Set<string>();
    for (const c of cams) {
      const cells = cameraCells(c, 12);
      expect(cells).toEqual([...new Set(cells)].sort());
      if (c.status === 'online') cells.forEach((x) => union.add(x));
    }
    expect(coveredCells(cams, 12)).toEqual([...union].sort());
  });
});

describe('liveCoverage: one camera edited at a time', () => {
  it('after moves, turns, status changes and removals equals coverage from scratch', () => {
    const cams = cameras(21, 60);
    const index = buildingIndex(buildings(22, 80));
    const live = liveCoverage(cams, 12, { buildings: index });
    expect(live.covered()).toEqual(coveredCells(cams, 12, { buildings: index }));
    const r = rng(23);
    const current = new Map(cams.map((c) => [c.id, c]));
    for (let step = 0; step < 40; step++) {
      const before = new Set(live.covered());
      const id = `c${Math.floor(r() * 60)}`;
      let delta;
      if (step % 10 === 9) {
        current.delete(id);
        delta = live.removeCamera(id);
      } else {
        const old = current.get(id) ?? cams[0];
        const moved: CameraView = { ...old, id, lng: old.lng + (r() - 0.5) * 0.001, heading: r() * 360, fov: 10 + r() * 350, status: r() < 0.8 ? 'online' : 'faulty' };
        current.set(id, moved);
        delta = live.updateCamera(moved);
      }
      const after = coveredCells([...current.values()], 12, { buildings: index });
      expect(live.covered()).toEqual(after);
      const afterSet = new Set(after);
      expect(delta.added).toEqual(after.filter((c) => !before.has(c)));
      expect(delta.removed).toEqual([...before].filter((c) => !afterSet.has(c)).sort());
    }
  });
});
