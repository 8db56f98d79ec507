// Benchmark: camera coverage on H3 (coverage_10k_ms, target ≤ 2,000 ms) — 10,000 synthetic
// cameras with 50,000 synthetic building footprints at resolution 11, from the footprints to the
// sorted covered cells (the building index is built inside the timing) — and what-if editing
// (whatif_ms, target ≤ 100 ms): one camera moved and turned, coverage counts and the delta updated.
// Input, from a fixed seed: 24 towns over a county-sized box (~47 × 44 km) near 117.2°E 32.9°N;
// cameras and buildings scattered around the town centres (σ ≈ 1.2 km), camera kinds with their
// CAMERA_DEFAULTS, 85 % online; buildings 8–30 m rectangles. Baselines: h3 polygonToCells over
// every camera's sector polygon (same cells without buildings), and turf booleanPointInPolygon of
// the candidate cell centres in the sector polygon for a sample of cameras, scaled to 10,000.
// Runnable alone: `npx tsx bench/coverage-bench.ts`.
import { booleanPointInPolygon } from '@turf/turf';
import { cellToLatLng, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import { cameraSectorPolygon } from '../src/analysis/cameras/camera-sector';
import { coveredCells, type CameraView } from '../src/analysis/cameras/coverage';
import { liveCoverage } from '../src/analysis/cameras/live-coverage';
import { buildingIndex } from '../src/analysis/cameras/visibility';
import { CAMERA_DEFAULTS, CAMERA_KINDS } from '../src/model/camera';
import type { LngLat, PolygonGeometry } from '../src/model/geo';
import { mulberry32 as rng } from '../tests/seeded-random';

const RES = 11;
const RUNS = 3;
const M_PER_DEG = 111_195;

/** The synthetic county: 10,000 cameras and 50,000 footprints around 24 towns. */
export function coverageInput(): { cameras: CameraView[]; buildings: PolygonGeometry[] } {
  const rand = rng(20260901);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const towns = Array.from({ length: 24 }, () => [117.0 + 0.5 * rand(), 32.7 + 0.4 * rand()] as LngLat);
  const near = (): LngLat => {
    const [lng, lat] = towns[Math.floor(rand() * towns.length)];
    const sd = 1200 / M_PER_DEG;
    return [lng + (gauss() * sd) / Math.cos(lat * (Math.PI / 180)), lat + gauss() * sd];
  };
  const cameras: CameraView[] = Array.from({ length: 10_000 }, (_, i) => {
    const [lng, lat] = near();
    const kind = CAMERA_KINDS[Math.floor(rand() * CAMERA_KINDS.length)];
    const u = rand();
    return { id: `cam-${i}`, lng, lat, heading: 360 * rand(), ...CAMERA_DEFAULTS[kind], status: u < 0.85 ? 'online' : u < 0.93 ? 'offline' : 'faulty' };
  });
  const buildings: PolygonGeometry[] = Array.from({ length: 50_000 }, () => {
    const [lng, lat] = near();
    const w = (8 + 22 * rand()) / M_PER_DEG / Math.cos(lat * (Math.PI / 180));
    const h = (8 + 22 * rand()) / M_PER_DEG;
    return { type: 'Polygon', coordinates: [[[lng, lat], [lng + w, lat], [lng + w, lat + h], [lng, lat + h], [lng, lat]]] };
  });
  return { cameras, buildings };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export async function coverageBench(): Promise<{ coverage_10k_ms: number; whatif_ms: number }> {
  const { cameras, buildings } = coverageInput();
  const online = cameras.filter((c) => c.status === 'online');
  const times: number[] = [];
  let cells: string[] = [];
  let indexMs = 0;
  for (let r = 0; r < RUNS + 1; r++) {
    const t = performance.now();
    const index = buildingIndex(buildings);
    const tIndex = performance.now();
    cells = coveredCells(cameras, RES, { buildings: index });
    if (r > 0) times.push(performance.now() - t); // the first run warms h3-js and the JIT
    if (r > 0) indexMs = tIndex - t;
  }
  const open = coveredCells(cameras, RES);
  const ms = median(times);

  // Baseline 1: h3's own polygon fill of each online camera's sector polygon (no buildings).
  let t = performance.now();
  const fill = new Set<string>();
  for (const c of online) for (const x of polygonToCells(cameraSectorPolygon([c.lng, c.lat], c).coordinates, RES, true)) fill.add(x);
  const fillMs = performance.now() - t;
  // Baseline 2: turf point-in-polygon of candidate centres in each sector polygon, for a sample.
  const sample = online.slice(0, 500);
  t = performance.now();
  for (const c of sample) {
    const poly = cameraSectorPolygon([c.lng, c.lat], c);
    for (const x of gridDisk(latLngToCell(c.lat, c.lng, RES), Math.ceil(c.range / 40) + 1)) {
      const [lat, lng] = cellToLatLng(x);
      booleanPointInPolygon([lng, lat], poly);
    }
  }
  const turfMs = ((performance.now() - t) * online.length) / sample.length;

  // What-if: one camera moved by up to 30 m and turned, counts and delta updated.
  const live = liveCoverage(cameras, RES, { buildings: buildingIndex(buildings) });
  const rand = rng(7);
  const moves: number[] = [];
  let changed = 0;
  for (let k = 0; k < 60; k++) {
    const c = online[Math.floor(rand() * online.length)];
    const moved = { ...c, lng: c.lng + ((rand() - 0.5) * 60) / M_PER_DEG, lat: c.lat + ((rand() - 0.5) * 60) / M_PER_DEG, heading: 360 * rand() };
    const t1 = performance.now();
    const d = live.updateCamera(moved);
    moves.push(performance.now() - t1);
    changed += d.added.length + d.removed.length;
  }
  const t2 = performance.now();
  const all = live.covered();
  const sortedMs = performance.now() - t2;
  const whatif = median(moves.slice(10));

  console.log(
    `coverage bench: ${cameras.length} cameras (${online.length} online), ${buildings.length} footprints, res ${RES}: ` +
      `${cells.length} cells covered (${open.length} without buildings); runs ${times.map((x) => x.toFixed(0)).join(', ')} ms, ` +
      `median ${ms.toFixed(0)} ms (building index ${indexMs.toFixed(0)} ms of it)`,
  );
  console.log(
    `  baselines without buildings: h3 polygonToCells of the sector polygons ${fillMs.toFixed(0)} ms (${fill.size} cells); ` +
      `turf booleanPointInPolygon of candidate centres ≈ ${turfMs.toFixed(0)} ms (from ${sample.length} cameras)`,
  );
  console.log(
    `  what-if: one camera moved, median ${whatif.toFixed(3)} ms, max ${Math.max(...moves.slice(10)).toFixed(2)} ms ` +
      `(${changed} cells flipped over 60 moves); the full sorted list after it ${sortedMs.toFixed(0)} ms (${all.length} cells)`,
  );
  return { coverage_10k_ms: Math.round(ms), whatif_ms: Math.round(whatif * 1000) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await coverageBench());
}
