// State: keeps the page's URL a link to what is on screen. At load the link's view replaces the
// saved preferences (a link opens what its sender saw); afterwards every change rewrites the URL
// in place (history.replaceState, debounced) so that a reload, a bookmark or "copy link" keeps
// the view without one history entry per pan. The camera is not in a store: it changes on every
// pan and only the URL needs it.
import { create } from 'zustand';
import type { MapData, PolygonGeometry } from '../model';
import { useLang } from '../i18n';
import { useFilters } from './filters';
import { LAYER_DEFAULTS, useLayers } from './layers';
import { useSelection } from './selection';
import { isPeriodPreset, presetRange } from './incident-filter';
import { encodePolyline } from './polyline';
import { decodeLink, encodeLink, type LinkCamera, type LinkContext, type UrlNotice } from './url-view';

/** How long the URL waits after the last change before it is rewritten, ms. */
const WRITE_DELAY_MS = 300;

/** What the link at load left out; the notice shows until dismissed. */
export const useUrlNotices = create<{ notices: UrlNotice[]; dismiss(): void }>((set) => ({
  notices: [],
  dismiss() {
    set({ notices: [] });
  },
}));

let camera: LinkCamera | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let stop: (() => void) | null = null;
let timeZone = 'UTC';

/**
 * Where a new map opens: the link's camera at first, then wherever the map last came to rest (a
 * map created again keeps its view); null: the dataset's bounds.
 */
export function currentMapCamera(): LinkCamera | null {
  return camera;
}

/** Called by the map when it comes to rest: the URL follows. */
export function noteMapCamera(c: LinkCamera): void {
  camera = c;
  scheduleWrite();
}

/**
 * Applies the page's link to the stores (after the saved filter of `data` was restored, before
 * the map is created) and starts rewriting the URL on every change.
 */
export function startUrlSync(data: MapData): void {
  stop?.();
  timeZone = data.manifest.timeZone;
  const link = decodeLink(location.search, linkContext(data));
  const base = link.complete;
  // A complete link describes the whole view: what it leaves out is the default, not this
  // browser's saved choice. A partial one (`?lang=en`, `?town=…`) only changes what it names.
  useLayers.setState({
    ...(base ? { ...LAYER_DEFAULTS, visible: { ...LAYER_DEFAULTS.visible } } : {}),
    ...link.layers,
    ...(link.theme ? { theme: link.theme } : {}),
  });
  const noFilter = { timeRange: null, periodPreset: null, hiddenKinds: [], hoursOfWeek: [], townId: null, gridId: null, drawnArea: null };
  if (base || Object.keys(link.filters).length) {
    const f = { ...(base ? noFilter : {}), ...link.filters };
    // The area is one of a town, a grid, a drawn polygon: what the link names replaces the saved one.
    if (link.filters.townId) Object.assign(f, { gridId: link.filters.gridId ?? null, drawnArea: null });
    if (link.filters.gridId) Object.assign(f, { drawnArea: null });
    if (link.filters.drawnArea) Object.assign(f, { townId: null, gridId: null });
    // The link keeps corners to 1e-6°: when they are the saved area's, keep the saved one exactly
    // (a reload must give the same count to the incident).
    const saved = useFilters.getState().drawnArea;
    if (link.filters.drawnArea && saved && ringCode(saved) === ringCode(link.filters.drawnArea)) f.drawnArea = saved;
    useFilters.setState(f);
  }
  if (link.selection !== undefined || base) useSelection.setState({ selected: link.selection ?? null });
  // The language too: a complete link without `lang` was written in the default one.
  if (link.lang || base) useLang.setState({ lang: link.lang ?? 'zh-CN' });
  camera = link.camera ?? null;
  useUrlNotices.setState({ notices: link.notices });
  const unsubscribers = [useLayers.subscribe(scheduleWrite), useFilters.subscribe(scheduleWrite), useSelection.subscribe(scheduleWrite), useLang.subscribe(scheduleWrite)];
  stop = () => {
    unsubscribers.forEach((u) => u());
    clearTimeout(timer);
  };
  scheduleWrite();
}

/** Writes a change still waiting for its debounce now: "copy link" must copy what is on screen. */
export function flushUrl(): void {
  if (timer === undefined) return;
  clearTimeout(timer);
  writeUrl();
}

function scheduleWrite(): void {
  clearTimeout(timer);
  timer = setTimeout(writeUrl, WRITE_DELAY_MS);
}

function writeUrl(): void {
  timer = undefined;
  const { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, gistarResolution, trendBucket, heatBandwidthM, theme } = useLayers.getState();
  const f = useFilters.getState();
  const query = encodeLink(
    {
      camera,
      layers: { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, gistarResolution, trendBucket, heatBandwidthM },
      filters: { timeRange: f.timeRange, periodPreset: f.periodPreset, hiddenKinds: f.hiddenKinds, hoursOfWeek: f.hoursOfWeek, townId: f.townId, gridId: f.gridId, drawnArea: f.drawnArea },
      selection: useSelection.getState().selected,
      lang: useLang.getState().lang,
      theme,
    },
    timeZone,
    new URLSearchParams(location.search),
  );
  const search = query ? `?${query}` : '';
  if (search === location.search) return;
  // Replace, never push: panning must not fill the Back button with hundreds of entries.
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

function ringCode(area: PolygonGeometry): string {
  return encodePolyline(area.coordinates[0] as Array<[number, number]>);
}

function linkContext(data: MapData): LinkContext {
  const ids = (list: Array<{ properties: { id: string } }>) => {
    const set = new Set(list.map((f) => f.properties.id));
    return (id: string) => set.has(id);
  };
  const kinds = new Set(data.manifest.offenceKinds.map((k) => k.id));
  return {
    town: ids(data.admin.features.filter((f) => f.properties.level === 'town')),
    grid: ids(data.grids.features),
    kind: (id) => kinds.has(id),
    period: (id) => (isPeriodPreset(id) ? presetRange(id, data.manifest) : undefined),
    camera: ids(data.cameras.features),
    hotspot: ids(data.hotspots.features),
    timeZone: data.manifest.timeZone,
  };
}
