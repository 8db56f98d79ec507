// Demo generator: the headline figures of the generated incidents, printed after a run and
// recorded in data/demo/README.md so the properties the demo is built to show are stated with
// their measured values (the unit tests check them independently).
import { cellArea, latLngToCell } from 'h3-js';
import type { IncidentColumns } from '../../src/model/incident';
import type { Atoms } from './atoms';
import { OFFENCES } from './offences';
import { rngFor } from './random';
import { localDateTime } from './timeline';

export interface Measures {
  /** Share of the county's area (H3 res-9 cells) holding half the incidents. */
  concentration: number;
  /** 2025 count relative to 2024, minus 1. */
  change2025: number;
  /** Burglary pairs within 200 m and 14 days, observed ÷ mean of shuffled-time controls. */
  knox: number;
}

export function measure(cols: IncidentColumns, atoms: Atoms, inCounty: Uint8Array, seed: number): Measures {
  const counts = new Map<string, number>();
  for (let i = 0; i < cols.lng.length; i++) {
    const c = latLngToCell(cols.lat[i], cols.lng[i], 9);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let held = 0;
  let km2 = 0;
  for (const [cell, n] of [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    if (held >= cols.lng.length / 2) break;
    held += n;
    km2 += cellArea(cell, 'km2');
  }
  let countyKm2 = 0;
  for (let i = 0; i < atoms.n; i++) if (inCounty[i]) countyKm2 += atoms.area[i] / 1e6;

  let y24 = 0;
  let y25 = 0;
  for (const t of cols.timeSec) localDateTime(t) < '2025' ? y24++ : y25++;

  const code = OFFENCES.findIndex((o) => o.id === 'burglary');
  const xs: number[] = [];
  const ys: number[] = [];
  const days: number[] = [];
  const my = 6371008.8 * (Math.PI / 180);
  const mx = my * Math.cos((cols.lat[0] * Math.PI) / 180);
  for (let i = 0; i < cols.lng.length; i++) {
    if (cols.category[i] !== code) continue;
    xs.push(cols.lng[i] * mx);
    ys.push(cols.lat[i] * my);
    days.push(cols.timeSec[i] / 86400);
  }
  const buckets = new Map<string, number[]>();
  xs.forEach((x, k) => {
    const key = `${Math.floor(x / 200)},${Math.floor(ys[k] / 200)}`;
    const b = buckets.get(key);
    if (b) b.push(k);
    else buckets.set(key, [k]);
  });
  const pairs: number[] = [];
  for (let a = 0; a < xs.length; a++) {
    const cx = Math.floor(xs[a] / 200), cy = Math.floor(ys[a] / 200);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const b of buckets.get(`${cx + dx},${cy + dy}`) ?? []) if (b > a && Math.hypot(xs[a] - xs[b], ys[a] - ys[b]) < 200) pairs.push(a, b);
      }
    }
  }
  const within = (t: number[]) => {
    let n = 0;
    for (let k = 0; k < pairs.length; k += 2) if (Math.abs(t[pairs[k]] - t[pairs[k + 1]]) < 14) n++;
    return n;
  };
  const rng = rngFor(seed, 'measures');
  let control = 0;
  for (let r = 0; r < 5; r++) control += within(rng.shuffle(days.slice())) / 5;
  return { concentration: km2 / countyKm2, change2025: y25 / y24 - 1, knox: within(days) / control };
}
