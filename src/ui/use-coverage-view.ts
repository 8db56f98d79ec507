// UI: what the map's coverage overlay draws, gathered from the coverage results and the open
// siting plan (and the planner's own candidate sites) — one memoised object, so the map redraws
// only when one of them changes; and the planner's click-to-add mode on the map.
import { useEffect, useMemo, type RefObject } from 'react';
import type { MapController } from '../map/map-controller';
import { useShallow } from 'zustand/react/shallow';
import type { CoverageLayerInput } from '../map/layers/coverage-layer';
import { useCoverage } from '../state/coverage';
import { addUserPoint, openPlan, useSiting } from '../state/siting';

/** The overlay's input (null until the covered cells arrive) and the coverage requests in flight. */
export function useCoverageView(): { coverage: CoverageLayerInput | null; pending: number } {
  const { covered, blindSpots, pending } = useCoverage(useShallow((s) => ({ covered: s.covered, blindSpots: s.blindSpots, pending: s.pending })));
  const plan = useSiting(openPlan);
  const sitingPending = useSiting((s) => s.running);
  const userPoints = useSiting((s) => s.userPoints);
  const coverage = useMemo((): CoverageLayerInput | null => {
    if (!covered) return null;
    return {
      covered: covered.cells,
      blindCells: blindSpots?.cells ?? [],
      blindCounts: blindSpots?.counts ?? new Uint32Array(0),
      spots: blindSpots?.areas.map((a) => ({ rank: a.rank, centroid: a.centroid })) ?? [],
      sites: plan ? plan.sites.map((s) => ({ rank: s.rank, lng: s.lng, lat: s.lat })) : null,
      added: plan?.addedCells ?? null,
      userPoints,
    };
  }, [covered, blindSpots, plan, userPoints]);
  return { coverage, pending: pending + (sitingPending ? 1 : 0) };
}

/** While the planner adds candidate sites, a click on the map adds one there. */
export function useSitingPick(controller: RefObject<MapController | null>): void {
  const picking = useSiting((s) => s.picking);
  useEffect(() => {
    const c = controller.current;
    if (!c) return;
    c.pickPoints(picking ? addUserPoint : null);
    return () => c.pickPoints(null);
  }, [controller, picking]);
}
