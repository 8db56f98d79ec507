// Analysis (PURE): camera coverage inside one shape — the grid being drawn or the selected grid —
// by the same rules as the coverage panel (cameras/coverage-measures.ts: an incident is covered
// when its H3 cell is; the covered area is the covered cells whose centre lies inside), and the
// blind spots inside it: its uncovered cells holding filtered incidents, grouped into areas as
// the panel's ranking groups them (cameras/blind-spot-areas.ts). Composes those functions only.
import type { PolygonAssignment } from './grid-stats';
import type { PolygonIndex } from '../areas/polygon-index';
import type { RowFilter } from '../incidents/row-filter';
import { coveredAreaByPolygon, incidentCoverageByPolygon, share, type AreaCoverage, type RowCells } from '../cameras/coverage-measures';
import { blindSpotAreas } from '../cameras/blind-spot-areas';

/** Coverage of one shape, and its blind spots. */
export interface ShapeCoverage extends AreaCoverage {
  /** Uncovered cells inside with filtered incidents, heaviest first, and their counts. */
  blindCells: string[];
  blindCounts: Uint32Array;
  /** Incidents in those cells (= incidents − coveredIncidents). */
  blindIncidents: number;
  /** Blind-spot areas among them (connected cells within one `areaResolution` hexagon). */
  blindAreas: number;
}

export interface ShapeCoverageInput {
  /** The shape alone as a polygon set (one polygon) and the rows' assignment to it. */
  polygon: PolygonIndex;
  assignment: PolygonAssignment;
  /** Each row's cell at the coverage resolution, covered flag per cell ordinal, the covered cells. */
  rows: RowCells;
  cellCovered: Uint8Array;
  covered: { list: readonly string[]; set: ReadonlySet<string> };
  timeSec: Uint32Array;
  filter: RowFilter;
  areaM2: number;
  /** Blind-spot areas are kept within one cell of this resolution (the panel's default 9). */
  areaResolution?: number | null;
}

export function shapeCoverage(input: ShapeCoverageInput): ShapeCoverage {
  const { assignment, rows, filter: f, timeSec } = input;
  if (assignment.polygonCount !== 1) throw new RangeError(`shapeCoverage: one shape expected, got ${assignment.polygonCount}`);
  const inc = incidentCoverageByPolygon(assignment, rows, input.cellCovered, timeSec, f);
  const coveredAreaM2 = coveredAreaByPolygon(input.polygon, input.covered.list)[0];
  // Filtered incidents per cell, rows inside the shape only.
  const perCell = new Map<number, number>();
  if (!f.none) {
    const { polygon, none } = assignment;
    const { from, span, src, lut } = f;
    for (let i = 0; i < polygon.length; i++) {
      if (polygon[i] === none) continue;
      if (!f.all && !(((timeSec[i] - from) >>> 0) < span && lut[src[i]])) continue;
      const c = rows.rowCell[i];
      perCell.set(c, (perCell.get(c) ?? 0) + 1);
    }
  }
  const cells = [...perCell.keys()].map((c) => rows.cells[c]);
  const counts = [...perCell.values()];
  const spots = blindSpotAreas({ cells, counts, covered: input.covered.set }, input.areaResolution === undefined ? 9 : input.areaResolution);
  return {
    incidents: inc.total[0],
    coveredIncidents: inc.covered[0],
    byIncidents: share(inc.covered[0], inc.total[0]),
    areaM2: input.areaM2,
    coveredAreaM2,
    byArea: Math.min(1, share(coveredAreaM2, input.areaM2)),
    blindCells: spots.cells.map((c) => c.h3),
    blindCounts: Uint32Array.from(spots.cells, (c) => c.count),
    blindIncidents: spots.uncoveredCount,
    blindAreas: spots.areas.length,
  };
}
