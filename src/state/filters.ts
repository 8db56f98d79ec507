// State: the incident filter every panel and layer shares. Only choices live here; the worker
// filter and every count are derived from them.
import { create } from 'zustand';
import { CASE_CLASSES, type CaseClass } from '../model';

export interface FilterState {
  /** [from, to) in epoch ms, or null for the whole dataset. The brush and the presets set it. */
  timeRange: [number, number] | null;
  caseClasses: CaseClass[];
  /** Selected cells of the hour × weekday matrix (weekday × 24 + hour, Monday = 0); empty = all. */
  hoursOfWeek: number[];
  /** Only incidents in this town / this grid (ids), or null. */
  townId: string | null;
  gridId: string | null;
  setTimeRange(range: [number, number] | null): void;
  toggleCaseClass(c: CaseClass): void;
  /** Adds the cells when any is missing, else removes them all (a row or column click). */
  toggleHoursOfWeek(cells: number[]): void;
  clearHoursOfWeek(): void;
  setTown(id: string | null): void;
  setGrid(id: string | null): void;
}

export const useFilters = create<FilterState>((set) => ({
  timeRange: null,
  caseClasses: [...CASE_CLASSES],
  hoursOfWeek: [],
  townId: null,
  gridId: null,
  setTimeRange(timeRange) {
    set({ timeRange });
  },
  toggleCaseClass(c) {
    set((s) => ({
      caseClasses: s.caseClasses.includes(c) ? s.caseClasses.filter((x) => x !== c) : [...s.caseClasses, c],
    }));
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
    set({ townId, gridId: null });
  },
  setGrid(gridId) {
    set({ gridId });
  },
}));
