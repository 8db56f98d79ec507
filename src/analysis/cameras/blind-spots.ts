// Analysis (PURE): blind spots — the non-empty H3 cells no camera covers, ranked by incident
// weight, and grouped into areas of edge-connected cells (H3 adjacency), each ranked by its total.
// Takes cell sets as inputs, so the same code serves the filtered index, the CLI and tests.
import { cellToLatLng, gridDisk } from 'h3-js';

/** An uncovered cell with incidents. */
export interface BlindCell {
  h3: string;
  /** Incidents in the cell (under the caller's filter). */
  count: number;
  /** Its weight: the count, or the caller's severity-weighted figure. */
  weight: number;
}

/** Connected uncovered cells: one place to put cameras. */
export interface BlindSpotArea {
  /** 1-based rank by weight. */
  rank: number;
  /** Its cells, heaviest first. */
  cells: BlindCell[];
  count: number;
  weight: number;
  /** Weight-weighted mean of the cell centres (on the unit sphere), WGS-84 [lng, lat]. */
  centroid: [number, number];
  /** The heaviest cell. */
  peak: string;
}

export interface BlindSpots {
  /** Every uncovered non-empty cell, heaviest first (ties: h3 string order). */
  cells: BlindCell[];
  areas: BlindSpotArea[];
  /** Incidents in uncovered cells, and in all the cells given. */
  uncoveredCount: number;
  totalCount: number;
}

export interface BlindSpotInput {
  /** Non-empty cells (all one resolution) and their incident counts. */
  cells: readonly string[];
  counts: ArrayLike<number>;
  /** Per-cell weights aligned with `cells` (e.g. counts weighted by offence severity); default the counts. */
  weights?: ArrayLike<number>;
  /** Cells seen by at least one (online) camera. */
  covered: ReadonlySet<string> | readonly string[];
}

const RAD = Math.PI / 180;

/** Ranks the uncovered cells and groups them into connected areas. */
export function blindSpots(input: BlindSpotInput): BlindSpots {
  const covered = input.covered instanceof Set ? input.covered : new Set(input.covered as readonly string[]);
  const byCell = new Map<string, BlindCell>();
  let totalCount = 0;
  let uncoveredCount = 0;
  for (let i = 0; i < input.cells.length; i++) {
    const count = input.counts[i];
    totalCount += count;
    const h3 = input.cells[i];
    if (!(count > 0) || covered.has(h3)) continue;
    uncoveredCount += count;
    const weight = input.weights ? input.weights[i] : count;
    const prev = byCell.get(h3);
    if (prev) {
      prev.count += count;
      prev.weight += weight;
    } else byCell.set(h3, { h3, count, weight });
  }
  const cells = [...byCell.values()].sort(heavierFirst);
  const seen = new Set<string>();
  const areas: BlindSpotArea[] = [];
  // Components by breadth-first search over the 6 neighbours (gridDisk(c, 1) also gives c; a
  // pentagon gives 5). Seeds go heaviest first, so each area's first cell is its peak.
  for (const seed of cells) {
    if (seen.has(seed.h3)) continue;
    seen.add(seed.h3);
    const members: BlindCell[] = [];
    const queue = [seed];
    while (queue.length > 0) {
      const cell = queue.pop()!;
      members.push(cell);
      for (const n of gridDisk(cell.h3, 1)) {
        const next = byCell.get(n);
        if (next && !seen.has(n)) {
          seen.add(n);
          queue.push(next);
        }
      }
    }
    members.sort(heavierFirst);
    areas.push(area(members));
  }
  areas.sort((a, b) => b.weight - a.weight || b.count - a.count || (a.peak < b.peak ? -1 : a.peak > b.peak ? 1 : 0));
  areas.forEach((a, i) => (a.rank = i + 1));
  return { cells, areas, uncoveredCount, totalCount };
}

function heavierFirst(a: BlindCell, b: BlindCell): number {
  return b.weight - a.weight || b.count - a.count || (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0);
}

function area(members: BlindCell[]): BlindSpotArea {
  let count = 0, weight = 0, x = 0, y = 0, z = 0;
  for (const c of members) {
    count += c.count;
    weight += c.weight;
    const [lat, lng] = cellToLatLng(c.h3);
    // Cells of zero weight still place the centre when the whole area weighs nothing.
    const w = c.weight > 0 ? c.weight : 0;
    const cl = Math.cos(lat * RAD);
    x += w * cl * Math.cos(lng * RAD);
    y += w * cl * Math.sin(lng * RAD);
    z += w * Math.sin(lat * RAD);
  }
  if (x === 0 && y === 0 && z === 0) {
    const [lat, lng] = cellToLatLng(members[0].h3);
    return { rank: 0, cells: members, count, weight, centroid: [lng, lat], peak: members[0].h3 };
  }
  const lng = Math.atan2(y, x) / RAD;
  const lat = Math.atan2(z, Math.hypot(x, y)) / RAD;
  return { rank: 0, cells: members, count, weight, centroid: [lng, lat], peak: members[0].h3 };
}
