// The export writers: CSV that Excel opens in Chinese, GeoJSON and XLSX, in WGS-84 or GCJ-02.
import { read, utils } from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../src/io/coordinates';
import { isoWithOffset } from '../../src/io/export/iso-time';
import { cellFeatures, featuresToTable, type ExportFeature } from '../../src/io/export/tables';
import { exportFeatures, featuresToGeoJson, tableToCsv, tableToCsvBytes, tableToXlsx } from '../../src/io/export/writers';

const grid: ExportFeature = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[117.2, 32.9], [117.21, 32.9], [117.21, 32.91], [117.2, 32.9]]] },
  properties: { id: 'G1', name: '鼓楼社区第一网格', households: 412 },
};
const camera: ExportFeature = { type: 'Feature', geometry: { type: 'Point', coordinates: [117.2, 32.9] }, properties: { id: 'C1', name: '=HYPERLINK("x")' } };

describe('export writers', () => {
  it('CSV: UTF-8 with a BOM, CRLF, quoting, Chinese intact, formula-looking text defused', () => {
    const bytes = tableToCsvBytes({ columns: ['名称', '数量'], rows: [['城关镇, "东"', 3], ['第二行\n换行', -2], ['=1+1', null]] });
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.slice(1).split('\r\n')[0]).toBe('名称,数量');
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['名称', '数量'], ['城关镇, "东"', '3'], ['第二行\n换行', '-2'], ["'=1+1", '']]);
  });

  it('tables of features: points as lon,lat columns, areas as GeoJSON geometry text; GCJ-02 on request', () => {
    const t = featuresToTable([camera], 'GCJ02');
    expect(t.columns).toEqual(['id', 'name', 'lon', 'lat']);
    const [lon, lat] = t.rows[0].slice(2) as number[];
    const back = toWgs84(lon, lat, 'GCJ02');
    expect(Math.abs(back[0] - 117.2) * 93_000).toBeLessThan(0.5);
    expect(Math.abs(back[1] - 32.9) * 111_000).toBeLessThan(0.5);
    expect(Math.hypot((lon - 117.2) * 93_000, (lat - 32.9) * 111_000)).toBeGreaterThan(300);
    const a = featuresToTable([grid], 'WGS84');
    expect(a.columns).toEqual(['id', 'name', 'households', 'geometry']);
    expect(JSON.parse(a.rows[0][3] as string)).toEqual(grid.geometry);
  });

  it('GeoJSON: WGS-84 unchanged, GCJ-02 converted and labelled', () => {
    expect(JSON.parse(featuresToGeoJson([grid], 'WGS84')).features[0]).toEqual(grid);
    const g = JSON.parse(featuresToGeoJson([grid], 'GCJ02'));
    expect(g.crs_note).toContain('GCJ-02');
    expect(g.features[0].geometry.coordinates[0][0][0]).not.toBe(117.2);
  });

  it('XLSX: one sheet that reads back as the table (numbers as numbers, Chinese intact)', () => {
    const table = { columns: ['h3', '数量', '名称'], rows: [['882a100d25fffff', 12, '鼓楼'], ['882a100d27fffff', 0, '=SUM(A1)']] };
    const wb = read(tableToXlsx(table, '六边形汇总'), { type: 'array' });
    expect(wb.SheetNames).toEqual(['六边形汇总']);
    expect(utils.sheet_to_json(wb.Sheets['六边形汇总'], { header: 1 })).toEqual([table.columns, ...table.rows]);
    expect(wb.Sheets['六边形汇总'].C3.f).toBeUndefined();
  });

  it('aggregated cells: hexagon outlines with h3, count and centre', () => {
    const f = cellFeatures(['882a100d25fffff'], Uint32Array.of(7), { class: ['hot-99'] });
    expect(f[0].properties).toMatchObject({ h3: '882a100d25fffff', count: 7, class: 'hot-99' });
    expect((f[0].geometry.coordinates as number[][][])[0].length).toBe(7);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exportFeatures(f, 'csv', 'WGS84').bytes);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFh3,count,center_lat,center_lon,class,geometry');
  });

  it('ISO 8601 with the zone’s offset', () => {
    expect(isoWithOffset(Date.UTC(2024, 4, 8, 6, 30) / 1000, 'Asia/Shanghai')).toBe('2024-05-08T14:30:00+08:00');
    expect(isoWithOffset(Date.UTC(2024, 0, 8, 6, 30) / 1000, 'America/Chicago')).toBe('2024-01-08T00:30:00-06:00');
    expect(tableToCsv({ columns: ['a'], rows: [] })).toBe('\uFEFFa\r\n');
  });
});
