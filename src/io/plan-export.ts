// IO (pure): a camera-siting plan written out — GeoJSON (one Point feature per proposed site, in
// rank order), CSV (one row per site; UTF-8 with BOM, formula-looking text defused, as every
// export) and XLSX — in WGS-84, or GCJ-02 for tools on Chinese web maps (AMap, Tencent). The
// planner's buttons and the title bar's export menu both write plans through here. No DOM.
import type { CameraPlan } from '../model/camera-plan';
import { fromWgs84 } from './coordinates';
import type { ExportFeature, ExportTable } from './export/tables';
import { tableToCsv, tableToXlsx, type ExportFormat } from './export/writers';

export type PlanCrs = 'WGS84' | 'GCJ02';

/** Degrees to 7 decimals (≈ 1 cm): enough, and stable text. */
const deg = (x: number) => Math.round(x * 1e7) / 1e7;

function position(lng: number, lat: number, crs: PlanCrs): [number, number] {
  const [x, y] = fromWgs84(lng, lat, crs);
  return [deg(x), deg(y)];
}

/**
 * The gain a site was ranked by: incidents newly covered, those in active listed hotspots counted
 * `hotspotWeight` times. Plans saved before it was recorded have it only where the weight was 1.
 */
function rankedGain(plan: CameraPlan, s: CameraPlan['sites'][number]): number | null {
  if (s.gain !== undefined) return Math.round(s.gain * 1000) / 1000;
  return plan.settings.hotspotWeight === 1 ? s.incidents : null;
}

/**
 * The plan's sites as Point features in rank order, positions in `crs`, with properties rank, id,
 * source, heading, fov, range, cost, gain (the weighted gain the order follows), incidents (plain
 * incidents newly covered), cumulative (incidents covered by the sites up to it), hotspot_weight,
 * town, community, grid and road. With hotspot weight 1, gain equals incidents, as in the CLI.
 */
export function planFeatures(plan: CameraPlan, crs: PlanCrs = 'WGS84'): ExportFeature[] {
  return plan.sites.map((s) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: position(s.lng, s.lat, crs) },
    properties: {
      rank: s.rank,
      id: s.id,
      source: s.source,
      heading: s.heading,
      fov: s.fov,
      range: s.range,
      cost: s.cost,
      gain: rankedGain(plan, s),
      incidents: s.incidents,
      cumulative: s.cumulativeIncidents,
      hotspot_weight: plan.settings.hotspotWeight,
      town: s.place.town,
      community: s.place.village,
      grid: s.place.grid,
      road: s.place.road,
    },
  }));
}

/** The plan as a GeoJSON FeatureCollection; `coordinateSystem` (a foreign member) says which datum the positions are in. */
export function planGeoJson(plan: CameraPlan, crs: PlanCrs = 'WGS84'): string {
  return `${JSON.stringify({ type: 'FeatureCollection', name: plan.name, coordinateSystem: crs, features: planFeatures(plan, crs) })}\n`;
}

/** Columns of the plan's CSV; `incidents` and `hotspot_weight` came later and so come last. */
export const PLAN_CSV_HEADER = ['rank', 'id', 'source', 'lng', 'lat', 'crs', 'heading', 'fov', 'range', 'cost', 'gain', 'cumulative', 'town', 'community', 'grid', 'road', 'incidents', 'hotspot_weight'] as const;

/** The plan as a table, one row per site in rank order, columns {@link PLAN_CSV_HEADER}; gain, incidents and cumulative as in {@link planFeatures}. */
export function planTable(plan: CameraPlan, crs: PlanCrs = 'WGS84'): ExportTable {
  return {
    columns: [...PLAN_CSV_HEADER],
    rows: planFeatures(plan, crs).map(({ geometry, properties: p }) => {
      const [x, y] = geometry.coordinates as [number, number];
      return [p.rank, p.id, p.source, x, y, crs, p.heading, p.fov, p.range, p.cost, p.gain ?? '', p.cumulative, p.town ?? '', p.community ?? '', p.grid ?? '', p.road ?? '', p.incidents, p.hotspot_weight];
    }),
  };
}

/** The plan as CSV (the export CSV: BOM, CRLF, formula-looking text defused). */
export function planCsv(plan: CameraPlan, crs: PlanCrs = 'WGS84'): string {
  return tableToCsv(planTable(plan, crs));
}

/** The plan's file in a format: bytes, MIME type and extension. */
export function exportPlan(plan: CameraPlan, format: ExportFormat, crs: PlanCrs): { bytes: Uint8Array; mime: string; ext: ExportFormat } {
  if (format === 'xlsx') return { bytes: tableToXlsx(planTable(plan, crs), plan.name), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' };
  const text = format === 'csv' ? planCsv(plan, crs) : planGeoJson(plan, crs);
  return { bytes: new TextEncoder().encode(text), mime: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json', ext: format };
}

/** A file name for the plan: its name made safe, the datum and the extension. */
export function planFileName(plan: CameraPlan, crs: PlanCrs, ext: ExportFormat): string {
  return `${plan.name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${crs}.${ext}`;
}
