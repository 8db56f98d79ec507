// config.json (the intranet basemap) is read strictly: a basemap only from this origin or an
// origin the file names, the format from the extension; and the basemap fixtures made by
// scripts/basemap-fixture are real archives — the pmtiles package reads the .pmtiles (its header,
// metadata and a tile that decodes as a Mapbox Vector Tile with the Protomaps layers). The
// .mbtiles is read in the browser test 17-basemap (sql.js needs its wasm, which the app serves).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { basemapFormatOf, parseAppConfig } from '../../src/io/app-config';

const CONFIG = 'http://one-map.county.internal/app/config.json';

describe('config.json', () => {
  test('a relative .pmtiles path resolves beside the app on its own origin', () => {
    const r = parseAppConfig('{"basemap": "tiles/county.pmtiles"}', CONFIG);
    expect(r.problems).toEqual([]);
    expect(r.config.basemap).toEqual({ from: 'config', format: 'pmtiles', url: 'http://one-map.county.internal/app/tiles/county.pmtiles', name: 'county.pmtiles' });
  });

  test('formats come from the extension or the format field', () => {
    expect(basemapFormatOf('/a/b.MBTILES?x=1')).toBe('mbtiles');
    expect(basemapFormatOf('/styles/basic/style.json')).toBe('style');
    const r = parseAppConfig('{"basemap": {"url": "/tiles/get?id=7", "format": "mbtiles", "name": "县域底图"}}', CONFIG);
    expect(r.config.basemap).toMatchObject({ format: 'mbtiles', name: '县域底图', url: 'http://one-map.county.internal/tiles/get?id=7' });
  });

  test('another origin is refused unless basemapOrigins names it', () => {
    const refused = parseAppConfig('{"basemap": "http://tiles.county.internal/styles/basic.json"}', CONFIG);
    expect(refused.config.basemap).toBeNull();
    expect(refused.problems.join()).toMatch(/tiles\.county\.internal.*basemapOrigins/);
    const allowed = parseAppConfig('{"basemap": "http://tiles.county.internal/styles/basic.json", "basemapOrigins": ["http://tiles.county.internal/"]}', CONFIG);
    expect(allowed.problems).toEqual([]);
    expect(allowed.config).toEqual({ basemap: { from: 'config', format: 'style', url: 'http://tiles.county.internal/styles/basic.json', name: 'basic.json' }, basemapOrigins: ['http://tiles.county.internal'] });
  });

  test('no basemap, bad JSON, bad origins and non-http URLs are said, never thrown', () => {
    expect(parseAppConfig('{"basemap": null, "basemapOrigins": []}', CONFIG)).toEqual({ config: { basemap: null, basemapOrigins: [] }, problems: [] });
    expect(parseAppConfig('{"basemap": ', CONFIG).problems[0]).toMatch(/not valid JSON/);
    expect(parseAppConfig('[1]', CONFIG).problems[0]).toMatch(/JSON object/);
    expect(parseAppConfig('{"basemapOrigins": ["*", "ftp://x"]}', CONFIG).problems).toHaveLength(2);
    expect(parseAppConfig('{"basemap": "javascript:alert(1)"}', CONFIG).problems[0]).toMatch(/http\(s\)/);
    expect(parseAppConfig('{"basemap": {"name": "x"}}', CONFIG).problems[0]).toMatch(/url/);
  });
});

/**
 * The layer names of a Mapbox Vector Tile: field 3 of the tile is a layer, field 1 of a layer its
 * name. Reading past the end throws: a misread length must fail the test, not spin forever (a
 * synchronous loop blocks vitest's own timeout, which is how this test once "hung").
 */
function mvtLayerNames(bytes: Uint8Array): string[] {
  let pos = 0;
  const varint = (): number => {
    let v = 0;
    for (let shift = 1; ; shift *= 128) {
      if (pos >= bytes.length) throw new Error(`varint past the end of the tile (${bytes.length} bytes)`);
      const b = bytes[pos++];
      v += (b & 0x7f) * shift;
      if (b < 0x80) return v;
    }
  };
  const skip = (wire: number) => {
    // The length first: `pos += varint()` would add it to pos as it was before the length was read.
    const n = wire === 0 ? (varint(), 0) : wire === 1 ? 8 : wire === 2 ? varint() : wire === 5 ? 4 : NaN;
    if (Number.isNaN(n)) throw new Error(`unknown wire type ${wire} at byte ${pos}`);
    pos += n;
  };
  const names: string[] = [];
  while (pos < bytes.length) {
    const key = varint();
    if (key !== ((3 << 3) | 2)) {
      skip(key & 7);
      continue;
    }
    const end = varint() + pos;
    while (pos < end) {
      const k = varint();
      if (k === ((1 << 3) | 2)) {
        const len = varint();
        names.push(new TextDecoder().decode(bytes.subarray(pos, pos + len)));
        pos += len;
      } else skip(k & 7);
    }
  }
  return names;
}

describe('basemap fixtures (scripts/basemap-fixture/make-fixture.ts)', () => {
  const FIX = 'tests/fixtures/basemap';

  test('the .pmtiles is a PMTiles v3 vector archive over the demo county in the Protomaps schema', async () => {
    const bytes = readFileSync(`${FIX}/demo-county.pmtiles`);
    const source: Source = { getKey: () => 'fixture', getBytes: async (o, l) => ({ data: bytes.buffer.slice(bytes.byteOffset + o, bytes.byteOffset + o + l) as ArrayBuffer }) };
    const archive = new PMTiles(source);
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect([h.minZoom, h.maxZoom]).toEqual([8, 13]);
    expect(h.minLon).toBeCloseTo(116.98, 1);
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(['earth', 'water', 'roads']);
    // The county seat's tile at z12 holds land, water and roads (the library has un-gzipped it).
    const x = Math.floor(((117.2267 + 180) / 360) * 4096);
    const r = (32.9389 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 4096);
    const tile = await archive.getZxy(12, x, y);
    expect(tile).toBeDefined();
    expect(mvtLayerNames(new Uint8Array(tile!.data))).toEqual(expect.arrayContaining(['earth', 'roads']));
  });
});
