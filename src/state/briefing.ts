// State: the briefing's figures for the current filter. The period is the filter's; without one
// the briefing covers this month (a briefing always compares a period with 环比 and 同比). The
// figures are computed in the analysis worker; a newer request wins over a late answer.
import { create } from 'zustand';
import type { MapData } from '../model';
import type { BriefingFigures, BriefingPeriods } from '../analysis/briefing/briefing-figures';
import { briefingPeriods } from '../analysis/briefing/briefing-figures';
import { analysisClient } from '../worker/analysis-client';
import { useFilters, type FilterState } from './filters';
import { useIncidentResults } from './incident-results';
import { presetRange, toIncidentFilter } from './incident-filter';
import type { NamedBlindSpot } from '../worker/coverage-api';

/** Coverage of the briefing's period: the share of its incidents in covered cells, and the worst blind spots. */
export interface BriefingCoverage {
  byIncidents: number;
  blindSpots: NamedBlindSpot[];
}

/** How many blind spots the briefing lists. */
const BLIND_SPOTS = 5;

export interface BriefingState {
  figures: BriefingFigures | null;
  periods: BriefingPeriods | null;
  /** True when the filter chose no period and the briefing fell back to this month. */
  defaultPeriod: boolean;
  /** When the figures were last computed (epoch ms), for the wall's "age of data". */
  computedAt: number | null;
  error: string | null;
  /** Null while the worker has no camera coverage (the cards then say so instead of a figure). */
  coverage: BriefingCoverage | null;
}

export const useBriefing = create<BriefingState>(() => ({ figures: null, periods: null, defaultPeriod: false, computedAt: null, error: null, coverage: null }));

let generation = 0;

/** The period a briefing covers under filter `f`: its range, else this month. */
export function briefingRange(f: Pick<FilterState, 'timeRange'>, data: MapData): { range: [number, number]; defaultPeriod: boolean } {
  return f.timeRange ? { range: f.timeRange, defaultPeriod: false } : { range: presetRange('thisMonth', data.manifest)!, defaultPeriod: true };
}

/** Computes the figures for the current filter; resolves when they are in the store (or failed). */
export async function refreshBriefing(data: MapData): Promise<void> {
  const gen = ++generation;
  const f = useFilters.getState();
  const { range, defaultPeriod } = briefingRange(f, data);
  const periods = briefingPeriods(range, data.manifest.timeZone);
  const sec = (r: [number, number]): [number, number] => [Math.ceil(r[0] / 1000), Math.ceil(r[1] / 1000)];
  const towns = data.admin.features.filter((t) => t.properties.level === 'town');
  const filter = toIncidentFilter(f, { manifest: data.manifest, towns, grids: data.grids }, null);
  const resolution = useIncidentResults.getState().defaultAnalysisResolution;
  const client = analysisClient();
  const [fromSec, toSec] = sec(periods.current);
  try {
    const [figures, coverage] = await Promise.all([
      client.briefingFigures(filter, { current: [fromSec, toSec], previous: sec(periods.previous), lastYear: sec(periods.lastYear) }, data.manifest.offenceKinds, resolution),
      briefingCoverage(client, { ...filter, fromSec, toSec }),
    ]);
    if (gen === generation) useBriefing.setState({ figures, periods, defaultPeriod, computedAt: Date.now(), error: null, coverage });
  } catch (e) {
    // The last good figures stay on screen; the page says they could not be refreshed.
    if (gen === generation) useBriefing.setState({ error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
}

/**
 * Coverage of the period's incidents from the worker's coverage analysis, or null while the worker
 * has no cameras for it yet (setCoverageData is the coverage feature's, made once at load).
 */
async function briefingCoverage(client: ReturnType<typeof analysisClient>, filter: Parameters<typeof client.coverageReport>[0]): Promise<BriefingCoverage | null> {
  try {
    // The register's cameras: what-if edits of the coverage panel are not the county's figures.
    const [report, spots] = await Promise.all([client.coverageReport(filter, { official: true }), client.blindSpotReport(filter, { limit: BLIND_SPOTS, official: true })]);
    return { byIncidents: report.county.byIncidents, blindSpots: spots.areas };
  } catch {
    return null;
  }
}

/** Keeps the figures following the filter while `data` is shown; returns the stop function. */
export function followBriefing(data: MapData): () => void {
  const run = () => void refreshBriefing(data).catch((e: unknown) => console.error('briefing figures failed:', e));
  run();
  return useFilters.subscribe(run);
}
