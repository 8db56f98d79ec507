import { describe, expect, it } from 'vitest';
import { giStar } from '../../src/analysis/stats/gi-star';
import { cli, FIXTURE_CSV, plainFixtureCounts, REPO } from '../fixtures/cli/run-cli';
import { bruteForceGi, classOf, plainBoundaryCells } from '../fixtures/cli/gi-brute-force';
import { resolve } from 'node:path';

const BOUNDARY = 'tests/fixtures/cli/boundary.geojson';

function parse(csv: string): string[][] {
  return csv.trimEnd().split('\n').map((l) => l.split(','));
}

describe('cli hotspots', () => {
  for (const k of [1, 2]) {
    it(`writes h3,count,z,p,class,q for every cell giStar analyses (k = ${k}), sorted, numbers round-tripping`, async () => {
      const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--k', String(k));
      expect(r.code).toBe(0);
      const [header, ...rows] = parse(r.stdout);
      expect(header).toEqual(['h3', 'count', 'z', 'p', 'class', 'q']);
      const plain = plainFixtureCounts(9);
      const want = giStar([...plain.keys()], [...plain.values()], { k });
      expect(rows.length).toBe(want.cells.length);
      rows.forEach(([cell, count, z, p, cls, q], i) => {
        expect(Number(q)).toBe(want.q[i]);
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
    expect(r.stdout).toBe('h3,count,z,p,class,q\n');
    expect(r.stderr).toContain('nothing to analyse');
  });

  for (const k of [1, 2]) {
    it(`--boundary: exactly the brute force over the boundary's cells (k = ${k}), outside incidents left out and counted`, async () => {
      const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--k', String(k), '--boundary', BOUNDARY);
      expect(r.code).toBe(0);
      const area = plainBoundaryCells(resolve(REPO, BOUNDARY), 9);
      expect(area.size).toBe(59);
      const plain = plainFixtureCounts(9);
      const outside = [...plain].filter(([c]) => !area.has(c)).reduce((a, [, v]) => a + v, 0);
      expect(outside).toBeGreaterThan(0);
      expect(r.stderr).toContain(`${outside} incidents in other cells left out`);
      const want = bruteForceGi(area, plain, k);
      const [header, ...rows] = parse(r.stdout);
      expect(header).toEqual(['h3', 'count', 'z', 'p', 'class', 'q']);
      expect(rows.map((x) => x[0])).toEqual([...area].sort());
      let hot = 0;
      for (const [cell, count, z, p, cls, q] of rows) {
        const w = want.get(cell)!;
        expect(Number(count)).toBe(w.count);
        expect(Number(z)).toBeCloseTo(w.z, 12);
        expect(Number(p)).toBeCloseTo(w.p, 12);
        expect(Number(q)).toBeCloseTo(w.q, 12);
        expect(cls).toBe(classOf(w.z, w.q));
        if (cls.startsWith('hot')) hot++;
      }
      if (k === 1) expect(hot).toBeGreaterThan(0);
    });
  }

  it('--boundary that is not a polygon file exits 1 and says why', async () => {
    const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--boundary', FIXTURE_CSV);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read --boundary');
    const a = await cli('aggregate', '--incidents', FIXTURE_CSV, '--res', '9', '--boundary', BOUNDARY);
    expect(a.code).toBe(2);
  });

  it('exits 2 on a bad --k', async () => {
    const r = await cli('hotspots', '--incidents', FIXTURE_CSV, '--res', '9', '--k', 'two');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--k must be a whole number 0–64');
  });
});
