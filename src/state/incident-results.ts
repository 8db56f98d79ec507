// State: everything computed from incidents for the current filter, zoom and display — hexagon
// counts, the trend, the hour × weekday matrix, period comparison, per-grid counts, Gi*. All of
// it is computed in the analysis worker; each result is requested again only when its own inputs
// change, and a result that arrives after a newer request for it is dropped (latest wins).
import { create } from 'zustand';
import type { AdminCollection, DatasetManifest, GridCollection, CellCounts } from '../model';
import type { AnalysisClient } from '../worker/analysis-client';
import type { GiStarResult } from '../analysis/stats/gi-star';
import type { EmergingHotspotResult } from '../analysis/stats/emerging-hotspots';
import type { CellProfile } from '../analysis/incidents/cell-profile';
import type { KdeGrid } from '../analysis/stats/kde';
import { useSelection } from './selection';
import { resolutionForZoom } from '../analysis/h3/zoom-resolution';
import { useFilters, type FilterState } from './filters';
import { useLayers } from './layers';
import { useMapPeriod } from './map-period';
import { DRAWN_SET, toIncidentFilter, trendPeriods, wholeDays, type FilterContext } from './incident-filter';
import { GISTAR_RESOLUTIONS } from '../model';
import { suggestedResolution } from '../analysis/h3/boundary-cells';
import { paiPeriods, type PaiPeriods } from '../analysis/evaluation/predictive-pai';
import type { ConcentrationCurve } from '../analysis/evaluation/concentration';
import type { PredictivePaiResult } from '../worker/study-area-api';
import { previousCalendarPeriod, sameCalendarPeriodLastYear } from '../analysis/time/calendar-periods';


export interface TimeSeries {
  /** Epoch ms of the first bucket's local start. */
  start: number;
  bucket: 'day' | 'week';
  counts: Uint32Array;
  /** Each bucket's local start (epoch ms) plus the last one's end: counts.length + 1 entries. */
  starts: Float64Array;
}

/** Counts per hexagon in two periods, over the same cells. */
export interface PeriodComparison {
  resolution: number;
  cells: string[];
  current: Uint32Array;
  previous: Uint32Array;
  currentRange: [number, number];
  previousRange: [number, number];
  totalCurrent: number;
  totalPrevious: number;
}

export interface IncidentResults {
  zoom: number;
  hexCounts: CellCounts | null;
  /** The heatmap: kernel density (incidents per km²) of the filtered incidents, in heat mode. */
  density: KdeGrid | null;
  comparison: PeriodComparison | null;
  series: TimeSeries | null;
  matrix: Uint32Array | null;
  gridIncidents: Uint32Array | null;
  /** Incidents inside each hotspot of the register (the dataset's, then those added), in feature order. */
  hotspotIncidents: Uint32Array | null;
  /** Bumped when the worker's 'hotspots' polygon set is assigned again (register-polygons.ts). */
  hotspotSetVersion: number;
  /** Gi* over the county's cells at the analysis resolution (not the zoom's). */
  giStar: (GiStarResult & { resolution: number }) | null;
  /** Each cell's hot-spot trend over consecutive periods of the chosen range, and those periods (epoch ms). */
  emerging: (EmergingHotspotResult & { periodRanges: Array<[number, number]>; resolution: number }) | null;
  /** Predictive PAI of the quality panel, while it is open (paiListedMask set). */
  pai: (PredictivePaiResult & { resolution: number; periods: PaiPeriods }) | null;
  /** The concentration curve of the quality panel, at the analysis resolution over the study area. */
  concentration: (ConcentrationCurve & { resolution: number }) | null;
  /** Which listed hotspots the PAI scores (1 = active); null while the quality panel is closed. */
  paiListedMask: Uint8Array | null;
  /** Analysis resolution of Gi*, the trend and PAI when none is chosen: suited to the county's size. */
  defaultAnalysisResolution: number;
  setPaiListedMask(mask: Uint8Array | null): void;
  /** What the selected hexagon holds, when a hexagon is selected. */
  cellProfile: CellProfile | null;
  /** Worker requests in flight. */
  pending: number;
  setZoom(zoom: number): void;
}

export const useIncidentResults = create<IncidentResults>((set) => ({
  zoom: 10,
  hexCounts: null,
  density: null,
  comparison: null,
  series: null,
  matrix: null,
  gridIncidents: null,
  hotspotIncidents: null,
  hotspotSetVersion: 0,
  giStar: null,
  emerging: null,
  pai: null,
  concentration: null,
  paiListedMask: null,
  defaultAnalysisResolution: 8,
  cellProfile: null,
  pending: 0,
  setZoom(zoom) {
    set({ zoom });
  },
  setPaiListedMask(paiListedMask) {
    set({ paiListedMask });
  },
}));

export type ResultKey = 'hexCounts' | 'density' | 'comparison' | 'series' | 'matrix' | 'gridIncidents' | 'hotspotIncidents' | 'giStar' | 'emerging' | 'pai' | 'concentration' | 'cellProfile';

export interface ResultContext {
  manifest: DatasetManifest;
  towns: AdminCollection['features'];
  grids: GridCollection;
  resolutions: number[];
  /** Area of the study area (the county boundary given to the worker's setStudyArea), m²; 0 without one. */
  studyAreaM2: number;
}

/** Wires filters, zoom and display to worker requests. Call once, after loading. */
export function startIncidentResults(client: AnalysisClient, ctx: ResultContext): () => void {
  const filterCtx: FilterContext = { manifest: ctx.manifest, towns: ctx.towns, grids: ctx.grids };
  const zoomOpts = { latitude: ctx.manifest.center[1], available: ctx.resolutions };
  // Gi*, the trend and PAI are analysed at a resolution of their own — chosen in the panel, else
  // suited to the county's size — so zooming never recomputes them or changes their lists.
  const analysisChoices = GISTAR_RESOLUTIONS.filter((r) => ctx.resolutions.includes(r));
  const defaultAnalysisResolution = analysisChoices.length > 0 && ctx.studyAreaM2 > 0 ? suggestedResolution(ctx.studyAreaM2, analysisChoices) : (analysisChoices[1] ?? ctx.resolutions[0]);
  useIncidentResults.setState({ defaultAnalysisResolution });
  const cellLists = new Map<number, Promise<string[]>>();
  const cellsAt = (res: number) => {
    let p = cellLists.get(res);
    if (!p) cellLists.set(res, (p = client.levelCells(res)));
    return p;
  };

  const generation: Record<ResultKey, number> = {
    hexCounts: 0,
    density: 0,
    comparison: 0,
    series: 0,
    matrix: 0,
    gridIncidents: 0,
    hotspotIncidents: 0,
    giStar: 0,
    emerging: 0,
    pai: 0,
    concentration: 0,
    cellProfile: 0,
  };
  const lastKey: Partial<Record<ResultKey, string>> = {};
  // The drawn area reaches the worker as a one-polygon set; every request made after a new
  // area waits for its assignment, so none filters with the previous area's.
  let drawnArea: FilterState['drawnArea'] = null;
  let drawnReady: Promise<unknown> = Promise.resolve();
  /** Runs `job` unless the result's inputs (`key`) are what it was last computed for. */
  const request = <T,>(result: ResultKey, key: string, job: () => Promise<T>) => {
    if (lastKey[result] === key) return;
    lastKey[result] = key;
    const gen = ++generation[result];
    useIncidentResults.setState((s) => ({ pending: s.pending + 1 }));
    drawnReady
      .then(job)
      .then((value) => {
        if (gen === generation[result]) useIncidentResults.setState({ [result]: value } as Partial<IncidentResults>);
      })
      .catch((e: unknown) => console.error(`incident ${result} failed:`, e))
      .finally(() => useIncidentResults.setState((s) => ({ pending: s.pending - 1 })));
  };
  const clear = (result: ResultKey) => {
    if (lastKey[result] === undefined) return;
    delete lastKey[result];
    generation[result]++;
    useIncidentResults.setState({ [result]: null } as Partial<IncidentResults>);
  };

  const update = () => {
    const chosen: FilterState = useFilters.getState();
    // The briefing and the wall count this month when the filter has no period (map-period.ts).
    const f: FilterState = chosen.timeRange ? chosen : { ...chosen, timeRange: useMapPeriod.getState().fallback };
    const layers = useLayers.getState();
    const resolution = resolutionForZoom(useIncidentResults.getState().zoom, zoomOpts);
    if (f.drawnArea && f.drawnArea !== drawnArea) {
      const feature = { type: 'Feature' as const, properties: {}, geometry: f.drawnArea };
      drawnReady = client.assignPolygons(DRAWN_SET, { type: 'FeatureCollection', features: [feature] }).catch((e: unknown) => {
        // An area the worker cannot use is dropped rather than left to fail every request.
        console.error('the drawn area could not be used:', e);
        useFilters.getState().setDrawnArea(null);
      });
    }
    drawnArea = f.drawnArea;
    const base = [f.hiddenKinds, f.townId, f.gridId, f.drawnArea];
    const all = JSON.stringify([...base, f.timeRange, f.hoursOfWeek]);
    const filter = toIncidentFilter(f, filterCtx);

    request('hexCounts', `${all}|${resolution}`, async () => {
      const [cells, dense] = await Promise.all([cellsAt(resolution), client.aggregateDense(filter, resolution)]);
      return { resolution, cells, counts: dense.counts, total: dense.total, max: dense.max } satisfies CellCounts;
    });
    if (layers.incidentMode === 'heat') {
      // Recomputed only when the filter or the bandwidth changes: the surface is in metres, so zoom is no input.
      request('density', `${all}|${layers.heatBandwidthM}`, () => client.density(filter, layers.heatBandwidthM));
    }
    request('gridIncidents', all, () => client.countByPolygon('grids', filter));
    const hotspotSet = useIncidentResults.getState().hotspotSetVersion;
    request('hotspotIncidents', `${all}|${hotspotSet}`, () => client.countByPolygon('hotspots', filter));
    request('series', JSON.stringify([...base, f.hoursOfWeek, layers.trendBucket]), () =>
      client.timeSeries(toIncidentFilter(f, filterCtx, null), layers.trendBucket),
    );
    request('matrix', JSON.stringify([...base, f.timeRange]), () =>
      client.hourWeekMatrix(toIncidentFilter({ ...f, hoursOfWeek: [] }, filterCtx)),
    );

    const range = f.timeRange ?? null;
    if (layers.incidentMeasure !== 'count' && range) {
      // 环比: the previous calendar period (June → May); 同比: the same dates a year earlier.
      const previous = layers.incidentMeasure === 'vsPrevious' ? previousCalendarPeriod(range, ctx.manifest.timeZone) : sameCalendarPeriodLastYear(range, ctx.manifest.timeZone);
      request('comparison', `${all}|${resolution}|${layers.incidentMeasure}`, async () => {
        const toSec = (r: [number, number]): [number, number] => [Math.ceil(r[0] / 1000), Math.ceil(r[1] / 1000)];
        const [cells, c] = await Promise.all([
          cellsAt(resolution),
          client.comparePeriods(filter, resolution, toSec(range), toSec(previous)),
        ]);
        return {
          resolution,
          cells,
          current: c.current,
          previous: c.previous,
          currentRange: range,
          previousRange: previous,
          totalCurrent: c.totalCurrent,
          totalPrevious: c.totalPrevious,
        } satisfies PeriodComparison;
      });
    } else {
      clear('comparison');
    }
    const analysisRes = layers.gistarResolution !== null && ctx.resolutions.includes(layers.gistarResolution) ? layers.gistarResolution : defaultAnalysisResolution;
    const listedMask = useIncidentResults.getState().paiListedMask;
    if (listedMask) {
      // Predictive PAI: chosen on the period before, scored on the current one (predictive-pai.ts).
      const periods = paiPeriods(range, ctx.manifest.timeRange, ctx.manifest.timeZone);
      const sec = (r: [number, number]): [number, number] => [Math.ceil(r[0] / 1000), Math.ceil(r[1] / 1000)];
      request('pai', `${all}|${analysisRes}|${layers.gistarK}|${listedMask.join('')}|${hotspotSet}`, async () => ({
        ...(await client.predictivePai(filter, analysisRes, sec(periods.current), sec(periods.previous), { k: layers.gistarK, listed: { set: 'hotspots', mask: listedMask } })),
        resolution: analysisRes,
        periods,
      }));
      // Concentration over the same cells: the county's, at the analysis resolution, not the zoom's.
      request('concentration', `${all}|${analysisRes}`, async () => ({ ...(await client.concentration(filter, analysisRes)), resolution: analysisRes }));
    } else {
      clear('pai');
      clear('concentration');
    }
    if (layers.visible.gistar && layers.gistarView === 'significance') {
      request('giStar', `${all}|${analysisRes}|${layers.gistarK}`, async () => ({ ...(await client.hotspots(filter, analysisRes, layers.gistarK)), resolution: analysisRes }));
    } else {
      clear('giStar');
    }
    if (layers.visible.gistar && layers.gistarView === 'emerging') {
      const tz = ctx.manifest.timeZone;
      const periodRanges = trendPeriods(range ?? wholeDays(ctx.manifest.timeRange, tz), tz);
      const toSec = (r: [number, number]): [number, number] => [Math.ceil(r[0] / 1000), Math.ceil(r[1] / 1000)];
      request('emerging', `${all}|${analysisRes}|${layers.gistarK}`, async () => ({
        ...(await client.emergingHotspots(filter, analysisRes, periodRanges.map(toSec), { k: layers.gistarK })),
        periodRanges,
        resolution: analysisRes,
      }));
    } else {
      clear('emerging');
    }
    const selected = useSelection.getState().selected;
    if (selected?.kind === 'cell') {
      request('cellProfile', `${all}|${selected.h3}`, () => client.cellProfile(filter, selected.h3));
    } else {
      clear('cellProfile');
    }
  };

  const unsubscribers = [
    useFilters.subscribe(update),
    useLayers.subscribe(update),
    useSelection.subscribe(update),
    useMapPeriod.subscribe(update),
    useIncidentResults.subscribe((s, prev) => {
      if (s.zoom !== prev.zoom || s.paiListedMask !== prev.paiListedMask || s.hotspotSetVersion !== prev.hotspotSetVersion) update();
    }),
  ];
  update();
  return () => {
    unsubscribers.forEach((u) => u());
    // A request still in flight was made for the data being replaced: its answer is dropped.
    for (const key of Object.keys(generation) as ResultKey[]) generation[key]++;
  };
}

/**
 * Empties results that no longer describe the data (an import replaced what they count), so
 * that the map made for the new data never draws the previous counts while the new ones come.
 */
export function forgetIncidentResults(keys: readonly ResultKey[]): void {
  if (keys.length > 0) useIncidentResults.setState(Object.fromEntries(keys.map((k) => [k, null])) as Partial<IncidentResults>);
}
