import { describe, expect, it } from 'vitest';
import { giStar } from '../../src/analysis/stats/gi-star';
import { cli, FIXTURE_CSV, plainFixtureCounts } from '../fixtures/cli/run-cli';

function parse(csv: string): string[][] {
  return csv.trimEnd().split('\n').map((l) => l.split(','));
}

describe('cli hotspots', () => {
  for (const k of [1, 2]) {
    it(`writes h3,count,z,p,class for every cell giStar analyses (k = ${k}), sorted, numbers round-tripping`, async () => {
      const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--k', String(k));
      expect(r.code).toBe(0);
      const [header, ...rows] = parse(r.stdout);
      expect(header).toEqual(['h3', 'count', 'z', 'p', 'class']);
      const plain = plainFixtureCounts(9);
      const want = giStar([...plain.keys()], [...plain.values()], { k });
      expect(rows.length).toBe(want.cells.length);
      rows.forEach(([cell, count, z, p, cls], i) => {
        expect(cell).toBe(want.cells[i]);
        expect(Number(count)).toBe(want.counts[i]);
        expect(Number(z)).toBe(want.z[i]);
        expect(Number(p)).toBe(want.p[i]);
        expect(cls).toBe(want.classes[i]);
      });
      const cells = rows.map((row) => row[0]);
      expect(cells).toEqual([...cells].sort());
      expect(new Set(cells).size).toBe(cells.length);
      expect(r.stderr).toContain(`(k = ${k})`);
    });
  }

  it('finds the planted cluster hot', async () => {
    const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9');
    const row = parse(r.stdout).find((x) => x[0] === '89409549ec3ffff');
    expect(row?.[1]).toBe('13');
    expect(row?.[4]).toMatch(/^hot-/);
    expect(Number(row?.[2])).toBeGreaterThan(2);
  });

  it('writes only the header when the filter keeps nothing', async () => {
    const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--from', '2030-01-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('h3,count,z,p,class\n');
    expect(r.stderr).toContain('nothing to analyse');
  });

  it('exits 2 on a bad --k', async () => {
    const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--k', 'two');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--k must be a whole number 0–64');
  });
});
