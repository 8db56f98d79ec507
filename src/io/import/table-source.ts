// IO (pure): the one shape every import format is read into — a header and records scanned
// column by column — so that mapping, validation and the report are written once for CSV,
// Excel, GeoJSON and Shapefile alike.
import type { RowSink } from '../csv-scan';

/** A geometry as GeoJSON gives it (positions already in the file's coordinate system). */
export interface ImportGeometry {
  type: string;
  coordinates?: unknown;
}

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'shapefile';

export interface TableSource {
  format: ImportFormat;
  /** Column names; GeoJSON and Shapefile sources add 经度/纬度 for point features. */
  header: string[];
  /** 'utf-8', 'utf-8-bom', 'gbk', … for text; the format's name otherwise. */
  encoding: string;
  /** About how many records follow (progress and preallocation). */
  approxRows: number;
  /** The first `n` records as text, for the preview. */
  preview(n: number): string[][];
  /**
   * Calls `sink.row` for every record (in file order, with its first line; the header is line
   * 1) with the fields at `columns` in that order; starts[k] is −1 when the record has no such
   * field. Records the format cannot read go to `sink.malformed`.
   */
  scan(columns: readonly number[], sink: RowSink): void;
  /** Geometry of the record on each line (GeoJSON, Shapefile), null where it has none. */
  geometryAt?(line: number): ImportGeometry | null;
}

/**
 * A source over records already held as text (Excel sheets and features: these fit in memory;
 * only CSV is scanned in place). `lines[i]` is the line (or feature number) of `rows[i]`.
 */
export function arraySource(
  format: ImportFormat,
  encoding: string,
  header: string[],
  rows: readonly string[][],
  lines: readonly number[],
  geometries?: readonly (ImportGeometry | null)[],
): TableSource {
  const byLine = geometries ? new Map(lines.map((l, i) => [l, geometries[i] ?? null])) : null;
  return {
    format,
    header,
    encoding,
    approxRows: rows.length,
    preview: (n) => rows.slice(0, n).map((r) => r.slice()),
    scan(columns, sink) {
      const texts = columns.map(() => '');
      const starts = new Int32Array(columns.length);
      const ends = new Int32Array(columns.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        for (let k = 0; k < columns.length; k++) {
          const v = r[columns[k]];
          if (v === undefined) starts[k] = -1;
          else {
            texts[k] = v;
            starts[k] = 0;
            ends[k] = v.length;
          }
        }
        // Sheets and features have no field-count errors: a short row is one with empty cells.
        sink.row(lines[i], header.length, texts, starts, ends);
      }
    },
    geometryAt: byLine ? (line) => byLine.get(line) ?? null : undefined,
  };
}

/** A cell value as text: numbers as JavaScript writes them, nothing as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return JSON.stringify(v);
}
