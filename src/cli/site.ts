// CLI: `site` — choose K camera sites covering the most incidents no online camera sees yet (lazy
// greedy, within 1 − 1/e of the optimum); writes a GeoJSON FeatureCollection of Point features in
// the order chosen, properties rank, gain, cumulative (and id with --candidates).
import { readFileSync } from 'node:fs';
import { cellToLatLng } from 'h3-js';
import { cameraCells, coveredCells } from '../analysis/cameras/coverage';
import { siteCameras, type SiteCandidate } from '../analysis/cameras/site-cameras';
import { CameraCsvError, readCameraCsv } from '../io/csv-cameras';
import { decodeText } from '../io/text-decode';
import { countCells } from './aggregate';
import { loadCameras } from './coverage';
import { CliFileError, REJECTS_SHOWN, writeOutput, type CliIo } from './load-incidents';
import { parseSiteArgs, type SiteCliOptions } from './site-args';

/** A chosen site as written: WGS-84 position and its figures. */
interface SiteFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { rank: number; gain: number; cumulative: number; id?: string; h3?: string };
}

/** Runs `site` with the arguments after the command name. */
export function runSite(argv: readonly string[], io: CliIo): void {
  const opts = parseSiteArgs(argv);
  const res = opts.common.res;
  const { cells, counts } = countCells(opts.common, io);
  const cameras = loadCameras({ cameras: opts.cameras, res, includeFaulty: false, columns: {} }, io);
  const covered = new Set(coveredCells(cameras, res));
  const demand = new Map<string, number>();
  let seen = 0;
  cells.forEach((c, i) => {
    if (covered.has(c)) seen += counts[i];
    else demand.set(c, counts[i]);
  });
  const total = counts.reduce((s, n) => s + n, 0);
  io.stderr(`${seen} of ${total} incidents in cells an online camera covers; ${total - seen} in ${demand.size} uncovered cells\n`);
  const fromFile = opts.candidates !== undefined;
  const candidates = fromFile ? fileCandidates(opts, io) : cellCandidates(opts, [...demand.keys()]);
  const plan = siteCameras(demand, candidates, { k: opts.k, minSpacingM: opts.minSpacingM });
  const last = plan.sites.at(-1)?.cumulative ?? 0;
  io.stderr(
    `${plan.sites.length} of ${opts.k} sites chosen among ${candidates.length} candidates; they cover ${last} more incidents ` +
      `(${total > 0 ? ((100 * (seen + last)) / total).toFixed(1) : '0.0'} % of all, was ${total > 0 ? ((100 * seen) / total).toFixed(1) : '0.0'} %)\n`,
  );
  if (plan.sites.length < opts.k) io.stderr('fewer than K: no other candidate adds an incident (or the spacing rules it out)\n');
  const features: SiteFeature[] = plan.sites.map((s) => {
    const c = candidates[s.candidate];
    const properties: SiteFeature['properties'] = { rank: s.rank, gain: s.gain, cumulative: s.cumulative };
    if (fromFile) properties.id = c.id;
    else properties.h3 = c.id;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [c.lng, c.lat] }, properties };
  });
  writeOutput(opts.common, io, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
}

/** Without --candidates: a new camera at the centre of every uncovered cell with incidents. */
function cellCandidates(opts: SiteCliOptions, cells: readonly string[]): SiteCandidate[] {
  const fov = opts.fov ?? 360;
  return cells.map((h3) => {
    const [lat, lng] = cellToLatLng(h3);
    return { id: h3, lng, lat, cells: cameraCells({ id: h3, lng, lat, heading: 0, fov, range: opts.rangeM, status: 'online' }, opts.common.res) };
  });
}

/** --candidates: id,lat,lon (optional heading, fov, range, cost), rejections on stderr. */
function fileCandidates(opts: SiteCliOptions, io: CliIo): SiteCandidate[] {
  const path = opts.candidates!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliFileError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let parsed;
  try {
    parsed = readCameraCsv(decodeText(bytes).text, { heading: 0, fov: opts.fov ?? 360, range: opts.rangeM, status: 'online' });
  } catch (e) {
    if (e instanceof CameraCsvError) throw new CliFileError(`${path}: ${e.message}`);
    throw e;
  }
  const { records, rejected } = parsed;
  io.stderr(`${path}: ${records.length} candidates, ${rejected.length} rejected\n`);
  for (const x of rejected.slice(0, REJECTS_SHOWN)) io.stderr(`${path}:${x.line}: ${x.reason}\n`);
  if (rejected.length > REJECTS_SHOWN) io.stderr(`… and ${rejected.length - REJECTS_SHOWN} more\n`);
  return records.map((r) => ({
    id: r.id,
    lng: r.lng,
    lat: r.lat,
    cost: r.cost,
    cells: cameraCells({ id: r.id, lng: r.lng, lat: r.lat, heading: r.heading, fov: r.fov, range: r.range, status: 'online' }, opts.common.res),
  }));
}
