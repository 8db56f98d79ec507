// Coverage drawn at low zoom: parents of res-11 cells carry the share of their children covered
// and the sum of their blind children's incidents; the draw resolution follows the zoom.
import { cellToChildren, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { countSumByParent, coverageDrawResolution, coveredShareByParent } from '../../src/map/layers/coverage-cells';

describe('coverage cells at low zoom', () => {
  it('draws res 7 / 8 / 9 below street zoom and the data resolution from zoom 14', () => {
    expect([8, 10.5, 13, 14, 17].map((z) => coverageDrawResolution(z, 11))).toEqual([7, 8, 9, 11, 11]);
    expect(coverageDrawResolution(9, 6)).toBe(6);
  });

  it('gives each parent its covered share and its blind incidents', () => {
    const p = latLngToCell(32.94, 117.22, 9);
    const q = latLngToCell(32.9, 117.3, 9);
    const kids = cellToChildren(p, 11); // 49
    const covered = [...kids.slice(0, 7), ...cellToChildren(q, 11)];
    const share = coveredShareByParent(covered, 9);
    const byCell = new Map(share.cells.map((c, i) => [c, share.values[i]]));
    expect(byCell.get(p)).toBeCloseTo(7 / 49, 12);
    expect(byCell.get(q)).toBe(1);
    expect(coveredShareByParent(covered, 9)).toBe(share); // memoised
    const blind = countSumByParent(kids.slice(10, 13), Uint32Array.of(2, 3, 4), 9);
    expect(blind.cells).toEqual([p]);
    expect(Array.from(blind.values)).toEqual([9]);
  });
});
