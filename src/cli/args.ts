// CLI: command-line flags → a checked options object. Node-free; errors are UsageError.
import type { CoordinateSystem } from '../model/geo';
import { parseCoordinateSystem } from '../io/coordinates';
import { isValidTimeZone } from '../io/parse-datetime';
import { parseEncodingName, type TextEncodingOption } from '../io/text-decode';

/** A bad command line: the message says what to change; exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const COMMANDS = ['aggregate', 'hotspots', 'coverage', 'site'] as const;
export type Command = (typeof COMMANDS)[number];

/** Options shared by the commands, checked. */
export interface CliOptions {
  command: Command;
  incidents: string[];
  res: number;
  from?: string;
  to?: string;
  categories: string[];
  tz: string;
  columns: { lat?: string; lon?: string; time?: string; category?: string };
  crs: CoordinateSystem;
  encoding: TextEncodingOption;
  delimiter?: string;
  out?: string;
  rejects?: string;
  k: number;
  /** hotspots: GeoJSON file whose polygons fix the study area (cells whose centres lie inside). */
  boundary?: string;
}

/** Flags that take one value; --incidents takes one or more; --category may repeat. */
const VALUE_FLAGS = new Set([
  'res', 'from', 'to', 'tz', 'lat', 'lon', 'time', 'category-column', 'crs', 'encoding', 'delimiter', 'out', 'rejects', 'k', 'boundary',
]);
const HOTSPOT_FLAGS = new Set(['k', 'boundary']);

/** 'help' when help was asked for, else the checked options. Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  const command = argv[0];
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}"; the commands are ${COMMANDS.join(', ')}`);
  }
  const one = new Map<string, string>();
  const incidents: string[] = [];
  const categories: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
      return v;
    };
    if (name === 'incidents') {
      incidents.push(next());
      while (inline === undefined && i + 1 < argv.length && !argv[i + 1].startsWith('--')) incidents.push(argv[++i]);
    } else if (name === 'category') {
      categories.push(next());
    } else if (VALUE_FLAGS.has(name)) {
      if (HOTSPOT_FLAGS.has(name) && command !== 'hotspots') throw new UsageError(`--${name} is an option of hotspots only`);
      if (one.has(name)) throw new UsageError(`--${name} given twice`);
      one.set(name, next());
    } else {
      throw new UsageError(`unknown option --${name} (see --help)`);
    }
  }
  if (incidents.length === 0) throw new UsageError('--incidents FILE.csv is required');
  const resText = one.get('res');
  if (resText === undefined) throw new UsageError('--res N is required (an H3 resolution, 0–15)');
  const res = wholeNumber('res', resText, 0, 15);
  const k = one.has('k') ? wholeNumber('k', one.get('k')!, 0, 64) : 1;
  const tz = one.get('tz') ?? 'Asia/Shanghai';
  if (!isValidTimeZone(tz)) throw new UsageError(`--tz: unknown time zone "${tz}" (an IANA name such as Asia/Shanghai)`);
  const crsText = one.get('crs') ?? 'WGS84';
  const crs = parseCoordinateSystem(crsText);
  if (!crs) throw new UsageError(`--crs: unknown coordinate system "${crsText}" (WGS84, CGCS2000, GCJ02 or BD09)`);
  const encText = one.get('encoding') ?? 'auto';
  const encoding = parseEncodingName(encText);
  if (!encoding) throw new UsageError(`--encoding: unknown encoding "${encText}" (auto, utf-8 or gbk)`);
  const delimiter = one.get('delimiter');
  if (delimiter !== undefined && unescape(delimiter).length !== 1) throw new UsageError(`--delimiter must be one character, got "${delimiter}"`);
  return {
    command: command as Command,
    incidents,
    res,
    from: one.get('from'),
    to: one.get('to'),
    categories,
    tz,
    columns: { lat: one.get('lat'), lon: one.get('lon'), time: one.get('time'), category: one.get('category-column') },
    crs,
    encoding,
    delimiter: delimiter === undefined ? undefined : unescape(delimiter),
    out: one.get('out'),
    rejects: one.get('rejects'),
    k,
    boundary: one.get('boundary'),
  };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || v < min || v > max) throw new UsageError(`--${flag} must be a whole number ${min}–${max}, got "${text}"`);
  return v;
}

/** "\t" and "tab" as a tab, for shells where a literal tab is awkward. */
function unescape(d: string): string {
  return d === '\\t' || d.toLowerCase() === 'tab' ? '\t' : d;
}
