import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { h3ChildHi, h3ChildLo, h3Digit, h3ParentHi, h3ParentLo, h3ResolutionOf, h3ToString, parseH3Into } from '../../src/analysis/h3/h3-bits';
import { buildIncidentIndex, indexMemory, levelCellIds, type IncidentIndex } from '../../src/analysis/incidents/incident-index';
import { SplitLongDict } from '../../src/analysis/h3/split-long-dict';
import { randomIncidents } from './analysis-fixtures';

describe('h3 bit arithmetic', () => {
  it('parses and prints cells, and computes parents exactly as cellToParent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 1, max: 15 }),
        (lat, lng, res) => {
          const cell = latLngToCell(lat, lng, res);
          const split = new Uint32Array(2);
          parseH3Into(cell, split);
          expect(h3ToString(split[0], split[1])).toBe(cell);
          expect(h3ResolutionOf(split[0])).toBe(res);
          for (let p = 0; p <= res; p++) {
            expect(h3ToString(h3ParentHi(split[0], p), h3ParentLo(split[1], p))).toBe(cellToParent(cell, p));
          }
          // A cell is its parent plus one digit: rebuild it from the parent and the digit.
          const parent = new Uint32Array(2);
          parseH3Into(cellToParent(cell, res - 1), parent);
          const d = h3Digit(split[0], split[1], res);
          expect(d).toBeLessThan(7);
          expect(h3ToString(h3ChildHi(parent[0], res, d), h3ChildLo(parent[1], res, d))).toBe(cell);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SplitLongDict', () => {
  it('gives distinct pairs dense ordinals in first-seen order, across regrowth', () => {
    const d = new SplitLongDict(4);
    const seen = new Map<string, number>();
    const r = () => Math.floor(Math.random() * 64);
    for (let i = 0; i < 5000; i++) {
      const hi = (0x8b000000 + r()) >>> 0; // few distinct values, constant high bits like H3
      const lo = (r() << 20) | 0xfffff;
      const key = `${hi}:${lo >>> 0}`;
      const ord = d.intern(hi, lo >>> 0);
      if (!seen.has(key)) seen.set(key, seen.size);
      expect(ord).toBe(seen.get(key));
    }
    expect(d.size).toBe(seen.size);
    const his = d.keysHi();
    const los = d.keysLo();
    [...seen.keys()].forEach((k, ord) => expect(`${his[ord]}:${los[ord]}`).toBe(k));
  });
});

/** Per index row: the ordinal of its cell in level `position` (expanded from the row runs). */
const rowCells = (index: IncidentIndex, position: number): Uint32Array => {
  const { rowStart, size } = index.levels[position];
  const out = new Uint32Array(index.count);
  for (let c = 0; c < size; c++) out.fill(c, rowStart[c], rowStart[c + 1]);
  return out;
};

describe('buildIncidentIndex', () => {
  const cols = randomIncidents(20_000, 7, { clustered: true });
  const kept = { lng: cols.lng.slice(), lat: cols.lat.slice(), timeSec: cols.timeSec.slice(), category: cols.category.slice() };
  const index = buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai' });

  it('stores rows sorted by fine cell, each cell of every level owning one run of rows', () => {
    expect(index.levels.map((l) => l.resolution)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    const fine = index.levels.length - 1;
    const perLevel = index.levels.map((_, k) => rowCells(index, k));
    for (let k = 0; k < index.count; k += 37) {
      const i = index.order[k];
      expect(index.cols.lng[k]).toBe(cols.lng[i]);
      expect(index.cols.timeSec[k]).toBe(cols.timeSec[i]);
      const cell = latLngToCell(cols.lat[i], cols.lng[i], 11);
      expect(levelCellIds(index, fine, [perLevel[fine][k]])[0]).toBe(cell);
      for (let p = 0; p < fine; p++) {
        expect(levelCellIds(index, p, [perLevel[p][k]])[0]).toBe(cellToParent(cell, index.levels[p].resolution));
      }
    }
  });

  it('lists each distinct cell once per level, sorted by H3 index, each holding incidents', () => {
    index.levels.forEach((level, k) => {
      const ids = levelCellIds(index, k, Array.from({ length: level.size }, (_, c) => c));
      expect(new Set(ids).size).toBe(level.size);
      expect(ids.every((id) => getResolution(id) === level.resolution)).toBe(true);
      expect(ids.every((id, c) => c === 0 || ids[c - 1] < id)).toBe(true);
      expect(level.rowStart[0]).toBe(0);
      expect(level.rowStart[level.size]).toBe(index.count);
      for (let c = 0; c < level.size; c++) expect(level.rowStart[c + 1]).toBeGreaterThan(level.rowStart[c]);
    });
  });

  it('leaves the columns given untouched and keeps the input order as a permutation', () => {
    expect(index.cols.lng).not.toBe(cols.lng);
    expect(cols.lng).toEqual(kept.lng);
    expect(cols.category).toEqual(kept.category);
    expect(index.count).toBe(20_000);
    const seen = new Uint8Array(index.count);
    for (const i of index.order) seen[i]++;
    expect(seen.every((v) => v === 1)).toBe(true);
  });

  it('reports memory: columns 22, order 4, local time 3 and the levels, bytes an incident', () => {
    const m = indexMemory(index);
    expect(m.columnBytes).toBe(22 * 20_000);
    expect(m.orderBytes).toBe(4 * 20_000);
    expect(m.localTimeBytes).toBe(3 * 20_000);
    expect(m.totalBytes).toBe(m.columnBytes + m.orderBytes + m.localTimeBytes + m.levelBytes);
    // 16,000 fine cells for 20,000 incidents: the levels cost 13 bytes an incident here, 1–2 for a
    // county's million incidents (12 bytes a fine cell, 4 a coarser one).
    expect(m.bytesPerIncident).toBeLessThanOrEqual(42);
    // Even when nearly every incident has a fine cell of its own (sparse uniform points).
    const uniform = indexMemory(buildIncidentIndex(randomIncidents(20_000, 3), { timeZone: 'Asia/Shanghai' }));
    expect(uniform.bytesPerIncident).toBeLessThanOrEqual(50);
  });

  it('takes other resolution ranges', () => {
    expect(buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai', fineResolution: 9, coarsestResolution: 4 }).levels.map((l) => l.resolution)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai', fineResolution: 8, coarsestResolution: 8 }).levels.map((l) => l.resolution)).toEqual([8]);
    expect(() => buildIncidentIndex(cols, { timeZone: 'Asia/Shanghai', fineResolution: 16 })).toThrow(/0–15/);
  });

  it('handles no incidents', () => {
    const empty = randomIncidents(0);
    const idx = buildIncidentIndex(empty, { timeZone: 'Asia/Shanghai' });
    expect(idx.count).toBe(0);
    expect(indexMemory(idx).bytesPerIncident).toBe(0);
  });

  it('names the row of an invalid position and rejects columns of different lengths', () => {
    const bad = randomIncidents(10, 1);
    bad.lat[6] = NaN;
    expect(() => buildIncidentIndex(bad, { timeZone: 'Asia/Shanghai' })).toThrow(/incident 6 /);
    const short = { ...randomIncidents(10, 1), category: new Uint16Array(9) };
    expect(() => buildIncidentIndex(short, { timeZone: 'Asia/Shanghai' })).toThrow(/differ in length/);
  });
});
