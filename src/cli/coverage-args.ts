// CLI: the flags of `coverage` → checked options. Node-free; errors are UsageError.
import type { CameraCsvColumns } from '../io/csv-cameras';
import { UsageError } from './args';

/** Options of `coverage`, checked. */
export interface CoverageCliOptions {
  cameras: string;
  res: number;
  buildings?: string;
  /** Count offline and faulty cameras as if repaired. */
  includeFaulty: boolean;
  out?: string;
  columns: CameraCsvColumns;
}

/** Flags with one value, and the camera column each column flag names. */
const VALUE_FLAGS = new Set(['cameras', 'res', 'buildings', 'out', 'id-column', 'lat', 'lon', 'heading', 'fov', 'range', 'status']);
const COLUMN_FLAGS = { 'id-column': 'id', lat: 'lat', lon: 'lon', heading: 'heading', fov: 'fov', range: 'range', status: 'status' } as const;

/** Parses the arguments after `coverage`. Throws UsageError. */
export function parseCoverageArgs(argv: readonly string[]): CoverageCliOptions {
  const one = new Map<string, string>();
  let includeFaulty = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}" (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name === 'include-faulty') {
      if (eq > 0) throw new UsageError('--include-faulty takes no value');
      includeFaulty = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name} of coverage (see --help)`);
    if (one.has(name)) throw new UsageError(`--${name} given twice`);
    let value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq <= 0) {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    value = value.trim();
    if (value === '') throw new UsageError(`--${name} needs a value`);
    one.set(name, value);
  }
  const cameras = one.get('cameras');
  if (cameras === undefined) throw new UsageError('--cameras FILE.csv is required');
  const resText = one.get('res');
  if (resText === undefined) throw new UsageError('--res N is required (an H3 resolution, 0–15)');
  if (!/^\d+$/.test(resText) || Number(resText) > 15) throw new UsageError(`--res must be a whole number 0–15, got "${resText}"`);
  const columns: CameraCsvColumns = {};
  for (const [flag, field] of Object.entries(COLUMN_FLAGS)) {
    const v = one.get(flag);
    if (v !== undefined) columns[field] = v;
  }
  return { cameras, res: Number(resText), buildings: one.get('buildings'), includeFaulty, out: one.get('out'), columns };
}
