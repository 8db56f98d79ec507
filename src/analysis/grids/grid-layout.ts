// Analysis (PURE): a grid layout as the editor holds it — the grids (features with their
// attributes) and one edit as the set of grids it removes and the set it adds. Undo and redo
// (layout-history.ts) and every operation (layout-ops.ts) are built on this one shape.
import type { AreaGeometry, Feature, FeatureCollection, GridProps } from '../../model';

/** Level of a grid: a grid (网格) or a micro-grid (微网格) subdividing one. */
export type GridLevel = 'grid' | 'micro';

/**
 * Where a grid's households and population come from: the dataset's own survey, the buildings
 * inside it when the dataset's buildings carry households (grid-figures.ts), pro-rated by area
 * from the grids it replaces (grid-prorate.ts), or typed in by the user.
 */
export type FiguresSource = 'survey' | 'buildings' | 'prorated' | 'entered';

export interface LayoutGridProps extends GridProps {
  level: GridLevel;
  figures: FiguresSource;
}
export type LayoutGrid = Feature<AreaGeometry, LayoutGridProps>;
export type LayoutGrids = FeatureCollection<AreaGeometry, LayoutGridProps>;

/** What an operation does, for the history list and the saved log. */
export type EditKind = 'add' | 'reshape' | 'delete' | 'split' | 'merge' | 'move-vertex' | 'attributes' | 'import';

/**
 * One completed edit: the grids it takes out (as they were) and the grids it puts in. A grid kept
 * under its id but changed appears in both. Undo is the same edit with the two sides swapped.
 */
export interface LayoutChange {
  kind: EditKind;
  removed: LayoutGrid[];
  added: LayoutGrid[];
}

/**
 * Applies a change: grids of `removed` leave; grids of `added` take the place of a removed grid
 * of the same id (so the order of the list stays put under reshaping), the others go in before
 * the first grid whose id sorts after theirs — the dataset lists grids by code, so a grid
 * deleted and restored by undo comes back to its place, and a new grid stands by its siblings.
 * Throws when a removed grid is not in the layout — a change applied to the wrong layout.
 */
export function applyChange(grids: readonly LayoutGrid[], change: LayoutChange): LayoutGrid[] {
  const removed = new Set(change.removed.map((g) => g.properties.id));
  const present = new Set(grids.map((g) => g.properties.id));
  for (const id of removed) if (!present.has(id)) throw new Error(`applyChange: grid ${id} is not in the layout`);
  const replacing = new Map(change.added.filter((g) => removed.has(g.properties.id)).map((g) => [g.properties.id, g]));
  const out: LayoutGrid[] = [];
  for (const g of grids) {
    const id = g.properties.id;
    if (!removed.has(id)) out.push(g);
    else if (replacing.has(id)) out.push(replacing.get(id)!);
  }
  for (const g of change.added) {
    if (removed.has(g.properties.id)) continue;
    const at = out.findIndex((o) => o.properties.id > g.properties.id);
    if (at < 0) out.push(g);
    else out.splice(at, 0, g);
  }
  return out;
}

/** The change that undoes `change`. */
export function invertChange(change: LayoutChange): LayoutChange {
  return { kind: change.kind, removed: change.added, added: change.removed };
}

/** The dataset's grids as a layout: their figures are the survey's, each a whole grid. */
export function layoutOfDataset(grids: FeatureCollection<AreaGeometry, GridProps>): LayoutGrid[] {
  return grids.features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { ...f.properties, level: 'grid', figures: 'survey' },
  }));
}
