// IO (pure): every dataset and result of the app as export features — grids, cameras, the
// hotspot register (state, display status, deadline, days overdue, responsible people, measures
// and a summary of its history), camera blind spots, Gi* hot/cold spots and aggregated cells.
// Positions stay WGS-84 here; the writers (writers.ts) convert and format. Camera plans are
// written by src/io/plan-export.ts. Property names are English snake_case, so a file reads the
// same whatever the interface language; values are the data's own text.
import { cellsToMultiPolygon } from 'h3-js';
import type { CameraCollection, GridCollection, HotspotCollection } from '../../model';
import type { GiStarResult } from '../../analysis/stats/gi-star';
import { daysPastDeadline, hotspotStatus } from '../../analysis/hotspots/hotspot-status';
import { cellFeatures, type ExportFeature, type ExportValue } from './tables';

/** A blind-spot area as the coverage worker reports it (src/worker/coverage-api.ts NamedBlindSpot). */
export interface BlindSpotLike {
  rank: number;
  count: number;
  cells: readonly string[];
  centroid: readonly [number, number];
  peak: string;
  place: { town: string | null; village: string | null; grid: string | null; road: string | null; roadDistanceM: number | null };
}

const copyGeometry = (g: { type: string; coordinates: unknown }) => ({ type: g.type, coordinates: g.coordinates });

export function gridFeatures(grids: GridCollection): ExportFeature[] {
  return grids.features.map((f) => ({ type: 'Feature', geometry: copyGeometry(f.geometry), properties: { ...f.properties } }));
}

export function cameraFeatures(cameras: CameraCollection): ExportFeature[] {
  return cameras.features.map((f) => {
    const p = f.properties;
    return {
      type: 'Feature',
      geometry: copyGeometry(f.geometry),
      properties: { id: p.id, name: p.name, kind: p.kind, status: p.status, heading: p.heading, fov: p.fov, range_m: p.range, town_id: p.townId, installed_year: p.installedYear, height_m: p.height ?? null },
    };
  });
}

/**
 * The hotspot register: one feature per hotspot with the register's edits applied. `status` is
 * the displayed one (overdue derived from the deadline at `nowMs` in `timeZone`, the dataset's
 * "today" and zone); `history` lists every event "date state: note" oldest first, joined by " | ".
 */
export function registerFeatures(hotspots: HotspotCollection, nowMs: number, timeZone: string): ExportFeature[] {
  return hotspots.features.map((f) => {
    const p = f.properties;
    const listed = p.history.find((e) => e.state === 'listed');
    const last = p.history[p.history.length - 1];
    const properties: Record<string, ExportValue> = {
      id: p.id,
      name: p.name,
      name_en: p.nameEn,
      kind: p.kind,
      town_id: p.townId,
      state: p.state,
      status: hotspotStatus(p, nowMs, timeZone),
      deadline: p.deadline,
      days_overdue: daysPastDeadline(hotspotStatus(p, nowMs, timeZone) === 'overdue' ? p.deadline : null, nowMs, timeZone),
      first_responsible: p.firstResponsible,
      direct_responsible: p.directResponsible,
      source: p.source,
      measures: p.measures.join('；'),
      listed_on: listed?.date ?? null,
      last_event_on: last?.date ?? null,
      events: p.history.length,
      history: p.history.map((e) => `${e.date} ${e.state}${e.deadline ? ` (deadline ${e.deadline})` : ''}${e.satisfaction !== undefined ? ` (satisfaction ${Math.round(e.satisfaction * 100)}%)` : ''}: ${e.note}`).join(' | '),
    };
    return { type: 'Feature', geometry: copyGeometry(f.geometry), properties };
  });
}

/** Blind spots: each area's cells as one MultiPolygon, with its rank, incidents, size and place. */
export function blindSpotFeatures(areas: readonly BlindSpotLike[], resolution: number): ExportFeature[] {
  return areas.map((a) => ({
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: cellsToMultiPolygon([...a.cells], true) },
    properties: {
      rank: a.rank,
      incidents: a.count,
      cells: a.cells.length,
      h3_resolution: resolution,
      peak_h3: a.peak,
      center_lon: round6(a.centroid[0]),
      center_lat: round6(a.centroid[1]),
      town: a.place.town,
      community: a.place.village,
      grid: a.place.grid,
      road: a.place.road,
      road_distance_m: a.place.roadDistanceM === null ? null : Math.round(a.place.roadDistanceM),
    },
  }));
}

/** The significant Gi* cells (hot or cold) with count, z, p, q and class. */
export function giStarFeatures(gi: GiStarResult): ExportFeature[] {
  const keep = gi.cells.map((_, i) => i).filter((i) => gi.classes[i] !== 'not-significant');
  return cellFeatures(
    keep.map((i) => gi.cells[i]),
    keep.map((i) => gi.counts[i]),
    { z: keep.map((i) => Math.round(gi.z[i] * 1000) / 1000), p: keep.map((i) => gi.p[i]), q: keep.map((i) => gi.q[i]), class: keep.map((i) => gi.classes[i]) },
  );
}

/** The non-empty aggregated cells of the current filter. */
export function countCellFeatures(hex: { cells: readonly string[]; counts: ArrayLike<number> }): ExportFeature[] {
  const keep = hex.cells.map((_, i) => i).filter((i) => hex.counts[i] > 0);
  return cellFeatures(keep.map((i) => hex.cells[i]), keep.map((i) => hex.counts[i]));
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
