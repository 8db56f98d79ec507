// State: the feature whose details are open. Hover is not here: it stays in the map controller.
import { create } from 'zustand';

export type Selection =
  | { kind: 'grid'; id: string }
  | { kind: 'camera'; id: string }
  | { kind: 'hotspot'; id: string }
  | { kind: 'cell'; h3: string; count: number }
  | null;

export const useSelection = create<{ selected: Selection; select(s: Selection): void }>((set) => ({
  selected: null,
  select(selected) {
    set({ selected });
  },
}));
