// IO (pure): finds the latitude, longitude, time and category columns of an incident table from
// its header, in English or Chinese, or from names the user gives. No DOM.

/** The four columns an incident import needs. */
export type IncidentField = 'lat' | 'lon' | 'time' | 'category';
export const INCIDENT_FIELDS: readonly IncidentField[] = ['lat', 'lon', 'time', 'category'];

/** Column names given by the user, exactly or case-insensitively as in the header. */
export type ColumnNames = Partial<Record<IncidentField, string>>;

/** Position and header text of each column found. */
export interface DetectedColumns {
  index: Record<IncidentField, number>;
  name: Record<IncidentField, string>;
}

/** What each field is called, most specific first (compared after {@link normalizeHeader}). */
const EXACT: Record<IncidentField, readonly string[]> = {
  lat: ['lat', 'latitude', '纬度', 'y', 'wd', 'gps_lat', 'lat_wgs84', 'y坐标', '纬度坐标'],
  lon: ['lon', 'lng', 'long', 'longitude', '经度', 'x', 'jd', 'gps_lon', 'gps_lng', 'lon_wgs84', 'lng_wgs84', 'x坐标', '经度坐标'],
  time: [
    'datetime', 'date_time', '发案时间', '报警时间', '案发时间', '接警时间', '发生时间', 'time', 'date',
    'occurred_at', 'timestamp', '时间', '发案日期', '案发日期', '日期',
  ],
  category: [
    'category', 'primary_type', 'type', '案件类别', '警情类别', '案由', '警情类型', '案件类型', '案件性质',
    '警情性质', '类别', '类型', 'offense', 'offence', 'crime_type',
  ],
};

/** Fallback: a header containing one of these (e.g. "纬度（WGS84）", "案发地点纬度"). */
const CONTAINS: Record<IncidentField, readonly string[]> = {
  lat: ['latitude', '纬度'],
  lon: ['longitude', '经度'],
  time: ['datetime', '时间', '日期'],
  category: ['category', '类别', '类型', '案由'],
};

const FLAG: Record<IncidentField, string> = { lat: '--lat', lon: '--lon', time: '--time', category: '--category-column' };
const LABEL: Record<IncidentField, string> = { lat: 'latitude', lon: 'longitude', time: 'date-time', category: 'category' };

/** Thrown when a needed column is missing or a given name is not in the header. */
export class ColumnError extends Error {
  override name = 'ColumnError';
}

/** Header text as compared: trimmed, lower case, runs of blanks and hyphens as one underscore. */
export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s\u3000-]+/g, '_');
}

/**
 * Finds the four columns in `header`. A name in `given` must match a header exactly or after
 * normalisation; other fields are detected from the common names (exact names first, in the
 * order listed, then headers containing latitude/纬度, longitude/经度, 时间/日期, 类别/类型/案由).
 * Throws a ColumnError naming the flag to use when a column cannot be found.
 */
export function detectColumns(header: readonly string[], given: ColumnNames = {}): DetectedColumns {
  const norm = header.map(normalizeHeader);
  const index = {} as Record<IncidentField, number>;
  const taken = new Set<number>();
  for (const f of INCIDENT_FIELDS) {
    const want = given[f];
    if (want === undefined) continue;
    let k = header.indexOf(want);
    if (k < 0) k = norm.indexOf(normalizeHeader(want));
    if (k < 0) throw new ColumnError(`${LABEL[f]} column "${want}" (${FLAG[f]}) is not in the header: ${listHeader(header)}`);
    index[f] = k;
    taken.add(k);
  }
  for (const f of INCIDENT_FIELDS) {
    if (index[f] !== undefined) continue;
    const k = guessIncidentColumn(norm, f, taken);
    if (k === undefined) {
      throw new ColumnError(`no ${LABEL[f]} column found (name it with ${FLAG[f]}); the header is: ${listHeader(header)}`);
    }
    index[f] = k;
    taken.add(k);
  }
  const name = {} as Record<IncidentField, string>;
  for (const f of INCIDENT_FIELDS) name[f] = header[index[f]];
  for (const f of INCIDENT_FIELDS) {
    for (const g of INCIDENT_FIELDS) {
      if (f < g && index[f] === index[g]) throw new ColumnError(`column "${name[f]}" given for both ${LABEL[f]} and ${LABEL[g]}`);
    }
  }
  return { index, name };
}

/**
 * The column of `norm` (normalised headers) most likely holding field `f`, skipping `taken`:
 * exact names first, then headers containing one of the field's words. Undefined when none.
 */
export function guessIncidentColumn(norm: readonly string[], f: IncidentField, taken: ReadonlySet<number>): number | undefined {
  return findExact(norm, EXACT[f], taken) ?? findContaining(norm, CONTAINS[f], taken);
}

function findExact(norm: readonly string[], names: readonly string[], taken: ReadonlySet<number>): number | undefined {
  for (const n of names) {
    const k = norm.findIndex((h, i) => h === n && !taken.has(i));
    if (k >= 0) return k;
  }
  return undefined;
}

function findContaining(norm: readonly string[], parts: readonly string[], taken: ReadonlySet<number>): number | undefined {
  for (const p of parts) {
    const k = norm.findIndex((h, i) => h.includes(p) && !taken.has(i));
    if (k >= 0) return k;
  }
  return undefined;
}

function listHeader(header: readonly string[]): string {
  return header.map((h) => JSON.stringify(h)).join(', ');
}
