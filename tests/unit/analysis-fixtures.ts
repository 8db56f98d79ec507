// Test helpers: synthetic incidents in a county-sized box around 117.2°E 32.9°N, polygons over
// it, and Intl's reading of local time to check the engine against.
import type { AreaGeometry, Feature, LngLat } from '../../src/model';
import type { IncidentColumns } from '../../src/model/incident';
import { mulberry32 as rng } from '../seeded-random';

export const COUNTY_BOX = { west: 116.9, south: 32.65, east: 117.5, north: 33.15 };
export const T0 = 1_704_038_400; // 2024-01-01T00:00:00+08:00, epoch seconds
export const YEAR_SEC = 366 * 86_400;

/**
 * n incidents in the county box with times over 2024 and categories 0..categories-1.
 * `clustered` draws most of them around a few centres so cells repeat, as real data does.
 */
export function randomIncidents(n: number, seed = 1, opts: { categories?: number; clustered?: boolean } = {}): IncidentColumns {
  const r = rng(seed);
  const b = COUNTY_BOX;
  const categories = opts.categories ?? 12;
  const centres = Array.from({ length: 40 }, () => [b.west + r() * (b.east - b.west), b.south + r() * (b.north - b.south)]);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const timeSec = new Uint32Array(n);
  const category = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    if (opts.clustered && r() < 0.8) {
      const c = centres[Math.floor(r() * centres.length)];
      lng[i] = c[0] + (r() - 0.5) * 0.01;
      lat[i] = c[1] + (r() - 0.5) * 0.01;
    } else {
      lng[i] = b.west + r() * (b.east - b.west);
      lat[i] = b.south + r() * (b.north - b.south);
    }
    timeSec[i] = T0 + Math.floor(r() * YEAR_SEC);
    category[i] = Math.floor(r() * categories);
  }
  return { lng, lat, timeSec, category };
}

/** Local weekday (Monday 0) × 24 + hour of each row, straight from Intl. */
export function intlHourOfWeek(timeSec: Uint32Array, timeZone: string): Uint8Array {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return Uint8Array.from(timeSec, (t) => {
    const parts = f.formatToParts(new Date(t * 1000));
    const wd = days.indexOf(parts.find((p) => p.type === 'weekday')!.value);
    return wd * 24 + Number(parts.find((p) => p.type === 'hour')!.value);
  });
}

/** A 6 × 5 tiling of the west two thirds of the county box; the east third lies in no polygon. */
export function blocks(): Feature<AreaGeometry, null>[] {
  const b = COUNTY_BOX;
  const w = ((b.east - b.west) * 2) / 3 / 6;
  const h = (b.north - b.south) / 5;
  const out: Feature<AreaGeometry, null>[] = [];
  for (let j = 0; j < 5; j++)
    for (let i = 0; i < 6; i++) {
      const x = b.west + i * w, y = b.south + j * h;
      const ring: LngLat[] = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
      out.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: null });
    }
  return out;
}
