// State: the feature whose details are open. Hover is not here: it stays in the map controller.
import { create } from 'zustand';
import type { Selection } from '../model';

export const useSelection = create<{ selected: Selection; select(s: Selection): void }>((set) => ({
  selected: null,
  select(selected) {
    set({ selected });
  },
}));
