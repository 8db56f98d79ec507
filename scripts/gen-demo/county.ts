// Demo generator: the county's outline and where its towns sit. The outline is a closed curve with
// random harmonics (a lobed, natural-looking shape scaled to the target area); the atoms inside it
// form the county, so its final boundary also carries the fine zigzag of field-edge boundaries.
import { type XY, dist, distToLine } from './geometry';
import type { Rng } from './random';

export interface Outline {
  /** Boundary radius (metres) in direction theta (radians from east, counter-clockwise). */
  radius(theta: number): number;
  rMax: number;
  rMean: number;
  contains(p: XY): boolean;
  /** How far inside the outline p lies, as a share of the radius in its direction (1 = centre). */
  depth(p: XY): number;
}

/** A lobed outline around the local origin enclosing about `areaKm2` square kilometres. */
export function makeOutline(rng: Rng, areaKm2: number): Outline {
  const harmonics: { k: number; a: number; ph: number }[] = [];
  for (let k = 2; k <= 13; k++) harmonics.push({ k, a: (rng.range(0.3, 1) * 0.15) / Math.pow(k, 0.9), ph: rng.range(0, 2 * Math.PI) });
  const shape = (theta: number) => {
    let f = 1;
    for (const h of harmonics) f += h.a * Math.sin(h.k * theta + h.ph);
    return Math.max(0.55, f);
  };
  // Area = ½∮r²dθ; scale the unit shape to the target.
  const steps = 3600;
  let half = 0;
  let fMax = 0;
  for (let s = 0; s < steps; s++) {
    const f = shape((2 * Math.PI * s) / steps);
    half += 0.5 * f * f * ((2 * Math.PI) / steps);
    fMax = Math.max(fMax, f);
  }
  const r0 = Math.sqrt((areaKm2 * 1e6) / half);
  const radius = (theta: number) => r0 * shape(theta);
  return {
    radius,
    rMax: r0 * fMax,
    rMean: Math.sqrt((areaKm2 * 1e6) / Math.PI),
    contains: (p) => Math.hypot(p[0], p[1]) < radius(Math.atan2(p[1], p[0])),
    depth: (p) => 1 - Math.hypot(p[0], p[1]) / radius(Math.atan2(p[1], p[0])),
  };
}

/** The county town: off-centre, as county towns usually are (they grew on the river). */
export function placeCountyTown(rng: Rng, outline: Outline): XY {
  const theta = rng.range(0, 2 * Math.PI);
  const d = outline.rMean * rng.range(0.18, 0.26);
  return [Math.cos(theta) * d, Math.sin(theta) * d];
}

/**
 * Town centres spread over the county by best-candidate sampling: each new seat is the candidate
 * farthest from those already placed, kept off the border, the expressway and the river.
 */
export function placeTownSeats(
  rng: Rng,
  outline: Outline,
  countyTown: XY,
  count: number,
  avoid: { line: XY[]; clearance: number }[],
): XY[] {
  const seats: XY[] = [];
  const taken: XY[] = [countyTown];
  for (let s = 0; s < count; s++) {
    let best: XY | null = null;
    let bestScore = -Infinity;
    for (let c = 0; c < 60; c++) {
      const p: XY = [rng.range(-outline.rMax, outline.rMax), rng.range(-outline.rMax, outline.rMax)];
      if (!outline.contains(p) || outline.depth(p) < 0.14) continue;
      if (avoid.some((a) => distToLine(p, a.line) < a.clearance) || dist(p, countyTown) < 7500) continue;
      let score = Infinity;
      for (const q of taken) score = Math.min(score, dist(p, q) * (q === countyTown ? 0.8 : 1));
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (!best) throw new Error('could not place a town seat');
    seats.push(best);
    taken.push(best);
  }
  return seats;
}
