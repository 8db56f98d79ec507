// IO (pure): incidents from any TableSource — every record either accepted (WGS-84, epoch
// seconds, a category code) or rejected with its line and reason codes. The row rules are the
// incident CSV importer's own (csv-incident-rows.ts), so the CLI, the dialog and the bench
// judge a row the same way.
import type { CoordinateSystem } from '../../model/geo';
import type { IncidentColumns } from '../../model/incident';
import { IncidentRowCollector } from '../csv-incident-rows';
import type { RowSink } from '../csv-scan';
import { createDateTimeParser } from '../parse-datetime';
import { missingFields, type ColumnMapping } from './mapping';
import type { ImportRejection } from './reasons';
import type { TableSource } from './table-source';

export interface IncidentImportOptions {
  mapping: ColumnMapping;
  /** Coordinate system of the file; converted to WGS-84 once, here. Default WGS84. */
  crs?: CoordinateSystem;
  /** Zone of times written without an offset. Default Asia/Shanghai. */
  timeZone?: string;
  /** Keep the text of the other columns of each accepted row (the CLI's clean CSV). */
  keepOtherColumns?: boolean;
  /** Called now and then with the records read and about how many there are. */
  onProgress?(done: number, approxTotal: number): void;
}

export interface IncidentImport {
  columns: IncidentColumns;
  /** Category code → the file's category text, first seen first. */
  categories: string[];
  total: number;
  accepted: number;
  rejected: ImportRejection[];
  /** Names and, per accepted row, texts of the other columns (with keepOtherColumns). */
  otherHeader: string[];
  otherValues: string[][];
}

const PROGRESS_EVERY = 1 << 16;

/** Imports incidents; throws a RangeError when a needed column is not mapped or the zone is unknown. */
export function importIncidents(src: TableSource, opts: IncidentImportOptions): IncidentImport {
  const missing = missingFields(opts.mapping, 'incidents');
  if (missing.length > 0) throw new RangeError(`no column chosen for ${missing.join(', ')}`);
  const m = opts.mapping as Required<Pick<ColumnMapping, 'lat' | 'lon' | 'time' | 'category'>>;
  const rows = new IncidentRowCollector(opts.crs ?? 'WGS84', createDateTimeParser(opts.timeZone ?? 'Asia/Shanghai'));
  rows.beginFile(undefined, src.header.length, src.approxRows);
  const used = [m.lat, m.lon, m.time, m.category];
  const others = opts.keepOtherColumns ? src.header.map((_, i) => i).filter((i) => !used.includes(i)) : [];
  const otherValues: string[][] = [];
  let seen = 0;
  const approx = Math.max(1, src.approxRows);
  const sink: RowSink = {
    row(line, fieldCount, texts, starts, ends) {
      const before = rows.count;
      rows.row(line, fieldCount, texts, starts, ends);
      if (others.length > 0 && rows.count > before) {
        otherValues.push(others.map((_, k) => (starts[4 + k] < 0 ? '' : texts[4 + k].slice(starts[4 + k], ends[4 + k]))));
      }
      if (++seen % PROGRESS_EVERY === 0) opts.onProgress?.(seen, approx);
    },
    malformed(line, reason) {
      rows.malformed(line, reason);
      seen++;
    },
  };
  src.scan([...used, ...others], sink);
  opts.onProgress?.(seen, Math.max(seen, approx));
  return {
    columns: rows.columns(),
    categories: rows.categories,
    total: rows.total,
    accepted: rows.count,
    rejected: rows.rejected.map((r, i) => ({ line: r.line, codes: rows.rejectedCodes[i], detail: r.reason })),
    otherHeader: others.map((i) => src.header[i]),
    otherValues,
  };
}
