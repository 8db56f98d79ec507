import { describe, expect, it } from 'vitest';
import type { DatasetManifest, GridCollection, AdminFeature, PolygonGeometry } from '../../src/model';
import { DRAWN_SET, datesOfRange, isPeriodPreset, presetOf, presetRange, rangeOfDates, toIncidentFilter, trendPeriods, wholeDays } from '../../src/state/incident-filter';
import { dataCoverage, datasetNow } from '../../src/state/clock';

const SHANGHAI_MIDNIGHT_2025 = Date.UTC(2024, 11, 31, 16); // 2025-01-01 00:00 +08:00

const manifest = {
  synthetic: true,
  timeZone: 'Asia/Shanghai',
  asOf: Date.UTC(2025, 11, 31, 15, 59), // 2025-12-31 23:59 +08:00
  offenceKinds: [
    { code: 0, id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal' },
    { code: 1, id: 'fight', zh: '殴打他人', en: 'Fighting', caseClass: 'public-order' },
    { code: 2, id: 'dispute', zh: '矛盾纠纷', en: 'Dispute', caseClass: 'dispute' },
  ],
} as unknown as DatasetManifest;

const grids = { type: 'FeatureCollection', features: [{ properties: { id: 'g1' } }, { properties: { id: 'g2' } }] } as unknown as GridCollection;
const towns = [{ properties: { id: 't1' } }, { properties: { id: 't2' } }] as unknown as AdminFeature[];
const ctx = { manifest, grids, towns };
const none = { timeRange: null, hiddenKinds: [], hoursOfWeek: [], townId: null, gridId: null, drawnArea: null };

describe('period presets', () => {
  // The demo manifest is synthetic: its today is asOf (2025-12-31 23:59 local).
  it('derive from the dataset\'s today, in its zone: this month, last month, this quarter, this year', () => {
    expect(presetRange('thisMonth', manifest)).toEqual([Date.UTC(2025, 10, 30, 16), Date.UTC(2025, 11, 31, 16)]);
    expect(presetRange('lastMonth', manifest)).toEqual([Date.UTC(2025, 9, 31, 16), Date.UTC(2025, 10, 30, 16)]);
    expect(presetRange('thisQuarter', manifest)).toEqual([Date.UTC(2025, 8, 30, 16), Date.UTC(2025, 11, 31, 16)]);
    expect(presetRange('thisYear', manifest)).toEqual([SHANGHAI_MIDNIGHT_2025, Date.UTC(2025, 11, 31, 16)]);
    expect(presetRange('all', manifest)).toBeNull();
  });
  it('the last 30 days end at the end of today', () => {
    const [from, to] = presetRange('last30', manifest)!;
    expect(to).toBe(Date.UTC(2025, 11, 31, 16));
    expect(to - from).toBe(30 * 86_400_000);
  });
  it('real data is judged by the real clock, not its asOf', () => {
    const real = { ...manifest, synthetic: false } as DatasetManifest;
    const now = Date.UTC(2026, 5, 16, 4); // 2026-06-16 12:00 +08:00
    expect(presetRange('thisMonth', real, now)).toEqual([Date.UTC(2026, 4, 31, 16), Date.UTC(2026, 5, 16, 16)]);
    expect(datasetNow(real, now)).toBe(now);
    expect(datasetNow(manifest, now)).toBe(manifest.asOf);
  });
  it('a range is recognised as its preset, a brushed one as custom', () => {
    expect(presetOf(presetRange('lastMonth', manifest), manifest)).toBe('lastMonth');
    expect(presetOf(null, manifest)).toBe('all');
    expect(presetOf([1, 2], manifest)).toBe('custom');
  });
  it('an id saved by an older version is not a preset', () => {
    expect(isPeriodPreset('y2025')).toBe(false);
    expect(isPeriodPreset('last90')).toBe(true);
    expect(isPeriodPreset(undefined)).toBe(false);
  });
});

describe('typed dates', () => {
  it('the to-date is inclusive in the fields, exclusive in the range', () => {
    const r = rangeOfDates('2025-06-01', '2025-06-30', 'Asia/Shanghai');
    expect(r).toEqual([Date.UTC(2025, 4, 31, 16), Date.UTC(2025, 5, 30, 16)]);
    expect(datesOfRange(r!, 'Asia/Shanghai')).toEqual(['2025-06-01', '2025-06-30']);
    expect(rangeOfDates('2025-06-01', '2025-06-01', 'Asia/Shanghai')).toEqual([Date.UTC(2025, 4, 31, 16), Date.UTC(2025, 5, 1, 16)]);
  });
  it('rejects reversed, half-typed and impossible dates', () => {
    expect(rangeOfDates('2025-06-02', '2025-06-01', 'Asia/Shanghai')).toBeNull();
    expect(rangeOfDates('', '2025-06-01', 'Asia/Shanghai')).toBeNull();
    expect(rangeOfDates('2025-02-29', '2025-03-01', 'Asia/Shanghai')).toBeNull();
  });
});

describe('data coverage', () => {
  it('runs from the first incident\'s local midnight to the end of the last day, or to now while that day lasts', () => {
    const m = { ...manifest, timeRange: [Date.UTC(2024, 0, 1, 2), Date.UTC(2025, 11, 31, 15, 57)] } as DatasetManifest;
    expect(dataCoverage(m)).toEqual([Date.UTC(2023, 11, 31, 16), manifest.asOf]);
    const real = { ...m, synthetic: false } as DatasetManifest;
    expect(dataCoverage(real, Date.UTC(2026, 2, 1))).toEqual([Date.UTC(2023, 11, 31, 16), Date.UTC(2025, 11, 31, 16)]);
  });
});

describe('toIncidentFilter', () => {
  it('keeps everything with no choice made', () => {
    const f = toIncidentFilter(none, ctx);
    expect(f.fromSec).toBeUndefined();
    expect(f.categories).toBeNull();
    expect(f.hourOfWeek).toBeUndefined();
    expect(f.polygon).toBeUndefined();
  });
  it('turns hidden kinds, hours, a town and a time range into masks and seconds', () => {
    const f = toIncidentFilter(
      { ...none, hiddenKinds: ['fight', 'dispute'], hoursOfWeek: [0, 167], townId: 't2', timeRange: [1_000, 5_500] },
      ctx,
    );
    expect([f.fromSec, f.toSec]).toEqual([1, 6]);
    expect(Array.from(f.categories!.slice(0, 3))).toEqual([1, 0, 0]);
    expect(f.hourOfWeek![0] + f.hourOfWeek![167]).toBe(2);
    expect(f.hourOfWeek!.reduce((a, b) => a + b, 0)).toBe(2);
    expect(f.polygon!.set).toBe('towns');
    expect(Array.from(f.polygon!.mask)).toEqual([0, 1]);
  });
  it('a grid overrides its town', () => {
    const f = toIncidentFilter({ ...none, townId: 't1', gridId: 'g2' }, ctx);
    expect(f.polygon).toEqual({ set: 'grids', mask: Uint8Array.from([0, 1]) });
  });
  it('a drawn area is the one polygon of the drawn set', () => {
    const drawnArea: PolygonGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const f = toIncidentFilter({ ...none, drawnArea }, ctx);
    expect(f.polygon).toEqual({ set: DRAWN_SET, mask: Uint8Array.of(1) });
  });
  it('hiding one kind keeps the rest of its class', () => {
    const f = toIncidentFilter({ ...none, hiddenKinds: ['burglary'] }, ctx);
    expect(Array.from(f.categories!.slice(0, 3))).toEqual([0, 1, 1]);
  });
});

describe('hot-spot trend periods', () => {
  const local = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d) - 8 * 3_600_000; // +08:00
  it('two whole years give 24 calendar months, oldest first', () => {
    const p = trendPeriods([local(2024, 1), local(2026, 1)], 'Asia/Shanghai');
    expect(p).toHaveLength(24);
    expect(p[0]).toEqual([local(2024, 1), local(2024, 2)]);
    expect(p[23]).toEqual([local(2025, 12), local(2026, 1)]);
    expect(p[1][1] - p[1][0]).toBe(29 * 86_400_000); // February 2024, a leap year
  });
  it('a part month at either end is left out', () => {
    const p = trendPeriods([local(2024, 1, 15), local(2024, 7, 10)], 'Asia/Shanghai');
    expect(p.map(([a]) => new Date(a + 8 * 3_600_000).getUTCMonth() + 1)).toEqual([2, 3, 4, 5, 6]);
  });
  it('a short range is cut into weeks ending at its end', () => {
    const to = local(2025, 12, 31);
    const p = trendPeriods([to - 30 * 86_400_000, to], 'Asia/Shanghai');
    expect(p).toHaveLength(4);
    expect(p[3]).toEqual([to - 7 * 86_400_000, to]);
  });
  it('the dataset range widens to whole local days', () => {
    expect(wholeDays([local(2024, 1) + 300_000, local(2025, 12, 31) + 86_000_000], 'Asia/Shanghai')).toEqual([local(2024, 1), local(2026, 1)]);
  });
});
