// State: what an import replaces in the loaded dataset, applied in the analysis worker and to the
// map's data. An incidents import brings its own time zone (chosen in the mapping step): the
// dataset has one zone in which every figure is read, so it becomes the dataset's zone.
import type { IncidentColumns, MapData, OffenceKind } from '../model';
import type { AnalysisApi } from '../worker/analysis-api';
import type { ResultKey } from './incident-results';

/** What an import replaces: the incidents (with the offence kinds they are coded in and the zone their times were read in) and/or layers. */
export interface DataReplacement {
  incidents?: { columns: IncidentColumns; offenceKinds: OffenceKind[]; timeZone?: string };
  cameras?: MapData['cameras'];
  grids?: MapData['grids'];
  hotspots?: MapData['hotspots'];
  buildings?: MapData['buildings'];
}

/**
 * Hands the replacement to the worker — incidents indexed (transferred) in the import's zone,
 * grids and hotspots assigned again — and returns the dataset as it is now: the manifest's zone,
 * offence kinds, time range and counts follow. `resolutions` is set when the incidents changed.
 */
export async function applyReplacement(
  /** The analysis worker's client (or the API itself, in-process). */
  client: { loadIncidents: AnalysisApi['loadIncidents']; assignPolygons(...args: Parameters<AnalysisApi['assignPolygons']>): unknown },
  data: MapData,
  r: DataReplacement,
): Promise<{ data: MapData; resolutions?: number[] }> {
  let manifest = data.manifest;
  let resolutions: number[] | undefined;
  if (r.incidents) {
    const timeZone = r.incidents.timeZone ?? manifest.timeZone;
    const summary = await client.loadIncidents(r.incidents.columns, { timeZone, exactOnDemand: true });
    const timeRange: [number, number] = summary.count > 0 ? [summary.minSec * 1000, summary.maxSec * 1000] : manifest.timeRange;
    // A synthetic dataset is judged as of its `asOf` (state/clock.ts). Incidents imported into it
    // are the user's: "today" (this month, last 30 days, the header's date) moves to their last one,
    // or every preset would look at the demo's days, where the imported data has nothing.
    const asOf = manifest.synthetic && summary.count > 0 ? summary.maxSec * 1000 : manifest.asOf;
    manifest = { ...manifest, timeZone, asOf, offenceKinds: r.incidents.offenceKinds, timeRange, counts: { ...manifest.counts, incidents: summary.count } };
    resolutions = summary.resolutions;
  }
  if (r.grids) await client.assignPolygons('grids', r.grids);
  if (r.hotspots) await client.assignPolygons('hotspots', r.hotspots, { overlapping: true }); // listed hotspots may overlap
  const counts = { ...manifest.counts };
  if (r.cameras) counts.cameras = r.cameras.features.length;
  if (r.grids) counts.grids = r.grids.features.length;
  if (r.hotspots) counts.hotspots = r.hotspots.features.length;
  const next: MapData = {
    ...data,
    manifest: { ...manifest, counts },
    cameras: r.cameras ?? data.cameras,
    grids: r.grids ?? data.grids,
    hotspots: r.hotspots ?? data.hotspots,
    buildings: r.buildings ?? data.buildings,
  };
  return { data: next, resolutions };
}

/** The incident results a replacement makes wrong: they are emptied before the new map is drawn. */
export function staleResults(r: DataReplacement): ResultKey[] {
  if (r.incidents) return ['hexCounts', 'density', 'comparison', 'series', 'matrix', 'gridIncidents', 'hotspotIncidents', 'giStar', 'emerging', 'pai', 'concentration', 'cellProfile'];
  const keys: ResultKey[] = [];
  if (r.grids) keys.push('gridIncidents');
  if (r.hotspots) keys.push('hotspotIncidents', 'pai');
  return keys;
}
