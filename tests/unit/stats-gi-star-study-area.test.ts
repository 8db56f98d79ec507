// Gi* over a FIXED study area: the same cells whatever the data or k, neighbours outside the
// area not counted, values outside it left out — against a brute force straight from the formula.
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { giStar } from '../../src/analysis/stats/gi-star';
import { emergingHotspots } from '../../src/analysis/stats/emerging-hotspots';
import { diskNeighbourhood, studyAreaNeighbourhood } from '../../src/analysis/h3/h3-neighbours';
import { benjaminiHochberg } from '../../src/analysis/stats/fdr';
import { twoSidedP } from '../../src/analysis/stats/normal';

const C0 = latLngToCell(32.94, 117.23, 9); // a hexagon in the demo county
// An irregular area: a 3-disk plus part of a ring further out, so some rows are cut.
const AREA = [...new Set([...gridDisk(C0, 3), ...gridDisk(gridDisk(C0, 5)[80], 1)])].sort();

/** Gi* as written, gridDisk ∩ area for the weights. */
function bruteForce(area: string[], x: Map<string, number>, k: number) {
  const vals = area.map((c) => x.get(c) ?? 0);
  const n = area.length;
  const mean = vals.reduce((a, b) => a + b, 0) / n;
  const S = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const inArea = new Set(area);
  const z = area.map((c) => {
    const nb = gridDisk(c, k).filter((d) => inArea.has(d));
    const W = nb.length;
    const local = nb.reduce((a, d) => a + (x.get(d) ?? 0), 0);
    return (local - mean * W) / (S * Math.sqrt((n * W - W * W) / (n - 1)));
  });
  const p = z.map(twoSidedP);
  return { z, p, q: Array.from(benjaminiHochberg(Float64Array.from(p))) };
}

describe('studyAreaNeighbourhood', () => {
  for (const k of [1, 2]) {
    it(`rows are gridDisk(i, ${k}) ∩ area, for every cell of the area and no other`, () => {
      const nb = studyAreaNeighbourhood([...AREA].reverse(), k);
      expect(nb.cells).toEqual(AREA);
      const inArea = new Set(AREA);
      nb.cells.forEach((c, i) => {
        const row = Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1]), (j) => nb.cells[j]).sort();
        expect(row).toEqual(gridDisk(c, k).filter((d) => inArea.has(d)).sort());
      });
      expect(Array.from(nb.seedIndex, (i) => nb.cells[i])).toEqual([...AREA].reverse());
      const ref = studyAreaNeighbourhood(AREA, k, { method: 'grid-disk' });
      const rows = (x: typeof nb) => x.cells.map((_, i) => Array.from(x.neighbours.subarray(x.offsets[i], x.offsets[i + 1])).sort((a, b) => a - b));
      expect(rows(ref)).toEqual(rows(nb));
    });
  }
});

describe('giStar with a study area', () => {
  const outsider = gridDisk(C0, 8)[200];
  const cells = [C0, gridDisk(C0, 1)[1], gridDisk(C0, 1)[2], AREA[3], outsider];
  const counts = [12, 7, 5, 2, 9];

  for (const k of [1, 2]) {
    it(`analyses exactly the area's cells and equals the brute force (k = ${k})`, () => {
      const r = giStar(cells, counts, { k, studyArea: AREA });
      expect(r.cells).toEqual(AREA);
      expect(r.outside).toBe(9);
      const x = new Map(cells.slice(0, 4).map((c, i) => [c, counts[i]]));
      const want = bruteForce(AREA, x, k);
      AREA.forEach((_, i) => {
        expect(r.z[i]).toBeCloseTo(want.z[i], 12);
        expect(r.p[i]).toBeCloseTo(want.p[i], 12);
        expect(r.q[i]).toBeCloseTo(want.q[i], 12);
      });
      if (k === 1) expect(r.classes[AREA.indexOf(C0)]).toMatch(/^hot-/);
    });
  }

  it('keeps the same cells whatever the data', () => {
    expect(giStar([C0], [1], { studyArea: AREA }).cells).toEqual(AREA);
    expect(giStar([], [], { studyArea: AREA, k: 2 }).cells).toEqual(AREA);
    // Without one the area moves with the data (today's rule, kept for the CLI).
    expect(giStar([C0], [1]).cells).toEqual(diskNeighbourhood([C0], 1).cells);
  });

  it('emerging hot spots use the same area in every period and count what lies outside', () => {
    const r = emergingHotspots(cells, [counts, counts, counts, counts], { studyArea: AREA });
    expect(r.cells).toEqual(AREA);
    expect(r.outside).toBe(36);
    const i = AREA.indexOf(C0);
    // The final period's neighbourhood: C0 and its ring neighbours in the area hold 12 + 7 + 5.
    expect(r.lastNeighbourhood[i]).toBe(24);
  });
});
