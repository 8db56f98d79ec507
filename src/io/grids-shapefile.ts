// IO: grids as a zipped Shapefile (POLYGON .shp/.shx/.dbf/.prj + .cpg), with the attributes the
// editor keeps, for desktop GIS. Geometry, index and .dbf come from @mapbox/shp-write's writer;
// its .dbf writes each character's low byte, so text is handed to it already encoded as UTF-8
// (one character per byte) and the .cpg says UTF-8 — Chinese names survive, and a reader that
// honours the .cpg (QGIS, ArcGIS, shpjs and this app's import) reads them back exactly.
import { write } from '@mapbox/shp-write';
import JSZip from 'jszip';
import { rewind } from '@turf/turf';
import type { AreaGeometry } from '../model';
import type { LayoutGrid } from '../analysis/grids/grid-layout';

/**
 * .dbf field names (at most 10 ASCII characters) and the grid attribute each holds: the names
 * grids-geojson writes (officerPhone, too long for a .dbf, as phone).
 */
const FIELDS = [
  ['code', (g) => g.code],
  ['name', (g) => g.name],
  ['nameEn', (g) => g.nameEn],
  ['level', (g) => g.level],
  ['kind', (g) => g.kind],
  ['townId', (g) => g.townId],
  ['villageId', (g) => g.villageId],
  ['households', (g) => g.households],
  ['population', (g) => g.population],
  ['figures', (g) => g.figures],
  ['officer', (g) => g.officer],
  ['phone', (g) => g.officerPhone],
  ['setting', (g) => g.setting],
] as const satisfies ReadonlyArray<readonly [string, (g: LayoutGrid['properties']) => string | number]>;

/** A .dbf character field holds at most 254 bytes. */
const MAX_BYTES = 254;

/** `text` as UTF-8 bytes, one character per byte, cut at a character boundary within 254 bytes. */
export function utf8ByteString(text: string): string {
  const enc = new TextEncoder();
  let bytes = enc.encode(text);
  if (bytes.length > MAX_BYTES) {
    let cut = MAX_BYTES;
    while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--; // not inside a multi-byte character
    bytes = bytes.slice(0, cut);
  }
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** The grids as a Shapefile zip (WGS-84, outer rings clockwise as the format wants). */
export async function writeGridsShapefile(grids: readonly LayoutGrid[], baseName = 'grids'): Promise<Uint8Array> {
  const rows = grids.map((g) => {
    const row: Record<string, string | number> = {};
    for (const [name, get] of FIELDS) {
      const v = get(g.properties);
      row[name] = typeof v === 'number' ? v : utf8ByteString(v ?? '');
    }
    return row;
  });
  // Shapefile rings: outer clockwise, holes anticlockwise (GeoJSON's are the reverse).
  const geometries = grids.map((g) => (rewind(g.geometry, { reverse: true }) as AreaGeometry).coordinates);
  const files = await new Promise<{ shp: DataView; shx: DataView; dbf: DataView; prj: string }>((resolve, reject) =>
    write(rows, 'POLYGON', geometries, (err, out) => (err ? reject(err) : resolve(out as never))),
  );
  const zip = new JSZip();
  zip.file(`${baseName}.shp`, files.shp.buffer as ArrayBuffer);
  zip.file(`${baseName}.shx`, files.shx.buffer as ArrayBuffer);
  zip.file(`${baseName}.dbf`, files.dbf.buffer as ArrayBuffer);
  zip.file(`${baseName}.prj`, files.prj); // WGS-84 geographic
  zip.file(`${baseName}.cpg`, 'UTF-8');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

