// IO (pure): reads a camera CSV (id,lat,lon,heading,fov,range,status) or a site-candidate CSV
// (id,lat,lon with optional heading,fov,range,cost,status) into plain records. Node-free: the
// caller decodes the bytes; papaparse splits the text (these files are small: thousands of rows).
import Papa from 'papaparse';

/** The statuses a row may carry; anything else is rejected. */
const STATUSES = ['online', 'offline', 'faulty'] as const;
export type CameraCsvStatus = (typeof STATUSES)[number];

/** One camera or candidate site of the file, WGS-84 degrees. */
export interface CameraCsvRecord {
  id: string;
  lng: number;
  lat: number;
  /** View direction, degrees clockwise from north. */
  heading: number;
  /** Horizontal field of view, degrees (360: all round). */
  fov: number;
  /** Range, metres. */
  range: number;
  status: CameraCsvStatus;
  /** Cost of the site (candidates), in the planner's unit; 1 when the file has no cost column. */
  cost: number;
}

/** Column names, when they differ from the defaults (matched case-insensitively). */
export type CameraCsvColumns = Partial<Record<'id' | 'lat' | 'lon' | 'heading' | 'fov' | 'range' | 'status' | 'cost', string>>;

/** Values for columns the file does not have (or leaves empty in a row). */
export interface CameraCsvDefaults {
  heading: number;
  fov: number;
  range: number;
  status: CameraCsvStatus;
}

export interface CameraCsvResult {
  records: CameraCsvRecord[];
  /** Rows that could not be used: 1-based line (the header is line 1) and why. */
  rejected: { line: number; reason: string }[];
  /** Which optional columns the header has. */
  has: { heading: boolean; fov: boolean; range: boolean; status: boolean; cost: boolean };
}

/** A file without the id, lat or lon column. */
export class CameraCsvError extends Error {
  override name = 'CameraCsvError';
}

const DEFAULT_NAMES = { id: 'id', lat: 'lat', lon: 'lon', heading: 'heading', fov: 'fov', range: 'range', status: 'status', cost: 'cost' } as const;

/**
 * Parses the text of a camera or candidate CSV. Rows with a missing or non-numeric lat/lon, a
 * latitude outside ±90 or longitude outside ±180, a fov or range ≤ 0, a negative cost or an
 * unknown status are rejected (listed in `rejected`), the others kept in file order.
 */
export function readCameraCsv(text: string, defaults: CameraCsvDefaults, columns: CameraCsvColumns = {}): CameraCsvResult {
  // Blank lines are kept (and skipped below) so that row r is line r + 1 of the file.
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  while (rows.length > 0 && rows[rows.length - 1].every((f) => f.trim() === '')) rows.pop();
  if (rows.length === 0) throw new CameraCsvError('the file is empty (a header id,lat,lon,… is needed)');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (field: keyof typeof DEFAULT_NAMES): number => header.indexOf((columns[field] ?? DEFAULT_NAMES[field]).toLowerCase());
  const at = { id: col('id'), lat: col('lat'), lon: col('lon'), heading: col('heading'), fov: col('fov'), range: col('range'), status: col('status'), cost: col('cost') };
  for (const f of ['id', 'lat', 'lon'] as const) {
    if (at[f] < 0) throw new CameraCsvError(`no column "${columns[f] ?? DEFAULT_NAMES[f]}" in the header (${rows[0].join(',')})`);
  }
  const records: CameraCsvRecord[] = [];
  const rejected: CameraCsvResult['rejected'] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = r + 1;
    if (row.every((f) => f.trim() === '')) continue;
    const field = (k: number): string => (k >= 0 && k < row.length ? row[k].trim() : '');
    const num = (k: number, fallback: number): number => (field(k) === '' ? fallback : Number(field(k)));
    const lat = Number(field(at.lat));
    const lng = Number(field(at.lon));
    const id = field(at.id);
    const heading = num(at.heading, defaults.heading);
    const fov = num(at.fov, defaults.fov);
    const range = num(at.range, defaults.range);
    const cost = num(at.cost, 1);
    const statusText = field(at.status).toLowerCase() || defaults.status;
    let reason = '';
    if (id === '') reason = 'no id';
    else if (field(at.lat) === '' || !(Math.abs(lat) <= 90)) reason = `lat "${field(at.lat)}" is not a latitude`;
    else if (field(at.lon) === '' || !(Math.abs(lng) <= 180)) reason = `lon "${field(at.lon)}" is not a longitude`;
    else if (!Number.isFinite(heading)) reason = `heading "${field(at.heading)}" is not a number`;
    else if (!(fov > 0)) reason = `fov "${field(at.fov)}" is not a positive number of degrees`;
    else if (!(range > 0)) reason = `range "${field(at.range)}" is not a positive number of metres`;
    else if (!(cost >= 0)) reason = `cost "${field(at.cost)}" is not a number ≥ 0`;
    else if (!(STATUSES as readonly string[]).includes(statusText)) reason = `status "${field(at.status)}" is not online, offline or faulty`;
    if (reason) rejected.push({ line, reason });
    else records.push({ id, lng, lat, heading, fov, range, status: statusText as CameraCsvStatus, cost });
  }
  return {
    records,
    rejected,
    has: { heading: at.heading >= 0, fov: at.fov >= 0, range: at.range >= 0, status: at.status >= 0, cost: at.cost >= 0 },
  };
}
