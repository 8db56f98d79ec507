// State: 同比 and 环比 of the grids for the grid details — every grid's incidents in the filter's
// period (this month when the filter has none, as the briefing does), in the previous natural
// period and in the same dates a year earlier. The worker's countByPolygon('grids') counts all
// grids in one pass per period, so it is asked only while a grid is selected, and selecting
// another grid under the same filter asks nothing. A newer request wins over a late answer.
import { create } from 'zustand';
import type { MapData } from '../model';
import { briefingPeriods, type BriefingPeriods } from '../analysis/briefing/briefing-figures';
import type { AnalysisClient } from '../worker/analysis-client';
import { briefingRange } from './briefing';
import { useFilters } from './filters';
import { toIncidentFilter } from './incident-filter';
import { useSelection } from './selection';

export interface GridChange {
  periods: BriefingPeriods;
  /** The filter chose no period: the current one is this month. */
  defaultPeriod: boolean;
  /** Incidents per grid (feature order) in periods.current, .previous (环比) and .lastYear (同比). */
  current: Uint32Array;
  previous: Uint32Array;
  lastYear: Uint32Array;
}

export const useGridChange = create<{ change: GridChange | null }>(() => ({ change: null }));

/** Follows the selection and the filter for `data`; returns the stop function. */
export function startGridChange(client: AnalysisClient, data: MapData): () => void {
  const ctx = { manifest: data.manifest, towns: data.admin.features.filter((f) => f.properties.level === 'town'), grids: data.grids };
  let lastKey = '';
  let generation = 0;
  const update = () => {
    if (useSelection.getState().selected?.kind !== 'grid') return;
    const f = useFilters.getState();
    const { range, defaultPeriod } = briefingRange(f, data);
    const key = JSON.stringify([f.hiddenKinds, f.townId, f.gridId, f.drawnArea, f.hoursOfWeek, range]);
    if (key === lastKey) return;
    lastKey = key;
    const gen = ++generation;
    useGridChange.setState({ change: null });
    const periods = briefingPeriods(range, data.manifest.timeZone);
    const filter = toIncidentFilter(f, ctx, null);
    const count = (r: [number, number]) => client.countByPolygon('grids', { ...filter, fromSec: Math.ceil(r[0] / 1000), toSec: Math.ceil(r[1] / 1000) });
    Promise.all([count(periods.current), count(periods.previous), count(periods.lastYear)])
      .then(([current, previous, lastYear]) => {
        if (gen === generation) useGridChange.setState({ change: { periods, defaultPeriod, current, previous, lastYear } });
      })
      .catch((e: unknown) => console.error('grid 同比/环比 failed:', e));
  };
  const unsubscribers = [useSelection.subscribe(update), useFilters.subscribe(update)];
  update();
  return () => {
    generation++;
    unsubscribers.forEach((u) => u());
    useGridChange.setState({ change: null });
  };
}
