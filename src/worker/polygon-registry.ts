// Worker: the polygon sets registered with the analysis API ('grids', 'towns', 'hotspots', ...),
// each with every incident located in it once. The assignments are also kept alone, by name,
// because incident filters look them up that way.
import type { AreaGeometry } from '../model';
import type { AssignOptions, PolygonAssignment } from '../analysis/grids/grid-stats';
import type { PolygonIndex } from '../analysis/areas/polygon-index';
import { areaM2 } from '../analysis/evaluation/pai';

export interface PolygonSet {
  polygons: PolygonIndex;
  assignment: PolygonAssignment;
  /** How it was assigned (overlapping polygons or a tiling), kept for new incidents. */
  options: AssignOptions;
  /** The features' geometries, for areas (PAI). */
  geometries: (AreaGeometry | null)[];
  /** Sum of their geodesic areas, m², once asked for. */
  areaM2?: number;
}

/** A study area: its size in m², or the name of a registered polygon set whose areas add up to it. */
export type StudyArea = number | string;

export type PolygonRegistry = ReturnType<typeof createPolygonRegistry>;

export function createPolygonRegistry() {
  const sets = new Map<string, PolygonSet>();
  const assignments = new Map<string, PolygonAssignment>();
  const require = (name: string): PolygonSet => {
    const set = sets.get(name);
    if (!set) throw new Error(`no polygon set "${name}": call assignPolygons first (have: ${[...sets.keys()].join(', ') || 'none'})`);
    return set;
  };
  return {
    assignments,
    require,
    register(name: string, set: PolygonSet): void {
      sets.set(name, set);
      assignments.set(name, set.assignment);
    },
    entries: () => sets.entries(),
    drop(name: string): boolean {
      assignments.delete(name);
      return sets.delete(name);
    },
    /** The area in m² of `area`: itself when a number, else the summed areas of that set. */
    areaM2(area: StudyArea): number {
      if (typeof area === 'number') return area;
      const set = require(area);
      set.areaM2 ??= set.geometries.reduce((sum, g) => sum + areaM2(g), 0);
      return set.areaM2;
    },
  };
}
