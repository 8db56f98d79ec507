// CLI: `coverage` — the H3 cells at --res whose centre an online camera (or any, with
// --include-faulty) sees, cut by --buildings footprints; writes h3, one cell per row, sorted.
import { readFileSync } from 'node:fs';
import { coveredCells, type CameraView } from '../analysis/cameras/coverage';
import { buildingIndex } from '../analysis/cameras/visibility';
import { CameraCsvError, readCameraCsv } from '../io/csv-cameras';
import { decodeText } from '../io/text-decode';
import { csvText } from './csv-write';
import { parseCoverageArgs, type CoverageCliOptions } from './coverage-args';
import { CliFileError, REJECTS_SHOWN, writeText, type CliIo } from './load-incidents';
import { readBuildings } from './read-buildings';

/**
 * What a camera gets when its file has no heading, fov or range column (or leaves a row's cell
 * empty): an all-round view of 100 m, like the new cameras of `site`; status online.
 */
export const COVERAGE_CSV_DEFAULTS = { heading: 0, fov: 360, range: 100, status: 'online' } as const;

/** Reads the camera file and reports accepted and rejected rows (with line numbers) on stderr. */
export function loadCameras(opts: CoverageCliOptions, io: CliIo): CameraView[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(opts.cameras);
  } catch (e) {
    throw new CliFileError(`cannot read ${opts.cameras}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let parsed;
  try {
    parsed = readCameraCsv(decodeText(bytes).text, COVERAGE_CSV_DEFAULTS, opts.columns);
  } catch (e) {
    if (e instanceof CameraCsvError) throw new CliFileError(`${opts.cameras}: ${e.message}`);
    throw e;
  }
  const { records, rejected, has } = parsed;
  const missing = (['heading', 'fov', 'range', 'status'] as const).filter((k) => !has[k]);
  if (missing.length > 0) {
    io.stderr(`${opts.cameras}: no ${missing.join(', ')} column; using ${missing.map((k) => `${k} ${COVERAGE_CSV_DEFAULTS[k]}`).join(', ')}\n`);
  }
  io.stderr(`read ${records.length + rejected.length} rows: ${records.length} accepted, ${rejected.length} rejected\n`);
  for (const x of rejected.slice(0, REJECTS_SHOWN)) io.stderr(`${opts.cameras}:${x.line}: ${x.reason}\n`);
  if (rejected.length > REJECTS_SHOWN) io.stderr(`… and ${rejected.length - REJECTS_SHOWN} more\n`);
  return records.map((r) => ({ id: r.id, lng: r.lng, lat: r.lat, heading: r.heading, fov: r.fov, range: r.range, status: r.status }));
}

/** Runs `coverage` with the arguments after the command name. */
export function runCoverage(argv: readonly string[], io: CliIo): void {
  const opts = parseCoverageArgs(argv);
  const cameras = loadCameras(opts, io);
  const buildings = opts.buildings === undefined ? undefined : buildingIndex(readBuildings(opts.buildings, io));
  const counted = cameras.filter((c) => opts.includeFaulty || c.status === 'online').length;
  const cells = coveredCells(cameras, opts.res, { buildings, includeNotOnline: opts.includeFaulty });
  io.stderr(`${counted} of ${cameras.length} cameras counted (${opts.includeFaulty ? 'all, as if repaired' : 'online only'}); ${cells.length} cells covered at resolution ${opts.res}\n`);
  const text = csvText(['h3'], cells.map((c) => [c]));
  if (opts.out === undefined || opts.out === '-') io.stdout(text);
  else writeText(opts.out, text);
}
