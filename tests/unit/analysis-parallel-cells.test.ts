// Cells located in parts on worker threads (node:worker_threads, as the CLI and the benchmark
// run them) are exactly the single-thread cells, and an index built on the pool is the index
// built on one thread, field for field.
import { afterAll, describe, expect, it } from 'vitest';
import { locateCells, locatedCellId, locatorTileDegrees } from '../../src/analysis/h3/cell-locator';
import { localTimeColumns } from '../../src/analysis/time/hour-of-week';
import { buildIncidentIndex, buildIncidentIndexWith } from '../../src/analysis/incidents/incident-index';
import { CellMerge, CellTaskRunner, cellTask, partitionRows } from '../../src/analysis/incidents/parallel-cells';
import { spawnNodeCellPool } from '../../src/worker/cell-pool-node';
import { CellPool } from '../../src/worker/cell-pool';
import { randomIncidents } from './analysis-fixtures';

const TZ = 'America/Chicago';

function timeOf(cols: { timeSec: Uint32Array }) {
  let minSec = Infinity, maxSec = -Infinity;
  for (const t of cols.timeSec) (minSec = Math.min(minSec, t)), (maxSec = Math.max(maxSec, t));
  return { timeSec: cols.timeSec, timeZone: TZ, minSec, maxSec };
}

/** The cell id of every row, so that results with different ordinals compare. */
const ids = (located: ReturnType<typeof locateCells>) => Array.from(located.ord, (o) => locatedCellId(located, o));

describe('parallel cells, pure halves', () => {
  const cols = randomIncidents(30_000, 41, { clustered: true });

  it('partitions rows into groups of whole tiles covering every row once', () => {
    const parts = partitionRows(cols.lng, cols.lat, 11, 6);
    expect(parts.length).toBe(6);
    const seen = new Uint8Array(cols.lng.length);
    const tileGroup = new Map<string, number>();
    const inv = 1 / locatorTileDegrees(11);
    parts.forEach((rows, g) => {
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        if (k > 0) expect(i).toBeGreaterThan(rows[k - 1]);
        seen[i]++;
        const tile = `${Math.floor(cols.lng[i] * inv)},${Math.floor(cols.lat[i] * inv)}`;
        expect(tileGroup.get(tile) ?? g).toBe(g);
        tileGroup.set(tile, g);
      }
    });
    expect(seen.every((v) => v === 1)).toBe(true);
    // At a resolution without tiles: runs of rows.
    expect(partitionRows(cols.lng, cols.lat, 5, 3).map((p) => [p[0], p.length])).toEqual([[0, 10_000], [10_000, 10_000], [20_000, 10_000]]);
  });

  it('merges parts run by several runners into the single-thread cells and local times', () => {
    const parts = partitionRows(cols.lng, cols.lat, 11, 5);
    const merge = new CellMerge(cols.lng.length, true);
    const runners = [new CellTaskRunner(), new CellTaskRunner()];
    parts.forEach((rows, p) => merge.take(p % 2, runners[p % 2].run(cellTask(7, 11, p, rows, cols.lng, cols.lat, timeOf(cols))), rows));
    const { located, time } = merge.result();
    expect(ids(located)).toEqual(ids(locateCells(cols.lng, cols.lat, 11)));
    const local = localTimeColumns(cols.timeSec, TZ);
    expect(time!.hourOfWeek).toEqual(local.hourOfWeek);
    expect(time!.day).toEqual(local.day);
    expect([time!.firstDay, time!.dayCount]).toEqual([local.firstDay, local.dayCount]);
  });

  it('rejects an invalid position, naming its row, before any work', () => {
    const bad = randomIncidents(100, 2);
    bad.lat[64] = 95;
    expect(() => partitionRows(bad.lng, bad.lat, 11, 4)).toThrow(/incident 64 /);
  });
});

describe('CellPool on worker threads', () => {
  const pool = spawnNodeCellPool(2, { local: true });
  afterAll(() => pool.terminate());

  it('starts its workers', async () => {
    await pool.ready();
    expect(pool.threads).toBe(3);
  });

  it('locates exactly the single-thread cells, with local times, on every thread', async () => {
    const cols = randomIncidents(120_000, 42, { clustered: true });
    const pooled = await pool.locate(cols.lng, cols.lat, 11, timeOf(cols));
    expect(ids(pooled.located)).toEqual(ids(locateCells(cols.lng, cols.lat, 11)));
    expect(pooled.time!.hourOfWeek).toEqual(localTimeColumns(cols.timeSec, TZ).hourOfWeek);
    expect(pooled.busyMs.length).toBe(3);
    expect(pooled.busyMs.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(2); // workers took parts
  });

  it('builds the same index as one thread does', async () => {
    const cols = randomIncidents(50_000, 43, { clustered: true });
    const opts = { timeZone: TZ, exactResolutions: [8] };
    const pooled = await buildIncidentIndexWith(cols, opts, (lng, lat, res, time) => pool.locate(lng, lat, res, time));
    expect(pooled).toEqual(buildIncidentIndex(cols, opts));
  });

  it('rejects a bad coordinate, runs jobs one after another, and works without workers', async () => {
    const bad = randomIncidents(1_000, 3);
    bad.lng[900] = NaN;
    await expect(pool.locate(bad.lng, bad.lat, 11)).rejects.toThrow(/incident 900 /);
    const a = randomIncidents(20_000, 5, { clustered: true });
    const b = randomIncidents(20_000, 6, { clustered: true });
    const [ra, rb] = await Promise.all([pool.locate(a.lng, a.lat, 10), pool.locate(b.lng, b.lat, 9)]);
    expect(ids(ra.located)).toEqual(ids(locateCells(a.lng, a.lat, 10)));
    expect(ids(rb.located)).toEqual(ids(locateCells(b.lng, b.lat, 9)));
    const alone = await new CellPool([]).locate(a.lng, a.lat, 10);
    expect(ids(alone.located)).toEqual(ids(ra.located));
  });
});
