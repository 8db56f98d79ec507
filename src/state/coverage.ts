// State: camera coverage for the current filter — the covered cells, the measures (county, towns,
// grids, hotspots) and the ranked blind spots, all computed in the analysis worker. Asked for only
// while the coverage overlay is on or a grid or hotspot's details are open; the latest request wins.
import { create } from 'zustand';
import type { AdminCollection, MapData } from '../model';
import type { AnalysisClient } from '../worker/analysis-client';
import type { BlindSpotReport, CoverageReport } from '../worker/coverage-api';
import { useFilters } from './filters';
import { useLayers } from './layers';
import { useSelection } from './selection';
import { toIncidentFilter, type FilterContext } from './incident-filter';

export interface CoverageResults {
  /** Count faulty and offline cameras as if repaired (若修复故障/离线摄像头). */
  repaired: boolean;
  setRepaired(repaired: boolean): void;
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
  covered: null,
  report: null,
  blindSpots: null,
  repairedReport: null,
  pending: 0,
}));

/** The client coverage was started with: the planner asks it too. */
let coverageClient: AnalysisClient | null = null;
/** The layers last handed to the worker's coverage (by identity), and when it had them. */
let sent: { client: AnalysisClient; input: Pick<MapData, 'cameras' | 'buildings' | 'roads' | 'admin' | 'grids'>; ready: Promise<unknown> } | null = null;
export function coverageAnalysis(): AnalysisClient {
  if (!coverageClient) throw new Error('coverage not started');
  return coverageClient;
}

/** Hands the dataset's cameras and basemap to the worker and wires the filter to coverage requests. */
export function startCoverage(client: AnalysisClient, data: MapData, towns: AdminCollection['features']): () => void {
  coverageClient = client;
  const input = { cameras: data.cameras, buildings: data.buildings, roads: data.roads, admin: data.admin, grids: data.grids };
  // An import of incidents alone keeps these layers: the worker has them (their indexes built) already.
  const same = sent?.client === client && (Object.keys(input) as (keyof typeof input)[]).every((k) => sent!.input[k] === input[k]);
  if (!same) sent = { client, input, ready: client.setCoverageData(input) };
  const ready = sent!.ready;
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
    const details = sel?.kind === 'grid' || sel?.kind === 'hotspot';
    if (!on && !details) return;
    const f = useFilters.getState();
    const { repaired } = useCoverage.getState();
    const filter = toIncidentFilter(f, filterCtx);
    const all = JSON.stringify([f.hiddenKinds, f.townId, f.gridId, f.drawnArea, f.timeRange, f.hoursOfWeek]);
    request('report', `${all}|${repaired}`, () => client.coverageReport(filter, { repaired }));
    if (!on) return;
    request('covered', String(repaired), async () => {
      const cells = await client.coverageCells({ repaired });
      return { repaired, resolution: cells.length > 0 ? resolutionOf(cells[0]) : 11, cells };
    });
    request('blindSpots', `${all}|${repaired}`, () => client.blindSpotReport(filter, { repaired, limit: 20 }));
    // The repaired figures beside the current ones, so the switch's worth is visible before using it.
    request('repairedReport', all, () => client.coverageReport(filter, { repaired: true }));
  };
  const unsubscribers = [useFilters.subscribe(update), useLayers.subscribe(update), useSelection.subscribe(update), useCoverage.subscribe((s, p) => s.repaired !== p.repaired && update())];
  update();
  return () => unsubscribers.forEach((u) => u());
}

/** The resolution digit of an H3 index string (bits 52–55), without loading h3-js on the main thread. */
function resolutionOf(cell: string): number {
  return parseInt(cell.charAt(1), 16);
}
