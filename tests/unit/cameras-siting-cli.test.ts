// `site` on the fixture (tests/fixtures/siting/) against an independent plain greedy: incidents
// read by a plain split, coverage by turf brute force (cameras-brute.ts), greedy by sets.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { distance } from '@turf/turf';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { CameraView } from '../../src/analysis/cameras/coverage';
import { bruteCoverage } from './cameras-brute';
import { cli, REPO, tempDir } from '../fixtures/cli/run-cli';

const DIR = 'tests/fixtures/siting';
const INCIDENTS = `${DIR}/incidents.csv`;
const CAMERAS = `${DIR}/cameras.csv`;
const CANDIDATES = `${DIR}/candidates.csv`;
const BOX: [number, number, number, number] = [118.772, 32.034, 118.792, 32.048];

const rows = (file: string): string[][] => readFileSync(resolve(REPO, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

interface Site { id: string; lng: number; lat: number; cells: Set<string> }

function expected(res: number, k: number, opts: { candidates: boolean; range: number; fov?: number; spacing?: number }): string {
  const demand = new Map<string, number>();
  for (const [, , , lat, lon] of rows(INCIDENTS)) {
    if (!Number.isFinite(Number(lat))) continue;
    const c = latLngToCell(Number(lat), Number(lon), res);
    demand.set(c, (demand.get(c) ?? 0) + 1);
  }
  const cams: CameraView[] = rows(CAMERAS).map(([id, lat, lon, heading, fov, range, status]) => ({ id, lat: +lat, lng: +lon, heading: +heading, fov: +fov, range: +range, status: status as CameraView['status'] }));
  for (const c of bruteCoverage(cams, res, BOX)) demand.delete(c);
  const view = (id: string, lng: number, lat: number): Set<string> =>
    new Set(bruteCoverage([{ id, lng, lat, heading: 0, fov: opts.fov ?? 360, range: opts.range, status: 'online' }], res, BOX));
  const sites: Site[] = opts.candidates
    ? rows(CANDIDATES).filter(([, lat]) => lat !== '').map(([id, lat, lon]) => ({ id, lng: +lon, lat: +lat, cells: view(id, +lon, +lat) }))
    : [...demand.keys()].sort().map((h3) => {
        const [lat, lng] = cellToLatLng(h3);
        return { id: h3, lng, lat, cells: view(h3, lng, lat) };
      });
  const covered = new Set<string>();
  const chosen: Site[] = [];
  const features: object[] = [];
  let cumulative = 0;
  while (chosen.length < k) {
    let best: Site | undefined;
    let bestGain = 0;
    for (const s of sites) {
      if (chosen.includes(s)) continue;
      if (opts.spacing && chosen.some((c) => distance([c.lng, c.lat], [s.lng, s.lat], { units: 'meters' }) < opts.spacing!)) continue;
      let g = 0;
      for (const c of s.cells) if (!covered.has(c)) g += demand.get(c) ?? 0;
      if (g > bestGain) [best, bestGain] = [s, g];
    }
    if (!best) break;
    chosen.push(best);
    for (const c of best.cells) covered.add(c);
    cumulative += bestGain;
    const properties = opts.candidates ? { rank: chosen.length, gain: bestGain, cumulative, id: best.id } : { rank: chosen.length, gain: bestGain, cumulative, h3: best.id };
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [best.lng, best.lat] }, properties });
  }
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}

describe('cli site on the fixture', () => {
  it.each([
    ['candidates from the file', 12, 4, ['--candidates', CANDIDATES, '--range', '60'], { candidates: true, range: 60 }],
    ['candidates from the file, 90° looking north', 12, 3, ['--candidates', CANDIDATES, '--fov', '90'], { candidates: true, range: 100, fov: 90 }],
    ['uncovered cell centres, 80 m apart', 12, 5, ['--min-spacing', '80'], { candidates: false, range: 100, spacing: 80 }],
    ['uncovered cell centres at res 11, range 40', 11, 6, ['--range', '40'], { candidates: false, range: 40 }],
  ] as const)('%s: exactly an independent plain greedy', async (_name, res, k, flags, opts) => {
    const out = join(tempDir(), 'plan.geojson');
    const r = await cli('site', '--incidents', INCIDENTS, '--cameras', CAMERAS, '--k', String(k), '--res', String(res), ...flags, '--out', out);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const plan = JSON.parse(text) as { features: { properties: { rank: number } }[] };
    expect(plan.features.length).toBeGreaterThan(1);
    expect(text).toBe(expected(res, k, opts));
  });

  it('reports demand and rejected rows; stops before K when nothing more is gained', async () => {
    const r = await cli('site', '--incidents', INCIDENTS, '--cameras', CAMERAS, '--k', '50', '--res', '12', '--candidates', CANDIDATES);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${CANDIDATES}:14: lat "" is not a latitude`);
    expect(r.stderr).toMatch(/\d+ of 70 incidents in cells an online camera covers/);
    const n = (JSON.parse(r.stdout) as { features: unknown[] }).features.length;
    expect(n).toBeLessThan(12);
    expect(r.stdout).toBe(expected(12, 50, { candidates: true, range: 100 }));
  });

  it('bad command lines are usage errors (2), missing files file errors (1)', async () => {
    const base = ['site', '--incidents', INCIDENTS, '--res', '12'];
    expect((await cli(...base, '--k', '3')).code).toBe(2);
    expect((await cli(...base, '--cameras', CAMERAS)).code).toBe(2);
    expect((await cli(...base, '--cameras', CAMERAS, '--k', '0')).code).toBe(2);
    expect((await cli(...base, '--cameras', CAMERAS, '--k', '3', '--fov', '400')).code).toBe(2);
    expect((await cli(...base, '--cameras', CAMERAS, '--k', '3', '--min-spacing', '-5')).code).toBe(2);
    expect((await cli(...base, '--cameras', 'no/such.csv', '--k', '3')).code).toBe(1);
    expect((await cli('coverage', '--cameras', CAMERAS, '--res', '12', '--k', '3')).code).toBe(2);
  });
});
