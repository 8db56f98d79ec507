// IO (pure): turns scanned CSV rows into incident columns — numbers, times, categories and
// coordinate conversion — keeping a reason for every row it cannot take. No DOM.
import type { IncidentColumns } from '../model/incident';
import type { CoordinateSystem } from '../model/geo';
import { needsConversion, toWgs84 } from './coordinates';
import type { RowSink } from './csv-scan';
import { DATE_EMPTY, DATE_INVALID, DATE_OUT_OF_RANGE, dateErrorReason, type DateTimeParser } from './parse-datetime';
import type { RejectCode } from './import/reasons';

/** A data row not imported: its 1-based line in the file (the header is line 1) and why. */
export interface CsvRejection {
  line: number;
  reason: string;
  /** The file's name, when the import read several files. */
  file?: string;
}

/** Most categories a dictionary holds: the category column is a Uint16 (codes 0…65,535). */
export const MAX_CATEGORIES = 65_536;

// Slots of the four scanned columns.
const LAT = 0, LON = 1, TIME = 2, CAT = 3;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Collects accepted rows into growing typed columns and rejected rows into a list. One
 * collector serves several files, so their categories share one dictionary.
 */
export class IncidentRowCollector implements RowSink {
  total = 0;
  count = 0;
  readonly rejected: CsvRejection[] = [];
  /** The reason codes of each rejection, same index as `rejected` (for the import report). */
  readonly rejectedCodes: RejectCode[][] = [];
  readonly categories: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly byHash = new Int32Array(HASH_SIZE).fill(EMPTY);
  private lng = new Float64Array(0);
  private lat = new Float64Array(0);
  private time = new Uint32Array(0);
  private cat = new Uint16Array(0);
  private file: string | undefined;
  private fieldCount = 0;
  private readonly convert: boolean;
  private readonly xy = new Float64Array(2);

  constructor(
    private readonly crs: CoordinateSystem,
    private readonly dates: DateTimeParser,
  ) {
    this.convert = needsConversion(crs);
  }

  /** Starts a file: its name for rejections, its header width, and about how many rows follow. */
  beginFile(file: string | undefined, fieldCount: number, expectedRows: number): void {
    this.file = file;
    this.fieldCount = fieldCount;
    this.reserve(this.count + expectedRows);
  }

  malformed(line: number, reason: string): void {
    this.total++;
    this.reject(line, reason, ['malformed-quotes']);
  }

  row(line: number, fieldCount: number, texts: readonly string[], starts: Int32Array, ends: Int32Array): void {
    this.total++;
    if (fieldCount !== this.fieldCount) {
      this.reject(line, `row has ${fieldCount} field${fieldCount === 1 ? '' : 's'}, the header ${this.fieldCount}`, ['field-count']);
      return;
    }
    let y = parseNumber(texts[LAT], starts[LAT], ends[LAT]);
    let x = parseNumber(texts[LON], starts[LON], ends[LON]);
    const t = this.dates.parse(texts[TIME], starts[TIME], ends[TIME]);
    let code = this.findCategory(texts[CAT], starts[CAT], ends[CAT]);
    const name = code >= 0 ? '' : field(texts[CAT], starts[CAT], ends[CAT]);
    if (code < 0) code = this.codes.get(name) ?? -1;
    const ok = y >= -90 && y <= 90 && x >= -180 && x <= 180 && (x !== 0 || y !== 0) && t >= 0 && (code >= 0 || (name !== '' && this.categories.length < MAX_CATEGORIES));
    if (!ok) {
      const codes: RejectCode[] = [];
      const reason = this.explain(texts, starts, ends, y, x, t, code >= 0 ? this.categories[code] : name, code, codes);
      this.reject(line, reason, codes);
      return;
    }
    if (this.convert) {
      toWgs84(x, y, this.crs, this.xy);
      x = this.xy[0];
      y = this.xy[1];
    }
    const i = this.count++;
    if (i === this.lng.length) this.reserve(Math.max(1024, i * 2));
    this.lng[i] = x;
    this.lat[i] = y;
    this.time[i] = t;
    this.cat[i] = code >= 0 ? code : this.addCategory(name);
  }

  /** The accepted rows as columns of exactly `count` entries. */
  columns(): IncidentColumns {
    const n = this.count;
    return { lng: this.lng.slice(0, n), lat: this.lat.slice(0, n), timeSec: this.time.slice(0, n), category: this.cat.slice(0, n) };
  }

  private addCategory(name: string): number {
    const code = this.categories.length;
    this.categories.push(name);
    this.codes.set(name, code);
    const h = categoryHash(name, 0, name.length);
    if (this.byHash[h] === EMPTY) this.byHash[h] = code;
    return code;
  }

  /**
   * The code of the category text[start, end) when it is already known and needs no trimming,
   * else −1: compared in place through a small hash of length and three characters, so that
   * the common case makes no string.
   */
  private findCategory(text: string, start: number, end: number): number {
    if (start < 0 || end === start) return -1;
    const code = this.byHash[categoryHash(text, start, end)];
    if (code === EMPTY) return -1;
    const name = this.categories[code];
    return name.length === end - start && text.startsWith(name, start) ? code : -1;
  }

  private reject(line: number, reason: string, codes: RejectCode[]): void {
    this.rejected.push(this.file === undefined ? { line, reason } : { file: this.file, line, reason });
    this.rejectedCodes.push(codes);
  }

  /**
   * Every problem of a row, joined with "; ", its codes pushed onto `codes` (cold path: only for
   * rejected rows).
   */
  private explain(texts: readonly string[], starts: Int32Array, ends: Int32Array, y: number, x: number, t: number, name: string, code: number, codes: RejectCode[]): string {
    const raw = (k: number): string => field(texts[k], starts[k], ends[k]);
    const out: string[] = [];
    explainPosition(out, codes, raw(LAT), raw(LON), y, x);
    if (t < 0) {
      out.push(dateErrorReason(t, raw(TIME)));
      codes.push(t === DATE_EMPTY ? 'missing-date' : t === DATE_INVALID ? 'date-invalid' : t === DATE_OUT_OF_RANGE ? 'date-out-of-range' : 'date-not-understood');
    }
    if (name === '') {
      out.push(starts[CAT] < 0 ? 'missing category' : 'empty category');
      codes.push('missing-category');
    } else if (code < 0 && this.categories.length >= MAX_CATEGORIES) {
      out.push(`more than ${MAX_CATEGORIES} categories: ${JSON.stringify(name)} would be number ${MAX_CATEGORIES + 1} or later`);
      codes.push('too-many-categories');
    }
    return out.join('; ');
  }

  private reserve(capacity: number): void {
    if (capacity <= this.lng.length) return;
    const grow = <T extends Float64Array | Uint32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.lng = grow(this.lng, (n) => new Float64Array(n));
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.time = grow(this.time, (n) => new Uint32Array(n));
    this.cat = grow(this.cat, (n) => new Uint16Array(n));
  }
}

const HASH_SIZE = 4096;
const EMPTY = -1;

/** Hash of a category's text in 0…HASH_SIZE − 1; texts with blanks at their ends never match. */
function categoryHash(s: string, start: number, end: number): number {
  const n = end - start;
  return (n * 31 + s.charCodeAt(start) * 7 + s.charCodeAt(start + (n >> 1)) * 13 + s.charCodeAt(end - 1)) & (HASH_SIZE - 1);
}

/**
 * Adds the problems of a position (latitude y, longitude x, parsed from the raw texts) to `out`
 * and their codes to `codes`: missing, not a number, out of range, swapped, 0,0. True when it
 * has none. Shared by every importer that reads a latitude and a longitude.
 */
export function explainPosition(out: string[], codes: RejectCode[], rawLat: string, rawLon: string, y: number, x: number): boolean {
  const latOk = coordinate(out, codes, 'latitude', rawLat, y, 90);
  if (!latOk && Math.abs(y) <= 180 && Math.abs(x) <= 90) {
    out[out.length - 1] += ' (are latitude and longitude swapped?)';
    codes[codes.length - 1] = 'swapped-lat-lon';
  }
  const lonOk = coordinate(out, codes, 'longitude', rawLon, x, 180);
  if (latOk && lonOk && x === 0 && y === 0) {
    out.push('coordinate 0,0 (a placeholder, not a position)');
    codes.push('zero-coordinate');
    return false;
  }
  return latOk && lonOk;
}

/** Adds the problem of one coordinate to `out` and its code to `codes`; true when it has none. */
function coordinate(out: string[], codes: RejectCode[], what: 'latitude' | 'longitude', raw: string, v: number, limit: number): boolean {
  if (v >= -limit && v <= limit) return true;
  if (raw === '') {
    out.push(`missing ${what}`);
    codes.push('missing-coordinate');
  } else if (Number.isNaN(v)) {
    out.push(`unparseable ${what} ${JSON.stringify(raw)}`);
    codes.push('coordinate-not-number');
  } else {
    out.push(`${what} ${raw} outside −${limit}…${limit}`);
    codes.push(what === 'latitude' ? 'latitude-out-of-range' : 'longitude-out-of-range');
  }
  return false;
}

/** The trimmed text of a scanned field; '' when the row has no such field. */
function field(text: string, start: number, end: number): string {
  if (start < 0) return '';
  const s = start === 0 && end === text.length ? text : text.slice(start, end);
  const last = s.length - 1;
  return last >= 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(last) <= 32 || s.charCodeAt(0) === 0x3000 || s.charCodeAt(last) === 0x3000) ? s.trim() : s;
}

/**
 * A decimal number in text[start, end), NaN when empty or not a number. Plain decimals of up to
 * 15 digits are read here (an exact integer divided by an exact power of ten, so the result is
 * the correctly rounded value, bit for bit what Number() gives); anything else goes to Number().
 */
export function parseNumber(text: string, start: number, end: number): number {
  if (start < 0) return NaN;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (start === end) return NaN;
  let i = start;
  const c0 = text.charCodeAt(i);
  const neg = c0 === 45;
  if (neg || c0 === 43) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else break;
  }
  if (i !== end || digits === 0 || digits > 15) {
    const v = Number(text.slice(start, end));
    return Number.isFinite(v) ? v : NaN;
  }
  const v = frac > 0 ? m / POW10[frac] : m;
  return neg ? -v : v;
}
