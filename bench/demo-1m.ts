// Benchmark helpers: the generator's 1,000,000-incident demo county (generated once into
// bench/out/demo-1m, gitignored), the series of filters a brushing user produces, and timing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { categoryMask, type IncidentFilter } from '../src/analysis/incidents/incident-filter';
import { decodeIncidentBin } from '../src/io/incident-bin';
import type { AdminCollection, DatasetManifest, GridCollection, IncidentColumns } from '../src/model';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = resolve(ROOT, 'bench/out/demo-1m');
/** Incidents in the benchmark county. */
export const N = 1_000_000;
/** The resolution the map counts at in the time-brush benchmarks (exact, as the app counts it). */
export const RES = 9;
export const DAY = 86_400;

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The value of f and the milliseconds it took. */
export function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** The demo county with a million incidents, as the app downloads it. */
export interface Demo {
  manifest: DatasetManifest;
  /** Fresh columns, in the file's row order, each call: the API may keep what it is given. */
  cols: () => IncidentColumns;
  towns: AdminCollection;
  grids: GridCollection;
}

/** The demo county with a million incidents, generated on first use. */
export function loadDemo(): Demo {
  if (!existsSync(resolve(DIR, 'manifest.json'))) {
    console.log(`engine: generating ${N.toLocaleString('en')} incidents into ${DIR} (about half a minute, once)`);
    execFileSync('npx', ['tsx', 'scripts/gen-demo/main.ts', '--incidents', String(N), '--out', DIR], { cwd: ROOT, stdio: 'inherit' });
  }
  const manifest = JSON.parse(readFileSync(resolve(DIR, 'manifest.json'), 'utf8')) as DatasetManifest;
  const bin = readFileSync(resolve(DIR, manifest.files.incidents));
  const admin = JSON.parse(readFileSync(resolve(DIR, manifest.files.admin), 'utf8')) as AdminCollection;
  return {
    manifest,
    cols: () => decodeIncidentBin(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest.counts.incidents),
    towns: { ...admin, features: admin.features.filter((f) => f.properties.level === 'town') },
    grids: JSON.parse(readFileSync(resolve(DIR, manifest.files.grids), 'utf8')) as GridCollection,
  };
}

/** Case-class choices of the filter panel, cycled through by the series of filters. */
const CLASS_SETS: ReadonlyArray<readonly string[]> = [
  ['criminal'],
  ['criminal', 'public-order'],
  ['public-order', 'dispute'],
  ['criminal', 'traffic'],
  ['criminal', 'public-order', 'dispute'],
  ['dispute', 'traffic', 'public-order'],
];

/**
 * Filter k of a varied series, as brushing and ticking case classes produce: a 90–365-day window
 * somewhere in the data and one of CLASS_SETS (about a third of the incidents kept on average).
 */
export function filterNo(k: number, manifest: DatasetManifest): IncidentFilter {
  const [t0, t1] = manifest.timeRange.map((ms) => Math.floor(ms / 1000));
  const span = (90 + ((k * 97) % 276)) * DAY;
  const from = t0 + Math.floor(((k * 0.137) % 1) * (t1 - t0 - span));
  const classes = CLASS_SETS[k % CLASS_SETS.length];
  return { fromSec: from, toSec: from + span, categories: categoryMask(manifest.offenceKinds.filter((o) => classes.includes(o.caseClass)).map((o) => o.code)) };
}
