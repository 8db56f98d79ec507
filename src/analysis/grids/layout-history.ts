// Analysis (PURE): undo and redo over a session's edits — a reducer over the layout and two
// stacks of changes. The whole history is plain JSON, so it is saved as it is and restored
// after a reload with undo still working.
import { applyChange, invertChange, type LayoutChange, type LayoutGrid } from './grid-layout';

export interface LayoutHistory {
  grids: LayoutGrid[];
  /** Changes done, oldest first; the last one is undone first. */
  done: LayoutChange[];
  /** Changes undone, most recently undone last. */
  undone: LayoutChange[];
}

export type HistoryAction = { type: 'do'; change: LayoutChange } | { type: 'undo' } | { type: 'redo' };

export function startHistory(grids: LayoutGrid[]): LayoutHistory {
  return { grids, done: [], undone: [] };
}

/** A new edit clears what was undone (the usual single-line history); undo/redo with nothing to do return the same object. */
export function historyReducer(h: LayoutHistory, action: HistoryAction): LayoutHistory {
  switch (action.type) {
    case 'do':
      return { grids: applyChange(h.grids, action.change), done: [...h.done, action.change], undone: [] };
    case 'undo': {
      const last = h.done[h.done.length - 1];
      if (!last) return h;
      return { grids: applyChange(h.grids, invertChange(last)), done: h.done.slice(0, -1), undone: [...h.undone, last] };
    }
    case 'redo': {
      const next = h.undone[h.undone.length - 1];
      if (!next) return h;
      return { grids: applyChange(h.grids, next), done: [...h.done, next], undone: h.undone.slice(0, -1) };
    }
  }
}

/**
 * Rebuilds a history from a base layout and saved stacks (the saved document keeps the changes
 * only, not the layout): the done changes are applied to the base in order.
 */
export function replayHistory(base: LayoutGrid[], done: LayoutChange[], undone: LayoutChange[]): LayoutHistory {
  let grids = base;
  for (const c of done) grids = applyChange(grids, c);
  return { grids, done, undone };
}
