// Worker: the hotspot register's analysis — evidence per hotspot (before/after, WDQ, PAI) and
// candidate areas from Gi* hot cells. Its methods are spread into createAnalysisApi's object and
// read that API's incident index, polygon sets and study area through `ctx`.
import type { AreaGeometry } from '../model';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import type { IncidentIndex } from '../analysis/incidents/incident-index';
import type { PolygonSets } from '../analysis/incidents/row-filter';
import { aggregateDense, indexRows, levelCells } from '../analysis/incidents/aggregate-h3';
import { buildPolygonIndex } from '../analysis/areas/polygon-index';
import { assignPolygons, countByPolygon } from '../analysis/grids/grid-stats';
import { giStar } from '../analysis/stats/gi-star';
import { areaM2, paiForPolygons, type PaiResult } from '../analysis/evaluation/pai';
import { hotspotCandidates, type HotspotCandidate } from '../analysis/hotspots/hotspot-candidates';
import {
  DEFAULT_BUFFER_M,
  DEFAULT_EVIDENCE_DAYS,
  displacementZones,
  evidencePeriods,
  hotspotEvidence,
  type HotspotEvidence,
} from '../analysis/hotspots/hotspot-evidence';

/** What the register methods need of the analysis API they join. */
export interface RegisterApiContext {
  /** The index, with an exact level for `resolution` when asked for one. */
  indexAt(resolution?: number): IncidentIndex;
  assignments: PolygonSets;
  /** The study area's cells at `resolution`, or null without one. */
  studyCells(resolution: number): string[] | null;
  /** The study area (county) in m², 0 without one. */
  studyAreaM2(): number;
}

/** Options of hotspotEvidence. */
export interface EvidenceOptions {
  /** Listing date (ISO, the dataset's zone). */
  listedOn: string;
  /** "Now", epoch ms (the dataset's). */
  nowMs: number;
  timeZone: string;
  /** Days in each period. Default 90. */
  days?: number;
  /** Buffer ring width, metres. Default 300. */
  bufferM?: number;
}

/** Evidence and the PAI of the area over the after period; null when the listing has not begun. */
export interface HotspotEvidenceResult extends HotspotEvidence {
  pai: PaiResult;
  bufferM: number;
}

const sec = (ms: number) => Math.floor(ms / 1000);

export function createRegisterApi(ctx: RegisterApiContext) {
  return {
    /**
     * Incidents under `filter` (its own time window replaced) in `area`, its buffer ring and the
     * control (e.g. the town the hotspot lies in, minus area and ring) over equal periods before
     * and after the listing, the change, the WDQ, and the area's PAI over the after period
     * against the study area.
     */
    hotspotEvidence(filter: IncidentFilter | null, area: AreaGeometry, control: AreaGeometry | null, opts: EvidenceOptions): HotspotEvidenceResult | null {
      const periods = evidencePeriods(opts.listedOn, opts.days ?? DEFAULT_EVIDENCE_DAYS, opts.nowMs, opts.timeZone);
      if (!periods) return null;
      const bufferM = opts.bufferM ?? DEFAULT_BUFFER_M;
      const zones = displacementZones(area, bufferM, control);
      const idx = ctx.indexAt();
      const polygons = buildPolygonIndex([area, zones.buffer, zones.control].map((geometry) => ({ type: 'Feature' as const, geometry, properties: null })));
      const assignment = assignPolygons(polygons, idx.cols.lng, idx.cols.lat);
      const count = ([from, to]: [number, number]) => countByPolygon(assignment, indexRows(idx), { ...filter, fromSec: sec(from), toSec: sec(to) }, ctx.assignments);
      const before = count(periods.before);
      const after = count(periods.after);
      const zone = (k: number) => ({ before: before.counts[k], after: after.counts[k] });
      const evidence = hotspotEvidence(periods, zone(0), zone(1), zone(2));
      const pai = paiForPolygons([area], [after.counts[0]], after.total, ctx.studyAreaM2() || areaM2(control));
      return { ...evidence, pai, bufferM };
    },

    /** Candidate areas from the Gi* hot cells of the filtered counts (hotspot-candidates.ts). */
    hotspotCandidates(filter: IncidentFilter | null, resolution: number, k = 1, opts?: Parameters<typeof hotspotCandidates>[1]): HotspotCandidate[] {
      const idx = ctx.indexAt(resolution);
      const dense = aggregateDense(idx, filter, resolution, ctx.assignments);
      const gi = giStar(levelCells(idx, resolution), dense.counts, { k, studyArea: ctx.studyCells(resolution) ?? undefined });
      return hotspotCandidates(gi, opts);
    },
  };
}
