// Siting candidates: junctions, lane vertices, blind-spot centres, user points, repairs; dedupe.
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cameraCells } from '../../src/analysis/cameras/coverage';
import { roadVertices, siteCandidates, toSiteCandidates } from '../../src/analysis/cameras/site-candidates';
import type { LngLat } from '../../src/model/geo';

const line = (coordinates: LngLat[], cls = 'street') => ({ geometry: { type: 'LineString' as const, coordinates }, properties: { class: cls } });
const newCamera = { heading: 0, fov: 360, range: 50, cost: 1 };

describe('siteCandidates', () => {
  it('finds junctions (vertices of two roads) and lane vertices', () => {
    const roads = [
      line([[117.2, 32.9], [117.201, 32.9], [117.202, 32.9]]),
      line([[117.201, 32.899], [117.201, 32.9], [117.201, 32.901]]),
      line([[117.21, 32.91], [117.211, 32.91]], 'lane'),
      // A road revisiting its own vertex is no junction.
      line([[117.3, 33], [117.301, 33], [117.3, 33]]),
    ];
    const { junctions, laneVertices } = roadVertices(roads);
    expect(junctions).toEqual([[117.201, 32.9]]);
    expect(laneVertices).toEqual([[117.21, 32.91], [117.211, 32.91]]);
  });

  it('puts repairs first (faulty and offline only), keeps user points, and drops near duplicates', () => {
    const cell = latLngToCell(32.95, 117.25, 11);
    const [clat, clng] = cellToLatLng(cell);
    const sites = siteCandidates({
      roads: [line([[117.2, 32.9], [117.201, 32.9]]), line([[117.201, 32.9], [117.201, 32.901]]), line([[117.20101, 32.9], [117.2011, 32.9]], 'lane')],
      blindSpotCells: [cell],
      userPoints: [{ id: 'u', lng: clng, lat: clat }],
      cameras: [
        { id: 'on', lng: 117.1, lat: 32.8, heading: 0, fov: 90, range: 80, status: 'online' },
        { id: 'bad', lng: 117.1, lat: 32.81, heading: 45, fov: 90, range: 80, status: 'faulty' },
        { id: 'off', lng: 117.1, lat: 32.82, heading: 90, fov: 60, range: 70, status: 'offline' },
      ],
      newCamera,
      repairCost: 0.3,
      dedupeM: 20,
    });
    // The blind-spot centre coincides with the user point; the first lane vertex is ~1 m from the
    // junction; the second ~9 m — both dropped.
    expect(sites.map((s) => s.id)).toEqual(['repair:bad', 'repair:off', 'user:u', 'junction:1']);
    expect(sites[0]).toMatchObject({ source: 'repair', heading: 45, fov: 90, range: 80, cost: 0.3 });
    expect(sites[3]).toMatchObject({ source: 'junction', fov: 360, range: 50, cost: 1 });
  });

  it('gives each candidate the cells its camera would see', () => {
    const sites = siteCandidates({ userPoints: [{ lng: 117.23, lat: 32.94 }], newCamera, repairCost: 1 });
    const [c] = toSiteCandidates(sites, 11);
    expect(c.id).toBe('user:1');
    expect(c.repair).toBe(false);
    expect(c.cells).toEqual(cameraCells({ id: 'x', lng: 117.23, lat: 32.94, heading: 0, fov: 360, range: 50, status: 'online' }, 11));
    expect(c.cells.length).toBeGreaterThan(3);
  });
});
