// Analysis (PURE): the cells (and local times) of incidents computed in parts on several threads
// and merged — the pure halves of the cell workers. Imports only sibling pure modules; no DOM and
// no worker API: src/worker/cell-pool.ts moves the messages.
//
// Parts are groups of the locator's tiles, not runs of rows: most of a locator's work is learning
// tiles and hexagon families, which would be repeated by every thread that met the same tile.
// Each thread keeps one CellLocator per job, numbering cells in its own dictionary; a reply
// carries the thread's ordinals and the cells new to that thread since its last reply. Replies of
// one thread arrive in order, so the merge extends a per-thread remap as they come and never
// sends a string or a 64-bit key per row.
import { CellLocator, checkPoints, locatorTileDegrees, type LocatedCells } from '../h3/cell-locator';
import { fillLocalTime, ZoneOffsets } from '../time/hour-of-week';
import type { IncidentColumns } from '../../model/incident';
import type { InputLocalTime } from './incident-index';
import { SplitLongDict } from '../h3/split-long-dict';

/** One part of a job: the points of some rows (which ones, only the sender knows). */
export interface CellTask {
  job: number;
  res: number;
  part: number;
  lng: Float64Array;
  lat: Float64Array;
  /** With times, the thread also computes local hour of week and day (the fine job only). */
  time: { timeSec: Uint32Array; timeZone: string; minSec: number; maxSec: number } | null;
}

/** The answer to a CellTask. Typed arrays are meant to be transferred. */
export interface CellReply {
  job: number;
  part: number;
  /** Per row: the cell's ordinal in the replying thread's dictionary. */
  ord: Uint32Array;
  /** Cells first met by the thread in this chunk, in its ordinal order. */
  newHi: Uint32Array;
  newLo: Uint32Array;
  hourOfWeek: Uint8Array | null;
  day: Uint16Array | null;
  firstDay: number;
  dayCount: number;
  oracleCalls: number;
  /** Milliseconds the thread spent on the task. */
  ms: number;
}

/** A task that failed (e.g. an invalid coordinate), with the message to rethrow. */
export interface CellFailure {
  job: number;
  part: number;
  error: string;
}

/** Runs CellTasks on one thread, keeping its locator and zone table across a job's chunks. */
export class CellTaskRunner {
  private job = -1;
  private locator: CellLocator | null = null;
  private zone: ZoneOffsets | null = null;

  run(task: CellTask): CellReply {
    const t0 = performance.now();
    if (task.job !== this.job || this.locator?.res !== task.res) {
      this.job = task.job;
      this.locator = new CellLocator(task.res);
      this.zone = null;
    }
    const locator = this.locator;
    const n = task.lng.length;
    const before = locator.cells.size;
    const calls = locator.stats.oracleCalls;
    const ord = new Uint32Array(n);
    locator.locate(task.lng, task.lat, 0, n, ord);
    let hourOfWeek: Uint8Array | null = null;
    let day: Uint16Array | null = null;
    let span = { firstDay: 0, dayCount: 0 };
    if (task.time) {
      const { timeSec, timeZone, minSec, maxSec } = task.time;
      this.zone ??= new ZoneOffsets(timeZone, minSec, maxSec);
      hourOfWeek = new Uint8Array(n);
      day = new Uint16Array(n);
      span = fillLocalTime(timeSec, this.zone, hourOfWeek, day, 0, n);
    }
    return {
      job: task.job,
      part: task.part,
      ord,
      newHi: locator.cells.keysHi(before),
      newLo: locator.cells.keysLo(before),
      hourOfWeek,
      day,
      firstDay: span.firstDay,
      dayCount: span.dayCount,
      oracleCalls: locator.stats.oracleCalls - calls,
      ms: performance.now() - t0,
    };
  }
}

/**
 * Splits the rows into about `parts` groups of whole locator tiles (see the file header), with
 * similar work each: rows plus a fixed cost per tile for its fit, largest tiles placed first. Rows
 * keep their input order within a group. Throws a RangeError naming the first row whose position
 * is not a valid WGS-84 coordinate; at resolutions without tiles, splits into runs of rows.
 */
export function partitionRows(lng: Float64Array, lat: Float64Array, res: number, parts: number): Uint32Array[] {
  const n = lng.length;
  checkPoints(lng, lat, 0, n, 0);
  const k = Math.max(1, Math.min(parts, n));
  const deg = locatorTileDegrees(res);
  const group = new Uint32Array(n);
  if (deg === 0) {
    for (let p = 0; p < k; p++) group.fill(p, Math.floor((p * n) / k), Math.floor(((p + 1) * n) / k));
  } else {
    const tileOf = tileOrdinals(lng, lat, 1 / deg);
    let tileCount = 0;
    for (let i = 0; i < n; i++) if (tileOf[i] >= tileCount) tileCount = tileOf[i] + 1;
    const rows = new Float64Array(tileCount);
    for (let i = 0; i < n; i++) rows[tileOf[i]]++;
    const byWeight = Array.from(rows.keys()).sort((a, b) => rows[b] - rows[a]);
    const load = new Float64Array(k);
    const tileGroup = new Uint32Array(tileCount);
    for (const t of byWeight) {
      if (rows[t] === 0) break;
      let best = 0;
      for (let g = 1; g < k; g++) if (load[g] < load[best]) best = g;
      tileGroup[t] = best;
      load[best] += rows[t] + TILE_COST_ROWS;
    }
    for (let i = 0; i < n; i++) group[i] = tileGroup[tileOf[i]];
  }
  const sizes = new Uint32Array(k);
  for (let i = 0; i < n; i++) sizes[group[i]]++;
  const out = Array.from(sizes, (size) => new Uint32Array(size));
  const fill = new Uint32Array(k);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    out[g][fill[g]++] = i;
  }
  return out.filter((g) => g.length > 0);
}

/**
 * Per row, a number for its tile (floor of degrees × inv): a dense grid over the rows' extent
 * when it is small (a county), else a hash of the tile coordinates. Numbers may have gaps.
 */
function tileOrdinals(lng: Float64Array, lat: Float64Array, inv: number): Uint32Array {
  const n = lng.length;
  const out = new Uint32Array(n);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = Math.floor(lng[i] * inv), y = Math.floor(lat[i] * inv);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const nx = x1 - x0 + 1;
  if (n > 0 && nx * (y1 - y0 + 1) <= 1 << 20) {
    for (let i = 0; i < n; i++) out[i] = (Math.floor(lat[i] * inv) - y0) * nx + (Math.floor(lng[i] * inv) - x0);
    return out;
  }
  const tiles = new SplitLongDict(1024);
  for (let i = 0; i < n; i++) out[i] = tiles.intern(Math.floor(lng[i] * inv) >>> 0, Math.floor(lat[i] * inv) >>> 0);
  return out;
}

/** A tile's fit and families cost about as much as locating this many of its rows. */
const TILE_COST_ROWS = 5000;

/** The task for the rows listed (gathered copies that can be transferred). */
export function cellTask(job: number, res: number, part: number, rows: Uint32Array, lng: Float64Array, lat: Float64Array, time: CellMergeTime | null): CellTask {
  const n = rows.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) (x[k] = lng[rows[k]]), (y[k] = lat[rows[k]]);
  let t: CellTask['time'] = null;
  if (time) {
    const timeSec = new Uint32Array(n);
    for (let k = 0; k < n; k++) timeSec[k] = time.timeSec[rows[k]];
    t = { timeSec, timeZone: time.timeZone, minSec: time.minSec, maxSec: time.maxSec };
  }
  return { job, res, part, lng: x, lat: y, time: t };
}

/** What the merge needs to collect local times too. */
export interface CellMergeTime {
  timeSec: Uint32Array;
  timeZone: string;
  minSec: number;
  maxSec: number;
}

/** Collects CellReplies from several threads into one LocatedCells (and local times). */
export class CellMerge {
  readonly dict: SplitLongDict;
  private readonly ord: Uint32Array;
  private readonly remaps = new Map<number, { map: Uint32Array; size: number }>();
  private readonly hourOfWeek: Uint8Array | null;
  private readonly day: Uint16Array | null;
  private firstDay = Infinity;
  private lastDay = -Infinity;
  /** latLngToCell calls made by all threads together. */
  oracleCalls = 0;
  /** Milliseconds of work per thread (by source), for reports. */
  readonly busyMs = new Map<number, number>();

  constructor(n: number, withTime: boolean) {
    this.dict = new SplitLongDict(Math.min(Math.max(16, n >> 3), 1 << 16));
    this.ord = new Uint32Array(n);
    this.hourOfWeek = withTime ? new Uint8Array(n) : null;
    this.day = withTime ? new Uint16Array(n) : null;
  }

  /**
   * Takes the reply of thread `source` for the rows listed; a thread's replies must come in the
   * order it sent them.
   */
  take(source: number, reply: CellReply, rows: Uint32Array): void {
    let remap = this.remaps.get(source);
    if (!remap) this.remaps.set(source, (remap = { map: new Uint32Array(1024), size: 0 }));
    const fresh = reply.newHi.length;
    if (remap.size + fresh > remap.map.length) {
      const grown = new Uint32Array(Math.max(remap.map.length * 2, remap.size + fresh));
      grown.set(remap.map.subarray(0, remap.size));
      remap.map = grown;
    }
    for (let k = 0; k < fresh; k++) remap.map[remap.size++] = this.dict.intern(reply.newHi[k], reply.newLo[k]);
    const map = remap.map;
    const out = this.ord;
    const src = reply.ord;
    for (let k = 0; k < src.length; k++) out[rows[k]] = map[src[k]];
    if (this.hourOfWeek && this.day && reply.hourOfWeek && reply.day) {
      const how = reply.hourOfWeek;
      const day = reply.day;
      for (let k = 0; k < rows.length; k++) {
        this.hourOfWeek[rows[k]] = how[k];
        this.day[rows[k]] = day[k];
      }
      if (reply.dayCount > 0) {
        this.firstDay = Math.min(this.firstDay, reply.firstDay);
        this.lastDay = Math.max(this.lastDay, reply.firstDay + reply.dayCount - 1);
      }
    }
    this.oracleCalls += reply.oracleCalls;
    this.busyMs.set(source, (this.busyMs.get(source) ?? 0) + reply.ms);
  }

  /** The merged cells (ordinals in first-merged order) and local times, if collected. */
  result(): { located: LocatedCells; time: InputLocalTime | null } {
    const located = { ord: this.ord, hi: this.dict.keysHi(), lo: this.dict.keysLo() };
    if (!this.hourOfWeek || !this.day) return { located, time: null };
    const empty = this.lastDay < this.firstDay;
    return {
      located,
      time: {
        hourOfWeek: this.hourOfWeek,
        day: this.day,
        firstDay: empty ? 0 : this.firstDay,
        dayCount: empty ? 0 : this.lastDay - this.firstDay + 1,
      },
    };
  }
}

/**
 * Synthetic incidents scattered over a few kilometres from a fixed seed, for warming up: a cold
 * thread is about twice as slow on its first million points as once the JIT has compiled the
 * locator and h3-js.
 */
export function warmUpColumns(n = 40_000, spread = 0.06): IncidentColumns {
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const timeSec = new Uint32Array(n);
  const category = new Uint16Array(n);
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    lng[i] = 100 + spread * next();
    lat[i] = 30 + spread * next();
    timeSec[i] = 1_700_000_000 + Math.floor(next() * 3e7);
    category[i] = Math.floor(next() * 8);
  }
  return { lng, lat, timeSec, category };
}

/** Runs a small synthetic job on this thread's cell code (a cell worker's warm-up). Returns ms. */
export function warmUpCells(points = 40_000): number {
  const t0 = performance.now();
  const { lng, lat, timeSec } = warmUpColumns(points);
  const runner = new CellTaskRunner();
  for (const res of [11, 9]) {
    runner.run({ job: -res, res, part: 0, lng, lat, time: { timeSec, timeZone: 'Asia/Shanghai', minSec: 1_700_000_000, maxSec: 1_730_000_000 } });
  }
  return performance.now() - t0;
}
