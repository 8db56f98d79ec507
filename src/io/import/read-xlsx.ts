// IO (pure): the first sheet of an Excel workbook (XLSX, XLS) as a TableSource, through SheetJS.
// A record's line is its sheet row (the header row is line 1 when the sheet starts at A1), so a
// clerk finds it in Excel by the row number. Dates stay Excel serial numbers, which
// parse-datetime.ts reads in the import's time zone (Excel stores wall-clock days).
import { read, utils } from '@e965/xlsx';
import { arraySource, cellText, type TableSource } from './table-source';

/** Thrown when the bytes are not a workbook or the first sheet is empty. */
export class XlsxImportError extends Error {
  override name = 'XlsxImportError';
}

export function xlsxSource(bytes: Uint8Array): TableSource {
  let wb;
  try {
    wb = read(bytes, { type: 'array', cellDates: false, dense: true });
  } catch (e) {
    throw new XlsxImportError(`not a readable workbook: ${(e as Error).message}`);
  }
  const name = wb.SheetNames[0];
  const ws = name === undefined ? undefined : wb.Sheets[name];
  if (!ws || !ws['!ref']) throw new XlsxImportError('the first sheet is empty');
  const first = utils.decode_range(ws['!ref']).s.r + 1;
  const grid = utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: '' });
  const h = grid.findIndex((r) => r.some((v) => cellText(v).trim() !== ''));
  if (h < 0) throw new XlsxImportError('the first sheet is empty');
  const header = grid[h].map((v) => cellText(v).trim());
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const r = grid[i];
    if (!r.some((v) => cellText(v).trim() !== '')) continue;
    rows.push(r.map(cellText));
    lines.push(first + i);
  }
  return arraySource('xlsx', 'xlsx', header, rows, lines);
}
