// Analysis (PURE): blind spots grouped into areas a planner can act on. Connected uncovered cells
// alone merge a whole uncovered town centre into one "area" of thousands of cells (on the demo
// county the worst held a third of all incidents); so areas are the connected uncovered cells
// WITHIN one hexagon of a coarser resolution (res 9 by default, ≈ 0.1 km², a few street blocks).
import { cellToParent, getResolution } from 'h3-js';
import { blindSpots, type BlindSpotInput, type BlindSpots } from './blind-spots';

/**
 * As {@link blindSpots}, with each area also kept inside one cell of `areaResolution` (null: no
 * limit, plain connected components). Areas are ranked across all parents by weight.
 */
export function blindSpotAreas(input: BlindSpotInput, areaResolution: number | null = 9): BlindSpots {
  if (areaResolution === null || input.cells.length === 0 || getResolution(input.cells[0]) <= areaResolution) return blindSpots(input);
  const covered = input.covered instanceof Set ? input.covered : new Set(input.covered as readonly string[]);
  // Cells of each parent, uncovered and non-empty only (the others are dropped by blindSpots anyway).
  const groups = new Map<string, number[]>();
  for (let i = 0; i < input.cells.length; i++) {
    if (!(input.counts[i] > 0) || covered.has(input.cells[i])) continue;
    const p = cellToParent(input.cells[i], areaResolution);
    const g = groups.get(p);
    if (g) g.push(i);
    else groups.set(p, [i]);
  }
  const whole = blindSpots({ ...input, covered });
  const areas = [...groups.values()].flatMap((rows) =>
    blindSpots({
      cells: rows.map((i) => input.cells[i]),
      counts: rows.map((i) => input.counts[i]),
      weights: input.weights ? rows.map((i) => input.weights![i]) : undefined,
      covered: new Set<string>(),
    }).areas,
  );
  areas.sort((a, b) => b.weight - a.weight || b.count - a.count || (a.peak < b.peak ? -1 : a.peak > b.peak ? 1 : 0));
  areas.forEach((a, i) => (a.rank = i + 1));
  return { ...whole, areas };
}
