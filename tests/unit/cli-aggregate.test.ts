import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import gcoord from 'gcoord';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/usage';
import { cli, countsCsv, FIXTURE_CSV, plainFixtureCounts, REPO, tempDir } from '../fixtures/cli/run-cli';

const golden = (name: string): string => readFileSync(resolve(REPO, 'tests/fixtures/cli', name), 'utf8');

describe('cli aggregate', () => {
  it('writes h3,count for every non-empty cell, sorted by h3 — the exact expected file', async () => {
    const r = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('aggregate-res9.csv'));
    expect(r.stdout).toBe(countsCsv(plainFixtureCounts(9)));
  });

  it('filters by --from (inclusive), --to (exclusive) and repeated --category', async () => {
    const r = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '8', '--from', '2024-06-01', '--to', '2024-07-01', '--category', '盗窃', '--category', '诈骗');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('aggregate-res8-june-theft-fraud.csv'));
    const plain = plainFixtureCounts(8, (t, c) => t >= '2024-06-01 00:00' && t < '2024-07-01 00:00' && (c === '盗窃' || c === '诈骗'));
    expect(r.stdout).toBe(countsCsv(plain));
  });

  it('reads --from/--to in --tz, and honours an offset in them', async () => {
    const at = async (...f: string[]): Promise<string> => (await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '7', ...f)).stdout;
    // J001 is at 2024-05-08 13:36 Beijing time = 05:36 UTC.
    const one = (s: string): number => Number(s.trim().split('\n').slice(1).reduce((a, l) => a + Number(l.split(',')[1]), 0));
    expect(one(await at('--from', '2024-05-08 13:36', '--to', '2024-05-08 13:37'))).toBe(1);
    expect(one(await at('--from', '2024-05-08T05:36Z', '--to', '2024-05-08T05:37Z'))).toBe(1);
    expect(one(await at('--tz', 'UTC', '--from', '2024-05-08 05:36', '--to', '2024-05-08 05:37'))).toBe(0); // rows move too
    expect(one(await at('--from', '2024-05-08 13:37', '--to', '2024-05-08 14:00'))).toBe(0);
  });

  it('reports the rows it could not read on stderr with file and line', async () => {
    const r = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9');
    expect(r.stderr).toContain('read 63 rows: 60 accepted, 3 rejected\n');
    expect(r.stderr).toContain(`${FIXTURE_CSV}:11: missing longitude\n`);
    expect(r.stderr).toContain(`${FIXTURE_CSV}:31: invalid date "2024年5月32日 10时" (no such day or time)\n`);
    expect(r.stderr).toContain(`${FIXTURE_CSV}:46: empty category\n`);
    expect(r.stderr).toContain('columns lat="纬度" lon="经度" time="报警时间" category="警情类别"');
  });

  it('writes --out and --rejects files', async () => {
    const dir = tempDir();
    const out = join(dir, 'cells.csv');
    const rejects = join(dir, 'rejects.csv');
    const r = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--out', out, '--rejects', rejects);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(golden('aggregate-res9.csv'));
    expect(readFileSync(rejects, 'utf8')).toBe(
      'file,line,reason\n' +
        `${FIXTURE_CSV},11,missing longitude\n` +
        `${FIXTURE_CSV},31,"invalid date ""2024年5月32日 10时"" (no such day or time)"\n` +
        `${FIXTURE_CSV},46,empty category\n`,
    );
  });

  it('lists the first 20 rejections and points to --rejects for the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, ['lat,lon,time,category', ...Array.from({ length: 25 }, (_, i) => `34.7,113.6,bad${i},A`), '34.7,113.6,2024-05-08,A'].join('\n'));
    const r = await cli('aggregate', '--incidents', file, '--res', '5');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read 26 rows: 1 accepted, 25 rejected\n');
    expect(r.stderr).toContain(`${file}:21: unparseable date "bad19"\n`);
    expect(r.stderr).not.toContain(`${file}:22:`);
    expect(r.stderr).toContain('… and 5 more; --rejects FILE.csv writes them all\n');
  });

  it('accepts several files after one --incidents and repeated --incidents', async () => {
    const twice = countsCsv(new Map([...plainFixtureCounts(9)].map(([k, v]) => [k, 2 * v])));
    const a = await cli('aggregate', '--incidents', FIXTURE_CSV, FIXTURE_CSV, '--res', '9');
    const b = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--incidents', FIXTURE_CSV);
    const c = await cli('aggregate', `--incidents=${FIXTURE_CSV}`, '--res=9', `--incidents=${FIXTURE_CSV}`);
    for (const r of [a, b, c]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(twice);
      expect(r.stderr).toContain('read 126 rows: 120 accepted, 6 rejected');
    }
  });

  it('takes explicit columns, a coordinate system and an encoding', async () => {
    const dir = tempDir();
    const file = join(dir, 'gcj.csv');
    // 113.6253, 34.7466 in GCJ-02 (as AMap shows it) is about 113.6193, 34.7479 in WGS-84.
    writeFileSync(file, 'A,B,C,D\n113.6253,34.7466,2024-05-08 10:00,盗窃\n');
    const r = await cli('aggregate', '--incidents', file, '--res', '9', '--lon', 'A', '--lat', 'B', '--time', 'C', '--category-column', 'D', '--crs', 'GCJ02', '--encoding', 'utf-8');
    expect(r.code).toBe(0);
    const [x, y] = gcoord.transform([113.6253, 34.7466], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    expect(r.stdout).toBe(`h3,count\n${latLngToCell(y, x, 9)},1\n`);
  });

  it('warns about a category absent from the data and writes only the header', async () => {
    const r = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--category', '不存在');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('h3,count\n');
    expect(r.stderr).toContain('warning: category "不存在" does not occur in the accepted rows');
  });
});

describe('cli arguments and errors', () => {
  it('prints the usage for --help, -h and no arguments', async () => {
    for (const args of [['--help'], ['-h'], [], ['aggregate', '--help']]) {
      const r = await cli(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(USAGE);
    }
    for (const flag of ['--incidents', '--res', '--from', '--to', '--category', '--tz', '--lat', '--lon', '--time', '--category-column', '--crs', '--encoding', '--out', '--rejects', '--k']) {
      expect(USAGE).toContain(flag);
    }
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['aggregate', '--res', '9'], '--incidents FILE.csv is required'],
    [['aggregate', '--incidents', FIXTURE_CSV], '--res N is required'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '16'], '--res must be a whole number 0–15, got "16"'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '8.5'], '--res must be a whole number'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--colour', 'red'], 'unknown option --colour'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--tz', 'Mars/Base'], '--tz: unknown time zone "Mars/Base"'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--crs', 'UTM'], '--crs: unknown coordinate system "UTM"'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--encoding', 'latin9'], '--encoding: unknown encoding "latin9"'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--from', 'yesterday'], '--from: cannot read the date-time "yesterday"'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--from', '2024-06-01', '--to', '2024-05-01'], 'is not before --to'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--k', '2'], '--k is an option of hotspots only'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res'], '--res needs a value'],
    [['aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--res', '8'], '--res given twice'],
    [['aggregate', 'stray', '--res', '9'], 'unexpected argument "stray"'],
  ])('exits 2 on %j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('exits 1 on a missing file or a file without the needed columns', async () => {
    const missing = await cli('aggregate', '--incidents', 'no/such/file.csv', '--res', '9');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: cannot read no/such/file.csv: no such file\n');
    const dir = tempDir();
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const cols = await cli('aggregate', '--incidents', file, '--res', '9');
    expect(cols.code).toBe(1);
    expect(cols.stderr).toContain(`error: ${file}: no latitude column found (name it with --lat)`);
    const badOut = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--out', join(dir, 'no/dir/out.csv'));
    expect(badOut.code).toBe(1);
    expect(badOut.stderr).toContain('error: cannot write');
  });

  it('runs as a program: npx tsx src/cli/main.ts, with exit statuses', () => {
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8' });
    const ok = run('aggregate', '--incidents', FIXTURE_CSV, '--res', '9');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(golden('aggregate-res9.csv'));
    expect(ok.stderr).toContain('read 63 rows: 60 accepted, 3 rejected');
    const bad = run('aggregate', '--res', '99');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('error:');
  }, 30_000);
});
