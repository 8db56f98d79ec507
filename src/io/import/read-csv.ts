// IO (pure): a delimited text file as a TableSource — decoded (UTF-8, BOM, GBK/GB18030
// detected by text-decode.ts) and scanned in place by csv-scan.ts, so a million-row file is
// never split into a million arrays of strings.
import { countChar, quotedLineShare, readCsvHeader, scanCsvRows, scanCsvRowsWithPapa, type RowSink } from '../csv-scan';
import { decodeText, type TextEncodingOption } from '../text-decode';
import type { TableSource } from './table-source';

export interface CsvSourceOptions {
  encoding?: TextEncodingOption;
  delimiter?: string;
}

/** Reads the header of a CSV (bytes or text); throws a CsvFormatError when it has none. */
export function csvSource(data: Uint8Array | string, opts: CsvSourceOptions = {}): TableSource {
  const { text, encoding } = typeof data === 'string' ? { text: data.replace(/^\uFEFF/, ''), encoding: 'text' } : decodeText(data, opts.encoding);
  const layout = readCsvHeader(text, opts.delimiter);
  const nl = layout.newline === '\r' ? '\r' : '\n';
  const papa = quotedLineShare(text, layout) > 0.1;
  const scan = (columns: readonly number[], sink: RowSink): void =>
    (papa ? scanCsvRowsWithPapa : scanCsvRows)(text, layout, columns.length > 0 ? columns : [0], sink);
  return {
    format: 'csv',
    header: layout.header,
    encoding,
    approxRows: Math.max(0, countChar(text, nl) + 1 - layout.dataLine),
    preview(n) {
      const out: string[][] = [];
      const all = layout.header.map((_, i) => i);
      const head = text.slice(0, Math.min(text.length, layout.dataStart + 4096 * (n + 1)));
      // A bounded prefix, so the preview of a 200 MB file costs nothing; its last, cut record dropped.
      const cut = head.length < text.length ? head.slice(0, head.lastIndexOf(nl) + 1) : head;
      (papa ? scanCsvRowsWithPapa : scanCsvRows)(cut, layout, all, {
        row(_line, _n, texts, starts, ends) {
          if (out.length < n) out.push(all.map((k) => (starts[k] < 0 ? '' : texts[k].slice(starts[k], ends[k]))));
        },
        malformed() {},
      });
      return out;
    },
    scan,
  };
}
