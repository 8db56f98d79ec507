// `npm run cli -- validate`: the clerk's GBK sheet with Baidu coordinates and 37 bad rows — the
// report names every one by its line, the clean CSV holds the rest in WGS-84 with ISO times.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clerkSheet } from '../fixtures/import/clerk-sheet';
import { cli, tempDir } from '../fixtures/cli/run-cli';

const BOUNDS: [number, number, number, number] = [116.98, 32.7, 117.43, 33.1];

describe('cli validate', () => {
  const sheet = clerkSheet(BOUNDS);
  const dir = tempDir();
  const file = join(dir, '去年警情.csv');
  writeFileSync(file, sheet.gbk);

  it('reports 37 rows to fix with their lines and reasons; accepted + rejected = total', async () => {
    const r = await cli('validate', file, '--kind', 'incidents', '--crs', 'bd09', '--report', join(dir, 'report.json'), '--out', join(dir, 'clean.csv'));
    expect(r.stderr).toContain(`read ${sheet.total} rows: ${sheet.total - 37} accepted, 37 rejected`);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { total: number; accepted: number; rejected: { line: number; reason: string; codes: string[] }[] };
    expect(report.total).toBe(sheet.total);
    expect(report.accepted + report.rejected.length).toBe(report.total);
    expect(report.rejected.map((x) => [x.line, x.codes[0]])).toEqual(sheet.bad.map((b) => [b.line, b.code]));
    expect(report.rejected.find((x) => x.codes[0] === 'swapped-lat-lon')?.reason).toBe('Latitude and longitude look swapped');
  });

  it('writes the accepted rows: lat,lon,time,category + the other columns, WGS-84 within a metre, ISO 8601 +08:00', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'clean.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual(['lat', 'lon', 'time', 'category', '编号', '地址']);
    expect(rows.data.length).toBe(sheet.good.length);
    rows.data.forEach((row, i) => {
      expect(Math.abs(Number(row.lat) - sheet.good[i].lat) * 111_000).toBeLessThan(1);
      expect(Math.abs(Number(row.lon) - sheet.good[i].lng) * 93_000).toBeLessThan(1);
      expect(row.time).toMatch(/^2024-03-\d\dT\d\d:\d\d:00\+08:00$/);
      expect(row.category).toBe(sheet.good[i].category);
    });
    expect(rows.data[0]['地址']).toBe('<img src=x onerror=alert(1)>');
    expect(rows.data.some((r) => r['地址'].includes('\n'))).toBe(true);
  });

  it('reads the same with --encoding gbk and named columns; utf8 forced on GBK bytes still accounts for every row', async () => {
    const named = await cli('validate', file, '--kind', 'incidents', '--crs', 'bd09', '--encoding', 'gbk', '--lat', '纬度', '--lon', '经度', '--time', '报警时间', '--category', '警情类别', '--report', join(dir, 'r2.json'));
    expect(named.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r2.json'), 'utf8')).rejected.length).toBe(37);
    const bad = await cli('validate', file, '--kind', 'incidents', '--lat', 'nope', '--report', join(dir, 'r3.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"nope"');
  });

  it('validates cameras and grids, and refuses bad flags with status 2', async () => {
    const cams = join(dir, 'cams.csv');
    writeFileSync(cams, 'id,name,lat,lon,status\nC1,东门,32.9,117.2,online\nC2,西门,32.9,,offline\n');
    const c = await cli('validate', cams, '--kind', 'cameras', '--report', join(dir, 'c.json'), '--out', join(dir, 'c.csv'));
    expect(c.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'))).toMatchObject({ total: 2, accepted: 1, rejected: [{ line: 3, reason: 'Missing coordinate' }] });
    const grids = join(dir, 'grids.geojson');
    writeFileSync(grids, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'G1', name: '一号' }, geometry: { type: 'Polygon', coordinates: [[[117.2, 32.9], [117.21, 32.9], [117.21, 32.91], [117.2, 32.9]]] } }] }));
    const g = await cli('validate', grids, '--kind', 'grids', '--report', join(dir, 'g.json'));
    expect(g.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8'))).toMatchObject({ total: 1, accepted: 1, rejected: [] });
    expect((await cli('validate', file, '--kind', 'roads', '--report', 'x.json')).code).toBe(2);
    expect((await cli('validate', file, '--kind', 'incidents')).code).toBe(2);
  });
});
