// IO (pure): the export formats. CSV is UTF-8 with a byte-order mark (Excel on a Chinese Windows
// reads a BOM-less file as GBK and garbles it) and CRLF line ends; GeoJSON is RFC 7946 text;
// XLSX is one sheet written by SheetJS. Each returns bytes ready for a download or a file.
import { utils, write } from '@e965/xlsx';
import { csvField } from '../../cli/csv-write';
import { convertCoordinates, featuresToTable, type ExportCrs, type ExportFeature, type ExportTable } from './tables';

export type ExportFormat = 'csv' | 'geojson' | 'xlsx';

/** Text Excel would take for a formula if it were typed in (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV text of a table (RFC 4180 quoting), with a leading U+FEFF and "\r\n" line ends. A text
 * starting with = + - @ (which Excel would run as a formula: imported names are untrusted) is
 * written with a leading apostrophe, as OWASP advises; numbers are written as they are.
 */
export function tableToCsv(table: ExportTable): string {
  const text = (v: unknown): string | number => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return v;
    const s = String(v);
    return FORMULA_START.test(s) ? `'${s}` : s;
  };
  const line = (r: readonly unknown[]) => r.map((v) => csvField(text(v))).join(',');
  return `\uFEFF${[line(table.columns), ...table.rows.map(line)].join('\r\n')}\r\n`;
}

/** The CSV as UTF-8 bytes (the BOM included). */
export function tableToCsvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(tableToCsv(table));
}

/** A FeatureCollection's text, positions converted to `crs` (GCJ-02 names itself in a property). */
export function featuresToGeoJson(features: readonly ExportFeature[], crs: ExportCrs): string {
  const fc = {
    type: 'FeatureCollection',
    ...(crs === 'GCJ02' ? { crs_note: 'GCJ-02 (AMap/Tencent), not WGS-84' } : {}),
    features: features.map((f) => ({ type: 'Feature', geometry: { type: f.geometry.type, coordinates: convertCoordinates(f.geometry.coordinates, crs) }, properties: f.properties })),
  };
  return `${JSON.stringify(fc)}\n`;
}

/**
 * An XLSX workbook of one sheet (named `sheet`, ≤ 31 characters) holding the table. Text is
 * written as text cells (never a formula: SheetJS writes one only when asked), and text that
 * starts like a formula also gets the Text number format "@", so that editing the cell in Excel
 * (F2, Enter) keeps it text instead of turning `=HYPERLINK(…)` into a live link.
 */
export function tableToXlsx(table: ExportTable, sheet = 'Sheet1'): Uint8Array {
  const ws = utils.aoa_to_sheet([table.columns, ...table.rows]);
  for (const [ref, cell] of Object.entries(ws)) {
    if (ref[0] === '!' || typeof cell !== 'object' || cell === null) continue;
    const c = cell as { t?: string; v?: unknown; z?: string };
    if (c.t === 's' && typeof c.v === 'string' && FORMULA_START.test(c.v)) c.z = '@';
  }
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** File bytes and MIME type of features in a format and coordinate system. */
export function exportFeatures(features: readonly ExportFeature[], format: ExportFormat, crs: ExportCrs, sheet?: string): { bytes: Uint8Array; mime: string; ext: string } {
  if (format === 'geojson') return { bytes: new TextEncoder().encode(featuresToGeoJson(features, crs)), mime: 'application/geo+json', ext: 'geojson' };
  const table = featuresToTable(features, crs);
  if (format === 'xlsx') return { bytes: tableToXlsx(table, sheet), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
  return { bytes: tableToCsvBytes(table), mime: 'text/csv;charset=utf-8', ext: 'csv' };
}
