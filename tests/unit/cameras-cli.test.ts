import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CameraView } from '../../src/analysis/cameras/coverage';
import type { PolygonGeometry } from '../../src/model/geo';
import { bruteCoverage } from './cameras-brute';
import { cli, REPO, tempDir } from '../fixtures/cli/run-cli';

const CSV = 'tests/fixtures/cameras/cameras.csv';
const BUILDINGS = 'tests/fixtures/cameras/buildings.geojson';

/** The fixture's readable rows by a plain split (the four bad rows are known by eye). */
function plainCameras(): CameraView[] {
  const lines = readFileSync(resolve(REPO, CSV), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((l) => l.split(','))
    .filter(([id, lat, , , fov, , status]) => id !== '' && Math.abs(Number(lat)) <= 90 && Number(fov) > 0 && ['online', 'offline', 'faulty'].includes(status))
    .map(([id, lat, lon, heading, fov, range, status]) => ({ id, lat: +lat, lng: +lon, heading: +heading, fov: +fov, range: +range, status: status as CameraView['status'] }));
}

function expected(res: number, builds: PolygonGeometry[], all: boolean): string {
  const cams = plainCameras();
  const m = 0.002;
  const box: [number, number, number, number] = [
    Math.min(...cams.map((c) => c.lng)) - m, Math.min(...cams.map((c) => c.lat)) - m,
    Math.max(...cams.map((c) => c.lng)) + m, Math.max(...cams.map((c) => c.lat)) + m,
  ];
  return `h3\n${bruteCoverage(cams, res, box, builds, all).map((c) => `${c}\n`).join('')}`;
}

const buildings = (): PolygonGeometry[] =>
  (JSON.parse(readFileSync(resolve(REPO, BUILDINGS), 'utf8')) as { features: { geometry: PolygonGeometry }[] }).features
    .map((f) => f.geometry)
    .filter((g) => g.type === 'Polygon');

describe('cli coverage on the fixture', () => {
  it('reports the rejected rows with line numbers, accepted + rejected = total', async () => {
    const r = await cli('coverage', '--cameras', CSV, '--res', '12');
    expect(r.code).toBe(0);
    expect(plainCameras()).toHaveLength(6);
    expect(r.stderr).toContain('read 10 rows: 6 accepted, 4 rejected');
    for (const line of [7, 8, 9, 10]) expect(r.stderr).toContain(`${CSV}:${line}: `);
    expect(r.stderr).toContain('4 of 6 cameras counted (online only)');
  });

  it.each([
    [12, false, false],
    [12, true, false],
    [12, false, true],
    [12, true, true],
    [13, true, true],
    [11, false, true],
  ])('res %i, buildings %s, include-faulty %s: exactly the brute force', async (res, withBuildings, all) => {
    const dir = tempDir();
    const out = join(dir, 'covered.csv');
    const flags = ['--res', String(res), '--out', out, ...(withBuildings ? ['--buildings', BUILDINGS] : []), ...(all ? ['--include-faulty'] : [])];
    const r = await cli('coverage', '--cameras', CSV, ...flags);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(text).toBe(expected(res, withBuildings ? buildings() : [], all));
  });

  it('buildings and the repaired cameras change the answer', async () => {
    const plain = (await cli('coverage', '--cameras', CSV, '--res', '12')).stdout;
    const cut = (await cli('coverage', '--cameras', CSV, '--res', '12', '--buildings', BUILDINGS)).stdout;
    const all = (await cli('coverage', '--cameras', CSV, '--res', '12', '--include-faulty')).stdout;
    expect(cut.length).toBeLessThan(plain.length);
    expect(all.length).toBeGreaterThan(plain.length);
  });

  it('other column names via flags; bad flags are usage errors', async () => {
    const dir = tempDir();
    const renamed = join(dir, 'renamed.csv');
    const text = readFileSync(resolve(REPO, CSV), 'utf8').replace('id,lat,lon,heading,fov,range,status', 'cam,y,x,dir,angle,reach,state');
    writeFileSync(renamed, text);
    const a = await cli('coverage', '--cameras', renamed, '--res', '12', '--id-column', 'cam', '--lat', 'y', '--lon', 'x', '--heading', 'dir', '--fov', 'angle', '--range', 'reach', '--status', 'state');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe((await cli('coverage', '--cameras', CSV, '--res', '12')).stdout);
    expect((await cli('coverage', '--cameras', CSV)).code).toBe(2);
    expect((await cli('coverage', '--cameras', CSV, '--res', '16')).code).toBe(2);
    expect((await cli('coverage', '--cameras', CSV, '--res', '12', '--k', '1')).code).toBe(2);
    expect((await cli('coverage', '--cameras', 'no/such.csv', '--res', '12')).code).toBe(1);
  });
});
