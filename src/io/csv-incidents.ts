// IO (pure): the incident CSV importer. Bytes or text in; WGS-84 incident columns, the category
// dictionary and a reason for every row not taken out. No DOM or Node APIs: runs in the browser,
// the worker, the CLI and tests alike.
import type { CoordinateSystem } from '../model/geo';
import type { IncidentColumns } from '../model/incident';
import { IncidentRowCollector, type CsvRejection } from './csv-incident-rows';
import { countChar, CsvFormatError, quotedLineShare, readCsvHeader, scanCsvRows, scanCsvRowsWithPapa } from './csv-scan';
import { ColumnError, detectColumns, type ColumnNames } from './detect-columns';
import { createDateTimeParser } from './parse-datetime';
import { decodeText, type TextEncodingOption } from './text-decode';

export type { CsvRejection } from './csv-incident-rows';
export { MAX_CATEGORIES } from './csv-incident-rows';

/** Options of the importer; every one has a default. */
export interface CsvIncidentOptions {
  /** Text encoding of byte input; 'auto' (default) reads UTF-8 with or without BOM, else GBK. */
  encoding?: TextEncodingOption;
  /** IANA zone of times written without an offset. Default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Coordinate system of the file; converted to WGS-84 on import. Default 'WGS84'. */
  crs?: CoordinateSystem;
  /** Column names to use instead of detection, per field. */
  columns?: ColumnNames;
  /** Field delimiter (one character); guessed among , tab ; | when absent. */
  delimiter?: string;
  /**
   * 'direct': lines without quotes are split directly, records with quotes by papaparse.
   * 'papaparse': the whole file by papaparse (a string per field). Same result either way.
   * 'auto' (default): direct, unless more than a tenth of the first lines hold quotes.
   */
  engine?: 'auto' | 'direct' | 'papaparse';
}

/** What the importer found in a file. */
export interface CsvDetected {
  /** Header text of the columns used. */
  lat: string;
  lon: string;
  time: string;
  category: string;
  /** 'utf-8', 'utf-8-bom', 'gbk', … or 'text' when a string was given. */
  encoding: string;
  delimiter: string;
}

/** Result of an import. accepted + rejected.length === total; nothing is dropped unreported. */
export interface CsvIncidentImport {
  /** Accepted incidents: WGS-84 degrees, epoch seconds, category codes. */
  columns: IncidentColumns;
  /** The dictionary: category code → the category text (trimmed), in first-seen order, ≤ 65,536. */
  categories: string[];
  /** Data rows read (blank lines are not rows). */
  total: number;
  accepted: number;
  /** Rows not imported, in file order, each with its line and reason. */
  rejected: CsvRejection[];
  /** Detection of the first file. */
  detected: CsvDetected;
  /** Per file, in the order given. */
  files: { name: string; total: number; accepted: number; detected: CsvDetected }[];
  timeZone: string;
  crs: CoordinateSystem;
}

/** One input of {@link importIncidentCsvFiles}. */
export interface CsvInput {
  name: string;
  data: Uint8Array | string;
}

/** Thrown when a whole file cannot be imported (no header, a column missing, bad options). */
export class CsvImportError extends Error {
  override name = 'CsvImportError';
}

/**
 * Imports one incident CSV (see {@link importIncidentCsvFiles}); rejections carry no file name.
 * Throws a CsvImportError when the file cannot be read at all.
 */
export function importIncidentCsv(input: Uint8Array | string, opts: CsvIncidentOptions = {}): CsvIncidentImport {
  return importFiles([{ name: '', data: input }], opts, false);
}

/**
 * Imports several incident CSVs into one set of columns with one category dictionary (e.g. the
 * twelve monthly files of a year). Each file has its own header, detected on its own; each
 * rejection names its file. Rows are read as: latitude and longitude as decimal degrees in
 * `crs` (0,0 is rejected as a placeholder), converted to WGS-84; the time in the formats of
 * parse-datetime.ts, in `timeZone` unless it carries an offset; the category trimmed, not empty.
 */
export function importIncidentCsvFiles(inputs: readonly CsvInput[], opts: CsvIncidentOptions = {}): CsvIncidentImport {
  return importFiles(inputs, opts, true);
}

function importFiles(inputs: readonly CsvInput[], opts: CsvIncidentOptions, named: boolean): CsvIncidentImport {
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  const crs = opts.crs ?? 'WGS84';
  let dates;
  try {
    dates = createDateTimeParser(timeZone);
  } catch (e) {
    throw new CsvImportError((e as Error).message);
  }
  const rows = new IncidentRowCollector(crs, dates);
  const files: CsvIncidentImport['files'] = [];
  for (const input of inputs) {
    const where = input.name ? `${input.name}: ` : '';
    try {
      const { text, encoding } =
        typeof input.data === 'string' ? { text: input.data.replace(/^\uFEFF/, ''), encoding: 'text' } : decodeText(input.data, opts.encoding);
      const layout = readCsvHeader(text, opts.delimiter);
      const cols = detectColumns(layout.header, opts.columns);
      const total0 = rows.total;
      const accepted0 = rows.count;
      rows.beginFile(named ? input.name : undefined, layout.header.length, countChar(text, layout.newline === '\r' ? '\r' : '\n') + 1);
      const positions = [cols.index.lat, cols.index.lon, cols.index.time, cols.index.category];
      const engine = opts.engine ?? 'auto';
      const papa = engine === 'papaparse' || (engine === 'auto' && quotedLineShare(text, layout) > 0.1);
      (papa ? scanCsvRowsWithPapa : scanCsvRows)(text, layout, positions, rows);
      const detected = { ...cols.name, encoding, delimiter: layout.delimiter };
      files.push({ name: input.name, total: rows.total - total0, accepted: rows.count - accepted0, detected });
    } catch (e) {
      if (e instanceof ColumnError || e instanceof CsvFormatError || e instanceof RangeError) throw new CsvImportError(where + e.message);
      throw e;
    }
  }
  const columns = rows.columns();
  const none: CsvDetected = { lat: '', lon: '', time: '', category: '', encoding: '', delimiter: '' };
  return {
    columns,
    categories: rows.categories,
    total: rows.total,
    accepted: rows.count,
    rejected: rows.rejected,
    detected: files[0]?.detected ?? none,
    files,
    timeZone,
    crs,
  };
}
