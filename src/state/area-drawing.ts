// State: whether the user is drawing a filter area on the map. The area itself, once closed,
// is a filter choice (filters.ts: drawnArea).
import { create } from 'zustand';

interface AreaDrawingState {
  drawing: boolean;
  setDrawing(drawing: boolean): void;
}

export const useAreaDrawing = create<AreaDrawingState>((set) => ({
  drawing: false,
  setDrawing(drawing) {
    set({ drawing });
  },
}));
