// CLI: reads the incident files named on the command line, reports what was rejected, and turns
// --from/--to/--category into an IncidentFilter. Node (fs) lives here and in main.ts only.
import { readFileSync, writeFileSync } from 'node:fs';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import { categoryMask } from '../analysis/incidents/incident-filter';
import { importIncidentCsvFiles, type CsvIncidentImport, type CsvInput } from '../io/csv-incidents';
import { parseDateTime } from '../io/parse-datetime';
import { UsageError, type CliOptions } from './args';
import { csvText } from './csv-write';

/** Where a command writes: standard output and standard error. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A file that cannot be read or written, or a file the importer cannot use: exit status 1. */
export class CliFileError extends Error {
  override name = 'CliFileError';
}

/** Rejections listed on standard error; the rest go to --rejects. */
export const REJECTS_SHOWN = 20;

/** Reads and imports every --incidents file, then reports the counts and rejections on stderr. */
export function loadIncidents(opts: CliOptions, io: CliIo): CsvIncidentImport {
  const inputs: CsvInput[] = opts.incidents.map((name) => ({ name, data: readBytes(name) }));
  let result: CsvIncidentImport;
  try {
    result = importIncidentCsvFiles(inputs, {
      encoding: opts.encoding,
      timeZone: opts.tz,
      crs: opts.crs,
      columns: opts.columns,
      delimiter: opts.delimiter,
    });
  } catch (e) {
    throw new CliFileError((e as Error).message);
  }
  reportImport(result, opts, io);
  return result;
}

function reportImport(r: CsvIncidentImport, opts: CliOptions, io: CliIo): void {
  const seen = new Set<string>();
  for (const f of r.files) {
    const d = f.detected;
    const key = `${d.encoding}|${d.lat}|${d.lon}|${d.time}|${d.category}|${d.delimiter}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const more = r.files.length > 1 ? ` (${r.files.filter((g) => sameDetection(g.detected, d)).length} of ${r.files.length} files)` : '';
    io.stderr(
      `${f.name}${more}: ${d.encoding}, columns lat=${JSON.stringify(d.lat)} lon=${JSON.stringify(d.lon)} ` +
        `time=${JSON.stringify(d.time)} category=${JSON.stringify(d.category)}; times in ${r.timeZone}, coordinates ${r.crs}\n`,
    );
  }
  io.stderr(`read ${r.total} rows: ${r.accepted} accepted, ${r.rejected.length} rejected\n`);
  for (const x of r.rejected.slice(0, REJECTS_SHOWN)) io.stderr(`${x.file}:${x.line}: ${x.reason}\n`);
  const hidden = r.rejected.length - REJECTS_SHOWN;
  if (hidden > 0) io.stderr(`… and ${hidden} more${opts.rejects ? ` (all in ${opts.rejects})` : '; --rejects FILE.csv writes them all'}\n`);
  if (opts.rejects) {
    writeText(opts.rejects, csvText(['file', 'line', 'reason'], r.rejected.map((x) => [x.file ?? '', x.line, x.reason])));
  }
}

function sameDetection(a: CsvIncidentImport['detected'], b: CsvIncidentImport['detected']): boolean {
  return a.encoding === b.encoding && a.lat === b.lat && a.lon === b.lon && a.time === b.time && a.category === b.category && a.delimiter === b.delimiter;
}

/**
 * The filter of --from, --to (read in --tz unless they carry an offset) and --category (exact
 * names; a name absent from the data keeps nothing, and is warned about).
 */
export function buildFilter(opts: CliOptions, categories: readonly string[], io: CliIo): IncidentFilter {
  const filter: IncidentFilter = {};
  if (opts.from !== undefined) filter.fromSec = bound('from', opts.from, opts.tz);
  if (opts.to !== undefined) filter.toSec = bound('to', opts.to, opts.tz);
  if (filter.fromSec !== undefined && filter.toSec !== undefined && filter.fromSec >= filter.toSec) {
    throw new UsageError(`--from ${opts.from} is not before --to ${opts.to}`);
  }
  if (opts.categories.length > 0) {
    const codes: number[] = [];
    for (const name of opts.categories) {
      const code = categories.indexOf(name);
      if (code >= 0) codes.push(code);
      else io.stderr(`warning: category ${JSON.stringify(name)} does not occur in the accepted rows\n`);
    }
    filter.categories = categoryMask(codes);
  }
  return filter;
}

function bound(flag: string, text: string, tz: string): number {
  const t = parseDateTime(text, tz);
  if (Number.isNaN(t)) throw new UsageError(`--${flag}: cannot read the date-time "${text}" (e.g. 2017-03-01 or 2017-03-01T00:00)`);
  return t;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliFileError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** Writes a text file; a failure is a CliFileError naming the path. */
export function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new CliFileError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Writes the command's CSV to --out, or to standard output without --out (or with "-"). */
export function writeOutput(opts: CliOptions, io: CliIo, text: string): void {
  if (opts.out === undefined || opts.out === '-') io.stdout(text);
  else writeText(opts.out, text);
}
