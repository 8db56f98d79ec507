// UI: connects the grid editor's state to the map controller — the layout to draw while the
// editor is open, and the gesture for the tool in use (draw, split, drag the selected grid's vertices).
import { useEffect, useMemo, type RefObject } from 'react';
import type { LngLat } from '../../model';
import type { MapController } from '../../map/map-controller';
import type { GridEditView } from '../../map/layers/grid-edit-layer';
import { addDrawnGrid, mergeWith, reshapeSelected, splitSelected, useGridEditor } from '../../state/grid-editor';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { useGridCompare } from '../../state/grid-versions';

/** The editor's layer input, or null while the editor is closed. */
export function useGridEditView(): GridEditView | null {
  const open = useGridEditor((s) => s.open);
  const grids = useGridEditor((s) => s.history?.grids);
  const selectedId = useGridEditor((s) => s.selectedId);
  const issues = useGridEditorResults((s) => s.issues);
  const highlight = useGridEditorResults((s) => s.highlight);
  const compare = useGridCompare((s) => s.compare);
  const coverage = useGridEditorResults((s) => s.stats?.coverage ?? null);
  return useMemo(
    () =>
      open && grids
        ? {
            // Two saved versions compared: the later one is drawn; against the working layout, the layout as it is.
            grids: compare && compare.b !== 'current' ? compare.after : grids,
            selectedId,
            issues,
            highlight,
            compare: compare ? { before: compare.before, diff: compare.diff } : null,
            blind: coverage && coverage.blindCells.length > 0 ? { cells: coverage.blindCells, counts: coverage.blindCounts } : null,
          }
        : null,
    [open, grids, selectedId, issues, highlight, compare, coverage],
  );
}

/** What a click on the map means in the editor: select a grid, or merge it into the selected one. */
export function onGridEditPick(id: string | null): void {
  const s = useGridEditor.getState();
  if (s.tool === 'merge' && id) mergeWith(id);
  else s.select(id);
}

/** Starts the map gesture of the current tool; Ctrl+Z / Ctrl+Shift+Z undo and redo while the editor is open. */
export function useGridEditGestures(controller: RefObject<MapController | null>): void {
  const open = useGridEditor((s) => s.open);
  const tool = useGridEditor((s) => s.tool);
  const snapPx = useGridEditor((s) => s.settings.snapPx);
  const grids = useGridEditor((s) => s.history?.grids);
  const selectedId = useGridEditor((s) => s.selectedId);
  const selected = open && tool === 'none' && selectedId ? grids?.find((g) => g.properties.id === selectedId) : undefined;
  const shape = selected?.geometry.type === 'Polygon' ? selected.geometry : null;

  useEffect(() => {
    const c = controller.current;
    if (!c) return;
    const rings = (): LngLat[][] => (grids ?? []).flatMap((g) => (g.geometry.type === 'Polygon' ? g.geometry.coordinates : g.geometry.coordinates.flat()));
    if (!open) return c.editGrids(null);
    if (tool === 'draw') {
      c.editGrids({ tool: 'draw', snapPx, rings: rings(), onSketch: (g) => useGridEditorResults.getState().setSketch(g), onDone: addDrawnGrid });
    } else if (tool === 'split') {
      c.editGrids({ tool: 'split', onDone: splitSelected });
    } else if (shape && selectedId) {
      c.editGrids({ tool: 'reshape', shape, snapPx, rings: rings().filter((r) => !shape.coordinates.includes(r)), onDone: (g) => reshapeSelected(selectedId, g) });
    } else {
      c.editGrids(null);
    }
    return () => useGridEditorResults.getState().setSketch(null);
  }, [controller, open, tool, snapPx, shape, selectedId, grids]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      const s = useGridEditor.getState();
      if (e.key === 'Escape' && s.tool !== 'none') s.setTool('none');
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) s.undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') s.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
