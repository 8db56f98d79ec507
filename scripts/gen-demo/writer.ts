// Demo generator: turns the in-memory county into files. GeoJSON is written one feature per line
// (readable diffs when the generator changes) with keys in a fixed order and coordinates rounded
// to 6 decimals, so the same seed always gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LngLat } from '../../src/model/geo';
import type { IncidentColumns } from '../../src/model/incident';
import { encodeIncidentBin } from '../../src/io/incident-bin';
import type { Atoms } from './atoms';
import { type XY, toLngLat } from './geometry';
import { OFFENCES } from './offences';
import type { RegionPolygon } from './regions';
import { localDateTime } from './timeline';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json | undefined };

/** A FeatureCollection as text, one feature per line. */
export function collection(features: { geometry: Json; properties: Json }[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', geometry: f.geometry, properties: f.properties }));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** Closes a ring of degrees and drops consecutive duplicates left by rounding. */
function closeRing(ring: LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  out.push(out[0]);
  return out;
}

/** Rings of local points → a Polygon geometry in degrees. */
export function polygonOf(ring: XY[]): Json {
  return { type: 'Polygon', coordinates: [closeRing(ring.map(toLngLat))] };
}

export function lineOf(line: XY[]): Json {
  const pts = line.map(toLngLat);
  const out: LngLat[] = [];
  for (const p of pts) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return { type: 'LineString', coordinates: out };
}

export function pointOf(p: XY): Json {
  return { type: 'Point', coordinates: toLngLat(p) };
}

/**
 * Traced regions → Polygon/MultiPolygon in degrees. Each Voronoi vertex is converted once, so a
 * boundary shared by two regions has bit-identical coordinates on both sides.
 */
export function regionGeometry(atoms: Atoms, poly: RegionPolygon, cache: Map<number, LngLat>): Json {
  const conv = (ring: number[]) =>
    closeRing(
      ring.map((v) => {
        let ll = cache.get(v);
        if (!ll) cache.set(v, (ll = toLngLat([atoms.vx[v], atoms.vy[v]])));
        return ll;
      }),
    );
  const polys = poly.map((p) => [conv(p.outer), ...p.holes.map(conv)]);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

export class Output {
  readonly sizes: Record<string, number> = {};
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  write(name: string, data: string | Uint8Array): void {
    writeFileSync(join(this.dir, name), data);
    this.sizes[name] = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  }
}

/** The incidents as `incidents.bin` (the app's format) or `incidents.csv` (for import tests). */
export function writeIncidents(out: Output, cols: IncidentColumns, format: 'bin' | 'csv'): string {
  if (format === 'bin') {
    out.write('incidents.bin', encodeIncidentBin(cols));
    return 'incidents.bin';
  }
  const rows = ['id,datetime,lat,lon,category,case_class'];
  for (let i = 0; i < cols.lng.length; i++) {
    const o = OFFENCES[cols.category[i]];
    rows.push(`${i + 1},${localDateTime(cols.timeSec[i])},${cols.lat[i].toFixed(6)},${cols.lng[i].toFixed(6)},${o.zh},${o.caseClass}`);
  }
  out.write('incidents.csv', rows.join('\n') + '\n');
  return 'incidents.csv';
}
