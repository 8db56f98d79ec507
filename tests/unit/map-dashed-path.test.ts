import { describe, expect, it } from 'vitest';
import { dashedPath } from '../../src/map/dashed-path';

const M_PER_DEG = 111_320;
const len = (d: [number, number][]) => d.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - d[i][0], p[1] - d[i][1]) * M_PER_DEG, 0);

describe('dashedPath', () => {
  it('cuts a 100 m line at the equator into 6 m dashes 5 m apart, across its vertices', () => {
    const line: [number, number][] = [[0, 0], [37 / M_PER_DEG, 0], [100 / M_PER_DEG, 0]];
    const dashes = dashedPath(line, 6, 5);
    expect(dashes).toHaveLength(10); // starts at 0, 11, …, 99 (the last one 1 m long)
    for (const d of dashes.slice(0, -1)) expect(len(d)).toBeCloseTo(6, 6);
    expect(dashes[3][0][0] * M_PER_DEG).toBeCloseTo(33, 6);
    expect(dashes[3]).toHaveLength(3); // 33 → 37 (vertex) → 39
  });
  it('returns nothing for a single point', () => {
    expect(dashedPath([[1, 1]], 6, 5)).toEqual([]);
  });
});
