import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/map/label-placement';
import { classOf, countBreaks, logBreaks } from '../../src/map/colors';

describe('placeLabels', () => {
  const at = (lng: number, text: string, rank: number) => ({ position: [lng, 33] as [number, number], text, size: 14, rank });

  it('keeps the more important of two overlapping labels', () => {
    const labels = [at(117.2, '城关街道', 3), at(117.2001, '示范县', 1)];
    expect(placeLabels(labels, 12)).toEqual([1]);
  });

  it('keeps both when they are far apart at this zoom, and drops one when zoomed out', () => {
    const labels = [at(117.2, '东关社区', 4), at(117.21, '西关社区', 4)];
    expect(placeLabels(labels, 15).sort()).toEqual([0, 1]);
    expect(placeLabels(labels, 9)).toHaveLength(1);
  });

  it('measures Latin text narrower than CJK text', () => {
    // Two labels 0.0012° apart (~110 px at zoom 16): four CJK glyphs at 14 px (56 px) fit,
    // eighteen of them (252 px) do not; eighteen Latin letters (~151 px) do not either, nine do.
    const gap = 0.0012;
    const pair = (a: string, b: string) => placeLabels([at(117.2, a, 1), at(117.2 + gap, b, 1)], 16).length;
    expect(pair('东关社区', '西关社区')).toBe(2);
    expect(pair('东关社区东关社区东关社区东关社区东关', '西')).toBe(1);
    expect(pair('Dongguan', 'Xiguan')).toBe(2);
  });
});

describe('colour classes', () => {
  it('log breaks rise in 1–2–5 steps from 2 to below the maximum', () => {
    const b = logBreaks(5000, 7);
    expect(b[0]).toBe(2);
    for (let i = 1; i < b.length; i++) expect(b[i]).toBeGreaterThan(b[i - 1]);
    for (const x of b) expect([1, 2, 5]).toContain(x / 10 ** Math.floor(Math.log10(x)));
    expect(b[b.length - 1]).toBeLessThanOrEqual(5000);
  });

  it('a single-incident map still has a class', () => {
    expect(logBreaks(1)).toEqual([1]);
    expect(classOf(1, [1])).toBe(1);
  });

  it('quantile breaks split skewed values into similar-sized classes', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const b = countBreaks(values, 4);
    expect(b).toEqual([26, 51, 76]);
    expect(classOf(10, b)).toBe(0);
    expect(classOf(26, b)).toBe(1);
    expect(classOf(100, b)).toBe(3);
  });
});
