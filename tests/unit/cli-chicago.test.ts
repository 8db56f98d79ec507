import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { importIncidentCsv } from '../../src/io/csv-incidents';
import { cli, countsCsv, REPO } from '../fixtures/cli/run-cli';

// Real Chicago 2017 crimes (../shared/data, not committed): the CLI's counts against a plain
// independent computation, cell by cell.
const DIR = resolve(REPO, '../shared/data/chicago/crimes-2017');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort().map((f) => resolve(DIR, f)) : [];
const absent = FILES.length !== 12;
if (absent) console.warn(`cli-chicago: skipped — the 12 Chicago 2017 files are not in ${DIR}`);

/** Every row as [datetime, primary_type, lat, lon] by a plain split (lat, lon are the last two). */
function plainRows(): [string, string, string, string][] {
  const out: [string, string, string, string][] = [];
  for (const f of FILES) {
    const lines = readFileSync(f, 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const p = lines[i].split(',');
      out.push([p[2], p[3], p[p.length - 2], p[p.length - 1]]);
    }
  }
  return out;
}

function plainCounts(rows: [string, string, string, string][], res: number, from: string, to: string, categories?: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const [t, c, lat, lon] of rows) {
    if (t < from || t >= to || (categories && !categories.includes(c))) continue;
    const cell = latLngToCell(Number(lat), Number(lon), res);
    m.set(cell, (m.get(cell) ?? 0) + 1);
  }
  return m;
}

describe.skipIf(absent)('cli aggregate on Chicago 2017 (264,995 crimes)', () => {
  const rows = absent ? [] : plainRows();
  const base = ['aggregate', '--incidents', ...FILES, '--tz', 'America/Chicago'];

  it('reads every row', async () => {
    const r = await cli(...base, '--res', '5');
    expect(r.code).toBe(0);
    expect(rows.length).toBe(264995);
    expect(r.stderr).toContain('read 264995 rows: 264995 accepted, 0 rejected');
  });

  it.each([
    [8, '2017-03-01', '2017-04-01', undefined],
    [8, '2017-07-01', '2017-08-01', ['THEFT']],
    [10, '2017-11-01', '2017-12-01', ['BATTERY', 'ASSAULT']],
  ])('res %i, %s ≤ t < %s, categories %j: equal cell by cell', async (res, from, to, categories) => {
    const flags = ['--res', String(res), '--from', from, '--to', to, ...(categories ?? []).flatMap((c) => ['--category', c])];
    const r = await cli(...base, ...flags);
    expect(r.code).toBe(0);
    const plain = plainCounts(rows, res, `${from}T00:00:00`, `${to}T00:00:00`, categories);
    expect(plain.size).toBeGreaterThan(100);
    expect(r.stdout).toBe(countsCsv(plain));
  });

  it('the direct split and papaparse read a month the same', () => {
    const bytes = readFileSync(FILES[2]);
    const a = importIncidentCsv(bytes, { timeZone: 'America/Chicago', engine: 'direct' });
    const b = importIncidentCsv(bytes, { timeZone: 'America/Chicago', engine: 'papaparse' });
    expect(a.total).toBe(b.total);
    expect(a.categories).toEqual(b.categories);
    expect(a.columns).toEqual(b.columns);
  });
});
