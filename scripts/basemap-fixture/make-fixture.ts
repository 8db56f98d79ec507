// Makes the basemap test fixtures in tests/fixtures/basemap/ from the demo county's own basemap
// (data/demo): vector tiles in the Protomaps basemap schema (layers earth, water, roads with
// kind highway/major_road/minor_road) cut by geojson-vt and encoded by vt-pbf, written as
// demo-county.pmtiles (scripts/basemap-fixture/pmtiles-writer.ts) and demo-county.mbtiles (an
// SQLite database written by sql.js), plus style.json, a same-origin MapLibre style.
// Run: npx tsx scripts/basemap-fixture/make-fixture.ts   (same input → same bytes)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { loadSqlJs } from '../../src/io/mbtiles';
import { writePmtiles, type TileInput } from './pmtiles-writer';

const OUT = 'tests/fixtures/basemap';
const MIN_Z = 8;
const MAX_Z = 13;
type FC = { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[] };
const read = (f: string) => JSON.parse(readFileSync(`data/demo/${f}`, 'utf8')) as FC;

const ROAD_KIND: Record<string, string> = { expressway: 'highway', trunk: 'major_road', primary: 'major_road', street: 'minor_road', lane: 'minor_road', rural: 'minor_road' };
const admin = read('admin.geojson');
const layers: Record<string, FC> = {
  earth: { type: 'FeatureCollection', features: admin.features.filter((f) => f.properties.level === 'county').map((f) => ({ ...f, properties: { kind: 'earth' } })) },
  water: { type: 'FeatureCollection', features: read('water.geojson').features.map((f) => ({ ...f, properties: { kind: f.properties.kind, name: f.properties.name } })) },
  roads: { type: 'FeatureCollection', features: read('roads.geojson').features.map((f) => ({ ...f, properties: { kind: ROAD_KIND[String(f.properties.class)] ?? 'other', name: f.properties.name ?? '' } })) },
};
const indexes = Object.fromEntries(Object.entries(layers).map(([k, fc]) => [k, new GeoJSONVT(fc as never, { maxZoom: MAX_Z, indexMaxZoom: MAX_Z, tolerance: 3, buffer: 64 })]));

const [west, south, east, north] = (JSON.parse(readFileSync('data/demo/manifest.json', 'utf8')) as { bounds: [number, number, number, number] }).bounds;
const tileX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

const tiles: TileInput[] = [];
for (let z = MIN_Z; z <= MAX_Z; z++) {
  for (let x = tileX(west, z); x <= tileX(east, z); x++) {
    for (let y = tileY(north, z); y <= tileY(south, z); y++) {
      const present: Record<string, unknown> = {};
      for (const [name, index] of Object.entries(indexes)) {
        const t = index.getTile(z, x, y);
        if (t && t.features.length > 0) present[name] = t;
      }
      if (Object.keys(present).length === 0) continue;
      // mtime 0 in gzip's header: the same input gives the same bytes.
      tiles.push({ z, x, y, data: new Uint8Array(gzipSync(fromGeojsonVt(present, { version: 2 }), { level: 9 })) });
    }
  }
}

const vectorLayers = Object.keys(layers).map((id) => ({ id, fields: { kind: 'String', name: 'String' }, minzoom: MIN_Z, maxzoom: MAX_Z }));
const center: [number, number, number] = [(west + east) / 2, (south + north) / 2, 10];
const name = 'Demo County basemap (synthetic, Protomaps schema)';
mkdirSync(OUT, { recursive: true });
writeFileSync(
  `${OUT}/demo-county.pmtiles`,
  writePmtiles(tiles, { tileType: 1, tileCompression: 'gzip', bounds: [west, south, east, north], center, metadata: { name, vector_layers: vectorLayers, attribution: 'synthetic demo data' } }),
);

const SQL = await loadSqlJs();
const db = new SQL.Database();
db.run('CREATE TABLE metadata (name text, value text); CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);');
const meta: Record<string, string> = { name, format: 'pbf', minzoom: String(MIN_Z), maxzoom: String(MAX_Z), bounds: [west, south, east, north].join(','), center: center.join(','), json: JSON.stringify({ vector_layers: vectorLayers }) };
for (const [k, v] of Object.entries(meta)) db.run('INSERT INTO metadata VALUES (?, ?)', [k, v]);
for (const t of tiles) db.run('INSERT INTO tiles VALUES (?, ?, ?, ?)', [t.z, t.x, 2 ** t.z - 1 - t.y, t.data]);
writeFileSync(`${OUT}/demo-county.mbtiles`, db.export());
db.close();

// A style an intranet tile server might offer, reduced to what a test can check: a plain
// background in a colour no other basemap uses.
writeFileSync(`${OUT}/style.json`, `${JSON.stringify({ version: 8, name: 'intranet test style', sources: {}, layers: [{ id: 'intranet-background', type: 'background', paint: { 'background-color': '#b7d7a8' } }] }, null, 2)}\n`);
console.log(`${tiles.length} tiles z${MIN_Z}–${MAX_Z} → ${OUT}/demo-county.pmtiles, demo-county.mbtiles, style.json`);
