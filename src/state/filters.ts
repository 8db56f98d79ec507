// State: the incident filter every panel and layer shares. Only choices live here; the worker
// filter and every count are derived from them.
import { create } from 'zustand';
import type { PolygonGeometry } from '../model';

export interface FilterState {
  /** [from, to) in epoch ms, or null for the whole dataset. The brush and the presets set it. */
  timeRange: [number, number] | null;
  /** Offence kinds (ids) left out; empty = every kind. A case class is the set of its kinds. */
  hiddenKinds: string[];
  /** Selected cells of the hour × weekday matrix (weekday × 24 + hour, Monday = 0); empty = all. */
  hoursOfWeek: number[];
  /**
   * The area: a town, a grid, or a drawn polygon (WGS-84), or none. One at a time — choosing
   * one clears the others, except that a grid may be chosen inside its town.
   */
  townId: string | null;
  gridId: string | null;
  drawnArea: PolygonGeometry | null;
  setTimeRange(range: [number, number] | null): void;
  /** Shows the kinds when any is hidden, else hides them all (a case class's checkbox). */
  toggleKinds(ids: string[]): void;
  /** Adds the cells when any is missing, else removes them all (a row or column click). */
  toggleHoursOfWeek(cells: number[]): void;
  clearHoursOfWeek(): void;
  setTown(id: string | null): void;
  setGrid(id: string | null): void;
  setDrawnArea(area: PolygonGeometry | null): void;
}

export const useFilters = create<FilterState>((set) => ({
  timeRange: null,
  hiddenKinds: [],
  hoursOfWeek: [],
  townId: null,
  gridId: null,
  drawnArea: null,
  setTimeRange(timeRange) {
    set({ timeRange });
  },
  toggleKinds(ids) {
    set((s) => {
      const hidden = new Set(s.hiddenKinds);
      const anyHidden = ids.some((id) => hidden.has(id));
      for (const id of ids) anyHidden ? hidden.delete(id) : hidden.add(id);
      return { hiddenKinds: [...hidden].sort() };
    });
  },
  toggleHoursOfWeek(cells) {
    set((s) => {
      const selected = new Set(s.hoursOfWeek);
      const allIn = cells.every((c) => selected.has(c));
      for (const c of cells) allIn ? selected.delete(c) : selected.add(c);
      return { hoursOfWeek: [...selected].sort((a, b) => a - b) };
    });
  },
  clearHoursOfWeek() {
    set({ hoursOfWeek: [] });
  },
  setTown(townId) {
    set({ townId, gridId: null, drawnArea: null });
  },
  setGrid(gridId) {
    set(gridId ? { gridId, drawnArea: null } : { gridId });
  },
  setDrawnArea(drawnArea) {
    set(drawnArea ? { drawnArea, townId: null, gridId: null } : { drawnArea });
  },
}));
