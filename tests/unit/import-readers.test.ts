// The importer's readers and rules: every format gives the same incidents, every row is
// accounted for with its first line and reason codes, coordinates and dates are normalised.
import iconv from 'iconv-lite';
import { utils, write } from '@e965/xlsx';
import { zip } from '@mapbox/shp-write';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/io/coordinates';
import { applyCategoryMatch, matchCategories } from '../../src/io/import/categories';
import { detectMapping } from '../../src/io/import/mapping';
import { offsetHint } from '../../src/io/import/offset-hint';
import { rejectionText } from '../../src/io/import/reasons';
import { ImportFileError, importFile, type ImportResult } from '../../src/io/import/run-import';
import type { OffenceKind } from '../../src/model/incident';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi, s) / 1000;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function incidents(r: ImportResult) {
  if (r.kind !== 'incidents') throw new Error('not incidents');
  return r;
}

const CHINESE = [
  '编号,纬度,经度,发案时间,案件类别,地址',
  'A1,32.90,117.20,2024-05-08 14:30,入室盗窃,鼓楼街1号',
  'A2,32.91,117.21,2024/5/8 14:30,扒窃,"多行\n地址"',
  'A3,32.915,117.22,2024年5月8日 14时30分,扒窃,中文日期',
  'A4,117.22,32.91,2024-05-08T14:30:00+08:00,扒窃,填反',
  'A5,32.92,117.23,明天,扒窃,时间坏',
  'A6,32.93,117.24,45420.6041666667,无人机扰民,Excel 序列号',
  'A7,95,117.25,2024-05-08 14:30,扒窃,纬度超界',
  '',
  'A8,32.94,117.26,2024-02-30 10:00,扒窃,无此日',
  'A9,32.95,117.27,2024-05-08 14:30,,缺类别',
  'A10,,117.28,2024-05-08 14:30,扒窃,缺纬度',
].join('\n');

describe('import: a Chinese incident CSV with bad rows', async () => {
  const r = incidents(await importFile('警情.csv', utf8(CHINESE), { kind: 'incidents', keepOtherColumns: true }));

  it('accounts for every row: accepted + rejected = total', () => {
    expect(r.total).toBe(10);
    expect(r.accepted).toBe(4);
    expect(r.accepted + r.rejected.length).toBe(r.total);
  });

  it('gives each rejection the record’s first line (a multi-line field moves the rest down) and a reason code', () => {
    expect(r.rejected.map((x) => [x.line, x.codes])).toEqual([
      [6, ['swapped-lat-lon']],
      [7, ['date-not-understood']],
      [9, ['latitude-out-of-range']],
      [11, ['date-invalid']],
      [12, ['missing-category']],
      [13, ['missing-coordinate']],
    ]);
    expect(rejectionText(r.rejected[0], 'zh-CN')).toBe('纬度与经度似乎填反了');
    expect(rejectionText(r.rejected[0], 'en')).toBe('Latitude and longitude look swapped');
  });

  it('reads ISO, slashed, Chinese and Excel-serial dates in Asia/Shanghai, or the zone chosen', async () => {
    expect(Array.from(r.columns.timeSec)).toEqual([bj(2024, 5, 8, 14, 30), bj(2024, 5, 8, 14, 30), bj(2024, 5, 8, 14, 30), bj(2024, 5, 8, 14, 30)]);
    const file = utf8('lat,lon,time,category\n32.9,117.2,2024年5月8日 14时30分,x\n');
    const urumqi = incidents(await importFile('t.csv', file, { kind: 'incidents', timeZone: 'Asia/Urumqi' }));
    expect(urumqi.columns.timeSec[0]).toBe(bj(2024, 5, 8, 14, 30) + 2 * 3600);
  });

  it('keeps the other columns of accepted rows', () => {
    expect(r.otherHeader).toEqual(['编号', '地址']);
    expect(r.otherValues[1]).toEqual(['A2', '多行\n地址']);
  });

  it('keeps unknown categories as "other" and flags them', () => {
    const kinds: OffenceKind[] = [
      { code: 0, id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal' },
      { code: 1, id: 'pickpocketing', zh: '扒窃', en: 'Pickpocketing', caseClass: 'criminal' },
    ];
    const m = matchCategories(r.categories, r.columns.category, kinds);
    expect(m.kinds.map((k) => k.id)).toEqual(['burglary', 'pickpocketing', 'other']);
    expect(m.unknown).toEqual([{ name: '无人机扰民', rows: 1 }]);
    const codes = r.columns.category.slice();
    applyCategoryMatch(codes, m);
    // 入室盗窃, 扒窃, 扒窃 (Chinese date), 无人机扰民 → other.
    expect(Array.from(codes)).toEqual([0, 1, 1, 2]);
  });
});

describe('import: encodings', () => {
  it('reads GBK and GB18030 (detected), and UTF-8 with a BOM, to the same rows', async () => {
    const base = incidents(await importFile('a.csv', utf8(CHINESE), { kind: 'incidents' }));
    for (const [enc, bytes] of [
      ['gbk', iconv.encode(CHINESE, 'gbk')],
      ['gbk', iconv.encode(CHINESE, 'gb18030')],
      ['utf-8-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CHINESE)])],
    ] as const) {
      const r = incidents(await importFile('a.csv', new Uint8Array(bytes), { kind: 'incidents' }));
      expect(r.accepted, enc).toBe(base.accepted);
      expect(r.rejected, enc).toEqual(base.rejected);
      expect(r.categories).toEqual(base.categories);
    }
  });
});

describe('import: coordinate systems are converted once, at import', () => {
  it('BD-09 and GCJ-02 points come back to their WGS-84 positions within a metre', async () => {
    const truth: [number, number][] = [[117.2, 32.9], [117.3, 33.0], [117.05, 32.75]];
    for (const crs of ['BD09', 'GCJ02'] as const) {
      const lines = truth.map(([x, y], i) => {
        const [bx, by] = fromWgs84(x, y, crs);
        return `${by},${bx},2024-05-0${i + 1} 08:00,扒窃`;
      });
      const r = incidents(await importFile('b.csv', utf8(['纬度,经度,时间,类别', ...lines].join('\r\n')), { kind: 'incidents', crs }));
      expect(r.accepted).toBe(3);
      truth.forEach(([x, y], i) => {
        expect(Math.abs(r.columns.lng[i] - x) * 93_000).toBeLessThan(1);
        expect(Math.abs(r.columns.lat[i] - y) * 111_000).toBeLessThan(1);
      });
    }
  });

  it('hints BD-09 or GCJ-02 when converting puts the points inside the dataset', () => {
    const bounds: [number, number, number, number] = [117.0, 32.7, 117.4, 33.1];
    // Points along the dataset's north-east edge, as a shifted file would hold them.
    const wgs: [number, number][] = Array.from({ length: 50 }, (_, i) => [117.39 + (i % 5) * 0.002, 33.09 + Math.floor(i / 5) * 0.0009]);
    const bd = wgs.map(([x, y]) => fromWgs84(x, y, 'BD09'));
    const gcj = wgs.map(([x, y]) => fromWgs84(x, y, 'GCJ02'));
    const hb = offsetHint(bd, bounds);
    expect(hb.suggest).toBe('BD09');
    expect(hb.shiftM).toBeGreaterThan(300);
    expect(hb.shiftM).toBeLessThan(1500);
    expect(offsetHint(gcj, bounds).suggest).toBe('GCJ02');
    expect(offsetHint(wgs, bounds).suggest).toBe(null);
  });
});

describe('import: Excel, GeoJSON and Shapefile', () => {
  it('reads the first sheet of an XLSX with sheet row numbers as lines and Excel dates', async () => {
    const ws = utils.aoa_to_sheet([
      ['纬度', '经度', '报警时间', '警情类别'],
      [32.9, 117.2, 45420.6041666667, '扒窃'],
      [],
      [null, 117.2, '2024/5/8 14:30', '扒窃'],
      [32.9, 117.2, '2024年5月8日 14时30分', '入室盗窃'],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, '警情');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = incidents(await importFile('警情.xlsx', bytes, { kind: 'incidents' }));
    expect([r.total, r.accepted]).toEqual([3, 2]);
    expect(r.rejected.map((x) => [x.line, x.codes[0]])).toEqual([[4, 'missing-coordinate']]);
    expect(Array.from(r.columns.timeSec)).toEqual([bj(2024, 5, 8, 14, 30), bj(2024, 5, 8, 14, 30)]);
  });

  const grids = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 网格编码: 'G1', 网格名称: '一号网格' }, geometry: { type: 'Polygon', coordinates: [[[117.2, 32.9], [117.21, 32.9], [117.21, 32.91], [117.2, 32.9]]] } },
      { type: 'Feature', properties: { 网格编码: 'G2', 网格名称: '<img src=x onerror=alert(1)>' }, geometry: { type: 'Point', coordinates: [117.2, 32.9] } },
      { type: 'Feature', properties: { 网格编码: 'G3', 网格名称: '三号' }, geometry: null },
    ],
  };

  it('reads GeoJSON polygons with their properties; a point or no geometry is rejected', async () => {
    const r = await importFile('grids.geojson', utf8(JSON.stringify(grids)), { kind: 'grids' });
    if (r.kind !== 'grids') throw new Error('kind');
    expect([r.total, r.accepted]).toEqual([3, 1]);
    expect(r.areas[0]).toMatchObject({ id: 'G1', name: '一号网格' });
    expect(r.rejected.map((x) => [x.line, x.codes[0]])).toEqual([[2, 'not-a-polygon'], [3, 'missing-geometry']]);
  });

  it('reads a zipped Shapefile: polygons, .dbf attributes in the encoding its .cpg names (GBK)', async () => {
    const fc = { type: 'FeatureCollection', features: [{ ...grids.features[0], properties: { code: 'G1' } }] };
    const made = await JSZip.loadAsync((await zip(fc as GeoJSON.FeatureCollection, { outputType: 'uint8array', compression: 'STORE' })) as Uint8Array);
    // shp-write writes ASCII only: replace its .dbf with a GBK one, as Chinese GIS software writes.
    const z = new JSZip();
    for (const name of Object.keys(made.files)) if (!name.endsWith('.dbf')) z.file(name, await made.file(name)!.async('uint8array'));
    z.file('POLYGON.dbf', dbf([['CODE', 'G1'], ['NAME', '一号网格']], 'gbk'));
    z.file('POLYGON.cpg', 'GBK');
    const r = await importFile('grids.zip', await z.generateAsync({ type: 'uint8array' }), { kind: 'grids' });
    if (r.kind !== 'grids') throw new Error('kind');
    expect([r.total, r.accepted]).toEqual([1, 1]);
    expect(r.areas[0]).toMatchObject({ id: 'G1', name: '一号网格' });
    expect(r.areas[0].geometry.type).toBe('Polygon');
  });

  it('reads camera points from GeoJSON with kind and status words', async () => {
    const cams = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 设备编号: 'C1', 设备名称: '东门', 设备类型: '球机', 状态: '离线' }, geometry: { type: 'Point', coordinates: [117.2, 32.9] } },
        { type: 'Feature', properties: { 设备编号: 'C2', 设备名称: '西门', 设备类型: '枪机', 状态: '坏了' }, geometry: { type: 'Point', coordinates: [117.2, 32.9] } },
      ],
    };
    const r = await importFile('cams.geojson', utf8(JSON.stringify(cams)), { kind: 'cameras' });
    if (r.kind !== 'cameras') throw new Error('kind');
    expect([r.total, r.accepted]).toEqual([2, 1]);
    expect(r.cameras.features[0].properties).toMatchObject({ id: 'C1', name: '东门', kind: 'street-dome', status: 'offline', fov: 360 });
    expect(r.rejected).toMatchObject([{ line: 2, codes: ['bad-value'] }]);
  });
});

describe('import: mapping and whole-file errors', () => {
  it('detects columns from English and Chinese headers, camera 类型 as the device kind', () => {
    expect(detectMapping(['Latitude', 'Longitude', 'Date', 'Primary Type'], 'incidents')).toEqual({ lat: 0, lon: 1, time: 2, category: 3 });
    expect(detectMapping(['设备编号', '类型', 'Y', 'X'], 'cameras')).toEqual({ id: 0, kind: 1, lat: 2, lon: 3 });
  });

  it('throws an ImportFileError for a file without the needed columns, or an unknown column name', async () => {
    await expect(importFile('a.csv', utf8('a,b\n1,2\n'), { kind: 'incidents' })).rejects.toThrow(ImportFileError);
    await expect(importFile('a.csv', utf8(CHINESE), { kind: 'incidents', columnNames: { lat: 'nope' } })).rejects.toThrow(/nope/);
  });
});

/** A one-record dBase III file of character fields, the text in `encoding`. */
function dbf(fields: [string, string][], encoding: string): Uint8Array {
  const values = fields.map(([, v]) => iconv.encode(v, encoding));
  const lens = values.map((v) => Math.max(1, v.length));
  const headerSize = 32 + 32 * fields.length + 1;
  const recordSize = 1 + lens.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerSize + recordSize + 1);
  const dv = new DataView(out.buffer);
  out.set([0x03, 124, 1, 1]);
  dv.setUint32(4, 1, true);
  dv.setUint16(8, headerSize, true);
  dv.setUint16(10, recordSize, true);
  fields.forEach(([name], i) => {
    const at = 32 + 32 * i;
    out.set(new TextEncoder().encode(name), at);
    out[at + 11] = 0x43; // 'C'
    out[at + 16] = lens[i];
  });
  out[headerSize - 1] = 0x0d;
  let at = headerSize;
  out[at++] = 0x20;
  values.forEach((v, i) => {
    out.fill(0x20, at, at + lens[i]);
    out.set(v, at);
    at += lens[i];
  });
  out[at] = 0x1a;
  return out;
}
