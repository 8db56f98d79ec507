import { describe, expect, it } from 'vitest';
import { daysPastDeadline, findRelistingWithinYear, hotspotStatus, localIsoDate, wasRelistedWithinYear } from '../../src/analysis/hotspots/hotspot-status';
import type { HotspotEvent, HotspotState } from '../../src/model/hotspot';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('hotspotStatus', () => {
  const at = (state: HotspotState, deadline: string | null, now: string) => hotspotStatus({ state, deadline }, beijing(now), 'Asia/Shanghai');

  it('is overdue only after the deadline day has ended, in the dataset zone', () => {
    expect(at('rectifying', '2025-06-30', '2025-06-30T23:59:59')).toBe('rectifying');
    expect(at('rectifying', '2025-06-30', '2025-07-01T00:00:00')).toBe('overdue');
    // 2025-06-30T20:00Z is already 07-01 04:00 in Beijing.
    expect(hotspotStatus({ state: 'listed', deadline: '2025-06-30' }, Date.parse('2025-06-30T20:00:00Z'), 'Asia/Shanghai')).toBe('overdue');
    expect(hotspotStatus({ state: 'listed', deadline: '2025-06-30' }, Date.parse('2025-06-30T20:00:00Z'), 'UTC')).toBe('listed');
    // The same instant in Chicago (CDT, UTC−5) is still 06-30 15:00: in time.
    expect(hotspotStatus({ state: 'listed', deadline: '2025-06-30' }, Date.parse('2025-06-30T20:00:00Z'), 'America/Chicago')).toBe('listed');
  });

  it('applies to listed, rectifying and accepting areas only', () => {
    for (const s of ['listed', 'rectifying', 'accepting'] as const) expect(at(s, '2025-01-01', '2025-03-01T12:00:00')).toBe('overdue');
    for (const s of ['discovered', 'assessing', 'delisted'] as const) expect(at(s, '2025-01-01', '2025-03-01T12:00:00')).toBe(s);
  });

  it('is never overdue without a deadline', () => {
    expect(at('listed', null, '2030-01-01T00:00:00')).toBe('listed');
  });

  it('reads local dates in a zone', () => {
    expect(localIsoDate(Date.parse('2024-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-01-01');
    expect(localIsoDate(Date.parse('2024-12-31T16:00:00Z'), 'UTC')).toBe('2024-12-31');
  });
});

describe('daysPastDeadline', () => {
  it('counts calendar days after the deadline in the dataset zone, 0 when in time', () => {
    expect(daysPastDeadline('2025-06-30', beijing('2025-06-30T23:59:59'), 'Asia/Shanghai')).toBe(0);
    expect(daysPastDeadline('2025-06-30', beijing('2025-07-01T00:00:00'), 'Asia/Shanghai')).toBe(1);
    // Across a month and a DST change elsewhere: dates, not 24-hour spans.
    expect(daysPastDeadline('2025-02-28', Date.parse('2025-03-31T12:00:00-05:00'), 'America/Chicago')).toBe(31);
    expect(daysPastDeadline('2025-06-30', Date.parse('2025-06-30T20:00:00Z'), 'America/Chicago')).toBe(0);
    expect(daysPastDeadline(null, beijing('2030-01-01T00:00:00'), 'Asia/Shanghai')).toBe(0);
  });
});

describe('wasRelistedWithinYear', () => {
  const ev = (date: string, state: HotspotState): HotspotEvent => ({ date, state, note: '' });
  const cycle = [ev('2023-03-01', 'discovered'), ev('2023-03-15', 'listed'), ev('2023-04-01', 'rectifying'), ev('2023-06-01', 'accepting'), ev('2023-06-20', 'delisted')];

  it('is false for one cycle and for a listing more than a year after delisting', () => {
    expect(wasRelistedWithinYear(cycle)).toBe(false);
    expect(wasRelistedWithinYear([...cycle, ev('2024-06-21', 'listed')])).toBe(false);
  });

  it('is true for a listing within a year of delisting, anniversary included', () => {
    expect(wasRelistedWithinYear([...cycle, ev('2024-01-10', 'discovered'), ev('2024-02-01', 'listed')])).toBe(true);
    expect(findRelistingWithinYear([...cycle, ev('2024-06-20', 'listed')])).toEqual({ delistedOn: '2023-06-20', relistedOn: '2024-06-20' });
  });

  it('does not count an extension after a failed acceptance as relisting', () => {
    const extended = [...cycle.slice(0, 4), ev('2023-06-10', 'rectifying'), ev('2023-07-10', 'accepting'), ev('2023-07-20', 'delisted')];
    expect(wasRelistedWithinYear(extended)).toBe(false);
  });

  it('checks each delisting against the listing that follows it', () => {
    const twice = [...cycle, ev('2025-01-01', 'listed'), ev('2025-05-01', 'delisted'), ev('2025-09-01', 'listed')];
    expect(findRelistingWithinYear(twice)).toEqual({ delistedOn: '2025-05-01', relistedOn: '2025-09-01' });
    expect(wasRelistedWithinYear([])).toBe(false);
  });
});
