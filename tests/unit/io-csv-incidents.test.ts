import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/io/coordinates';
import { parseNumber } from '../../src/io/csv-incident-rows';
import { CsvImportError, importIncidentCsv, importIncidentCsvFiles, type CsvIncidentImport, type CsvIncidentOptions } from '../../src/io/csv-incidents';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/csv');
const fixture = (name: string): Uint8Array => readFileSync(resolve(FIXTURES, name));
const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi, s) / 1000;

/** Rows in plain form, for comparing whole imports. */
function rows(r: CsvIncidentImport): [number, number, number, string][] {
  const c = r.columns;
  return Array.from(c.lng, (_, i) => [c.lng[i], c.lat[i], c.timeSec[i], r.categories[c.category[i]]]);
}

function metres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

describe('importIncidentCsv: English headers, UTF-8, bad rows', () => {
  const r = importIncidentCsv(fixture('incidents-en.csv'));

  it('detects the columns and the encoding', () => {
    expect(r.detected).toEqual({ lat: 'lat', lon: 'lon', time: 'datetime', category: 'primary_type', encoding: 'utf-8', delimiter: ',' });
  });

  it('accounts for every data row: accepted + rejected = total', () => {
    expect(r.total).toBe(15);
    expect(r.accepted).toBe(7);
    expect(r.accepted + r.rejected.length).toBe(r.total);
    expect(r.columns.lng.length).toBe(7);
  });

  it('rejects each bad row with its line and a clear reason', () => {
    expect(r.rejected).toEqual([
      { line: 7, reason: 'empty category' },
      { line: 8, reason: 'missing latitude' },
      { line: 9, reason: 'unparseable date "not a date"' },
      { line: 12, reason: 'latitude 134.75 outside −90…90' },
      { line: 14, reason: 'coordinate 0,0 (a placeholder, not a position)' },
      { line: 15, reason: 'row has 7 fields, the header 6' },
      { line: 16, reason: 'invalid date "2024-02-30 12:00" (no such day or time)' },
      { line: 17, reason: 'unparseable longitude "abc"' },
    ]);
  });

  it('reads every date format, a quoted comma and a quoted line break', () => {
    expect(rows(r)).toEqual([
      [113.6253, 34.7466, bj(2024, 5, 8, 14, 30), 'THEFT'],
      [113.6301, 34.752, bj(2024, 5, 8, 9, 15), 'BURGLARY'],
      [113.64, 34.748, bj(2024, 5, 9), 'THEFT'],
      [113.65, 34.761, bj(2024, 5, 10, 14, 30), 'FRAUD'],
      [113.62, 34.74, bj(2024, 5, 8, 14, 30), 'THEFT'],
      [113.635, 34.755, bj(2024, 5, 12, 10), 'ROBBERY'],
      [113.6253, 34.7466, bj(2024, 5, 14, 12), 'THEFT'],
    ]);
    expect(r.categories).toEqual(['THEFT', 'BURGLARY', 'FRAUD', 'ROBBERY']);
  });

  it('gives the same result split directly and through papaparse alone', () => {
    const d = importIncidentCsv(fixture('incidents-en.csv'), { engine: 'direct' });
    const p = importIncidentCsv(fixture('incidents-en.csv'), { engine: 'papaparse' });
    for (const x of [d, p]) {
      expect(rows(x)).toEqual(rows(r));
      expect(x.rejected).toEqual(r.rejected);
      expect(x.total).toBe(r.total);
    }
  });

  it('reads a time zone for times without an offset', () => {
    const c = importIncidentCsv(fixture('incidents-en.csv'), { timeZone: 'UTC' });
    expect(c.columns.timeSec[0]).toBe(Date.UTC(2024, 4, 8, 14, 30) / 1000);
    expect(c.columns.timeSec[6]).toBe(bj(2024, 5, 14, 12)); // it carries +08:00
  });
});

describe('importIncidentCsv: Chinese headers, BOM, GBK', () => {
  const utf8 = importIncidentCsv(fixture('incidents-zh-bom.csv'));

  it('reads UTF-8 with a BOM and CRLF line ends', () => {
    expect(utf8.detected).toEqual({ lat: '纬度', lon: '经度', time: '发案时间', category: '案件类别', encoding: 'utf-8-bom', delimiter: ',' });
    expect(utf8.total).toBe(7);
    expect(utf8.rejected).toEqual([{ line: 7, reason: 'invalid date "2024年13月1日" (no such day or time)' }]);
    expect(utf8.categories).toEqual(['盗窃', '诈骗', '抢劫']);
    expect(Array.from(utf8.columns.timeSec)).toEqual([
      bj(2024, 5, 8, 14, 30),
      bj(2024, 5, 8, 14, 30, 15),
      bj(2024, 5, 8),
      bj(2024, 5, 8, 14, 30),
      bj(2024, 5, 8, 14, 30),
      bj(2024, 5, 8, 14),
    ]);
    expect(utf8.columns.lng[0]).toBe(113.6253);
    expect(utf8.columns.lat[0]).toBe(34.7466);
  });

  it('detects GBK bytes and reads them the same', () => {
    const text = new TextDecoder().decode(fixture('incidents-zh-bom.csv')).replace(/^\uFEFF/, '');
    const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const r = importIncidentCsv(gbk);
    expect(r.detected.encoding).toBe('gbk');
    expect(r.detected.category).toBe('案件类别');
    expect(rows(r)).toEqual(rows(utf8));
    expect(r.rejected).toEqual(utf8.rejected);
  });

  it('uses an explicit encoding without detection', () => {
    const text = '经度,纬度,时间,案由\n113.6,34.7,2024-05-08 14:30,盗窃\n';
    const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
    const r = importIncidentCsv(gbk, { encoding: 'gbk' });
    expect(r.detected.encoding).toBe('gbk');
    expect(r.categories).toEqual(['盗窃']);
    // Read as UTF-8 on purpose, the Chinese headers are mojibake and detection fails clearly.
    expect(() => importIncidentCsv(gbk, { encoding: 'utf-8' })).toThrow(CsvImportError);
  });

  it('accepts text as well as bytes', () => {
    const r = importIncidentCsv('\uFEFF纬度,经度,报警时间,警情类别\n34.7,113.6,2024/5/8 8:00,诈骗\n');
    expect(r.detected.encoding).toBe('text');
    expect(rows(r)).toEqual([[113.6, 34.7, bj(2024, 5, 8, 8), '诈骗']]);
  });
});

describe('importIncidentCsv: columns', () => {
  it.each([
    ['LAT,LON,DATETIME,CATEGORY', { lat: 'LAT', lon: 'LON', time: 'DATETIME', category: 'CATEGORY' }],
    ['Latitude,Longitude,Date,Primary Type', { lat: 'Latitude', lon: 'Longitude', time: 'Date', category: 'Primary Type' }],
    ['y,x,time,type', { lat: 'y', lon: 'x', time: 'time', category: 'type' }],
    ['lng,lat,案发时间,案由', { lat: 'lat', lon: 'lng', time: '案发时间', category: '案由' }],
    ['纬度（WGS84）,经度（WGS84）,报警时间,警情类别', { lat: '纬度（WGS84）', lon: '经度（WGS84）', time: '报警时间', category: '警情类别' }],
  ])('detects %s', (header, want) => {
    const r = importIncidentCsv(`${header}\n`);
    const { encoding: _e, delimiter: _d, ...names } = r.detected;
    expect(names).toEqual(want);
    expect(r.total).toBe(0);
  });

  it('takes column names given, exactly or ignoring case', () => {
    const csv = 'a,b,c,d\n34.7,113.6,2024-05-08 10:00,盗窃\n';
    const r = importIncidentCsv(csv, { columns: { lat: 'a', lon: 'B', time: 'c', category: 'd' } });
    expect(rows(r)).toEqual([[113.6, 34.7, bj(2024, 5, 8, 10), '盗窃']]);
  });

  it('refuses a file whose columns cannot be found, naming the header and the flag', () => {
    expect(() => importIncidentCsv('a,b,c,d\n1,2,3,4\n')).toThrow(/no latitude column found \(name it with --lat\); the header is: "a", "b", "c", "d"/);
    expect(() => importIncidentCsv('lat,lon,time,type\n', { columns: { category: 'kind' } })).toThrow(/category column "kind" \(--category-column\) is not in the header/);
    expect(() => importIncidentCsv('')).toThrow(/empty/);
    expect(() => importIncidentCsv('x', { timeZone: 'Nowhere/City' })).toThrow(/unknown time zone/);
  });

  it('reads tab-, semicolon- and bar-separated files', () => {
    for (const d of ['\t', ';', '|']) {
      const csv = ['lat', 'lon', 'time', 'category'].join(d) + '\n' + ['34.7', '113.6', '2024-05-08 10:00', 'X'].join(d) + '\n';
      const r = importIncidentCsv(csv);
      expect(r.detected.delimiter).toBe(d);
      expect(r.accepted).toBe(1);
    }
  });
});

describe('importIncidentCsv: more rules', () => {
  it('keeps 65,536 categories (Uint16 codes) and rejects the rows of the others, saying why', () => {
    const lines = ['lat,lon,time,category'];
    for (let i = 0; i < 70_000; i++) lines.push(`34.7,113.6,2024-05-08 10:00,C${i}`);
    lines.push('34.7,113.6,2024-05-08 10:00,C0');
    const r = importIncidentCsv(lines.join('\n'));
    expect(r.categories.length).toBe(65_536);
    expect(r.accepted).toBe(65_537);
    expect(r.rejected.length).toBe(70_000 - 65_536);
    expect(r.rejected[0]).toEqual({ line: 65_538, reason: 'more than 65536 categories: "C65536" would be number 65537 or later' });
  });

  it('trims category text and shares one dictionary across files', () => {
    const a = 'lat,lon,time,category\n34.7,113.6,2024-05-08 10:00, 盗窃 \n34.7,113.6,2024-05-08 10:00,诈骗\n';
    const b = 'category,time,lon,lat\n诈骗,2024-05-09 10:00,113.6,34.7\n抢劫,2024-05-09 10:00,113.6,34.7\n,2024-05-09 10:00,113.6,34.7\n';
    const r = importIncidentCsvFiles([{ name: 'a.csv', data: a }, { name: 'b.csv', data: b }]);
    expect(r.categories).toEqual(['盗窃', '诈骗', '抢劫']);
    expect(Array.from(r.columns.category)).toEqual([0, 1, 1, 2]);
    expect(r.rejected).toEqual([{ file: 'b.csv', line: 4, reason: 'empty category' }]);
    expect(r.files.map((f) => [f.name, f.total, f.accepted])).toEqual([
      ['a.csv', 2, 2],
      ['b.csv', 3, 2],
    ]);
  });

  it('lists every problem of a row and hints at swapped columns', () => {
    const r = importIncidentCsv('lat,lon,time,category\n113.6,34.7,,\n');
    expect(r.rejected).toEqual([{ line: 2, reason: 'latitude 113.6 outside −90…90 (are latitude and longitude swapped?); missing date; empty category' }]);
  });

  it('reports an unterminated quote where it starts, and a short row', () => {
    const r = importIncidentCsv('lat,lon,time,category\n34.7,113.6,2024-05-08 10:00,A\n34.7,113.6\n34.7,113.6,2024-05-08 10:00,"B\n34.7,113.6,2024-05-08 10:00,C\n');
    expect(r.accepted).toBe(1);
    expect(r.rejected).toEqual([
      { line: 3, reason: 'row has 2 fields, the header 4' },
      { line: 4, reason: 'malformed quotes: quoted field unterminated (the record runs over lines 4–5)' },
    ]);
  });

  it('skips blank lines without counting them as rows', () => {
    const r = importIncidentCsv('lat,lon,time,category\r\n\r\n34.7,113.6,2024-05-08 10:00,A\r\n\r\n\r\n34.8,113.6,2024-05-08 10:00,A\r\n');
    expect(r.total).toBe(2);
    expect(r.accepted).toBe(2);
    const bad = importIncidentCsv('lat,lon,time,category\r\n\r\n34.7,113.6,2024-05-08 10:00,\r\n');
    expect(bad.rejected).toEqual([{ line: 3, reason: 'empty category' }]);
  });
});

describe('importIncidentCsv: coordinate systems', () => {
  // Points across a Chinese county, in WGS-84.
  const truth: [number, number][] = [];
  for (let i = 0; i < 50; i++) truth.push([113.5 + (i % 10) * 0.02, 34.6 + Math.floor(i / 10) * 0.03]);

  for (const crs of ['GCJ02', 'BD09'] as const) {
    it(`converts ${crs} to WGS-84 within a metre (round trip through gcoord)`, () => {
      const lines = ['lng,lat,time,category'];
      for (const [x, y] of truth) {
        const [gx, gy] = fromWgs84(x, y, crs);
        lines.push(`${gx.toFixed(9)},${gy.toFixed(9)},2024-05-08 10:00,A`);
      }
      const r = importIncidentCsv(lines.join('\n'), { crs });
      expect(r.accepted).toBe(truth.length);
      let worst = 0;
      truth.forEach(([x, y], i) => (worst = Math.max(worst, metres(x, y, r.columns.lng[i], r.columns.lat[i]))));
      expect(worst).toBeLessThan(1);
      // Unconverted, the offset is hundreds of metres: the conversion did happen.
      const raw = importIncidentCsv(lines.join('\n'));
      expect(metres(truth[0][0], truth[0][1], raw.columns.lng[0], raw.columns.lat[0])).toBeGreaterThan(100);
    });
  }

  it('takes CGCS2000 as WGS-84', () => {
    const csv = 'lng,lat,time,category\n113.6,34.7,2024-05-08 10:00,A\n';
    expect(rows(importIncidentCsv(csv, { crs: 'CGCS2000' }))).toEqual(rows(importIncidentCsv(csv)));
  });
});

describe('the direct split agrees with papaparse', () => {
  it('on random files with quotes, line breaks, blanks and bad values', () => {
    const cell = fc.oneof(
      fc.constantFrom('34.7', '113.6', '2024-05-08 10:00', '2024年5月8日', 'A', '盗窃', '', ' ', 'x', '0'),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '1', '.', '盗') , maxLength: 8 }),
    );
    const row = fc.array(cell, { minLength: 3, maxLength: 5 });
    const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    fc.assert(
      fc.property(fc.array(fc.oneof(row, fc.constant([] as string[])), { maxLength: 25 }), fc.boolean(), (body, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const text = ['lat,lon,time,category', ...body.map((r) => r.map(quote).join(','))].join(nl) + nl;
        const opts: CsvIncidentOptions = { delimiter: ',' };
        const a = importIncidentCsv(text, { ...opts, engine: 'direct' });
        const b = importIncidentCsv(text, { ...opts, engine: 'papaparse' });
        expect(rows(a)).toEqual(rows(b));
        expect(a.rejected).toEqual(b.rejected);
        expect(a.accepted + a.rejected.length).toBe(a.total);
      }),
      { numRuns: 300 },
    );
  });
});

describe('files that quote every field', () => {
  it('read the same as unquoted ones', () => {
    const plain = ['lat,lon,time,category'];
    for (let i = 0; i < 200; i++) plain.push(`34.${i},113.${i},2024-05-08 10:${String(i % 60).padStart(2, '0')},C${i % 7}`);
    plain.push('34.1,113.1,bad,C1');
    const quoted = plain.map((l) => l.split(',').map((f) => `"${f}"`).join(','));
    const a = importIncidentCsv(plain.join('\n'));
    const b = importIncidentCsv(quoted.join('\r\n'));
    expect(rows(b)).toEqual(rows(a));
    expect(b.rejected).toEqual([{ line: 202, reason: 'unparseable date "bad"' }]);
    expect(a.rejected).toEqual(b.rejected);
  });
});

describe('parseNumber', () => {
  it('equals Number() bit for bit on decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.integer({ min: 0, max: 12 }), (v, digits) => {
        const s = v.toFixed(digits);
        expect(Object.is(parseNumber(s, 0, s.length), Number(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const s of ['1e3', ' 41.5 ', '+7', '-0', '.5', '5.']) expect(parseNumber(s, 0, s.length)).toBe(Number(s));
    for (const s of ['', ' ', 'abc', '1,5', 'Infinity', '1.2.3']) expect(parseNumber(s, 0, s.length)).toBeNaN();
  });
});

describe('the importer modules', () => {
  const files = ['csv-incidents.ts', 'csv-incident-rows.ts', 'csv-scan.ts', 'parse-datetime.ts', 'detect-columns.ts', 'text-decode.ts', 'coordinates.ts'];
  it.each(files)('%s does not use Node or DOM APIs', (f) => {
    const src = readFileSync(resolve(import.meta.dirname, '../../src/io', f), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(['papaparse', 'gcoord'].includes(i) || i.startsWith('.'), `${f} imports ${i}`).toBe(true);
    expect(src).not.toMatch(/\b(document|window|process|Buffer|require)\b[.(]/);
  });
});
