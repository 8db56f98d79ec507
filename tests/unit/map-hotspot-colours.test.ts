// The hotspot status colours under simulated colour-vision deficiencies: "overdue" must stay
// clearly apart from "listed" and "rectifying" (the states it grows out of) for deuteranopes,
// protanopes and tritanopes, not only for trichromats. Machado, Oliveira & Fernandes (2009)
// full-severity matrices on linear sRGB, then CIEDE2000 in CIELAB (D65).
import { describe, expect, test } from 'vitest';
import { HOTSPOT_STATUS_COLORS } from '../../src/map/colors';

type Vec3 = [number, number, number];
type Mat3 = [Vec3, Vec3, Vec3];

/** Machado et al. 2009, severity 1.0, applied to linear RGB. */
const SIMULATIONS: Record<string, Mat3> = {
  trichromat: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): Vec3 {
  return [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as Vec3;
}

function simulate(rgb: Vec3, m: Mat3): Vec3 {
  return m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as Vec3;
}

/** CIELAB (D65 white) of a linear sRGB colour. */
function lab([r, g, b]: Vec3): Vec3 {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), kL = kC = kH = 1. */
function deltaE2000([L1, a1, b1]: Vec3, [L2, a2, b2]: Vec3): number {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1 = Math.hypot(a1p, b1);
  const c2 = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1 = hue(b1, a1p);
  const h2 = hue(b2, a2p);
  let dh = 0;
  if (c1 * c2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dL = L2 - L1;
  const dC = c2 - c1;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2);
  const lBar = (L1 + L2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) > 180) hBar += hBar < 360 ? 360 : -360;
    hBar /= 2;
  }
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * rad) * rC;
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

const difference = (a: string, b: string, m: Mat3) => deltaE2000(lab(simulate(linearRgb(a), m)), lab(simulate(linearRgb(b), m)));

describe('hotspot status colours under colour-vision deficiency', () => {
  test('CIEDE2000 matches the published test pairs (Sharma et al. 2005)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(deltaE2000([50, -1.3802, -84.2814], [50, 0, -82.7485])).toBeCloseTo(1.0, 3);
    expect(deltaE2000([50, 2.5, 0], [56, -27, -3])).toBeCloseTo(31.903, 2);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 3);
  });

  test('the old vermillion overdue is what failed: it merges with listed for deuteranopes', () => {
    expect(difference('#D55E00', HOTSPOT_STATUS_COLORS.listed, SIMULATIONS.deuteranopia)).toBeLessThan(20);
  });

  for (const other of ['listed', 'rectifying'] as const) {
    test(`overdue vs ${other}: ΔE2000 ≥ 20 in every simulation`, () => {
      const rows = Object.entries(SIMULATIONS).map(([name, m]) => [name, difference(HOTSPOT_STATUS_COLORS.overdue, HOTSPOT_STATUS_COLORS[other], m)] as const);
      console.log(`overdue vs ${other}: ${rows.map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ')}`);
      for (const [, d] of rows) expect(d).toBeGreaterThanOrEqual(20);
    });
  }
});
