// The demo's incidents: inside the county and period, concentrated (half of them in ≤ 5 % of the
// area at H3 resolution 9), lower in 2025 than 2024, with near-repeat burglary (Knox ratio).
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { cellArea, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { geojson, incidents, localDate, localFrame, manifest } from './demo-helpers';
import { mulberry32 } from '../seeded-random';

describe('demo incidents', () => {
  const m = manifest();
  const cols = incidents(m);
  const county = geojson('admin.geojson').features.find((f) => f.properties.level === 'county');

  it('match the manifest and lie inside the county and the time range', () => {
    expect(cols.lng.length).toBe(m.counts.incidents);
    const [w, s, e, n] = m.bounds;
    const [t0, t1] = m.timeRange;
    let bad = 0;
    for (let i = 0; i < cols.lng.length; i++) {
      const ms = cols.timeSec[i] * 1000;
      if (!(cols.lng[i] >= w && cols.lng[i] <= e && cols.lat[i] >= s && cols.lat[i] <= n)) bad++;
      if (!(ms >= t0 && ms <= t1 && ms <= m.asOf)) bad++;
      if (cols.category[i] >= m.offenceKinds.length) bad++;
    }
    expect(bad).toBe(0);
    expect(localDate(t0 / 1000) >= '2024-01-01').toBe(true);
    expect(localDate(t1 / 1000) <= '2025-12-31').toBe(true);
    // A sample also lies inside the county polygon itself, not just its bounding box.
    let outside = 0;
    for (let i = 0; i < cols.lng.length; i += 97) if (!booleanPointInPolygon(point([cols.lng[i], cols.lat[i]]), county)) outside++;
    expect(outside).toBe(0);
  });

  it('uses every offence kind, with codes 0..n-1', () => {
    m.offenceKinds.forEach((k, i) => expect(k.code).toBe(i));
    const seen = new Set(cols.category);
    expect(seen.size).toBe(m.offenceKinds.length);
  });

  it('concentrate: the fewest H3 res-9 cells holding half the incidents cover ≤ 5 % of the county', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < cols.lng.length; i++) {
      const c = latLngToCell(cols.lat[i], cols.lng[i], 9);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    let held = 0;
    let km2 = 0;
    for (const [cell, c] of sorted) {
      if (held >= cols.lng.length / 2) break;
      held += c;
      km2 += cellArea(cell, 'km2');
    }
    const share = km2 / (area(county) / 1e6);
    expect(share).toBeLessThanOrEqual(0.05);
    expect(share).toBeGreaterThan(0.002); // concentrated, but not a handful of points
  });

  it('fall in 2025 against 2024 (by 10–20 %)', () => {
    let y24 = 0;
    let y25 = 0;
    for (let i = 0; i < cols.timeSec.length; i++) {
      if (localDate(cols.timeSec[i]) < '2025-01-01') y24++;
      else y25++;
    }
    expect(y25 / y24).toBeGreaterThan(0.8);
    expect(y25 / y24).toBeLessThan(0.9);
  });

  it('follow daily rhythms: pickpocketing by day, fights late at night', () => {
    const hourShare = (id: string, from: number, to: number) => {
      const code = m.offenceKinds.find((k) => k.id === id)!.code;
      let inWindow = 0;
      let all = 0;
      for (let i = 0; i < cols.timeSec.length; i++) {
        if (cols.category[i] !== code) continue;
        const h = new Date(cols.timeSec[i] * 1000 + 8 * 3600 * 1000).getUTCHours();
        all++;
        if (from <= to ? h >= from && h < to : h >= from || h < to) inWindow++;
      }
      return inWindow / all;
    };
    expect(hourShare('pickpocketing', 6, 12)).toBeGreaterThan(0.5);
    expect(hourShare('fighting', 20, 3)).toBeGreaterThan(0.5);
    expect(hourShare('burglary', 8, 18)).toBeGreaterThan(0.5);
  });

  it('show near-repeat burglary: close pairs in space and time far above a shuffled-time control', () => {
    const code = m.offenceKinds.find((k) => k.id === 'burglary')!.code;
    const { mx, my } = localFrame(m.center[1]);
    const xs: number[] = [];
    const ys: number[] = [];
    const days: number[] = [];
    for (let i = 0; i < cols.lng.length; i++) {
      if (cols.category[i] !== code) continue;
      xs.push((cols.lng[i] - m.center[0]) * mx);
      ys.push((cols.lat[i] - m.center[1]) * my);
      days.push(cols.timeSec[i] / 86400);
    }
    const cell = 200;
    const buckets = new Map<string, number[]>();
    xs.forEach((x, k) => {
      const key = `${Math.floor(x / cell)},${Math.floor(ys[k] / cell)}`;
      const b = buckets.get(key);
      if (b) b.push(k);
      else buckets.set(key, [k]);
    });
    const closePairs: [number, number][] = [];
    for (let a = 0; a < xs.length; a++) {
      const cx = Math.floor(xs[a] / cell), cy = Math.floor(ys[a] / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const b of buckets.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (b > a && Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) < 200) closePairs.push([a, b]);
          }
        }
      }
    }
    const within = (t: number[]) => closePairs.filter(([a, b]) => Math.abs(t[a] - t[b]) < 14).length;
    const observed = within(days);
    const rand = mulberry32(7);
    let control = 0;
    for (let r = 0; r < 5; r++) {
      const t = days.slice();
      for (let i = t.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [t[i], t[j]] = [t[j], t[i]];
      }
      control += within(t) / 5;
    }
    expect(observed / control).toBeGreaterThan(1.5);
  });
});
