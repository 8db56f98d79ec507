// IO: loads a dataset bundle (manifest.json, GeoJSON layers, incidents.bin) over fetch. No DOM
// beyond fetch, which is injectable so Node tests can serve files from disk.
import type {
  AdminCollection,
  BuildingCollection,
  CameraCollection,
  DatasetManifest,
  GridCollection,
  HotspotCollection,
  IncidentColumns,
  PlaceCollection,
  RoadCollection,
  WaterCollection,
} from '../model';
import { decodeIncidentBin, incidentBinSize } from './incident-bin';
import { DatasetLoadError, isHtmlContentType, jsonErrorPosition, looksLikeHtmlBytes, looksLikeHtmlText, type HeadersLike } from './dataset-load-error';

/** Everything a bundle holds, decoded. Incidents are columns, ready to transfer to the worker. */
export interface DatasetBundle {
  manifest: DatasetManifest;
  admin: AdminCollection;
  grids: GridCollection;
  cameras: CameraCollection;
  hotspots: HotspotCollection;
  roads: RoadCollection;
  water: WaterCollection;
  buildings: BuildingCollection;
  places: PlaceCollection;
  incidents: IncidentColumns;
}

/** The part of a fetch Response the loader reads. */
export interface FetchedFile {
  ok: boolean;
  status: number;
  statusText: string;
  /** Read for Content-Type when present (a fake fetch may leave it out). */
  headers?: HeadersLike;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
/** `fetch` or a stand-in (tests serve files from a temporary folder). */
export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<FetchedFile>;

export interface LoadOptions {
  /** Defaults to the global fetch. */
  fetchImpl?: FetchLike;
  signal?: AbortSignal;
}

const FILE_KEYS = ['admin', 'grids', 'cameras', 'hotspots', 'incidents', 'roads', 'water', 'buildings', 'places'] as const;
type GeoKey = Exclude<(typeof FILE_KEYS)[number], 'incidents'>;

/** Geometry types each layer may hold. */
const GEOMETRY_TYPES: Record<GeoKey, readonly string[]> = {
  admin: ['Polygon', 'MultiPolygon'],
  grids: ['Polygon', 'MultiPolygon'],
  hotspots: ['Polygon', 'MultiPolygon'],
  cameras: ['Point'],
  roads: ['LineString', 'MultiLineString'],
  water: ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'],
  buildings: ['Polygon', 'MultiPolygon'],
  places: ['Point'],
};

/** Layers whose feature count the manifest states. */
const COUNTED: Partial<Record<GeoKey, keyof DatasetManifest['counts']>> = { grids: 'grids', cameras: 'cameras', hotspots: 'hotspots' };

/**
 * Loads the bundle in the folder `baseUrl` (absolute, or relative to the page): manifest.json
 * first, then every file it names, in parallel. Shapes are checked only as far as the app relies
 * on them; any failure throws a {@link DatasetLoadError} naming the file.
 */
export async function loadDemoBundle(baseUrl: string, opts: LoadOptions = {}): Promise<DatasetBundle> {
  const fetchImpl: FetchLike = opts.fetchImpl ?? ((url, init) => fetch(url, init));
  const get = async (file: string, accept: string): Promise<{ res: FetchedFile; url: string }> => {
    const url = joinUrl(baseUrl, file);
    let res: FetchedFile;
    try {
      // No "*/*" in Accept: a single-page-app server (vite preview, many intranet setups) then
      // answers a missing file with 404 instead of its index.html.
      res = await fetchImpl(url, { signal: opts.signal, headers: { Accept: accept } });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      throw new DatasetLoadError(file, `could not be fetched from ${url} (${errorText(e)})`, 'network', { url });
    }
    if (res.status === 404) throw new DatasetLoadError(file, `HTTP 404 ${res.statusText} at ${url}`, 'not-found', { url, status: 404 });
    if (!res.ok) throw new DatasetLoadError(file, `HTTP ${res.status} ${res.statusText} at ${url}`, 'http', { url, status: res.status });
    if (isHtmlContentType(res.headers)) throw htmlError(file, url);
    return { res, url };
  };
  const getJson = async (file: string): Promise<unknown> => {
    const { res, url } = await get(file, 'application/json, application/geo+json');
    const text = await res.text();
    if (looksLikeHtmlText(text)) throw htmlError(file, url);
    try {
      return JSON.parse(text);
    } catch (e) {
      const at = jsonErrorPosition(errorText(e), text);
      const where = at ? ` at line ${at.line} column ${at.column}` : '';
      throw new DatasetLoadError(file, `is not valid JSON${where} (${errorText(e)})`, 'invalid-json', { url, ...at });
    }
  };
  const getBytes = async (file: string): Promise<ArrayBuffer> => {
    const { res, url } = await get(file, 'application/octet-stream');
    const bytes = await res.arrayBuffer();
    if (looksLikeHtmlBytes(bytes)) throw htmlError(file, url);
    return bytes;
  };

  const manifest = checkManifest(await getJson('manifest.json'));
  const geoKeys = FILE_KEYS.filter((k): k is GeoKey => k !== 'incidents');
  const [incidentBytes, ...layers] = await Promise.all([
    getBytes(manifest.files.incidents),
    ...geoKeys.map(async (k) => checkCollection(manifest, k, await getJson(manifest.files[k]))),
  ]);
  const n = manifest.counts.incidents;
  const expectedBytes: [number, number] = [incidentBinSize(n, 1), incidentBinSize(n, 2)];
  let incidents: IncidentColumns;
  try {
    incidents = decodeIncidentBin(incidentBytes, n);
  } catch (e) {
    throw new DatasetLoadError(manifest.files.incidents, errorText(e), 'size', { actualBytes: incidentBytes.byteLength, expectedBytes });
  }
  const byKey = Object.fromEntries(geoKeys.map((k, i) => [k, layers[i]]));
  return { manifest, incidents, ...(byKey as Omit<DatasetBundle, 'manifest' | 'incidents'>) };
}

/** Checks every field the app relies on and reports all that are missing or wrong at once. */
function checkManifest(raw: unknown): DatasetManifest {
  if (!isObject(raw)) throw new DatasetLoadError('manifest.json', 'is not a JSON object', 'manifest-fields', { fields: [] });
  const problems: Array<[field: string, what: string]> = [];
  const need = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push([field, what]);
  };
  need(typeof raw.name === 'string', 'name', 'has no "name"');
  need(typeof raw.timeZone === 'string', 'timeZone', 'has no "timeZone" (an IANA zone such as Asia/Shanghai)');
  need(isNumberArray(raw.center, 2), 'center', '"center" must be [lng, lat]');
  need(isNumberArray(raw.bounds, 4), 'bounds', '"bounds" must be [west, south, east, north]');
  need(isNumberArray(raw.timeRange, 2), 'timeRange', '"timeRange" must be [first, last] in epoch ms');
  need(typeof raw.asOf === 'number', 'asOf', '"asOf" must be epoch ms');
  need(Array.isArray(raw.offenceKinds), 'offenceKinds', '"offenceKinds" must be a list');
  const counts = raw.counts;
  if (!isObject(counts)) need(false, 'counts', 'has no "counts"');
  else {
    const n = counts.incidents;
    need(typeof n === 'number' && Number.isInteger(n) && n >= 0, 'counts.incidents', '"counts.incidents" must be a whole number ≥ 0');
  }
  const files = raw.files;
  if (!isObject(files)) need(false, 'files', 'has no "files"');
  else for (const k of FILE_KEYS) need(typeof files[k] === 'string' && files[k] !== '', `files.${k}`, `"files.${k}" must name a file`);
  if (problems.length > 0) {
    const fields = problems.map(([f]) => f);
    throw new DatasetLoadError('manifest.json', problems.map(([, w]) => w).join('; '), 'manifest-fields', { fields });
  }
  return raw as unknown as DatasetManifest;
}

function checkCollection(manifest: DatasetManifest, key: GeoKey, raw: unknown): unknown {
  const file = manifest.files[key];
  if (!isObject(raw) || raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) {
    throw new DatasetLoadError(file, 'is not a GeoJSON FeatureCollection');
  }
  const allowed = GEOMETRY_TYPES[key];
  raw.features.forEach((f: unknown, i: number) => {
    if (!isObject(f) || f.type !== 'Feature' || !isObject(f.properties)) {
      throw new DatasetLoadError(file, `feature ${i} is not a GeoJSON Feature with properties`);
    }
    const g = f.geometry;
    if (!isObject(g) || !allowed.includes(g.type as string) || !Array.isArray(g.coordinates)) {
      const got = isObject(g) ? String(g.type) : String(g);
      throw new DatasetLoadError(file, `feature ${i} has geometry ${got}; expected ${allowed.join(' or ')}`);
    }
  });
  const countKey = COUNTED[key];
  if (countKey && raw.features.length !== manifest.counts[countKey]) {
    throw new DatasetLoadError(file, `holds ${raw.features.length} features; manifest.json counts ${manifest.counts[countKey]}`);
  }
  return raw;
}

/** Joins a folder URL and a file name, with or without a trailing slash on the folder. */
function joinUrl(base: string, file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/')) return file;
  return base === '' ? file : base.endsWith('/') ? base + file : `${base}/${file}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumberArray(v: unknown, length: number): boolean {
  return Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number');
}

/** The server answered a web page where a data file was expected. */
function htmlError(file: string, url: string): DatasetLoadError {
  return new DatasetLoadError(file, `is a web page, not a data file (the server answered HTML for ${url}; the file is probably missing)`, 'html', { url });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
