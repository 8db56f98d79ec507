// CLI: the flags of `validate` → checked options. Node-free; errors are UsageError.
import { parseCoordinateSystem } from '../io/coordinates';
import type { MappingField } from '../io/import/mapping';
import { isValidTimeZone } from '../io/parse-datetime';
import { parseEncodingName, type TextEncodingOption } from '../io/text-decode';
import type { CoordinateSystem } from '../model/geo';
import { UsageError } from './args';

export const VALIDATE_KINDS = ['incidents', 'cameras', 'grids'] as const;

export interface ValidateCliOptions {
  file: string;
  kind: (typeof VALIDATE_KINDS)[number];
  crs: CoordinateSystem;
  encoding: TextEncodingOption;
  tz: string;
  columns: Partial<Record<MappingField, string>>;
  report: string;
  out?: string;
}

const COLUMN_FLAGS = { lat: 'lat', lon: 'lon', time: 'time', category: 'category', 'id-column': 'id', 'name-column': 'name' } as const;
const VALUE_FLAGS = new Set(['kind', 'crs', 'encoding', 'tz', 'report', 'out', ...Object.keys(COLUMN_FLAGS)]);

/** Parses the arguments after `validate`: the file, then flags. Throws UsageError. */
export function parseValidateArgs(argv: readonly string[]): ValidateCliOptions {
  const one = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name} of validate (see --help)`);
    if (one.has(name)) throw new UsageError(`--${name} given twice`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value.trim() === '' || (eq <= 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    one.set(name, value.trim());
  }
  if (files.length !== 1) throw new UsageError(`validate takes one FILE, got ${files.length}`);
  const kind = one.get('kind');
  if (kind === undefined || !(VALIDATE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be ${VALIDATE_KINDS.join('|')}`);
  const crs = parseCoordinateSystem(one.get('crs') ?? 'wgs84');
  if (crs === null) throw new UsageError(`--crs must be wgs84, cgcs2000, gcj02 or bd09, got "${one.get('crs')}"`);
  const encoding = parseEncodingName(one.get('encoding') ?? 'auto');
  if (encoding === null) throw new UsageError(`--encoding must be auto, utf8, gbk or gb18030, got "${one.get('encoding')}"`);
  const tz = one.get('tz') ?? 'Asia/Shanghai';
  if (!isValidTimeZone(tz)) throw new UsageError(`--tz: unknown time zone "${tz}"`);
  const report = one.get('report');
  if (report === undefined) throw new UsageError('--report report.json is required');
  const columns: Partial<Record<MappingField, string>> = {};
  for (const [flag, field] of Object.entries(COLUMN_FLAGS)) {
    const v = one.get(flag);
    if (v !== undefined) columns[field] = v;
  }
  return { file: files[0], kind: kind as ValidateCliOptions['kind'], crs, encoding, tz, columns, report, out: one.get('out') };
}
