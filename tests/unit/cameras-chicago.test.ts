import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cameraCells, coveredCells, type CameraView } from '../../src/analysis/cameras/coverage';
import { CAMERA_DEFAULTS } from '../../src/model/camera';
import { bruteCoverage } from './cameras-brute';
import { cli, REPO, tempDir } from '../fixtures/cli/run-cli';

// The Chicago red-light and speed cameras (../shared/data, not committed) against the Chicago 2017
// crimes: the share of crimes in covered cells, printed. The files give only the approaches each
// camera enforces (EB, NB, …, the direction of travel) — no heading. Decision: one camera per
// approach, at the listed point, looking against the traffic it enforces (a northbound approach
// is filmed by a camera looking south, heading 180°; NEB → 225°, …), with the field of view and
// range of a traffic camera (CAMERA_DEFAULTS.traffic). An approach "NA" or blank adds none.
const DIR = resolve(REPO, '../shared/data/chicago');
const RED = resolve(DIR, 'cameras/Red_Light_Camera_Locations.csv');
const SPEED = resolve(DIR, 'cameras/Speed_Camera_Locations.csv');
const CRIMES = resolve(DIR, 'crimes-2017');
const FILES = existsSync(CRIMES) ? readdirSync(CRIMES).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort().map((f) => resolve(CRIMES, f)) : [];
const absent = !existsSync(RED) || !existsSync(SPEED) || FILES.length !== 12;
if (absent) console.warn(`cameras-chicago: skipped — the Chicago cameras or the 12 crime files of 2017 are not in ${DIR}`);

/** Direction of travel of an approach code → bearing, degrees clockwise from north. */
const TRAVEL: Record<string, number> = { NB: 0, NEB: 45, EB: 90, SEB: 135, SB: 180, SWB: 225, WB: 270, NWB: 315 };

function readCameras(path: string, kind: string, idColumn: string | null): CameraView[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const { fov, range } = CAMERA_DEFAULTS.traffic;
  const out: CameraView[] = [];
  rows.forEach((row, i) => {
    const lat = Number(row.LATITUDE), lng = Number(row.LONGITUDE);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || lat === 0) return;
    for (const col of ['FIRST APPROACH', 'SECOND APPROACH', 'THIRD APPROACH']) {
      const travel = TRAVEL[(row[col] ?? '').trim()];
      if (travel === undefined) continue;
      const id = `${kind}-${idColumn ? row[idColumn] : i + 2}-${row[col].trim()}`;
      out.push({ id, lng, lat, heading: (travel + 180) % 360, fov, range, status: 'online' });
    }
  });
  return out;
}

/** Every crime's cell at `res`, by a plain split (lat, lon are the last two columns). */
function crimeCells(res: number): string[] {
  const out: string[] = [];
  for (const f of FILES) {
    const lines = readFileSync(f, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const p = lines[i].split(',');
      out.push(latLngToCell(Number(p[p.length - 2]), Number(p[p.length - 1]), res));
    }
  }
  return out;
}

describe.skipIf(absent)('Chicago red-light and speed cameras against the 2017 crimes', () => {
  const red = absent ? [] : readCameras(RED, 'red', null);
  const speed = absent ? [] : readCameras(SPEED, 'speed', 'LOCATION ID');

  it('reads the approaches as cameras', () => {
    expect(red.length).toBeGreaterThan(149);
    expect(speed.length).toBeGreaterThan(150);
    console.log(`cameras-chicago: ${red.length} red-light and ${speed.length} speed cameras (one per approach)`);
  });

  it('each camera’s cells equal a brute force around it (a sample)', () => {
    for (const c of [...red.slice(0, 10), ...speed.slice(0, 10)]) {
      const m = 0.0015;
      expect(cameraCells(c, 11)).toEqual(bruteCoverage([c], 11, [c.lng - m, c.lat - m, c.lng + m, c.lat + m]));
    }
  });

  it.each([11, 10])('res %i: the share of crimes in covered cells', (res) => {
    const cells = crimeCells(res);
    expect(cells.length).toBe(264995);
    const report = (name: string, cams: CameraView[]) => {
      const covered = new Set(coveredCells(cams, res));
      const n = cells.reduce((k, c) => k + (covered.has(c) ? 1 : 0), 0);
      console.log(`cameras-chicago res ${res}, ${name}: ${covered.size} cells covered; ${n} of ${cells.length} crimes (${((100 * n) / cells.length).toFixed(2)} %) in them`);
      return n;
    };
    const a = report('red-light', red), b = report('speed', speed), both = report('red-light + speed', [...red, ...speed]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(both).toBeGreaterThanOrEqual(Math.max(a, b));
    expect(both).toBeLessThanOrEqual(a + b);
  });

  it('the coverage command on them writes the same cells', async () => {
    const dir = tempDir();
    const csv = join(dir, 'chicago-cameras.csv');
    const all = [...red, ...speed];
    writeFileSync(csv, `id,lat,lon,heading,fov,range,status\n${all.map((c) => [c.id, c.lat, c.lng, c.heading, c.fov, c.range, c.status].join(',')).join('\n')}\n`);
    const r = await cli('coverage', '--cameras', csv, '--res', '11');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`read ${all.length} rows: ${all.length} accepted, 0 rejected`);
    expect(r.stdout).toBe(`h3\n${coveredCells(all, 11).map((c) => `${c}\n`).join('')}`);
  });
});
