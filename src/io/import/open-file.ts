// IO (pure): a file's bytes → its TableSource, by the name's extension and, failing that, by
// its first bytes (a zip is a workbook when it holds xl/, else a Shapefile; "{" or "[" JSON).
import type { TextEncodingOption } from '../text-decode';
import { csvSource } from './read-csv';
import { geojsonSource, shapefileSource } from './read-features';
import { xlsxSource } from './read-xlsx';
import type { ImportFormat, TableSource } from './table-source';

export interface OpenOptions {
  encoding?: TextEncodingOption;
  delimiter?: string;
}

/** The format of a file from its name and first bytes. */
export function guessFormat(name: string, bytes: Uint8Array): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm' || ext === 'ods') return 'xlsx';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'zip' || ext === 'shp') return 'shapefile';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return hasText(bytes, 'xl/') ? 'xlsx' : 'shapefile';
  // The OLE2 header of an old .xls workbook.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return 'xlsx';
  let i = bytes[0] === 0xef ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 10 || bytes[i] === 13 || bytes[i] === 9)) i++;
  return bytes[i] === 0x7b ? 'geojson' : 'csv';
}

/** Opens a file for import. Throws (a format's error class) when it cannot be read at all. */
export async function openImportFile(name: string, bytes: Uint8Array, opts: OpenOptions = {}): Promise<TableSource> {
  const format = guessFormat(name, bytes);
  if (format === 'xlsx') return xlsxSource(bytes);
  if (format === 'shapefile') return shapefileSource(bytes);
  if (format === 'geojson') return geojsonSource(new TextDecoder('utf-8').decode(bytes));
  return csvSource(bytes, opts);
}

function hasText(bytes: Uint8Array, s: string): boolean {
  const n = Math.min(bytes.length, 1 << 16);
  outer: for (let i = 0; i + s.length <= n; i++) {
    for (let k = 0; k < s.length; k++) if (bytes[i + k] !== s.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}
