// Long offence code lists (Uint16 codes): a CSV with tens of thousands of distinct categories is
// kept and counted exactly per category; incidents.bin stores such codes in two bytes and still
// reads the one-byte files written before; Chicago's IUCR codes (more than 256 in 2017) import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { aggregateH3 } from '../../src/analysis/incidents/aggregate-h3';
import { cellProfile } from '../../src/analysis/incidents/cell-profile';
import { categoryCodeCount, categoryMask } from '../../src/analysis/incidents/incident-filter';
import { buildIncidentIndex } from '../../src/analysis/incidents/incident-index';
import { importIncidentCsv, importIncidentCsvFiles } from '../../src/io/csv-incidents';
import { decodeIncidentBin, encodeIncidentBin, incidentBinSize } from '../../src/io/incident-bin';
import { mulberry32 as rng } from '../seeded-random';

const DISTINCT = 65_536;
const r = rng(7);
// Every one of 65,536 distinct codes once, then 20,000 more rows over a few codes (0, 300,
// 40,000, 65,535) so that per-code counts differ; positions in a ~20 km box.
const names: string[] = [];
const lines = ['lat,lon,time,category'];
const row = (name: string) => lines.push(`${(32.8 + r() * 0.2).toFixed(6)},${(117.1 + r() * 0.2).toFixed(6)},2024-05-08 ${String(Math.floor(r() * 24)).padStart(2, '0')}:00,${name}`);
for (let i = 0; i < DISTINCT; i++) names.push(`K${(i * 7919) % DISTINCT}`);
for (const n of names) row(n);
const hot = [0, 300, 40_000, 65_535];
for (let k = 0; k < 20_000; k++) row(names[hot[k % hot.length]]);
const csv = importIncidentCsv(lines.join('\n'));

describe('long code lists', () => {
  it(`keeps ${DISTINCT.toLocaleString('en')} distinct categories, none rejected`, () => {
    expect(csv.rejected).toEqual([]);
    expect(csv.accepted).toBe(DISTINCT + 20_000);
    expect(csv.categories.length).toBe(DISTINCT);
    expect(csv.columns.category).toBeInstanceOf(Uint16Array);
    expect(categoryCodeCount(csv.columns.category)).toBe(DISTINCT);
    // The code of a text is its first-seen position.
    expect(csv.categories[40_000]).toBe(names[40_000]);
  });

  it('aggregates exactly by category, cell by cell, and profiles a cell per code', () => {
    const index = buildIncidentIndex(csv.columns, { timeZone: 'Asia/Shanghai', exactResolutions: [8] }); // counted as latLngToCell at 8
    const { lat, lng, category } = csv.columns;
    for (const codes of [[65_535], [300, 40_000], [1, 2, 3, 65_534]]) {
      const agg = aggregateH3(index, { categories: categoryMask(codes) }, 8);
      const plain = new Map<string, number>();
      for (let i = 0; i < category.length; i++) {
        if (!codes.includes(category[i])) continue;
        const c = latLngToCell(lat[i], lng[i], 8);
        plain.set(c, (plain.get(c) ?? 0) + 1);
      }
      expect(new Map(agg.cells.map((c, k) => [c, agg.counts[k]]))).toEqual(plain);
      expect(agg.total).toBe(codes.reduce((s, c) => s + (hot.includes(c) ? 5_001 : 1), 0));
    }
    // Every code kept is every incident; a mask with only unseen-in-data codes keeps none.
    expect(aggregateH3(index, { categories: new Uint8Array(DISTINCT).fill(1) }, 8).total).toBe(csv.accepted);
    const busiest = aggregateH3(index, null, 8);
    const cell = busiest.cells[busiest.counts.indexOf(busiest.max)];
    const p = cellProfile(index, null, cell, 8);
    expect(p.byCategory.length).toBe(DISTINCT);
    const plain = new Uint32Array(DISTINCT);
    for (let i = 0; i < category.length; i++) if (latLngToCell(lat[i], lng[i], 8) === cell) plain[category[i]]++;
    expect(p.byCategory).toEqual(plain);
  });

  it('incidents.bin writes codes ≥ 256 in two bytes and still reads one-byte files', () => {
    const wide = encodeIncidentBin(csv.columns);
    expect(wide.byteLength).toBe(incidentBinSize(csv.accepted, 2));
    const back = decodeIncidentBin(wide.buffer as ArrayBuffer, csv.accepted);
    expect(back.category).toEqual(csv.columns.category);
    const short = { lng: Float64Array.of(117.1, 117.2), lat: Float64Array.of(32.9, 33), timeSec: Uint32Array.of(1, 2), category: Uint16Array.of(3, 255) };
    const narrow = encodeIncidentBin(short);
    expect(narrow.byteLength).toBe(13 * 2);
    expect(decodeIncidentBin(narrow.buffer as ArrayBuffer, 2).category).toEqual(Uint16Array.of(3, 255));
    expect(() => decodeIncidentBin(new ArrayBuffer(27), 2)).toThrow(/26 \(one-byte codes\) or 28 \(two-byte codes\)/);
  });
});

// Real Chicago 2017 crimes (../shared/data, not committed), the IUCR column as the category.
const DIR = resolve(__dirname, '../../../shared/data/chicago/crimes-2017');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => /^chicago-crimes-2017-\d\d\.csv$/.test(f)).sort() : [];
const absent = FILES.length !== 12;
if (absent) console.warn(`long-code-lists: Chicago part skipped — the 12 Chicago 2017 files are not in ${DIR}`);

describe.skipIf(absent)('Chicago 2017 by IUCR code', () => {
  it('keeps every row and every IUCR code, counting each code exactly', () => {
    const inputs = FILES.map((f) => ({ name: f, data: readFileSync(resolve(DIR, f)) }));
    const r = importIncidentCsvFiles(inputs, { timeZone: 'America/Chicago', columns: { category: 'iucr' } });
    const plain = new Map<string, number>();
    for (const { data } of inputs) {
      const text = data.toString('utf8').split('\n');
      const iucr = text[0].split(',').indexOf('iucr');
      for (let i = 1; i < text.length; i++) {
        if (!text[i]) continue;
        const p = text[i].split(',');
        const code = p[p.length - 16 + iucr]; // fields counted from the end: descriptions may hold commas
        plain.set(code, (plain.get(code) ?? 0) + 1);
      }
    }
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toBe(264_995);
    expect(r.categories.length).toBe(plain.size);
    expect(r.categories.length).toBeGreaterThan(256);
    const index = buildIncidentIndex(r.columns, { timeZone: 'America/Chicago' });
    for (const name of [r.categories[0], r.categories[300], r.categories[r.categories.length - 1]]) {
      expect(aggregateH3(index, { categories: categoryMask([r.categories.indexOf(name)]) }, 7).total).toBe(plain.get(name));
    }
  });
});
