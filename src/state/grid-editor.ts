// State: the grid editor — the working layout and its undo/redo history, the tool in use, the
// selected grid, settings. Every completed operation is saved at once through userStore()
// ('grid-layouts': the session's changes over the dataset's grids) and restored on reload.
import { create } from 'zustand';
import type { AreaGeometry, LngLat, MapData } from '../model';
import { layoutOfDataset, type LayoutChange, type LayoutGrid } from '../analysis/grids/grid-layout';
import { historyReducer, replayHistory, startHistory, type LayoutHistory } from '../analysis/grids/layout-history';
import { addGrid, deleteGrid, mergeGrids, moveSharedVertex, reshapeGrid, setAttributes, splitGrid, type OpContext, type OpResult } from '../analysis/grids/layout-ops';
import type { SourceGrid } from '../analysis/grids/grid-prorate';
import { buildingHouseholds, type BuildingHouseholds } from '../analysis/grids/grid-figures';
import { buildPlaceIndex, placeOfPoint, type PlaceIndex } from '../analysis/areas/place-of-point';
import { DEFAULT_GRID_STANDARD, type GridStandard } from '../analysis/grids/grid-standard';
import { parseGridCode } from '../analysis/grids/grid-codes';
import { userStore } from '../storage';
import { pointOnFeature } from '@turf/turf';

export type GridTool = 'none' | 'draw' | 'split' | 'merge';

export interface GridEditorSettings {
  /** Snapping tolerance in screen pixels (0: off). */
  snapPx: number;
  standard: GridStandard;
}

/** The saved working layout: the changes of the session(s) over the dataset's grids. */
interface SavedLayout {
  done: LayoutChange[];
  undone: LayoutChange[];
  settings?: GridEditorSettings;
}

interface GridEditorState {
  /** The editor mode is on: the map shows the working layout instead of the dataset's grids. */
  open: boolean;
  tool: GridTool;
  history: LayoutHistory | null;
  selectedId: string | null;
  /** The last operation refused, as a message key suffix (layout-ops errors). */
  refused: string | null;
  settings: GridEditorSettings;
  /** Whether the last completed operation has reached the store. */
  saved: 'saved' | 'saving' | 'failed';
  setOpen(open: boolean): void;
  setTool(tool: GridTool): void;
  select(id: string | null): void;
  undo(): void;
  redo(): void;
  setSettings(s: Partial<GridEditorSettings>): void;
}

export const useGridEditor = create<GridEditorState>((set, get) => ({
  open: false,
  tool: 'none',
  history: null,
  selectedId: null,
  refused: null,
  settings: { snapPx: 10, standard: DEFAULT_GRID_STANDARD },
  saved: 'saved',
  setOpen(open) {
    set({ open, tool: 'none', selectedId: open ? get().selectedId : null });
  },
  setTool(tool) {
    set({ tool, open: true, refused: null });
  },
  select(selectedId) {
    set({ selectedId, refused: null });
  },
  undo() {
    step({ type: 'undo' });
  },
  redo() {
    step({ type: 'redo' });
  },
  setSettings(s) {
    set({ settings: { ...get().settings, ...s } });
    persist();
  },
}));

/**
 * What the operations need from the dataset, set once it is loaded: `base`, the grids loaded
 * with the page (the saved changes apply to them), and `grids`, the dataset's grids now — the
 * same until an import replaces them — which new grids' figures are pro-rated from.
 */
let dataset: {
  key: string;
  base: LayoutGrid[];
  grids: LayoutGrid[];
  sources: SourceGrid[];
  /** The dataset's buildings that carry households (null: none do, figures are pro-rated). */
  buildings: BuildingHouseholds | null;
  places: PlaceIndex;
  data: MapData;
} | null = null;

/** The dataset's grids (as loaded, or as an import replaced them): "the dataset" of comparisons. */
export function baseLayout(): LayoutGrid[] {
  return dataset?.grids ?? [];
}

const sourcesOf = (grids: LayoutGrid[]): SourceGrid[] =>
  grids.map((g) => ({ code: g.properties.code, geometry: g.geometry, households: g.properties.households, population: g.properties.population }));

export function editorDataset(): MapData | null {
  return dataset?.data ?? null;
}

/** What a shape's households are computed from: the grids to pro-rate and the buildings carrying households. */
export function figureSources(): { sources: SourceGrid[]; buildings: BuildingHouseholds | null } {
  return { sources: dataset?.sources ?? [], buildings: dataset?.buildings ?? null };
}

/** Starts the editor on a dataset: its grids, and the session saved for it (if any). */
export async function startGridEditor(data: MapData): Promise<void> {
  const base = layoutOfDataset(data.grids);
  const key = data.manifest.name;
  dataset = { key, base, grids: base, sources: sourcesOf(base), buildings: buildingHouseholds(data.buildings), places: buildPlaceIndex(data.admin, data.grids), data };
  let history = startHistory(base);
  let settings = useGridEditor.getState().settings;
  const doc = await (await userStore()).get<SavedLayout>('grid-layouts', key).catch(() => undefined);
  if (doc) {
    try {
      history = replayHistory(base, doc.value.done, doc.value.undone);
      settings = doc.value.settings ?? settings;
    } catch (e) {
      // The dataset's grids changed under the saved edits: keep the saved document, start clean.
      console.warn('saved grid edits do not fit this dataset; they are kept but not applied:', e);
    }
  }
  useGridEditor.setState({ history, settings });
}

function step(action: Parameters<typeof historyReducer>[1]): void {
  const h = useGridEditor.getState().history;
  if (!h) return;
  const next = historyReducer(h, action);
  if (next === h) return;
  const selected = useGridEditor.getState().selectedId;
  useGridEditor.setState({ history: next, selectedId: next.grids.some((g) => g.properties.id === selected) ? selected : null, refused: null });
  persist();
}

let writing: Promise<unknown> = Promise.resolve();
/** Saves the working layout now (writes queue in order, so the last edit is the one kept). */
function persist(): void {
  const { history, settings } = useGridEditor.getState();
  if (!history || !dataset) return;
  const doc: SavedLayout = { done: history.done, undone: history.undone, settings };
  const key = dataset.key;
  useGridEditor.setState({ saved: 'saving' });
  writing = writing
    .then(async () => (await userStore()).put('grid-layouts', key, doc))
    .then(() => useGridEditor.setState({ saved: 'saved' }))
    .catch((e: unknown) => {
      console.warn('the grid layout could not be saved:', e);
      useGridEditor.setState({ saved: 'failed' });
    });
}

/** Resolves once every save asked for so far has completed (tests and export wait on it). */
export function gridEditsSaved(): Promise<unknown> {
  return writing;
}

/** Applies an operation's result: done, saved, the added grid selected; a refusal is shown. */
function commit(r: OpResult, select?: (c: LayoutChange) => string | null): boolean {
  if (!r.ok) {
    useGridEditor.setState({ refused: r.error });
    return false;
  }
  step({ type: 'do', change: r.change });
  if (select) useGridEditor.setState({ selectedId: select(r.change) });
  return true;
}

/** Codes in use or retired: the dataset's, the layout's and any added during the session. */
function opContext(): OpContext {
  const h = useGridEditor.getState().history!;
  const taken = new Set(dataset!.base.map((g) => g.properties.code));
  for (const g of h.grids) taken.add(g.properties.code);
  for (const c of [...h.done, ...h.undone]) for (const g of c.added) taken.add(g.properties.code);
  return { sources: dataset!.sources, buildings: dataset!.buildings, takenCodes: taken };
}

function current(): LayoutGrid[] {
  return useGridEditor.getState().history?.grids ?? [];
}

/** A finished drawing becomes a new grid of the village/community its first corner lies in. */
export function addDrawnGrid(geometry: AreaGeometry): void {
  if (!dataset) return;
  // A point surely inside the shape (a concave village's vertex mean may lie outside it).
  const [lng, lat] = pointOnFeature(geometry).geometry.coordinates;
  const place = placeOfPoint(dataset.places, lng, lat);
  const villageId = place.village?.id ?? place.town?.id ?? dataset.data.manifest.name;
  const townId = place.town?.id ?? villageId;
  const ctx = opContext();
  const r = addGrid(geometry, { villageId, townId }, ctx);
  if (r.ok) {
    const g = r.change.added[0].properties;
    const seq = parseGridCode(g.code)?.sequence ?? 0;
    g.name = `${place.village?.name ?? place.town?.name ?? ''}第${seq}网格`;
    g.nameEn = `${place.village?.nameEn ?? place.town?.nameEn ?? ''} Grid ${seq}`.trim();
    g.setting = place.village?.kind === 'village' ? 'rural' : 'urban';
  }
  commit(r, (c) => c.added[0].properties.id);
  useGridEditor.setState({ tool: 'none' });
}

/**
 * A reshaped grid: when exactly one vertex moved, it moves in every grid sharing it (one undo
 * step, neighbours stay joined); any other change of shape is a reshape of this grid alone.
 */
export function reshapeSelected(id: string, geometry: AreaGeometry): void {
  const g = current().find((x) => x.properties.id === id);
  if (!g) return;
  const moved = singleMovedVertex(g.geometry, geometry);
  if (moved) commit(moveSharedVertex(current(), moved[0], moved[1]));
  else commit(reshapeGrid(current(), id, geometry, opContext()));
}

export function splitSelected(line: LngLat[]): void {
  const id = useGridEditor.getState().selectedId;
  if (id) commit(splitGrid(current(), id, line, opContext()), (c) => c.added[0].properties.id);
  useGridEditor.setState({ tool: 'none' });
}

/** In merge mode, a click on a second grid merges it into the selected one. */
export function mergeWith(otherId: string): void {
  const id = useGridEditor.getState().selectedId;
  if (id && id !== otherId) commit(mergeGrids(current(), id, otherId), (c) => c.added[0].properties.id);
  useGridEditor.setState({ tool: 'none' });
}

export function deleteSelected(): void {
  const id = useGridEditor.getState().selectedId;
  if (id) commit(deleteGrid(current(), id), () => null);
}

export function editAttributes(id: string, attrs: Parameters<typeof setAttributes>[2]): void {
  commit(setAttributes(current(), id, attrs), () => id);
}

/** Replaces the whole layout (an imported file), as one undoable change. */
export function replaceLayout(grids: LayoutGrid[]): void {
  commit({ ok: true, change: { kind: 'import', removed: current(), added: grids } }, () => null);
}

/**
 * An import replaced the dataset's grids or buildings (the title bar's import). Imported grids:
 * the editor works on them from now on — its layout becomes them, as one undoable change saved
 * like any edit (so it is still there after a reload, when the page loads the dataset's own grids
 * again), and new grids' figures are pro-rated from them. Imported buildings that carry
 * households: new and reshaped grids take their households from them.
 */
export function adoptImport(data: MapData, replaced: { grids: boolean }): void {
  if (!dataset) return;
  const grids = replaced.grids ? layoutOfDataset(data.grids) : dataset.grids;
  dataset = { ...dataset, grids, sources: sourcesOf(grids), buildings: buildingHouseholds(data.buildings), places: buildPlaceIndex(data.admin, data.grids), data };
  if (replaced.grids && useGridEditor.getState().history) replaceLayout(grids);
}

/** The one vertex that differs between two shapes of the same vertex count, as [from, to]. */
function singleMovedVertex(a: AreaGeometry, b: AreaGeometry): [LngLat, LngLat] | null {
  if (a.type !== 'Polygon' || b.type !== 'Polygon' || a.coordinates.length !== b.coordinates.length) return null;
  let moved: [LngLat, LngLat] | null = null;
  for (let r = 0; r < a.coordinates.length; r++) {
    const ra = a.coordinates[r];
    const rb = b.coordinates[r];
    if (ra.length !== rb.length) return null;
    for (let i = 0; i < ra.length - 1; i++) {
      if (ra[i][0] === rb[i][0] && ra[i][1] === rb[i][1]) continue;
      if (moved && (moved[0][0] !== ra[i][0] || moved[0][1] !== ra[i][1])) return null;
      moved = [ra[i], rb[i]];
    }
  }
  return moved;
}
