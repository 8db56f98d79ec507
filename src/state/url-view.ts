// State: a view as a link — the map's camera, the layers, the filter, the selection, language and
// theme in short query parameters (`?z=12.5&c=117.231,32.941&l=grids,cameras&t=last30&sel=grid:G1`),
// and back. Pure: no window, no stores. Whatever a link holds that this dataset or this version
// cannot use (an unknown parameter, a town that is not in the data, a number that is not one) is
// left out and named in a notice, never an error: a link pasted into a chat must still open.
import { OVERLAYS, GISTAR_RESOLUTIONS } from '../model';
import type { GiStarK, GiStarView, GridMeasure, IncidentMeasure, IncidentMode, OverlayId, PolygonGeometry, Selection, Theme, TrendBucket } from '../model';
import type { Lang } from '../i18n';
import type { FilterIds, FilterState } from './filters';
import { HEAT_BANDWIDTHS_M, LAYER_DEFAULTS, type LayerChoices } from './layers';
import { datesOfRange, rangeOfDates } from './incident-filter';
import { decodePolyline, encodePolyline } from './polyline';
import { isValidCell } from 'h3-js';

/** The map's camera: centre [lng, lat] in degrees, zoom level, bearing and pitch in degrees. */
export interface LinkCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type LinkFilters = Pick<FilterState, 'timeRange' | 'periodPreset' | 'hiddenKinds' | 'hoursOfWeek' | 'townId' | 'gridId' | 'drawnArea'>;
export type LinkLayers = Omit<LayerChoices, 'theme'>;

/** Everything a link describes. */
export interface LinkState {
  camera: LinkCamera | null;
  layers: LinkLayers;
  filters: LinkFilters;
  selection: Selection;
  lang: Lang;
  theme: Theme;
}

/** What a link may refer to in the loaded dataset, and the dataset's time zone for its dates. */
export interface LinkContext extends FilterIds {
  camera(id: string): boolean;
  hotspot(id: string): boolean;
  /** IANA zone the from/to dates are read in (the dataset's). */
  timeZone: string;
}

/** A parameter left out: not known, referring to something not in the dataset, or not readable. */
export interface UrlNotice {
  param: string;
  value: string;
  reason: 'unknown' | 'stale' | 'malformed';
}

/** What a link sets. Absent fields were not in it (or not usable). */
export interface DecodedLink {
  /**
   * True when the URL holds a camera (`z` or `c`): a link written by the app, which describes the
   * whole view, so that whatever it leaves out is the default, not the opener's saved choice.
   */
  complete: boolean;
  camera?: LinkCamera;
  layers: Partial<LinkLayers>;
  filters: Partial<LinkFilters>;
  selection?: Selection;
  lang?: Lang;
  theme?: Theme;
  notices: UrlNotice[];
}

/** Parameters owned elsewhere: the dataset folder (dataset-url.ts) and ones reserved by other features (`bench`: src/bench-hook). */
export const FOREIGN_PARAMS = ['data', 'view', 'mode', 'sceneSeconds', 'reloadSeconds', 'bench'] as const;

const GRID_MEASURES: readonly GridMeasure[] = ['incidents', 'incidentRate', 'households', 'population', 'none'];
const INCIDENT_MODES: readonly IncidentMode[] = ['hex', 'heat'];
const INCIDENT_MEASURES: readonly IncidentMeasure[] = ['count', 'vsPrevious', 'vsLastYear'];
const GISTAR_VIEWS: readonly GiStarView[] = ['significance', 'emerging'];
const TREND_BUCKETS: readonly TrendBucket[] = ['day', 'week'];
const SELECTION_KINDS = ['grid', 'camera', 'hotspot', 'cell'] as const;

/**
 * The query string (without "?") of a view. Parameters in `keep` that belong to others (FOREIGN_PARAMS)
 * stay as they were; everything else is written anew. Layer choices equal to the defaults are left
 * out (a complete link restores them as defaults); the visible layers are always written.
 */
export function encodeLink(state: LinkState, timeZone: string, keep: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams();
  const kept = keep.get('data');
  if (kept !== null) q.set('data', kept);
  const cam = state.camera;
  if (cam) {
    q.set('z', round(cam.zoom, 2));
    q.set('c', `${round(cam.center[0], 5)},${round(cam.center[1], 5)}`);
    if (Math.abs(cam.bearing) >= 0.05) q.set('b', round(cam.bearing, 1));
    if (Math.abs(cam.pitch) >= 0.05) q.set('p', round(cam.pitch, 1));
  }
  const L = state.layers;
  q.set('l', OVERLAYS.filter((id) => L.visible[id]).join(','));
  const layerParam = <K extends keyof LinkLayers>(name: string, key: K) => {
    if (L[key] !== LAYER_DEFAULTS[key] && L[key] !== null) q.set(name, String(L[key]));
  };
  layerParam('gm', 'gridMeasure');
  layerParam('inc', 'incidentMode');
  layerParam('m', 'incidentMeasure');
  layerParam('bw', 'heatBandwidthM');
  layerParam('gv', 'gistarView');
  layerParam('gk', 'gistarK');
  layerParam('gr', 'gistarResolution');
  layerParam('tb', 'trendBucket');
  const F = state.filters;
  if (F.timeRange && F.periodPreset && F.periodPreset !== 'all') q.set('t', F.periodPreset);
  else if (F.timeRange) {
    const [from, to] = datesOfRange(F.timeRange, timeZone);
    q.set('from', from);
    q.set('to', to);
  }
  if (F.hiddenKinds.length) q.set('hide', F.hiddenKinds.join(','));
  if (F.hoursOfWeek.length) q.set('h', encodeHours(F.hoursOfWeek));
  if (F.townId) q.set('town', F.townId);
  if (F.gridId) q.set('grid', F.gridId);
  const ring = F.drawnArea?.coordinates[0];
  if (ring) q.set('area', encodePolyline(ring as Array<[number, number]>));
  const sel = state.selection;
  if (sel) q.set('sel', `${sel.kind}:${sel.kind === 'cell' ? sel.h3 : sel.id}`);
  if (state.lang !== 'zh-CN') q.set('lang', state.lang);
  if (state.theme !== 'light') q.set('theme', state.theme);
  for (const name of FOREIGN_PARAMS) {
    const v = keep.get(name);
    if (name !== 'data' && v !== null) q.set(name, v);
  }
  // Commas and colons are legal in a query; left unescaped the link stays readable.
  return q.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** Reads a query string (with or without "?") against the loaded dataset. Never throws. */
export function decodeLink(search: string, ctx: LinkContext): DecodedLink {
  const q = new URLSearchParams(search);
  const out: DecodedLink = { complete: q.has('z') || q.has('c'), layers: {}, filters: {}, notices: [] };
  const note = (param: string, value: string, reason: UrlNotice['reason']) =>
    out.notices.push({ param, value: value.length > 40 ? `${value.slice(0, 39)}…` : value, reason });
  const oneOf = <T extends string | number>(name: string, list: readonly T[], set: (v: T) => void) => {
    const raw = q.get(name);
    if (raw === null) return;
    const v = list.find((x) => String(x) === raw);
    if (v === undefined) note(name, raw, 'malformed');
    else set(v);
  };
  const known = new Set<string>([...FOREIGN_PARAMS, 'z', 'c', 'b', 'p', 'l', 'gm', 'inc', 'm', 'bw', 'gv', 'gk', 'gr', 'tb', 't', 'from', 'to', 'hide', 'h', 'town', 'grid', 'area', 'sel', 'lang', 'theme']);
  for (const [name, value] of q) if (!known.has(name)) note(name, value, 'unknown');

  // Camera: usable only with both a centre and a zoom.
  const z = q.get('z');
  const c = q.get('c');
  const zoom = z === null ? NaN : strictNumber(z);
  const center = c === null ? null : parsePair(c);
  const zoomOk = zoom >= 0 && zoom <= 24;
  if (z !== null && !zoomOk) note('z', z, 'malformed');
  if (c !== null && !center) note('c', c, 'malformed');
  // A zoom without a centre says nowhere (and a centre without a zoom how near): left out too.
  if (zoomOk && !center && c === null) note('z', z!, 'malformed');
  if (center && z === null) note('c', c!, 'malformed');
  if (zoomOk && center) {
    const camera: LinkCamera = { center, zoom, bearing: 0, pitch: 0 };
    const b = q.get('b');
    const bearing = b === null ? 0 : strictNumber(b);
    if (b !== null && !Number.isFinite(bearing)) note('b', b, 'malformed');
    else camera.bearing = ((((bearing + 180) % 360) + 360) % 360) - 180;
    const p = q.get('p');
    const pitch = p === null ? 0 : strictNumber(p);
    if (p !== null && !(pitch >= 0 && pitch <= 85)) note('p', p, 'malformed');
    else camera.pitch = pitch;
    out.camera = camera;
  }

  const l = q.get('l');
  if (l !== null) {
    const visible = Object.fromEntries(OVERLAYS.map((id) => [id, false])) as Record<OverlayId, boolean>;
    for (const id of l.split(',').filter(Boolean)) {
      if ((OVERLAYS as readonly string[]).includes(id)) visible[id as OverlayId] = true;
      else note('l', id, 'unknown');
    }
    out.layers.visible = visible;
  }
  oneOf<GridMeasure>('gm', GRID_MEASURES, (v) => (out.layers.gridMeasure = v));
  oneOf<IncidentMode>('inc', INCIDENT_MODES, (v) => (out.layers.incidentMode = v));
  oneOf<IncidentMeasure>('m', INCIDENT_MEASURES, (v) => (out.layers.incidentMeasure = v));
  oneOf('bw', HEAT_BANDWIDTHS_M, (v) => (out.layers.heatBandwidthM = v));
  oneOf<GiStarView>('gv', GISTAR_VIEWS, (v) => (out.layers.gistarView = v));
  oneOf<GiStarK>('gk', [1, 2], (v) => (out.layers.gistarK = v));
  oneOf('gr', GISTAR_RESOLUTIONS, (v) => (out.layers.gistarResolution = v));
  oneOf<TrendBucket>('tb', TREND_BUCKETS, (v) => (out.layers.trendBucket = v));

  decodePeriod(q, ctx, out.filters, note);
  const hide = q.get('hide');
  if (hide !== null) {
    out.filters.hiddenKinds = [];
    for (const k of hide.split(',').filter(Boolean)) ctx.kind(k) ? out.filters.hiddenKinds.push(k) : note('hide', k, 'stale');
    out.filters.hiddenKinds.sort();
  }
  const h = q.get('h');
  if (h !== null) {
    const hours = decodeHours(h);
    if (hours) out.filters.hoursOfWeek = hours;
    else note('h', h, 'malformed');
  }
  const town = q.get('town');
  if (town !== null) ctx.town(town) ? (out.filters.townId = town) : note('town', town, 'stale');
  const grid = q.get('grid');
  if (grid !== null) ctx.grid(grid) ? (out.filters.gridId = grid) : note('grid', grid, 'stale');
  const area = q.get('area');
  if (area !== null) {
    const polygon = decodeArea(area);
    if (!polygon) note('area', area, 'malformed');
    else if (out.filters.townId || out.filters.gridId) note('area', area, 'malformed'); // one area at a time
    else out.filters.drawnArea = polygon;
  }

  const sel = q.get('sel');
  if (sel !== null) {
    const selection = decodeSelection(sel, ctx);
    if (selection === 'malformed' || selection === 'stale') note('sel', sel, selection);
    else out.selection = selection;
  }
  oneOf<Lang>('lang', ['zh-CN', 'en'], (v) => (out.lang = v));
  oneOf<Theme>('theme', ['light', 'dark'], (v) => (out.theme = v));
  return out;
}

function decodePeriod(q: URLSearchParams, ctx: LinkContext, f: Partial<LinkFilters>, note: (p: string, v: string, r: UrlNotice['reason']) => void): void {
  const t = q.get('t');
  const from = q.get('from');
  const to = q.get('to');
  if (t !== null) {
    const range = ctx.period?.(t);
    if (range === undefined) note('t', t, 'malformed');
    else {
      f.timeRange = range;
      f.periodPreset = t;
      return; // a preset says the period; dates beside it would only repeat it
    }
  }
  if (from === null && to === null) return;
  const range = from !== null && to !== null ? rangeOfDates(from, to, ctx.timeZone) : null;
  if (range) {
    f.timeRange = range;
    f.periodPreset = null;
  } else {
    if (from !== null) note('from', from, 'malformed');
    if (to !== null) note('to', to, 'malformed');
  }
}

function decodeSelection(text: string, ctx: LinkContext): Selection | 'malformed' | 'stale' {
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (colon < 1 || !id || !(SELECTION_KINDS as readonly string[]).includes(kind)) return 'malformed';
  if (kind === 'cell') {
    // The details read the cell's profile from the worker; the click's count is not needed.
    return isValidCell(id) ? { kind: 'cell', h3: id, count: 0 } : 'malformed';
  }
  const exists = kind === 'grid' ? ctx.grid(id) : kind === 'camera' ? ctx.camera(id) : ctx.hotspot(id);
  return exists ? { kind: kind as 'grid' | 'camera' | 'hotspot', id } : 'stale';
}

function decodeArea(text: string): PolygonGeometry | null {
  const ring = decodePolyline(text);
  if (!ring || ring.length < 3) return null;
  if (!ring.every(([lng, lat]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return null;
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring.length >= 4 ? { type: 'Polygon', coordinates: [ring] } : null;
}

/** Hour-of-week cells (weekday × 24 + hour) as runs: "0-23,48,50-52". */
export function encodeHours(cells: readonly number[]): string {
  const sorted = [...new Set(cells)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(',');
}

/** The cells of "0-23,48", or null when any part is not a cell (0–167) or a run of them. */
export function decodeHours(text: string): number[] | null {
  const cells = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a > b || b > 167) return null;
    for (let c = a; c <= b; c++) cells.add(c);
  }
  return [...cells].sort((x, y) => x - y);
}

/** A plain decimal number ("12.5", "-3"), NaN for anything else ("12px", "", "1e400", "0x1f"). */
function strictNumber(text: string): number {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
}

function parsePair(text: string): [number, number] | null {
  const parts = text.split(',');
  if (parts.length !== 2) return null;
  const [lng, lat] = parts.map(strictNumber);
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 85.06 ? [lng, lat] : null;
}

function round(x: number, digits: number): string {
  return String(Number(x.toFixed(digits)));
}
