// Bench hook (`?bench` only, loaded by a dynamic import from main.tsx): window.__bench, the
// contract a side-by-side driver measures this app and kepler.gl with on the same CSV (README,
// "Benchmark hook"). Every timing is taken in the page with performance.now(), and each timed
// call resolves in the animation frame after the map has drawn its result.
import { version as react } from 'react';
import { getVersion } from 'maplibre-gl';
import { VERSION as deck } from '@deck.gl/core';
import { version as h3 } from 'h3-js/package.json';
import { version as app } from '../../package.json';
import { useDataset } from '../state/dataset';
import { useFilters } from '../state/filters';
import { useIncidentResults } from '../state/incident-results';
import { benchLoad, type LoadSummary, type LoadTimes } from './bench-load';
import { FrameWatch } from './frame-wait';

/** Zone of the CSV's times when the driver names none: the contract's data is Chicago's. */
export const BENCH_TIME_ZONE = 'America/Chicago';
export const BENCH_LAYERS = ['hexbin', 'h3'] as const;
export type BenchLayer = (typeof BENCH_LAYERS)[number];

export interface BenchHook {
  name: string;
  versions: Record<string, string>;
  /** True once the app can take data (its dataset and map are up). */
  readonly ready: boolean;
  /** Untimed: fetches the CSV (same origin) and keeps its bytes. */
  fetchData(opts: { url: string }): Promise<void>;
  /** Parse (the app's import) + index + the first frame showing the incident hexagons at H3 resolution 8. */
  load(opts: { layer: BenchLayer; timeZone?: string }): Promise<LoadTimes>;
  /** A time filter over the whole range of the loaded incidents, to its frame. */
  addTimeFilter(): Promise<{ ms: number }>;
  /** Incidents with from ≤ time < to (epoch ms), to the frame showing them. */
  setTimeFilter(opts: { from: number; to: number }): Promise<{ ms: number }>;
  /** Untimed: until nothing is pending and the map is idle. */
  settle(): Promise<void>;
  /** What the last load read: rows in the file, accepted and rejected (for checks, not timed). */
  lastLoad: LoadSummary | null;
}

declare global {
  interface Window {
    __bench?: BenchHook;
  }
}

export function installBenchHook(): void {
  const watch = new FrameWatch();
  let bytes: Uint8Array | null = null;
  let loaded = false;

  const filterTo = async (range: [number, number]): Promise<{ ms: number }> => {
    if (!loaded) throw new Error('load the data first');
    await watch.settled();
    const t0 = performance.now();
    const before = useIncidentResults.getState().hexCounts;
    const same = JSON.stringify(useFilters.getState().timeRange) === JSON.stringify(range);
    useFilters.getState().setTimeRange(range);
    // The same range again changes nothing: the frame on screen already shows it.
    const t1 = same ? await watch.settled(1) : await watch.shownAfter(t0, () => useIncidentResults.getState().hexCounts !== before);
    return { ms: t1 - t0 };
  };

  const hook: BenchHook = {
    name: 'Safety One-Map',
    versions: { app, react, 'maplibre-gl': getVersion(), 'deck.gl': deck, 'h3-js': h3 },
    get ready() {
      return useDataset.getState().data !== null && window.__oneMap !== undefined;
    },
    async fetchData({ url }) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`fetching ${url}: HTTP ${res.status}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    },
    async load({ layer, timeZone = BENCH_TIME_ZONE }) {
      if (!(BENCH_LAYERS as readonly string[]).includes(layer)) throw new Error(`layer must be one of ${BENCH_LAYERS.join(', ')}, got ${JSON.stringify(layer)}`);
      if (!bytes) throw new Error('no data: call fetchData first');
      // 'hexbin' and 'h3' are drawn alike: the app's hexagons are H3 cells, counted exactly.
      const { summary, ...times } = await benchLoad(bytes, timeZone, watch);
      hook.lastLoad = summary;
      loaded = true;
      return times;
    },
    async addTimeFilter() {
      if (!loaded) throw new Error('load the data first');
      const [from, to] = useDataset.getState().data!.manifest.timeRange;
      // The last incident's second is inside: the range is [first, last + 1 s).
      return filterTo([from, to + 1000]);
    },
    async setTimeFilter({ from, to }) {
      if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) throw new Error(`setTimeFilter needs from < to (epoch ms), got ${from}, ${to}`);
      return filterTo([from, to]);
    },
    async settle() {
      await watch.settled();
    },
    lastLoad: null,
  };
  window.__bench = hook;
}
