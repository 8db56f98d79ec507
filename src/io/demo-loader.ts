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
import { decodeIncidentBin } from './incident-bin';

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
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
/** `fetch` or a stand-in (tests serve files from a temporary folder). */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<FetchedFile>;

export interface LoadOptions {
  /** Defaults to the global fetch. */
  fetchImpl?: FetchLike;
  signal?: AbortSignal;
}

/** A bundle that cannot be loaded; `file` names the file at fault (as in manifest.files). */
export class DatasetLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DatasetLoadError';
  }
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
  const get = async (file: string): Promise<FetchedFile> => {
    const url = joinUrl(baseUrl, file);
    let res: FetchedFile;
    try {
      res = await fetchImpl(url, { signal: opts.signal });
    } catch (e) {
      throw new DatasetLoadError(file, `could not be fetched from ${url} (${errorText(e)})`);
    }
    if (!res.ok) throw new DatasetLoadError(file, `HTTP ${res.status} ${res.statusText} at ${url}`);
    return res;
  };
  const getJson = async (file: string): Promise<unknown> => {
    const text = await (await get(file)).text();
    try {
      return JSON.parse(text);
    } catch (e) {
      const hint = text.trimStart().startsWith('<') ? ' — got HTML, so the file is probably missing' : '';
      throw new DatasetLoadError(file, `is not valid JSON (${errorText(e)})${hint}`);
    }
  };

  const manifest = checkManifest(await getJson('manifest.json'));
  const geoKeys = FILE_KEYS.filter((k): k is GeoKey => k !== 'incidents');
  const [incidentBytes, ...layers] = await Promise.all([
    get(manifest.files.incidents).then((r) => r.arrayBuffer()),
    ...geoKeys.map(async (k) => checkCollection(manifest, k, await getJson(manifest.files[k]))),
  ]);
  let incidents: IncidentColumns;
  try {
    incidents = decodeIncidentBin(incidentBytes, manifest.counts.incidents);
  } catch (e) {
    throw new DatasetLoadError(manifest.files.incidents, errorText(e));
  }
  const byKey = Object.fromEntries(geoKeys.map((k, i) => [k, layers[i]]));
  return { manifest, incidents, ...(byKey as Omit<DatasetBundle, 'manifest' | 'incidents'>) };
}

function checkManifest(raw: unknown): DatasetManifest {
  const fail = (what: string): never => {
    throw new DatasetLoadError('manifest.json', what);
  };
  if (!isObject(raw)) return fail('is not a JSON object');
  if (typeof raw.name !== 'string') fail('has no "name"');
  if (typeof raw.timeZone !== 'string') fail('has no "timeZone" (an IANA zone such as Asia/Shanghai)');
  if (!isNumberArray(raw.center, 2)) fail('"center" must be [lng, lat]');
  if (!isNumberArray(raw.bounds, 4)) fail('"bounds" must be [west, south, east, north]');
  if (!isNumberArray(raw.timeRange, 2)) fail('"timeRange" must be [first, last] in epoch ms');
  if (typeof raw.asOf !== 'number') fail('"asOf" must be epoch ms');
  if (!Array.isArray(raw.offenceKinds)) fail('"offenceKinds" must be a list');
  const counts = raw.counts;
  if (!isObject(counts)) return fail('has no "counts"');
  const n = counts.incidents;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail('"counts.incidents" must be a whole number ≥ 0');
  const files = raw.files;
  if (!isObject(files)) return fail('has no "files"');
  for (const k of FILE_KEYS) {
    if (typeof files[k] !== 'string' || files[k] === '') fail(`"files.${k}" must name a file`);
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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
