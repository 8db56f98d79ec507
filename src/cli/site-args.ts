// CLI: the flags of `site` → checked options. Its own flags (cameras, candidates, the new cameras'
// view, k, spacing) are taken out here; the rest are the incident options every command shares,
// checked by parseArgs. Node-free; errors are UsageError.
import { parseArgs, UsageError, type CliOptions } from './args';

/** Options of `site`, checked. */
export interface SiteCliOptions {
  /** The incident options (files, --res, filters, --out). */
  common: CliOptions;
  cameras: string;
  candidates?: string;
  /** Number of sites to choose. */
  k: number;
  /** Range of a new camera, metres. */
  rangeM: number;
  /** Field of view of a new camera, degrees; undefined: 360 (or the candidates' fov column). */
  fov?: number;
  /** Minimum distance between two chosen sites, metres. */
  minSpacingM: number;
}

const SITE_FLAGS = new Set(['cameras', 'candidates', 'k', 'range', 'fov', 'min-spacing']);

/** Parses the arguments after `site`. Throws UsageError. */
export function parseSiteArgs(argv: readonly string[]): SiteCliOptions {
  const own = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) : '';
    if (!SITE_FLAGS.has(name)) {
      rest.push(arg);
      continue;
    }
    if (own.has(name)) throw new UsageError(`--${name} given twice`);
    let value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq <= 0) {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
    own.set(name, value.trim());
  }
  const common = parseArgs(['site', ...rest]);
  if (common === 'help') throw new UsageError('--help is handled before the flags are read');
  const cameras = own.get('cameras');
  if (cameras === undefined) throw new UsageError('--cameras FILE.csv is required (the existing cameras: id,lat,lon,heading,fov,range,status)');
  const kText = own.get('k');
  if (kText === undefined) throw new UsageError('--k K is required (how many sites to choose)');
  if (!/^\d+$/.test(kText) || Number(kText) < 1 || Number(kText) > 1_000_000) throw new UsageError(`--k must be a whole number ≥ 1, got "${kText}"`);
  const rangeM = positive('range', own.get('range') ?? '100');
  const fovText = own.get('fov');
  const fov = fovText === undefined ? undefined : positive('fov', fovText);
  if (fov !== undefined && fov > 360) throw new UsageError(`--fov must be at most 360 degrees, got "${fovText}"`);
  const spacingText = own.get('min-spacing') ?? '0';
  const minSpacingM = Number(spacingText);
  if (!(minSpacingM >= 0) || !Number.isFinite(minSpacingM)) throw new UsageError(`--min-spacing must be a number of metres ≥ 0, got "${spacingText}"`);
  return { common, cameras, candidates: own.get('candidates'), k: Number(kText), rangeM, fov, minSpacingM };
}

function positive(flag: string, text: string): number {
  const v = Number(text);
  if (!(v > 0) || !Number.isFinite(v)) throw new UsageError(`--${flag} must be a positive number, got "${text}"`);
  return v;
}
