// IO (pure): a camera-siting plan written out — GeoJSON (one Point feature per proposed site, in
// rank order) and CSV (one row per site) — in WGS-84, or GCJ-02 for tools on Chinese web maps
// (AMap, Tencent). No DOM: the panel turns the text into a download.
import type { CameraPlan } from '../model/camera-plan';
import { fromWgs84 } from './coordinates';
import { csvText } from '../cli/csv-write';

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
 * The plan as a GeoJSON FeatureCollection: Point features in rank order with properties rank, id,
 * source, heading, fov, range, cost, gain (the weighted gain the order follows), incidents (plain
 * incidents newly covered), cumulative (incidents covered by the sites up to it), hotspot_weight,
 * town, community, grid and road. With hotspot weight 1, gain equals incidents, as in the CLI.
 * `coordinateSystem` (a foreign member) says which datum the positions are in.
 */
export function planGeoJson(plan: CameraPlan, crs: PlanCrs = 'WGS84'): string {
  const features = plan.sites.map((s) => ({
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
  return `${JSON.stringify({ type: 'FeatureCollection', name: plan.name, coordinateSystem: crs, features })}\n`;
}

/** Columns of the plan's CSV; `incidents` and `hotspot_weight` came later and so come last. */
export const PLAN_CSV_HEADER = ['rank', 'id', 'source', 'lng', 'lat', 'crs', 'heading', 'fov', 'range', 'cost', 'gain', 'cumulative', 'town', 'community', 'grid', 'road', 'incidents', 'hotspot_weight'] as const;

/** The plan as CSV, one row per site in rank order, header {@link PLAN_CSV_HEADER}; gain, incidents and cumulative as in {@link planGeoJson}. */
export function planCsv(plan: CameraPlan, crs: PlanCrs = 'WGS84'): string {
  return csvText(
    PLAN_CSV_HEADER,
    plan.sites.map((s) => {
      const [x, y] = position(s.lng, s.lat, crs);
      const gain = rankedGain(plan, s);
      return [s.rank, s.id, s.source, x, y, crs, s.heading, s.fov, s.range, s.cost, gain ?? '', s.cumulativeIncidents, s.place.town ?? '', s.place.village ?? '', s.place.grid ?? '', s.place.road ?? '', s.incidents, plan.settings.hotspotWeight];
    }),
  );
}

/** A file name for the plan: its name made safe, the datum and the extension. */
export function planFileName(plan: CameraPlan, crs: PlanCrs, ext: 'geojson' | 'csv'): string {
  return `${plan.name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${crs}.${ext}`;
}
