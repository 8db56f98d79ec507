// State: camera coverage for the current filter — the covered cells, the measures (county, towns,
// grids, hotspots) and the ranked blind spots, all computed in the analysis worker. Asked for only
// while the coverage overlay is on or a grid, hotspot or camera's details are open (a camera's what-if
// edits show their effect there); the latest request wins.
import { create } from 'zustand';
import type { AdminCollection, MapData } from '../model';
import type { AnalysisClient } from '../worker/analysis-client';
import type { BlindSpotReport, CoverageReport } from '../worker/coverage-api';
import { useFilters } from './filters';
import { useLayers } from './layers';
import { useSelection } from './selection';
import { toIncidentFilter, type FilterContext } from './incident-filter';
import { startWhatIf, useCameraWhatIf } from './camera-whatif';
import { severityWeights } from '../analysis/cameras/severity';

export interface CoverageResults {
  /** Count faulty and offline cameras as if repaired (若修复故障/离线摄像头). */
  repaired: boolean;
  setRepaired(repaired: boolean): void;
  /** Rank blind spots by severity-weighted incidents (analysis/cameras/severity.ts). */
  bySeverity: boolean;
  setBySeverity(bySeverity: boolean): void;
  /** Covered cells (sorted) for the current `repaired`. */
  covered: { repaired: boolean; resolution: number; cells: string[] } | null;
  report: CoverageReport | null;
  blindSpots: BlindSpotReport | null;
  /** Figures if repaired, beside the current ones (the county line of the panel). */
  repairedReport: CoverageReport | null;
  pending: number;
}

export const useCoverage = create<CoverageResults>((set) => ({
  repaired: false,
  setRepaired(repaired) {
    set({ repaired });
  },
  bySeverity: false,
  setBySeverity(bySeverity) {
    set({ bySeverity });
  },
  covered: null,
  report: null,
  blindSpots: null,
  repairedReport: null,
  pending: 0,
}));

/** The client coverage was started with: the planner asks it too. */
let coverageClient: AnalysisClient | null = null;
export function coverageAnalysis(): AnalysisClient {
  if (!coverageClient) throw new Error('coverage not started');
  return coverageClient;
}

/** Hands the dataset's cameras and basemap to the worker and wires the filter to coverage requests. */
export function startCoverage(client: AnalysisClient, data: MapData, towns: AdminCollection['features']): () => void {
  coverageClient = client;
  const ready = client.setCoverageData({ cameras: data.cameras, buildings: data.buildings, roads: data.roads, admin: data.admin, grids: data.grids });
  const stopWhatIf = startWhatIf(client, data, ready);
  const severity = Array.from(severityWeights(data.manifest.offenceKinds));
  const filterCtx: FilterContext = { manifest: data.manifest, towns, grids: data.grids };
  const generation: Record<string, number> = {};
  const lastKey: Record<string, string> = {};
  const request = <K extends 'covered' | 'report' | 'blindSpots' | 'repairedReport'>(result: K, key: string, job: () => Promise<CoverageResults[K]>) => {
    if (lastKey[result] === key) return;
    lastKey[result] = key;
    const gen = (generation[result] = (generation[result] ?? 0) + 1);
    useCoverage.setState((s) => ({ pending: s.pending + 1 }));
    ready
      .then(job)
      .then((value) => {
        if (gen === generation[result]) useCoverage.setState({ [result]: value } as Partial<CoverageResults>);
      })
      .catch((e: unknown) => console.error(`coverage ${result} failed:`, e))
      .finally(() => useCoverage.setState((s) => ({ pending: s.pending - 1 })));
  };

  const update = () => {
    const on = useLayers.getState().visible.coverage;
    const sel = useSelection.getState().selected;
    const details = sel?.kind === 'grid' || sel?.kind === 'hotspot' || sel?.kind === 'camera';
    if (!on && !details) return;
    const f = useFilters.getState();
    const { repaired, bySeverity } = useCoverage.getState();
    const filter = toIncidentFilter(f, filterCtx);
    // What-if edits the worker has applied change every figure: they are part of each key.
    const edits = useCameraWhatIf.getState().applied;
    const all = JSON.stringify([f.hiddenKinds, f.townId, f.gridId, f.drawnArea, f.timeRange, f.hoursOfWeek, edits]);
    request('report', `${all}|${repaired}`, () => client.coverageReport(filter, { repaired }));
    if (!on) return;
    request('covered', `${repaired}|${edits}`, async () => {
      const cells = await client.coverageCells({ repaired });
      return { repaired, resolution: cells.length > 0 ? resolutionOf(cells[0]) : 11, cells };
    });
    request('blindSpots', `${all}|${repaired}|${bySeverity}`, () => client.blindSpotReport(filter, { repaired, limit: 20, severity: bySeverity ? severity : null }));
    // The repaired figures beside the current ones, so the switch's worth is visible before using it.
    request('repairedReport', all, () => client.coverageReport(filter, { repaired: true }));
  };
  const unsubscribers = [
    useFilters.subscribe(update),
    useLayers.subscribe(update),
    useSelection.subscribe(update),
    useCoverage.subscribe((s, p) => (s.repaired !== p.repaired || s.bySeverity !== p.bySeverity) && update()),
    useCameraWhatIf.subscribe((s, p) => s.applied !== p.applied && update()),
    stopWhatIf,
  ];
  update();
  return () => unsubscribers.forEach((u) => u());
}

/** The resolution digit of an H3 index string (bits 52–55), without loading h3-js on the main thread. */
function resolutionOf(cell: string): number {
  return parseInt(cell.charAt(1), 16);
}
