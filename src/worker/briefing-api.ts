// Worker: the briefing's figures (analysis/briefing/briefing-figures.ts) over the worker's index
// and polygon sets; spread into createAnalysisApi's object so the client gets them by type.
import type { OffenceKind } from '../model';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import type { IncidentIndex } from '../analysis/incidents/incident-index';
import type { PolygonSets } from '../analysis/incidents/row-filter';
import { briefingFigures, type BriefingFigures, type BriefingInput } from '../analysis/briefing/briefing-figures';

/** What the briefing methods read from the analysis API's state. */
export interface BriefingApiContext {
  /** The index, with an exact level for `resolution` when loaded with exactOnDemand. */
  indexAt(resolution: number): IncidentIndex;
  /** The registered polygon sets ('grids', 'towns', 'hotspots', 'drawn'). */
  assignments: PolygonSets;
}

export function createBriefingApi(ctx: BriefingApiContext) {
  return {
    /**
     * The briefing's figures for the current period and its 环比 / 同比 periods (epoch seconds,
     * [from, to)) under the rest of `filter`, top cells at `resolution`, top grids of set 'grids'.
     */
    briefingFigures(filter: IncidentFilter | null, periodsSec: BriefingInput['periodsSec'], offenceKinds: OffenceKind[], resolution: number, top = 10): BriefingFigures {
      return briefingFigures({
        index: ctx.indexAt(resolution),
        filter,
        periodsSec,
        offenceKinds,
        resolution,
        grids: ctx.assignments.get('grids') ?? null,
        polygons: ctx.assignments,
        top,
      });
    },
  };
}
