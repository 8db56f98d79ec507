// Worker: the camera-siting planner in the app. Demand is the FILTERED incidents in cells no online
// camera covers; candidates are road junctions, lane vertices, the centres of blind-spot cells,
// points the user gave and (optionally) "repair this camera" for each faulty or offline one;
// lazy greedy (CELF) chooses k sites or spends a budget (site-cameras.ts). Every site is named.
import { cellToLatLng } from 'h3-js';
import { siteCameras, type SiteCandidate } from '../analysis/cameras/site-cameras';
import { cameraCells } from '../analysis/cameras/coverage';
import { inSector } from '../analysis/cameras/in-sector';
import { siteCandidates, toSiteCandidates, type CandidateSite } from '../analysis/cameras/site-candidates';
import { keptPerCell } from '../analysis/cameras/coverage-measures';
import { compileRowFilter } from '../analysis/incidents/row-filter';
import { indexRows } from '../analysis/incidents/aggregate-h3';
import { locateAll } from '../analysis/areas/polygon-index';
import type { NamedPlace } from '../model/camera-plan';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import type { CoverageApiContext, CoverageState } from './coverage-state';

export interface PlanOptions {
  /** Number of sites; default 50 without a budget. */
  k?: number;
  /** Largest total cost (same unit as the costs); with it k is a cap only when given. */
  budget?: number;
  /** View and cost of a new camera. fov < 360 tries several headings at each place. */
  newCamera: { fov: number; range: number; cost: number };
  /** Offer "repair this camera" for each faulty or offline one, at this cost. */
  repairs?: { cost: number } | null;
  /** Minimum distance between new sites, metres. */
  minSpacingM?: number;
  /** Incidents in these polygons of the 'hotspots' set (mask over its features) count `weight` times. */
  hotspots?: { mask: Uint8Array; weight: number } | null;
  /** Places the user clicked. */
  userPoints?: { lng: number; lat: number }[];
  /** Blind-spot cells offered as candidates, heaviest first; default 4000. */
  maxCellCandidates?: number;
}

/** A chosen candidate, with its rank and what it adds. */
export interface PlannedSite extends CandidateSite {
  rank: number;
  /** Incidents this site newly covers, and the weighted figure the planner maximised. */
  incidents: number;
  gain: number;
  /** Incidents newly covered by the sites up to this one. */
  cumulativeIncidents: number;
  place: NamedPlace;
}

export interface PlanResult {
  sites: PlannedSite[];
  /** incidentsCurve[i]: incidents newly covered by the first i sites (incidentsCurve[0] = 0). */
  incidentsCurve: number[];
  /** Filtered incidents, and those in cells online cameras cover before the plan. */
  totalIncidents: number;
  coveredBefore: number;
  /** Candidates considered and gains evaluated. */
  candidates: number;
  evaluations: number;
  rule: 'greedy' | 'cost-effective' | 'best-single';
  resolution: number;
  /** Cells the plan newly covers (with incidents), for the map's "after". */
  addedCells: string[];
  ms: number;
}

/** Headings tried for a directional camera: enough steps of its fov to go round, at most 8. */
function headingsFor(fov: number): number[] {
  if (fov >= 360) return [0];
  const n = Math.min(8, Math.ceil(360 / Math.max(1, fov)));
  return Array.from({ length: n }, (_, i) => (i * 360) / n);
}

export function createSitingApi(ctx: CoverageApiContext, state: CoverageState) {
  /**
   * The all-round view (cells and their centres) of a place at a range, kept across plans: a
   * directional camera there sees exactly those of them inside its sector (buildings hide the
   * same cells whichever way it faces), so trying 8 headings costs one visibility computation.
   */
  let roundMemo: { key: unknown; views: Map<string, { cells: string[]; lng: Float64Array; lat: Float64Array }> } = { key: null, views: new Map() };
  const roundView = (lng: number, lat: number, range: number) => {
    // Not the cameras: a place's all-round view depends on the buildings alone, so a what-if edit keeps it.
    const key = [state.data(), state.resolution];
    if (roundMemo.key === null || (roundMemo.key as unknown[]).some((k, i) => k !== key[i])) roundMemo = { key, views: new Map() };
    const id = `${lng},${lat},${range}`;
    let v = roundMemo.views.get(id);
    if (!v) {
      const cells = cameraCells({ id, lng, lat, heading: 0, fov: 360, range, status: 'online' }, state.resolution, state.buildings());
      const centres = cells.map((c) => cellToLatLng(c));
      roundMemo.views.set(id, (v = { cells, lat: Float64Array.from(centres, (p) => p[0]), lng: Float64Array.from(centres, (p) => p[1]) }));
    }
    return v;
  };
  const candidateOf = (s: CandidateSite): SiteCandidate => {
    if (s.source === 'repair') return toSiteCandidates([s], state.resolution, state.buildings())[0];
    const v = roundView(s.lng, s.lat, s.range);
    const cells = s.fov >= 360 ? v.cells : v.cells.filter((_, i) => inSector(s, v.lng[i], v.lat[i]));
    return { id: s.id, lng: s.lng, lat: s.lat, cost: s.cost, repair: false, cells };
  };
  return {
    /** Plans new cameras (and repairs) over the incidents `filter` keeps. See {@link PlanOptions}. */
    planSites(filter: IncidentFilter | null, opts: PlanOptions): PlanResult {
      const t0 = performance.now();
      const idx = ctx.index();
      const rows = state.rowCells();
      const counts = keptPerCell(rows, idx.cols.timeSec, compileRowFilter(indexRows(idx), filter, ctx.assignments));
      const flags = state.cellFlags(false);
      const demand = new Map<string, number>();
      let total = 0;
      let before = 0;
      for (let c = 0; c < counts.length; c++) {
        total += counts[c];
        if (flags[c] === 1) before += counts[c];
        else if (counts[c] > 0) demand.set(rows.cells[c], counts[c]);
      }
      const heaviest = [...demand.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.maxCellCandidates ?? 4000).map(([c]) => c);
      const { fov, range, cost } = opts.newCamera;
      const places = siteCandidates({
        roads: state.data().roads?.features ?? [],
        blindSpotCells: heaviest,
        userPoints: opts.userPoints,
        cameras: opts.repairs ? state.cameras() : [],
        newCamera: { heading: 0, fov, range, cost },
        repairCost: opts.repairs?.cost ?? 1,
      });
      // A new directional camera may face any way: one candidate per heading at each place; the
      // spacing (or the gains) keep two of one place from both being chosen.
      const sites: CandidateSite[] = [];
      for (const p of places) {
        if (p.source === 'repair') sites.push(p);
        else for (const h of headingsFor(fov)) sites.push({ ...p, id: fov >= 360 ? p.id : `${p.id}@${h}`, heading: h });
      }
      const candidates = sites.map(candidateOf);
      let hotspot: { cells: string[]; weight: number } | undefined;
      if (opts.hotspots && opts.hotspots.weight !== 1) {
        const set = ctx.polygonSet('hotspots');
        const mask = opts.hotspots.mask;
        // A cell in any chosen hotspot (they may overlap: not only the first one holding it).
        const found: number[] = [];
        const cells = [...demand.keys()].filter((cell) => {
          const [lat, lng] = cellToLatLng(cell);
          found.length = 0;
          locateAll(set.polygons, lng, lat, found);
          return found.some((k) => (mask[k] ?? 0) !== 0);
        });
        hotspot = { cells, weight: opts.hotspots.weight };
      }
      const k = opts.k ?? (opts.budget === undefined ? 50 : undefined);
      const plan = siteCameras(demand, candidates, { k, budget: opts.budget, minSpacingM: opts.minSpacingM, hotspot });
      const added = new Set<string>();
      let cumulative = 0;
      const incidentsCurve = [0];
      const planned = plan.sites.map((s): PlannedSite => {
        const site = sites[s.candidate];
        for (const cell of candidates[s.candidate].cells) if (demand.has(cell)) added.add(cell);
        cumulative += s.incidents;
        incidentsCurve.push(cumulative);
        return {
          rank: s.rank,
          id: site.id,
          source: site.source,
          lng: site.lng,
          lat: site.lat,
          heading: site.heading,
          fov: site.fov,
          range: site.range,
          cost: s.cost,
          incidents: s.incidents,
          gain: s.gain,
          cumulativeIncidents: cumulative,
          place: state.placeName(site.lng, site.lat),
        };
      });
      return {
        sites: planned,
        incidentsCurve,
        totalIncidents: total,
        coveredBefore: before,
        candidates: candidates.length,
        evaluations: plan.evaluations,
        rule: plan.rule,
        resolution: state.resolution,
        addedCells: [...added].sort(),
        ms: performance.now() - t0,
      };
    },
  };
}
