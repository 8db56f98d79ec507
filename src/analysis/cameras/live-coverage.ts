// Analysis (PURE): coverage kept as a count of cameras per cell, so that one camera dragged,
// turned or widened updates it by that camera's cells alone (what-if editing within 100 ms).
import { cameraCells, countsForCoverage, type CameraView, type CoverageOptions } from './coverage';

/** What one edit changed: cells newly covered and cells no longer covered, each sorted. */
export interface CoverageDelta {
  added: string[];
  removed: string[];
}

/** Coverage that follows edits of single cameras. */
export interface LiveCoverage {
  readonly res: number;
  /** Cell → number of counted cameras that see its centre (only cells with ≥ 1). */
  readonly counts: ReadonlyMap<string, number>;
  /** The covered cells, sorted (equal to coveredCells of the current cameras). */
  covered(): string[];
  /**
   * Replaces the camera of the same id (or adds it): its old cells are taken off the counts and
   * its new cells put on. Returns what changed.
   */
  updateCamera(camera: CameraView): CoverageDelta;
  /** Takes the camera of this id out; a no-op delta when there is none. */
  removeCamera(id: string): CoverageDelta;
}

/**
 * Coverage of `cameras` at resolution `res` (same rules as coveredCells) that can be edited one
 * camera at a time. Camera ids are expected to be unique; a later duplicate replaces the earlier.
 */
export function liveCoverage(cameras: readonly CameraView[], res: number, opts: CoverageOptions = {}): LiveCoverage {
  const counts = new Map<string, number>();
  const cellsOf = new Map<string, string[]>();
  const touched = new Map<string, number>();

  const put = (id: string, cells: string[]): void => {
    cellsOf.set(id, cells);
    for (const c of cells) {
      const n = counts.get(c) ?? 0;
      counts.set(c, n + 1);
      if (n === 0) touched.set(c, (touched.get(c) ?? 0) + 1);
    }
  };
  const take = (id: string): void => {
    const cells = cellsOf.get(id);
    if (!cells) return;
    cellsOf.delete(id);
    for (const c of cells) {
      const n = counts.get(c)! - 1;
      if (n === 0) {
        counts.delete(c);
        touched.set(c, (touched.get(c) ?? 0) - 1);
      } else counts.set(c, n);
    }
  };
  const cellsFor = (c: CameraView): string[] => (countsForCoverage(c, opts.includeNotOnline) ? cameraCells(c, res, opts.buildings) : []);
  // The delta of one edit: cells whose covered state flipped (+1 newly covered, −1 lost).
  const delta = (): CoverageDelta => {
    const added: string[] = [];
    const removed: string[] = [];
    for (const [c, d] of touched) {
      if (d > 0) added.push(c);
      else if (d < 0) removed.push(c);
    }
    touched.clear();
    return { added: added.sort(), removed: removed.sort() };
  };

  for (const c of cameras) {
    take(c.id);
    put(c.id, cellsFor(c));
  }
  touched.clear();

  return {
    res,
    counts,
    covered: () => [...counts.keys()].sort(),
    updateCamera(camera) {
      take(camera.id);
      put(camera.id, cellsFor(camera));
      return delta();
    },
    removeCamera(id) {
      take(id);
      return delta();
    },
  };
}
