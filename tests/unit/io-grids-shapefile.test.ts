// Grids exported as a Shapefile zip and read back — by shpjs and by the app's own importer — with
// their Chinese attributes intact (UTF-8 .dbf named by the .cpg), figures as numbers, and shapes
// (holes and multi-part grids included) unchanged.
import JSZip from 'jszip';
import shp from 'shpjs';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/model';
import { layoutOfDataset, type LayoutGrid } from '../../src/analysis/grids/grid-layout';
import { utf8ByteString, writeGridsShapefile } from '../../src/io/grids-shapefile';
import { importFile } from '../../src/io/import/run-import';
import { geojson } from './demo-helpers';

type Fc = { type: 'FeatureCollection'; features: Array<{ geometry: AreaGeometry; properties: Record<string, unknown> }> };
const demo = layoutOfDataset(geojson('grids.geojson') as never);
const square = (x: number, y: number, d: number): [number, number][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const extra = (code: string, geometry: AreaGeometry, name: string): LayoutGrid => ({
  ...demo[0],
  geometry,
  properties: { ...demo[0].properties, id: code, code, name, officer: '欧阳·娜仁托雅', officerPhone: '139****0099', figures: 'prorated', level: 'micro' },
});
// A grid with a courtyard (a hole), a grid of two parts, and a name longer than a .dbf field.
const holed = extra('349901-001-001-91', { type: 'Polygon', coordinates: [square(117.1, 32.9, 0.01), square(117.103, 32.903, 0.002).reverse()] }, '天井网格');
const twoParts = extra('349901-001-001-92', { type: 'MultiPolygon', coordinates: [[square(117.2, 32.9, 0.004)], [square(117.21, 32.9, 0.004)]] }, '两块网格');
const longName = extra('349901-001-001-93', { type: 'Polygon', coordinates: [square(117.3, 32.9, 0.003)] }, '很长的名字'.repeat(30));
const layout = [...demo.slice(0, 40), holed, twoParts, longName];

/** Corners of a geometry as a set of "x,y" (ring order and orientation aside). */
const corners = (g: AreaGeometry) => new Set((g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((p) => `${(p as number[])[0].toFixed(6)},${(p as number[])[1].toFixed(6)}`));

describe('grids as a Shapefile zip', () => {
  it('holds .shp .shx .dbf .prj and a .cpg saying UTF-8', async () => {
    const z = await JSZip.loadAsync(await writeGridsShapefile(layout, 'grids'));
    expect(Object.keys(z.files).sort()).toEqual(['grids.cpg', 'grids.dbf', 'grids.prj', 'grids.shp', 'grids.shx']);
    expect(await z.file('grids.cpg')!.async('string')).toBe('UTF-8');
    expect(await z.file('grids.prj')!.async('string')).toMatch(/WGS_1984/);
  });

  it('reads back with shpjs: every grid, Chinese attributes, numbers and shapes as written', async () => {
    const fc = (await shp(await writeGridsShapefile(layout))) as Fc;
    expect(fc.features.length).toBe(layout.length);
    fc.features.forEach((f, i) => {
      const g = layout[i].properties;
      expect(f.properties).toMatchObject({ code: g.code, nameEn: g.nameEn, level: g.level, kind: g.kind, townId: g.townId, villageId: g.villageId, households: g.households, population: g.population, figures: g.figures, officer: g.officer, phone: g.officerPhone, setting: g.setting });
      if (g.code !== longName.properties.code) expect(f.properties.name).toBe(g.name);
      expect(corners(f.geometry)).toEqual(corners(layout[i].geometry));
    });
    expect(fc.features[0].properties.name).toBe('东关社区第1网格');
    // The courtyard stays a hole of its grid; the two parts stay one grid.
    const h = fc.features[layout.indexOf(holed)].geometry;
    expect(h.type).toBe('Polygon');
    expect(h.type === 'Polygon' && h.coordinates.length).toBe(2);
    const m = fc.features[layout.indexOf(twoParts)].geometry;
    expect(m.type === 'MultiPolygon' && m.coordinates.length).toBe(2);
    // A name longer than a field (254 bytes) is cut at a character, never inside one.
    const cut = fc.features[layout.indexOf(longName)].properties.name as string;
    expect(longName.properties.name.startsWith(cut)).toBe(true);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(254);
    expect(cut.length).toBeGreaterThan(80);
  });

  it('reads back with the app’s own import as grids with their names and figures', async () => {
    const r = await importFile('grids.zip', await writeGridsShapefile(layout), { kind: 'grids' });
    if (r.kind !== 'grids') throw new Error(`kind ${r.kind}`);
    expect([r.total, r.accepted, r.rejected.length]).toEqual([layout.length, layout.length, 0]);
    expect(r.areas[0]).toMatchObject({ id: layout[0].properties.code, name: layout[0].properties.name });
  });

  it('encodes text as UTF-8 bytes, one character per byte', () => {
    expect(utf8ByteString('网格A')).toBe(String.fromCharCode(...new TextEncoder().encode('网格A')));
    expect(utf8ByteString('')).toBe('');
  });
});
