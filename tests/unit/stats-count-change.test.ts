import { describe, expect, it } from 'vitest';
import { countChange } from '../../src/analysis/stats/count-change';

describe('countChange: |2(√c − √p)| > 2 (Poisson, variance-stabilised)', () => {
  it('small counts never shout: 1 → 2 is +100 % but no clear change', () => {
    const c = countChange(2, 1);
    expect(c.relative).toBe(1);
    expect(c.z).toBeCloseTo(2 * (Math.SQRT2 - 1), 12);
    expect(c.significant).toBe(false);
    expect(c.direction).toBe('none');
  });
  it('worked example: 100 → 64 is z = 2(10 − 8) = 4, a significant fall', () => {
    const c = countChange(64, 100);
    expect(c.z).toBe(-4);
    expect(c.significant).toBe(true);
    expect(c.direction).toBe('down');
    expect(c.difference).toBe(-36);
  });
  it('the threshold itself is not significant: 16 → 9 gives z = 2 exactly', () => {
    expect(countChange(16, 9).z).toBe(2);
    expect(countChange(16, 9).significant).toBe(false);
    expect(countChange(25, 9).direction).toBe('up');
  });
  it('from nothing: relative is null, z still decides (0 → 2 is z ≈ 2.83, up)', () => {
    const c = countChange(2, 0);
    expect(c.relative).toBeNull();
    expect(c.significant).toBe(true);
    expect(countChange(0, 0).direction).toBe('none');
  });
  it('refuses negative or NaN counts', () => {
    expect(() => countChange(-1, 3)).toThrow(RangeError);
    expect(() => countChange(Number.NaN, 3)).toThrow(RangeError);
  });
});
