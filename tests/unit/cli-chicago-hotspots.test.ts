import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cli, REPO } from '../fixtures/cli/run-cli';
import { bruteForceGi, classOf, plainBoundaryCells } from '../fixtures/cli/gi-brute-force';

// Real Chicago 2017 crimes and police districts (../shared/data, not committed): `hotspots
// --boundary` against a plain independent Gi* over the districts' cells, cell by cell.
const ROOT = resolve(REPO, '../shared/data/chicago');
const DIR = resolve(ROOT, 'crimes-2017');
const BOUNDARY = resolve(ROOT, 'boundaries/police_districts_simple.geojson');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort().map((f) => resolve(DIR, f)) : [];
const absent = FILES.length !== 12 || !existsSync(BOUNDARY);
if (absent) console.warn(`cli-chicago-hotspots: NOT RUN — the Chicago 2017 files or ${BOUNDARY} are not in ${ROOT}`);

describe.skipIf(absent)('cli hotspots --boundary on Chicago (March 2017, police districts)', () => {
  it('equals the brute force: z, p, q and class of every cell of the districts; the rest counted outside', async () => {
    const march = FILES[2];
    const r = await cli('hotspots', '--incidents', march, '--tz', 'America/Chicago', '--res', '8', '--k', '1', '--boundary', BOUNDARY);
    expect(r.code).toBe(0);
    const counts = new Map<string, number>();
    const lines = readFileSync(march, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const p = lines[i].split(',');
      const cell = latLngToCell(Number(p[p.length - 2]), Number(p[p.length - 1]), 8);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    const area = plainBoundaryCells(BOUNDARY, 8);
    expect(area.size).toBeGreaterThan(500);
    const outside = [...counts].filter(([c]) => !area.has(c)).reduce((a, [, v]) => a + v, 0);
    expect(r.stderr).toContain(`${outside} incidents in other cells left out`);
    const want = bruteForceGi(area, counts, 1);
    const rows = r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBe(area.size);
    let hot = 0;
    for (const [cell, count, z, p, cls, q] of rows) {
      const w = want.get(cell)!;
      expect(Number(count)).toBe(w.count);
      expect(Number(z)).toBeCloseTo(w.z, 10);
      expect(Number(p)).toBeCloseTo(w.p, 12);
      expect(Number(q)).toBeCloseTo(w.q, 12);
      expect(cls).toBe(classOf(w.z, w.q));
      if (cls.startsWith('hot')) hot++;
    }
    expect(hot).toBeGreaterThan(10);
  }, 60_000);
});
