// IO (pure): reads the rows of a delimited text file for the incident importer, one column
// position per needed field, without making a string per field. papaparse reads the header
// (guessing the delimiter and line break) and every record that contains a quote character;
// lines without quotes, which cannot hold an escaped delimiter, are split here directly.
import Papa from 'papaparse';

/** How a file is laid out: from its header line. */
export interface CsvLayout {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  header: string[];
  /** Character offset of the first data row. */
  dataStart: number;
  /** 1-based line number of the first data row (the header is line 1). */
  dataLine: number;
}

/**
 * Receives rows. For row field k (k indexes the `columns` asked for) the value is
 * `texts[k].slice(starts[k], ends[k])`; starts[k] is −1 when the row has no such field. The
 * arrays are reused from row to row: read them before returning.
 */
export interface RowSink {
  row(line: number, fieldCount: number, texts: readonly string[], starts: Int32Array, ends: Int32Array): void;
  /** A record papaparse could not read (unbalanced quotes); `line` is where it starts. */
  malformed(line: number, reason: string): void;
}

const SAMPLE_CHARS = 1 << 16;
const GUESSED_DELIMITERS = [',', '\t', ';', '|'];

/** Thrown when a file has no header or an unusable delimiter. */
export class CsvFormatError extends Error {
  override name = 'CsvFormatError';
}

/**
 * Reads the header with papaparse: the delimiter (given, or guessed among comma, tab, semicolon
 * and bar) and the line break are taken from the first 64 KiB.
 */
export function readCsvHeader(text: string, delimiter?: string): CsvLayout {
  if (delimiter !== undefined && (delimiter.length !== 1 || /["\r\n]/.test(delimiter))) {
    throw new CsvFormatError(`delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const res = Papa.parse<string[]>(sample, { preview: 1, delimiter, delimitersToGuess: GUESSED_DELIMITERS });
  const header = res.data[0];
  if (!header || (header.length === 1 && header[0].trim() === '')) throw new CsvFormatError('the file is empty: no header line');
  const newline = (res.meta.linebreak === '\r\n' || res.meta.linebreak === '\r' ? res.meta.linebreak : '\n') as CsvLayout['newline'];
  const nl = newline === '\r' ? '\r' : '\n';
  const end = recordEnd(text, 0, nl);
  return { delimiter: res.meta.delimiter || ',', newline, header, dataStart: end.end + 1, dataLine: end.lines + 2 };
}

/**
 * End of the record starting at `pos`: the first line break at which the quotes seen are
 * balanced (a line break inside a quoted field is data), and the line breaks inside it.
 */
function recordEnd(text: string, pos: number, nl: string): { end: number; lines: number } {
  let open = false;
  let lines = 0;
  for (let j = pos; ; ) {
    let le = text.indexOf(nl, j);
    if (le < 0) le = text.length;
    for (let k = text.indexOf('"', j); k >= 0 && k < le; k = text.indexOf('"', k + 1)) open = !open;
    if (!open || le === text.length) return { end: le, lines };
    lines++;
    j = le + 1;
  }
}

/**
 * Calls `sink.row` for every data row of `text` (blank lines are skipped), reading the fields
 * at the positions `columns`. Line numbers count physical lines, so a quoted field holding line
 * breaks moves the following rows down as in the file.
 */
export function scanCsvRows(text: string, layout: CsvLayout, columns: readonly number[], sink: RowSink): void {
  const delim = layout.delimiter;
  const nl = layout.newline === '\r' ? '\r' : '\n';
  const slots = columns.length;
  const maxCol = Math.max(...columns);
  const slotOf = new Int32Array(maxCol + 1).fill(-1);
  columns.forEach((c, k) => (slotOf[c] = k));
  const texts: readonly string[] = columns.map(() => text);
  const starts = new Int32Array(slots);
  const ends = new Int32Array(slots);
  const quoted = new QuotedRecords(layout, columns);
  const n = text.length;
  let pos = layout.dataStart;
  let line = layout.dataLine;
  // indexOf runs as a vectorised search, several times faster than a charCodeAt loop.
  let nextQuote = text.indexOf('"', pos);
  if (nextQuote < 0) nextQuote = n;
  while (pos < n) {
    let eol = text.indexOf(nl, pos);
    if (eol < 0) eol = n;
    if (nextQuote < eol) {
      const r = quoted.read(text, pos, line, sink);
      pos = r.next;
      line = r.line;
      if (nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) nextQuote = n;
      continue;
    }
    // A carriage return before the line feed is never data.
    const e = nl === '\n' && eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    if (e === pos) {
      pos = eol + 1;
      line++;
      continue;
    }
    for (let k = 0; k < slots; k++) starts[k] = -1;
    let field = 0;
    let fs = pos;
    for (let d = text.indexOf(delim, pos); d >= 0 && d < e; d = text.indexOf(delim, d + 1)) {
      if (field <= maxCol && slotOf[field] >= 0) {
        starts[slotOf[field]] = fs;
        ends[slotOf[field]] = d;
      }
      field++;
      fs = d + 1;
    }
    if (field <= maxCol && slotOf[field] >= 0) {
      starts[slotOf[field]] = fs;
      ends[slotOf[field]] = e;
    }
    sink.row(line, field + 1, texts, starts, ends);
    pos = eol + 1;
    line++;
  }
}

/**
 * The reference path: the whole body parsed by papaparse (a string per field). Same rows and
 * line numbers as {@link scanCsvRows}; slower. Kept to cross-check the direct split.
 */
export function scanCsvRowsWithPapa(text: string, layout: CsvLayout, columns: readonly number[], sink: RowSink): void {
  const nl = layout.newline === '\r' ? '\r' : '\n';
  // The file's last line break ends the last row (it is not data, even in an unclosed quote).
  const end = text.endsWith(nl) ? text.length - 1 : text.length;
  if (end > layout.dataStart) new QuotedRecords(layout, columns).parseBody(text.slice(layout.dataStart, end), layout.dataLine, sink);
}

/**
 * Share of the lines among the first 64 KiB of the body that contain a quote. Files that quote
 * every field (as many exports do) are read faster by papaparse in one go than record by record.
 */
export function quotedLineShare(text: string, layout: CsvLayout): number {
  const nl = layout.newline === '\r' ? '\r' : '\n';
  const end = Math.min(text.length, layout.dataStart + SAMPLE_CHARS);
  let lines = 0;
  let quoted = 0;
  // The next quote is searched again only once passed: a search per line would run to the end of
  // a file without quotes every time (a million-row file took seconds here).
  let q = text.indexOf('"', layout.dataStart);
  for (let pos = layout.dataStart; pos < end; ) {
    let eol = text.indexOf(nl, pos);
    if (eol < 0) eol = text.length;
    if (q >= 0 && q < pos) q = text.indexOf('"', pos);
    lines++;
    if (q >= 0 && q < eol) quoted++;
    pos = eol + 1;
  }
  return lines === 0 ? 0 : quoted / lines;
}

/** Records containing quotes, each parsed by papaparse. */
class QuotedRecords {
  private readonly parser: Papa.Parser;
  private readonly nl: string;
  private readonly texts: string[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    layout: CsvLayout,
    private readonly columns: readonly number[],
  ) {
    this.parser = new Papa.Parser({ delimiter: layout.delimiter, newline: layout.newline, quoteChar: '"' });
    this.nl = layout.newline === '\r' ? '\r' : '\n';
    this.texts = columns.map(() => '');
    this.starts = new Int32Array(columns.length);
    this.ends = new Int32Array(columns.length);
  }

  /** Reads the record starting at `pos` (see recordEnd). */
  read(text: string, pos: number, line: number, sink: RowSink): { next: number; line: number } {
    const { end, lines } = recordEnd(text, pos, this.nl);
    let body = text.slice(pos, end);
    // An unbalanced quote runs to the end of the file; its last line break ends the file, not data.
    if (end === text.length && body.endsWith(this.nl)) body = body.slice(0, -1);
    this.parseBody(body, line, sink);
    return { next: end + 1, line: line + lines + 1 };
  }

  /** Parses `body` (rows only), the first row on line `line`, and hands each row to the sink. */
  parseBody(body: string, line: number, sink: RowSink): void {
    if (this.nl === '\n' && body.endsWith('\r')) body = body.slice(0, -1);
    const res = this.parser.parse(body, 0, false) as { data: string[][]; errors: Papa.ParseError[] };
    const errors = new Map<number, string>();
    for (const e of res.errors) if (e.row !== undefined && !errors.has(e.row)) errors.set(e.row, e.message);
    const rows = res.data;
    const { columns, texts, starts, ends, nl } = this;
    for (let r = 0; r < rows.length; r++) {
      const fields = rows[r];
      let breaks = 0;
      for (const f of fields) breaks += countChar(f, nl);
      const err = errors.get(r);
      if (err !== undefined) {
        const span = breaks > 0 ? ` (the record runs over lines ${line}–${line + breaks})` : '';
        sink.malformed(line, `malformed quotes: ${err.toLowerCase()}${span}`);
      } else if (!(fields.length === 1 && fields[0] === '')) {
        for (let k = 0; k < columns.length; k++) {
          const f = fields[columns[k]];
          if (f === undefined) {
            starts[k] = -1;
          } else {
            texts[k] = f;
            starts[k] = 0;
            ends[k] = f.length;
          }
        }
        sink.row(line, fields.length, texts, starts, ends);
      }
      line += breaks + 1;
    }
  }
}

/** Occurrences of the one-character string `ch` in `s`. */
export function countChar(s: string, ch: string): number {
  let n = 0;
  for (let k = s.indexOf(ch); k >= 0; k = s.indexOf(ch, k + 1)) n++;
  return n;
}
